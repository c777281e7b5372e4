// Which sentences the "parse" stage must parse in a full pipeline run.
//
// The events stage is the only consumer of the dependency tree in the pipeline, and it reads the tree of a
// sentence only when the sentence holds a trigger match (src/events/event_annotator.cc, FindMatches and
// MatchEntry): a head word whose lower-case form or lemma is a head form of a trigger entry, with the
// entry's part of speech (NOUN for a nominal trigger, VERB for a verbal one), the entry's other pattern
// words at their places around it, and its condition class (@class) near it. A sentence with no such
// match yields no event from its own tree, so the pipeline leaves it unparsed. The test here must stay a
// superset of that search: it checks the other pattern words and the condition class within the farthest
// reach of the events stage's walk (2 tokens a word to the left, 4 to the right, 8 around for the class)
// and ignores the finer conditions. pipeline_test checks that a full run gives the same events with and
// without it.
// Pure function of its inputs: thread-safe.
#ifndef DATELINE_PIPELINE_PARSE_FILTER_H_
#define DATELINE_PIPELINE_PARSE_FILTER_H_

#include "core/document.h"
#include "events/lexicon.h"

namespace dateline {

// True when some token of the tagged sentence could head an event trigger match of `lexicon`: its
// lower-case form (norm, else text) or lower-case lemma is the head form of an entry whose part of speech
// it has (any entry when the sentence is untagged), and that entry's other words and condition class
// stand within reach.
bool HasTriggerCandidate(const EventLexicon& lexicon, const Sentence& sentence);

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PARSE_FILTER_H_
