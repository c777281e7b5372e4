#include "store/tone.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/paths.h"

namespace dateline {
namespace {

ToneLexicon Small() {
  ToneLexicon lex;
  for (const char* w : {"agree", "peace", "support", "welcome", "stop"}) lex.Add(w, +1);
  for (const char* w : {"attack", "kill", "threat", "crisis", "condemn", "die", "worry"}) lex.Add(w, -1);
  return lex;
}

TEST(ToneTest, PolarityOfInflectedForms) {
  const ToneLexicon lex = Small();
  const std::pair<const char*, int> cases[] = {
      {"agree", 1},     {"Agreed", 1},      {"agreeing", 1},   {"agrees", 1},  {"welcomed", 1},
      {"welcoming", 1}, {"supports", 1},    {"supported", 1},  {"stopped", 1}, {"stopping", 1},
      {"attacks", -1},  {"attacked", -1},   {"attacking", -1}, {"killed", -1}, {"threats", -1},
      {"crises", 0},    {"condemning", -1}, {"died", -1},      {"dies", -1},   {"worried", -1},
      {"worries", -1},  {"peace's", 1},     {"table", 0},      {"the", 0},
  };
  for (const auto& [word, polarity] : cases) EXPECT_EQ(lex.Polarity(word), polarity) << word;
}

TEST(ToneTest, ScoreIsPositiveMinusNegativeOverWords) {
  const ToneLexicon lex = Small();
  const std::pair<const char*, double> cases[] = {
      {"", 0.0},
      {"12 34 ...", 0.0},
      {"Both sides agreed to talks.", 100.0 * 1 / 5},
      {"Rebels attacked and killed ten soldiers.", -100.0 * 2 / 6},
      {"The UN welcomed peace but condemned the attack.", 100.0 * (2 - 2) / 8},
      {"Russia's threat", -100.0 * 1 / 2},  // "Russia's" is one word
      {"a cease-fire", 0.0},
  };
  for (const auto& [text, expected] : cases) EXPECT_NEAR(lex.Score(text), expected, 1e-9) << text;
}

TEST(ToneTest, ShippedLexiconLoadsAndScores) {
  auto lex = ToneLexicon::Load(DataPath("tone/tone.tsv"));
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GE(lex->size(), 350u);
  EXPECT_GT(lex->Score("The two leaders welcomed the agreement and pledged support for peace."), 0.0);
  EXPECT_LT(lex->Score("Missiles killed six people in an attack that officials condemned."), 0.0);
}

TEST(ToneTest, RejectsMalformedLexicon) {
  const std::string path = ::testing::TempDir() + "/tone_bad.tsv";
  for (const char* text :
       {"peace\t+2\n", "peace\n", "Peace\t+1\n", "peace\t+1\npeace\t-1\n", "peace\t+1\textra\n"}) {
    std::ofstream(path) << text;
    const auto lex = ToneLexicon::Load(path);
    EXPECT_FALSE(lex.ok()) << text;
    if (!lex.ok()) {
      EXPECT_NE(lex.status().ToString().find("tone_bad.tsv:"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dateline
