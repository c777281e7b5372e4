// Lemmatizer: form + XPOS → lemma, from a learned exception dictionary, WordNet's exception lists and
// suffix-rewrite rules keyed by XPOS (all learned or loaded at training time and stored in the tagger
// model). Immutable after loading: Lemmatize() is const and thread-safe.
#ifndef DATELINE_TAG_LEMMATIZER_H_
#define DATELINE_TAG_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "tag/byte_io.h"

namespace dateline {

class Lemmatizer {
 public:
  // Removes `strip` bytes from the end of the (case-mapped) form and appends `append`.
  struct Rule {
    uint32_t strip = 0;
    std::string append;
  };

  // Writes the lemma of `form` tagged `xpos` into *lemma (reusing its capacity).
  void Lemmatize(std::string_view form, std::string_view xpos, std::string* lemma) const;
  // The lemma the rules alone give (no dictionary); used by the trainer to decide what to store.
  void ApplyRules(std::string_view form, std::string_view xpos, std::string* lemma) const;

  // The form in the case the lemma is built from: unchanged for XPOS in keep_case, ASCII-lowercased otherwise.
  std::string Base(std::string_view form, std::string_view xpos) const;
  // WordNet part of speech letter for an XPOS ("v", "n", "a", "r") or 0 when WordNet does not apply.
  static char WordNetPos(std::string_view xpos);

  void Write(ByteWriter* out) const;
  Status Read(ByteReader* in);

  // Tables, filled by the trainer (tag/lemmatizer_trainer.h).
  std::unordered_map<std::string, std::string> dict;     // Base(form)\txpos → lemma
  std::unordered_map<std::string, std::string> wordnet;  // pos letter\tlowercase form → lemma
  std::unordered_map<std::string, uint32_t> suffix;      // xpos\tsuffix of Base(form) → index in rules
  std::vector<Rule> rules;
  std::unordered_set<std::string> keep_case;             // XPOS whose lemmas keep the form's case
  uint32_t max_suffix = 6;
};

}  // namespace dateline

#endif  // DATELINE_TAG_LEMMATIZER_H_
