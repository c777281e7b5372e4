// KnowledgeBase: the actors Dateline knows — countries, regions, seats of power, organisations, people in
// office with their tenures, and the title/role lexicon — plus a phrase index to find them in text.
//
// Built once from data files (doc/formats/actors.md): Debian iso-codes JSON for every ISO 3166-1 country,
// then data/actors/{countries,seats,orgs,roles,ambiguous}.tsv and people.tsv. Immutable after Load, so one
// instance is shared by any number of threads (all methods are const and thread-safe).
#ifndef DATELINE_ACTORS_KNOWLEDGE_BASE_H_
#define DATELINE_ACTORS_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dateline {

struct KbOptions {
  // Folder with countries.tsv, seats.tsv, orgs.tsv, roles.tsv, ambiguous.tsv and people.tsv;
  // "" = DataPath("actors").
  std::string data_dir;
  // People file; "" = <data_dir>/people.tsv. A missing people file is not an error (no people known).
  std::string people_path;
  // Cities and regions (data/geo/places.tsv, doc/formats/geo.md); "" = DataPath("geo/places.tsv"). A
  // missing file is not an error (no places known). A name the other files already give is left to them.
  std::string places_path;
  // ISO 3166-1 JSON from Debian's iso-codes package.
  std::string iso_codes_path = "/usr/share/iso-codes/json/iso_3166-1.json";
};

struct KbCountry {
  std::string code;    // ISO alpha-3 or a CAMEO region code (WST, EUR …)
  std::string name;    // display name ("Russia")
  std::string leader;  // office of "the <country> leader": president, prime_minister, chancellor …
  bool region = false; // a CAMEO region, not a state (its actors carry no ISO country)
};

struct KbOrg {
  std::string id, name, code, country, role;
};

// One tenure of one person in one office (people.tsv row).
struct KbPerson {
  std::string id;       // slug, shared by all tenures of the person
  std::string name;     // canonical full name
  std::string country;  // ISO alpha-3, "" for IGO officials
  std::string org;      // organisation id for IGO officials ("NATO"), else ""
  std::string office;   // president, foreign_minister, …
  std::string role;     // CAMEO role: GOV, MIL, IGO …
  Date start, end;      // end unknown = still in office
  bool ValidAt(const Date& d) const;  // start <= d <= end (unknown d: still in office)
};

struct KbSeat {
  std::string country, role;
};

struct KbRole {
  std::string role;    // CAMEO role code, "-" for block words
  std::string office;  // office a title names, "" for none
  enum Kind : uint8_t { kTitle, kGroup, kBody, kCounterpart, kBlock } kind = kTitle;
  bool plural = false;
};

// What a phrase of text may refer to.
struct KbEntry {
  enum Kind : uint8_t { kCountry, kAdjective, kCapital, kSeat, kOrg, kPerson, kSurname, kRole, kPlace } kind = kCountry;
  int index = 0;           // into countries(), seats(), orgs(), people() (first tenure) or roles(); a place's
                           // country for kPlace (a city or region that is not a capital: "Istanbul")
  bool proper = true;      // a proper name: must be written capitalised as in the KB (or in all capitals)
  bool needs_the = false;  // "the West": only after "the"
  bool derived = false;    // a surname taken from a full name, not listed as an alias: trusted alone only
                           // while the person is in office
  std::string surface;     // the phrase as written in the KB (for the case check)
};

// Sizes, for reports.
struct KbStats {
  size_t countries = 0, regions = 0, orgs = 0, people = 0, tenures = 0, phrases = 0, roles = 0;
};

class KnowledgeBase {
 public:
  // Reads every data file. Fails with NotFound/Corruption naming the file and line when one is missing or
  // malformed (people.tsv may be absent).
  static StatusOr<std::unique_ptr<KnowledgeBase>> Load(const KbOptions& options = {});

  KnowledgeBase(const KnowledgeBase&) = delete;  // large tables: share by pointer, never copy
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  // Normalised lookup key of a piece of text: ASCII lower case, curly quotes made straight.
  static void AppendKey(std::string_view text, std::string* key);

  // Entries whose key is exactly `key`, or nullptr.
  const std::vector<KbEntry>* Find(std::string_view key) const;
  // True when some phrase key starts with `prefix` (used to stop extending a match early).
  bool HasPrefix(std::string_view prefix) const;

  const std::vector<KbCountry>& countries() const { return countries_; }
  const std::vector<KbOrg>& orgs() const { return orgs_; }
  const std::vector<KbPerson>& people() const { return people_; }
  const std::vector<KbSeat>& seats() const { return seats_; }
  const std::vector<KbRole>& roles() const { return roles_; }

  // Index into countries() of an ISO/region code, or -1.
  int CountryIndex(std::string_view code) const;
  // Index into orgs() of an org id, or -1.
  int OrgIndex(std::string_view id) const;
  // All tenures of the person with this slug (indices into people()).
  const std::vector<int>* Tenures(std::string_view person_id) const;
  // The tenure of `office` for country (or org id) `holder` valid at `date`, or -1. With an unknown date,
  // the current holder. Office "leader" means the country's leader office with fallbacks.
  int OfficeHolder(std::string_view holder, std::string_view office, const Date& date) const;
  // For a person's tenures: the one valid at date, else the latest before it, else the first; -1 if none.
  int BestTenure(std::string_view person_id, const Date& date) const;

  // Words that argue for and against an ambiguous name being an actor ("Turkey": recipe words).
  struct Ambiguity {
    std::vector<std::string> actor, other;  // lower case
  };
  const Ambiguity* FindAmbiguity(std::string_view surface) const;

  // Every phrase key with its readings (KbEntry::surface holds the phrase as written), sorted by key.
  const std::vector<std::pair<std::string, std::vector<KbEntry>>>& phrases() const { return phrases_; }

  KbStats stats() const;

 private:
  KnowledgeBase() = default;
  Status LoadIsoCodes(const std::string& path);
  Status LoadCountries(const std::string& path);
  Status LoadSeats(const std::string& path);
  Status LoadOrgs(const std::string& path);
  Status LoadRoles(const std::string& path);
  Status LoadAmbiguous(const std::string& path);
  Status LoadPeople(const std::string& path);
  Status LoadPlaces(const std::string& path);
  void AddPhrase(std::string_view phrase, KbEntry entry);
  void Finish();  // sorts the phrase index
  const std::vector<KbEntry>* FindPending(const std::string& key) const;  // while loading

  std::vector<KbCountry> countries_;
  std::vector<KbOrg> orgs_;
  std::vector<KbPerson> people_;
  std::vector<KbSeat> seats_;
  std::vector<KbRole> roles_;
  std::unordered_map<std::string, int> country_index_, org_index_;
  std::unordered_map<std::string, std::vector<int>> tenures_;
  std::unordered_map<std::string, std::vector<int>> office_index_;  // "holder|office" → tenures by start
  std::unordered_map<std::string, Ambiguity> ambiguous_;
  // Phrase index: sorted keys, each with its entries.
  std::vector<std::pair<std::string, std::vector<KbEntry>>> phrases_;
  std::unordered_map<std::string, std::vector<KbEntry>> pending_;
  size_t person_count_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_ACTORS_KNOWLEDGE_BASE_H_
