#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dateline {
namespace {

namespace fs = std::filesystem;

// A fresh temporary directory per test, removed afterwards.
class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline_reader_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, const std::string& content) {
    const fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Reads inputs quietly, collecting documents and rejections.
  Status Read(const std::vector<std::string>& inputs, ReadOptions opts = {}) {
    opts.quiet = true;
    docs_.clear();
    rejections_.clear();
    stats_ = {};
    Status s = ReadInputs(
        inputs, opts, [&](Document&& d) { docs_.push_back(std::move(d)); },
        [&](Rejection&& r) { rejections_.push_back(std::move(r)); }, &stats_);
    EXPECT_EQ(stats_.documents_read, stats_.documents_accepted + stats_.documents_rejected);
    EXPECT_EQ(stats_.documents_accepted, docs_.size());
    EXPECT_EQ(stats_.documents_rejected, rejections_.size());
    return s;
  }

  fs::path dir_;
  std::vector<Document> docs_;
  std::vector<Rejection> rejections_;
  ReadStats stats_;
};

TEST_F(ReaderTest, SeedFormat) {
  const std::string p =
      Write("001_story.txt", " date 2026-03-10 Ministers met on Tuesday.\n\nThey agreed. \n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "001_story");
  EXPECT_EQ(docs_[0].published, Date::Day(2026, 3, 10));
  EXPECT_EQ(docs_[0].text, "Ministers met on Tuesday.\n\nThey agreed.");
  EXPECT_EQ(docs_[0].origin, p);
  EXPECT_TRUE(docs_[0].warnings.empty());
  const std::string m = Write("month.txt", "date 2026-03\nA month-precision story.");
  ASSERT_TRUE(Read({m}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].published, Date::Month(2026, 3));
}

TEST_F(ReaderTest, ByteOrderMarkAndCrlfAreTolerated) {
  const std::string p = Write("bom.txt", "\xEF\xBB\xBF date 2026-03-10 Talks opened.\r\n\r\nThey ended.\r\n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].published, Date::Day(2026, 3, 10));
  EXPECT_EQ(docs_[0].text, "Talks opened.\r\n\r\nThey ended.");
}

TEST_F(ReaderTest, SeedWithImpossibleDateIsRejected) {
  const std::string p = Write("bad.txt", " date 2022-02-30 Text follows.");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(rejections_.size(), 1u);
  EXPECT_EQ(rejections_[0].source, p + ":1");
  EXPECT_NE(rejections_[0].reason.find("impossible date"), std::string::npos);
}

TEST_F(ReaderTest, JsonLines) {
  const std::string p =
      Write("feed.jsonl",
            "{\"id\":\"a1\",\"date\":\"2026-03-11T09:30:00Z\",\"text\":\"Talks began.\","
            "\"title\":\"Talks\",\"url\":\"https://news.example.org/a1\",\"source\":\"Example\"}\n"
            "\n"
            "{\"date\":\"2026-03-12\",\"text\":\"No id here.\",\"url\":\"https://wire.example.com/x\"}\n"
            "{\"id\": 42, \"text\": \"Numeric id.\"}\n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 3u);
  EXPECT_EQ(docs_[0].id, "a1");
  EXPECT_EQ(docs_[0].published, Date::Day(2026, 3, 11));
  EXPECT_EQ(docs_[0].title, "Talks");
  EXPECT_EQ(docs_[0].source, "Example");
  EXPECT_EQ(docs_[0].origin, p + ":1");
  EXPECT_EQ(docs_[1].id, "feed:3");
  EXPECT_EQ(docs_[1].source, "wire.example.com");
  EXPECT_EQ(docs_[2].id, "42");
  EXPECT_FALSE(docs_[2].published.known());
  EXPECT_EQ(docs_[2].warnings.size(), 1u);
}

TEST_F(ReaderTest, BrokenJsonLinesAreRejectedAndReadingGoesOn) {
  const std::string p = Write("mixed.jsonl",
                              "{\"id\":\"ok1\",\"date\":\"2026-03-11\",\"text\":\"Fine.\"}\n"
                              "{\"id\":\"broken\",\"text\":\"unterminated\n"
                              "[1,2,3]\n"
                              "{\"id\":\"notext\",\"date\":\"2026-03-11\"}\n"
                              "{\"id\":\"emptytext\",\"text\":\"   \"}\n"
                              "{\"id\":\"baddate\",\"date\":\"2022-02-30\",\"text\":\"x\"}\n"
                              "{\"id\":\"ok2\",\"date\":\"2026-03-12\",\"text\":\"Also fine.\"}\n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 2u);
  EXPECT_EQ(docs_[1].id, "ok2");
  ASSERT_EQ(rejections_.size(), 5u);
  EXPECT_EQ(rejections_[0].source, p + ":2");
  EXPECT_NE(rejections_[0].reason.find("broken JSON"), std::string::npos);
  EXPECT_NE(rejections_[1].reason.find("not an object"), std::string::npos);
  EXPECT_NE(rejections_[2].reason.find("missing text"), std::string::npos);
  EXPECT_NE(rejections_[3].reason.find("missing text"), std::string::npos);
  EXPECT_NE(rejections_[4].reason.find("impossible date"), std::string::npos);
  EXPECT_EQ(stats_.documents_read, 7u);
}

TEST_F(ReaderTest, PlainTextDateUnknownOrDct) {
  const std::string p = Write("plain.txt", "A story without a date line.");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_FALSE(docs_[0].published.known());
  ASSERT_EQ(docs_[0].warnings.size(), 1u);
  EXPECT_NE(docs_[0].warnings[0].find("date unknown"), std::string::npos);
  EXPECT_EQ(stats_.warnings, 1u);
  ReadOptions opts;
  opts.dct = Date::Day(2026, 3, 14);
  ASSERT_TRUE(Read({p}, opts).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].published, Date::Day(2026, 3, 14));
  EXPECT_TRUE(docs_[0].warnings.empty());
}

TEST_F(ReaderTest, InvalidUtf8IsRepairedWithAWarning) {
  const std::string p = Write("latin1.txt", " date 2026-03-10 Caf\xE9 talks \xFF\xFE ended.");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].text, "Caf\xEF\xBF\xBD talks \xEF\xBF\xBD\xEF\xBF\xBD ended.");
  ASSERT_EQ(docs_[0].warnings.size(), 1u);
  EXPECT_NE(docs_[0].warnings[0].find("invalid UTF-8"), std::string::npos);
}

TEST_F(ReaderTest, EmptyAndBinaryFilesAreRejected) {
  const std::string empty = Write("empty.txt", "");
  const std::string blank = Write("blank.txt", " \n\t\n");
  const std::string binary = Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string header_only = Write("header.txt", " date 2026-03-10   \n");
  ASSERT_TRUE(Read({empty, blank, binary, header_only}).ok());
  EXPECT_TRUE(docs_.empty());
  ASSERT_EQ(rejections_.size(), 4u);
  EXPECT_NE(rejections_[0].reason.find("empty"), std::string::npos);
  EXPECT_NE(rejections_[1].reason.find("empty"), std::string::npos);
  EXPECT_NE(rejections_[2].reason.find("binary"), std::string::npos);
  EXPECT_NE(rejections_[3].reason.find("missing text"), std::string::npos);
}

TEST_F(ReaderTest, AbsurdlyLongLinesAreRejected) {
  ReadOptions opts;
  opts.max_line_bytes = 1000;
  const std::string long_json = Write("long.jsonl", "{\"id\":\"x\",\"text\":\"" + std::string(5000, 'a') +
                                                        "\"}\n{\"id\":\"y\",\"text\":\"ok\"}\n");
  const std::string long_text = Write("long.txt", "Short line.\n" + std::string(5000, 'b') + "\n");
  ASSERT_TRUE(Read({long_json, long_text}, opts).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "y");
  ASSERT_EQ(rejections_.size(), 2u);
  EXPECT_EQ(rejections_[0].source, long_json + ":1");
  EXPECT_NE(rejections_[0].reason.find("absurdly long"), std::string::npos);
  EXPECT_NE(rejections_[1].reason.find("line 2"), std::string::npos);
}

TEST_F(ReaderTest, DirectoriesAreWalkedRecursivelyInSortedOrder) {
  Write("b/02.txt", " date 2026-03-12 Second.");
  Write("a/01.txt", " date 2026-03-11 First.");
  Write("c/deep/03.txt", " date 2026-03-13 Third.");
  Write(".hidden/x.txt", " date 2026-03-13 Hidden.");
  Write("a/.swap.txt", "editor junk");
  Write("a/notes.pdf", "%PDF");
  Write("empty.txt", "");
  Write("binary.txt", std::string("ab\0cd", 5));
  Write("feed.jsonl", "{\"id\":\"j1\",\"date\":\"2026-03-14\",\"text\":\"Fourth.\"}\n{broken\n");
  ASSERT_TRUE(Read({dir_.string()}).ok());
  std::vector<std::string> ids;
  for (const auto& d : docs_) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"01", "02", "03", "j1"}));
  ASSERT_EQ(rejections_.size(), 3u);  // binary.txt, empty.txt, feed.jsonl:2
  EXPECT_EQ(stats_.documents_read, 7u);
  // The same walk twice gives the same order.
  std::vector<std::string> again;
  ASSERT_TRUE(Read({dir_.string()}).ok());
  for (const auto& d : docs_) again.push_back(d.id);
  EXPECT_EQ(again, ids);
}

TEST_F(ReaderTest, MissingPathIsRejected) {
  ASSERT_TRUE(Read({(dir_ / "nope.txt").string()}).ok());
  ASSERT_EQ(rejections_.size(), 1u);
  EXPECT_NE(rejections_[0].reason.find("no such file"), std::string::npos);
}

TEST_F(ReaderTest, UnknownFormatFails) {
  ReadOptions opts;
  opts.format = "xml";
  EXPECT_FALSE(Read({dir_.string()}, opts).ok());
}

TEST_F(ReaderTest, ForcedFormat) {
  const std::string p = Write("feed.data", "{\"id\":\"f\",\"text\":\"Forced.\"}\n");
  ReadOptions opts;
  opts.format = "jsonl";
  ASSERT_TRUE(Read({p}, opts).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "f");
}

TEST_F(ReaderTest, ReutersSgml) {
  const std::string p =
      Write("reut2-x.sgm",
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
            "<REUTERS NEWID=\"11\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n"
            "<TITLE>COCOA REVIEW</TITLE>\n<BODY>Showers continued &amp; eased the drought.\n"
            " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
            "<REUTERS NEWID=\"12\">\n<DATE>31-FEB-1987 10:00:00.00</DATE>\n<TEXT><BODY>x</BODY>"
            "</TEXT>\n</REUTERS>\n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "11");
  EXPECT_EQ(docs_[0].source, "Reuters");
  EXPECT_EQ(docs_[0].title, "COCOA REVIEW");
  EXPECT_EQ(docs_[0].published, Date::Day(1987, 2, 26));
  EXPECT_EQ(docs_[0].text, "COCOA REVIEW\n\nShowers continued & eased the drought.\n Reuter");
  EXPECT_EQ(docs_[0].origin, p + ":2");
  ASSERT_EQ(rejections_.size(), 1u);
  EXPECT_EQ(rejections_[0].source, p + ":10");
}

TEST_F(ReaderTest, WikinewsCsv) {
  const std::string p =
      Write("wn.csv",
            "url,date,title,text\n"
            "https://en.wikinews.org//wiki/Talks_resume,2020-01-05,Talks resume,\"Talks resumed "
            "on Sunday.\n\nBoth sides said \"\"progress\"\" was made.\"\n"
            "https://en.wikinews.org//wiki/Bad,2020-02-30,Bad,\"x\"\n"
            "https://en.wikinews.org//wiki/Short,2020-01-06\n");
  ASSERT_TRUE(Read({p}).ok());
  ASSERT_EQ(docs_.size(), 1u);
  EXPECT_EQ(docs_[0].id, "Talks_resume");
  EXPECT_EQ(docs_[0].source, "en.wikinews.org");
  EXPECT_EQ(docs_[0].title, "Talks resume");
  EXPECT_EQ(docs_[0].published, Date::Day(2020, 1, 5));
  EXPECT_EQ(docs_[0].text, "Talks resumed on Sunday.\n\nBoth sides said \"progress\" was made.");
  EXPECT_EQ(docs_[0].origin, p + ":2");
  ASSERT_EQ(rejections_.size(), 2u);
  EXPECT_EQ(rejections_[0].source, p + ":5");
  EXPECT_EQ(rejections_[1].source, p + ":6");
}

TEST_F(ReaderTest, ReadBufferSniffsStdinContent) {
  std::vector<Document> docs;
  ReadStats stats;
  ReadOptions opts;
  opts.quiet = true;
  ReadBuffer(
      "-", "{\"id\":\"s\",\"text\":\"From a pipe.\"}\n", opts,
      [&](Document&& d) { docs.push_back(std::move(d)); }, nullptr, &stats);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].origin, "<stdin>:1");
  ReadBuffer(
      "-", " date 2026-03-10 Seed on a pipe.", opts, [&](Document&& d) { docs.push_back(std::move(d)); },
      nullptr, &stats);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "stdin");
  EXPECT_EQ(docs[1].published, Date::Day(2026, 3, 10));
  EXPECT_EQ(stats.documents_read, 2u);
}

TEST_F(ReaderTest, RealInputsWhenPresent) {
  const std::string shared = std::string(DATELINE_SOURCE_DIR) + "/../shared";
  if (!fs::exists(shared + "/seeds")) GTEST_SKIP() << "../shared is absent: real inputs not checked";
  ASSERT_TRUE(Read({shared + "/seeds"}).ok());
  EXPECT_EQ(docs_.size(), 5u);
  EXPECT_TRUE(rejections_.empty());
  for (const auto& d : docs_) {
    EXPECT_TRUE(d.published.known()) << d.id;
    EXPECT_EQ(d.text.find(" date "), std::string::npos) << d.id;
  }
}

}  // namespace
}  // namespace dateline
