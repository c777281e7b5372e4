// JSON Lines form of actor mentions, as `dateline actors` writes them and the golden files store them:
//   {"doc","start","end","text","actor":{"id","name","country","code","role"},"how"}
// Stateless; thread-safe.
#ifndef DATELINE_ACTORS_MENTION_JSON_H_
#define DATELINE_ACTORS_MENTION_JSON_H_

#include <string>

#include "core/document.h"

namespace dateline {

// Appends one line (with its newline) for mention m of doc.
void AppendActorMentionJson(const Document& doc, const ActorMention& m, std::string* out);

}  // namespace dateline

#endif  // DATELINE_ACTORS_MENTION_JSON_H_
