// ToneLexicon: Dateline's approximation of GDELT's tone score, (positive words - negative words) / words
// x 100, with a small lexicon of news words written for Dateline (data/tone/tone.tsv; the format is in
// doc/formats/gdelt_tsv.md, AvgTone). It is not GDELT's dictionary, so values are comparable across
// Dateline runs, not with GDELT's own AvgTone.
// Immutable after loading; Score() is const and thread-safe.
#ifndef DATELINE_STORE_TONE_H_
#define DATELINE_STORE_TONE_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace dateline {

class ToneLexicon {
 public:
  ToneLexicon() = default;

  // Reads "word<TAB>+1|-1" lines ('#' comments). Fails with InvalidArgument naming file and line on a
  // malformed row or a word listed twice, IOError when unreadable.
  static StatusOr<ToneLexicon> Load(const std::string& path);

  // The lexicon at DataDir()/tone/tone.tsv, loaded once; empty (every score 0) when it cannot be loaded,
  // with the reason printed once on stderr.
  static const ToneLexicon& Default();

  // Adds or replaces one entry (lower-case base form, polarity +1 or -1). For building tables in tests.
  void Add(std::string word, int polarity) { polarity_[std::move(word)] = polarity > 0 ? 1 : -1; }

  // Polarity of one word (+1, -1, 0): the lower-cased word itself, else its base form after removing a
  // regular English ending (-s, -es, -ed, -d, -ing, -ies/-ied to -y, a doubled final consonant).
  int Polarity(std::string_view word) const;

  // (positive - negative) / words x 100 over the words (letter runs, inner apostrophes and hyphens kept)
  // of text; 0 for a text without words.
  double Score(std::string_view text) const;

  size_t size() const { return polarity_.size(); }

 private:
  int Lookup(const std::string& w) const {
    const auto it = polarity_.find(w);
    return it == polarity_.end() ? 0 : it->second;
  }
  std::unordered_map<std::string, int> polarity_;
};

}  // namespace dateline

#endif  // DATELINE_STORE_TONE_H_
