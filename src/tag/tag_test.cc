#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/paths.h"
#include "tag/byte_io.h"
#include "tag/conllu.h"
#include "tag/features.h"
#include "tag/lemmatizer.h"
#include "tag/linear_model.h"
#include "tag/model_file.h"
#include "tag/perceptron_trainer.h"
#include "tag/tagger.h"
#include "tag/tagger_trainer.h"
#include "tag/ud_eval.h"

namespace dateline {
namespace {

const std::string kShared = DATELINE_SOURCE_DIR "/../shared";

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/" + name; }

// A tiny treebank in our own words: enough for the tagger to learn a few patterns.
const char* kTiny =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tKyiv\tKyiv\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tLeaders\tleader\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tParis\tParis\tPROPN\tNNP\t_\t2\tobl\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(Features, ShapeGroupsWordsOfOneForm) {
  struct Case {
    const char* a;
    const char* b;
    bool same;
  };
  const Case cases[] = {
      {"Macron", "Putin", true},  {"2022", "1999", true}, {"abc", "ABC", false},
      {"U.S.", "E.U.", true},     {"talks", "Talks", false}, {"x-ray", "x-ray", true},
  };
  for (const auto& c : cases) EXPECT_EQ(ShapeHash(c.a) == ShapeHash(c.b), c.same) << c.a << " " << c.b;
}

TEST(Features, FeatureHashesDependOnTemplateAndValues) {
  EXPECT_NE(Feat(1, HashBytes("met")), Feat(2, HashBytes("met")));
  EXPECT_NE(Feat(1, HashBytes("met")), Feat(1, HashBytes("meet")));
  EXPECT_NE(Feat(1, 1, 2), Feat(1, 2, 1));
  EXPECT_EQ(Feat(3, 7, 9), Feat(3, 7, 9));
}

TEST(ByteIo, RoundTripAndTruncation) {
  ByteWriter w;
  w.U32(7);
  w.Str("talks");
  w.Pod(std::vector<uint16_t>{1, 2, 3});
  std::string bytes = w.Release();
  ByteReader r(bytes);
  uint32_t v = 0;
  std::string s;
  std::vector<uint16_t> pod;
  ASSERT_TRUE(r.U32(&v).ok());
  ASSERT_TRUE(r.Str(&s).ok());
  ASSERT_TRUE(r.Pod(&pod).ok());
  EXPECT_EQ(v, 7u);
  EXPECT_EQ(s, "talks");
  EXPECT_EQ(pod, (std::vector<uint16_t>{1, 2, 3}));
  EXPECT_TRUE(r.done());
  ByteReader cut(std::string_view(bytes).substr(0, bytes.size() - 1));
  EXPECT_TRUE(cut.U32(&v).ok());
  EXPECT_TRUE(cut.Str(&s).ok());
  EXPECT_EQ(cut.Pod(&pod).code(), Status::Code::kCorruption);
}

TEST(LinearModel, ScoresWriteAndReadBack) {
  LinearModel m = LinearModel::Build(3, {{11, {{0, 1.5f}, {2, -0.5f}}}, {22, {{1, 2.0f}}}});
  float scores[3] = {0, 0, 0};
  const uint64_t feats[] = {11, 22, 33};
  m.Score(feats, 3, scores);
  EXPECT_FLOAT_EQ(scores[0], 1.5f);
  EXPECT_FLOAT_EQ(scores[1], 2.0f);
  EXPECT_FLOAT_EQ(scores[2], -0.5f);
  ByteWriter w;
  m.Write(&w);
  LinearModel back;
  ByteReader r(w.data());
  ASSERT_TRUE(back.Read(&r).ok());
  float again[3] = {0, 0, 0};
  back.Score(feats, 3, again);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(again[i], scores[i], 1e-3);
}

// A model read from a file keeps its 16-bit weights, short lists inside the table and long ones also as
// dense rows: scores must be exactly the q * scale products summed in feature order, whatever the layout,
// and writing the model again must give the same bytes.
TEST(LinearModel, ReadModelScoresExactlyAndWritesBackTheSameBytes) {
  const uint32_t kClasses = 19;  // not a multiple of the vector width
  std::vector<std::pair<uint64_t, std::vector<LinearModel::Weight>>> rows = {
      {5, {{0, 0.3f}, {3, -1.7f}}},                // inline
      {9, {{1, 2.9f}, {3, 0.01f}, {18, -0.25f}}},  // a list
      {12, {{2, -0.4f}}},                          // inline
  };
  std::vector<LinearModel::Weight> dense;  // a dense row, classes out of order
  for (uint32_t c : {17u, 3u, 0u, 8u, 9u, 1u, 12u, 18u, 5u}) dense.push_back({c, 0.1f * static_cast<float>(c) - 0.77f});
  rows.emplace_back(44, dense);
  LinearModel m = LinearModel::Build(kClasses, rows);
  ByteWriter w;
  m.Write(&w);
  LinearModel back;
  ByteReader r(w.data());
  ASSERT_TRUE(back.Read(&r).ok());
  EXPECT_EQ(back.num_weights(), 15u);
  EXPECT_EQ(back.num_features(), 4u);
  ByteWriter again;
  back.Write(&again);
  EXPECT_EQ(again.data(), w.data());

  const float scale = 2.9f / 32767.0f;
  auto q = [&](float x) { return static_cast<float>(static_cast<int16_t>(std::lround(x / scale))) * scale; };
  const uint64_t feats[] = {9, 44, 5, 77, 12, 44};
  float expected[kClasses] = {};
  for (uint64_t f : feats) {
    for (const auto& [key, ws] : rows) {
      if (key != f) continue;
      for (const auto& x : ws) expected[x.cls] += q(x.w);
    }
  }
  float scores[kClasses] = {};
  back.Score(feats, 6, scores);
  for (uint32_t c = 0; c < kClasses; ++c) EXPECT_EQ(scores[c], expected[c]) << "class " << c;

  // A class range gets the same sums for its classes, for every layout.
  for (const auto& [lo, hi] : std::vector<std::pair<uint32_t, uint32_t>>{{0, kClasses}, {1, 10}, {3, 4}, {9, 19}}) {
    float part[kClasses] = {};
    back.ScoreRange(feats, 6, lo, hi, part);
    for (uint32_t c = lo; c < hi; ++c) EXPECT_EQ(part[c], expected[c]) << lo << "-" << hi << " class " << c;
  }
}

TEST(Perceptron, LearnsSeparableProblem) {
  AveragedPerceptron p(2);
  const uint64_t a[] = {1, 3}, b[] = {2, 3};
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int k = 0; k < 2; ++k) {
      const uint64_t* f = k ? b : a;
      float s[2] = {0, 0};
      p.Score(f, 2, s);
      p.Update(f, 2, k, s[1] > s[0] ? 1 : 0);
      p.Tick();
    }
  }
  LinearModel m = p.Average(0, 1);
  float sa[2] = {0, 0}, sb[2] = {0, 0};
  m.Score(a, 2, sa);
  m.Score(b, 2, sb);
  EXPECT_GT(sa[0], sa[1]);
  EXPECT_GT(sb[1], sb[0]);
}

TEST(Conllu, ParsesAndWritesBack) {
  auto c = ParseConllu(kTiny, "tiny");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->doc.sentences.size(), 2u);
  const Sentence& s = c->doc.sentences[0];
  EXPECT_EQ(s.tokens[2].text, "visited");
  EXPECT_EQ(s.tokens[2].head, -1);
  EXPECT_EQ(s.tokens[1].head, 2);
  EXPECT_EQ(c->doc.text.substr(s.tokens[3].start, s.tokens[3].end - s.tokens[3].start), "Kyiv");
  EXPECT_EQ(WriteConllu(c->doc, &c->extras), kTiny);
  EXPECT_EQ(ParseConllu("1\tbad\n\n", "bad").status().code(), Status::Code::kCorruption);
}

TEST(Lemmatizer, RulesDictionaryAndWordNet) {
  auto c = ParseConllu(kTiny, "tiny");
  ASSERT_TRUE(c.ok());
  Lemmatizer lem = TrainLemmatizer(c->doc, "/usr/share/wordnet");
  std::string out;
  lem.Lemmatize("met", "VBD", &out);
  EXPECT_EQ(out, "meet");
  lem.Lemmatize("Leaders", "NNS", &out);
  EXPECT_EQ(out, "leader");
  lem.Lemmatize("talks", "NNS", &out);  // unseen: the suffix rule learned from "Leaders"
  EXPECT_EQ(out, "talk");
  if (std::ifstream("/usr/share/wordnet/verb.exc")) {
    lem.Lemmatize("fought", "VBD", &out);  // irregular: from WordNet's exception list
    EXPECT_EQ(out, "fight");
  }
  ByteWriter w;
  lem.Write(&w);
  Lemmatizer back;
  ByteReader r(w.data());
  ASSERT_TRUE(back.Read(&r).ok());
  back.Lemmatize("met", "VBD", &out);
  EXPECT_EQ(out, "meet");
}

class TinyTagger : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = ParseConllu(kTiny, "tiny");
    ASSERT_TRUE(c.ok());
    corpus_ = std::move(*c);
    TaggerTrainOptions o;
    o.epochs = 5;
    o.tagdict_min_count = 1000;
    auto m = TrainTagger(corpus_.doc, &corpus_.doc, o, nullptr);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = std::move(*m);
  }
  ConlluCorpus corpus_;
  TaggerModel model_;
};

TEST_F(TinyTagger, TagsTrainingSentencesAndRoundTrips) {
  Tagger tagger(model_);
  Document sys = TagCopy(tagger, corpus_.doc);
  auto s = EvaluateUd(corpus_.doc, sys);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->upos, s->words);
  const std::string path = TempPath("tiny.tagger.dlm");
  ASSERT_TRUE(WriteModelFile(path, model_.manifest, model_.Payload()).ok());
  auto loaded = Tagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->manifest().Get("corpus"), "UD_English-EWT");
  Document again = TagCopy(**loaded, corpus_.doc);
  for (size_t i = 0; i < sys.sentences.size(); ++i) {
    for (size_t k = 0; k < sys.sentences[i].tokens.size(); ++k) {
      EXPECT_EQ(again.sentences[i].tokens[k].xpos, sys.sentences[i].tokens[k].xpos);
      EXPECT_EQ(again.sentences[i].tokens[k].lemma, sys.sentences[i].tokens[k].lemma);
    }
  }
}

TEST_F(TinyTagger, RefusesNewerVersionWrongKindAndBadMagic) {
  const std::string path = TempPath("newer.tagger.dlm");
  ModelManifest m = model_.manifest;
  m.format_version = kTaggerFormatVersion + 1;
  ASSERT_TRUE(WriteModelFile(path, m, model_.Payload()).ok());
  auto newer = Tagger::Load(path);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(newer.status().message().find("not supported"), std::string::npos) << newer.status().message();

  m = model_.manifest;
  m.kind = "parser";
  ASSERT_TRUE(WriteModelFile(path, m, model_.Payload()).ok());
  EXPECT_EQ(Tagger::Load(path).status().code(), Status::Code::kInvalidArgument);

  EXPECT_EQ(Tagger::FromBytes("not a model", "x").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(Tagger::Load(TempPath("missing.dlm")).status().code(), Status::Code::kNotFound);
}

TEST_F(TinyTagger, SelfTestCatchesAlteredWeights) {
  TaggerModel broken = model_;
  broken.weights = LinearModel::Build(static_cast<uint32_t>(broken.classes.size()), {});
  broken.self_tests = model_.self_tests;
  ASSERT_FALSE(broken.self_tests.empty());
  // With no weights every word gets class 0; most self-test words then differ.
  Tagger t(std::move(broken));
  EXPECT_EQ(t.SelfCheck("broken").code(), Status::Code::kCorruption);
}

// The per-thread word cache must give what tagging without it gives: for words met again, for words
// repeated in one sentence, and with two taggers used in turn on one thread.
TEST_F(TinyTagger, WordCacheChangesNothing) {
  Tagger good(model_);
  TaggerModel blank = model_;
  blank.weights = LinearModel::Build(static_cast<uint32_t>(blank.classes.size()), {});
  Tagger other(std::move(blank));
  const Document first = TagCopy(good, corpus_.doc);
  const Document by_other = TagCopy(other, corpus_.doc);
  const Document again = TagCopy(good, corpus_.doc);
  Sentence repeated;
  for (const Sentence& s : corpus_.doc.sentences) {
    for (int rep = 0; rep < 2; ++rep) repeated.tokens.insert(repeated.tokens.end(), s.tokens.begin(), s.tokens.end());
  }
  Sentence repeated_other = repeated;
  good.Tag(&repeated);
  other.Tag(&repeated_other);
  size_t differ = 0, k = 0;
  for (size_t i = 0; i < first.sentences.size(); ++i) {
    for (size_t t = 0; t < first.sentences[i].tokens.size(); ++t) {
      const Token& a = first.sentences[i].tokens[t];
      EXPECT_EQ(again.sentences[i].tokens[t].xpos, a.xpos);
      EXPECT_EQ(again.sentences[i].tokens[t].lemma, a.lemma);
      differ += by_other.sentences[i].tokens[t].xpos != a.xpos;
      for (size_t r : {k + t, k + t + first.sentences[i].tokens.size()}) {
        EXPECT_EQ(repeated_other.tokens[r].xpos, by_other.sentences[i].tokens[t].xpos);
        EXPECT_EQ(repeated_other.tokens[r].lemma, by_other.sentences[i].tokens[t].lemma);
      }
    }
    k += 2 * first.sentences[i].tokens.size();
  }
  EXPECT_GT(differ, 0u);  // the two taggers do disagree, so a shared cache entry would show
}

// Accuracy gate: the committed model must score on EWT dev within 0.3 points of what it recorded.
TEST(TaggerGate, CommittedModelHoldsItsDevAccuracy) {
  const std::string dev = kShared + "/data/ud/EWT/en_ewt-ud-dev.conllu";
  if (!std::ifstream(dev)) GTEST_SKIP() << "../shared not present: " << dev;
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto gold = ReadConllu(dev);
  ASSERT_TRUE(gold.ok());
  auto s = EvaluateUd(gold->doc, TagCopy(**tagger, gold->doc));
  ASSERT_TRUE(s.ok());
  const double recorded_upos = std::stod((*tagger)->manifest().Get("dev_upos"));
  const double recorded_lemma = std::stod((*tagger)->manifest().Get("dev_lemma"));
  EXPECT_GE(s->Pct(s->upos), recorded_upos - 0.3) << s->Summary();
  EXPECT_GE(s->Pct(s->lemma), recorded_lemma - 0.3) << s->Summary();
}

}  // namespace
}  // namespace dateline
