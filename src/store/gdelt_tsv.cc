#include "store/gdelt_tsv.h"

#include <cctype>
#include <cstdio>

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
  for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                        "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
    c.push_back(f);
  }
  for (const char* g : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
    for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}) {
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

bool IsCountryCode(const std::string& s) {
  return s.size() == 3 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1])) && std::isupper(static_cast<unsigned char>(s[2]));
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

}  // namespace

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = MakeColumns();
  return kColumns;
}

void AppendGdeltRow(const Event& e, uint64_t global_id, const std::string& date_added, std::string* out) {
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
  f.push_back("");  // AvgTone: Dateline does not score tone
  f.insert(f.end(), 16, "");  // Actor1Geo_*, Actor2Geo_*: not resolved
  // ActionGeo: the event's location; type 1 (country) for a country code. GDELT's geo country codes are
  // FIPS 10-4, which Dateline does not map, so that column stays empty.
  f.push_back(e.location.empty() ? "" : (IsCountryCode(e.location) ? "1" : ""));
  f.push_back(Clean(e.location));
  f.insert(f.end(), 6, "");
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
