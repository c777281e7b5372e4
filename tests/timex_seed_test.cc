// Golden test of the time-expression stage on the seed articles (../shared/seeds): every date of
// gold_events.tsv must be derivable from the time expressions of the articles that report it, and the
// readings the issue names must come out as stated.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "timex/timex.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(DATELINE_SOURCE_DIR) / "../shared/seeds";

struct Seed {
  std::string text;
  Date dct;
  std::vector<TimeExpression> timexes;
};

// The seed format: " date YYYY-MM-DD " then the article. The header is blanked, keeping offsets.
Seed LoadSeed(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Seed s;
  s.text = ss.str();
  const size_t d = s.text.find("date ");
  if (d != std::string::npos && d < 4) {
    auto date = ParseIsoDate(std::string_view(s.text).substr(d + 5, 10));
    if (date.ok()) {
      s.dct = *date;
      for (size_t i = 0; i < d + 15; ++i) s.text[i] = ' ';
    }
  }
  s.timexes = TagTimexes(s.text, s.dct);
  return s;
}

std::map<std::string, Seed> LoadAll() {
  std::map<std::string, Seed> seeds;
  for (const auto& e : fs::directory_iterator(kSeeds)) {
    if (e.path().extension() == ".txt") seeds[e.path().stem().string()] = LoadSeed(e.path());
  }
  return seeds;
}

std::vector<std::vector<std::string>> ReadTsv(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, '\t')) f.push_back(cell);
    if (f.size() >= 12) rows.push_back(f);
  }
  return rows;
}

// The reading of the expression covering exactly `span` (first occurrence at or after `from`).
std::string ValueOf(const Seed& s, std::string_view span, size_t from = 0) {
  const size_t at = s.text.find(span, from);
  for (const auto& x : s.timexes) {
    if (x.start == at && x.end == at + span.size()) return x.value;
  }
  return "<none>";
}

TEST(TimexSeeds, EveryGoldDateIsDerivable) {
  if (!fs::exists(kSeeds / "gold_events.tsv")) GTEST_SKIP() << "../shared/seeds is not available";
  const auto seeds = LoadAll();
  int checked = 0;
  for (const auto& row : ReadTsv(kSeeds / "gold_events.tsv")) {
    const std::string& id = row[0];
    const std::string& date = row[1];
    const bool optional = row[11] == "yes";
    if (date == "-" || optional) continue;
    std::set<std::string> found;
    std::stringstream docs(row[10]);
    std::string doc;
    while (std::getline(docs, doc, ',')) {
      auto it = seeds.find(doc);
      ASSERT_NE(it, seeds.end()) << "seed " << doc;
      for (const auto& x : it->second.timexes) {
        if (x.date.known()) found.insert(x.date.ToString());
      }
      if (it->second.dct.known()) found.insert(it->second.dct.ToString() + "#dct");
    }
    // The event's date must be the calendar reading of one of its reports' time expressions.
    EXPECT_TRUE(found.count(date)) << id << " " << date << " not among the dates of " << row[10];
    ++checked;
  }
  EXPECT_GT(checked, 20);
}

TEST(TimexSeeds, ReadingsNamedInTheIssue) {
  if (!fs::exists(kSeeds / "gold_events.tsv")) GTEST_SKIP() << "../shared/seeds is not available";
  const auto seeds = LoadAll();
  const Seed& s0 = seeds.at("000_8053849c28fb875d");  // Friday 2022-02-04
  EXPECT_EQ(ValueOf(s0, "Thursday"), "2022-02-03");
  EXPECT_EQ(ValueOf(s0, "3 February"), "2022-02-03");
  EXPECT_EQ(ValueOf(s0, "28"), "2022-01-28");
  EXPECT_EQ(ValueOf(s0, "31 January"), "2022-01-31");
  EXPECT_EQ(ValueOf(s0, "seven days"), "P7D");
  EXPECT_EQ(ValueOf(s0, "Wednesday"), "2022-02-02");
  const Seed& s1 = seeds.at("001_a43617676330168f");  // Thursday 2022-02-10
  EXPECT_EQ(ValueOf(s1, "Wednesday"), "2022-02-09");
  EXPECT_EQ(ValueOf(s1, "last week"), "2022-W05");
  EXPECT_EQ(ValueOf(s1, "Today"), "2022-02-10");
  EXPECT_EQ(ValueOf(s1, "3 February"), "2022-02-03");
  EXPECT_EQ(ValueOf(s1, "five-hour"), "PT5H");
  EXPECT_EQ(ValueOf(s1, "Monday"), "2022-02-07");
  EXPECT_EQ(ValueOf(s1, "the next day"), "2022-02-08");
  EXPECT_EQ(ValueOf(s1, "Tuesday"), "2022-02-08");
  const Seed& s2 = seeds.at("002_99774204e61da811");  // Monday 2022-02-07
  EXPECT_EQ(ValueOf(s2, "Sunday"), "2022-02-06");
  EXPECT_EQ(ValueOf(s2, "Monday"), "2022-02-07");
  EXPECT_EQ(ValueOf(s2, "Wednesday"), "2022-02-02");
  EXPECT_EQ(ValueOf(s2, "December"), "2021-12");
  const Seed& s3 = seeds.at("003_6f8312bffc9b9dc3");  // Monday 2022-02-07
  EXPECT_EQ(ValueOf(s3, "Today"), "2022-02-07");
  EXPECT_EQ(ValueOf(s3, "Thursday"), "2022-02-10");
  EXPECT_EQ(ValueOf(s3, "Last week"), "2022-W05");
  const size_t landed = s3.text.find("On Sunday, a plane");
  ASSERT_NE(landed, std::string::npos);
  EXPECT_EQ(ValueOf(s3, "Sunday", landed), "2022-02-06");
  const Seed& s4 = seeds.at("004_a584cf7037d68af5");  // Tuesday 2022-02-08
  EXPECT_EQ(ValueOf(s4, "February 8"), "2022-02-08");
  EXPECT_EQ(ValueOf(s4, "February 7"), "2022-02-07");
  EXPECT_EQ(ValueOf(s4, "February 14"), "2022-02-14");
  EXPECT_EQ(ValueOf(s4, "15", s4.text.find("February 14")), "2022-02-15");
  EXPECT_EQ(ValueOf(s4, "yesterday"), "2022-02-07");
  EXPECT_EQ(ValueOf(s4, "next week"), "2022-W07");
  EXPECT_EQ(ValueOf(s4, "last month"), "2022-01");
  EXPECT_EQ(ValueOf(s4, "January"), "2022-01");
}

TEST(TimexSeeds, NoFalseDatesFromVerbsAndNames) {
  if (!fs::exists(kSeeds / "gold_events.tsv")) GTEST_SKIP() << "../shared/seeds is not available";
  for (const auto& [name, s] : LoadAll()) {
    for (const auto& x : s.timexes) {
      const std::string t = s.text.substr(x.start, x.end - x.start);
      EXPECT_NE(t, "may") << name;
      EXPECT_NE(t, "May") << name;
      EXPECT_NE(t, "march") << name;
    }
  }
}

}  // namespace
}  // namespace dateline
