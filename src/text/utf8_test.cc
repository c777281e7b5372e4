#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline {
namespace {

TEST(Utf8Test, DecodesAndRejectsMalformed) {
  struct Case {
    std::string bytes;
    char32_t cp;
    size_t len;
  };
  const Case cases[] = {
      {"a", U'a', 1},
      {"\xC3\xA9", U'\u00E9', 2},
      {"\xE2\x80\x99", U'\u2019', 3},
      {"\xF0\x9F\x99\x82", U'\U0001F642', 4},
      {"\xFF", kReplacementChar, 1},
      {"\xC0\xAF", kReplacementChar, 1},          // overlong "/"
      {"\xED\xA0\x80", kReplacementChar, 1},      // surrogate
      {"\xE2\x80", kReplacementChar, 1},          // truncated
      {"\xF4\x90\x80\x80", kReplacementChar, 1},  // above U+10FFFF
  };
  for (const Case& c : cases) {
    char32_t cp = 0;
    EXPECT_EQ(DecodeUtf8(c.bytes, 0, &cp), c.len);
    EXPECT_EQ(cp, c.cp);
  }
}

TEST(Utf8Test, ValidateAndRepair) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Kyiv \xE2\x80\x94 caf\xC3\xA9 \xEF\xBF\xBD"));
  EXPECT_FALSE(IsValidUtf8("bad \xFF byte"));
  std::string s = "ok \xFF\xFE end \xC3";
  size_t first = 0;
  EXPECT_EQ(RepairUtf8(&s, &first), 3u);
  EXPECT_EQ(first, 3u);
  EXPECT_EQ(s, "ok \xEF\xBF\xBD\xEF\xBF\xBD end \xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(s));
  std::string good = "fine";
  EXPECT_EQ(RepairUtf8(&good), 0u);
  EXPECT_EQ(good, "fine");
}

TEST(Utf8Test, AppendRoundTrips) {
  for (char32_t cp : {U'a', U'\u00E9', U'\u2026', U'\U0001F642'}) {
    std::string s;
    AppendUtf8(&s, cp);
    char32_t back = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &back), s.size());
    EXPECT_EQ(back, cp);
  }
}

TEST(Utf8Test, Classes) {
  EXPECT_EQ(ClassOf(U' '), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u00A0'), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u2009'), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u0003'), CharClass::kSpace);
  EXPECT_EQ(ClassOf(U'\u00E9'), CharClass::kLetter);
  EXPECT_EQ(ClassOf(U'\u0416'), CharClass::kLetter);
  EXPECT_EQ(ClassOf(U'7'), CharClass::kDigit);
  EXPECT_EQ(ClassOf(U'\u201C'), CharClass::kPunct);
  EXPECT_EQ(ClassOf(U'\u2014'), CharClass::kPunct);
  EXPECT_EQ(ClassOf(U'$'), CharClass::kSymbol);
  EXPECT_EQ(ClassOf(U'\u20AC'), CharClass::kSymbol);
  EXPECT_TRUE(IsUpperLetter(U'\u00C9'));
  EXPECT_TRUE(IsLowerLetter(U'\u00E9'));
  EXPECT_FALSE(IsUpperLetter(U'1'));
}

}  // namespace
}  // namespace dateline
