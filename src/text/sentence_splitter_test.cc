#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

// Sentences joined by " || ", each as its original text; headlines prefixed with "H:".
std::string Split(std::string_view text) {
  std::vector<TokenSpan> toks;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), {}, &toks);
  std::string out;
  for (const SentenceSpan& s : SplitSentences(text, toks)) {
    if (!out.empty()) out += " || ";
    if (s.headline) out += "H:";
    out += text.substr(s.start, s.end - s.start);
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

TEST(SentenceSplitterTest, NewsCases) {
  const Case cases[] = {
      {"Talks ended. Both sides left.", "Talks ended. || Both sides left."},
      {"Did they agree? No one knows! Maybe.", "Did they agree? || No one knows! || Maybe."},
      // Abbreviations that never end a sentence.
      {"President Joseph R. Biden, Jr. spoke today with President Emmanuel Macron of France. They met.",
       "President Joseph R. Biden, Jr. spoke today with President Emmanuel Macron of France. || They met."},
      {"Gen. Smith arrived on Feb. 26 with Mr. Jones.", "Gen. Smith arrived on Feb. 26 with Mr. Jones."},
      {"Article No. 5 applies.", "Article No. 5 applies."},
      {"The U.S. Embassy said so.", "The U.S. Embassy said so."},
      {"U.S. officials say Russia has deployed troops.", "U.S. officials say Russia has deployed troops."},
      // An abbreviation that can end a sentence.
      {"He moved to the U.S. The move was quiet.", "He moved to the U.S. || The move was quiet."},
      {"It was sold to Acme Inc. Shares rose.", "It was sold to Acme Inc. Shares rose."},
      // Decimals and numbers.
      {"Growth was 5.5 percent. Prices rose 2.27 times.",
       "Growth was 5.5 percent. || Prices rose 2.27 times."},
      // Quotes stay with their sentence.
      {"\"We are ready.\" The minister left.", "\"We are ready.\" || The minister left."},
      {"“We won’t get gestures,” Macron said. “However, it matters.”",
       "“We won’t get gestures,” Macron said. || “However, it matters.”"},
      {"“Why now?” he asked.", "“Why now?” he asked."},
      {"He said “no.” Then he left.", "He said “no.” || Then he left."},
      // Ellipses.
      {"His ideas, proposals...are possible. He smiled.",
       "His ideas, proposals...are possible. || He smiled."},
      {"We waited... Nothing came.", "We waited... || Nothing came."},
      // Paragraph breaks, headlines inside the body.
      {"First paragraph ends here\n\nSecond one.", "H:First paragraph ends here || Second one."},
      {"The talks went well.\n\nRussia dismisses France's claims on de-escalation near Ukraine\n\nMeanwhile, "
       "Putin spoke.",
       "The talks went well. || H:Russia dismisses France's claims on de-escalation near Ukraine || "
       "Meanwhile, Putin spoke."},
      {"Video of 'fake attack' to justify invasion: US\n\nText.",
       "H:Video of 'fake attack' to justify invasion: US || Text."},
      // A paragraph cut mid-sentence is not a headline.
      {"Both agreed to stay in touch with EU partners and\n\nNext.",
       "Both agreed to stay in touch with EU partners and || Next."},
      // A title-like line ended by a single line break.
      {"BAHIA COCOA REVIEW\nShowers continued throughout the week.",
       "H:BAHIA COCOA REVIEW || Showers continued throughout the week."},
      {"Ceasefire Talks Resume In Geneva\nThe envoys met on Monday.",
       "H:Ceasefire Talks Resume In Geneva || The envoys met on Monday."},
      {"First sentence here.\nStandard Oil Co and BP North America\nInc said they agreed.",
       "First sentence here. || Standard Oil Co and BP North America\nInc said they agreed."},
      // Hard-wrapped lines do not split.
      {"Showers continued throughout the week in\nthe Bahia cocoa zone, said\nComissaria Smith.",
       "Showers continued throughout the week in\nthe Bahia cocoa zone, said\nComissaria Smith."},
      // Lower-case after a period continues (likely an abbreviation we do not know).
      {"The approx. figure is high.", "The approx. figure is high."},
      // Other scripts' sentence ends.
      {"\xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4 \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4",
       "\xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4 || \xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4"},
      {"", ""},
      {"   \n\n  ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Split(c.input), c.expected) << "input: " << c.input;
}

TEST(SentenceSplitterTest, LongRunsAreCut) {
  std::string text;
  for (int i = 0; i < 600; ++i) text += "word ";
  std::vector<TokenSpan> toks;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), {}, &toks);
  SentenceSplitterOptions opts;
  opts.max_sentence_tokens = 250;
  const auto sents = SplitSentences(text, toks, opts);
  ASSERT_EQ(sents.size(), 3u);
  EXPECT_EQ(sents[0].token_end - sents[0].token_begin, 250u);
  EXPECT_EQ(sents[2].token_end, 600u);
}

TEST(SentenceSplitterTest, EveryTokenInExactlyOneSentence) {
  const std::string text = "A. B? C! “D.” E...\n\nF\nG. (H.) I";
  std::vector<TokenSpan> toks;
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), {}, &toks);
  const auto sents = SplitSentences(text, toks);
  uint32_t next = 0;
  for (const auto& s : sents) {
    EXPECT_EQ(s.token_begin, next);
    EXPECT_LT(s.token_begin, s.token_end);
    next = s.token_end;
  }
  EXPECT_EQ(next, toks.size());
}

}  // namespace
}  // namespace dateline
