// Output files of a run: events.jsonl, events.tsv (GDELT 2.0 layout), and any text file, each written
// to a temporary name and renamed into place so a killed run never leaves a half-written file.
// Stateless functions; thread-safe for distinct paths.
#ifndef DATELINE_STORE_OUTPUTS_H_
#define DATELINE_STORE_OUTPUTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "merge/event.h"

namespace dateline {

// Writes content to path atomically (path + ".tmp", then rename). IOError names the path.
Status WriteFileAtomic(const std::string& path, std::string_view content);

// One merged event per line (doc/formats/events_jsonl.md).
Status WriteEventsJsonl(const std::string& path, const std::vector<Event>& events);

// GDELT 2.0 event rows, no header line (doc/formats/gdelt_tsv.md). date_added: "YYYYMMDDHHMMSS".
Status WriteEventsTsv(const std::string& path, const std::vector<Event>& events, const std::string& date_added);

// The numeric GLOBALEVENTID of an event id: 53 bits of its hash (exact in a double, as some tools need).
uint64_t GdeltEventId(const std::string& event_id);

// Current UTC time as "YYYYMMDDHHMMSS".
std::string GdeltTimestampNow();

}  // namespace dateline

#endif  // DATELINE_STORE_OUTPUTS_H_
