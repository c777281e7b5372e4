// Merge: cluster event mentions from many documents into events (one record per real event).
//
// Mentions are blocked by PLOVER type and actor pair (countries; the pair is unordered for symmetric
// types such as CONSULT), sorted, and clustered greedily inside each block when they are compatible:
//   - dates agree within each mention's precision (a month or ISO week joins a day inside it; a date taken
//     from the publication date joins an event in the days before it, the latest when several fit; a date
//     from the narrative context is a day either side and yields to the same document's own date);
//   - actors agree (a country matches its government and its people; two different people do not; a
//     report dated only by publication does not bring named people into an event that names none);
//   - modes agree when both are given ("phone" and "visit" are different events);
//   - statuses agree (happened, planned and denied reports of one event merge; hypothetical ones stay apart).
// Then neighbouring day-precise clusters of one block that no document reports both of, and whose dates
// differ by at most MergeOptions::conflict_window_days, are one event with a date conflict; a cluster
// missing one actor joins the single compatible cluster that names it; denials are linked to claims.
// The result depends only on the set of mentions, never on their order: merging the union of shards
// equals merging the whole corpus. Cost: O(n log n) plus the size of the largest block squared in the
// worst case. Stateless functions; thread-safe.
#ifndef DATELINE_MERGE_MERGE_H_
#define DATELINE_MERGE_MERGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "merge/event.h"

namespace dateline {

struct MergeOptions {
  int conflict_window_days = 1;     // day-precise reports this close, from disjoint documents: one event
  int publication_lookback_days = 10;  // an undated "happened" report covers [published - this, published]
  int context_slack_days = 1;         // a report dated from its context covers [date - this, date + this]
  int planned_lookahead_days = 30;    // an undated "planned" report covers [published, published + this]
  int denial_window_days = 7;       // a denial links to a claim made at most this many days before it
  bool link_denials = true;
};

// Days since 1970-01-01, inclusive on both ends.
struct DayInterval {
  int64_t lo = INT64_MIN / 4;
  int64_t hi = INT64_MAX / 4;
  bool bounded() const { return lo > INT64_MIN / 4 && hi < INT64_MAX / 4; }
  int64_t width() const { return bounded() ? hi - lo + 1 : INT64_MAX / 2; }
};

// The days a mention's date allows: its day, month, year or ISO week (a TIMEX value "2022-W05" in
// date_text); a day either side for a date from the narrative context; for a date based on publication the
// days up to it (happened) or after it (planned). Unbounded when unknown.
DayInterval MentionInterval(const MentionRecord& m, const MergeOptions& options = {});

// Builds the record of every event mention of an annotated document (outlet, publication date and the
// reporting sentence filled from doc).
std::vector<MentionRecord> MentionRecordsOf(const Document& doc);

// The outlet that counts for NumSources: doc.source, else the host of doc.url, else "".
std::string OutletOf(const Document& doc);

// Clusters mentions into events (sorted by date, undated last, then id). Never fails; mentions without a type are
// dropped (they cannot be coded).
std::vector<Event> MergeMentions(std::vector<MentionRecord> mentions, const MergeOptions& options = {});

// True for PLOVER types whose two actors play the same role (CONSULT): their pair is unordered.
bool IsSymmetricType(const std::string& type);

// "happened" → kHappened etc.; false for an unknown name.
bool ParseEventStatus(const std::string& name, EventStatus* status);

}  // namespace dateline

#endif  // DATELINE_MERGE_MERGE_H_
