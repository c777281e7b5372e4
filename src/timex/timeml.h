// TimeML (TempEval-3) documents: reading inputs, writing TIMEX3 annotations, and the TempEval-3 timex
// scores (strict/relaxed span P/R/F1, type and value attribute F1).
//
// Reading keeps the file verbatim and locates the <TEXT> element; the plain text given to the tagger is
// the TEXT content with every tag removed (entities such as &amp; are left as written, so writing the
// annotated file reproduces the text byte for byte). Plain functions; reentrant and thread-safe.
#ifndef DATELINE_TIMEX_TIMEML_H_
#define DATELINE_TIMEX_TIMEML_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/status.h"

namespace dateline {

// One TimeML document as read from disk.
struct TimemlDocument {
  std::string name;        // file name without ".tml" / ".tml.TE3input"
  std::string raw;         // the whole file
  size_t text_begin = 0;   // byte offsets of the TEXT element's content in raw
  size_t text_end = 0;
  std::string text;        // TEXT content without tags (entities as written)
  Date dct;                // from the CREATION_TIME TIMEX3 (inside <DCT>); unknown when absent
};

// Parses a TimeML file's content. Fails with InvalidArgument when there is no <TEXT> element.
StatusOr<TimemlDocument> ParseTimeml(std::string raw, std::string name);
// Reads and parses path; the name is the file name without its TimeML extension.
StatusOr<TimemlDocument> ReadTimeml(const std::string& path);

// The file with TIMEX3 tags (tid t1…, type, value, optional mod) inserted around each expression in the
// TEXT element; everything else is byte-identical to doc.raw minus the tags TEXT held before.
// Expressions are offsets into doc.text; overlapping ones after the first are dropped.
std::string WriteTimeml(const TimemlDocument& doc, const std::vector<TimeExpression>& timexes);

// A TIMEX3 as the scorer sees it: character offsets in the tag-free, entity-decoded TEXT content.
struct ScoredTimex {
  size_t start = 0, end = 0;
  std::string type, value;
};
// The TIMEX3 elements of a TimeML file's TEXT (the creation time and empty elements excluded).
std::vector<ScoredTimex> ExtractTimexes(std::string_view raw);

struct PRF {
  double p = 0, r = 0, f1 = 0;
};
struct TimexScores {
  size_t gold = 0, system = 0;
  size_t strict = 0, relaxed = 0, type = 0, value = 0;  // matched counts
  PRF strict_prf, relaxed_prf, type_prf, value_prf;
  std::vector<std::string> details;  // "MISS file start-end …", "VALUE …", "EXTRA …" when verbose
};

// Scores every *.tml in gold_dir against the same name in system_dir, as TempEval-3 task A does (and
// as shared/tools/score_timex.py implements it). Fails when gold_dir cannot be listed.
StatusOr<TimexScores> ScoreTimexDirs(const std::string& gold_dir, const std::string& system_dir,
                                     bool verbose = false);
// Adds one document's counts to scores (details named after `name` when verbose).
void ScoreTimexDocument(const std::vector<ScoredTimex>& gold, const std::vector<ScoredTimex>& system,
                        const std::string& name, bool verbose, TimexScores* scores);
// Fills the PRF fields from the counts.
void FinishScores(TimexScores* scores);
// The report printed by `dateline eval timex`, in score_timex.py's layout.
std::string FormatScores(const TimexScores& s);

}  // namespace dateline

#endif  // DATELINE_TIMEX_TIMEML_H_
