#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "merge/merge.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// A small annotated document: two sentences, one actor mention, one event mention.
Document Doc(const std::string& id, const std::string& text, int day) {
  Document d;
  d.id = id;
  d.source = "example.org";
  d.published = Date::Day(2022, 2, day);
  d.text = text;
  const size_t cut = text.find(". ") + 1;
  d.sentences.push_back(Sentence{0, static_cast<uint32_t>(cut), 0, false, {}});
  d.sentences.push_back(Sentence{static_cast<uint32_t>(cut + 1), static_cast<uint32_t>(text.size()), 1, false, {}});
  Actor scholz{"person:olaf-scholz", "Olaf Scholz", "DEU", "DEUGOV", "GOV"};
  Actor biden{"person:joe-biden", "Joe Biden", "USA", "USAGOV", "GOV"};
  d.actors.push_back(ActorMention{0, 5, 0, 0, 1, scholz, "kb"});
  EventMention m;
  m.doc = id;
  m.sentence = 0;
  m.trigger = "met";
  m.trigger_start = 6;
  m.trigger_end = 9;
  m.source.actor = scholz;
  m.target.actor = biden;
  m.type = "CONSULT";
  m.cameo = "040";
  m.quad_class = 1;
  m.goldstein = 1.0;
  m.date = Date::Day(2022, 2, 7);
  m.date_basis = "text";
  m.date_text = "on Monday";
  d.events.push_back(m);
  return d;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline_store_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "dateline.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, AddsSearchesAndMergesDocuments) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Document a = Doc("a", "Scholz met Biden on Monday. They discussed gas pipelines.", 8);
  Document b = Doc("b", "Scholz met Biden in Washington. Energy was on the agenda.", 8);
  auto added = (*store)->AddDocuments({&a, &b});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->added, 2u);
  EXPECT_EQ(*(*store)->Count("sentences"), 4);
  EXPECT_TRUE(*(*store)->HasDocument("a", a.text));
  EXPECT_FALSE(*(*store)->HasDocument("a", "other text"));
  // Full-text search over sentences.
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2((*store)->handle(),
                               "SELECT s.doc FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid "
                               "WHERE sentences_fts MATCH 'pipelines'",
                               -1, &q, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "a");
  EXPECT_EQ(sqlite3_step(q), SQLITE_DONE);
  sqlite3_finalize(q);
  // Re-merge from stored mentions.
  auto mentions = (*store)->LoadMentions();
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].sentence_text, "Scholz met Biden on Monday.");
  EXPECT_EQ((*mentions)[0].mention.source.actor.id, "person:olaf-scholz");
  auto events = MergeMentions(*mentions);
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE((*store)->ReplaceEvents(events).ok());
  auto loaded = (*store)->LoadEvents();
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_EQ((*loaded)[0].id, events[0].id);
  EXPECT_EQ((*loaded)[0].num_articles, 2);
}

// Regression: two mentions of one sentence with the same trigger and type but different events (here two
// calls on different days) must each point at their own event, not both at the last one written.
TEST_F(StoreTest, MentionsSharingATriggerPointAtTheirOwnEvents) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Document a = Doc("a", "Scholz met Biden on Monday and on Friday. They discussed gas pipelines.", 12);
  EventMention second = a.events[0];
  second.date = Date::Day(2022, 2, 11);
  second.date_text = "on Friday";
  a.events.push_back(second);
  ASSERT_TRUE((*store)->AddDocuments({&a}).ok());
  auto mentions = (*store)->LoadMentions();
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);
  auto events = MergeMentions(*mentions);
  ASSERT_EQ(events.size(), 2u);
  ASSERT_TRUE((*store)->ReplaceEvents(events).ok());
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2((*store)->handle(), "SELECT COUNT(DISTINCT event_id), COUNT(event_id) FROM mentions",
                               -1, &q, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 2);
  EXPECT_EQ(sqlite3_column_int(q, 1), 2);
  sqlite3_finalize(q);
}

TEST_F(StoreTest, ReRunAddsOnlyNewDocuments) {
  Document a = Doc("a", "Scholz met Biden on Monday. They discussed gas pipelines.", 8);
  Document b = Doc("b", "Scholz met Biden in Washington. Energy was on the agenda.", 8);
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->AddDocuments({&a}).ok());
  }
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  auto r = (*store)->AddDocuments({&a, &b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 1u);
  EXPECT_EQ(r->unchanged, 1u);
  EXPECT_EQ(*(*store)->Count("documents"), 2);
  EXPECT_EQ(*(*store)->Count("mentions"), 2);
  EXPECT_EQ(*(*store)->Count("sentences"), 4);
  // Same id, new text: replaced, not duplicated.
  Document a2 = Doc("a", "Scholz met Biden on Monday. They discussed trade and gas.", 9);
  r = (*store)->AddDocuments({&a2});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->replaced, 1u);
  EXPECT_EQ(*(*store)->Count("documents"), 2);
  EXPECT_EQ(*(*store)->Count("mentions"), 2);
  EXPECT_EQ(*(*store)->Count("sentences"), 4);
}

TEST_F(StoreTest, ProcessKilledMidTransactionLeavesConsistentDatabase) {
  Document a = Doc("a", "Scholz met Biden on Monday. They discussed gas pipelines.", 8);
  Document b = Doc("b", "Scholz met Biden in Washington. Energy was on the agenda.", 8);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // Child: one complete batch, then a batch killed before it commits.
    auto store = Store::Open(path_);
    if (!store.ok() || !(*store)->AddDocuments({&a}).ok()) ::_exit(2);
    sqlite3* db = (*store)->handle();
    sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO documents VALUES ('b','x','','','','','','unknown','half','');"
                     "INSERT INTO sentences(doc, idx, start, end, headline, text) VALUES ('b', 0, 0, 4, 0, 'half');",
                 nullptr, nullptr, nullptr);
    ::_exit(0);  // no commit, no close: as if killed
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2((*store)->handle(), "PRAGMA integrity_check", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "ok");
  sqlite3_finalize(q);
  EXPECT_EQ(*(*store)->Count("documents"), 1);
  EXPECT_EQ(*(*store)->Count("sentences"), 2);
  EXPECT_FALSE(*(*store)->HasDocument("b", b.text));
  // The next run completes the corpus without duplicates.
  auto r = (*store)->AddDocuments({&a, &b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 1u);
  EXPECT_EQ(*(*store)->Count("documents"), 2);
  EXPECT_EQ(*(*store)->Count("mentions"), 2);
}

TEST_F(StoreTest, RefusesAFileThatIsNotADatabase) {
  {
    FILE* f = std::fopen(path_.c_str(), "w");
    std::fputs("this is not a database, just some text that is long enough to fill a header ...........", f);
    std::fclose(f);
  }
  auto store = Store::Open(path_);
  EXPECT_FALSE(store.ok());
}

TEST_F(StoreTest, RefusesANewerSchema) {
  {
    auto store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    sqlite3_exec((*store)->handle(), "UPDATE meta SET value='99' WHERE key='schema_version'", nullptr, nullptr,
                 nullptr);
  }
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("schema version 99"), std::string::npos);
}

TEST(ContentHashTest, DiffersOnContent) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("").size(), 16u);
}

}  // namespace
}  // namespace dateline
