// Which sentences the "parse" stage must parse in a full pipeline run.
//
// The events stage is the only consumer of the dependency tree in the pipeline, and it reads the tree of a
// sentence only when the sentence holds a trigger match, whose head word has a lower-case form or lemma
// that is a head form of some trigger entry (EventLexicon::EntriesForHead) and the part of speech of that
// entry (NOUN for a nominal trigger, VERB for a verbal one). A sentence with no such word yields no event
// from its own tree, so the pipeline leaves it unparsed. The test here must stay a superset of the events
// stage's trigger search (src/events/event_annotator.cc, FindMatches and MatchEntry); pipeline_test checks
// that a full run gives the same events with and without it.
// Pure function of its inputs: thread-safe.
#ifndef DATELINE_PIPELINE_PARSE_FILTER_H_
#define DATELINE_PIPELINE_PARSE_FILTER_H_

#include "core/document.h"
#include "events/lexicon.h"

namespace dateline {

// True when some token of the tagged sentence could head an event trigger of `lexicon`: its lower-case
// form (norm, else text) or lower-case lemma is the head form of an entry whose part of speech it has
// (any entry when the sentence is untagged).
bool HasTriggerCandidate(const EventLexicon& lexicon, const Sentence& sentence);

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PARSE_FILTER_H_
