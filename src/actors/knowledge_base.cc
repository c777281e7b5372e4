#include "actors/knowledge_base.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/paths.h"

namespace dateline {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Calls fn(fields, line_number) for every data line of a TSV file (skips '#' comments, blank lines and
// the header line when it starts with `header`).
Status ForEachRow(const std::string& path, size_t min_fields, const char* header,
                  const std::function<Status(const std::vector<std::string_view>&, int)>& fn) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open (run from the repository or set DATELINE_DATA)");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header && line.rfind(header, 0) == 0) continue;
    auto f = Split(line, '\t');
    for (auto& x : f) x = Trim(x);
    if (f.size() < min_fields) {
      return Status::Corruption(path + ":" + std::to_string(n) + ": expected " + std::to_string(min_fields) +
                                " tab-separated fields, found " + std::to_string(f.size()));
    }
    Status s = fn(f, n);
    if (!s.ok()) return Status::Corruption(path + ":" + std::to_string(n) + ": " + s.message());
  }
  return Status::OK();
}

// Family name first for these countries' people ("Xi Jinping" → "Xi").
bool FamilyNameFirst(std::string_view country) {
  return country == "CHN" || country == "PRK" || country == "KOR" || country == "TWN" || country == "VNM" ||
         country == "KHM" || country == "MNG";
}

// Surnames that are also common capitalised words: never matched alone.
bool UnsafeSurname(std::string_view s) {
  static const char* kWords[] = {"May", "March", "June", "August", "Rice", "Hunt", "Price", "King", "Young",
                                 "Long", "Little", "Rich", "Sun", "Moon", "Will", "Said", "Wang", "Li",
                                 "Park", "Lee", "Kim", "Brown", "White", "Green", "Black", "Bush", "Ali"};
  for (const char* w : kWords)
    if (s == w) return true;
  return false;
}

KbEntry MakeEntry(KbEntry::Kind kind, int index) {
  KbEntry e;
  e.kind = kind;
  e.index = index;
  return e;
}

}  // namespace

bool KbPerson::ValidAt(const Date& d) const {
  if (!d.known()) return !end.known();
  const int64_t day = d.ToDays();
  if (start.known() && day < start.ToDays()) return false;
  if (end.known()) {
    // A month- or year-precision end covers its whole period.
    Date last = end;
    if (end.precision == DatePrecision::kMonth) last = Date::Day(end.year, end.month, DaysInMonth(end.year, end.month));
    if (end.precision == DatePrecision::kYear) last = Date::Day(end.year, 12, 31);
    if (day > last.ToDays()) return false;
  }
  return true;
}

void KnowledgeBase::AppendKey(std::string_view text, std::string* key) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
      if (c2 == 0x98 || c2 == 0x99) {  // ‘ ’
        key->push_back('\'');
        i += 2;
        continue;
      }
      if (c2 == 0x90 || c2 == 0x91 || c2 == 0x93) {  // hyphens, en dash
        key->push_back('-');
        i += 2;
        continue;
      }
    }
    key->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
}

void KnowledgeBase::AddPhrase(std::string_view phrase, KbEntry entry) {
  phrase = Trim(phrase);
  if (phrase.empty()) return;
  if (phrase.rfind("the ", 0) == 0) {
    entry.needs_the = true;
    phrase.remove_prefix(4);
  }
  entry.surface = std::string(phrase);
  std::string key;
  // Collapse runs of spaces; the key keeps one space where the phrase has one.
  std::string tmp;
  for (char c : phrase) {
    if (c == ' ' && !tmp.empty() && tmp.back() == ' ') continue;
    tmp.push_back(c);
  }
  AppendKey(tmp, &key);
  auto& v = pending_[key];
  for (auto& e : v) {
    if (e.kind == entry.kind && e.index == entry.index && e.surface == entry.surface) {
      e.derived = e.derived && entry.derived;  // an explicit alias wins
      return;  // duplicate
    }
  }
  v.push_back(std::move(entry));
}

Status KnowledgeBase::LoadPlaces(const std::string& path) {
  if (!std::ifstream(path)) return Status::OK();
  // Names that are more often a person, a company or a common word than the place.
  static const char* const kSkip[] = {"Male", "Austin", "Phoenix", "Canton", "Kingston", "Georgetown", "Victoria",
                                      "Lincoln", "Jackson", "Rio", "Santiago", "Sucre", "Bali", "Nassau", "Jersey"};
  return ForEachRow(path, 4, "name	", [&](const std::vector<std::string_view>& f, int) -> Status {
    const int country = CountryIndex(f[3]);
    if (country < 0) return Status::InvalidArgument("unknown country code '" + std::string(f[3]) + "'");
    // US states, but not those more often a country, the capital, or a person's name.
    static const char* const kStateSkip[] = {"Georgia", "Washington", "Indiana", "Virginia", "Montana", "Maine"};
    if (f[2] == "2" && std::find(std::begin(kStateSkip), std::end(kStateSkip), f[0]) != std::end(kStateSkip)) {
      return Status::OK();
    }
    std::vector<std::string_view> names{f[0]};
    for (auto a : Split(f[1], '|')) names.push_back(a);
    for (std::string_view n : names) {
      n = Trim(n);
      if (n.empty() || std::find(std::begin(kSkip), std::end(kSkip), n) != std::end(kSkip)) continue;
      std::string key;
      AppendKey(n, &key);
      if (pending_.count(key)) continue;  // the country, capital, organisation or person of that name wins
      AddPhrase(n, MakeEntry(KbEntry::kPlace, country));
    }
    return Status::OK();
  });
}

Status KnowledgeBase::LoadIsoCodes(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open ISO 3166 list (install the iso-codes package)");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    return Status::Corruption(path + ": not an iso-codes 3166-1 JSON file");
  }
  for (const auto& c : j["3166-1"]) {
    if (!c.contains("alpha_3") || !c.contains("name")) continue;
    KbCountry k;
    k.code = c["alpha_3"].get<std::string>();
    const std::string name = c["name"].get<std::string>();
    k.name = c.contains("common_name") ? c["common_name"].get<std::string>() : name;
    k.leader = "president";
    const int idx = static_cast<int>(countries_.size());
    country_index_[k.code] = idx;
    countries_.push_back(k);
    for (const char* field : {"name", "common_name", "official_name"}) {
      if (!c.contains(field)) continue;
      std::string n = c[field].get<std::string>();
      if (n.find(',') != std::string::npos) continue;  // "Korea, Republic of": inverted form, not prose
      AddPhrase(n, MakeEntry(KbEntry::kCountry, idx));
    }
  }
  return Status::OK();
}

Status KnowledgeBase::LoadCountries(const std::string& path) {
  return ForEachRow(path, 1, "code\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    std::string code(f[0]);
    int idx = CountryIndex(code);
    if (idx < 0) {  // a CAMEO region, or a user-assigned X.. code of a country ISO does not list (XKX)
      KbCountry k;
      k.code = code;
      k.region = !(code.size() == 3 && code[0] == 'X');
      k.name = f.size() > 1 ? std::string(Split(f[1], '|')[0]) : code;
      if (k.name.rfind("the ", 0) == 0) k.name = k.name.substr(4);
      idx = static_cast<int>(countries_.size());
      country_index_[code] = idx;
      countries_.push_back(k);
    }
    if (f.size() > 1) {
      bool first = true;
      for (auto n : Split(f[1], '|')) {
        if (n.empty()) continue;
        if (first && !countries_[idx].region) countries_[idx].name = std::string(n);
        first = false;
        AddPhrase(n, MakeEntry(KbEntry::kCountry, idx));
      }
    }
    if (f.size() > 2)
      for (auto n : Split(f[2], '|')) AddPhrase(n, MakeEntry(KbEntry::kAdjective, idx));
    if (f.size() > 3)
      for (auto n : Split(f[3], '|')) AddPhrase(n, MakeEntry(KbEntry::kCapital, idx));
    if (f.size() > 4 && !f[4].empty()) countries_[idx].leader = std::string(f[4]);
    return Status::OK();
  });
}

Status KnowledgeBase::LoadSeats(const std::string& path) {
  return ForEachRow(path, 3, "phrase\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    if (CountryIndex(f[1]) < 0) return Status::InvalidArgument("unknown country code '" + std::string(f[1]) + "'");
    seats_.push_back({std::string(f[1]), std::string(f[2])});
    AddPhrase(f[0], MakeEntry(KbEntry::kSeat, static_cast<int>(seats_.size() - 1)));
    return Status::OK();
  });
}

Status KnowledgeBase::LoadOrgs(const std::string& path) {
  return ForEachRow(path, 6, "id\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    KbOrg o{std::string(f[0]), std::string(f[1]), std::string(f[3]), std::string(f[4]), std::string(f[5])};
    if (!o.country.empty() && CountryIndex(o.country) < 0)
      return Status::InvalidArgument("unknown country code '" + o.country + "'");
    const int idx = static_cast<int>(orgs_.size());
    for (const std::string& name : {o.id, o.name}) {
      std::string k;
      AppendKey(name, &k);
      org_index_.emplace(k, idx);
    }
    orgs_.push_back(o);
    AddPhrase(f[1], MakeEntry(KbEntry::kOrg, idx));
    for (auto a : Split(f[2], '|')) AddPhrase(a, MakeEntry(KbEntry::kOrg, idx));
    return Status::OK();
  });
}

Status KnowledgeBase::LoadRoles(const std::string& path) {
  return ForEachRow(path, 4, "phrase\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    KbRole r;
    r.role = std::string(f[1]);
    r.office = std::string(f[2]);
    if (f[3] == "title") r.kind = KbRole::kTitle;
    else if (f[3] == "group") r.kind = KbRole::kGroup;
    else if (f[3] == "body") r.kind = KbRole::kBody;
    else if (f[3] == "counterpart") r.kind = KbRole::kCounterpart;
    else if (f[3] == "block") r.kind = KbRole::kBlock;
    else return Status::InvalidArgument("unknown role kind '" + std::string(f[3]) + "'");
    r.plural = f[0].size() > 1 && f[0].back() == 's' && f[0] != "press" && f[0] != "congress" &&
               f[0] != "intelligence services" && f[0] != "people";
    if (f[0] == "people" || f[0] == "police" || f[0] == "media") r.plural = true;
    roles_.push_back(r);
    KbEntry e = MakeEntry(KbEntry::kRole, static_cast<int>(roles_.size() - 1));
    // Lower-case role words match in any case; acronyms ("PM", "MPs") only as written.
    e.proper = std::any_of(f[0].begin(), f[0].end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    AddPhrase(f[0], e);
    return Status::OK();
  });
}

Status KnowledgeBase::LoadAmbiguous(const std::string& path) {
  return ForEachRow(path, 2, "phrase\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    Ambiguity a;
    auto lower = [](std::string_view w) {
      std::string k;
      AppendKey(w, &k);
      return k;
    };
    for (auto w : Split(f[1], '|'))
      if (!w.empty()) a.actor.push_back(lower(w));
    if (f.size() > 2)
      for (auto w : Split(f[2], '|'))
        if (!w.empty()) a.other.push_back(lower(w));
    ambiguous_[std::string(f[0])] = std::move(a);
    return Status::OK();
  });
}

Status KnowledgeBase::LoadPeople(const std::string& path) {
  std::ifstream probe(path);
  if (!probe) return Status::OK();  // no people file yet: titles and the text still resolve people
  std::unordered_map<std::string, bool> seen;
  return ForEachRow(path, 8, "person_id\t", [&](const std::vector<std::string_view>& f, int) -> Status {
    KbPerson p;
    p.id = std::string(f[0]);
    p.name = std::string(f[1]);
    p.country = std::string(f[3]);
    p.org = std::string(f[4]);
    p.office = std::string(f[5]);
    p.role = std::string(f[6]);
    if (!f[7].empty()) {
      auto d = ParseIsoDate(f[7]);
      if (!d.ok()) return Status::InvalidArgument("bad start date '" + std::string(f[7]) + "'");
      p.start = *d;
    }
    if (f.size() > 8 && !f[8].empty()) {
      auto d = ParseIsoDate(f[8]);
      if (!d.ok()) return Status::InvalidArgument("bad end date '" + std::string(f[8]) + "'");
      p.end = *d;
    }
    if (p.id.empty() || p.name.empty()) return Status::InvalidArgument("empty person_id or name");
    if (!p.country.empty() && CountryIndex(p.country) < 0)
      return Status::InvalidArgument("unknown country code '" + p.country + "'");
    const int idx = static_cast<int>(people_.size());
    tenures_[p.id].push_back(idx);
    const std::string holder = p.country.empty() ? p.org : p.country;
    office_index_[holder + "|" + p.office].push_back(idx);
    if (!p.country.empty() && !p.org.empty()) office_index_[p.org + "|" + p.office].push_back(idx);
    if (!seen[p.id]) {
      seen[p.id] = true;
      ++person_count_;
      std::vector<std::string_view> names = {f[1]};
      for (auto a : Split(f[2], '|'))
        if (!a.empty()) names.push_back(a);
      for (auto n : names) {
        auto words = Split(Trim(n), ' ');
        if (words.size() == 1) {
          if (!UnsafeSurname(words[0])) AddPhrase(n, MakeEntry(KbEntry::kSurname, idx));
          continue;
        }
        AddPhrase(n, MakeEntry(KbEntry::kPerson, idx));
        // "President Xi", "Crown Prince Mohammed": an alias led by a title gives no surname.
        std::string first_key;
        AppendKey(words.front(), &first_key);
        bool titled = false;
        if (const auto* es = FindPending(first_key)) {
          for (const auto& e : *es) titled |= e.kind == KbEntry::kRole;
        }
        if (titled || words.front() == "Crown" || words.front() == "Prince" || words.front() == "Sheikh" ||
            words.front() == "Pope" || words.front() == "King" || words.front() == "Queen") {
          continue;
        }
        // Family name first ("Xi Jinping", "Moon Jae-in"), unless written in Western order ("David Lin").
        const bool western = words.size() == 2 && words.front().size() > 4 && words.back().size() <= 4;
        std::string_view sur = FamilyNameFirst(p.country) && !western ? words.front() : words.back();
        if (sur == "Jr." || sur == "Jr" || sur == "II" || sur == "III") sur = words[words.size() - 2];
        if (!UnsafeSurname(sur) && sur.size() > 2) {
          KbEntry e = MakeEntry(KbEntry::kSurname, idx);
          e.derived = true;
          AddPhrase(sur, e);
        }
      }
    }
    people_.push_back(std::move(p));
    return Status::OK();
  });
}

const std::vector<KbEntry>* KnowledgeBase::FindPending(const std::string& key) const {
  auto it = pending_.find(key);
  return it == pending_.end() ? nullptr : &it->second;
}

void KnowledgeBase::Finish() {
  phrases_.reserve(pending_.size());
  for (auto& [k, v] : pending_) phrases_.emplace_back(k, std::move(v));
  pending_.clear();
  std::sort(phrases_.begin(), phrases_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [k, ids] : office_index_) {
    std::sort(ids.begin(), ids.end(), [&](int a, int b) {
      return people_[a].start.ToDays() < people_[b].start.ToDays();
    });
  }
}

StatusOr<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(const KbOptions& options) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  const std::string dir = options.data_dir.empty() ? DataPath("actors") : options.data_dir;
  RETURN_IF_ERROR(kb->LoadIsoCodes(options.iso_codes_path));
  RETURN_IF_ERROR(kb->LoadCountries(dir + "/countries.tsv"));
  RETURN_IF_ERROR(kb->LoadSeats(dir + "/seats.tsv"));
  RETURN_IF_ERROR(kb->LoadOrgs(dir + "/orgs.tsv"));
  RETURN_IF_ERROR(kb->LoadRoles(dir + "/roles.tsv"));
  RETURN_IF_ERROR(kb->LoadAmbiguous(dir + "/ambiguous.tsv"));
  RETURN_IF_ERROR(kb->LoadPeople(options.people_path.empty() ? dir + "/people.tsv" : options.people_path));
  RETURN_IF_ERROR(kb->LoadPlaces(options.places_path.empty() ? DataPath("geo/places.tsv") : options.places_path));
  kb->Finish();
  return kb;
}

const std::vector<KbEntry>* KnowledgeBase::Find(std::string_view key) const {
  auto it = std::lower_bound(phrases_.begin(), phrases_.end(), key,
                             [](const auto& p, std::string_view k) { return std::string_view(p.first) < k; });
  if (it == phrases_.end() || it->first != key) return nullptr;
  return &it->second;
}

bool KnowledgeBase::HasPrefix(std::string_view prefix) const {
  auto it = std::lower_bound(phrases_.begin(), phrases_.end(), prefix,
                             [](const auto& p, std::string_view k) { return std::string_view(p.first) < k; });
  return it != phrases_.end() && std::string_view(it->first).substr(0, prefix.size()) == prefix;
}

int KnowledgeBase::CountryIndex(std::string_view code) const {
  auto it = country_index_.find(std::string(code));
  return it == country_index_.end() ? -1 : it->second;
}

int KnowledgeBase::OrgIndex(std::string_view id) const {
  std::string k;
  AppendKey(id, &k);
  auto it = org_index_.find(k);
  return it == org_index_.end() ? -1 : it->second;
}

const std::vector<int>* KnowledgeBase::Tenures(std::string_view person_id) const {
  auto it = tenures_.find(std::string(person_id));
  return it == tenures_.end() ? nullptr : &it->second;
}

int KnowledgeBase::OfficeHolder(std::string_view holder, std::string_view office, const Date& date) const {
  if (office == "leader") {
    int ci = CountryIndex(holder);
    std::vector<std::string> tries;
    if (ci >= 0) tries.push_back(countries_[ci].leader);
    for (const char* o : {"president", "prime_minister", "chancellor", "monarch", "emir", "supreme_leader",
                          "head_of_government", "head_of_state", "secretary_general", "commission_president"}) {
      tries.push_back(o);
    }
    for (const auto& o : tries) {
      int r = OfficeHolder(holder, o, date);
      if (r >= 0) return r;
    }
    return -1;
  }
  auto it = office_index_.find(std::string(holder) + "|" + std::string(office));
  if (it == office_index_.end()) return -1;
  int best = -1;
  for (int i : it->second) {
    if (people_[i].ValidAt(date)) best = i;  // sorted by start: the latest valid one wins
  }
  return best;
}

int KnowledgeBase::BestTenure(std::string_view person_id, const Date& date) const {
  const auto* t = Tenures(person_id);
  if (!t || t->empty()) return -1;
  int before = -1;
  for (int i : *t) {
    if (people_[i].ValidAt(date)) return i;
    if (date.known() && people_[i].start.known() && people_[i].start.ToDays() <= date.ToDays()) {
      if (before < 0 || people_[i].start.ToDays() > people_[before].start.ToDays()) before = i;
    }
  }
  return before >= 0 ? before : (*t)[0];
}

const KnowledgeBase::Ambiguity* KnowledgeBase::FindAmbiguity(std::string_view surface) const {
  auto it = ambiguous_.find(std::string(surface));
  return it == ambiguous_.end() ? nullptr : &it->second;
}

KbStats KnowledgeBase::stats() const {
  KbStats s;
  for (const auto& c : countries_) (c.region ? s.regions : s.countries)++;
  s.orgs = orgs_.size();
  s.people = person_count_;
  s.tenures = people_.size();
  s.phrases = phrases_.size();
  s.roles = roles_.size();
  return s;
}

}  // namespace dateline
