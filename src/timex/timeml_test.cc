#include "timex/timeml.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "timex/timex.h"

namespace dateline {
namespace {

// A TempEval-3 style input: a DCT, a TEXT element with leftover EVENT/TIMEX3 tags and an entity.
const char kInput[] =
    "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2022-02-10\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">20220210</TIMEX3></DCT>\n"
    "<TEXT>\nOfficials <EVENT eid=\"e1\" class=\"REPORTING\">said</EVENT> on "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-02-09\">Wednesday</TIMEX3> that AT&amp;T will report "
    "next week.\n</TEXT>\n</TimeML>\n";

TEST(Timeml, ParsesDctAndStripsTags) {
  auto doc = ParseTimeml(kInput, "X1");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->dct, Date::Day(2022, 2, 10));
  EXPECT_EQ(doc->text, "\nOfficials said on Wednesday that AT&amp;T will report next week.\n");
}

TEST(Timeml, RejectsFilesWithoutText) {
  EXPECT_FALSE(ParseTimeml("<TimeML><DCT></DCT></TimeML>", "bad").ok());
}

// Found by timex_fuzz: "<EVENT c &ate …" with no '>' swallowed an inserted TIMEX3 on reading back.
TEST(Timeml, RejectsUnterminatedTagInText) {
  auto doc = ParseTimeml("<TEXT>rules were <EVENT c and on Friday it closed</TEXT>", "fuzz");
  EXPECT_FALSE(doc.ok());
  EXPECT_TRUE(ParseTimeml("<TEXT>a < b and c > d on Friday</TEXT>", "ok").ok());
}

TEST(Timeml, RoundTripKeepsTextByteForByte) {
  auto doc = ParseTimeml(kInput, "X1");
  ASSERT_TRUE(doc.ok());
  const auto xs = TagTimexes(doc->text, doc->dct);
  ASSERT_EQ(xs.size(), 2u);
  const std::string out = WriteTimeml(*doc, xs);
  EXPECT_NE(out.find("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-02-09\">Wednesday</TIMEX3>"), std::string::npos)
      << out;
  EXPECT_NE(out.find("value=\"2022-W07\">next week</TIMEX3>"), std::string::npos) << out;
  // Everything outside TEXT is untouched; inside TEXT, only our tags were added.
  auto again = ParseTimeml(out, "X1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text, doc->text);
  EXPECT_EQ(out.substr(0, doc->text_begin), std::string(kInput).substr(0, doc->text_begin));
  EXPECT_EQ(out.find("<EVENT"), std::string::npos);
}

TEST(Timeml, ExtractCountsDecodedCharactersAndSkipsDct) {
  const auto xs = ExtractTimexes(kInput);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].start, 19u);  // "\nOfficials said on " is 19 characters
  EXPECT_EQ(xs[0].end, 28u);
  EXPECT_EQ(xs[0].value, "2022-02-09");
  // "AT&amp;T" counts as 4 characters, like html.unescape.
  const std::string after = "<TEXT>AT&amp;T <TIMEX3 type=\"DATE\" value=\"2020\">2020</TIMEX3></TEXT>";
  const auto ys = ExtractTimexes(after);
  ASSERT_EQ(ys.size(), 1u);
  EXPECT_EQ(ys[0].start, 5u);
  // Empty (non-consuming) TIMEX3 elements are not scored.
  EXPECT_TRUE(ExtractTimexes("<TEXT>a <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\"/> b</TEXT>").empty());
}

TEST(Timeml, ScoresLikeTempEval3) {
  // gold: [0,9) DATE A, [20,30) DURATION P1D, [40,45) DATE C; system: exact, overlapping, extra.
  std::vector<ScoredTimex> gold = {{0, 9, "DATE", "A"}, {20, 30, "DURATION", "P1D"}, {40, 45, "DATE", "C"}};
  std::vector<ScoredTimex> sys = {{0, 9, "DATE", "A"}, {25, 35, "DATE", "P1D"}, {50, 55, "DATE", "Z"}};
  TimexScores s;
  ScoreTimexDocument(gold, sys, "doc", true, &s);
  FinishScores(&s);
  EXPECT_EQ(s.strict, 1u);
  EXPECT_EQ(s.relaxed, 2u);
  EXPECT_EQ(s.type, 1u);
  EXPECT_EQ(s.value, 2u);
  EXPECT_NEAR(s.relaxed_prf.p, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.relaxed_prf.r, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.strict_prf.f1, 1.0 / 3, 1e-9);
  EXPECT_EQ(s.details.size(), 2u);  // one MISS, one EXTRA
  EXPECT_NE(FormatScores(s).find("relaxed  P 0.6667 R 0.6667 F1 0.6667"), std::string::npos) << FormatScores(s);
}

// Agreement with shared/tools/score_timex.py on real TempEval files: the script's figures for these
// sample gold files against themselves and against the sample system output are known exactly.
TEST(Timeml, AgreesWithReferenceScorerOnSampleFiles) {
  namespace fs = std::filesystem;
  const fs::path gold = fs::path(DATELINE_SOURCE_DIR) / "../shared/data/timex/te3-eval-docs/data/gold";
  if (!fs::exists(gold)) GTEST_SKIP() << "../shared/data/timex/te3-eval-docs is not available";
  auto self = ScoreTimexDirs(gold.string(), gold.string());
  ASSERT_TRUE(self.ok()) << self.status().ToString();
  EXPECT_GT(self->gold, 0u);
  EXPECT_EQ(self->gold, self->system);
  EXPECT_DOUBLE_EQ(self->value_prf.f1, 1.0);
  // score_timex.py data/gold data/system --json gives: gold 31, system 33, strict F1 0.875, relaxed F1
  // 0.9375, type F1 0.9375, value F1 0.5.
  const fs::path sys = fs::path(DATELINE_SOURCE_DIR) / "../shared/data/timex/te3-eval-docs/data/system";
  auto s = ScoreTimexDirs(gold.string(), sys.string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->gold, 31u);
  EXPECT_EQ(s->system, 33u);
  EXPECT_NEAR(s->strict_prf.f1, 0.875, 5e-5);
  EXPECT_NEAR(s->relaxed_prf.f1, 0.9375, 5e-5);
  EXPECT_NEAR(s->type_prf.f1, 0.9375, 5e-5);
  EXPECT_NEAR(s->value_prf.f1, 0.5, 5e-5);
  EXPECT_NEAR(s->value_prf.p, 0.4848, 5e-5);
}

}  // namespace
}  // namespace dateline
