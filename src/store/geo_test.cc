#include "store/geo.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/paths.h"

namespace dateline {
namespace {

const GeoTable& Table() {
  static const GeoTable* const kTable = [] {
    auto t = GeoTable::Load(DataPath("geo/countries.tsv"), DataPath("geo/places.tsv"));
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return new GeoTable(t.ok() ? std::move(t).value() : GeoTable());
  }();
  return *kTable;
}

// Every country of Debian's iso-codes (the alpha_3 values of iso_3166-1.json).
std::set<std::string> IsoCodesAlpha3() {
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string json = ss.str();
  std::set<std::string> codes;
  const std::string key = "\"alpha_3\": \"";
  for (size_t pos = json.find(key); pos != std::string::npos; pos = json.find(key, pos + 1)) {
    codes.insert(json.substr(pos + key.size(), 3));
  }
  return codes;
}

TEST(GeoTableTest, EveryIsoCodesCountryHasFipsCodeAndPoint) {
  const std::set<std::string> iso = IsoCodesAlpha3();
  if (iso.empty()) GTEST_SKIP() << "iso-codes is not installed (/usr/share/iso-codes/json/iso_3166-1.json)";
  const GeoTable& t = Table();
  for (const std::string& a3 : iso) {
    const CountryGeo* c = t.Country(a3);
    ASSERT_NE(c, nullptr) << a3 << " missing from data/geo/countries.tsv";
    EXPECT_EQ(c->fips.size(), 2u) << a3;
    EXPECT_FALSE(c->name.empty()) << a3;
  }
  EXPECT_EQ(t.countries().size(), iso.size()) << "countries.tsv lists codes iso-codes does not have";
}

TEST(GeoTableTest, CoordinatesInRangeAndFipsCodesDistinct) {
  const GeoTable& t = Table();
  std::map<std::string, int> fips;
  for (const CountryGeo& c : t.countries()) {
    EXPECT_TRUE(c.lat >= -90 && c.lat <= 90 && c.lon >= -180 && c.lon <= 180) << c.alpha3;
    ++fips[c.fips];
  }
  // Only territories without a FIPS code of their own share their country's code.
  std::set<std::string> shared;
  for (const auto& [code, n] : fips) {
    if (n > 1) shared.insert(code);
  }
  EXPECT_EQ(shared, (std::set<std::string>{"FI", "NL", "US"}));
  ASSERT_GE(t.places().size(), 300u);
  int states = 0;
  for (const PlaceGeo& p : t.places()) {
    EXPECT_TRUE(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180) << p.name;
    ASSERT_NE(t.Country(p.alpha3), nullptr) << p.name;
    if (p.type == GeoType::kUsState) {
      ++states;
      EXPECT_EQ(p.adm1.size(), 4u) << p.name;
      EXPECT_EQ(p.adm1.substr(0, 2), "US") << p.name;
    }
    // The point of a place lies within ~25 degrees of its country's point (catches swapped signs); the
    // largest countries are left out.
    const CountryGeo* c = t.Country(p.alpha3);
    if (p.alpha3 != "RUS" && p.alpha3 != "USA" && p.alpha3 != "CAN" && p.alpha3 != "CHN" &&
        p.alpha3 != "AUS" && p.alpha3 != "BRA" && p.alpha3 != "IDN") {
      EXPECT_LT(std::abs(p.lat - c->lat) + std::abs(p.lon - c->lon), 25.0) << p.name;
    }
  }
  EXPECT_EQ(states, 51);  // the 50 states and the District of Columbia
}

TEST(GeoTableTest, FipsCodesThatDifferFromIsoAlpha2) {
  const GeoTable& t = Table();
  const std::map<std::string, std::string> cases = {
      {"FRA", "FR"}, {"DEU", "GM"}, {"RUS", "RS"}, {"UKR", "UP"}, {"GBR", "UK"}, {"USA", "US"}, {"CHN", "CH"},
      {"POL", "PL"}, {"ISR", "IS"}, {"IRN", "IR"}, {"JPN", "JA"}, {"ESP", "SP"}, {"AUT", "AU"}, {"AUS", "AS"},
      {"TUR", "TU"}, {"CHE", "SZ"}, {"SWE", "SW"}, {"IRQ", "IZ"}, {"KOR", "KS"}, {"PRK", "KN"}, {"ZAF", "SF"},
      {"PHL", "RP"}, {"VNM", "VM"}, {"NGA", "NI"}, {"NER", "NG"}, {"SRB", "RI"}, {"CZE", "EZ"}, {"IRL", "EI"},
      {"DNK", "DA"}, {"PRT", "PO"}, {"LBN", "LE"}, {"MMR", "BM"}, {"SSD", "OD"}, {"BLR", "BO"}, {"GEO", "GG"},
  };
  for (const auto& [a3, fips] : cases) {
    const CountryGeo* c = t.Country(a3);
    ASSERT_NE(c, nullptr) << a3;
    EXPECT_EQ(c->fips, fips) << a3;
  }
}

struct ResolveCase {
  const char* location;
  GeoType type;
  const char* full_name;
  const char* country;
  const char* adm1;
  const char* feature_id;
};

TEST(GeoTableTest, ResolvesCodesNamesAndPlaces) {
  const ResolveCase cases[] = {
      {"TUR", GeoType::kCountry, "Turkey", "TU", "TU", "TU"},
      {"RUS", GeoType::kCountry, "Russia", "RS", "RS", "RS"},
      {"Britain", GeoType::kCountry, "United Kingdom", "UK", "UK", "UK"},
      {"the Netherlands", GeoType::kCountry, "Netherlands", "NL", "NL", "NL"},
      {"Georgia", GeoType::kCountry, "Georgia", "GG", "GG", "GG"},  // the country wins over the US state
      {"Istanbul", GeoType::kWorldCity, "Istanbul, Turkey", "TU", "TU34", ""},
      {"Kiev", GeoType::kWorldCity, "Kyiv, Ukraine", "UP", "UP12", ""},
      {"odessa", GeoType::kWorldCity, "Odesa, Ukraine", "UP", "UP17", ""},
      {"Simferopol", GeoType::kWorldCity, "Simferopol, Crimea, Ukraine", "UP", "UP11", ""},
      {"Geneva", GeoType::kWorldCity, "Geneva, Switzerland", "SZ", "", ""},
      {"The Hague", GeoType::kWorldCity, "The Hague, Netherlands", "NL", "", ""},
      {"Gaza City", GeoType::kWorldCity, "Gaza, Gaza Strip, Palestinian Territories", "GZ", "GZ", ""},
      {"Chicago", GeoType::kUsCity, "Chicago, Illinois, United States", "US", "USIL", ""},
      {"Washington, D.C.", GeoType::kUsCity, "Washington, District of Columbia, United States", "US", "USDC",
       ""},
      {"California", GeoType::kUsState, "California, United States", "US", "USCA", "CA"},
      {"Crimea", GeoType::kWorldState, "Crimea, Ukraine", "UP", "UP11", "UP11"},
      {"Bosphorus", GeoType::kNone, "Bosphorus", "", "", ""},
  };
  for (const ResolveCase& c : cases) {
    const GeoPoint g = Table().Resolve(c.location);
    EXPECT_EQ(g.type, c.type) << c.location;
    EXPECT_EQ(g.full_name, c.full_name) << c.location;
    EXPECT_EQ(g.country, c.country) << c.location;
    EXPECT_EQ(g.adm1, c.adm1) << c.location;
    EXPECT_EQ(g.feature_id, c.feature_id) << c.location;
  }
  const GeoPoint ist = Table().Resolve("Istanbul");
  EXPECT_NEAR(ist.lat, 41.01, 0.2);
  EXPECT_NEAR(ist.lon, 28.98, 0.2);
}

struct NearCase {
  const char* sentence;
  const char* trigger;
  const char* alpha3;    // country filter, "" for none
  const char* expected;  // full name, "" when nothing is found
};

TEST(GeoTableTest, FindsPlaceNamedNearTrigger) {
  const NearCase cases[] = {
      {"The two ministers met in Istanbul on Thursday.", "met", "", "Istanbul, Turkey"},
      {"The ministers met in Istanbul.", "met", "", "Istanbul, Turkey"},
      {"In Geneva, the envoys signed a protocol.", "signed", "", "Geneva, Switzerland"},
      {"Delegates will gather at the Hague next week.", "gather", "", "The Hague, Netherlands"},
      {"Drones struck a fuel depot in Odessa overnight.", "struck", "UKR", "Odesa, Ukraine"},
      {"Drones struck a fuel depot in Odessa overnight.", "struck", "RUS", ""},  // not in that country
      {"Troops were sent to the border in Ukraine.", "sent", "", "Ukraine"},
      {"Troops were sent to the border in Ukraine.", "sent", "UKR", ""},  // a country is no refinement
      {"He met his counterpart in the morning.", "met", "", ""},          // lower case: not a name
      {"He met the envoy in New York City on Monday.", "met", "", "New York, New York, United States"},
      {"The talks ended; later, protests broke out in Tbilisi.", "talks", "", ""},  // clause break between
      {"Officials met, and after a long day of arguments about the text of a future accord, the team flew "
       "home in Berlin.",
       "met", "", ""},  // too far from the trigger
      {"Leaders met in Warsaw after a summit in Berlin.", "summit", "", "Berlin, Germany"},  // the nearest
      {"Moscow rejected reports that followed the talks in Istanbul.", "rejected", "", ""},  // another clause
      {"Officials in Kyiv said drones attacked the port.", "attacked", "", ""},  // a report's source
      {"In Kyiv, officials welcomed the offer.", "welcomed", "", "Kyiv, Ukraine"},
      // The meetings' place, not the discussion's.
      {"They discussed the recent meetings in Russia and Ukraine.", "discussed", "", ""},
      // Only the nearest locative phrase on each side counts.
      {"They agreed on borders in the Eastern Mediterranean and on ports in Libya.", "agreed", "", ""},
      {"The envoys met in January in Geneva.", "met", "", "Geneva, Switzerland"},  // a month is no place
      {"\u201CWe met in \u201CKyiv\u201D, today,\u201D he said.", "met", "",
       "Kyiv, Ukraine"},  // curly quotes
      {"Her wins in Arizona, Nevada and Utah and two more states left her with forty pledged delegates.",
       "pledged", "", ""},  // too far before the trigger
      // A place inside an introductory subordinate clause belongs to that clause.
      {"After winning the primaries in Florida, the senator gathered more delegates.", "gathered", "", ""},
      {"In Washington, the president held crisis talks.", "held", "",
       "Washington, District of Columbia, United States"},
  };
  for (const NearCase& c : cases) {
    const std::string s = c.sentence;
    const size_t b = s.find(c.trigger);
    ASSERT_NE(b, std::string::npos) << c.sentence;
    const GeoPoint g = Table().FindNear(s, b, b + std::string(c.trigger).size(), c.alpha3);
    EXPECT_EQ(g.resolved() ? g.full_name : "", c.expected) << c.sentence;
  }
}

TEST(GeoTableTest, RejectsMalformedTables) {
  const std::string dir = ::testing::TempDir();
  const std::string countries = dir + "/geo_countries.tsv", places = dir + "/geo_places.tsv";
  auto write = [](const std::string& path, const std::string& text) { std::ofstream(path) << text; };
  write(countries, "# alpha3 fips lat long name alternates\nTUR\tTU\t39.00\t35.00\tTurkey\tTurkiye\n");
  write(places, "Istanbul\t\t4\tTUR\tTU34\t41.01\t28.98\n");
  ASSERT_TRUE(GeoTable::Load(countries, places).ok());
  const std::pair<const char*, const char*> bad_places[] = {
      {"Istanbul\t\t4\tTUR\tUP34\t41.01\t28.98\n", "FIPS"},  // ADM1 of another country
      {"Istanbul\t\t4\tXXX\t\t41.01\t28.98\n", "unknown country"},
      {"Istanbul\t\t4\tTUR\t\t141.01\t28.98\n", "out of range"},
      {"Istanbul\t\t7\tTUR\t\t41.01\t28.98\n", "type"},
      {"Istanbul\t\t4\tTUR\t\t41.01\n", "7 tab-separated"},
      {"Istanbul\t\t4\tTUR\t\t41.01\t28.98\nIzmir\tISTANBUL\t4\tTUR\t\t38.42\t27.14\n", "twice"},
  };
  for (const auto& [text, message] : bad_places) {
    write(places, text);
    const auto t = GeoTable::Load(countries, places);
    ASSERT_FALSE(t.ok()) << text;
    EXPECT_NE(t.status().ToString().find(message), std::string::npos) << t.status().ToString();
    EXPECT_NE(t.status().ToString().find("geo_places.tsv:"), std::string::npos) << t.status().ToString();
  }
  write(countries, "TUR\tTU\t39.00\t35.00\tTurkey\t\nTUR\tTU\t39.00\t35.00\tTurkey again\t\n");
  EXPECT_FALSE(GeoTable::Load(countries, places).ok());
  EXPECT_FALSE(GeoTable::Load(dir + "/absent.tsv", places).ok());
}

}  // namespace
}  // namespace dateline
