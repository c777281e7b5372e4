// The GDELT 2.0 event table (61 tab-separated columns, GDELT's order) for merged events, so GDELT
// tooling can load Dateline output. See doc/formats/gdelt_tsv.md for the columns Dateline fills.
// Stateless functions over immutable tables; thread-safe.
#ifndef DATELINE_STORE_GDELT_TSV_H_
#define DATELINE_STORE_GDELT_TSV_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "merge/event.h"
#include "store/geo.h"
#include "store/tone.h"

namespace dateline {

// The 61 column names of the GDELT 2.0 event table, in order.
const std::vector<std::string>& GdeltColumns();

// Where a row's geography and tone come from.
struct GdeltRowOptions {
  const GeoTable* geo = nullptr;      // nullptr: GeoTable::Default() (data/geo)
  const ToneLexicon* tone = nullptr;  // nullptr: ToneLexicon::Default() (data/tone/tone.tsv)
};

// Appends one event as a GDELT row (61 fields, tab-separated, newline-terminated). global_id is the
// GLOBALEVENTID (GDELT's is numeric); date_added is "YYYYMMDDHHMMSS".
void AppendGdeltRow(const Event& e, uint64_t global_id, const std::string& date_added, std::string* out,
                    const GdeltRowOptions& options = {});

// ActionGeo of an event: its location resolved (a country, refined to a city of that country when a
// report's sentence names one after "in"/"at" near the trigger; a known place; else unresolved with the
// location as its full name). An event without a location takes the place a report's sentence names after
// "in"/"at" near the trigger (the most reports first, then the first report), else nothing.
GeoPoint EventActionGeo(const Event& e, const GeoTable& geo);

// Geography of an actor: its country (type 1), or unresolved when the actor has no known country.
GeoPoint ActorGeo(const Actor& a, const GeoTable& geo);

// AvgTone: the tone of each report's sentence averaged over the reports that have one; nullopt when none.
std::optional<double> EventTone(const Event& e, const ToneLexicon& tone);

}  // namespace dateline

#endif  // DATELINE_STORE_GDELT_TSV_H_
