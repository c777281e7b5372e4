// The "events" stage: finds event mentions in a tagged, parsed, time- and actor-annotated Document and
// codes them (CAMEO code, QuadClass, Goldstein, PLOVER type and mode), with who did it to whom, where,
// when (date and its basis) and how the report qualifies it (happened / planned / hypothetical / denied,
// negation, modality cue, attribution).
//
// Triggers come from data/events/triggers.tsv (verbal and nominal patterns), status cues from cues.tsv.
// Roles come from the dependency parse when the sentence has a plausible one, else from surface patterns
// over the actor mentions of the sentence (nearest actor to the left of the trigger in its clause, the
// actor after "with"/"to"/…, "X's visit", "the X-Y call", "between X and Y"), with "both leaders" /
// "they" resolved to the pair of the previous event. A trigger with no resolved actor yields nothing.
//
// Thread-safe: Annotate() is const and keeps its scratch state on the stack; one loaded annotator serves
// every thread.
#ifndef DATELINE_EVENTS_EVENT_ANNOTATOR_H_
#define DATELINE_EVENTS_EVENT_ANNOTATOR_H_

#include <memory>
#include <string>

#include "core/annotator.h"
#include "core/status.h"
#include "events/lexicon.h"

namespace dateline {

struct EventAnnotatorOptions {
  std::string data_dir;            // "" = DataPath("events")
  int context_sentences = 3;       // how far back an undated sentence looks for the narrative date
  bool derive_accusations = true;  // "X warned that Y could invade" also yields X ACCUSE Y (happened)
  bool use_parse = true;           // use the dependency parse for roles when it looks plausible
};

// The annotator, for callers that also need its lexicon (the extract command prints CAMEO names).
class EventAnnotator : public Annotator {
 public:
  // Loads the lexicon. Fails when a data file is missing or malformed (message names file and line).
  static StatusOr<std::unique_ptr<EventAnnotator>> Load(const EventAnnotatorOptions& options = {});

  const char* name() const override { return "events"; }
  // Replaces doc->events with the mentions found. Needs sentences with tokens; uses whatever of
  // tags, parse, timexes and actors is present. Never fails on content.
  Status Annotate(Document* doc) const override;

  const EventLexicon& lexicon() const { return *lexicon_; }

 private:
  EventAnnotator(EventAnnotatorOptions options, std::unique_ptr<EventLexicon> lexicon)
      : options_(std::move(options)), lexicon_(std::move(lexicon)) {}
  EventAnnotatorOptions options_;
  std::unique_ptr<EventLexicon> lexicon_;
};

// Pipeline factory (src/pipeline): the events stage with default options.
StatusOr<std::unique_ptr<Annotator>> MakeEventAnnotator();

}  // namespace dateline

#endif  // DATELINE_EVENTS_EVENT_ANNOTATOR_H_
