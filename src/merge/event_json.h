// JSON Lines for mentions and merged events: writing events.jsonl (doc/formats/events_jsonl.md) and
// reading `dateline extract` output (doc/formats/extract.md) or events.jsonl back.
// Stateless functions; thread-safe.
#ifndef DATELINE_MERGE_EVENT_JSON_H_
#define DATELINE_MERGE_EVENT_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "merge/event.h"

namespace dateline {

// Appends one mention as an extract-format JSON object (no newline).
void AppendMentionJson(const MentionRecord& m, std::string* out);

// Appends one merged event as a single-line JSON object (no newline), mentions included.
void AppendEventJson(const Event& e, std::string* out);
std::string EventToJson(const Event& e);

// Parses one JSON line and appends the mentions it holds: an extract line (one mention) or an
// events.jsonl line (its "mentions"). Blank lines add nothing. Fails with InvalidArgument on broken JSON
// or a line that is neither.
Status ParseMentionsJson(std::string_view line, std::vector<MentionRecord>* out);

// Parses one events.jsonl line back into an Event (mentions, conflicts and links included).
StatusOr<Event> ParseEventJson(std::string_view line);

// Reads a whole JSON Lines file of mentions (extract or events.jsonl). Broken lines are reported in
// *errors as "path:line: reason" and skipped; fails only when the file cannot be read.
Status ReadMentionsFile(const std::string& path, std::vector<MentionRecord>* out,
                        std::vector<std::string>* errors);

// Reads an events.jsonl file. Fails on the first broken line, naming it.
StatusOr<std::vector<Event>> ReadEventsFile(const std::string& path);

}  // namespace dateline

#endif  // DATELINE_MERGE_EVENT_JSON_H_
