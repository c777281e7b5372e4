// The `dateline extract` line format: one event mention as one JSON object (doc/formats/extract.md).
// Stateless; thread-safe.
#ifndef DATELINE_EVENTS_MENTION_JSON_H_
#define DATELINE_EVENTS_MENTION_JSON_H_

#include <string>

#include "core/document.h"
#include "events/lexicon.h"

namespace dateline {

// Appends the JSON object for `mention` of `doc` (no trailing newline). `lexicon` supplies the CAMEO
// code's name; may be null (name left empty).
void AppendMentionJson(const Document& doc, const EventMention& mention, const EventLexicon* lexicon,
                       std::string* out);

}  // namespace dateline

#endif  // DATELINE_EVENTS_MENTION_JSON_H_
