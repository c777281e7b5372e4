// The "timex" pipeline stage: fills Document::timexes from Document::text and the publication date.
//
// Uses the Document's sentences and part-of-speech tags when earlier stages filled them (sentence index,
// tense cues) and works on raw text otherwise. Stateless after construction; Annotate() is thread-safe.
#ifndef DATELINE_TIMEX_TIMEX_ANNOTATOR_H_
#define DATELINE_TIMEX_TIMEX_ANNOTATOR_H_

#include <memory>

#include "core/annotator.h"
#include "core/status.h"
#include "timex/timex.h"

namespace dateline {

// Creates the timex stage. Never fails today (the lexicon is compiled in); returns StatusOr so the
// pipeline treats every stage alike.
StatusOr<std::unique_ptr<Annotator>> MakeTimexAnnotator(const TimexOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_TIMEX_TIMEX_ANNOTATOR_H_
