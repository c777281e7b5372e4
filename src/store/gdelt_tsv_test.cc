#include "store/gdelt_tsv.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace dateline {
namespace {

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return out;
}

TEST(GdeltTsvTest, SixtyOneColumnsInGdeltOrder) {
  const auto& c = GdeltColumns();
  ASSERT_EQ(c.size(), 61u);
  EXPECT_EQ(c[0], "GLOBALEVENTID");
  EXPECT_EQ(c[26], "EventCode");
  EXPECT_EQ(c[30], "GoldsteinScale");
  EXPECT_EQ(c[39], "Actor1Geo_ADM2Code");
  EXPECT_EQ(c[52], "ActionGeo_FullName");
  EXPECT_EQ(c[59], "DATEADDED");
  EXPECT_EQ(c[60], "SOURCEURL");
}

TEST(GdeltTsvTest, GdeltOneHeaderIsOurColumnsWithoutAdm2) {
  std::ifstream in(DATELINE_SOURCE_DIR "/../shared/data/events/cameo/CSV.header.dailyupdates.txt");
  if (!in) GTEST_SKIP() << "../shared/data/events/cameo is absent";
  std::string header;
  std::getline(in, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  std::vector<std::string> ours;
  for (const auto& c : GdeltColumns()) {
    if (c.find("ADM2Code") == std::string::npos) ours.push_back(c);
  }
  ours[1] = "SQLDATE";
  EXPECT_EQ(Split(header), ours);
}

TEST(GdeltTsvTest, FillsWhatIsKnown) {
  Event e;
  e.id = "ev-1";
  e.type = "CONSULT";
  e.cameo = "042";
  e.quad_class = 1;
  e.goldstein = 1.9;
  e.date = Date::Day(2022, 2, 7);
  e.source = Actor{"person:emmanuel-macron", "Emmanuel Macron", "FRA", "FRAGOV", "GOV"};
  e.target = Actor{"org:nato", "NATO", "", "IGOWSTNAT", "IGO"};
  e.location = "RUS";
  e.num_mentions = 4;
  e.num_sources = 3;
  e.num_articles = 4;
  MentionRecord r;
  r.mention.doc = "d";
  r.mention.sentence = 0;
  r.url = "https://example.org/a\tb";
  e.mentions.push_back(r);
  std::string row;
  AppendGdeltRow(e, 42, "20220208120000", &row);
  ASSERT_EQ(row.back(), '\n');
  row.pop_back();
  auto f = Split(row);
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[0], "42");
  EXPECT_EQ(f[1], "20220207");
  EXPECT_EQ(f[2], "202202");
  EXPECT_EQ(f[3], "2022");
  EXPECT_EQ(f[5], "FRAGOV");
  EXPECT_EQ(f[6], "EMMANUEL MACRON");
  EXPECT_EQ(f[7], "FRA");
  EXPECT_EQ(f[12], "GOV");
  EXPECT_EQ(f[18], "WSTNAT");
  EXPECT_EQ(f[25], "1");
  EXPECT_EQ(f[26], "042");
  EXPECT_EQ(f[27], "042");
  EXPECT_EQ(f[28], "04");
  EXPECT_EQ(f[29], "1");
  EXPECT_EQ(f[30], "1.9");
  EXPECT_EQ(f[31], "4");
  EXPECT_EQ(f[32], "3");
  EXPECT_EQ(f[34], "");  // no sentence text to score
  // Actor1Geo: the source's country; Actor2Geo: NATO has none.
  EXPECT_EQ(f[35], "1");
  EXPECT_EQ(f[36], "France");
  EXPECT_EQ(f[37], "FR");
  EXPECT_EQ(f[38], "FR");
  EXPECT_EQ(f[39], "");
  EXPECT_EQ(f[40], "46.0000");
  EXPECT_EQ(f[41], "2.0000");
  EXPECT_EQ(f[42], "FR");
  for (int i = 43; i <= 50; ++i) EXPECT_EQ(f[i], "") << GdeltColumns()[i];
  EXPECT_EQ(f[51], "1");
  EXPECT_EQ(f[52], "Russia");
  EXPECT_EQ(f[53], "RS");
  EXPECT_EQ(f[58], "RS");
  EXPECT_EQ(f[59], "20220208120000");
  EXPECT_EQ(f[60], "https://example.org/a b");
}

MentionRecord Report(const std::string& doc, const std::string& sentence, const std::string& trigger) {
  MentionRecord r;
  r.mention.doc = doc;
  r.mention.sentence = 4;
  r.sentence_start = 100;
  r.sentence_text = sentence;
  r.sentence_end = 100 + static_cast<uint32_t>(sentence.size());
  const size_t at = sentence.find(trigger);
  EXPECT_NE(at, std::string::npos) << trigger;
  r.mention.trigger_start = 100 + static_cast<uint32_t>(at);
  r.mention.trigger_end = r.mention.trigger_start + static_cast<uint32_t>(trigger.size());
  return r;
}

struct ActionGeoCase {
  const char* location;
  std::vector<std::pair<const char*, const char*>> reports;  // sentence, trigger
  // Expected ActionGeo_Type, FullName, CountryCode, ADM1Code, FeatureID.
  const char* type;
  const char* full_name;
  const char* country;
  const char* adm1;
  const char* feature_id;
};

TEST(GdeltTsvTest, FillsActionGeography) {
  const ActionGeoCase cases[] = {
      // A country code: type 1 with the FIPS code.
      {"UKR", {{"Russia launched drones at ports overnight.", "launched"}}, "1", "Ukraine", "UP", "UP", "UP"},
      // A country code refined to the city of that country a report names near the trigger.
      {"TUR",
       {{"The ministers met in Istanbul on Thursday.", "met"}},
       "4",
       "Istanbul, Turkey",
       "TU",
       "TU34",
       ""},
      // ... but not to a city of another country.
      {"TUR", {{"The ministers met in Geneva on Thursday.", "met"}}, "1", "Turkey", "TU", "TU", "TU"},
      // A known place name.
      {"Kiev", {}, "4", "Kyiv, Ukraine", "UP", "UP12", ""},
      {"Texas", {}, "2", "Texas, United States", "US", "USTX", "TX"},
      // An unknown place keeps its name and nothing else.
      {"Bosphorus", {}, "", "Bosphorus", "", "", ""},
      // No location: the place the reports name (most reports first).
      {"",
       {{"Deputies will meet in Geneva next Tuesday.", "meet"},
        {"Deputies are to meet in Vienna.", "meet"},
        {"The deputies meet in Geneva.", "meet"}},
       "4",
       "Geneva, Switzerland",
       "SZ",
       "",
       ""},
      // No location and none named: nothing is invented.
      {"", {{"The Kremlin denied the report.", "denied"}}, "", "", "", "", ""},
  };
  for (const ActionGeoCase& c : cases) {
    Event e;
    e.id = "ev-geo";
    e.cameo = "040";
    e.location = c.location;
    int doc = 0;
    for (const auto& [sentence, trigger] : c.reports)
      e.mentions.push_back(Report("d" + std::to_string(doc++), sentence, trigger));
    std::string row;
    AppendGdeltRow(e, 1, "20270301000000", &row);
    row.pop_back();
    const auto f = Split(row);
    ASSERT_EQ(f.size(), 61u);
    const std::string where = std::string("location '") + c.location + "'";
    EXPECT_EQ(f[51], c.type) << where;
    EXPECT_EQ(f[52], c.full_name) << where;
    EXPECT_EQ(f[53], c.country) << where;
    EXPECT_EQ(f[54], c.adm1) << where;
    EXPECT_EQ(f[55], "") << where;                                   // ADM2: never known
    EXPECT_EQ(f[56].empty(), std::string(c.type).empty()) << where;  // Lat present exactly when resolved
    EXPECT_EQ(f[57].empty(), std::string(c.type).empty()) << where;
    EXPECT_EQ(f[58], c.feature_id) << where;
  }
}

TEST(GdeltTsvTest, ActionGeoLatLongOfCity) {
  Event e;
  e.location = "Istanbul";
  std::string row;
  AppendGdeltRow(e, 1, "20270301000000", &row);
  row.pop_back();
  const auto f = Split(row);
  EXPECT_NEAR(std::stod(f[56]), 41.01, 0.1);
  EXPECT_NEAR(std::stod(f[57]), 28.98, 0.1);
}

TEST(GdeltTsvTest, AvgToneAveragesReportsWithTwoDecimals) {
  ToneLexicon tone;
  tone.Add("welcome", +1);
  tone.Add("attack", -1);
  struct Case {
    std::vector<const char*> sentences;
    const char* expected;
  } cases[] = {
      {{"Kyiv welcomed the offer."}, "25.00"},                              // +1 of 4 words
      {{"Kyiv welcomed the offer.", "The attack was condemned."}, "0.00"},  // (25 - 25) / 2
      {{"Ports came under attack again."}, "-20.00"},
      {{"Ports came under attack again.", "They met."}, "-10.00"},
      {{"One two three welcome.", "Attack on a b c d e f."}, "6.25"},  // (25 - 12.5) / 2
      {{}, ""},                                                        // nothing to score
  };
  for (const Case& c : cases) {
    Event e;
    for (const char* s : c.sentences) e.mentions.push_back(Report("d", s, std::string(s).substr(0, 3)));
    std::string row;
    GdeltRowOptions options;
    options.tone = &tone;
    AppendGdeltRow(e, 1, "20270301000000", &row, options);
    row.pop_back();
    EXPECT_EQ(Split(row)[34], c.expected) << (c.sentences.empty() ? "" : c.sentences[0]);
  }
}

}  // namespace
}  // namespace dateline
