#include "store/geo.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <limits>

#include "core/paths.h"
#include "store/optional_table.h"

namespace dateline {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    const size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) return out;
    pos = tab + 1;
  }
}

std::vector<std::string> SplitBars(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    const size_t bar = s.find('|', pos);
    const std::string part = s.substr(pos, bar == std::string::npos ? std::string::npos : bar - pos);
    if (!part.empty()) out.push_back(part);
    if (bar == std::string::npos) break;
    pos = bar + 1;
  }
  return out;
}

bool AllOf(const std::string& s, size_t n, bool digits_too) {
  if (s.size() != n) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isupper(u) || (digits_too && std::isdigit(u)))) return false;
  }
  return true;
}

bool ParseCoordinate(const std::string& s, double limit, double* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && *out >= -limit && *out <= limit;
}

// Reads the data rows of a '#'-commented TSV file: calls row(fields, line_number) for each; stops at the
// first error it returns.
template <typename Fn>
Status ReadRows(const std::string& path, Fn row) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot read " + path + " (is the data directory complete?)");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    RETURN_IF_ERROR(row(SplitTabs(line), number));
  }
  return Status::OK();
}

Status Bad(const std::string& path, int line, const std::string& what) {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
}

// A word of a sentence, for FindNear.
struct Word {
  size_t b = 0, e = 0;       // byte span, surrounding quotes and trailing punctuation removed
  bool break_after = false;  // a clause break (; : ! ?) follows
  bool comma_after = false;  // a comma follows
};

std::vector<Word> Words(std::string_view s) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    size_t e = i;
    while (e < s.size() && !std::isspace(static_cast<unsigned char>(s[e]))) ++e;
    Word w{i, e, false, false};
    auto strip_front = [&](char c) { return w.b < w.e && s[w.b] == c; };
    // Typographic quotes are three bytes in UTF-8: E2 80 98/99 (single), E2 80 9C/9D (double).
    auto curly_at = [&](size_t k) {
      return k + 3 <= s.size() && s[k] == '\xE2' && s[k + 1] == '\x80' &&
             (s[k + 2] == '\x98' || s[k + 2] == '\x99' || s[k + 2] == '\x9C' || s[k + 2] == '\x9D');
    };
    while (true) {
      if (strip_front('"') || strip_front('(') || strip_front('\'') || strip_front('[')) {
        ++w.b;
      } else if (w.b + 3 <= w.e && curly_at(w.b)) {
        w.b += 3;
      } else {
        break;
      }
    }
    while (w.e > w.b) {
      if (w.e >= w.b + 3 && curly_at(w.e - 3)) {
        w.e -= 3;
        continue;
      }
      const char c = s[w.e - 1];
      if (c == ';' || c == ':' || c == '!' || c == '?') w.break_after = true;
      if (c == ',') w.comma_after = true;
      if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' || c == ']' ||
          c == '\'') {
        --w.e;
        continue;
      }
      // The sentence's final period, unless it belongs to an abbreviation ("D.C.").
      if (c == '.' && e == s.size() && w.e - w.b > 3 &&
          s.substr(w.b, w.e - w.b - 1).find('.') == std::string_view::npos) {
        --w.e;
      }
      break;
    }
    if (w.e > w.b) words.push_back(w);
    i = e;
  }
  return words;
}

// Words that open another clause or a report ("talks that followed the meeting in Istanbul", "officials
// in Kyiv said"), and nouns of events that have places of their own ("discussed the meetings in Russia"):
// a place beyond one belongs to something else than the trigger.
bool OpensClause(std::string_view key) {
  static const char* const kWords[] = {
      "that",      "which",    "who",      "whom",     "whose",     "when",    "where",      "while",
      "after",     "before",   "because",  "since",    "until",     "if",      "unless",     "although",
      "though",    "said",     "says",     "told",     "according", "meeting", "meetings",   "talks",
      "summit",    "summits",  "visit",    "visits",   "trip",      "trips",   "conference", "negotiations",
      "war",       "fighting", "conflict", "attack",   "attacks",   "strike",  "strikes",    "election",
      "elections", "protest",  "protests", "offensive"};
  for (const char* w : kWords) {
    if (key == w) return true;
  }
  return false;
}

// Words that open an introductory subordinate clause ("After talks in Paris, ...").
bool IsSubordinator(std::string_view key) {
  for (const char* w : {"after", "before", "while", "when", "as", "if", "although", "though", "since",
                        "because", "once", "until", "unless", "despite"}) {
    if (key == w) return true;
  }
  return false;
}

// Months and weekdays: capitalised after "in"/"on" without being places ("in January").
bool IsCalendarWord(std::string_view key) {
  for (const char* w : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday"}) {
    if (key == w) return true;
  }
  return false;
}

bool LooksLikeName(std::string_view s, const Word& w) {
  const auto c = static_cast<unsigned char>(s[w.b]);
  return std::isupper(c) || c >= 0x80;  // capitalised ASCII, or a non-ASCII capital such as "İ"
}

// The name a region goes by in a full name: "New York State" is "New York", as GDELT writes it.
std::string RegionName(const PlaceGeo& p) {
  const std::string suffix = " State";
  if (p.type == GeoType::kUsState && p.name.size() > suffix.size() &&
      p.name.compare(p.name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return p.name.substr(0, p.name.size() - suffix.size());
  }
  return p.name;
}

}  // namespace

std::string GeoKey(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

StatusOr<GeoTable> GeoTable::Load(const std::string& countries_path, const std::string& places_path) {
  GeoTable t;
  RETURN_IF_ERROR(ReadRows(countries_path, [&](const std::vector<std::string>& f, int line) -> Status {
    if (f.size() != 6)
      return Bad(countries_path, line, "expected 6 tab-separated fields, found " + std::to_string(f.size()));
    CountryGeo c;
    c.alpha3 = f[0];
    c.fips = f[1];
    c.name = f[4];
    if (!AllOf(c.alpha3, 3, false)) return Bad(countries_path, line, "bad alpha-3 code '" + f[0] + "'");
    if (!AllOf(c.fips, 2, false)) return Bad(countries_path, line, "bad FIPS code '" + f[1] + "'");
    if (!ParseCoordinate(f[2], 90, &c.lat) || !ParseCoordinate(f[3], 180, &c.lon)) {
      return Bad(countries_path, line, "latitude/longitude out of range or not a number");
    }
    if (c.name.empty()) return Bad(countries_path, line, "empty name");
    if (!t.by_alpha3_.emplace(c.alpha3, t.countries_.size()).second) {
      return Bad(countries_path, line, "country " + c.alpha3 + " listed twice");
    }
    std::vector<std::string> names = SplitBars(f[5]);
    names.insert(names.begin(), c.name);
    for (const std::string& n : names) {
      const auto [it, added] = t.country_by_name_.emplace(GeoKey(n), t.countries_.size());
      if (!added && it->second != t.countries_.size()) {
        return Bad(countries_path, line, "country name '" + n + "' used twice");
      }
    }
    t.countries_.push_back(std::move(c));
    return Status::OK();
  }));
  RETURN_IF_ERROR(ReadRows(places_path, [&](const std::vector<std::string>& f, int line) -> Status {
    if (f.size() != 7)
      return Bad(places_path, line, "expected 7 tab-separated fields, found " + std::to_string(f.size()));
    PlaceGeo p;
    p.name = f[0];
    if (p.name.empty()) return Bad(places_path, line, "empty name");
    if (f[2].size() != 1 || f[2][0] < '2' || f[2][0] > '5')
      return Bad(places_path, line, "type must be 2, 3, 4 or 5");
    p.type = static_cast<GeoType>(f[2][0] - '0');
    p.alpha3 = f[3];
    const auto country = t.by_alpha3_.find(p.alpha3);
    if (country == t.by_alpha3_.end()) return Bad(places_path, line, "unknown country '" + f[3] + "'");
    p.adm1 = f[4];
    if (!p.adm1.empty() && !AllOf(p.adm1, 2, false) && !AllOf(p.adm1, 4, true)) {
      return Bad(places_path, line, "ADM1 must be empty, a 2-letter FIPS code or 4 characters ('TU34')");
    }
    if (p.adm1.size() == 4 && p.adm1.compare(0, 2, t.countries_[country->second].fips) != 0) {
      return Bad(places_path, line,
                 "ADM1 " + p.adm1 + " does not start with the country's FIPS code " +
                     t.countries_[country->second].fips);
    }
    if ((p.type == GeoType::kUsState || p.type == GeoType::kUsCity) && p.alpha3 != "USA") {
      return Bad(places_path, line, "types 2 and 3 are for places in the United States");
    }
    if (!ParseCoordinate(f[5], 90, &p.lat) || !ParseCoordinate(f[6], 180, &p.lon)) {
      return Bad(places_path, line, "latitude/longitude out of range or not a number");
    }
    std::vector<std::string> names = SplitBars(f[1]);
    names.insert(names.begin(), p.name);
    for (const std::string& n : names) {
      const auto [it, added] = t.place_by_name_.emplace(GeoKey(n), t.places_.size());
      if (!added && it->second != t.places_.size()) {
        return Bad(places_path, line, "place name '" + n + "' used twice");
      }
      size_t words = 1;
      for (char c : GeoKey(n)) words += c == ' ';
      t.longest_name_words_ = std::max(t.longest_name_words_, words);
    }
    if ((p.type == GeoType::kUsState || p.type == GeoType::kWorldState) && !p.adm1.empty() &&
        !t.region_by_adm1_.emplace(p.adm1, t.places_.size()).second) {
      return Bad(places_path, line, "two regions with ADM1 code " + p.adm1);
    }
    t.places_.push_back(std::move(p));
    return Status::OK();
  }));
  return t;
}

const GeoTable& GeoTable::Default() {
  static const GeoTable* const kTable =
      LoadedOrEmpty(Load(DataPath("geo/countries.tsv"), DataPath("geo/places.tsv")),
                    "geography not loaded, GDELT geo columns stay empty");
  return *kTable;
}

const CountryGeo* GeoTable::Country(std::string_view alpha3) const {
  const auto it = by_alpha3_.find(std::string(alpha3));
  return it == by_alpha3_.end() ? nullptr : &countries_[it->second];
}

const CountryGeo* GeoTable::CountryNamed(std::string_view name) const {
  const auto it = country_by_name_.find(GeoKey(name));
  return it == country_by_name_.end() ? nullptr : &countries_[it->second];
}

const PlaceGeo* GeoTable::PlaceNamed(std::string_view name) const {
  const auto it = place_by_name_.find(GeoKey(name));
  return it == place_by_name_.end() ? nullptr : &places_[it->second];
}

GeoPoint GeoTable::CountryPoint(const CountryGeo& c) const {
  GeoPoint g;
  g.type = GeoType::kCountry;
  g.full_name = c.name;
  g.country = c.fips;
  g.adm1 = c.fips;
  g.lat = c.lat;
  g.lon = c.lon;
  g.feature_id = c.fips;
  return g;
}

GeoPoint GeoTable::PlacePoint(const PlaceGeo& p) const {
  GeoPoint g;
  g.type = p.type;
  const CountryGeo* c = Country(p.alpha3);
  g.country = p.adm1.size() == 2 ? p.adm1 : (c ? c->fips : "");
  g.adm1 = p.adm1;
  g.lat = p.lat;
  g.lon = p.lon;
  g.full_name = RegionName(p);
  if (p.type == GeoType::kUsCity || p.type == GeoType::kWorldCity) {
    const auto region = region_by_adm1_.find(p.adm1);
    if (region != region_by_adm1_.end()) g.full_name += ", " + RegionName(places_[region->second]);
  }
  if (c) g.full_name += ", " + c->name;
  if (p.type == GeoType::kUsState && p.adm1.size() == 4) g.feature_id = p.adm1.substr(2);
  if (p.type == GeoType::kWorldState) g.feature_id = p.adm1;
  return g;
}

GeoPoint GeoTable::Resolve(std::string_view location) const {
  if (const CountryGeo* c = Country(location)) return CountryPoint(*c);
  if (const CountryGeo* c = CountryNamed(location)) return CountryPoint(*c);
  if (const PlaceGeo* p = PlaceNamed(location)) return PlacePoint(*p);
  GeoPoint g;
  g.full_name = std::string(location);
  return g;
}

GeoPoint GeoTable::FindNear(std::string_view sentence, size_t trigger_begin, size_t trigger_end,
                            std::string_view alpha3, int max_words) const {
  if (trigger_begin >= trigger_end || trigger_end > sentence.size()) return {};
  const std::vector<Word> w = Words(sentence);
  const int n = static_cast<int>(w.size());
  int tb = -1, te = -1;  // the trigger's words [tb, te)
  for (int i = 0; i < n; ++i) {
    if (w[i].e > trigger_begin && w[i].b < trigger_end) {
      if (tb < 0) tb = i;
      te = i + 1;
    }
  }
  if (tb < 0) return {};
  auto key = [&](int j) { return GeoKey(sentence.substr(w[j].b, w[j].e - w[j].b)); };

  // A locative phrase: "in"/"at", maybe "the", then a capitalised word that is not a month or a weekday;
  // its place is the longest known name starting there (unresolved when none is known).
  struct Phrase {
    int prep = -1, last = -1;
    GeoPoint place;
  };
  auto phrase_at = [&](int i, Phrase* out) {
    if (i + 1 >= n || w[i].break_after || w[i].comma_after) return false;
    const std::string prep = key(i);
    if (prep != "in" && prep != "at") return false;
    int first = i + 1;
    if (key(first) == "the" && first + 1 < n) ++first;
    if (!LooksLikeName(sentence, w[first]) || IsCalendarWord(key(first))) return false;
    *out = Phrase{i, first, GeoPoint{}};
    for (int k = std::min<int>(n, first + static_cast<int>(longest_name_words_)) - 1; k >= first; --k) {
      bool broken = false;
      for (int j = first; j < k; ++j) broken |= w[j].break_after;
      if (broken) continue;
      const std::string_view name = sentence.substr(w[i + 1].b, w[k].e - w[i + 1].b);
      GeoPoint found;
      if (alpha3.empty()) {
        if (const CountryGeo* c = CountryNamed(name)) found = CountryPoint(*c);
      }
      if (!found.resolved()) {
        const PlaceGeo* p = PlaceNamed(name);
        if (p && (alpha3.empty() || p->alpha3 == alpha3)) found = PlacePoint(*p);
      }
      if (found.resolved()) {
        out->last = k;
        out->place = std::move(found);
        break;
      }
    }
    return true;
  };
  auto opens_clause = [&](int j) { return OpensClause(key(j)); };

  // Only the locative phrase nearest the trigger on each side can be the event's place: a farther one
  // attaches to something else ("agreed on borders in the Eastern Mediterranean and ... in Libya").
  Phrase after, before;
  for (int i = te; i < n; ++i) {
    if (phrase_at(i, &after)) break;
  }
  for (int i = 0; i < tb; ++i) {
    Phrase p;
    if (phrase_at(i, &p) && p.last < tb) before = p;
  }
  int after_distance = -1, before_distance = -1;
  if (after.place.resolved()) {
    bool broken = false;
    for (int j = te - 1; j < after.prep; ++j) broken |= w[j].break_after || (j >= te && opens_clause(j));
    after_distance = after.prep - te;
    if (broken || after_distance > max_words) after_distance = -1;
  }
  if (before.place.resolved()) {
    bool broken = false;
    for (int j = before.last; j < tb; ++j) broken |= w[j].break_after || (j > before.last && opens_clause(j));
    // A place inside an introductory subordinate clause ("After winning the primaries in Florida, ...")
    // belongs to that clause.
    int start = before.prep;
    while (start > 0 && !w[start - 1].comma_after && !w[start - 1].break_after) --start;
    broken |= start < before.prep && IsSubordinator(key(start));
    before_distance = tb - before.last;  // a phrase before the trigger counts one word further
    // Before the trigger the phrase is the event's only when it opens the clause or sits close to the
    // trigger ("In Geneva, the envoys signed", "ministers in Cairo denounced"): two thirds of the reach.
    if (broken || before_distance > max_words * 2 / 3) before_distance = -1;
  }
  if (after_distance >= 0 && (before_distance < 0 || after_distance <= before_distance)) return after.place;
  if (before_distance >= 0) return before.place;
  return {};
}

}  // namespace dateline
