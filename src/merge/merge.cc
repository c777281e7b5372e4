#include "merge/merge.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace dateline {
namespace {

constexpr int64_t kNegInf = INT64_MIN / 4;
constexpr int64_t kPosInf = INT64_MAX / 4;

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// The key an actor is blocked by: its country, else its id (organisations), else its CAMEO code.
std::string ActorKey(const Actor& a) {
  if (!a.country.empty()) return a.country;
  if (!a.id.empty()) return a.id;
  return a.code;
}

std::string PersonOf(const Actor& a) { return StartsWith(a.id, "person:") ? a.id : std::string(); }

// Hypothetical reports never merge with reports of something that happened, is planned or denied.
int StatusClass(EventStatus s) { return s == EventStatus::kHypothetical ? 1 : 0; }

bool Intersects(const DayInterval& a, const DayInterval& b) { return a.lo <= b.hi && b.lo <= a.hi; }

DayInterval Intersect(const DayInterval& a, const DayInterval& b) {
  return DayInterval{std::max(a.lo, b.lo), std::min(a.hi, b.hi)};
}

DayInterval Hull(const DayInterval& a, const DayInterval& b) {
  return DayInterval{std::min(a.lo, b.lo), std::max(a.hi, b.hi)};
}

// Parses "YYYY-Www" (an ISO week) at the start of s; fills the week's Monday..Sunday.
bool ParseIsoWeek(const std::string& s, DayInterval* out) {
  int64_t monday = 0;
  if (!ParseIsoWeekMonday(s, &monday)) return false;
  out->lo = monday;
  out->hi = monday + 6;
  return true;
}

// True when some value after the chosen one (v[0]) is backed by a document that does not back v[0]: a
// document does not contradict itself, so only such a value makes a conflict between reports.
bool OtherVoice(const std::vector<SupportedValue>& v) {
  if (v.size() < 2) return false;
  const std::set<std::string> chosen(v[0].docs.begin(), v[0].docs.end());
  return std::any_of(v.begin() + 1, v.end(), [&](const SupportedValue& x) {
    return std::any_of(x.docs.begin(), x.docs.end(), [&](const std::string& d) { return !chosen.count(d); });
  });
}

// "RUS": an ISO 3166-1 alpha-3 code (event locations are a country code or a place name as written).
bool IsCountryCode(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
}

bool HasDigit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Total, content-only order of mentions: the clustering visits them in this order.
auto MentionSortKey(const MentionRecord& r) {
  const EventMention& m = r.mention;
  return std::tie(m.doc, m.sentence, m.trigger_start, m.trigger_end, m.trigger, m.cameo, m.source.actor.id,
                  m.target.actor.id, m.type, m.date_text);
}

auto MentionSortKey2(const MentionRecord& r) {
  const EventMention& m = r.mention;
  return std::make_tuple(m.date.year, m.date.month, m.date.day, static_cast<int>(m.date.precision),
                         static_cast<int>(m.status), m.mode, m.date_basis);
}

bool MentionLess(const MentionRecord& a, const MentionRecord& b) {
  const auto ka = MentionSortKey(a), kb = MentionSortKey(b);
  if (ka != kb) return ka < kb;
  return MentionSortKey2(a) < MentionSortKey2(b);
}

struct Item {
  size_t index = 0;  // into the mentions vector
  DayInterval iv;
  bool swapped = false;  // source/target exchanged to orient a symmetric pair
  bool loose = false;    // dated only by publication: a window of days before it
  std::string src_key, tgt_key, src_person, tgt_person;
};

struct Cluster {
  std::string type, src_key, tgt_key, src_person, tgt_person, mode;
  int status_class = 0;
  DayInterval iv;
  std::vector<size_t> items;  // indexes into the items vector
  std::set<std::string> docs;
  bool alive = true;
};

bool PersonsFit(const std::string& a, const std::string& b) { return a.empty() || b.empty() || a == b; }

bool ClusterFits(const Cluster& c, const Item& it, const std::string& mode) {
  if (!mode.empty() && !c.mode.empty() && mode != c.mode) return false;
  if (!PersonsFit(c.src_person, it.src_person) || !PersonsFit(c.tgt_person, it.tgt_person)) return false;
  // A report dated only by its publication refers back to an event; it names people only when the event
  // it joins names the same ones (not "a Putin-Zelensky meeting" joining a meeting of their ministers).
  if (it.loose && ((!it.src_person.empty() && c.src_person.empty()) || (!it.tgt_person.empty() && c.tgt_person.empty()))) {
    return false;
  }
  return Intersects(c.iv, it.iv);
}

bool ClustersFit(const Cluster& a, const Cluster& b) {
  if (a.status_class != b.status_class || a.type != b.type) return false;
  if (!a.mode.empty() && !b.mode.empty() && a.mode != b.mode) return false;
  return PersonsFit(a.src_person, b.src_person) && PersonsFit(a.tgt_person, b.tgt_person);
}

bool Disjoint(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) {
    if (b.count(x)) return false;
  }
  return true;
}

void Absorb(Cluster* into, Cluster* from) {
  into->items.insert(into->items.end(), from->items.begin(), from->items.end());
  into->docs.insert(from->docs.begin(), from->docs.end());
  if (into->src_person.empty()) into->src_person = from->src_person;
  if (into->tgt_person.empty()) into->tgt_person = from->tgt_person;
  if (into->src_key.empty()) into->src_key = from->src_key;
  if (into->tgt_key.empty()) into->tgt_key = from->tgt_key;
  if (into->mode.empty()) into->mode = from->mode;
  into->iv = Hull(into->iv, from->iv);
  from->alive = false;
  from->items.clear();
}

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// How specific an actor is: a person over a government/sector actor over a bare country.
int Specificity(const Actor& a) {
  if (a.empty()) return 0;
  if (StartsWith(a.id, "person:")) return 3;
  if (a.code.size() > 3 || !a.role.empty()) return 2;
  return 1;
}

// Picks the most specific, then most frequent, then smallest-id actor.
Actor PickActor(const std::vector<const Actor*>& actors) {
  std::map<std::string, std::pair<int, const Actor*>> seen;  // id|code → count, actor
  for (const Actor* a : actors) {
    if (a->empty()) continue;
    auto& slot = seen[a->id + "\x1f" + a->code + "\x1f" + a->country];
    slot.first++;
    slot.second = a;
  }
  const Actor* best = nullptr;
  int best_count = 0;
  for (const auto& [key, v] : seen) {
    if (!best || Specificity(*v.second) > Specificity(*best) ||
        (Specificity(*v.second) == Specificity(*best) && v.first > best_count)) {
      best = v.second;
      best_count = v.first;
    }
  }
  return best ? *best : Actor{};
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (unsigned char c : s + " ") {
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else {
      if (w.size() >= 4) out.push_back(w);
      w.clear();
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const size_t uni = a.size() + b.size() - common;
  return uni ? static_cast<double>(common) / uni : 0.0;
}

// Builds the Event of one cluster: chooses each field and records disagreements.
Event BuildEvent(const Cluster& c, const std::vector<Item>& items, const std::vector<MentionRecord>& mentions) {
  Event e;
  e.type = c.type;
  std::vector<size_t> idx;
  for (size_t i : c.items) idx.push_back(i);
  // Evidence in document order.
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return MentionLess(mentions[items[a].index], mentions[items[b].index]);
  });
  // Orientation: the majority of reports' own source/target order (first report on a tie).
  int as_is = 0, swapped = 0;
  for (size_t i : idx) (items[i].swapped ? swapped : as_is)++;
  const bool flip = swapped > as_is || (swapped == as_is && !idx.empty() && items[idx[0]].swapped);
  std::vector<const Actor*> src, tgt;
  std::map<std::string, int> cameo_votes, mode_votes, location_votes;
  std::map<std::string, std::set<std::string>> location_docs;  // country of the place named → documents
  // Day dates stated by the report's own sentence; taken from the sentences around it; its publication.
  std::map<std::string, std::set<std::string>> day_text, day_context, day_pub, coarse_text, planned_pub, status_docs;
  std::map<std::string, int> explicit_votes, own_sentence_votes;  // dates stated with a number; in the sentence itself
  std::map<std::string, Date> date_of;
  std::map<std::string, int64_t> first_published;  // date value → earliest publication day reporting it
  std::set<std::string> outlets, docs;
  std::map<std::string, double> doc_conf;
  // A date taken from the sentences around a report counts as the document's word unless the document
  // states the event's date itself in another report of it.
  std::set<std::string> docs_with_text_date;
  for (size_t i : idx) {
    const EventMention& m = mentions[items[i].index].mention;
    if (m.date_basis == "text" && m.date.known()) docs_with_text_date.insert(m.doc);
  }
  for (size_t i : idx) {
    const MentionRecord& r = mentions[items[i].index];
    const EventMention& m = r.mention;
    e.mentions.push_back(r);
    const bool s = items[i].swapped != flip;
    src.push_back(s ? &m.target.actor : &m.source.actor);
    tgt.push_back(s ? &m.source.actor : &m.target.actor);
    if (!m.cameo.empty()) cameo_votes[m.cameo]++;
    if (!m.mode.empty()) mode_votes[m.mode]++;
    if (!m.location.empty()) location_votes[m.location]++;
    if (IsCountryCode(m.location)) location_docs[m.location].insert(m.doc);
    docs.insert(m.doc);
    outlets.insert(r.outlet.empty() ? "doc:" + m.doc : r.outlet);
    doc_conf[m.doc] = std::max(doc_conf[m.doc], m.confidence);
    status_docs[EventStatusName(m.status)].insert(m.doc);
    if (!m.date.known()) continue;
    const std::string d = m.date.ToString();
    date_of[d] = m.date;
    const bool from_text = m.date_basis != "publication";
    if (!from_text && m.status == EventStatus::kPlanned) {
      planned_pub[d].insert(m.doc);  // the publication day of an announcement: the weakest evidence
    } else if (m.date.precision == DatePrecision::kDay) {
      const bool weak = m.date_basis == "context" && docs_with_text_date.count(m.doc);
      (weak ? day_context : from_text ? day_text : day_pub)[d].insert(m.doc);
      if (from_text && HasDigit(m.date_text)) explicit_votes[d]++;
      if (m.date_basis == "text") own_sentence_votes[d]++;
      if (from_text && r.published.known()) {
        auto [it, fresh] = first_published.emplace(d, r.published.ToDays());
        if (!fresh) it->second = std::min(it->second, r.published.ToDays());
      }
    } else if (from_text) {
      coarse_text[d].insert(m.doc);
    }
  }
  e.source = PickActor(src);
  e.target = PickActor(tgt);
  auto top = [](const std::map<std::string, int>& votes) {
    std::string best;
    int n = 0;
    for (const auto& [k, v] : votes) {
      if (v > n || (v == n && k.size() > best.size())) best = k, n = v;
    }
    return best;
  };
  e.cameo = top(cameo_votes);
  e.mode = top(mode_votes);
  e.location = top(location_votes);
  // Reports placing the event in different countries disagree (a document does not contradict itself).
  if (location_docs.size() > 1) {
    std::vector<SupportedValue> v;
    for (const auto& [loc, ds] : location_docs) v.push_back({loc, {ds.begin(), ds.end()}});
    std::stable_sort(v.begin(), v.end(), [](const SupportedValue& a, const SupportedValue& b) {
      return a.docs.size() > b.docs.size();
    });
    if (OtherVoice(v)) {
      if (IsCountryCode(e.location) && e.location != v[0].value) e.location = v[0].value;
      e.conflicts.push_back({"location", v[0].value, v});
    }
  }
  for (const auto& r : e.mentions) {
    if (r.mention.cameo == e.cameo) {
      e.quad_class = r.mention.quad_class;
      e.goldstein = r.mention.goldstein;
      break;
    }
  }
  // Date: reports that state a day > dated by publication > month/week/year stated in the text.
  auto rank_dates = [&](const std::map<std::string, std::set<std::string>>& support) {
    std::vector<SupportedValue> v;
    for (const auto& [d, ds] : support) v.push_back({d, {ds.begin(), ds.end()}});
    std::stable_sort(v.begin(), v.end(), [&](const SupportedValue& a, const SupportedValue& b) {
      if (a.docs.size() != b.docs.size()) return a.docs.size() > b.docs.size();
      const int ea = explicit_votes.count(a.value) ? explicit_votes[a.value] : 0;
      const int eb = explicit_votes.count(b.value) ? explicit_votes[b.value] : 0;
      if (ea != eb) return ea > eb;
      const int oa = own_sentence_votes.count(a.value) ? own_sentence_votes[a.value] : 0;
      const int ob = own_sentence_votes.count(b.value) ? own_sentence_votes[b.value] : 0;
      if (oa != ob) return oa > ob;
      // Then the value of the earliest report: first-hand news over later retrospectives.
      const int64_t pa = first_published.count(a.value) ? first_published[a.value] : INT64_MAX;
      const int64_t pb = first_published.count(b.value) ? first_published[b.value] : INT64_MAX;
      if (pa != pb) return pa < pb;
      return a.value < b.value;
    });
    return v;
  };
  if (!day_text.empty()) {
    e.date_basis = "text";
    auto v = rank_dates(day_text);
    e.date = date_of[v[0].value];
    if (OtherVoice(v)) e.conflicts.push_back({"date", v[0].value, v});
  } else if (!day_context.empty()) {
    e.date_basis = "context";
    auto v = rank_dates(day_context);
    e.date = date_of[v[0].value];
  } else if (!day_pub.empty()) {
    e.date_basis = "publication";
    e.date = date_of[day_pub.begin()->first];  // the earliest report
  } else if (!coarse_text.empty()) {
    e.date_basis = "text";
    // The finest stated period (a month over a year), then the best supported.
    std::vector<SupportedValue> v;
    for (const auto& [d, ds] : coarse_text) v.push_back({d, {ds.begin(), ds.end()}});
    std::stable_sort(v.begin(), v.end(), [&](const SupportedValue& a, const SupportedValue& b) {
      if (a.value.size() != b.value.size()) return a.value.size() > b.value.size();
      return a.docs.size() > b.docs.size();
    });
    e.date = date_of[v[0].value];
  } else if (!planned_pub.empty()) {
    e.date_basis = "publication";
    e.date = date_of[planned_pub.begin()->first];
  }
  // Status: a happened report settles a planned one; happened/planned against denied is a conflict.
  const bool h = status_docs.count("happened"), p = status_docs.count("planned"), d = status_docs.count("denied");
  if (c.status_class == 1) {
    e.status = EventStatus::kHypothetical;
  } else if (d && (h || p)) {
    std::vector<SupportedValue> v;
    for (const char* s : {"happened", "planned", "denied"}) {
      if (status_docs.count(s)) v.push_back({s, {status_docs[s].begin(), status_docs[s].end()}});
    }
    std::stable_sort(v.begin(), v.end(), [](const SupportedValue& a, const SupportedValue& b) {
      return a.docs.size() > b.docs.size();
    });
    ParseEventStatus(v[0].value, &e.status);
    e.conflicts.push_back({"status", v[0].value, v});
  } else if (h) {
    e.status = EventStatus::kHappened;
    // A report still calling it planned after the day it happened disagrees.
    if (p && e.date.precision == DatePrecision::kDay) {
      std::set<std::string> late;
      for (const auto& r : e.mentions) {
        if (r.mention.status == EventStatus::kPlanned && r.published.precision == DatePrecision::kDay &&
            r.published.ToDays() > e.date.ToDays()) {
          late.insert(r.mention.doc);
        }
      }
      if (!late.empty()) {
        e.conflicts.push_back({"status", "happened",
                               {{"happened", {status_docs["happened"].begin(), status_docs["happened"].end()}},
                                {"planned", {late.begin(), late.end()}}}});
      }
    }
  } else if (p) {
    e.status = EventStatus::kPlanned;
  } else {
    e.status = EventStatus::kDenied;
  }
  e.num_mentions = static_cast<int>(e.mentions.size());
  e.num_articles = static_cast<int>(docs.size());
  e.num_sources = static_cast<int>(outlets.size());
  double miss = 1.0;
  for (const auto& [doc, conf] : doc_conf) miss *= 1.0 - 0.7 * std::clamp(conf, 0.0, 1.0);
  e.confidence = 1.0 - miss;
  if (!e.conflicts.empty()) e.confidence *= 0.85;
  e.confidence = std::round(e.confidence * 1000.0) / 1000.0;
  return e;
}

// True when the event's date is disputed with no value better supported than another.
bool TiedDate(const Event& e) {
  for (const auto& c : e.conflicts) {
    if (c.field == "date" && c.values.size() >= 2 && c.values[0].docs.size() == c.values[1].docs.size()) return true;
  }
  return false;
}

// A date conflict whose best values tie in support is settled by the events reported in the same sentences:
// "X called Y on Wednesday and both backed Z" describes one occasion, so when the call is undisputed and
// better attested than the tie, its date is the date of the whole sentence. Decisions are taken on the
// drafts as built, then applied, so the result does not depend on the order of events.
void SettleTiedDates(std::vector<Event>* events) {
  std::map<std::pair<std::string, int>, std::vector<size_t>> by_sentence;
  for (size_t i = 0; i < events->size(); ++i) {
    for (const auto& r : (*events)[i].mentions) {
      auto& v = by_sentence[{r.mention.doc, r.mention.sentence}];
      if (v.empty() || v.back() != i) v.push_back(i);
    }
  }
  std::vector<std::pair<size_t, std::string>> decisions;
  for (size_t i = 0; i < events->size(); ++i) {
    const Event& e = (*events)[i];
    const Conflict* c = nullptr;
    for (const auto& x : e.conflicts) {
      if (x.field == "date") c = &x;
    }
    if (!c || c->values.size() < 2 || c->values[0].docs.size() != c->values[1].docs.size()) continue;
    const size_t top = c->values[0].docs.size();
    std::set<std::string> tied;
    for (const auto& v : c->values) {
      if (v.docs.size() == top) tied.insert(v.value);
    }
    std::set<size_t> anchors;
    for (const auto& r : e.mentions) {
      for (size_t j : by_sentence[{r.mention.doc, r.mention.sentence}]) {
        if (j != i) anchors.insert(j);
      }
    }
    int best_articles = static_cast<int>(top);
    std::set<std::string> best_dates;
    for (size_t j : anchors) {
      const Event& a = (*events)[j];
      if (TiedDate(a) || a.date.precision != DatePrecision::kDay || !tied.count(a.date.ToString())) continue;
      if (a.num_articles > best_articles) {
        best_articles = a.num_articles;
        best_dates = {a.date.ToString()};
      } else if (a.num_articles == best_articles && best_articles > static_cast<int>(top)) {
        best_dates.insert(a.date.ToString());
      }
    }
    if (best_dates.size() == 1 && *best_dates.begin() != c->chosen) decisions.emplace_back(i, *best_dates.begin());
  }
  for (const auto& [i, value] : decisions) {
    Event& e = (*events)[i];
    for (auto& c : e.conflicts) {
      if (c.field != "date") continue;
      std::stable_partition(c.values.begin(), c.values.end(),
                            [&](const SupportedValue& v) { return v.value == value; });
      c.chosen = value;
    }
    auto d = ParseIsoDate(value);
    if (d.ok()) e.date = *d;
  }
}

std::string IdBasis(const Cluster& c, const Event& e) {
  return c.type + "|" + std::to_string(c.status_class) + "|" + c.src_key + "|" + c.tgt_key + "|" +
         c.src_person + "|" + c.tgt_person + "|" + e.mode + "|" + e.date.ToString();
}

void LinkDenials(std::vector<Event>* events, const MergeOptions& options) {
  std::vector<std::vector<std::string>> words(events->size());
  auto words_of = [&](size_t i) -> const std::vector<std::string>& {
    if (words[i].empty()) {
      std::string all;
      for (const auto& r : (*events)[i].mentions) all += r.sentence_text + " ";
      words[i] = Words(all);
      if (words[i].empty()) words[i].push_back("\x01");
    }
    return words[i];
  };
  for (size_t i = 0; i < events->size(); ++i) {
    Event& deny = (*events)[i];
    if (deny.type != "REJECT" || deny.status == EventStatus::kHypothetical || !deny.date.known()) continue;
    const std::string s = deny.source.country, t = deny.target.country;
    if (s.empty()) continue;
    long best = -1;
    double best_score = 0.0;
    for (size_t j = 0; j < events->size(); ++j) {
      const Event& claim = (*events)[j];
      if (j == i || claim.type == "REJECT" || claim.status == EventStatus::kHypothetical || !claim.date.known()) {
        continue;
      }
      const int64_t gap = deny.date.ToDays() - claim.date.ToDays();
      if (gap < 0 || gap > options.denial_window_days) continue;
      const std::set<std::string> countries = {claim.source.country, claim.target.country};
      if (!countries.count(s) || (!t.empty() && !countries.count(t))) continue;
      bool attributed = !t.empty() && claim.source.country == t;
      for (const auto& r : claim.mentions) attributed |= !r.mention.attribution.empty();
      if (!attributed) continue;
      const double score = Overlap(words_of(i), words_of(j));
      if (score <= 0.0) continue;
      if (best < 0 || score > best_score ||
          (score == best_score && claim.date.ToDays() > (*events)[best].date.ToDays())) {
        best = static_cast<long>(j);
        best_score = score;
      }
    }
    if (best >= 0) {
      deny.links.push_back({"denies", (*events)[best].id});
      (*events)[best].links.push_back({"denied_by", deny.id});
    }
  }
}

}  // namespace

bool IsSymmetricType(const std::string& type) { return type == "CONSULT"; }

bool ParseEventStatus(const std::string& name, EventStatus* status) {
  for (EventStatus s : {EventStatus::kHappened, EventStatus::kPlanned, EventStatus::kHypothetical,
                        EventStatus::kDenied}) {
    if (name == EventStatusName(s)) {
      *status = s;
      return true;
    }
  }
  return false;
}

DayInterval MentionInterval(const MentionRecord& r, const MergeOptions& options) {
  const EventMention& m = r.mention;
  DayInterval iv;
  if (ParseIsoWeek(m.date_text, &iv)) return iv;
  if (!m.date.known()) {
    if (r.published.precision == DatePrecision::kDay && m.status == EventStatus::kHappened) {
      return DayInterval{r.published.ToDays() - options.publication_lookback_days, r.published.ToDays()};
    }
    return DayInterval{};
  }
  const int64_t start = m.date.ToDays();
  switch (m.date.precision) {
    case DatePrecision::kDay:
      if (m.date_basis == "publication" && m.status == EventStatus::kHappened) {
        return DayInterval{start - options.publication_lookback_days, start};
      }
      if (m.date_basis == "context") {
        // Dated from the sentences around it: a day either side, so a report dated in its own words wins.
        return DayInterval{start - options.context_slack_days, start + options.context_slack_days};
      }
      if (m.date_basis == "publication" && m.status == EventStatus::kPlanned) {
        // Announced without a date: some day after publication.
        return DayInterval{start, start + options.planned_lookahead_days};
      }
      return DayInterval{start, start};
    case DatePrecision::kMonth:
      return DayInterval{start, start + DaysInMonth(m.date.year, m.date.month) - 1};
    case DatePrecision::kYear:
      return DayInterval{start, Date::Day(m.date.year, 12, 31).ToDays()};
    case DatePrecision::kUnknown:
      break;
  }
  return DayInterval{};
}

std::string OutletOf(const Document& doc) {
  if (!doc.source.empty()) return doc.source;
  std::string host = doc.url;
  if (auto p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (StartsWith(host, "www.")) host = host.substr(4);
  return host;
}

std::vector<MentionRecord> MentionRecordsOf(const Document& doc) {
  std::vector<MentionRecord> out;
  const std::string outlet = OutletOf(doc);
  for (const EventMention& m : doc.events) {
    MentionRecord r;
    r.mention = m;
    if (r.mention.doc.empty()) r.mention.doc = doc.id;
    r.outlet = outlet;
    r.url = doc.url;
    r.published = doc.published;
    if (m.sentence >= 0 && static_cast<size_t>(m.sentence) < doc.sentences.size()) {
      const Sentence& s = doc.sentences[m.sentence];
      r.sentence_start = s.start;
      r.sentence_end = s.end;
      if (s.end <= doc.text.size() && s.start <= s.end) r.sentence_text = doc.text.substr(s.start, s.end - s.start);
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Event> MergeMentions(std::vector<MentionRecord> mentions, const MergeOptions& options) {
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [](const MentionRecord& r) { return r.mention.type.empty(); }),
                 mentions.end());
  std::sort(mentions.begin(), mentions.end(), MentionLess);
  // Items, oriented and blocked.
  std::vector<Item> items(mentions.size());
  std::map<std::string, std::vector<size_t>> blocks;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EventMention& m = mentions[i].mention;
    Item& it = items[i];
    it.index = i;
    it.iv = MentionInterval(mentions[i], options);
    it.loose = m.date_basis == "publication" && m.status == EventStatus::kHappened;
    it.src_key = ActorKey(m.source.actor);
    it.tgt_key = ActorKey(m.target.actor);
    it.src_person = PersonOf(m.source.actor);
    it.tgt_person = PersonOf(m.target.actor);
    if (IsSymmetricType(m.type) && it.tgt_key < it.src_key) {
      std::swap(it.src_key, it.tgt_key);
      std::swap(it.src_person, it.tgt_person);
      it.swapped = true;
    }
    blocks[m.type + "\x1f" + std::to_string(StatusClass(m.status)) + "\x1f" + it.src_key + "\x1f" + it.tgt_key]
        .push_back(i);
  }
  std::vector<Cluster> clusters;
  for (auto& [key, members] : blocks) {
    // Most precise dates first, then chronological, then dates stated in the text before dates assumed.
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      const Item& x = items[a];
      const Item& y = items[b];
      if (x.iv.width() != y.iv.width()) return x.iv.width() < y.iv.width();
      if (x.iv.lo != y.iv.lo) return x.iv.lo < y.iv.lo;
      return a < b;
    });
    const size_t first = clusters.size();
    for (size_t i : members) {
      const Item& it = items[i];
      const EventMention& m = mentions[it.index].mention;
      long best = -1;
      for (size_t c = first; c < clusters.size(); ++c) {
        if (!ClusterFits(clusters[c], it, m.mode)) continue;
        if (best < 0) {
          best = static_cast<long>(c);
          continue;
        }
        // Several fit: the one this document already reports, then (for a report dated only by its
        // publication, which refers back) the latest, else the best attested.
        const Cluster& b = clusters[best];
        const bool same_c = clusters[c].docs.count(m.doc), same_b = b.docs.count(m.doc);
        if (same_c != same_b) {
          if (same_c) best = static_cast<long>(c);
        } else if (m.date_basis == "publication" && clusters[c].iv.lo != b.iv.lo) {
          if (clusters[c].iv.lo > b.iv.lo) best = static_cast<long>(c);
        } else if (clusters[c].docs.size() > b.docs.size()) {
          best = static_cast<long>(c);
        }
      }
      if (best < 0) {
        Cluster c;
        c.type = m.type;
        c.status_class = StatusClass(m.status);
        c.src_key = it.src_key;
        c.tgt_key = it.tgt_key;
        c.src_person = it.src_person;
        c.tgt_person = it.tgt_person;
        c.mode = m.mode;
        c.iv = it.iv;
        clusters.push_back(std::move(c));
        best = static_cast<long>(clusters.size() - 1);
      }
      Cluster& c = clusters[best];
      c.items.push_back(i);
      c.docs.insert(m.doc);
      if (c.src_person.empty()) c.src_person = it.src_person;
      if (c.tgt_person.empty()) c.tgt_person = it.tgt_person;
      if (c.mode.empty()) c.mode = m.mode;
      if (it.iv.bounded()) c.iv = Intersect(c.iv, it.iv);
    }
    // Neighbouring single days reported by disjoint documents: one event, dates in conflict.
    std::vector<size_t> days;
    for (size_t c = first; c < clusters.size(); ++c) {
      if (clusters[c].iv.bounded() && clusters[c].iv.width() == 1) days.push_back(c);
    }
    std::stable_sort(days.begin(), days.end(),
                     [&](size_t a, size_t b) { return clusters[a].iv.lo < clusters[b].iv.lo; });
    for (size_t a = 0; a < days.size(); ++a) {
      Cluster& ca = clusters[days[a]];
      if (!ca.alive) continue;
      for (size_t b = a + 1; b < days.size(); ++b) {
        Cluster& cb = clusters[days[b]];
        if (cb.iv.lo - ca.iv.lo > options.conflict_window_days) break;
        if (!cb.alive || cb.iv.lo == ca.iv.lo) continue;
        if (ClustersFit(ca, cb) && Disjoint(ca.docs, cb.docs)) Absorb(&ca, &cb);
      }
    }
  }
  // A cluster that misses one actor joins the only compatible cluster naming both.
  std::map<std::string, std::vector<size_t>> by_actor;  // type|class|side|key → clusters with both actors
  auto side_key = [](const Cluster& c, int side, const std::string& key) {
    return c.type + "\x1f" + std::to_string(c.status_class) + "\x1f" + std::to_string(side) + "\x1f" + key;
  };
  for (size_t c = 0; c < clusters.size(); ++c) {
    const Cluster& cl = clusters[c];
    if (cl.src_key.empty() || cl.tgt_key.empty()) continue;
    by_actor[side_key(cl, 0, cl.src_key)].push_back(c);
    by_actor[side_key(cl, 1, cl.tgt_key)].push_back(c);
  }
  for (size_t c = 0; c < clusters.size(); ++c) {
    Cluster& cl = clusters[c];
    if (!cl.alive || cl.src_key.empty() == cl.tgt_key.empty()) continue;
    const bool sym = IsSymmetricType(cl.type);
    const std::string key = cl.src_key.empty() ? cl.tgt_key : cl.src_key;
    const std::string person = cl.src_key.empty() ? cl.tgt_person : cl.src_person;
    const int known_side = cl.src_key.empty() ? 1 : 0;
    std::set<size_t> cands;
    for (int side : {0, 1}) {
      if (!sym && side != known_side) continue;
      auto f = by_actor.find(side_key(cl, side, key));
      if (f == by_actor.end()) continue;
      for (size_t o : f->second) {
        const Cluster& other = clusters[o];
        if (!other.alive) continue;
        if (!PersonsFit(person, side == 0 ? other.src_person : other.tgt_person)) continue;
        if (!cl.mode.empty() && !other.mode.empty() && cl.mode != other.mode) continue;
        if (!Intersects(cl.iv, other.iv)) continue;
        cands.insert(o);
      }
    }
    if (cands.size() != 1) continue;
    Cluster& into = clusters[*cands.begin()];
    // Orient the one-actor reports like the cluster they join.
    const int into_side = into.src_key == key && PersonsFit(person, into.src_person) ? 0 : 1;
    if (into_side != known_side) {
      for (size_t i : cl.items) items[i].swapped = !items[i].swapped;
    }
    const std::string keep_src = into.src_key, keep_tgt = into.tgt_key;
    Absorb(&into, &cl);
    into.src_key = keep_src;
    into.tgt_key = keep_tgt;
  }
  // Events.
  std::vector<const Cluster*> sources;
  std::vector<Event> drafts;
  for (const Cluster& c : clusters) {
    if (!c.alive || c.items.empty()) continue;
    sources.push_back(&c);
    drafts.push_back(BuildEvent(c, items, mentions));
  }
  SettleTiedDates(&drafts);
  std::vector<std::pair<std::string, Event>> built;  // id basis, event
  for (size_t i = 0; i < drafts.size(); ++i) built.emplace_back(IdBasis(*sources[i], drafts[i]), std::move(drafts[i]));
  std::sort(built.begin(), built.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return MentionLess(a.second.mentions.front(), b.second.mentions.front());
  });
  std::vector<Event> events;
  events.reserve(built.size());
  for (size_t i = 0; i < built.size(); ++i) {
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(Fnv1a(built[i].first)));
    std::string id = std::string("ev-") + hex;
    // Same content key (rare: reports the clustering kept apart): number them in evidence order.
    int n = 1;
    for (size_t j = i; j > 0 && built[j - 1].first == built[i].first; --j) ++n;
    if (n > 1) {
      id.push_back('-');
      id.append(std::to_string(n));
    }
    built[i].second.id = id;
    events.push_back(std::move(built[i].second));
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    // Chronological; events with no known date last.
    if (a.date.known() != b.date.known()) return a.date.known();
    const std::string da = a.date.ToString(), db = b.date.ToString();
    if (da != db) return da < db;
    return a.id < b.id;
  });
  if (options.link_denials) LinkDenials(&events, options);
  return events;
}

}  // namespace dateline
