// End-to-end tests of `dateline run`, `dateline extract | merge` and `dateline timeline`, through the built
// binary (found next to this test executable: <build>/cli/dateline).
//   - accounting: a directory mixing good files, an empty file, a binary file and a JSONL file with one
//     broken line ends with read = processed + rejected, each rejection explained;
//   - re-running into the same directory adds new documents without duplicating old ones;
//   - a run killed between batches leaves a consistent database, and the next run completes it with the
//     same events as one clean run;
//   - merging extract shards gives the same events as merging the whole corpus;
//   - golden timeline.md of the bundled sample (examples/articles). Regenerate after a deliberate change with
//       DATELINE_UPDATE_GOLDEN=1 ./build/tests/golden_test --gtest_filter='RunCli*'
//     and review the diff by eye before committing.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace dateline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The dateline binary of this build, or "" when it is not there.
std::string Binary() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  for (const fs::path& p : {self.parent_path().parent_path() / "cli" / "dateline",
                            fs::path(DATELINE_SOURCE_DIR) / "build" / "cli" / "dateline"}) {
    if (fs::exists(p)) return p.string();
  }
  return "";
}

// Runs `dateline ARGS`, returns the exit code; stderr goes to log.
int Dateline(const std::string& args, const fs::path& log, const std::string& env = "") {
  const std::string cmd = env + " " + Quote(Binary()) + " " + args + " 2>" + Quote(log.string());
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

json ReadJson(const fs::path& p) { return json::parse(Slurp(p), nullptr, false); }

std::vector<json> ReadJsonl(const fs::path& p) {
  std::vector<json> out;
  std::istringstream in(Slurp(p));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line, nullptr, false));
  }
  return out;
}

// Three short dated articles of our own, in the seed format.
const char* kArticles[][2] = {
    {"a1", " date 2023-05-10 Finnish President Sauli Niinisto spoke with German Chancellor Olaf Scholz by phone on "
           "Tuesday about border security. The two leaders agreed to meet again next month."},
    {"a2", " date 2023-05-11 Germany's Olaf Scholz and Finland's Sauli Niinisto held a phone call on Tuesday, "
           "officials in Berlin said. They discussed energy and the Baltic Sea."},
    {"a3", " date 2023-05-12 Chancellor Olaf Scholz will visit Helsinki on 20 May, his office said on Friday. "
           "He is expected to meet President Sauli Niinisto."},
};

class RunCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (Binary().empty()) GTEST_SKIP() << "the dateline binary is not built next to this test";
    dir_ = fs::temp_directory_path() / ("dateline_run_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty() && !std::getenv("DATELINE_KEEP_TEST_OUTPUT")) fs::remove_all(dir_);
  }
  void WriteArticles(const fs::path& in, int n = 3) {
    for (int i = 0; i < n; ++i) Write(in / (std::string(kArticles[i][0]) + ".txt"), kArticles[i][1]);
  }
  fs::path dir_;
};

TEST_F(RunCliTest, AccountsForEveryInput) {
  const fs::path in = dir_ / "in";
  WriteArticles(in);
  Write(in / "empty.txt", "");
  std::string binary = "\x7f" "ELF";
  for (int i = 0; i < 300; ++i) binary += static_cast<char>(i % 7 == 0 ? 0 : i);
  Write(in / "blob.txt", binary);
  Write(in / "more.jsonl",
        "{\"id\":\"j1\",\"date\":\"2023-05-13\",\"text\":\"Sweden's prime minister met Norway's prime minister in Oslo "
        "on Saturday.\"}\n"
        "{\"id\":\"j2\",\"date\":\"2023-05-13\",\"text\":\"broken line, the closing brace is missing\"\n"
        "{\"id\":\"j3\",\"date\":\"2023-05-14\",\"text\":\"Denmark announced new aid for Ukraine on Sunday.\"}\n");
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0)
      << Slurp(dir_ / "log");
  const json run = ReadJson(out / "run.json");
  ASSERT_TRUE(run.is_object()) << Slurp(out / "run.json");
  const int read = run["documents_read"], processed = run["documents_processed"], rejected = run["documents_rejected"];
  EXPECT_EQ(read, processed + rejected);
  EXPECT_EQ(processed, 5);  // a1 a2 a3 j1 j3
  EXPECT_EQ(rejected, 3);   // empty, binary, the broken JSON line
  const auto lines = ReadJsonl(out / "rejected.jsonl");
  ASSERT_EQ(static_cast<int>(lines.size()), rejected);
  std::set<std::string> sources;
  for (const json& r : lines) {
    ASSERT_TRUE(r.is_object());
    EXPECT_FALSE(r.value("reason", "").empty()) << r.dump();
    sources.insert(fs::path(r.value("source", "")).filename().string());
  }
  EXPECT_TRUE(sources.count("empty.txt")) << Slurp(out / "rejected.jsonl");
  EXPECT_TRUE(sources.count("blob.txt")) << Slurp(out / "rejected.jsonl");
  EXPECT_TRUE(sources.count("more.jsonl:2")) << Slurp(out / "rejected.jsonl");
  for (const char* f : {"events.jsonl", "events.tsv", "timeline.md", "timeline.html", "dateline.db"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  EXPECT_GT(run.value("peak_rss_mb", 0.0), 0.0);
  EXPECT_TRUE(run["seconds"].is_object());
}

TEST_F(RunCliTest, ReRunAddsOnlyNewDocuments) {
  const fs::path in = dir_ / "in";
  WriteArticles(in, 2);
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0);
  const std::string first_events = Slurp(out / "events.jsonl");
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0);
  json run = ReadJson(out / "run.json");
  EXPECT_EQ(run["documents_unchanged"], 2);
  EXPECT_EQ(run["documents_added"], 0);
  EXPECT_EQ(run["documents_in_database"], 2);
  EXPECT_EQ(Slurp(out / "events.jsonl"), first_events);
  // A new article: added, and the merge covers all three.
  WriteArticles(in, 3);
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0);
  run = ReadJson(out / "run.json");
  EXPECT_EQ(run["documents_added"], 1);
  EXPECT_EQ(run["documents_unchanged"], 2);
  EXPECT_EQ(run["documents_in_database"], 3);
  std::set<std::string> ids;
  for (const json& e : ReadJsonl(out / "events.jsonl")) {
    EXPECT_TRUE(ids.insert(e.value("id", "")).second) << "duplicate event id " << e.value("id", "");
  }
}

TEST_F(RunCliTest, KilledBetweenBatchesLeavesAConsistentDatabase) {
  const fs::path in = dir_ / "in";
  WriteArticles(in);
  const fs::path clean = dir_ / "clean", out = dir_ / "out";
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(clean.string()) + " -q --batch 1", dir_ / "log"), 0);
  // Dies right after the first batch (one document) is committed.
  EXPECT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q --batch 1", dir_ / "log",
                     "DATELINE_RUN_ABORT_AFTER_BATCHES=1"),
            3);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2((out / "dateline.db").c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    auto scalar = [&](const char* sql) {
      sqlite3_stmt* q = nullptr;
      std::string v;
      if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
        v = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
      }
      sqlite3_finalize(q);
      return v;
    };
    EXPECT_EQ(scalar("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(scalar("SELECT count(*) FROM documents"), "1");
    EXPECT_EQ(scalar("SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT id FROM documents)"), "0");
    EXPECT_EQ(scalar("SELECT value FROM meta WHERE key='events_stale'"), "1");
    sqlite3_close(db);
  }
  EXPECT_FALSE(fs::exists(out / "events.jsonl"));
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q --batch 1", dir_ / "log"), 0);
  const json run = ReadJson(out / "run.json");
  EXPECT_EQ(run["documents_added"], 2);
  EXPECT_EQ(run["documents_unchanged"], 1);
  EXPECT_EQ(run["documents_in_database"], 3);
  EXPECT_EQ(Slurp(out / "events.jsonl"), Slurp(clean / "events.jsonl"));
}

TEST_F(RunCliTest, ShardThenMergeEqualsWholeCorpus) {
  const fs::path seeds = fs::path(DATELINE_SOURCE_DIR) / ".." / "shared" / "seeds";
  const fs::path examples = fs::path(DATELINE_SOURCE_DIR) / "examples" / "articles";
  const fs::path corpus = fs::exists(seeds) ? seeds : examples;
  if (!fs::exists(corpus)) GTEST_SKIP() << "neither ../shared/seeds nor examples/articles is present";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 2u);
  std::string all, shard_a, shard_b;
  for (size_t i = 0; i < files.size(); ++i) {
    all += " " + Quote(files[i].string());
    (i % 2 ? shard_b : shard_a) += " " + Quote(files[i].string());
  }
  const fs::path log = dir_ / "log";
  ASSERT_EQ(Dateline("extract" + all + " > " + Quote((dir_ / "all.jsonl").string()), log), 0) << Slurp(log);
  ASSERT_EQ(Dateline("extract" + shard_a + " > " + Quote((dir_ / "a.jsonl").string()), log), 0) << Slurp(log);
  ASSERT_EQ(Dateline("extract" + shard_b + " > " + Quote((dir_ / "b.jsonl").string()), log), 0) << Slurp(log);
  ASSERT_EQ(Dateline("merge " + Quote((dir_ / "all.jsonl").string()) + " -o " + Quote((dir_ / "whole.jsonl").string()),
                     log),
            0);
  // Shards in the other order.
  ASSERT_EQ(Dateline("merge " + Quote((dir_ / "b.jsonl").string()) + " " + Quote((dir_ / "a.jsonl").string()) +
                         " -o " + Quote((dir_ / "sharded.jsonl").string()),
                     log),
            0);
  const std::string whole = Slurp(dir_ / "whole.jsonl");
  EXPECT_EQ(Slurp(dir_ / "sharded.jsonl"), whole);
  // And `dateline run` finds the same events (ids) from its database.
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Dateline("run" + all + " -o " + Quote(out.string()) + " -q", log), 0) << Slurp(log);
  std::vector<std::string> run_ids, merge_ids;
  for (const json& e : ReadJsonl(out / "events.jsonl")) run_ids.push_back(e.value("id", ""));
  for (const json& e : ReadJsonl(dir_ / "whole.jsonl")) merge_ids.push_back(e.value("id", ""));
  EXPECT_EQ(run_ids, merge_ids);
}

TEST_F(RunCliTest, GoldenTimelineOfTheBundledSample) {
  const fs::path sample = fs::path(DATELINE_SOURCE_DIR) / "examples" / "articles";
  if (!fs::exists(sample)) GTEST_SKIP() << "examples/articles is absent";
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Dateline("run " + Quote(sample.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0)
      << Slurp(dir_ / "log");
  const std::string got = Slurp(out / "timeline.md");
  const fs::path golden = fs::path(DATELINE_SOURCE_DIR) / "tests" / "golden" / "run" / "sample_timeline.md";
  if (std::getenv("DATELINE_UPDATE_GOLDEN")) {
    Write(golden, got);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " missing; run with DATELINE_UPDATE_GOLDEN=1";
  const std::string want = Slurp(golden);
  if (got == want) return;
  std::istringstream g(got), w(want);
  std::string gl, wl;
  for (int line = 1;; ++line) {
    const bool gm = static_cast<bool>(std::getline(g, gl)), wm = static_cast<bool>(std::getline(w, wl));
    if (!gm && !wm) break;
    if (gl != wl || gm != wm) {
      FAIL() << "timeline.md differs from " << golden << " at line " << line << ":\n  got:  " << gl
             << "\n  want: " << wl << "\n(regenerate with DATELINE_UPDATE_GOLDEN=1 after checking the change)";
    }
  }
}

TEST_F(RunCliTest, TimelineCommandFiltersByActorAndWindow) {
  const fs::path in = dir_ / "in";
  WriteArticles(in);
  const fs::path out = dir_ / "out";
  ASSERT_EQ(Dateline("run " + Quote(in.string()) + " -o " + Quote(out.string()) + " -q", dir_ / "log"), 0);
  ASSERT_EQ(Dateline("timeline " + Quote(out.string()) + " --actor Scholz --from 2023-05-01 --to 2023-05-31 -o " +
                         Quote((dir_ / "t.md").string()),
                     dir_ / "log"),
            0)
      << Slurp(dir_ / "log");
  const std::string md = Slurp(dir_ / "t.md");
  EXPECT_EQ(md.rfind("# ", 0), 0u);
  EXPECT_NE(md.find("actor: Scholz"), std::string::npos);
  ASSERT_EQ(Dateline("timeline " + Quote((out / "events.jsonl").string()) + " --format html -o " +
                         Quote((dir_ / "t.html").string()),
                     dir_ / "log"),
            0);
  EXPECT_EQ(Slurp(dir_ / "t.html").rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(Dateline("timeline " + Quote(out.string()) + " --format pdf", dir_ / "log"), 0);
}

}  // namespace
}  // namespace dateline
