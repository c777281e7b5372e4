#include "timeline/timeline.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace dateline {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ActorMatches(const Actor& a, const std::string& query, const std::string& lower_query) {
  if (a.empty()) return false;
  if (a.id == query || a.country == query || a.code == query) return true;
  return !lower_query.empty() && Lower(a.name).find(lower_query) != std::string::npos;
}

std::string ActorLabel(const Actor& a) {
  if (a.empty()) return "";
  if (!a.name.empty()) return a.name;
  if (!a.code.empty()) return a.code;
  return a.country;
}

const char* Verb(const std::string& type) {
  static const std::map<std::string, const char*> kVerbs = {
      {"AGREE", "agreed with"},       {"CONSULT", "talked with"},       {"SUPPORT", "backed"},
      {"CONCEDE", "made concessions to"}, {"COOPERATE", "cooperated with"}, {"AID", "gave aid to"},
      {"RETREAT", "pulled back from"}, {"REQUEST", "asked"},            {"ACCUSE", "accused"},
      {"REJECT", "rejected"},          {"THREATEN", "threatened"},      {"PROTEST", "protested against"},
      {"SANCTION", "sanctioned"},      {"MOBILIZE", "mobilized against"}, {"COERCE", "coerced"},
      {"ASSAULT", "attacked"}};
  auto it = kVerbs.find(type);
  return it == kVerbs.end() ? nullptr : it->second;
}

// The first day after the event's date period (for window filters).
int64_t PeriodEnd(const Date& d) {
  switch (d.precision) {
    case DatePrecision::kDay: return d.ToDays();
    case DatePrecision::kMonth: return d.ToDays() + DaysInMonth(d.year, d.month) - 1;
    case DatePrecision::kYear: return Date::Day(d.year, 12, 31).ToDays();
    case DatePrecision::kUnknown: break;
  }
  return 0;
}

double QuadWeight(int quad) {
  switch (quad) {
    case 4: return 1.5;  // material conflict
    case 2: return 1.2;  // material cooperation
    case 3: return 1.0;  // verbal conflict
    case 1: return 0.6;  // verbal cooperation
    default: return 0.5;
  }
}

const MentionRecord* Representative(const Event& e) {
  const MentionRecord* best = nullptr;
  auto score = [&](const MentionRecord& r) {
    double s = r.mention.confidence;
    if (r.mention.status == e.status) s += 1.0;
    if (r.mention.date == e.date) s += 1.0;
    if (r.mention.date_basis != "publication") s += 0.5;
    if (!r.mention.source.actor.empty() && !r.mention.target.actor.empty()) s += 0.5;
    if (r.sentence_text.empty()) s -= 3.0;
    if (r.sentence_text.size() > 400) s -= 0.5;
    return s;
  };
  for (const auto& r : e.mentions) {
    if (!best || score(r) > score(*best)) best = &r;
  }
  return best;
}

std::string OneLine(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string SourceLabel(const MentionRecord& r) {
  std::string s = r.mention.doc;
  std::string extra;
  if (!r.outlet.empty()) extra = r.outlet;
  if (r.published.known()) extra += (extra.empty() ? "" : ", ") + r.published.ToString();
  if (!extra.empty()) s += " (" + extra + ")";
  return s;
}

std::string DateHeading(const Date& d) {
  static const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static const char* kMonths[] = {"",     "January", "February",  "March",   "April",    "May",     "June",
                                  "July", "August",  "September", "October", "November", "December"};
  switch (d.precision) {
    case DatePrecision::kDay:
      return d.ToString() + " (" + kDays[d.Weekday()] + ")";
    case DatePrecision::kMonth:
      return d.ToString() + " (" + kMonths[d.month] + " " + std::to_string(d.year) + ", day unknown)";
    case DatePrecision::kYear:
      return d.ToString() + " (day unknown)";
    case DatePrecision::kUnknown:
      break;
  }
  return "undated";
}

std::string JoinDocs(const std::vector<std::string>& docs) {
  std::string out;
  for (const auto& d : docs) out += (out.empty() ? "" : ", ") + d;
  return out;
}

// "date: 2022-02-02 (000, 002) vs 2022-02-03 (001)".
std::string ConflictText(const Conflict& c) {
  std::string out = c.field + ": ";
  for (size_t i = 0; i < c.values.size(); ++i) {
    if (i) out += " vs ";
    out += c.values[i].value + " (" + JoinDocs(c.values[i].docs) + ")";
  }
  return out;
}

std::string Counts(const Event& e) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%d report%s in %d article%s from %d source%s", e.num_mentions,
                e.num_mentions == 1 ? "" : "s", e.num_articles, e.num_articles == 1 ? "" : "s", e.num_sources,
                e.num_sources == 1 ? "" : "s");
  return buf;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Markdown text: characters that would start formatting are escaped.
std::string MdEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::map<std::string, const Event*> IndexById(const Timeline& t) {
  std::map<std::string, const Event*> out;
  auto add = [&](const std::vector<TimelineEntry>& es) {
    for (const auto& e : es) out[e.event->id] = e.event;
  };
  for (const auto& d : t.days) add(d.entries);
  add(t.ahead);
  add(t.undated);
  return out;
}

std::string Summary(const Timeline& t, const TimelineOptions& o) {
  std::string s = std::to_string(t.events) + " event" + (t.events == 1 ? "" : "s") + " from " +
                  std::to_string(t.articles) + " article" + (t.articles == 1 ? "" : "s");
  if (!t.days.empty()) s += ", " + t.days.front().date.ToString() + " to " + t.days.back().date.ToString();
  if (!o.actor.empty()) s += "; actor: " + o.actor;
  if (o.from) s += "; from " + o.from->ToString();
  if (o.to) s += "; to " + o.to->ToString();
  if (t.hypothetical) s += "; " + std::to_string(t.hypothetical) + " hypothetical event(s) left out";
  return s;
}

}  // namespace

bool EventInvolves(const Event& e, const std::string& actor) {
  if (actor.empty()) return true;
  const std::string lower = Lower(actor);
  if (ActorMatches(e.source, actor, lower) || ActorMatches(e.target, actor, lower)) return true;
  for (const auto& r : e.mentions) {
    if (ActorMatches(r.mention.source.actor, actor, lower) || ActorMatches(r.mention.target.actor, actor, lower)) {
      return true;
    }
  }
  return false;
}

std::string EventHeadline(const Event& e) {
  const std::string s = ActorLabel(e.source), t = ActorLabel(e.target);
  const char* verb = Verb(e.type);
  std::string out;
  if (verb) {
    std::string v = verb;
    if (t.empty()) {
      // "mobilized", "rejected": drop the dangling preposition.
      for (const char* prep : {" with", " to", " from", " against"}) {
        const std::string p = prep;
        if (v.size() > p.size() && v.compare(v.size() - p.size(), p.size(), p) == 0) v.resize(v.size() - p.size());
      }
    }
    out = (s.empty() ? std::string("Someone") : s) + " " + v + (t.empty() ? "" : " " + t);
  } else {
    out = (s.empty() ? std::string("?") : s) + " " + e.type + (t.empty() ? "" : " " + t);
  }
  std::string tags = e.type;
  if (!e.mode.empty()) tags += ", " + e.mode;
  if (!e.cameo.empty()) tags += ", CAMEO " + e.cameo;
  return out + " [" + tags + "]";
}

Timeline BuildTimeline(const std::vector<Event>& events, const TimelineOptions& options) {
  Timeline t;
  // Actor prominence: in how many events of the whole story an actor takes part.
  std::unordered_map<std::string, int> appearances;
  auto key = [](const Actor& a) { return a.id.empty() ? a.code + "/" + a.country : a.id; };
  for (const Event& e : events) {
    if (!e.source.empty()) appearances[key(e.source)]++;
    if (!e.target.empty()) appearances[key(e.target)]++;
  }
  auto prominence = [&](const Actor& a) {
    if (a.empty()) return 0.0;
    return std::log1p(static_cast<double>(appearances[key(a)])) * 0.5;
  };
  std::set<std::string> docs;
  std::map<std::string, TimelineDay> by_date;
  for (const Event& e : events) {
    if (!EventInvolves(e, options.actor)) continue;
    if ((options.from || options.to) && !e.date.known()) continue;
    if (options.from && PeriodEnd(e.date) < options.from->ToDays()) continue;
    if (options.to && e.date.ToDays() > options.to->ToDays()) continue;
    if (e.status == EventStatus::kHypothetical) {
      t.hypothetical++;
      continue;
    }
    TimelineEntry entry;
    entry.event = &e;
    entry.importance = 2.0 * std::log1p(e.num_sources) + 0.5 * std::log1p(e.num_articles) +
                       QuadWeight(e.quad_class) + prominence(e.source) + prominence(e.target) + e.confidence;
    entry.representative = Representative(e);
    for (const auto& r : e.mentions) docs.insert(r.mention.doc);
    t.events++;
    if (e.status == EventStatus::kPlanned) {
      t.ahead.push_back(entry);
    } else if (!e.date.known()) {
      t.undated.push_back(entry);
    } else {
      TimelineDay& day = by_date[e.date.ToString()];
      day.date = e.date;
      day.entries.push_back(entry);
    }
  }
  auto by_importance = [](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.importance != b.importance) return a.importance > b.importance;
    return a.event->id < b.event->id;
  };
  for (auto& [d, day] : by_date) {
    std::sort(day.entries.begin(), day.entries.end(), by_importance);
    if (day.entries.size() > options.max_per_day) {
      day.hidden = day.entries.size() - options.max_per_day;
      day.entries.resize(options.max_per_day);
    }
    t.days.push_back(std::move(day));
  }
  std::sort(t.ahead.begin(), t.ahead.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.event->date.known() != b.event->date.known()) return a.event->date.known();
    const std::string da = a.event->date.ToString(), db = b.event->date.ToString();
    if (da != db) return da < db;
    return by_importance(a, b);
  });
  std::sort(t.undated.begin(), t.undated.end(), by_importance);
  t.articles = docs.size();
  return t;
}

std::string RenderTimelineMarkdown(const Timeline& t, const TimelineOptions& options) {
  const auto index = IndexById(t);
  std::string out = "# " + options.title + "\n\n_" + MdEscape(Summary(t, options)) + "_\n";
  auto entry_md = [&](const TimelineEntry& en, bool with_date) {
    const Event& e = *en.event;
    std::string s = "- ";
    if (with_date) s += (e.date.known() ? e.date.ToString() : "date unknown") + " — ";
    s += "**" + MdEscape(EventHeadline(e)) + "**";
    if (e.status == EventStatus::kDenied) s += " _(reported, then denied)_";
    if (e.date_basis == "publication" && e.status == EventStatus::kHappened) s += " _(undated: on or before the report)_";
    s += " — " + Counts(e) + "\n";
    if (en.representative) {
      const std::string text = OneLine(en.representative->sentence_text);
      if (!text.empty()) s += "  > " + MdEscape(text) + "\n";
      s += "  >\n  > — " + MdEscape(SourceLabel(*en.representative)) + "\n";
    }
    for (const Conflict& c : e.conflicts) {
      s += "  - ⚠ **Conflicting reports** on the " + MdEscape(ConflictText(c)) + "; shown: " + MdEscape(c.chosen) + "\n";
    }
    for (const EventLink& l : e.links) {
      auto it = index.find(l.event_id);
      const std::string other = it == index.end() ? l.event_id
                                                  : EventHeadline(*it->second) + ", " + it->second->date.ToString();
      s += std::string("  - ") + (l.kind == "denied_by" ? "↯ Denied: " : "↯ Denies: ") + MdEscape(other) + "\n";
    }
    return s;
  };
  for (const TimelineDay& day : t.days) {
    out += "\n## " + DateHeading(day.date) + "\n\n";
    for (const auto& en : day.entries) out += entry_md(en, false);
    if (day.hidden) out += "- _… and " + std::to_string(day.hidden) + " more_\n";
  }
  if (!t.ahead.empty()) {
    out += "\n## Ahead\n\n";
    for (const auto& en : t.ahead) out += entry_md(en, true);
  }
  if (!t.undated.empty()) {
    out += "\n## Undated\n\n";
    for (const auto& en : t.undated) out += entry_md(en, false);
  }
  if (t.events == 0) out += "\nNo events.\n";
  return out;
}

std::string RenderTimelineHtml(const Timeline& t, const TimelineOptions& options) {
  const auto index = IndexById(t);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      HtmlEscape(options.title) +
      "</title>\n<style>\n"
      "body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;"
      "color:#1d1d1f;background:#fbfbf8;line-height:1.45}\n"
      "h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;"
      "padding-bottom:.2rem;margin-top:2rem;font-family:Helvetica,Arial,sans-serif}\n"
      ".summary{color:#555;font-style:italic}.event{margin:.9rem 0 .9rem .2rem;padding-left:.8rem;"
      "border-left:4px solid #9ab}\n.event.q3,.event.q4{border-left-color:#c66}.event.q2{border-left-color:#6a6}\n"
      ".head{font-weight:bold;font-family:Helvetica,Arial,sans-serif}.tags{color:#777;font-weight:normal;"
      "font-size:.85rem}\n.counts{color:#666;font-size:.85rem}blockquote{margin:.3rem 0 .2rem 0;color:#333}\n"
      ".src{color:#666;font-size:.85rem}.conflict{background:#fff3cd;border:1px solid #e0c060;padding:.2rem .5rem;"
      "margin:.3rem 0;font-size:.9rem}\n.link{color:#7a2;font-size:.9rem}.denied{color:#a22;font-size:.85rem}\n"
      "</style>\n</head>\n<body>\n<h1>" +
      HtmlEscape(options.title) + "</h1>\n<p class=\"summary\">" + HtmlEscape(Summary(t, options)) + "</p>\n";
  auto entry_html = [&](const TimelineEntry& en, bool with_date) {
    const Event& e = *en.event;
    std::string s = "<div class=\"event q" + std::to_string(e.quad_class) + "\" id=\"" + HtmlEscape(e.id) + "\">\n";
    std::string headline = EventHeadline(e);
    std::string tags;
    if (auto p = headline.rfind(" ["); p != std::string::npos) {
      tags = headline.substr(p + 1);
      headline.resize(p);
    }
    s += "<div class=\"head\">";
    if (with_date) s += HtmlEscape(e.date.known() ? e.date.ToString() : "date unknown") + " — ";
    s += HtmlEscape(headline) + " <span class=\"tags\">" + HtmlEscape(tags) + "</span>";
    if (e.status == EventStatus::kDenied) s += " <span class=\"denied\">(reported, then denied)</span>";
    if (e.date_basis == "publication" && e.status == EventStatus::kHappened) {
      s += " <span class=\"undated\">(undated: on or before the report)</span>";
    }
    s += "</div>\n<div class=\"counts\">" + HtmlEscape(Counts(e)) + "</div>\n";
    if (en.representative) {
      const std::string text = OneLine(en.representative->sentence_text);
      if (!text.empty()) s += "<blockquote>" + HtmlEscape(text) + "</blockquote>\n";
      s += "<div class=\"src\">— " + HtmlEscape(SourceLabel(*en.representative)) + "</div>\n";
    }
    for (const Conflict& c : e.conflicts) {
      s += "<div class=\"conflict\">⚠ Conflicting reports on the " + HtmlEscape(ConflictText(c)) +
           "; shown: " + HtmlEscape(c.chosen) + "</div>\n";
    }
    for (const EventLink& l : e.links) {
      auto it = index.find(l.event_id);
      const std::string other = it == index.end() ? l.event_id
                                                  : EventHeadline(*it->second) + ", " + it->second->date.ToString();
      s += std::string("<div class=\"link\">") + (l.kind == "denied_by" ? "↯ Denied: " : "↯ Denies: ") +
           "<a href=\"#" + HtmlEscape(l.event_id) + "\">" + HtmlEscape(other) + "</a></div>\n";
    }
    return s + "</div>\n";
  };
  for (const TimelineDay& day : t.days) {
    out += "<h2>" + HtmlEscape(DateHeading(day.date)) + "</h2>\n";
    for (const auto& en : day.entries) out += entry_html(en, false);
    if (day.hidden) out += "<p class=\"counts\">… and " + std::to_string(day.hidden) + " more</p>\n";
  }
  if (!t.ahead.empty()) {
    out += "<h2>Ahead</h2>\n";
    for (const auto& en : t.ahead) out += entry_html(en, true);
  }
  if (!t.undated.empty()) {
    out += "<h2>Undated</h2>\n";
    for (const auto& en : t.undated) out += entry_html(en, false);
  }
  if (t.events == 0) out += "<p>No events.</p>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace dateline
