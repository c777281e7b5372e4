#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dateline {
namespace {

// The property every consumer relies on: spans are byte ranges of the input, in order, non-overlapping,
// covering every non-space byte, and Token::text is exactly those bytes.
void CheckOffsets(const std::string& text, const std::vector<Sentence>& sents) {
  std::vector<bool> covered(text.size(), false);
  uint32_t prev_end = 0;
  int index = 0;
  for (const Sentence& s : sents) {
    ASSERT_EQ(s.index, index++);
    ASSERT_FALSE(s.tokens.empty());
    ASSERT_LE(prev_end, s.start);
    ASSERT_LT(s.start, s.end);
    ASSERT_LE(s.end, text.size());
    ASSERT_EQ(s.tokens.front().start, s.start);
    ASSERT_EQ(s.tokens.back().end, s.end);
    uint32_t tprev = s.start;
    for (const Token& t : s.tokens) {
      ASSERT_LE(tprev, t.start);
      ASSERT_LT(t.start, t.end);
      ASSERT_EQ(t.text, text.substr(t.start, t.end - t.start));
      ASSERT_FALSE(t.norm.empty() && !t.text.empty() && t.text != "\xC2\xAD") << t.text;
      for (uint32_t i = t.start; i < t.end; ++i) covered[i] = true;
      tprev = t.end;
    }
    prev_end = s.end;
  }
  // Bytes outside tokens are whitespace (ASCII, controls, or a multi-byte Unicode space).
  for (size_t i = 0; i < text.size(); ++i) {
    if (covered[i]) continue;
    const unsigned char c = static_cast<unsigned char>(text[i]);
    ASSERT_TRUE(c <= 0x20 || c == 0x7F || c >= 0x80) << "byte " << i << " dropped in: " << text;
  }
  // Rebuilding the text from the tokens and the gaps between them gives the input back.
  std::string rebuilt;
  size_t pos = 0;
  for (const Sentence& s : sents) {
    for (const Token& t : s.tokens) {
      rebuilt.append(text, pos, t.start - pos);
      rebuilt += t.text;
      pos = t.end;
    }
  }
  rebuilt.append(text, pos, std::string::npos);
  ASSERT_EQ(rebuilt, text);
}

TEST(SegmenterTest, OffsetsReconstructGeneratedTexts) {
  // Pieces that exercise every tokenizer and splitter path, glued at random.
  const std::vector<std::string> pieces = {
      "Talks",
      "ended",
      ".",
      " ",
      " ",
      "\n",
      "\n\n",
      "U.S.",
      "Gen.",
      "Jr.",
      "R.",
      "don't",
      "Russia\xE2\x80\x99s",
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\"",
      "'",
      "3,000",
      "5.5%",
      "$200",
      "...",
      "\xE2\x80\xA6",
      "--",
      "\xE2\x80\x94",
      "Russia-Ukraine",
      "@ArmedForcesUkr",
      "https://example.org/x",
      "a@b.org",
      "?!",
      "(",
      ")",
      "\xC2\xA0",
      "\xEF\xAC\x81",
      "\xFF",
      "\xC3",
      "\t",
      "-",
      "14-15",
      "2026-03-12",
      "No.",
      "5",
      "The",
      "said",
      ",",
      ":",
      "#tag",
      "&",
      "/",
      "\xE2\x80\x89",
      "'s",
      "n't",
      "\r\n",
  };
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    SCOPED_TRACE(text);
    CheckOffsets(text, SegmentText(text));
    if (HasFatalFailure()) return;
  }
}

TEST(SegmenterTest, OffsetsReconstructRandomBytes) {
  std::mt19937 rng(7);
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 200, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    CheckOffsets(text, SegmentText(text));
    if (HasFatalFailure()) return;
  }
}

TEST(SegmenterTest, OffsetsReconstructRealNews) {
  const std::string seeds = std::string(DATELINE_SOURCE_DIR) + "/../shared/seeds/";
  int read = 0;
  for (const char* name : {"000_8053849c28fb875d.txt", "001_a43617676330168f.txt", "002_99774204e61da811.txt",
                           "003_6f8312bffc9b9dc3.txt", "004_a584cf7037d68af5.txt"}) {
    std::ifstream in(seeds + name, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    CheckOffsets(text, SegmentText(text));
    ++read;
  }
  std::ifstream wiki(std::string(DATELINE_SOURCE_DIR) + "/../shared/data/news/wikinews/wikinews_2019.csv",
                     std::ios::binary);
  if (wiki) {
    std::string text(200000, '\0');
    wiki.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(wiki.gcount()));
    CheckOffsets(text, SegmentText(text));
    ++read;
  }
  if (read == 0) GTEST_SKIP() << "../shared is absent: no real news to check offsets on";
}

TEST(SegmenterTest, FillsNormAndHeadline) {
  const std::string text =
      "Russia\xE2\x80\x99s \xE2\x80\x9C"
      "deal\xE2\x80\x9D\n\nThe talks ended.";
  const auto sents = SegmentText(text);
  ASSERT_EQ(sents.size(), 2u);
  EXPECT_TRUE(sents[0].headline);
  EXPECT_FALSE(sents[1].headline);
  EXPECT_EQ(sents[0].tokens[1].text, "\xE2\x80\x99s");
  EXPECT_EQ(sents[0].tokens[1].norm, "'s");
  EXPECT_EQ(sents[0].tokens[2].norm, "\"");
  EXPECT_EQ(sents[1].tokens[0].norm, "The");
}

TEST(SegmenterTest, AnnotatorReplacesSentences) {
  auto seg = MakeSegmenter();
  ASSERT_TRUE(seg.ok());
  EXPECT_STREQ((*seg)->name(), "segment");
  Document doc;
  doc.text = "One. Two.";
  doc.sentences.resize(5);
  ASSERT_TRUE((*seg)->Annotate(&doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[1].tokens[0].text, "Two");
  Document empty;
  ASSERT_TRUE((*seg)->Annotate(&empty).ok());
  EXPECT_TRUE(empty.sentences.empty());
}

TEST(SegmenterTest, OneAnnotatorServesManyThreads) {
  auto seg = MakeSegmenter();
  ASSERT_TRUE(seg.ok());
  std::string text;
  for (int i = 0; i < 50; ++i)
    text += "Gen. Smith met Mr. Jones in the U.S. on Feb. 3. “We agree,” he said.\n\n";
  Document reference;
  reference.text = text;
  ASSERT_TRUE((*seg)->Annotate(&reference).ok());
  std::vector<Document> docs(4);
  std::vector<std::thread> threads;
  for (auto& d : docs) {
    d.text = text;
    threads.emplace_back([&seg, &d] { (void)(*seg)->Annotate(&d); });
  }
  for (auto& t : threads) t.join();
  for (const auto& d : docs) {
    ASSERT_EQ(d.sentences.size(), reference.sentences.size());
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      EXPECT_EQ(d.sentences[i].start, reference.sentences[i].start);
      EXPECT_EQ(d.sentences[i].tokens.size(), reference.sentences[i].tokens.size());
    }
  }
  EXPECT_EQ(reference.sentences.size(), 100u);
}

}  // namespace
}  // namespace dateline
