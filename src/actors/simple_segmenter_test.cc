#include "actors/simple_segmenter.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

std::vector<std::string> Texts(const std::vector<Sentence>& ss) {
  std::vector<std::string> out;
  for (const auto& s : ss)
    for (const auto& t : s.tokens) out.push_back(t.text);
  return out;
}

TEST(SimpleSegmentTest, SplitsClitisAndKeepsAbbreviationsAndHyphens) {
  const std::string text = "U.S. President Joseph R. Biden, Jr. met Macron’s team; the Russia-Ukraine talks.";
  auto ss = SimpleSegment(text);
  std::vector<std::string> want = {"U.S.", "President", "Joseph", "R.", "Biden", ",", "Jr.", "met", "Macron",
                                   "’s", "team", ";", "the", "Russia-Ukraine", "talks", "."};
  EXPECT_EQ(Texts(ss), want);
}

TEST(SimpleSegmentTest, OffsetsPointAtTheOriginalBytes) {
  const std::string text = "Kyiv said.\nThe Kremlin’s “statement” — Russia's view!  Next one?";
  auto ss = SimpleSegment(text);
  ASSERT_GE(ss.size(), 3u);
  for (const auto& s : ss) {
    for (const auto& t : s.tokens) EXPECT_EQ(text.substr(t.start, t.end - t.start), t.text);
  }
}

}  // namespace
}  // namespace dateline
