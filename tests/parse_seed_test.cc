// Golden parses: in news sentences the parser links the actors of an event to its trigger (subject,
// object, "with X" obliques). Sentences written for this test, plus checks on the seed articles when
// ../shared is present. Uses the committed models in data/models/.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/paths.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "text/segmenter.h"

namespace dateline {
namespace {

struct Models {
  std::shared_ptr<const Tagger> tagger;
  std::shared_ptr<const Parser> parser;
};

const Models& Loaded() {
  static const Models m = [] {
    Models out;
    auto t = SharedTagger();
    auto p = SharedParser();
    if (t.ok()) out.tagger = *t;
    if (p.ok()) out.parser = *p;
    return out;
  }();
  return m;
}

std::vector<Sentence> Analyse(const std::string& text) {
  std::vector<Sentence> sentences = SegmentText(text);
  for (Sentence& s : sentences) {
    Loaded().tagger->Tag(&s);
    Loaded().parser->Parse(&s);
  }
  return sentences;
}

int Find(const Sentence& s, const std::string& word, int from = 0) {
  for (int i = from; i < static_cast<int>(s.tokens.size()); ++i) {
    if (s.tokens[i].text == word) return i;
  }
  return -1;
}

// True when a dependent of `trigger` whose relation starts with `rel` lies inside the first occurrence of
// the token sequence `span`.
bool LinksSpan(const Sentence& s, int trigger, const std::string& rel, const std::vector<std::string>& span) {
  for (int b = 0; b + static_cast<int>(span.size()) <= static_cast<int>(s.tokens.size()); ++b) {
    bool match = true;
    for (size_t k = 0; k < span.size(); ++k) match &= s.tokens[b + k].text == span[k];
    if (!match) continue;
    for (int i = b; i < b + static_cast<int>(span.size()); ++i) {
      if (s.tokens[i].head == trigger && s.tokens[i].deprel.rfind(rel, 0) == 0) return true;
    }
  }
  return false;
}

struct GoldenCase {
  const char* text;
  const char* trigger;
  const char* rel;
  std::vector<std::string> span;
};

TEST(ParseSeed, ActorsAttachToTriggers) {
  if (!Loaded().tagger || !Loaded().parser) GTEST_SKIP() << "models missing in data/models";
  const GoldenCase cases[] = {
      {"The Turkish foreign minister visited Baghdad on Monday.", "visited", "nsubj", {"foreign", "minister"}},
      {"The Turkish foreign minister visited Baghdad on Monday.", "visited", "obj", {"Baghdad"}},
      {"Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw.", "met", "nsubj",
       {"Chancellor", "Olaf", "Scholz"}},
      {"Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw.", "met", "obj",
       {"Polish", "President", "Andrzej", "Duda"}},
      {"Biden spoke with Macron to discuss the crisis.", "spoke", "nsubj", {"Biden"}},
      {"Biden spoke with Macron to discuss the crisis.", "spoke", "obl", {"Macron"}},
      {"The envoy received 80 tons of weaponry from the United States.", "received", "obl", {"United", "States"}},
      {"The envoy received 80 tons of weaponry from the United States.", "received", "obj", {"80", "tons"}},
  };
  for (const auto& c : cases) {
    std::vector<Sentence> ss = Analyse(c.text);
    ASSERT_EQ(ss.size(), 1u) << c.text;
    const int t = Find(ss[0], c.trigger);
    ASSERT_GE(t, 0) << c.text;
    EXPECT_TRUE(LinksSpan(ss[0], t, c.rel, c.span)) << c.text << " — " << c.rel << " of " << c.trigger;
  }
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(DATELINE_SOURCE_DIR "/../shared/seeds/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Finds the sentence of `text` containing `needle` (a word sequence) and checks a trigger's dependents.
void CheckSeed(const std::string& text, const std::string& trigger, const std::vector<std::string>& needle,
               const std::string& rel, const std::vector<std::string>& span) {
  for (const Sentence& s : Analyse(text)) {
    bool has = false;
    for (int b = 0; b + static_cast<int>(needle.size()) <= static_cast<int>(s.tokens.size()); ++b) {
      bool m = true;
      for (size_t k = 0; k < needle.size(); ++k) m &= s.tokens[b + k].text == needle[k];
      has |= m;
    }
    if (!has) continue;
    const int t = Find(s, trigger);
    ASSERT_GE(t, 0);
    EXPECT_TRUE(LinksSpan(s, t, rel, span)) << rel << " of " << trigger << " in the sentence with " << needle[0];
    return;
  }
  ADD_FAILURE() << "sentence not found: " << needle[0];
}

TEST(ParseSeed, SeedArticlesLinkActors) {
  if (!Loaded().tagger || !Loaded().parser) GTEST_SKIP() << "models missing in data/models";
  const std::string a0 = ReadSeed("000_8053849c28fb875d.txt");
  if (a0.empty()) GTEST_SKIP() << "../shared/seeds not present";
  CheckSeed(a0, "spoke", {"Putin", "spoke", "with"}, "nsubj", {"Vladimir", "Putin"});
  CheckSeed(a0, "spoke", {"Putin", "spoke", "with"}, "obl", {"counterpart", "Emmanuel", "Macron"});
  CheckSeed(a0, "held", {"Macron", "also", "held", "talks"}, "nsubj", {"Macron"});
}

}  // namespace
}  // namespace dateline
