#include "actors/actor_annotator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "actors/simple_segmenter.h"

namespace dateline {
namespace {

const ActorAnnotator& Annotator() {
  static const ActorAnnotator* a = [] {
    KbOptions o;
    o.people_path = DATELINE_SOURCE_DIR "/src/actors/testdata/people.tsv";
    auto kb = KnowledgeBase::Load(o);
    EXPECT_TRUE(kb.ok()) << kb.status().ToString();
    return new ActorAnnotator(std::shared_ptr<const KnowledgeBase>(std::move(kb).value()));
  }();
  return *a;
}

// "text=CODE" per mention, "text=CODE/person-id" for known people, "text=CODE/~" for people from the text.
std::vector<std::string> Mentions(const std::string& text, Date published, Document* out = nullptr) {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.published = published;
  EXPECT_TRUE(Annotator().Annotate(&doc).ok());
  std::vector<std::string> got;
  for (const auto& m : doc.actors) {
    std::string s = text.substr(m.start, m.end - m.start) + "=" + m.actor.code;
    if (m.actor.id.rfind("person:", 0) == 0) s += "/" + m.actor.id.substr(7);
    if (m.actor.id.rfind("text:", 0) == 0) s += "/~";
    got.push_back(s);
  }
  if (out) *out = std::move(doc);
  return got;
}

struct Case {
  const char* name;
  Date date;
  const char* text;
  std::vector<std::string> want;
};

const Date k2019 = Date::Day(2019, 6, 3);
const Date k2022 = Date::Day(2022, 2, 4);

class ActorCases : public testing::TestWithParam<Case> {};

TEST_P(ActorCases, ResolvesAsExpected) {
  const Case& c = GetParam();
  EXPECT_EQ(Mentions(c.text, c.date), c.want) << c.text;
}

const Case kCases[] = {
    // Tenure: the same phrase names different people at different dates.
    {"tenure_2019", k2019, "The US president said so.", {"US president=USAGOV/donald-trump"}},
    {"tenure_2022", k2022, "The US president said so.", {"US president=USAGOV/joe-biden"}},
    {"tenure_leader", Date::Day(2020, 5, 1), "The German leader agreed.", {"German leader=DEUGOV/angela-merkel"}},
    {"tenure_leader_later", k2022, "The German leader agreed.", {"German leader=DEUGOV/olaf-scholz"}},
    {"former_holder_is_elite", k2022, "Trump criticised the plan.", {"Trump=USAELI/donald-trump"}},
    // Metonyms: capitals and seats of power.
    {"metonyms", k2022, "The Kremlin rejected it, the Pentagon said, and Downing Street agreed with Kyiv.",
     {"Kremlin=RUSGOV", "Pentagon=USAMIL", "Downing Street=GBRGOV", "Kyiv=UKR"}},
    {"old_spelling", k2022, "Arms went to Kiev and the Elysee.", {"Kiev=UKR", "Elysee=FRAGOV"}},
    // Possessives: the mention stops before the ending.
    {"possessives", k2022, "Macron’s plan met Russia's army and Nato's allies.",
     {"Macron=FRAGOV/emmanuel-macron", "Russia's army=RUSMIL", "Nato=IGOWSTNAT"}},
    // Hyphenated pairs: one token, two mentions.
    {"hyphen_people", k2022, "After the Biden-Macron call came Macron-Putin talks.",
     {"Biden=USAGOV/joe-biden", "Macron=FRAGOV/emmanuel-macron", "Macron=FRAGOV/emmanuel-macron",
      "Putin=RUSGOV/vladimir-putin"}},
    // A surname the document gives to someone else is not the KB's bearer of it.
    {"other_bearer", k2022, "Police named the driver as Kevin Sullivan. Sullivan was arrested.", {}},
    {"kb_bearer", k2022, "Jake Sullivan spoke. Sullivan was asked.",
     {"Jake Sullivan=USAGOV/jake-sullivan", "Sullivan=USAGOV/jake-sullivan"}},
    {"hyphen_places", k2022, "Tension on the Russia-Ukraine border.", {"Russia=RUS", "Ukraine=UKR"}},
    {"hyphen_not_pair", k2022, "Russian-speaking people live in long-term pro-West towns.", {}},
    {"hyphen_affix", k2022, "Kremlin-backed separatists fired.", {"Kremlin=RUSGOV"}},
    // Compound actors are split.
    {"compound_people", k2022, "Biden and Macron spoke.",
     {"Biden=USAGOV/joe-biden", "Macron=FRAGOV/emmanuel-macron"}},
    {"compound_groups", k2022, "Russian and Chinese diplomats met.",
     {"Russian=RUSGOV", "Chinese diplomats=CHNGOV"}},
    {"compound_titles", k2022, "The American and French presidents spoke.",
     {"American=USAGOV/joe-biden", "French presidents=FRAGOV/emmanuel-macron"}},
    // Ambiguous names: context decides.
    {"georgia_state", k2022, "Voters in Georgia went to the polls as the governor in Atlanta watched.",
     {"Atlanta=USA"}},
    // A city that is not a capital is a place of its country; a person or company named after one is not.
    {"city_place", k2022, "The ministers met in Istanbul while shelling hit Kharkiv.", {"Istanbul=TUR", "Kharkiv=UKR"}},
    {"georgia_country", k2022, "Georgia accused Moscow after clashes near Tbilisi.",
     {"Georgia=GEO", "Moscow=RUS", "Tbilisi=GEO"}},
    {"jordan_person", k2022, "Michael Jordan scored 40 points for the Bulls.", {}},
    {"jordan_country", k2022, "Jordan closed its border, officials in Amman said.", {"Jordan=JOR", "Amman=JOR"}},
    {"turkey_recipe", k2022, "Turkey should rest before carving. Roast the turkey in the oven for 90 minutes.", {}},
    {"turkey_state", k2022, "Turkey blocked the NATO bid, Ankara said.",
     {"Turkey=TUR", "NATO=IGOWSTNAT", "Ankara=TUR"}},
    {"lowercase_is_not_a_name", k2022, "Let us cook a turkey in china bowls.", {}},
    // Titles and appositions name people the base does not know.
    {"title_unknown", k2022, "Ukrainian Defence Minister Oleksii Reznikov said it.",
     {"Ukrainian Defence Minister Oleksii Reznikov=UKRMIL/~"}},
    {"title_known", k2022, "Kremlin spokesman Dmitry Peskov said it.",
     {"Kremlin spokesman Dmitry Peskov=RUSGOV/dmitry-peskov"}},
    {"title_seat", k2022, "White House national security adviser Jake Sullivan warned.",
     {"White House national security adviser Jake Sullivan=USAGOV/jake-sullivan"}},
    {"title_of_country", k2022, "President Emmanuel Macron of France spoke.",
     {"President Emmanuel Macron of France=FRAGOV/emmanuel-macron"}},
    {"apposition", k2022, "Anna Example, the Austrian foreign minister, said no.",
     {"Anna Example=AUTGOV/~", "Austrian foreign minister=AUTGOV/~"}},
    {"seat_role_override", k2022, "Pentagon spokesperson Sam Sample said. Later Sample added more.",
     {"Pentagon spokesperson Sam Sample=USAMIL/~", "Sample=USAMIL/~"}},
    // Within-document coreference.
    {"counterpart", k2022, "Putin spoke with his French counterpart on Thursday.",
     {"Putin=RUSGOV/vladimir-putin", "French counterpart=FRAGOV/emmanuel-macron"}},
    {"groups_and_bodies", k2022, "US troops arrived as the Russian government and Ukrainian leadership met.",
     {"US troops=USAMIL", "Russian government=RUSGOV", "Ukrainian leadership=UKRGOV"}},
    {"org_official", k2022, "NATO Secretary General Jens Stoltenberg said.",
     {"NATO Secretary General Jens Stoltenberg=IGOWSTNAT/jens-stoltenberg"}},
    {"blocked_place", k2022, "They cited the Minsk agreements.", {}},
    {"washington_post_is_not_usa", k2022, "The Washington Post reported it.", {}},
};

INSTANTIATE_TEST_SUITE_P(Actors, ActorCases, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST(ActorAnnotatorTest, HyphenPairHasSubTokenOffsets) {
  Document doc;
  const std::string text = "the Biden-Macron call";
  Mentions(text, k2022, &doc);
  ASSERT_EQ(doc.actors.size(), 2u);
  EXPECT_EQ(doc.actors[0].start, 4u);
  EXPECT_EQ(doc.actors[0].end, 9u);
  EXPECT_EQ(doc.actors[1].start, 10u);
  EXPECT_EQ(doc.actors[1].end, 16u);
  EXPECT_EQ(doc.actors[0].how, "hyphen");
  EXPECT_EQ(doc.actors[0].token_begin, doc.actors[1].token_begin);  // one token
}

TEST(ActorAnnotatorTest, UsesTheSegmentationItIsGiven) {
  // Tokens as a UD-style tokenizer splits them: "Russia" "’s" — and NER tags when present.
  Document doc;
  doc.text = "Russia’s Lavrov met Jordan Henderson.";
  doc.published = k2022;
  doc.sentences = SimpleSegment(doc.text);
  for (auto& t : doc.sentences[0].tokens) t.ner = "O";
  doc.sentences[0].tokens[4].ner = "B-PER";  // Jordan
  doc.sentences[0].tokens[5].ner = "L-PER";
  ASSERT_TRUE(Annotator().Annotate(&doc).ok());
  ASSERT_EQ(doc.actors.size(), 2u);
  EXPECT_EQ(doc.actors[0].actor.code, "RUS");
  EXPECT_EQ(doc.actors[1].actor.id, "person:sergei-lavrov");
}

TEST(ActorAnnotatorTest, MentionsAreSortedAndInsideTheText) {
  Document doc;
  Mentions("Biden and Macron spoke; the Kremlin, NATO and the UN said the Russia-Ukraine crisis worsened.", k2022,
           &doc);
  ASSERT_FALSE(doc.actors.empty());
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    EXPECT_LT(doc.actors[i].start, doc.actors[i].end);
    EXPECT_LE(doc.actors[i].end, doc.text.size());
    if (i) EXPECT_LE(doc.actors[i - 1].start, doc.actors[i].start);
  }
}

}  // namespace
}  // namespace dateline
