#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "events/lexicon.h"
#include "events/mention_json.h"
#include "ingest/reader.h"
#include "parse/parser.h"
#include "pipeline/parse_filter.h"

namespace dateline {
namespace {

Sentence Tagged(const std::vector<std::vector<std::string>>& words) {  // {text, upos, lemma}
  Sentence s;
  for (const auto& w : words) {
    Token t;
    t.text = w[0];
    t.upos = w[1];
    t.lemma = w[2];
    s.tokens.push_back(t);
  }
  return s;
}

TEST(ParseFilter, NeedsATriggerWordWithItsPartOfSpeech) {
  auto lexicon = EventLexicon::Load();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  const EventLexicon& lex = **lexicon;
  struct Case {
    const char* what;
    Sentence sentence;
    bool expected;
  } cases[] = {
      {"verbal trigger by lemma",
       Tagged({{"Ministers", "NOUN", "minister"}, {"met", "VERB", "meet"}, {"in", "ADP", "in"}, {"Oslo", "PROPN", "Oslo"}}),
       true},
      {"nominal trigger", Tagged({{"The", "DET", "the"}, {"talks", "NOUN", "talk"}, {"ended", "VERB", "end"}}), true},
      {"no trigger word", Tagged({{"The", "DET", "the"}, {"weather", "NOUN", "weather"}, {"was", "AUX", "be"},
                                  {"cold", "ADJ", "cold"}}),
       false},
      {"trigger word with another part of speech",
       Tagged({{"The", "DET", "the"}, {"visiting", "ADJ", "visiting"}, {"team", "NOUN", "team"}, {"won", "VERB", "win"}}),
       false},
      {"untagged sentence: any trigger form", Tagged({{"Leaders", "", ""}, {"met", "", ""}}), true},
      // 'amass' is a mobilisation only with a word of @troops within reach.
      {"condition class absent", Tagged({{"He", "PRON", "he"}, {"amassed", "VERB", "amass"}, {"a", "DET", "a"},
                                         {"fortune", "NOUN", "fortune"}}),
       false},
      {"condition class near", Tagged({{"Moscow", "PROPN", "Moscow"}, {"amassed", "VERB", "amass"},
                                       {"troops", "NOUN", "troop"}}),
       true},
      {"condition class out of reach",
       Tagged({{"Troops", "NOUN", "troop"}, {"and", "CCONJ", "and"}, {"a", "DET", "a"}, {"very", "ADV", "very"},
               {"long", "ADJ", "long"}, {"list", "NOUN", "list"}, {"of", "ADP", "of"}, {"other", "ADJ", "other"},
               {"people", "NOUN", "people"}, {"later", "ADV", "later"}, {"amassed", "VERB", "amass"},
               {"fortunes", "NOUN", "fortune"}}),
       false},
      // 'hand over' needs its particle within four words after the verb.
      {"pattern word missing", Tagged({{"They", "PRON", "they"}, {"handed", "VERB", "hand"}, {"him", "PRON", "he"},
                                       {"the", "DET", "the"}, {"keys", "NOUN", "key"}}),
       false},
      {"pattern word present", Tagged({{"They", "PRON", "they"}, {"handed", "VERB", "hand"}, {"the", "DET", "the"},
                                       {"prisoners", "NOUN", "prisoner"}, {"over", "ADP", "over"}}),
       true},
  };
  for (const Case& c : cases) EXPECT_EQ(HasTriggerCandidate(lex, c.sentence), c.expected) << c.what;
}

// The events of a full run must not depend on whether every sentence is parsed or only those with a
// possible trigger: the bundled sample articles, and the seed articles when ../shared is present.
TEST(Pipeline, ParsingOnlyTriggerSentencesKeepsEveryEvent) {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs = {DATELINE_SOURCE_DIR "/examples/articles.jsonl"};
  const fs::path seeds = fs::path(DATELINE_SOURCE_DIR) / "../shared/seeds";
  if (fs::exists(seeds)) {
    for (const auto& e : fs::directory_iterator(seeds)) {
      if (e.path().extension() == ".txt") inputs.push_back(e.path().string());
    }
  }
  std::vector<Document> docs;
  ASSERT_TRUE(ReadInputs(inputs, ReadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); }, nullptr).ok());
  ASSERT_GT(docs.size(), 5u);
  auto filtered = Pipeline::Load(PipelineOptions{});
  ASSERT_TRUE(filtered.ok()) << filtered.status().ToString();
  PipelineOptions all_options;
  all_options.parse_all = true;
  auto all = Pipeline::Load(all_options);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  auto lexicon = EventLexicon::Load();
  ASSERT_TRUE(lexicon.ok());
  size_t parsed = 0, unparsed = 0, events = 0;
  for (const Document& original : docs) {
    Document a = original, b = original;
    ASSERT_TRUE((*filtered)->Process(&a).ok());
    ASSERT_TRUE((*all)->Process(&b).ok());
    ASSERT_EQ(a.events.size(), b.events.size()) << original.id;
    for (size_t i = 0; i < a.events.size(); ++i) {
      std::string ja, jb;
      AppendMentionJson(a, a.events[i], lexicon->get(), &ja);
      AppendMentionJson(b, b.events[i], lexicon->get(), &jb);
      EXPECT_EQ(ja, jb) << original.id;
    }
    events += a.events.size();
    for (const Sentence& s : a.sentences) {
      if (IsParsed(s)) {
        ++parsed;
        continue;
      }
      ++unparsed;
      for (const Token& t : s.tokens) EXPECT_EQ(t.head, -1);  // unparsed is explicit: no tree to misread
    }
    for (const Sentence& s : b.sentences) EXPECT_TRUE(s.tokens.empty() || IsParsed(s));
  }
  EXPECT_GT(events, 10u);
  EXPECT_GT(parsed, 0u);
  EXPECT_GT(unparsed, 0u);
}

}  // namespace
}  // namespace dateline
