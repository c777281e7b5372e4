// GeoTable: the geography Dateline knows (countries with their FIPS 10-4 codes and representative points,
// and a list of named places: cities, US states, a few regions), used to fill GDELT's *Geo_* columns of
// events.tsv. Loaded from data/geo/countries.tsv and data/geo/places.tsv (doc/formats/geo.md).
// Immutable after loading; all const methods are thread-safe.
#ifndef DATELINE_STORE_GEO_H_
#define DATELINE_STORE_GEO_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace dateline {

// GDELT's geography types (the *Geo_Type column).
enum class GeoType : int {
  kNone = 0,
  kCountry = 1,
  kUsState = 2,
  kUsCity = 3,
  kWorldCity = 4,
  kWorldState = 5
};

// One resolved location, as GDELT's seven *Geo_* fields other than ADM2Code (which Dateline leaves empty).
struct GeoPoint {
  GeoType type = GeoType::kNone;  // kNone: not resolved (only full_name is meaningful)
  std::string full_name;          // "Istanbul, Turkey", "Chicago, Illinois, United States", "Ukraine"
  std::string country;            // FIPS 10-4 country code ("TU")
  std::string adm1;               // "TU34", "USCA"; the country code for a country; "" when unknown
  double lat = 0.0, lon = 0.0;
  std::string feature_id;  // the FIPS code for a country, the ADM1 code for a region; "" for cities
  bool resolved() const { return type != GeoType::kNone; }
};

// A row of countries.tsv.
struct CountryGeo {
  std::string alpha3;  // ISO 3166-1 alpha-3
  std::string fips;    // FIPS 10-4
  std::string name;    // short English name ("Russia")
  double lat = 0.0, lon = 0.0;
};

// A row of places.tsv.
struct PlaceGeo {
  std::string name;  // preferred English name
  GeoType type = GeoType::kWorldCity;
  std::string alpha3;  // country, ISO alpha-3
  std::string adm1;    // GDELT ADM1 code, a bare FIPS entity code ("GZ"), or ""
  double lat = 0.0, lon = 0.0;
};

class GeoTable {
 public:
  GeoTable() = default;

  // Reads the two tables. Fails with InvalidArgument naming file and line on a malformed row (wrong field
  // count, bad code, coordinate out of range, unknown country, a name used twice), IOError when unreadable.
  static StatusOr<GeoTable> Load(const std::string& countries_path, const std::string& places_path);

  // The tables under DataDir()/geo, loaded once. When they cannot be loaded the table is empty (every
  // lookup misses) and the reason is printed once on stderr.
  static const GeoTable& Default();

  // The country with this ISO alpha-3 code, or nullptr.
  const CountryGeo* Country(std::string_view alpha3) const;
  // The country with this name or alternate name (ASCII case-insensitive, "the " ignored), or nullptr.
  const CountryGeo* CountryNamed(std::string_view name) const;
  // The place with this name or alternate name (as for CountryNamed), or nullptr.
  const PlaceGeo* PlaceNamed(std::string_view name) const;

  // GDELT geography of a country (type 1: FIPS code as country, ADM1 and feature id; the country's point).
  GeoPoint CountryPoint(const CountryGeo& c) const;
  // GDELT geography of a place (type 2-5; full name "Place, Region, Country" where the region is known).
  GeoPoint PlacePoint(const PlaceGeo& p) const;

  // Resolves an event location as merge reports it: an alpha-3 code or a country name gives the country,
  // a known place name the place; anything else an unresolved point whose full_name is the text itself.
  GeoPoint Resolve(std::string_view location) const;

  // Looks in a sentence for the place of the event whose trigger is the byte span [trigger_begin,
  // trigger_end): the locative phrase ("in Istanbul", "at the Hague", "in Ukraine": "in"/"at", a
  // capitalised name that is not a month or weekday) nearest the trigger on each side, when its name is
  // known, it starts at most max_words words away (two thirds of that before the trigger), and no clause
  // break (; : ! ?), no word that opens another clause or a report ("that", "after", "said", …) and no noun
  // of another event with a place of its own ("meetings", "talks", "summit", …) lies between; a phrase before
  // the trigger also must not sit in an introductory subordinate clause ("After the primaries in Florida,
  // …"). The closer of the two sides wins (after the trigger on a tie); an unresolved point when neither
  // qualifies. When alpha3 is not empty only places in that country qualify, and countries do not.
  GeoPoint FindNear(std::string_view sentence, size_t trigger_begin, size_t trigger_end,
                    std::string_view alpha3, int max_words = 12) const;

  const std::vector<CountryGeo>& countries() const { return countries_; }
  const std::vector<PlaceGeo>& places() const { return places_; }

 private:
  std::vector<CountryGeo> countries_;
  std::vector<PlaceGeo> places_;
  std::unordered_map<std::string, size_t> by_alpha3_, country_by_name_, place_by_name_;
  std::unordered_map<std::string, size_t> region_by_adm1_;  // ADM1 code → its type 2/5 place
  size_t longest_name_words_ = 1;
};

// The lookup key of a name: ASCII lower case, runs of spaces folded, a leading "the " dropped.
std::string GeoKey(std::string_view name);

}  // namespace dateline

#endif  // DATELINE_STORE_GEO_H_
