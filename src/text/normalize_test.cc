#include "text/normalize.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(NormalizeTest, MapsTypographyToAscii) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"Russia\xE2\x80\x99s", "Russia's"},
      {"\xE2\x80\x9C"
       "deal"
       "\xE2\x80\x9D",
       "\"deal\""},
      {"\xE2\x80\x98"
       "fake"
       "\xE2\x80\x99",
       "'fake'"},
      {"Russia\xE2\x80\x93Ukraine", "Russia-Ukraine"},
      {"talks\xE2\x80\x94"
       "again",
       "talks-again"},
      {"100\xC2\xA0"
       "000",
       "100 000"},
      {"a\xE2\x80\xAF"
       "b",
       "a b"},
      {"\xEF\xAC\x81nal o\xEF\xAC\x80"
       "er",
       "final offer"},
      {"wait\xE2\x80\xA6", "wait..."},
      {"co\xC2\xAD"
       "operation",
       "cooperation"},
      {"\xEF\xBC\xA1\xEF\xBC\xA2", "AB"},  // fullwidth letters (NFKC)
      {"e\xCC\x81", "e\xCC\x81"},          // combining marks are kept per code point
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"\xFF", "\xEF\xBF\xBD"},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeForMatching(c.in), c.out) << c.in;
}

TEST(NormalizeTest, OffsetsPointBackIntoTheOriginal) {
  const std::string original =
      "A \xE2\x80\x9C"
      "deal\xE2\x80\x9D \xEF\xAC\x81ne\xE2\x80\xA6";
  const NormalizedText n = NormalizeWithOffsets(original);
  EXPECT_EQ(n.text, "A \"deal\" fine...");
  ASSERT_EQ(n.offsets.size(), n.text.size() + 1);
  EXPECT_EQ(n.offsets.back(), original.size());
  // "deal" starts at normalised byte 3, original byte 5 (after the 3-byte opening quote).
  EXPECT_EQ(n.offsets[3], 5u);
  // Both letters of the ligature map to its first byte.
  const size_t fi = n.text.find("fi");
  EXPECT_EQ(n.offsets[fi], n.offsets[fi + 1]);
  EXPECT_EQ(original.substr(n.offsets[fi], 3), "\xEF\xAC\x81");
  for (size_t i = 1; i < n.offsets.size(); ++i) EXPECT_LE(n.offsets[i - 1], n.offsets[i]);
}

}  // namespace
}  // namespace dateline
