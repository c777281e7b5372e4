// Time-expression recognition and normalisation (TIMEX3 as TimeML defines it) for English news.
//
// A hand-written scanner: the text is cut into words, numbers and punctuation with byte offsets, each
// word is looked up once in a static lexicon (months, weekdays, units, number words, cue words), and
// pattern functions match at each position, longest first. Relative expressions are anchored to the
// document creation time (DCT, the publication date) and the tense of the clause ("spoke on Thursday"
// → the Thursday before, "will meet on Monday" → the coming Monday), and "the next day", "two days
// later" to the previously mentioned date. No regular expressions, no allocation per word.
//
// The lexicon is built once at first use (thread-safe static); every function here is then stateless,
// reentrant and thread-safe.
#ifndef DATELINE_TIMEX_TIMEX_H_
#define DATELINE_TIMEX_TIMEX_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dateline {

struct TimexOptions {
  // Use the tense of the clause (tags when present, else cue words such as will/had/-ed) to choose
  // between the past and the coming reading of a weekday or month. Off: weekdays go to the past.
  bool use_tense = true;
  // Anchor "the next day", "two days later", "a year earlier" to the previously mentioned date (else DCT).
  bool anchor_to_previous = true;
  // "February 14-15" and "28 and 31 January" give one expression per day (the events stage needs both).
  bool split_day_lists = true;
  // Also tag vague references that TimeML annotates ("now" → PRESENT_REF, "recently" → PAST_REF,
  // "the future" → FUTURE_REF). The events stage ignores them; TempEval scoring counts them.
  bool vague_references = true;
};

// Finds and normalises every time expression in text (UTF-8; offsets are byte offsets into it).
// dct is the publication date; when it is unknown, relative expressions get "XXXX" placeholders in
// their value and no calendar date. sentences, when given (segmented Document), supply sentence
// indexes and part-of-speech tags for the tense cues; they must refer to this same text.
// Never fails: text that holds no time expression yields an empty vector.
std::vector<TimeExpression> TagTimexes(std::string_view text, const Date& dct, const TimexOptions& options = {},
                                       const std::vector<Sentence>* sentences = nullptr);

// Short form used by tests and TimeML processing: TagTimexes with default options and no sentences.
inline std::vector<TimeExpression> Tag(std::string_view text, const Date& dct) {
  return TagTimexes(text, dct);
}

// ISO 8601 week of a day-precision date as TimeML writes it: "2022-W05". Empty for other precisions.
std::string IsoWeekString(const Date& d);

}  // namespace dateline

#endif  // DATELINE_TIMEX_TIMEX_H_
