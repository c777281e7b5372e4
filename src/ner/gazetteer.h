// Gazetteer: a list of known names with their entity type, matched against token sequences to give the
// named-entity tagger features ("this token starts a known ORG name").
//
// File format (doc/formats/gazetteer.md): UTF-8 TSV, one entry a line, `phrase<TAB>TYPE`, the phrase's
// tokens separated by single spaces as the tokenizer splits them, TYPE one of PER ORG LOC MISC; lines
// starting with '#' and blank lines are ignored. Matching ignores ASCII case and prefers the longest
// phrase. Immutable after loading: Match() is const and thread-safe.
#ifndef DATELINE_NER_GAZETTEER_H_
#define DATELINE_NER_GAZETTEER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace dateline {

class Gazetteer {
 public:
  // Per-token match codes: 0 = no match, else 1 + type * 4 + position (0 B, 1 I, 2 L, 3 U).
  static constexpr int kTypes = 4;  // PER ORG LOC MISC
  static const char* TypeName(int type);

  // Parses TSV text; fails with InvalidArgument naming `origin` and the line for a bad type or missing tab.
  static StatusOr<Gazetteer> Parse(std::string_view tsv, const std::string& origin);
  // Reads and parses a TSV file.
  static StatusOr<Gazetteer> Load(const std::string& path);

  // Fills codes[i] for each word (longest match first, left to right). No allocation once `codes` has
  // capacity; words are compared ignoring ASCII case.
  void Match(const std::vector<std::string_view>& words, std::vector<uint8_t>* codes) const;
  size_t size() const { return phrases_.size(); }
  // Hash of the entries, recorded in models trained with this gazetteer.
  uint64_t fingerprint() const { return fingerprint_; }
  // The entry lines as parsed (no comments or blank lines), one `phrase<TAB>TYPE` a line; parsing this
  // text gives the same gazetteer (models store it).
  const std::string& tsv() const { return tsv_; }

 private:
  std::unordered_map<uint64_t, uint8_t> phrases_;  // hash of lowercased token sequence → type
  std::unordered_map<uint64_t, uint8_t> max_len_;  // hash of first token → longest phrase length
  uint64_t fingerprint_ = 0;
  std::string tsv_;
};

}  // namespace dateline

#endif  // DATELINE_NER_GAZETTEER_H_
