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
  EXPECT_EQ(f[34], "");
  EXPECT_EQ(f[51], "1");
  EXPECT_EQ(f[52], "RUS");
  EXPECT_EQ(f[59], "20220208120000");
  EXPECT_EQ(f[60], "https://example.org/a b");
}

}  // namespace
}  // namespace dateline
