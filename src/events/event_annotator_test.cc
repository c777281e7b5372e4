#include "events/event_annotator.h"

#include <gtest/gtest.h>

#include <set>

#include "events/test_doc.h"

namespace dateline {
namespace {

using testing::MakeDoc;
using testing::TimexSpec;
using testing::WorldActors;

const EventAnnotator& Ann() {
  static auto* a = [] {
    auto l = EventAnnotator::Load();
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return l.ok() ? std::move(l).value().release() : nullptr;
  }();
  return *a;
}

const Date kPub = Date::Day(2022, 2, 8);

std::vector<EventMention> Extract(const std::string& text, const std::vector<TimexSpec>& tx = {}) {
  Document d = MakeDoc(text, kPub, WorldActors(), tx);
  EXPECT_TRUE(Ann().Annotate(&d).ok());
  return d.events;
}

std::string Show(const std::vector<EventMention>& evs) {
  std::string s;
  for (const auto& e : evs) {
    s += "[" + e.trigger + " " + e.cameo + " " + e.type + "/" + e.mode + " " + e.source.actor.country + "->" +
         e.target.actor.country + " " + EventStatusName(e.status) + " " + e.date.ToString() + " " +
         e.date_basis + " cue=" + e.modality + "] ";
  }
  return s;
}

bool Has(const std::vector<EventMention>& evs, const std::string& type, const std::string& src,
         const std::string& tgt, EventStatus st) {
  for (const auto& e : evs) {
    if (e.type == type && e.source.actor.country == src && e.target.actor.country == tgt && e.status == st) {
      return true;
    }
  }
  return false;
}

struct Case {
  const char* text;
  const char* type;
  const char* src;
  const char* tgt;
  EventStatus status;
};

// One row per trigger family: the sentence must yield this event (among possibly others).
TEST(EventTriggers, Families) {
  const Case cases[] = {
      {"Putin spoke with Macron about security.", "CONSULT", "RUS", "FRA", EventStatus::kHappened},
      {"Biden held talks with Scholz in Washington.", "CONSULT", "USA", "DEU", EventStatus::kHappened},
      {"Macron met Zelensky in Kyiv.", "CONSULT", "FRA", "UKR", EventStatus::kHappened},
      {"Scholz visited Poland last month.", "CONSULT", "DEU", "POL", EventStatus::kHappened},
      {"Biden hosted Scholz at the White House.", "CONSULT", "USA", "DEU", EventStatus::kHappened},
      {"Biden and Macron held a telephone call.", "CONSULT", "USA", "FRA", EventStatus::kHappened},
      {"Macron praised Scholz for his leadership.", "SUPPORT", "FRA", "DEU", EventStatus::kHappened},
      {"Biden reaffirmed support for Ukraine.", "SUPPORT", "USA", "UKR", EventStatus::kHappened},
      {"China signed an agreement with Russia.", "SUPPORT", "CHN", "RUS", EventStatus::kHappened},
      {"Japan urged China to show restraint.", "REQUEST", "JPN", "CHN", EventStatus::kHappened},
      {"Iran accused Israel of sabotage.", "ACCUSE", "IRN", "ISR", EventStatus::kHappened},
      {"Russia criticized Poland over the decision.", "ACCUSE", "RUS", "POL", EventStatus::kHappened},
      {"Russia rejected the proposal from Washington.", "REJECT", "RUS", "", EventStatus::kHappened},
      {"Israel threatened Iran with retaliation.", "THREATEN", "ISR", "IRN", EventStatus::kHappened},
      {"Germany sent weapons to Ukraine.", "AID", "DEU", "UKR", EventStatus::kHappened},
      {"Ukraine received 80 tons of ammunition from the United States.", "AID", "USA", "UKR",
       EventStatus::kHappened},
      {"Russia deployed troops to Belarus.", "MOBILIZE", "RUS", "", EventStatus::kHappened},
      {"Israel launched strikes on Iran.", "ASSAULT", "ISR", "IRN", EventStatus::kHappened},
      {"China imposed sanctions on Japan.", "COERCE", "CHN", "JPN", EventStatus::kHappened},
      {"Poland expelled Russian diplomats.", "SANCTION", "POL", "RUS", EventStatus::kHappened},
      // Wider families: verbal strikes, protests, crowd control, aid, sanctions, posture, requests.
      {"Israel struck militant positions in Iran.", "ASSAULT", "ISR", "IRN", EventStatus::kHappened},
      {"Russia pounded Ukraine with artillery overnight.", "ASSAULT", "RUS", "UKR", EventStatus::kHappened},
      {"Russian missiles hit Kyiv on Monday.", "ASSAULT", "RUS", "UKR", EventStatus::kHappened},
      {"Russia fired drones at Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kHappened},
      {"Russian troops captured the town of Bakhmut.", "COERCE", "RUS", "", EventStatus::kHappened},
      {"Russian police used tear gas against protesters in Moscow.", "ASSAULT", "RUS", "", EventStatus::kHappened},
      {"Germany granted Ukraine a loan of 500 million euros.", "AID", "DEU", "UKR", EventStatus::kHappened},
      {"Japan provided aid to Ukraine.", "AID", "JPN", "UKR", EventStatus::kHappened},
      {"Washington blacklisted Russian banks.", "SANCTION", "USA", "RUS", EventStatus::kHappened},
      {"China banned imports from Japan.", "SANCTION", "CHN", "JPN", EventStatus::kHappened},
      {"Poland downgraded ties with Russia.", "SANCTION", "POL", "RUS", EventStatus::kHappened},
      {"Iran test-fired a missile on Friday.", "MOBILIZE", "IRN", "", EventStatus::kHappened},
      {"China scrambled fighter jets near Japan.", "MOBILIZE", "CHN", "", EventStatus::kHappened},
      {"France pushed for a ceasefire.", "REQUEST", "FRA", "", EventStatus::kHappened},
      {"Russia and Ukraine exchanged prisoners.", "RETREAT", "RUS", "", EventStatus::kHappened},
      {"Washington lifted restrictions on Iran.", "CONCEDE", "USA", "IRN", EventStatus::kHappened},
      {"Russia reached an agreement with China.", "SUPPORT", "RUS", "CHN", EventStatus::kHappened},
      {"Poland summoned the Russian ambassador.", "ACCUSE", "POL", "RUS", EventStatus::kHappened},
      {"Washington charged Iran with fraud.", "ACCUSE", "USA", "IRN", EventStatus::kHappened},
      {"Russia spurned the proposal from Washington.", "REJECT", "RUS", "", EventStatus::kHappened},
  };
  for (const auto& c : cases) {
    auto evs = Extract(c.text);
    EXPECT_TRUE(Has(evs, c.type, c.src, c.tgt, c.status)) << c.text << "\n  got: " << Show(evs);
  }
}

// One row per status cue family.
TEST(EventStatusCues, Cues) {
  const Case cases[] = {
      {"Macron will meet Putin in Moscow.", "CONSULT", "FRA", "RUS", EventStatus::kPlanned},
      {"Scholz is set to visit Kyiv.", "CONSULT", "DEU", "UKR", EventStatus::kPlanned},
      {"Biden is expected to speak with Macron.", "CONSULT", "USA", "FRA", EventStatus::kPlanned},
      {"Scholz plans to travel to Moscow.", "CONSULT", "DEU", "RUS", EventStatus::kPlanned},
      {"The talks come ahead of Macron's visit to Moscow.", "CONSULT", "FRA", "RUS", EventStatus::kPlanned},
      {"Russia could invade Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kHypothetical},
      {"Russia may attack Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kHypothetical},
      {"If Russia invades Ukraine, sanctions will follow.", "ASSAULT", "RUS", "UKR", EventStatus::kHypothetical},
      {"Macron did not rule out visiting Russia.", "CONSULT", "FRA", "RUS", EventStatus::kHypothetical},
      {"Russia denied any plans to attack Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kDenied},
      {"Macron did not meet Putin.", "CONSULT", "FRA", "RUS", EventStatus::kDenied},
      {"Russia never attacked Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kDenied},
      {"Moscow dismissed reports that Russia had attacked Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kDenied},
      {"Moscow has denied that Russia attacked Ukraine.", "ASSAULT", "RUS", "UKR", EventStatus::kDenied},
      // Complements of refusal and failure verbs did not happen.
      {"Germany is refusing to send weapons to Ukraine.", "AID", "DEU", "UKR", EventStatus::kDenied},
      {"Germany has declined to send weapons to Ukraine.", "AID", "DEU", "UKR", EventStatus::kDenied},
      {"Germany failed to send weapons to Ukraine.", "AID", "DEU", "UKR", EventStatus::kDenied},
  };
  for (const auto& c : cases) {
    auto evs = Extract(c.text);
    EXPECT_TRUE(Has(evs, c.type, c.src, c.tgt, c.status)) << c.text << "\n  got: " << Show(evs);
  }
}

// Conditional, negated and hedged sentences never yield a happened (or planned) conflict event.
TEST(EventStatusCues, ConditionalAndNegatedYieldNoHappened) {
  const char* texts[] = {
      "Russia may produce video of fake Ukrainian attack to justify invasion: US",
      "In the event of an invasion of Ukraine, Biden vowed to respond.",
      "Washington warned that Russia could invade Ukraine any day.",
      "The United States has alleged a Russian invasion into Ukraine.",
      "Fears grow that Moscow could be preparing to invade Ukraine.",
      "Russia has denied any plans to attack Ukraine.",
      "An agreement would provide for the withdrawal of Russian troops from Ukraine.",
      "He said both countries are ready to act if an invasion occurs.",
      "Russia did not attack Ukraine.",
      // Purpose clauses state an aim, not an event.
      "Russia massed troops in order to attack Ukraine.",
      "Macron travelled to Moscow to help de-escalate tensions and to help end the conflict.",
      "Russia is seeking to withdraw troops from Belarus.",
  };
  for (const char* t : texts) {
    for (const auto& e : Extract(t)) {
      if (e.type == "ASSAULT" || e.type == "RETREAT" || e.type == "SANCTION") {
        EXPECT_NE(e.status, EventStatus::kHappened) << t << "\n  got: " << Show(std::vector<EventMention>{e});
        EXPECT_NE(e.status, EventStatus::kPlanned) << t << "\n  got: " << Show(std::vector<EventMention>{e});
      }
    }
  }
}

TEST(EventRoles, Constructions) {
  const Case cases[] = {
      // "with X"
      {"Putin held a phone call with Macron.", "CONSULT", "RUS", "FRA", EventStatus::kHappened},
      // "between X and Y"
      {"The call between Biden and Macron lasted an hour.", "CONSULT", "USA", "FRA", EventStatus::kHappened},
      // passive "was received from X"
      {"Ammunition was received from Germany by Ukraine.", "AID", "DEU", "", EventStatus::kHappened},
      // landed in Kyiv: the place is the target
      {"A plane carrying weapons from Washington landed in Kyiv.", "AID", "USA", "UKR", EventStatus::kHappened},
      // X's visit to Y
      {"Macron's visit to Moscow was long.", "CONSULT", "FRA", "RUS", EventStatus::kHappened},
      // compound actors split
      {"Biden and Scholz met Zelensky.", "CONSULT", "DEU", "UKR", EventStatus::kHappened},
      {"Biden and Scholz met Zelensky.", "CONSULT", "USA", "UKR", EventStatus::kHappened},
      // hyphenated pair before a noun trigger
      {"The Biden-Macron call covered Ukraine.", "CONSULT", "USA", "FRA", EventStatus::kHappened},
  };
  for (const auto& c : cases) {
    auto evs = Extract(c.text);
    EXPECT_TRUE(Has(evs, c.type, c.src, c.tgt, c.status)) << c.text << "\n  got: " << Show(evs);
  }
}

TEST(EventRoles, BothLeadersTakeThePairFromContext) {
  auto evs = Extract("Biden spoke with Macron on Monday.\nBoth leaders affirmed their support for Ukraine.",
                 {{"on Monday", Date::Day(2022, 2, 7)}});
  EXPECT_TRUE(Has(evs, "SUPPORT", "USA", "UKR", EventStatus::kHappened)) << Show(evs);
  EXPECT_TRUE(Has(evs, "SUPPORT", "FRA", "UKR", EventStatus::kHappened)) << Show(evs);
}

TEST(EventRoles, NoActorNoEvent) {
  EXPECT_TRUE(Extract("The talks lasted five hours.").empty());
  EXPECT_TRUE(Extract("Officials met on Tuesday.").empty());
}

TEST(EventDates, AttachedTimexDatesTheEvent) {
  auto evs = Extract("Before 3 February, Putin and Macron held phone calls on 28 and 31 January.",
                 {{"3 February", Date::Day(2022, 2, 3)}, {"28", Date::Day(2022, 1, 28)},
                  {"31 January", Date::Day(2022, 1, 31)}});
  std::set<std::string> dates;
  for (const auto& e : evs) {
    if (e.type == "CONSULT") dates.insert(e.date.ToString());
  }
  EXPECT_EQ(dates, (std::set<std::string>{"2022-01-28", "2022-01-31"})) << Show(evs);
}

TEST(EventDates, RangeDistributesOverPlaces) {
  auto evs = Extract("Scholz will travel to Kyiv and Moscow on February 14-15.",
                 {{"February 14", Date::Day(2022, 2, 14)}, {"15", Date::Day(2022, 2, 15)}});
  bool kyiv = false, moscow = false;
  for (const auto& e : evs) {
    kyiv |= e.target.actor.country == "UKR" && e.date == Date::Day(2022, 2, 14) && e.status == EventStatus::kPlanned;
    moscow |= e.target.actor.country == "RUS" && e.date == Date::Day(2022, 2, 15) && e.status == EventStatus::kPlanned;
  }
  EXPECT_TRUE(kyiv && moscow) << Show(evs);
}

TEST(EventDates, NoTimexFallsBackToContextThenPublication) {
  auto evs = Extract("Macron met Putin on Monday.\nPutin also criticized Poland.",
                 {{"on Monday", Date::Day(2022, 2, 7)}});
  ASSERT_GE(evs.size(), 2u) << Show(evs);
  EXPECT_EQ(evs.back().date, Date::Day(2022, 2, 7));
  EXPECT_EQ(evs.back().date_basis, "context");
  auto one = Extract("Japan criticized China.");
  ASSERT_EQ(one.size(), 1u) << Show(one);
  EXPECT_EQ(one[0].date, kPub);
  EXPECT_EQ(one[0].date_basis, "publication");
}

TEST(EventDates, FutureDateIsPlanned) {
  auto evs = Extract("Scholz visits Kyiv on February 14.", {{"on February 14", Date::Day(2022, 2, 14)}});
  EXPECT_TRUE(Has(evs, "CONSULT", "DEU", "UKR", EventStatus::kPlanned)) << Show(evs);
}

TEST(EventCoding, ModesAndCodes) {
  auto phone = Extract("Biden spoke by phone with Macron.");
  ASSERT_FALSE(phone.empty());
  EXPECT_EQ(phone[0].cameo, "041");
  EXPECT_EQ(phone[0].mode, "phone");
  EXPECT_EQ(phone[0].quad_class, 1);
  auto visit = Extract("Macron held talks with Putin in Moscow.");
  ASSERT_FALSE(visit.empty());
  EXPECT_EQ(visit[0].cameo, "042") << Show(visit);
  EXPECT_EQ(visit[0].mode, "visit");
  auto aid = Extract("Germany delivered ammunition to Ukraine.");
  ASSERT_FALSE(aid.empty());
  EXPECT_EQ(aid[0].mode, "military");
  EXPECT_DOUBLE_EQ(aid[0].goldstein, 8.3);
}

TEST(EventAttribution, SpeakerIsKept) {
  auto evs = Extract("The Kremlin said that Putin spoke with Macron.");
  ASSERT_FALSE(evs.empty());
  EXPECT_EQ(evs[0].attribution, "The Kremlin");
  EXPECT_EQ(evs[0].source.actor.country, "RUS");
  auto acc = Extract("According to Washington, Putin met Macron.");
  ASSERT_FALSE(acc.empty());
  EXPECT_EQ(acc[0].attribution, "Washington");
}

TEST(EventDerived, WarningThatYCouldAttackIsAnAccusation) {
  auto evs = Extract("Washington warned that Russia could invade Ukraine.");
  EXPECT_TRUE(Has(evs, "ACCUSE", "USA", "RUS", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "ASSAULT", "RUS", "UKR", EventStatus::kHappened)) << Show(evs);
}

TEST(EventAnnotator, EmptyAndUnsegmentedDocuments) {
  Document d;
  EXPECT_TRUE(Ann().Annotate(&d).ok());
  EXPECT_TRUE(d.events.empty());
  d.text = "Putin met Macron.";
  EXPECT_TRUE(Ann().Annotate(&d).ok());
  EXPECT_TRUE(d.events.empty());
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventRoles, AppositionIsNotAList) {
  // "Poland, Biden said" must not make Poland a co-source of the call.
  auto evs = Extract("The leader of Japan, Biden, spoke with Macron.");
  for (const auto& e : evs) EXPECT_NE(e.source.actor.country, "JPN") << Show(evs);
  auto list = Extract("Poland, Germany and Japan criticized China.");
  EXPECT_TRUE(Has(list, "ACCUSE", "POL", "CHN", EventStatus::kHappened)) << Show(list);
  EXPECT_TRUE(Has(list, "ACCUSE", "JPN", "CHN", EventStatus::kHappened)) << Show(list);
}

TEST(EventRoles, TheLatterIsTheLastNamedActor) {
  auto evs = Extract("Biden spoke with Macron after the latter's meeting with Putin.");
  EXPECT_TRUE(Has(evs, "CONSULT", "FRA", "RUS", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "CONSULT", "USA", "RUS", EventStatus::kHappened)) << Show(evs);
}

TEST(EventRoles, FrontedPhraseTakesTheFollowingSubject) {
  auto evs = Extract("In a meeting with Macron, Putin criticized Poland.");
  EXPECT_TRUE(Has(evs, "CONSULT", "RUS", "FRA", EventStatus::kHappened)) << Show(evs);
}

TEST(EventRoles, NoSourceNoEvent) {
  // A target alone ("… was attacked") does not say who did it.
  for (const auto& e : Extract("Ukraine was attacked.")) EXPECT_TRUE(e.source.present()) << Show(std::vector<EventMention>{e});
}

TEST(EventDerived, WishesAreNotAccusations) {
  auto evs = Extract("Washington wants Russia to attack Japan.");
  EXPECT_FALSE(Has(evs, "ACCUSE", "USA", "RUS", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "ASSAULT", "RUS", "JPN", EventStatus::kHappened)) << Show(evs);
}

TEST(EventCoding, ModifierParticipleIsNoLightVerb) {
  auto evs = Extract("Biden spoke with Macron about Russia's continued military build-up near Ukraine.");
  for (const auto& e : evs) {
    if (e.type == "MOBILIZE") EXPECT_EQ(e.source.actor.country, "RUS") << Show(evs);
  }
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventRoles, PlaceBeforeVisitNounIsTheDestination) {
  auto evs = Extract("Macron said his Moscow trip was useful.");
  EXPECT_TRUE(Has(evs, "CONSULT", "FRA", "RUS", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "CONSULT", "RUS", "FRA", EventStatus::kHappened)) << Show(evs);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventCoding, PersonAttackingPersonInWordsIsCriticism) {
  auto evs = Extract("Biden attacked Macron over the plan.");
  EXPECT_TRUE(Has(evs, "ACCUSE", "USA", "FRA", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "ASSAULT", "USA", "FRA", EventStatus::kHappened)) << Show(evs);
  auto war = Extract("Russia attacked Ukraine.");
  EXPECT_TRUE(Has(war, "ASSAULT", "RUS", "UKR", EventStatus::kHappened)) << Show(war);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventRoles, TopicOfTalkIsNotReported) {
  // The meetings are only what the call was about: not dated by this sentence, not coded from it.
  auto evs = Extract("Biden spoke with Macron on Monday about Macron's meetings with Putin.",
                     {{"on Monday", Date::Day(2022, 2, 7)}});
  EXPECT_TRUE(Has(evs, "CONSULT", "USA", "FRA", EventStatus::kHappened)) << Show(evs);
  EXPECT_FALSE(Has(evs, "CONSULT", "FRA", "RUS", EventStatus::kHappened)) << Show(evs);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventRoles, ConditionalThreatTargetsTheWouldBeAttacker) {
  auto evs = Extract("Biden warned against Russian aggression.\nIn the event of an attack on Poland, Biden vowed to halt the pipeline.");
  EXPECT_TRUE(Has(evs, "THREATEN", "USA", "RUS", EventStatus::kHappened)) << Show(evs);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(EventStatusCues, UndatedPlanToldInThePastIsNotAhead) {
  // The plan is background to the call: no longer ahead, its date unknown.
  auto evs = Extract("Biden and Macron spoke before the French President was set to travel to Moscow.");
  for (const auto& e : evs) EXPECT_NE(e.status, EventStatus::kPlanned) << Show(evs);
  // A plan in the present stays ahead.
  evs = Extract("Macron is set to travel to Moscow.");
  EXPECT_TRUE(Has(evs, "CONSULT", "FRA", "RUS", EventStatus::kPlanned)) << Show(evs);
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// Ambiguous verbs of the wider lexicon need their context: no conflict event from ordinary business news.
TEST(EventTriggers, AmbiguousVerbsNeedContext) {
  const Case cases[] = {
      {"Japan hit a record trade surplus with China.", "ASSAULT", "JPN", "CHN", EventStatus::kHappened},
      {"China struck a deal with Japan.", "ASSAULT", "CHN", "JPN", EventStatus::kHappened},
      {"Japan fired its chief negotiator with China.", "ASSAULT", "JPN", "CHN", EventStatus::kHappened},
      {"Japan captured a larger share of the market in China.", "COERCE", "JPN", "CHN", EventStatus::kHappened},
      {"Poland rallied behind Ukraine.", "PROTEST", "POL", "UKR", EventStatus::kHappened},
      {"Russia charged Poland with the task of hosting the talks.", "ACCUSE", "RUS", "POL", EventStatus::kHappened},
      {"Germany gave Ukraine a warm welcome.", "AID", "DEU", "UKR", EventStatus::kHappened},
  };
  for (const auto& c : cases) {
    auto evs = Extract(c.text);
    EXPECT_FALSE(Has(evs, c.type, c.src, c.tgt, c.status)) << c.text << "\n  got: " << Show(evs);
  }
  // "Struck a deal" is an agreement.
  EXPECT_TRUE(Has(Extract("China struck a deal with Japan."), "SUPPORT", "CHN", "JPN", EventStatus::kHappened));
}

}  // namespace
}  // namespace dateline
