#include <gtest/gtest.h>

#include <fstream>

#include "core/paths.h"
#include "ner/cluster_trainer.h"
#include "ner/gazetteer.h"
#include "ner/iob2.h"
#include "ner/ner_tagger.h"
#include "ner/ner_trainer.h"
#include "ner/word_clusters.h"
#include "ner/wordnet_classes.h"

namespace dateline {
namespace {

const std::string kShared = DATELINE_SOURCE_DIR "/../shared";

using Tags = std::vector<std::string>;

TEST(Iob2, ConvertsToBilouAndBack) {
  struct Case {
    Tags iob2, bilou;
  };
  const Case cases[] = {
      {{"B-PER", "I-PER", "O", "B-LOC"}, {"B-PER", "L-PER", "O", "U-LOC"}},
      {{"B-ORG", "I-ORG", "I-ORG"}, {"B-ORG", "I-ORG", "L-ORG"}},
      {{"I-LOC", "O"}, {"U-LOC", "O"}},                       // stray I- starts an entity
      {{"B-O", "B-OTH", "I-OTH", "B-PER"}, {"O", "O", "O", "U-PER"}},  // pre-release labels → O
      {{"B-PER", "B-PER"}, {"U-PER", "U-PER"}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Iob2ToBilou(c.iob2), c.bilou);
    Tags back = BilouToIob2(c.bilou);
    EXPECT_EQ(Iob2ToBilou(back), c.bilou);
  }
}

TEST(Iob2, ExactSpanScores) {
  auto gold = ParseIob2("1\tMacron\tB-PER\n2\tmet\tO\n3\tOlaf\tB-PER\n4\tScholz\tI-PER\n5\tin\tO\n6\tBerlin\tB-LOC\n\n", "g");
  auto sys = ParseIob2("1\tMacron\tB-PER\n2\tmet\tO\n3\tOlaf\tB-PER\n4\tScholz\tO\n5\tin\tO\n6\tBerlin\tB-LOC\n\n", "s");
  ASSERT_TRUE(gold.ok() && sys.ok());
  auto s = EvaluateNer(gold->doc, sys->doc);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->all.gold, 3u);
  EXPECT_EQ(s->all.system, 3u);
  EXPECT_EQ(s->all.correct, 2u);
  EXPECT_EQ(s->by_type["PER"].correct, 1u);
  EXPECT_NEAR(s->all.F1(), 2.0 / 3.0, 1e-9);
  EXPECT_EQ(WriteIob2(gold->doc, nullptr),
            "1\tMacron\tB-PER\t-\t-\n2\tmet\tO\t-\t-\n3\tOlaf\tB-PER\t-\t-\n4\tScholz\tI-PER\t-\t-\n5\tin\tO\t-\t-\n"
            "6\tBerlin\tB-LOC\t-\t-\n\n");
}

TEST(Gazetteer, LongestMatchIgnoringCase) {
  auto g = Gazetteer::Parse("# people and places\nEmmanuel Macron\tPER\nNew York\tLOC\nNew York Times\tORG\n", "g");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->size(), 3u);
  std::vector<std::string_view> words = {"the", "new", "York", "Times", "quoted", "Emmanuel", "Macron"};
  std::vector<uint8_t> codes;
  g->Match(words, &codes);
  const uint8_t org = 1 + 1 * 4, per = 1 + 0 * 4;
  EXPECT_EQ(codes, (std::vector<uint8_t>{0, uint8_t(org + 0), uint8_t(org + 1), uint8_t(org + 2), 0,
                                         uint8_t(per + 0), uint8_t(per + 2)}));
  EXPECT_EQ(Gazetteer::Parse("Paris\tCITY\n", "bad").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Gazetteer::Parse("no tab here\n", "bad").status().code(), Status::Code::kInvalidArgument);
}

// Sentences in our own words for a tiny end-to-end training run.
const char* kTinyNer =
    "1\tAngela\tB-PER\n2\tMerkel\tI-PER\n3\tvisited\tO\n4\tParis\tB-LOC\n5\t.\tO\n\n"
    "1\tThe\tO\n2\tUnited\tB-ORG\n3\tNations\tI-ORG\n4\tmet\tO\n5\tin\tO\n6\tGeneva\tB-LOC\n7\t.\tO\n\n"
    "1\tJoe\tB-PER\n2\tBiden\tI-PER\n3\tcalled\tO\n4\tOlaf\tB-PER\n5\tScholz\tI-PER\n6\t.\tO\n\n";

TEST(NerTagger, TrainsSavesLoadsAndRefusesNewerVersions) {
  auto c = ParseIob2(kTinyNer, "tiny");
  ASSERT_TRUE(c.ok());
  NerTrainOptions o;
  o.epochs = 10;
  o.uses_pos = false;
  auto model = TrainNer(c->doc, &c->doc, nullptr, o, nullptr);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->manifest.Get("dev_f1"), "1.0000");
  const std::string path = ::testing::TempDir() + "/tiny.ner.dlm";
  ASSERT_TRUE(WriteModelFile(path, model->manifest, model->Payload()).ok());
  auto loaded = NerTagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  Sentence s = c->doc.sentences[0];
  for (Token& t : s.tokens) t.ner.clear();
  (*loaded)->Tag(&s);
  EXPECT_EQ(s.tokens[0].ner, "B-PER");
  EXPECT_EQ(s.tokens[1].ner, "L-PER");
  EXPECT_EQ(s.tokens[3].ner, "U-LOC");

  ModelManifest m = model->manifest;
  m.format_version = kNerFormatVersion + 1;
  ASSERT_TRUE(WriteModelFile(path, m, model->Payload()).ok());
  EXPECT_EQ(NerTagger::Load(path).status().code(), Status::Code::kInvalidArgument);
}

TEST(NerTagger, ModelCarriesItsGazetteer) {
  auto c = ParseIob2(kTinyNer, "tiny");
  auto g = Gazetteer::Parse("# places\nGeneva\tLOC\nLake Geneva\tLOC\n", "g");
  auto other = Gazetteer::Parse("Paris\tLOC\n", "other");
  ASSERT_TRUE(c.ok() && g.ok() && other.ok());
  EXPECT_EQ(g->tsv(), "Geneva\tLOC\nLake Geneva\tLOC\n");
  NerTrainOptions o;
  o.epochs = 2;
  o.uses_pos = false;
  o.gazetteer_name = "test-gazetteer";
  auto model = TrainNer(c->doc, nullptr, &*g, o, nullptr);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->manifest.Get("gazetteer"), "test-gazetteer");
  const std::string path = ::testing::TempDir() + "/gaz.ner.dlm";
  ASSERT_TRUE(WriteModelFile(path, model->manifest, model->Payload()).ok());
  auto loaded = NerTagger::Load(path);  // no gazetteer given: the model's own copy is used
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<NerTokenInfo> info;
  (*loaded)->ComputeInfo({"near", "lake", "Geneva"}, {}, &info);
  ASSERT_EQ(info.size(), 3u);
  const uint8_t loc = 1 + 2 * 4;
  EXPECT_EQ(info[0].gaz, 0);
  EXPECT_EQ(info[1].gaz, loc + 0);
  EXPECT_EQ(info[2].gaz, loc + 2);
  EXPECT_TRUE(NerTagger::Load(path, &*g).ok());
  EXPECT_EQ(NerTagger::Load(path, &*other).status().code(), Status::Code::kInvalidArgument);
}

TEST(NerFeatures, TokenAttributesAndSentenceCase) {
  struct Case {
    const char* word;
    int cap;
    int alpha;
  };
  const Case cases[] = {{"Paris", 1, 1}, {"NATO", 2, 1}, {"iPhone", 3, 1}, {"river", 0, 1}, {"42", 0, 0},
                        {"A", 1, 1},     {"U.S.", 2, 1}, {"--", 0, 0}};
  for (const Case& c : cases) {
    NerTokenInfo t = ComputeNerTokenInfo(c.word, "");
    EXPECT_EQ(t.cap, c.cap) << c.word;
    EXPECT_EQ(t.alpha, c.alpha) << c.word;
  }
  // Long shapes keep repeated characters that the short shape collapses.
  EXPECT_EQ(ComputeNerTokenInfo("Rome", "").shape, ComputeNerTokenInfo("Roma", "").shape);
  EXPECT_EQ(ComputeNerTokenInfo("Rome", "").shape, ComputeNerTokenInfo("Romeo", "").shape);
  EXPECT_NE(ComputeNerTokenInfo("Rome", "").long_shape, ComputeNerTokenInfo("Romeo", "").long_shape);
  auto sentence_case = [](std::vector<std::string_view> words) {
    std::vector<NerTokenInfo> info;
    for (auto w : words) info.push_back(ComputeNerTokenInfo(w, ""));
    return NerSentenceCase(info.data(), static_cast<int>(info.size()));
  };
  EXPECT_EQ(sentence_case({"The", "mayor", "of", "Lyon", "resigned", "."}), 0);
  EXPECT_EQ(sentence_case({"we", "drove", "to", "boston", "today"}), 1);
  EXPECT_EQ(sentence_case({"Mayor", "Of", "Lyon", "Resigns"}), 2);
  EXPECT_EQ(sentence_case({"MAYOR", "OF", "LYON", "RESIGNS", "!"}), 3);
  EXPECT_EQ(sentence_case({"ok", "."}), 0);  // too short to tell
}

TEST(NerFeatures, NameKeywordsMarkTheirCapitalisedRun) {
  const std::vector<std::string_view> words = {"She", "joined", "the", "Bank", "of", "Upper", "Volta",
                                               "near", "Lake", "Ontario", "and", "the", "river", "."};
  std::vector<NerTokenInfo> info;
  for (auto w : words) info.push_back(ComputeNerTokenInfo(w, ""));
  MarkNameKeywords(info.data(), static_cast<int>(info.size()));
  std::vector<int> key, run;
  for (const auto& t : info) {
    key.push_back(t.key);
    run.push_back(t.run_key);
  }
  // "Bank of Upper Volta" is one run headed by an organisation word; "Lake Ontario" by a place word;
  // lowercase "river" outside any run marks only itself.
  EXPECT_EQ(key, (std::vector<int>{0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0}));
  EXPECT_EQ(run, (std::vector<int>{0, 0, 0, 1, 1, 1, 1, 0, 2, 2, 0, 0, 0, 0}));
}

TEST(NerDocumentWords, CountsOtherOccurrencesOnly) {
  auto info = [](std::string_view w) { return ComputeNerTokenInfo(w, "", /*case_only=*/true); };
  NerDocumentWords doc;
  // "Marlow" opens one sentence and is capitalised inside two others; "march" is written lowercase once.
  doc.Add(info("Marlow"), true);
  doc.Add(info("Marlow"), false);
  doc.Add(info("Marlow"), false);
  doc.Add(info("march"), false);
  doc.Add(info("March"), true);
  // Code = 1 + 3 * bucket(capitalised elsewhere) + bucket(lowercase elsewhere); buckets 0, 1, 2+.
  EXPECT_EQ(doc.Code(info("Marlow"), true), 1 + 3 * 2);   // two capitalised mentions elsewhere
  EXPECT_EQ(doc.Code(info("Marlow"), false), 1 + 3 * 1);  // its own mention is left out
  EXPECT_EQ(doc.Code(info("March"), true), 1 + 1);        // lowercase elsewhere
  EXPECT_EQ(doc.Code(info("march"), false), 1);           // nothing else
  EXPECT_EQ(doc.Code(info("Oslo"), false), 1);            // unseen word
}

TEST(Iob2, NewdocCommentsRestartSentenceIndexes) {
  auto c = ParseIob2("# newdoc id = a\n1\tHi\tO\n\n1\tBye\tO\n\n# newdoc id = b\n1\tYo\tO\n\n", "docs");
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->doc.sentences.size(), 3u);
  EXPECT_EQ(c->doc.sentences[0].index, 0);
  EXPECT_EQ(c->doc.sentences[1].index, 1);
  EXPECT_EQ(c->doc.sentences[2].index, 0);
}

TEST(WordClusters, PrefixesAndPaths) {
  struct Case {
    uint32_t code;
    int k;
    uint32_t prefix;
    const char* path;
  };
  const Case cases[] = {
      {0, 4, 0, ""},                  // no cluster
      {0b1, 4, 0b1, ""},              // the root: an empty path
      {0b10110, 2, 0b101, "0110"},    // path 0110, first two bits 01
      {0b10110, 4, 0b10110, "0110"},  // as long as the path
      {0b10110, 6, 0b10110, "0110"},  // longer than the path: the whole path
      {0b1111000011, 6, 0b1111000, "111000011"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ClusterPrefix(c.code, c.k), c.prefix) << c.code << " " << c.k;
    EXPECT_EQ(ClusterPath(c.code), c.path);
  }
}

TEST(WordClusters, SavesLoadsAndFallsBackToLowercase) {
  WordClusters c({"Apple", "apple", "Paris"}, {0b1011, 0b1100, 0b10});
  const std::string path = ::testing::TempDir() + "/tiny.clusters.dlm";
  ModelManifest m;
  m.Set("corpus", "three words");
  ASSERT_TRUE(c.Save(path, m).ok());
  auto loaded = WordClusters::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->size(), 3u);
  EXPECT_EQ(loaded->manifest().Get("corpus"), "three words");
  auto lookup = [&](const char* w) {
    std::string lower(w);
    for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return loaded->Lookup(HashBytes(w), HashBytes(lower));
  };
  EXPECT_EQ(lookup("Apple"), 0b1011u);
  EXPECT_EQ(lookup("apple"), 0b1100u);
  EXPECT_EQ(lookup("APPLE"), 0b1011u);  // the first (most frequent) casing of "apple"
  EXPECT_EQ(lookup("paris"), 0b10u);
  EXPECT_EQ(lookup("Rome"), 0u);
  EXPECT_EQ(WordClusters::FromPayload("junk").status().code(), Status::Code::kCorruption);
}

// Words used in the same contexts share a cluster; training twice gives the same clusters.
TEST(ClusterTrainer, GroupsWordsBySharedContextsDeterministically) {
  const std::vector<std::string> days = {"Monday", "Tuesday", "Friday", "Sunday", "Thursday"};
  const std::vector<std::string> people = {"Anna", "Boris", "Chen", "Dmitri", "Elena"};
  const std::vector<std::string> places = {"Oslo", "Lima", "Quito", "Hanoi", "Dakar"};
  ClusterCorpus corpus;
  for (int round = 0; round < 6; ++round) {
    for (size_t i = 0; i < 5; ++i) {
      const std::string& d = days[(i + round) % 5];
      const std::string& p = people[(i + 2 * round) % 5];
      const std::string& q = places[(i + 3 * round) % 5];
      corpus.AddSentence({"on", d, ",", p, "said", "that", "the", "talks", "went", "well", "."});
      corpus.AddSentence({"the", "talks", "in", q, "will", "resume", "on", d, "morning", "."});
      corpus.AddSentence({"minister", p, "arrived", "in", q, "late", "."});
    }
  }
  struct Case {
    const char* method;
    int bits;  // the path prefix that must separate the groups
  };
  for (const Case& c : {Case{"exchange", 3}, Case{"bisect", 3}}) {
    SCOPED_TRACE(c.method);
    ClusterTrainOptions o;
    o.method = c.method;
    o.classes = {8, 4};
    o.min_count = 2;
    o.min_leaf = 2;
    o.max_depth = 6;
    auto a = TrainClusters(corpus, o, nullptr);
    auto b = TrainClusters(corpus, o, nullptr);
    ASSERT_TRUE(a.ok() && b.ok()) << a.status().ToString();
    EXPECT_EQ(a->words(), b->words());
    EXPECT_EQ(a->codes(), b->codes());
    auto code = [&](const std::string& w) {
      return ClusterPrefix(a->Lookup(HashBytes(w), HashBytes(w)), c.bits);
    };
    for (const auto* group : {&days, &people, &places}) {
      for (const std::string& w : *group) {
        EXPECT_NE(code(w), 0u) << w;
        EXPECT_EQ(code(w), code((*group)[0])) << w;
      }
    }
    EXPECT_NE(code("Monday"), code("Anna"));
    EXPECT_NE(code("Oslo"), code("Anna"));
    EXPECT_NE(code("Oslo"), code("Monday"));
    ClusterCorpus empty;
    EXPECT_EQ(TrainClusters(empty, o, nullptr).status().code(), Status::Code::kInvalidArgument);
  }
  ClusterTrainOptions odd;
  odd.classes = {6};
  EXPECT_EQ(TrainClusters(corpus, odd, nullptr).status().code(), Status::Code::kInvalidArgument);
}

TEST(WordNetClasses, FirstSenseLexicographerFile) {
  if (!std::ifstream(std::string(kDefaultWordNetDir) + "/index.noun")) {
    GTEST_SKIP() << "WordNet (Debian wordnet-base) not installed at " << kDefaultWordNetDir;
  }
  auto wn = ReadWordNetNounClasses();
  ASSERT_TRUE(wn.ok()) << wn.status().ToString();
  EXPECT_GT(wn->lemmas.size(), 50000u);
  auto cls = [&](const std::string& w) -> int {
    auto it = std::lower_bound(wn->lemmas.begin(), wn->lemmas.end(), w);
    return it != wn->lemmas.end() && *it == w ? wn->classes[it - wn->lemmas.begin()] : -1;
  };
  EXPECT_EQ(cls("ministry"), 14);   // noun.group
  EXPECT_EQ(cls("president"), 18);  // noun.person
  EXPECT_EQ(cls("river"), 17);      // noun.object
  EXPECT_EQ(cls("new_york"), -1);   // multi-word lemmas are left out
  EXPECT_EQ(ReadWordNetNounClasses("/nonexistent").status().code(), Status::Code::kNotFound);
}

TEST(NerTagger, ModelCarriesClustersAndWordNetClasses) {
  auto c = ParseIob2(kTinyNer, "tiny");
  ASSERT_TRUE(c.ok());
  WordClusters clusters({"Geneva", "Paris", "met"}, {0b1010, 0b1011, 0b110});
  WordNetNounClasses wordnet{{"church", "ministry", "president"}, {14, 14, 18}};
  NerTrainOptions o;
  o.epochs = 2;
  o.uses_pos = false;
  o.clusters = &clusters;
  o.clusters_name = "tiny-clusters";
  o.wordnet = &wordnet;
  auto model = TrainNer(c->doc, nullptr, nullptr, o, nullptr);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NE(model->manifest.Get("clusters").find("tiny-clusters (3 words"), std::string::npos);
  const std::string path = ::testing::TempDir() + "/clusters.ner.dlm";
  ASSERT_TRUE(WriteModelFile(path, model->manifest, model->Payload()).ok());
  auto loaded = NerTagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::vector<NerTokenInfo> info;
  (*loaded)->ComputeInfo({"The", "Ministries", "met", "in", "GENEVA", "Churches", "of", "Paris"}, {}, &info);
  ASSERT_EQ(info.size(), 8u);
  EXPECT_EQ(info[1].wn, 14);  // plural of a WordNet lemma, any case
  EXPECT_EQ(info[2].cluster, 0b110u);
  EXPECT_EQ(info[3].cluster, 0u);
  EXPECT_EQ(info[4].cluster, 0b1010u);  // by its lowercased form
  EXPECT_EQ(info[5].wn, 14);
  EXPECT_EQ(info[0].run_wn, 14);  // "The Ministries": the run's last word
  EXPECT_EQ(info[7].run_wn, 0);   // "Churches of Paris": Paris is no WordNet noun here
  EXPECT_EQ((*loaded)->WordNetClass("presidents"), 18);
  EXPECT_EQ((*loaded)->WordNetClass("press"), 0);
}

TEST(NerTagger, RefusesFormatOneModels) {
  auto c = ParseIob2(kTinyNer, "tiny");
  ASSERT_TRUE(c.ok());
  NerTrainOptions o;
  o.epochs = 1;
  o.uses_pos = false;
  auto model = TrainNer(c->doc, nullptr, nullptr, o, nullptr);
  ASSERT_TRUE(model.ok());
  ModelManifest m = model->manifest;
  m.format_version = 1;
  const std::string path = ::testing::TempDir() + "/v1.ner.dlm";
  ASSERT_TRUE(WriteModelFile(path, m, model->Payload()).ok());
  auto loaded = NerTagger::Load(path);
  EXPECT_EQ(loaded.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(loaded.status().message().find("retrain"), std::string::npos);
}

// Accuracy gate: the committed model on UNER EWT dev (tagged by the committed tagger) stays within
// 0.01 F1 of what it recorded.
TEST(NerGate, CommittedModelHoldsItsDevF1) {
  const std::string dev = kShared + "/data/ner/uner-ewt/en_ewt-ud-dev.iob2";
  if (!std::ifstream(dev)) GTEST_SKIP() << "../shared not present: " << dev;
  auto ner = NerTagger::Load(DataPath("models/ner.dlm"));
  ASSERT_TRUE(ner.ok()) << ner.status().ToString();
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto gold = ReadIob2(dev);
  ASSERT_TRUE(gold.ok());
  Document sys = gold->doc;
  for (Sentence& s : sys.sentences) (*tagger)->Tag(&s);
  (*ner)->TagDocument(&sys);
  auto scores = EvaluateNer(gold->doc, sys);
  ASSERT_TRUE(scores.ok());
  const double recorded = std::stod((*ner)->manifest().Get("dev_f1"));
  EXPECT_GE(scores->all.F1(), recorded - 0.01);
}

}  // namespace
}  // namespace dateline
