// Timeline: the story day by day, built from merged events.
//
// Per date, the events that happened (or were reported and denied) ranked by importance — independent
// sources, QuadClass (material acts above words) and how prominent their actors are in the whole story —
// each with one representative sentence and its source. Planned events go under "Ahead"; events whose
// reports disagree are marked with the conflicting values and their documents; denials are shown next to
// the claims they deny. Hypothetical events (threats of what might happen) are left out.
// Rendered as Markdown or as one self-contained HTML page (inline CSS, no scripts, no network).
// Stateless functions over const data; thread-safe.
#ifndef DATELINE_TIMELINE_TIMELINE_H_
#define DATELINE_TIMELINE_TIMELINE_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "merge/event.h"

namespace dateline {

struct TimelineOptions {
  std::string actor;           // keep events naming this actor (name part, actor id or country code); "" = all
  std::optional<Date> from;    // keep events whose date period ends on or after this day
  std::optional<Date> to;      // keep events whose date period starts on or before this day
  size_t max_per_day = 25;     // events shown per date (the rest are counted)
  std::string title = "Timeline";
};

// One event on the timeline with why it ranks where it does.
struct TimelineEntry {
  const Event* event = nullptr;
  double importance = 0.0;
  const MentionRecord* representative = nullptr;  // the sentence shown; null when the event has no mentions
};

struct TimelineDay {
  Date date;                         // day, month or year precision
  std::vector<TimelineEntry> entries;  // most important first
  size_t hidden = 0;                 // entries beyond max_per_day
};

// A timeline refers to the events it was built from: they must outlive it.
struct Timeline {
  std::vector<TimelineDay> days;     // chronological
  std::vector<TimelineEntry> ahead;  // planned events, by date
  std::vector<TimelineEntry> undated;
  size_t events = 0;                 // events shown (days + ahead + undated)
  size_t articles = 0;               // distinct documents behind them
  size_t hypothetical = 0;           // hypothetical events left out
};

// True when event names the actor: a case-insensitive part of an actor's name, an actor id, or a
// country code (also in any mention).
bool EventInvolves(const Event& event, const std::string& actor);

// Builds the timeline of events under options (filters, ranking). Never fails.
Timeline BuildTimeline(const std::vector<Event>& events, const TimelineOptions& options = {});

// "Joe Biden talked with Emmanuel Macron (phone)": a one-line headline for an event.
std::string EventHeadline(const Event& event);

std::string RenderTimelineMarkdown(const Timeline& timeline, const TimelineOptions& options = {});
std::string RenderTimelineHtml(const Timeline& timeline, const TimelineOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_TIMELINE_TIMELINE_H_
