#include "merge/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "merge/event_json.h"

namespace dateline {
namespace {

Actor Person(const std::string& slug, const std::string& name, const std::string& country) {
  return Actor{"person:" + slug, name, country, country + "GOV", "GOV"};
}
Actor Country(const std::string& code) { return Actor{"country:" + code, code, code, code, ""}; }
Actor Government(const std::string& code) { return Actor{"country:" + code, code, code, code + "GOV", "GOV"}; }

// A hand-made mention: who, what, when, as which document reports it.
MentionRecord M(const std::string& doc, const std::string& type, const Actor& src, const Actor& tgt, Date date,
                EventStatus status = EventStatus::kHappened, const std::string& date_text = "on Wednesday",
                int sentence = 0) {
  MentionRecord r;
  r.mention.doc = doc;
  r.mention.sentence = sentence;
  r.mention.trigger = "spoke";
  r.mention.trigger_start = 10 + sentence;
  r.mention.trigger_end = 15 + sentence;
  r.mention.type = type;
  r.mention.cameo = type == "CONSULT" ? "040" : "010";
  r.mention.quad_class = 1;
  r.mention.source.actor = src;
  r.mention.target.actor = tgt;
  r.mention.date = date;
  r.mention.date_basis = "text";
  r.mention.date_text = date_text;
  r.mention.status = status;
  r.mention.confidence = 0.9;
  r.published = Date::Day(2022, 2, 10);
  r.sentence_text = "A sentence about " + src.name + " and " + tgt.name + ".";
  return r;
}

const Actor kBiden = Person("joe-biden", "Joe Biden", "USA");
const Actor kMacron = Person("emmanuel-macron", "Emmanuel Macron", "FRA");
const Actor kPutin = Person("vladimir-putin", "Vladimir Putin", "RUS");
const Actor kBlinken = Person("antony-blinken", "Antony Blinken", "USA");

TEST(MergeTest, PlannedThenHappenedIsOneHappenedEventKeepingBoth) {
  auto planned = M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7), EventStatus::kPlanned, "on Monday");
  planned.published = Date::Day(2022, 2, 5);
  auto happened = M("b", "CONSULT", kPutin, kMacron, Date::Day(2022, 2, 7));
  happened.published = Date::Day(2022, 2, 8);
  auto events = MergeMentions({planned, happened});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].status, EventStatus::kHappened);
  EXPECT_EQ(events[0].num_mentions, 2);
  EXPECT_EQ(events[0].num_articles, 2);
  EXPECT_TRUE(events[0].conflicts.empty());
}

TEST(MergeTest, PlannedAloneStaysPlanned) {
  auto events = MergeMentions({M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 14), EventStatus::kPlanned)});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].status, EventStatus::kPlanned);
}

TEST(MergeTest, MonthPreciseMentionJoinsDayPreciseEvent) {
  auto day = M("a", "AID", Country("USA"), Country("UKR"), Date::Day(2022, 2, 9));
  auto month = M("b", "AID", Country("USA"), Country("UKR"), Date::Month(2022, 2), EventStatus::kHappened, "in February");
  auto events = MergeMentions({month, day});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, Date::Day(2022, 2, 9));
  EXPECT_EQ(events[0].num_articles, 2);
  EXPECT_TRUE(events[0].conflicts.empty());
}

TEST(MergeTest, MonthOutsideTheDayDoesNotJoin) {
  auto day = M("a", "AID", Country("USA"), Country("UKR"), Date::Day(2022, 2, 9));
  auto month = M("b", "AID", Country("USA"), Country("UKR"), Date::Month(2021, 12), EventStatus::kHappened, "in December");
  EXPECT_EQ(MergeMentions({month, day}).size(), 2u);
}

TEST(MergeTest, IsoWeekJoinsADayInThatWeek) {
  auto day = M("a", "ACCUSE", Country("USA"), Country("RUS"), Date::Day(2022, 2, 2));  // a Wednesday in 2022-W05
  auto week = M("b", "ACCUSE", Country("USA"), Country("RUS"), Date{}, EventStatus::kHappened, "2022-W05");
  auto other_week = M("c", "ACCUSE", Country("USA"), Country("RUS"), Date{}, EventStatus::kHappened, "2022-W07");
  other_week.published = Date{};
  auto events = MergeMentions({week, day, other_week});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].date, Date::Day(2022, 2, 2));
  EXPECT_EQ(events[0].num_articles, 2);
}

TEST(MergeTest, ConflictingDatesKeepTheBestSupportedAndRecordTheConflict) {
  auto a = M("000", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 2), EventStatus::kHappened, "on Wednesday");
  auto b = M("002", "CONSULT", kMacron, kBiden, Date::Day(2022, 2, 2), EventStatus::kHappened, "Wednesday");
  auto c = M("001", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 3), EventStatus::kHappened, "on 3 February");
  auto events = MergeMentions({c, a, b});
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.date, Date::Day(2022, 2, 2));
  ASSERT_EQ(e.conflicts.size(), 1u);
  EXPECT_EQ(e.conflicts[0].field, "date");
  EXPECT_EQ(e.conflicts[0].chosen, "2022-02-02");
  ASSERT_EQ(e.conflicts[0].values.size(), 2u);
  EXPECT_EQ(e.conflicts[0].values[0].docs, (std::vector<std::string>{"000", "002"}));
  EXPECT_EQ(e.conflicts[0].values[1].value, "2022-02-03");
  EXPECT_EQ(e.conflicts[0].values[1].docs, (std::vector<std::string>{"001"}));
  EXPECT_EQ(e.source.id, kBiden.id);  // two of three reports put Biden first
}

TEST(MergeTest, ExplicitDateWinsATieOverRelative) {
  auto a = M("x", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 2), EventStatus::kHappened, "on Wednesday");
  auto b = M("y", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 3), EventStatus::kHappened, "on 3 February");
  auto events = MergeMentions({a, b});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, Date::Day(2022, 2, 3));
  EXPECT_TRUE(events[0].has_conflict("date"));
}

TEST(MergeTest, TwoCallsOnDifferentDaysInOneReportAreTwoEvents) {
  auto first = M("000", "CONSULT", kPutin, kMacron, Date::Day(2022, 1, 28), EventStatus::kHappened, "28 January", 3);
  auto second = M("000", "CONSULT", kPutin, kMacron, Date::Day(2022, 1, 31), EventStatus::kHappened, "31 January", 3);
  auto third = M("000", "CONSULT", kPutin, kMacron, Date::Day(2022, 2, 3), EventStatus::kHappened, "Thursday", 0);
  auto fourth = M("000", "CONSULT", kPutin, kMacron, Date::Day(2022, 2, 4), EventStatus::kHappened, "Friday", 5);
  auto events = MergeMentions({first, second, third, fourth});
  EXPECT_EQ(events.size(), 4u);
  for (const auto& e : events) EXPECT_TRUE(e.conflicts.empty());
}

TEST(MergeTest, PhoneCallAndVisitAreDifferentEvents) {
  auto call = M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7));
  call.mention.mode = "phone";
  auto visit = M("b", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7));
  visit.mention.mode = "visit";
  EXPECT_EQ(MergeMentions({call, visit}).size(), 2u);
}

TEST(MergeTest, CountryMatchesItsGovernmentAndItsLeader) {
  auto person = M("a", "ACCUSE", kBiden, Country("RUS"), Date::Day(2022, 2, 6));
  auto gov = M("b", "ACCUSE", Government("USA"), Government("RUS"), Date::Day(2022, 2, 6));
  auto country = M("c", "ACCUSE", Country("USA"), Country("RUS"), Date::Day(2022, 2, 6));
  auto events = MergeMentions({gov, country, person});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.id, kBiden.id);  // the most specific actor
  EXPECT_EQ(events[0].target.code, "RUSGOV");
  EXPECT_EQ(events[0].num_sources, 3);
}

TEST(MergeTest, TwoDifferentPeopleOfOneCountryDoNotMerge) {
  auto a = M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 6));
  auto b = M("b", "CONSULT", kBlinken, kMacron, Date::Day(2022, 2, 6));
  EXPECT_EQ(MergeMentions({a, b}).size(), 2u);
}

TEST(MergeTest, SymmetricTypeIgnoresDirectionButDirectedTypeDoesNot) {
  EXPECT_EQ(MergeMentions({M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 6)),
                           M("b", "CONSULT", kMacron, kBiden, Date::Day(2022, 2, 6))})
                .size(),
            1u);
  EXPECT_EQ(MergeMentions({M("a", "ACCUSE", Country("USA"), Country("RUS"), Date::Day(2022, 2, 6)),
                           M("b", "ACCUSE", Country("RUS"), Country("USA"), Date::Day(2022, 2, 6))})
                .size(),
            2u);
}

TEST(MergeTest, HypotheticalNeverMergesWithHappened) {
  auto fear = M("a", "ASSAULT", Country("RUS"), Country("UKR"), Date::Day(2022, 2, 6), EventStatus::kHypothetical);
  auto real = M("b", "ASSAULT", Country("RUS"), Country("UKR"), Date::Day(2022, 2, 6));
  auto events = MergeMentions({fear, real});
  ASSERT_EQ(events.size(), 2u);
}

TEST(MergeTest, DenialOfAReportedEventIsAStatusConflict) {
  auto said = M("a", "AGREE", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 8));
  auto said2 = M("c", "AGREE", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 8));
  auto denied = M("b", "AGREE", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 8), EventStatus::kDenied);
  auto events = MergeMentions({said, denied, said2});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].status, EventStatus::kHappened);
  ASSERT_TRUE(events[0].has_conflict("status"));
}

TEST(MergeTest, UndatedReportJoinsTheEventDaysBeforePublication) {
  auto dated = M("a", "MOBILIZE", Country("USA"), Actor{}, Date::Day(2022, 2, 2));
  auto undated = M("b", "MOBILIZE", Country("USA"), Actor{}, Date::Day(2022, 2, 3));
  undated.mention.date_basis = "publication";
  undated.published = Date::Day(2022, 2, 3);
  auto events = MergeMentions({undated, dated});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, Date::Day(2022, 2, 2));
  EXPECT_TRUE(events[0].conflicts.empty());
}

TEST(MergeTest, MissingTargetJoinsTheOnlyCompatibleEvent) {
  auto full = M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 9));
  auto half = M("b", "CONSULT", kMacron, Actor{}, Date::Day(2022, 2, 9));
  auto events = MergeMentions({half, full});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source.id, kBiden.id);
  EXPECT_EQ(events[0].target.id, kMacron.id);
}

TEST(MergeTest, DenialIsLinkedToTheClaim) {
  auto claim = M("a", "AGREE", kPutin, kMacron, Date::Day(2022, 2, 7));
  claim.mention.attribution = "the Elysee";
  claim.sentence_text = "The Elysee said Putin agreed to concrete steps towards de-escalation.";
  auto reject = M("b", "REJECT", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 8));
  reject.sentence_text = "The Kremlin dismissed French claims of concrete steps on de-escalation.";
  auto events = MergeMentions({claim, reject});
  ASSERT_EQ(events.size(), 2u);
  const Event& c = events[0].type == "AGREE" ? events[0] : events[1];
  const Event& r = events[0].type == "AGREE" ? events[1] : events[0];
  ASSERT_EQ(c.links.size(), 1u);
  EXPECT_EQ(c.links[0].kind, "denied_by");
  EXPECT_EQ(c.links[0].event_id, r.id);
  ASSERT_EQ(r.links.size(), 1u);
  EXPECT_EQ(r.links[0].kind, "denies");
}

// Many mentions of a small world: shuffled or split in shards, the merge gives the same events.
std::vector<MentionRecord> RandomCorpus(unsigned seed, int n) {
  std::mt19937 rng(seed);
  const std::vector<Actor> actors = {kBiden, kMacron, kPutin, Country("UKR"), Government("DEU"), Country("USA")};
  const std::vector<std::string> types = {"CONSULT", "ACCUSE", "AID", "REJECT"};
  std::vector<MentionRecord> out;
  for (int i = 0; i < n; ++i) {
    const Actor& s = actors[rng() % actors.size()];
    const Actor& t = actors[rng() % actors.size()];
    Date d = rng() % 5 == 0 ? Date::Month(2022, 2) : Date::Day(2022, 2, 1 + rng() % 10);
    auto status = rng() % 4 == 0 ? EventStatus::kPlanned : EventStatus::kHappened;
    out.push_back(M("d" + std::to_string(rng() % 20), types[rng() % types.size()], s, t, d, status,
                    rng() % 2 ? "on 3 February" : "Monday", static_cast<int>(rng() % 30)));
  }
  return out;
}

std::string Serialize(const std::vector<Event>& events) {
  std::string out;
  for (const auto& e : events) out += EventToJson(e) + "\n";
  return out;
}

TEST(MergeTest, OrderIndependent) {
  auto corpus = RandomCorpus(7, 400);
  const std::string expected = Serialize(MergeMentions(corpus));
  std::mt19937 rng(11);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(corpus.begin(), corpus.end(), rng);
    EXPECT_EQ(Serialize(MergeMentions(corpus)), expected) << "round " << round;
  }
}

TEST(MergeTest, ShardThenMergeEqualsWholeCorpus) {
  auto corpus = RandomCorpus(3, 300);
  const std::string whole = Serialize(MergeMentions(corpus));
  // Shards by document, each written as extract JSONL and read back, as `dateline merge` does.
  std::vector<std::string> shards(3);
  for (const auto& r : corpus) {
    const size_t k = std::hash<std::string>()(r.mention.doc) % shards.size();
    AppendMentionJson(r, &shards[k]);
    shards[k] += "\n";
  }
  std::vector<MentionRecord> back;
  for (int k = 2; k >= 0; --k) {
    size_t pos = 0;
    while (pos < shards[k].size()) {
      size_t nl = shards[k].find('\n', pos);
      ASSERT_TRUE(ParseMentionsJson(std::string_view(shards[k]).substr(pos, nl - pos), &back).ok());
      pos = nl + 1;
    }
  }
  EXPECT_EQ(Serialize(MergeMentions(back)), whole);
}

TEST(MergeTest, IdsAreStableAndDistinct) {
  auto corpus = RandomCorpus(5, 200);
  auto a = MergeMentions(corpus);
  std::set<std::string> ids;
  for (const auto& e : a) {
    EXPECT_EQ(e.id.rfind("ev-", 0), 0u);
    ids.insert(e.id);
  }
  EXPECT_EQ(ids.size(), a.size());
}

TEST(MergeTest, IntervalOfEachPrecision) {
  MentionRecord r;
  r.mention.date = Date::Month(2022, 2);
  r.mention.date_basis = "text";
  auto iv = MentionInterval(r);
  EXPECT_EQ(iv.hi - iv.lo + 1, 28);
  r.mention.date = Date::Year(2024);
  iv = MentionInterval(r);
  EXPECT_EQ(iv.hi - iv.lo + 1, 366);
  r.mention.date = Date{};
  r.published = Date{};
  EXPECT_FALSE(MentionInterval(r).bounded());
  r.mention.date_text = "2022-W05";  // Monday 31 January .. Sunday 6 February 2022
  iv = MentionInterval(r);
  EXPECT_EQ(Date::FromDays(iv.lo), Date::Day(2022, 1, 31));
  EXPECT_EQ(Date::FromDays(iv.hi), Date::Day(2022, 2, 6));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(MergeTest, TiedDateFollowsTheUndisputedEventOfTheSameSentence) {
  const Actor biden = Person("joe-biden", "Joe Biden", "USA");
  const Actor macron = Person("emmanuel-macron", "Emmanuel Macron", "FRA");
  // Sentence 4 of x: the call and the support, on Wednesday; y confirms the call on Wednesday;
  // z dates the support to Thursday. The support's 1-1 tie follows the call.
  auto call_x = M("x", "CONSULT", biden, macron, Date::Day(2022, 2, 2), EventStatus::kHappened, "on Wednesday", 4);
  auto call_y = M("y", "CONSULT", biden, macron, Date::Day(2022, 2, 2), EventStatus::kHappened, "on Wednesday", 1);
  auto back_x = M("x", "SUPPORT", biden, Country("UKR"), Date::Day(2022, 2, 2), EventStatus::kHappened,
                  "on Wednesday", 4);
  auto back_z = M("z", "SUPPORT", biden, Country("UKR"), Date::Day(2022, 2, 3), EventStatus::kHappened,
                  "on 3 February", 2);
  auto events = MergeMentions({back_z, call_x, back_x, call_y});
  ASSERT_EQ(events.size(), 2u);
  for (const Event& e : events) {
    EXPECT_EQ(e.date, Date::Day(2022, 2, 2)) << e.type;
    if (e.type == "SUPPORT") {
      ASSERT_TRUE(e.has_conflict("date"));
      EXPECT_EQ(e.conflicts[0].chosen, "2022-02-02");
      EXPECT_EQ(e.conflicts[0].values[0].value, "2022-02-02");
    }
  }
  // Without the call, the explicit date wins the tie.
  events = MergeMentions({back_z, back_x});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, Date::Day(2022, 2, 3));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

MentionRecord Undated(const std::string& doc, const Actor& src, const Actor& tgt, Date published) {
  auto r = M(doc, "CONSULT", src, tgt, published, EventStatus::kHappened, "");
  r.mention.date_basis = "publication";
  r.published = published;
  return r;
}

TEST(MergeTest, ReportDatedByPublicationJoinsTheLatestFittingEventOfTheWindow) {
  // Two Biden-Macron calls a week apart; a later article mentions "the call" without a date.
  auto first = M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 2));
  auto second = M("b", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 9));
  auto back = Undated("c", kMacron, kBiden, Date::Day(2022, 2, 10));
  auto events = MergeMentions({first, second, back});
  ASSERT_EQ(events.size(), 2u);
  for (const auto& e : events) {
    EXPECT_EQ(e.num_mentions, e.date.ToString() == "2022-02-09" ? 2 : 1) << e.date.ToString();
  }
}

TEST(MergeTest, ReportDatedByPublicationLooksBackTenDaysNotMore) {
  auto old = M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 1, 20));
  auto back = Undated("b", kBiden, kMacron, Date::Day(2022, 2, 10));
  EXPECT_EQ(MergeMentions({old, back}).size(), 2u);
  auto recent = M("a", "CONSULT", kBiden, kMacron, Date::Day(2022, 2, 1));
  EXPECT_EQ(MergeMentions({recent, back}).size(), 1u);
}

TEST(MergeTest, ReportDatedByPublicationDoesNotBringPeopleIntoAnEventOfOthers) {
  // "a Putin-Zelensky meeting" (undated) is not the meeting of their countries' ministers.
  auto ministers = M("a", "CONSULT", Government("RUS"), Government("UKR"), Date::Day(2022, 2, 8));
  auto leaders = Undated("b", kPutin, Person("volodymyr-zelensky", "Volodymyr Zelensky", "UKR"),
                         Date::Day(2022, 2, 10));
  EXPECT_EQ(MergeMentions({ministers, leaders}).size(), 2u);
}

TEST(MergeTest, ContextDateYieldsToTheSameDocumentsOwnDate) {
  // One article dates the meeting in its own words (8th) and elsewhere leaves it to the narrative (9th): one
  // event on the 8th, no conflict. Another article dated only by context keeps its say.
  auto own = M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 8), EventStatus::kHappened, "the next day", 1);
  auto ctx = M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 9), EventStatus::kHappened, "", 2);
  ctx.mention.date_basis = "context";
  auto events = MergeMentions({own, ctx});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date.ToString(), "2022-02-08");
  EXPECT_TRUE(events[0].conflicts.empty());
  auto other = M("b", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 9), EventStatus::kHappened, "", 0);
  other.mention.date_basis = "context";
  events = MergeMentions({own, other});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].has_conflict("date"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(MergeTest, ADocumentDoesNotContradictItself) {
  // One article dates two reports of the same rejection from two different passages: no conflict.
  auto a = M("a", "REJECT", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 8), EventStatus::kHappened, "", 1);
  auto b = M("a", "REJECT", Country("RUS"), Country("FRA"), Date::Day(2022, 2, 9), EventStatus::kHappened, "", 2);
  a.mention.date_basis = b.mention.date_basis = "context";
  auto events = MergeMentions({a, b});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].has_conflict("date"));
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(MergeTest, ReportsPlacingAnEventInDifferentCountriesAreAConflict) {
  auto a = M("a", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7));
  a.mention.location = "RUS";
  auto b = M("b", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7));
  b.mention.location = "RUS";
  auto c = M("c", "CONSULT", kMacron, kPutin, Date::Day(2022, 2, 7));
  c.mention.location = "UKR";
  auto events = MergeMentions({a, b, c});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].location, "RUS");
  ASSERT_TRUE(events[0].has_conflict("location"));
  // One document naming two countries (a trip with two legs) is no conflict.
  c.mention.doc = "a";
  events = MergeMentions({a, b, c});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].has_conflict("location"));
}

}  // namespace
}  // namespace dateline
