#include "store/gdelt_tsv.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace dateline {
namespace {

std::vector<std::string> MakeColumns() {
  std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
  for (const char* a : {"Actor1", "Actor2"}) {
    for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
      c.push_back(std::string(a) + f);
    }
  }
  for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
    c.push_back(f);
  }
  for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
    for (const char* f :
         {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}) {
      c.push_back(std::string(g) + f);
    }
  }
  c.push_back("DATEADDED");
  c.push_back("SOURCEURL");
  return c;
}

// GDELT fields are tab-separated: tabs and newlines inside a value become spaces.
std::string Clean(const std::string& s) {
  std::string out = s;
  for (char& ch : out) {
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  }
  return out;
}

std::string Upper(const std::string& s) {
  std::string out = Clean(s);
  for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// The ten actor columns: CAMEO code, name, country, known group, ethnic, 2 religions, 3 types.
void ActorFields(const Actor& a, std::vector<std::string>* f) {
  f->push_back(Clean(a.code.empty() ? a.country : a.code));
  f->push_back(Upper(a.name));
  f->push_back(Clean(a.country));
  // International organisations (IGO…) carry their group code after the IGO prefix, as GDELT does.
  f->push_back(a.code.rfind("IGO", 0) == 0 && a.code.size() > 3 ? Clean(a.code.substr(3)) : std::string());
  f->push_back("");
  f->push_back("");
  f->push_back("");
  f->push_back(Clean(a.role));
  f->push_back("");
  f->push_back("");
}

// The seven GDELT *Geo_* fields and GDELT 2.0's ADM2Code (always empty): Type, FullName, CountryCode,
// ADM1Code, ADM2Code, Lat, Long, FeatureID. An unresolved point keeps only its full name.
void GeoFields(const GeoPoint& g, std::vector<std::string>* f) {
  if (!g.resolved()) {
    f->push_back("");
    f->push_back(Clean(g.full_name));
    f->insert(f->end(), 6, "");
    return;
  }
  char buf[32];
  f->push_back(std::to_string(static_cast<int>(g.type)));
  f->push_back(Clean(g.full_name));
  f->push_back(g.country);
  f->push_back(g.adm1);
  f->push_back("");
  std::snprintf(buf, sizeof buf, "%.4f", g.lat);
  f->push_back(buf);
  std::snprintf(buf, sizeof buf, "%.4f", g.lon);
  f->push_back(buf);
  f->push_back(g.feature_id);
}

// The place a report's sentence names near its trigger (see GeoTable::FindNear), or an unresolved point.
GeoPoint PlaceInReport(const MentionRecord& r, const GeoTable& geo, std::string_view alpha3) {
  const EventMention& m = r.mention;
  if (r.sentence_text.empty() || m.trigger_start < r.sentence_start || m.trigger_end <= m.trigger_start)
    return {};
  const size_t b = m.trigger_start - r.sentence_start, e = m.trigger_end - r.sentence_start;
  if (e > r.sentence_text.size()) return {};
  return geo.FindNear(r.sentence_text, b, e, alpha3);
}

// The place most reports name (ties: the earliest report), or an unresolved point.
GeoPoint PlaceInReports(const Event& e, const GeoTable& geo, std::string_view alpha3) {
  std::map<std::string, std::pair<int, size_t>> votes;  // full name → (reports, first report)
  std::vector<GeoPoint> points;
  for (const MentionRecord& r : e.mentions) {
    GeoPoint g = PlaceInReport(r, geo, alpha3);
    if (!g.resolved()) continue;
    auto [it, added] = votes.emplace(g.full_name, std::make_pair(0, points.size()));
    if (added) points.push_back(std::move(g));
    ++it->second.first;
  }
  const std::pair<int, size_t>* best = nullptr;
  for (const auto& [name, v] : votes) {
    if (!best || v.first > best->first || (v.first == best->first && v.second < best->second)) best = &v;
  }
  return best ? points[best->second] : GeoPoint{};
}

}  // namespace

GeoPoint EventActionGeo(const Event& e, const GeoTable& geo) {
  if (e.location.empty()) return PlaceInReports(e, geo, "");
  const CountryGeo* country = geo.Country(e.location);
  if (!country) country = geo.CountryNamed(e.location);
  if (country) {
    GeoPoint city = PlaceInReports(e, geo, country->alpha3);
    return city.resolved() ? city : geo.CountryPoint(*country);
  }
  return geo.Resolve(e.location);
}

GeoPoint ActorGeo(const Actor& a, const GeoTable& geo) {
  const CountryGeo* c = a.country.empty() ? nullptr : geo.Country(a.country);
  return c ? geo.CountryPoint(*c) : GeoPoint{};
}

std::optional<double> EventTone(const Event& e, const ToneLexicon& tone) {
  double sum = 0.0;
  int n = 0;
  for (const MentionRecord& r : e.mentions) {
    if (r.sentence_text.empty()) continue;
    sum += tone.Score(r.sentence_text);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = MakeColumns();
  return kColumns;
}

void AppendGdeltRow(const Event& e, uint64_t global_id, const std::string& date_added, std::string* out,
                    const GdeltRowOptions& options) {
  const GeoTable& geo = options.geo ? *options.geo : GeoTable::Default();
  const ToneLexicon& tone = options.tone ? *options.tone : ToneLexicon::Default();
  std::vector<std::string> f;
  f.reserve(61);
  f.push_back(std::to_string(global_id));
  char buf[64];
  if (e.date.known()) {
    const int month = e.date.month ? e.date.month : 1, day = e.date.day ? e.date.day : 1;
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", e.date.year, month, day);
    f.push_back(buf);
    std::snprintf(buf, sizeof buf, "%04d%02d", e.date.year, month);
    f.push_back(buf);
    f.push_back(std::to_string(e.date.year));
    const Date first = Date::Day(e.date.year, month, day);
    const int64_t doy = first.ToDays() - Date::Day(e.date.year, 1, 1).ToDays() + 1;
    std::snprintf(buf, sizeof buf, "%.4f", e.date.year + doy / 365.0);
    f.push_back(buf);
  } else {
    f.insert(f.end(), 4, "");
  }
  ActorFields(e.source, &f);
  ActorFields(e.target, &f);
  bool root = false;
  for (const auto& m : e.mentions) root |= m.mention.sentence >= 0 && m.mention.sentence < 3;
  f.push_back(root ? "1" : "0");
  f.push_back(Clean(e.cameo));
  f.push_back(Clean(e.cameo.substr(0, 3)));
  f.push_back(Clean(e.cameo.substr(0, 2)));
  f.push_back(e.quad_class ? std::to_string(e.quad_class) : "");
  std::snprintf(buf, sizeof buf, "%.1f", e.goldstein);
  f.push_back(e.cameo.empty() ? "" : buf);
  f.push_back(std::to_string(e.num_mentions));
  f.push_back(std::to_string(e.num_sources));
  f.push_back(std::to_string(e.num_articles));
  if (const auto t = EventTone(e, tone)) {
    double v = std::round(*t * 100.0) / 100.0;
    if (v == 0.0) v = 0.0;  // no "-0.00"
    std::snprintf(buf, sizeof buf, "%.2f", v);
    f.push_back(buf);
  } else {
    f.push_back("");
  }
  // Actor geography: the actor's country (GDELT places an actor where the text reports it; the country
  // is Dateline's approximation of that).
  GeoFields(ActorGeo(e.source, geo), &f);
  GeoFields(ActorGeo(e.target, geo), &f);
  GeoFields(EventActionGeo(e, geo), &f);
  f.push_back(date_added);
  std::string url;
  for (const auto& m : e.mentions) {
    if (!m.url.empty()) {
      url = m.url;
      break;
    }
  }
  if (url.empty() && !e.mentions.empty()) url = e.mentions.front().mention.doc;
  f.push_back(Clean(url));
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out->push_back('\t');
    out->append(f[i]);
  }
  out->push_back('\n');
}

}  // namespace dateline
