// Scores a system's CoNLL-U annotation against gold as the CoNLL 2018 shared task does, for identical
// (gold) tokenization: UPOS, XPOS, lemma accuracy, UAS, LAS (relations compared on their universal part,
// "nmod:poss" counts as "nmod"). Pure functions: thread-safe.
#ifndef DATELINE_TAG_UD_EVAL_H_
#define DATELINE_TAG_UD_EVAL_H_

#include <string>

#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct UdScores {
  size_t words = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;  // correct counts
  double Pct(size_t k) const { return words ? 100.0 * static_cast<double>(k) / static_cast<double>(words) : 0; }
  // "UPOS 95.12  XPOS …  LAS 84.00" on one line.
  std::string Summary() const;
};

// Compares sentence by sentence; fails with InvalidArgument when sentence or word counts differ or a word's
// form differs (the tokenizations must be the same).
StatusOr<UdScores> EvaluateUd(const Document& gold, const Document& system);

}  // namespace dateline

#endif  // DATELINE_TAG_UD_EVAL_H_
