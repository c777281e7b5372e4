#include <gtest/gtest.h>

#include <fstream>

#include "core/paths.h"
#include "parse/arc_hybrid.h"
#include "parse/parser.h"
#include "tag/conllu.h"
#include "tag/ud_eval.h"

namespace dateline {
namespace {

const std::string kShared = DATELINE_SOURCE_DIR "/../shared";

// True when no two arcs cross (root arcs span from the word to the end, where the root sits).
bool Projective(const std::vector<int>& head) {
  const int n = static_cast<int>(head.size()) - 1;
  for (int a = 0; a < n; ++a) {
    int l1 = std::min(a, head[a]), r1 = std::max(a, head[a]);
    for (int b = 0; b < n; ++b) {
      int l2 = std::min(b, head[b]), r2 = std::max(b, head[b]);
      if (l1 < l2 && l2 < r1 && r1 < r2) return false;
    }
  }
  return true;
}

// Follows zero-cost moves only; returns the heads reached.
std::vector<int> OracleParse(const std::vector<int>& gold) {
  ParserState s;
  s.Init(static_cast<int>(gold.size()) - 1);
  while (!s.Terminal()) {
    int cost[3];
    MoveCosts(s, gold, cost);
    int m = 0;
    for (int k = 1; k < 3; ++k) {
      if (cost[k] < cost[m]) m = k;
    }
    EXPECT_EQ(cost[m], 0);
    s.Apply(static_cast<Move>(m), 0);
  }
  return s.head;
}

TEST(ArcHybrid, TransitionsBuildTree) {
  // "Leaders met in Paris": met is the root; Leaders ← met; Paris ← met; in ← Paris.
  ParserState s;
  s.Init(4);
  s.Apply(Move::kShift, 0);  // [Leaders]
  s.Apply(Move::kLeft, 1);   // Leaders ← met
  s.Apply(Move::kShift, 0);  // [met]
  s.Apply(Move::kShift, 0);  // [met in]
  s.Apply(Move::kLeft, 2);   // in ← Paris
  s.Apply(Move::kShift, 0);  // [met Paris]
  s.Apply(Move::kRight, 3);  // met → Paris
  EXPECT_FALSE(s.CanShift());
  EXPECT_TRUE(s.CanLeft());  // met ← root
  s.Apply(Move::kLeft, 0);
  EXPECT_TRUE(s.Terminal());
  EXPECT_EQ(s.head, (std::vector<int>{1, 4, 3, 1, -1}));
  EXPECT_EQ(s.lc1[1], 0);
  EXPECT_EQ(s.rc1[1], 3);
}

TEST(ArcHybrid, RootOnlyForLastStackWord) {
  ParserState s;
  s.Init(2);
  s.Apply(Move::kShift, 0);
  s.Apply(Move::kShift, 0);
  EXPECT_FALSE(s.CanLeft());  // two words on the stack and the buffer holds only the root
  EXPECT_TRUE(s.CanRight());
}

struct OracleCase {
  std::vector<int> heads;  // root = n
};

TEST(ArcHybrid, StaticOracleRecoversSmallTrees) {
  const OracleCase cases[] = {
      {{1, 3, 1}},           // a ← b → c, b root (n = 3)
      {{1, 4, 3, 1}},
      {{4, 0, 0, 2}},        // first word is the root, chain to the right
      {{1, 2, 3, 4}},        // left chain to the root at the end
      {{2, 2, 5, 4, 2}},
  };
  for (const auto& c : cases) {
    std::vector<int> gold = c.heads;
    gold.push_back(-1);
    EXPECT_EQ(OracleParse(gold), gold);
  }
}

TEST(ArcHybrid, StaticOracleRecoversEveryProjectiveEwtTree) {
  const std::string path = kShared + "/data/ud/EWT/en_ewt-ud-dev.conllu";
  if (!std::ifstream(path)) GTEST_SKIP() << "../shared not present: " << path;
  auto corpus = ReadConllu(path);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  int projective = 0;
  for (const Sentence& s : corpus->doc.sentences) {
    const int n = static_cast<int>(s.tokens.size());
    std::vector<int> gold(n + 1, -1);
    for (int i = 0; i < n; ++i) gold[i] = s.tokens[i].head < 0 ? n : s.tokens[i].head;
    int roots = 0;
    for (int i = 0; i < n; ++i) roots += gold[i] == n;
    if (roots != 1 || !Projective(gold)) continue;
    ++projective;
    ASSERT_EQ(OracleParse(gold), gold) << "sentence " << s.index;
  }
  EXPECT_GT(projective, 1800);
}

// Accuracy gate: the committed parser, on EWT dev tagged by the committed tagger, stays within 0.3 points
// of the UAS/LAS it recorded when trained.
TEST(ParserGate, CommittedModelHoldsItsDevAccuracy) {
  const std::string dev = kShared + "/data/ud/EWT/en_ewt-ud-dev.conllu";
  if (!std::ifstream(dev)) GTEST_SKIP() << "../shared not present: " << dev;
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  auto parser = Parser::Load(DataPath("models/parser.dlm"));
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  ASSERT_TRUE(parser.ok()) << parser.status().ToString();
  auto gold = ReadConllu(dev);
  ASSERT_TRUE(gold.ok());
  Document sys = gold->doc;
  for (Sentence& s : sys.sentences) {
    (*tagger)->Tag(&s);
    (*parser)->Parse(&s);
  }
  auto s = EvaluateUd(gold->doc, sys);
  ASSERT_TRUE(s.ok());
  EXPECT_GE(s->Pct(s->uas), std::stod((*parser)->manifest().Get("dev_uas")) - 0.3) << s->Summary();
  EXPECT_GE(s->Pct(s->las), std::stod((*parser)->manifest().Get("dev_las")) - 0.3) << s->Summary();
}

TEST(Parser, RefusesNewerVersion) {
  auto parser = Parser::Load(DataPath("models/parser.dlm"));
  if (!parser.ok()) GTEST_SKIP() << "no committed parser";
  const std::string path = ::testing::TempDir() + "/newer.parser.dlm";
  ModelManifest m = (*parser)->manifest();
  m.format_version = kParserFormatVersion + 1;
  ASSERT_TRUE(WriteModelFile(path, m, "payload not read: the version is checked first").ok());
  auto newer = Parser::Load(path);
  EXPECT_EQ(newer.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(newer.status().message().find("not supported"), std::string::npos);
}

}  // namespace
}  // namespace dateline
