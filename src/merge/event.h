// Event: one real-world event, merged from every report (EventMention) that describes it.
//
// The "reduce" side of Dateline. The pipeline produces EventMentions, one per sentence that reports an
// event; merge (merge.h) clusters them across documents into Events. An Event keeps every mention as
// evidence (MentionRecord: the mention plus what merge needs to know about its document), the value
// chosen for each field, and a Conflict for every field on which its reports disagree.
// Plain data; thread-compatible.
#ifndef DATELINE_MERGE_EVENT_H_
#define DATELINE_MERGE_EVENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dateline {

// One event mention with the facts about its document that merging and the outputs need.
struct MentionRecord {
  EventMention mention;
  std::string outlet;          // Document::source, else the URL's host, else "" (then the doc id counts)
  std::string url;             // Document::url, or ""
  Date published;              // Document::published
  std::string sentence_text;   // the sentence that reports it, as written ("" when unknown)
  uint32_t sentence_start = 0, sentence_end = 0;  // byte offsets of that sentence in the document
  int64_t store_row = 0;       // the mention's row id in dateline.db when loaded from a Store, else 0
};

// A value of one field together with the documents that support it.
struct SupportedValue {
  std::string value;               // e.g. "2022-02-03", "planned", "country:FRA"
  std::vector<std::string> docs;   // document ids, sorted, distinct
};

// Reports disagree on one field of an event.
struct Conflict {
  std::string field;               // "date", "status", "source", "target"
  std::string chosen;              // the value the event carries
  std::vector<SupportedValue> values;  // every value seen, best supported first (chosen is values[0])
};

// A relation between two events.
struct EventLink {
  std::string kind;      // "denied_by" (this claim is denied by other), "denies" (this denial targets other)
  std::string event_id;  // the other event
};

// One real event.
struct Event {
  std::string id;        // "ev-" + 16 hex digits; deterministic, depends only on the event's content
  // What.
  std::string type;      // PLOVER type ("CONSULT")
  std::string mode;      // PLOVER mode ("phone") or ""
  std::string cameo;     // CAMEO code, the most specific one the mentions agree on
  int quad_class = 0;
  double goldstein = 0.0;
  // Who, where, when.
  Actor source, target;  // the most specific actor the mentions name (a person over a country)
  std::string location;
  Date date;             // the best-supported date
  std::string date_basis;  // how that date is known: "text" (stated), "context" (the article's narrative),
                           // "publication" (no report dates it: it happened on or before this day)
  EventStatus status = EventStatus::kHappened;
  // Evidence: sorted by (doc, sentence, trigger_start).
  std::vector<MentionRecord> mentions;
  int num_mentions = 0;  // mentions.size()
  int num_sources = 0;   // distinct outlets (the document id when a document's outlet is unknown)
  int num_articles = 0;  // distinct documents
  double confidence = 0.0;  // 0..1: grows with independent sources, drops with conflicts
  std::vector<Conflict> conflicts;
  std::vector<EventLink> links;

  bool has_conflict(const std::string& field) const {
    for (const auto& c : conflicts) {
      if (c.field == field) return true;
    }
    return false;
  }
};

}  // namespace dateline

#endif  // DATELINE_MERGE_EVENT_H_
