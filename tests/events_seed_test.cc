// End-to-end event tests on the five seed articles (../shared/seeds): the whole pipeline runs, and
//  - the mentions cover ≥ 90% of the required gold events (gold_events.tsv, matched as
//    ../shared/tools/score_events.py matches them: type, status, date at the gold precision, countries);
//  - no mention matching a negative (negatives.tsv) comes out as happened or planned;
//  - the compact list of mentions equals the reviewed golden file tests/golden/events/<doc>.txt
//    (regenerate with DATELINE_UPDATE_GOLDEN=1 and review the diff).
// Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace dateline {
namespace {

const std::string kShared = DATELINE_SOURCE_DIR "/../shared";
const std::string kGolden = DATELINE_SOURCE_DIR "/tests/golden/events";

std::vector<std::map<std::string, std::string>> ReadTsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& l) {
    std::vector<std::string> f;
    std::stringstream ss(l);
    std::string x;
    while (std::getline(ss, x, '\t')) f.push_back(x);
    return f;
  };
  if (std::getline(in, line)) header = split(line);
  while (std::getline(in, line)) {
    auto f = split(line);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
    rows.push_back(row);
  }
  return rows;
}

class SeedEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kShared + "/seeds")) return;
    auto p = Pipeline::Load(PipelineOptions{});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    docs_ = new std::vector<Document>();
    Status s = ReadInputs({kShared + "/seeds"}, ReadOptions{}, [&](Document&& d) {
      EXPECT_TRUE((*p)->Process(&d).ok()) << d.id;
      docs_->push_back(std::move(d));
    }, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  void SetUp() override {
    if (!std::filesystem::exists(kShared + "/seeds")) GTEST_SKIP() << "../shared/seeds not found: seed tests skipped";
    ASSERT_NE(docs_, nullptr);
  }
  static std::vector<Document>* docs_;
};
std::vector<Document>* SeedEvents::docs_ = nullptr;

bool Matches(const EventMention& e, const std::map<std::string, std::string>& row, bool status_required) {
  if (e.type != row.at("type")) return false;
  const std::string st = EventStatusName(e.status);
  if (status_required && st != row.at("status")) return false;
  const std::string gd = row.at("date");
  if (gd != "-" && !gd.empty()) {
    std::vector<std::string> dates{gd};
    std::stringstream note(row.count("note") ? row.at("note") : "");
    for (std::string w; note >> w;) {
      if (w.rfind("conflict:", 0) == 0) dates.push_back(w.substr(9, 10));
    }
    const std::string sd = e.date.ToString();
    bool ok = false;
    for (const auto& d : dates) ok = ok || (sd.size() >= d.size() && sd.compare(0, d.size(), d) == 0);
    if (!ok) return false;
  }
  const std::string gs = row.at("source_country"), gt = row.at("target_country");
  const std::string s = e.source.actor.country, t = e.target.actor.country;
  if (gs != "-" && gt != "-") return std::set<std::string>{s, t} == std::set<std::string>{gs, gt};
  if (gs != "-") return s == gs;
  return true;
}

TEST_F(SeedEvents, CoverRequiredGoldEvents) {
  auto gold = ReadTsv(kShared + "/seeds/gold_events.tsv");
  int required = 0, found = 0;
  std::string missed;
  for (const auto& row : gold) {
    if (row.at("optional") == "yes") continue;
    ++required;
    bool hit = false;
    for (const auto& d : *docs_) {
      for (const auto& e : d.events) hit = hit || ((e.status == EventStatus::kHappened || e.status == EventStatus::kPlanned) && Matches(e, row, true));
    }
    if (hit) ++found;
    else missed += row.at("event_id") + " ";
  }
  EXPECT_GE(found, (required * 9 + 9) / 10) << "missed: " << missed;
}

TEST_F(SeedEvents, NoNegativeHappensOrIsPlanned) {
  auto negs = ReadTsv(kShared + "/seeds/negatives.tsv");
  for (const auto& row : negs) {
    for (const auto& d : *docs_) {
      for (const auto& e : d.events) {
        if (e.status != EventStatus::kHappened && e.status != EventStatus::kPlanned) continue;
        EXPECT_FALSE(Matches(e, row, false)) << row.at("event_id") << " hit by '" << e.trigger << "' in " << d.id;
      }
    }
  }
}

std::string Compact(const Document& d) {
  std::string out;
  for (const auto& e : d.events) {
    out += "s" + std::to_string(e.sentence) + "\t" + e.trigger + "\t" + e.cameo + "\t" + e.type + "\t" + e.mode +
           "\t" + e.source.actor.country + ":" + e.source.actor.name + "\t" + e.target.actor.country + ":" +
           e.target.actor.name + "\t" + EventStatusName(e.status) + "\t" + e.date.ToString() + "\t" + e.date_basis +
           "\n";
  }
  return out;
}

TEST_F(SeedEvents, GoldenMentions) {
  const bool update = std::getenv("DATELINE_UPDATE_GOLDEN") != nullptr;
  for (const auto& d : *docs_) {
    const std::string path = kGolden + "/" + d.id + ".txt";
    const std::string got = Compact(d);
    if (update) {
      std::ofstream(path) << got;
      continue;
    }
    std::ifstream in(path);
    ASSERT_TRUE(in) << path << " missing: run with DATELINE_UPDATE_GOLDEN=1 and review";
    std::stringstream want;
    want << in.rdbuf();
    EXPECT_EQ(got, want.str()) << d.id << ": mentions changed; if intended, regenerate with "
                                  "DATELINE_UPDATE_GOLDEN=1 and review the diff";
  }
}

}  // namespace
}  // namespace dateline
