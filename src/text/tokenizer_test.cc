#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

std::string Join(std::string_view text, const TokenizerOptions& opts = {}) {
  std::vector<TokenSpan> toks;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), opts, &toks);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += " | ";
    out += text.substr(t.start, t.end - t.start);
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;  // tokens joined by " | "
};

TEST(TokenizerTest, NewsCases) {
  const Case cases[] = {
      // Clitics, straight and curly apostrophes.
      {"don't", "do | n't"},
      {"They can't and won't.", "They | ca | n't | and | wo | n't | ."},
      {"Ukraine’s border", "Ukraine | ’s | border"},
      {"the minister's aide", "the | minister | 's | aide"},
      {"they're, we'll, I've, she'd, I'm",
       "they | 're | , | we | 'll | , | I | 've | , | she | 'd | , | I | 'm"},
      {"didn’t", "did | n’t"},
      {"O'Neill arrived", "O'Neill | arrived"},
      {"the envoys' talks", "the | envoys | ' | talks"},
      // Hyphenated words stay whole; ranges of numbers split.
      {"the Russia-Ukraine conflict", "the | Russia-Ukraine | conflict"},
      {"a Biden-Macron call", "a | Biden-Macron | call"},
      {"long-term, de-escalation", "long-term | , | de-escalation"},
      {"on February 14-15", "on | February | 14 | - | 15"},
      {"on 2026-03-12 at 10:30", "on | 2026-03-12 | at | 10:30"},
      {"a 2-year-old F-16", "a | 2-year-old | F-16"},
      // Numbers, percentages, money.
      {"3,000 troops", "3,000 | troops"},
      {"rose 5.5% to $200 million", "rose | 5.5 | % | to | $ | 200 | million"},
      {"80 tons", "80 | tons"},
      {"the 10th shipment", "the | 10th | shipment"},
      // Abbreviations and initials.
      {"U.S. officials", "U.S. | officials"},
      {"Gen. Mark Milley", "Gen. | Mark | Milley"},
      {"Joseph R. Biden, Jr. spoke", "Joseph | R. | Biden | , | Jr. | spoke"},
      {"on Feb. 26", "on | Feb. | 26"},
      {"Resolution No. 5", "Resolution | No. | 5"},
      {"said no.", "said | no | ."},
      {"at 6 p.m. today", "at | 6 | p.m. | today"},
      {"Mr. Macron", "Mr. | Macron"},
      {"Acme Corp. said", "Acme | Corp. | said"},
      {"He left.", "He | left | ."},
      {"I.", "I | ."},
      // Ellipses and dashes.
      {"proposals...are", "proposals | ... | are"},
      {"wait… what", "wait | … | what"},
      {"a force -- some 150,000", "a | force | -- | some | 150,000"},
      {"talks—again", "talks | — | again"},
      // Quotes and brackets.
      {"\"concrete guarantees\"", "\" | concrete | guarantees | \""},
      {"“historic” deal", "“ | historic | ” | deal"},
      {"'fake attack'", "' | fake | attack | '"},
      {"he (Putin) said", "he | ( | Putin | ) | said"},
      // Handles, hashtags, URLs, e-mails.
      {"for the @ArmedForcesUkr yet!", "for | the | @ArmedForcesUkr | yet | !"},
      {"#StandWithUkraine now", "#StandWithUkraine | now"},
      {"see https://example.org/a_b?x=1.", "see | https://example.org/a_b?x=1 | ."},
      {"(www.example.com/news)", "( | www.example.com/news | )"},
      {"write to press@example.org.", "write | to | press@example.org | ."},
      {"visit example.com today", "visit | example.com | today"},
      // Missing space after a period.
      {"the end.The next", "the | end | . | The | next"},
      // Non-breaking and other spaces separate tokens.
      {"100\xC2\xA0"
       "000 troops",
       "100 | 000 | troops"},
      {"a\xE2\x80\x89"
       "b",
       "a | b"},
      // EWT conventions: "cannot", slashes between words, decoration runs.
      {"We cannot agree", "We | can | not | agree"},
      {"and/or 24/7 on 3/11/2027", "and | / | or | 24/7 | on | 3/11/2027"},
      {"***** ____", "***** | ____"},
      // Punctuation runs.
      {"Really?!", "Really | ?!"},
      {"Kyiv: talks", "Kyiv | : | talks"},
  };
  for (const Case& c : cases) EXPECT_EQ(Join(c.input), c.expected) << "input: " << c.input;
}

TEST(TokenizerTest, SplitHyphensOption) {
  TokenizerOptions opts;
  opts.split_hyphens = true;
  EXPECT_EQ(Join("a long-term plan", opts), "a | long | - | term | plan");
  EXPECT_EQ(Join("on 2026-03-12", opts), "on | 2026-03-12");
}

TEST(TokenizerTest, InvalidUtf8BecomesOneByteTokens) {
  const std::string text =
      "ab\xFF"
      "cd \xC3";
  std::vector<TokenSpan> toks;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), {}, &toks);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].start, 2u);
  EXPECT_EQ(toks[1].end, 3u);
  EXPECT_EQ(toks[1].kind, TokenKind::kSymbol);
  EXPECT_EQ(toks[3].start, 6u);
  EXPECT_EQ(toks[3].end, 7u);
}

TEST(TokenizerTest, KindsAndSubrange) {
  const std::string text = "xx U.S. 3,000 ... @a https://a.io yy";
  std::vector<TokenSpan> toks;
  Tokenize(text, 3, static_cast<uint32_t>(text.size()) - 3, {}, &toks);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[0].kind, TokenKind::kAbbrev);
  EXPECT_EQ(toks[1].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[2].kind, TokenKind::kEllipsis);
  EXPECT_EQ(toks[3].kind, TokenKind::kHandle);
  EXPECT_EQ(toks[4].kind, TokenKind::kUrl);
}

TEST(TokenizerTest, AbbreviationTables) {
  EXPECT_TRUE(IsKnownAbbreviation("Gen"));
  EXPECT_TRUE(IsKnownAbbreviation("Inc"));
  EXPECT_FALSE(IsKnownAbbreviation("Moscow"));
  EXPECT_TRUE(IsNonFinalAbbreviation("Mr."));
  EXPECT_TRUE(IsNonFinalAbbreviation("R."));
  EXPECT_TRUE(IsNonFinalAbbreviation("Feb."));
  EXPECT_FALSE(IsNonFinalAbbreviation("Inc."));
  EXPECT_FALSE(IsNonFinalAbbreviation("U.S."));
}

}  // namespace
}  // namespace dateline
