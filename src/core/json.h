// Minimal JSON output helpers for the hot paths (one line per sentence/mention/event).
// Reading JSON uses simdjson (ingest) or nlohmann::json (small config files). Stateless; thread-safe.
#ifndef DATELINE_CORE_JSON_H_
#define DATELINE_CORE_JSON_H_

#include <string>
#include <string_view>

namespace dateline {

// Appends s as a quoted JSON string, escaping quotes, backslashes and control characters.
// s must be valid UTF-8 (ingest guarantees this for document text).
void AppendJsonString(std::string* out, std::string_view s);
std::string JsonString(std::string_view s);

}  // namespace dateline

#endif  // DATELINE_CORE_JSON_H_
