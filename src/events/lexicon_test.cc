#include "events/lexicon.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

namespace dateline {
namespace {

const EventLexicon& Lex() {
  static auto* lex = [] {
    auto l = EventLexicon::Load();
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return l.ok() ? std::move(l).value().release() : nullptr;
  }();
  return *lex;
}

TEST(CameoCodebook, EveryRootAndSampleCodes) {
  for (int r = 1; r <= 20; ++r) {
    char root[3];
    std::snprintf(root, sizeof root, "%02d", r);
    ASSERT_NE(Lex().Code(root), nullptr) << root;
  }
  EXPECT_GE(Lex().num_codes(), 300u);
  struct Case {
    const char* code;
    int quad;
    double goldstein;
    const char* type;
    const char* mode;
  } cases[] = {
      {"041", 1, 1.0, "CONSULT", "phone"},   {"042", 1, 1.9, "CONSULT", "visit"},
      {"043", 1, 2.8, "CONSULT", "host"},    {"057", 1, 8.0, "SUPPORT", ""},
      {"072", 2, 8.3, "AID", "military"},    {"0871", 2, 10.0, "RETREAT", "ceasefire"},
      {"1123", 3, -2.0, "ACCUSE", "allege"}, {"090", 3, -2.0, "ACCUSE", "investigate"},
      {"100", 3, -5.0, "REQUEST", ""},       {"020", 1, 3.0, "REQUEST", ""},
      {"138", 3, -7.0, "THREATEN", "violence"}, {"154", 4, -7.2, "MOBILIZE", "troops"},
      {"163", 4, -8.0, "COERCE", "restrict"},   {"195", 4, -10.0, "ASSAULT", "aerial"},
      {"194", 4, -10.0, "ASSAULT", "artillery"}, {"193", 4, -10.0, "ASSAULT", "firearms"},
      {"2042", 4, -10.0, "ASSAULT", "unconventional"},
  };
  for (const auto& c : cases) {
    const CameoCode* code = Lex().Code(c.code);
    ASSERT_NE(code, nullptr) << c.code;
    EXPECT_EQ(code->quad_class, c.quad) << c.code;
    EXPECT_DOUBLE_EQ(code->goldstein, c.goldstein) << c.code;
    EXPECT_EQ(code->type, c.type) << c.code;
    EXPECT_EQ(code->mode, c.mode) << c.code;
  }
}

TEST(CameoCodebook, OnlyPoleCatTypes) {
  const std::set<std::string> types = {"AGREE",  "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
                                       "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
                                       "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
  for (size_t i = 0; i < Lex().num_entries(); ++i) {
    const CameoCode* c = Lex().Code(Lex().entry(i).cameo);
    ASSERT_NE(c, nullptr);
    EXPECT_TRUE(types.count(c->type)) << c->code << " " << c->type;
  }
}

TEST(TriggerLexicon, InflectedFormsFindTheirEntries) {
  struct Case {
    const char* form;
    const char* lemma;
  } cases[] = {{"spoke", "speak"}, {"met", "meet"}, {"visited", "visit"}, {"hosting", "host"},
               {"urged", "urge"},  {"accuses", "accuse"}, {"shipped", "ship"}, {"deployed", "deploy"},
               {"talks", "talks"}, {"held", "hold"}};
  for (const auto& c : cases) EXPECT_TRUE(Lex().IsFormOf(c.form, c.lemma)) << c.form;
  EXPECT_NE(Lex().EntriesForHead("spoke"), nullptr);
  EXPECT_NE(Lex().EntriesForHead("invasion"), nullptr);
  EXPECT_EQ(Lex().EntriesForHead("the"), nullptr);
  EXPECT_GE(Lex().num_entries(), 250u);
}

TEST(TriggerLexicon, WordClasses) {
  EXPECT_TRUE(Lex().InClass("arms", "ammunition"));
  EXPECT_TRUE(Lex().InClass("troops", "troops"));
  EXPECT_TRUE(Lex().InClass("light", "held"));
  EXPECT_FALSE(Lex().InClass("arms", "bread"));
}

TEST(EventLexiconLoad, ReportsBadLinesWithFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/badlex";
  std::string cmd = "mkdir -p " + dir + " && cp " DATELINE_SOURCE_DIR "/data/events/*.tsv " + dir;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  {
    std::ofstream out(dir + "/triggers.tsv", std::ios::app);
    out << "bogus\tV\t999\t-\tobj\t-\n";
  }
  EventLexiconOptions o;
  o.dir = dir;
  auto l = EventLexicon::Load(o);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.status().message().find("triggers.tsv:"), std::string::npos) << l.status().ToString();
  EXPECT_NE(l.status().message().find("999"), std::string::npos);
  o.dir = dir + "/missing";
  EXPECT_EQ(EventLexicon::Load(o).status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dateline
