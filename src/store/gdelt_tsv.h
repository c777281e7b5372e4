// The GDELT 2.0 event table (61 tab-separated columns, GDELT's order) for merged events, so GDELT
// tooling can load Dateline output. See doc/formats/gdelt_tsv.md for the columns Dateline fills.
// Stateless functions; thread-safe.
#ifndef DATELINE_STORE_GDELT_TSV_H_
#define DATELINE_STORE_GDELT_TSV_H_

#include <cstdint>
#include <string>
#include <vector>

#include "merge/event.h"

namespace dateline {

// The 61 column names of the GDELT 2.0 event table, in order.
const std::vector<std::string>& GdeltColumns();

// Appends one event as a GDELT row (61 fields, tab-separated, newline-terminated). global_id is the
// GLOBALEVENTID (GDELT's is numeric); date_added is "YYYYMMDDHHMMSS".
void AppendGdeltRow(const Event& e, uint64_t global_id, const std::string& date_added, std::string* out);

}  // namespace dateline

#endif  // DATELINE_STORE_GDELT_TSV_H_
