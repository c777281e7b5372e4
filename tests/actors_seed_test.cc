// Golden test of the actors stage on the seed articles (../shared/seeds), read and segmented as
// `dateline actors` does:
//  - every actor of gold_events.tsv is found, with the right country, in every document that reports it
//    (named actors by their person, the others by any mention of their country: role, place, demonym);
//  - the full mention list equals tests/golden/actors/<doc>.jsonl (reviewed by eye; regenerate with
//    DATELINE_UPDATE_GOLDEN=1 and review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "actors/actor_annotator.h"
#include "actors/mention_json.h"
#include "ingest/reader.h"
#include "text/segmenter.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(DATELINE_SOURCE_DIR) / "../shared/seeds";
const fs::path kGolden = fs::path(DATELINE_SOURCE_DIR) / "tests/golden/actors";

const std::map<std::string, Document>& SeedDocs() {
  static const std::map<std::string, Document>* docs = [] {
    auto* out = new std::map<std::string, Document>();
    auto annotator = MakeActorAnnotator();
    EXPECT_TRUE(annotator.ok()) << annotator.status().ToString();
    if (!annotator.ok()) return out;
    std::vector<std::string> inputs;
    for (const auto& e : fs::directory_iterator(kSeeds)) {
      if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
    }
    Status s = ReadInputs(
        inputs, ReadOptions(),
        [&](Document&& doc) {
          doc.sentences = SegmentText(doc.text);
          EXPECT_TRUE((*annotator)->Annotate(&doc).ok());
          (*out)[doc.id] = std::move(doc);
        },
        nullptr);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }();
  return *docs;
}

std::string LastWord(const std::string& name) {
  const size_t sp = name.rfind(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

TEST(ActorsSeedTest, EveryGoldActorIsFoundWithItsCountry) {
  if (!fs::exists(kSeeds / "gold_events.tsv")) GTEST_SKIP() << "../shared/seeds not present";
  const auto& docs = SeedDocs();
  ASSERT_EQ(docs.size(), 5u);
  std::ifstream in(kSeeds / "gold_events.tsv");
  std::string line;
  std::getline(in, line);  // header
  // (doc, country, person) → found
  std::map<std::tuple<std::string, std::string, std::string>, bool> checks;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, '\t')) f.push_back(cell);
    if (f.size() < 11) continue;
    std::stringstream ds(f[10]);
    std::string doc;
    while (std::getline(ds, doc, ',')) {
      for (int side : {4, 6}) {
        if (f[side] == "-") continue;
        checks[{doc, f[side], f[side + 1] == "-" ? "" : f[side + 1]}] = false;
      }
    }
  }
  ASSERT_GT(checks.size(), 20u);
  int found = 0;
  for (auto& [key, ok] : checks) {
    const auto& [doc_id, country, person] = key;
    auto it = docs.find(doc_id);
    ASSERT_NE(it, docs.end()) << doc_id;
    for (const auto& m : it->second.actors) {
      if (m.actor.country != country) continue;
      if (person.empty() || LastWord(m.actor.name) == LastWord(person)) ok = true;
    }
    found += ok;
    EXPECT_TRUE(ok) << doc_id << ": no mention of " << (person.empty() ? country : person + " (" + country + ")");
  }
  std::cout << "[ actors ] gold actors found with the right country: " << found << "/" << checks.size() << "\n";
}

TEST(ActorsSeedTest, MentionsMatchTheGoldenFiles) {
  if (!fs::exists(kSeeds)) GTEST_SKIP() << "../shared/seeds not present";
  const bool update = std::getenv("DATELINE_UPDATE_GOLDEN") != nullptr;
  for (const auto& [id, doc] : SeedDocs()) {
    std::string got;
    for (const auto& m : doc.actors) AppendActorMentionJson(doc, m, &got);
    const fs::path path = kGolden / (id + ".jsonl");
    if (update) {
      fs::create_directories(kGolden);
      std::ofstream(path, std::ios::binary) << got;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << path << " missing: run with DATELINE_UPDATE_GOLDEN=1 and review it";
    std::stringstream want;
    want << in.rdbuf();
    EXPECT_EQ(got, want.str()) << "actor mentions of " << id << " changed: diff against " << path;
  }
}

}  // namespace
}  // namespace dateline
