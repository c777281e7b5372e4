// Event rules on short news snippets run through the whole pipeline (segment → tag → parse → ner → timex →
// actors → events): what a sentence reports as news, what it only mentions as background, and where an
// event's date comes from. The snippets are invented; each row is one general construction.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace dateline {
namespace {

const Pipeline& Pipe() {
  static Pipeline* p = [] {
    auto l = Pipeline::Load(PipelineOptions{});
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return l.ok() ? std::move(l).value().release() : nullptr;
  }();
  return *p;
}

std::vector<EventMention> Annotate(const std::string& text, Date published) {
  Document d;
  d.id = "snippet";
  d.published = published;
  d.text = text;
  EXPECT_TRUE(Pipe().Process(&d).ok());
  return d.events;
}

std::string Show(const std::vector<EventMention>& evs) {
  std::string s;
  for (const auto& e : evs) {
    s += "[" + e.trigger + " " + e.type + " " + e.source.actor.country + "->" + e.target.actor.country + " " +
         EventStatusName(e.status) + " " + e.date.ToString() + " " + e.date_basis + "] ";
  }
  return s;
}

// The first mention of this type between these countries (either order for CONSULT), or nullptr.
const EventMention* Find(const std::vector<EventMention>& evs, const std::string& type, const std::string& a,
                         const std::string& b) {
  for (const auto& e : evs) {
    if (e.type != type) continue;
    const std::string& s = e.source.actor.country;
    const std::string& t = e.target.actor.country;
    if ((s == a && t == b) || (type == "CONSULT" && s == b && t == a)) return &e;
  }
  return nullptr;
}

struct Absent {
  const char* text;
  const char* type;
  const char* src;
  const char* tgt;  // "" = any target
};

// Background, not news: none of these sentences reports a happened or planned event of this kind.
TEST(EventRules, BackgroundIsNotReported) {
  const Date pub = Date::Day(2022, 2, 8);
  const Absent cases[] = {
      // an event named as the background of another
      {"Poland voiced support for Lithuania against Belarus's military build-up near the border.", "MOBILIZE",
       "BLR", ""},
      {"The talks took place amid Russia's troop buildup near Ukraine.", "MOBILIZE", "RUS", ""},
      // a participle used as an adjective
      {"Officials said Moscow could later use the amassed troops.", "MOBILIZE", "RUS", ""},
      // a claim noun with no named holder
      {"Scholz flew to Kyiv as fears grow that Russia could invade Ukraine.", "ACCUSE", "DEU", "RUS"},
      // the topic of talk: the meetings discussed are not the speaker's
      {"Biden spoke with Macron to discuss the French leader's meetings with Putin and Zelensky.", "CONSULT",
       "USA", "RUS"},
      {"Biden spoke with Macron to discuss the French leader's meetings with Putin and Zelensky.", "CONSULT",
       "USA", "UKR"},
      // a standing position told in a relative clause
      {"Biden and Macron, who have called for restraint, spoke by phone on Monday.", "REQUEST", "USA", ""},
      // a repeated activity over a stretch of time
      {"In recent months, Poland and Lithuania have accused Belarus of pushing migrants across the border.",
       "ACCUSE", "POL", "BLR"},
      // the reason for another event
      {"Germany has come under criticism from Kyiv for refusing to send weapons to Ukraine.", "REJECT", "DEU",
       ""},
      // a clause with a subject of its own that is no actor
      {"Erdogan is expected to speak with Putin and Zelensky by phone before the ministers arrive.", "CONSULT",
       "RUS", "UKR"},
      // a participle describing a noun
      {"A convoy reached Kherson through the corridor agreed in Istanbul last week.", "AGREE", "", ""},
  };
  for (const Absent& c : cases) {
    auto evs = Annotate(c.text, pub);
    for (const auto& e : evs) {
      if (e.type != c.type || (e.status != EventStatus::kHappened && e.status != EventStatus::kPlanned)) continue;
      const bool src = !*c.src || e.source.actor.country == c.src;
      const bool tgt = !*c.tgt || e.target.actor.country == c.tgt ||
                       (e.type == "CONSULT" && e.source.actor.country == c.tgt && e.target.actor.country == c.src);
      EXPECT_FALSE(src && tgt) << c.text << "\n  " << Show(evs);
    }
  }
}

TEST(EventRules, TopicOfTalkLeavesTheTalkItself) {
  auto evs = Annotate("Biden spoke with Macron to discuss the French leader's meetings with Putin and Zelensky.",
                 Date::Day(2022, 2, 9));
  EXPECT_NE(Find(evs, "CONSULT", "USA", "FRA"), nullptr) << Show(evs);
}

TEST(EventRules, PresentPerfectTakesNoDateFromTheSentenceBefore) {
  auto evs = Annotate("Biden spoke with Scholz on Monday. The United States has accused Russia of massing troops.",
                 Date::Day(2022, 2, 10));
  const EventMention* call = Find(evs, "CONSULT", "USA", "DEU");
  ASSERT_NE(call, nullptr) << Show(evs);
  EXPECT_EQ(call->date.ToString(), "2022-02-07");
  const EventMention* acc = Find(evs, "ACCUSE", "USA", "RUS");
  ASSERT_NE(acc, nullptr) << Show(evs);
  EXPECT_EQ(acc->date_basis, "publication") << Show(evs);
}

TEST(EventRules, PastTenseTakesTheNarrativeDate) {
  auto evs = Annotate("Biden spoke with Scholz on Monday. The two leaders also discussed energy prices.",
                 Date::Day(2022, 2, 10));
  int dated = 0;
  for (const auto& e : evs) dated += e.type == "CONSULT" && e.date.ToString() == "2022-02-07";
  EXPECT_EQ(dated, 2) << Show(evs);
}

TEST(EventRules, TodayInAQuotationIsNotThePublicationDay) {
  auto evs = Annotate("\"President Biden spoke today with Chancellor Scholz of Germany,\" the White House said in a "
                 "statement.",
                 Date::Day(2022, 2, 10));
  const EventMention* call = Find(evs, "CONSULT", "USA", "DEU");
  ASSERT_NE(call, nullptr) << Show(evs);
  EXPECT_EQ(call->date_basis, "publication") << Show(evs);
}

TEST(EventRules, TodayOutsideAQuotationIsThePublicationDay) {
  auto evs = Annotate("President Biden spoke today with Chancellor Scholz of Germany.", Date::Day(2022, 2, 10));
  const EventMention* call = Find(evs, "CONSULT", "USA", "DEU");
  ASSERT_NE(call, nullptr) << Show(evs);
  EXPECT_EQ(call->date_basis, "text");
  EXPECT_EQ(call->date.ToString(), "2022-02-10");
}

TEST(EventRules, BackReferenceIsNotDatedByTheReportingVerb) {
  auto evs = Annotate("On Tuesday, Macron told reporters in Kyiv that his Moscow trip had produced results.",
                 Date::Day(2022, 2, 9));
  for (const auto& e : evs) {
    if (e.type == "CONSULT") EXPECT_NE(e.date_basis, "text") << Show(evs);
  }
}

TEST(EventRules, AfterDoingSomethingOnADayKeepsItsDate) {
  auto evs = Annotate("Macron said dialogue was his priority before meeting Putin in the Kremlin on February 7.",
                 Date::Day(2022, 2, 6));
  const EventMention* m = Find(evs, "CONSULT", "FRA", "RUS");
  ASSERT_NE(m, nullptr) << Show(evs);
  EXPECT_EQ(m->date.ToString(), "2022-02-07") << Show(evs);
  EXPECT_EQ(m->date_basis, "text");
}

TEST(EventRules, HeadlineTakesNoNarrativeDate) {
  auto evs = Annotate("Biden spoke with Scholz on Monday.\n\nRussia rejects Western claims on troop withdrawal\n\n"
                 "The Kremlin said more talks were needed.",
                 Date::Day(2022, 2, 10));
  for (const auto& e : evs) {
    if (e.type == "REJECT") EXPECT_EQ(e.date_basis, "publication") << Show(evs);
  }
}

TEST(EventRules, ProtestersAreThePeopleOfThePlace) {
  auto evs = Annotate("Thousands of demonstrators protested in Tbilisi on Sunday against a proposed law.",
                      Date::Day(2023, 5, 10));
  const EventMention* p = nullptr;
  for (const auto& e : evs) {
    if (e.type == "PROTEST") p = &e;
  }
  ASSERT_NE(p, nullptr) << Show(evs);
  EXPECT_EQ(p->source.actor.country, "GEO");
  EXPECT_EQ(p->source.actor.role, "OPP");
  EXPECT_EQ(p->date.ToString(), "2023-05-07");
}

TEST(EventRules, ACoordinatedClauseIsNotGovernedByTheFirstVerb) {
  // "called on … to show restraint" makes the restraint hypothetical, not Qatar's offer.
  auto evs = Annotate("Egypt called on both sides to show restraint, and Qatar offered to mediate between Israel "
                      "and Hamas.",
                      Date::Day(2023, 5, 10));
  bool offer = false;
  for (const auto& e : evs) {
    if (e.source.actor.country == "QAT") {
      offer = true;
      EXPECT_EQ(e.status, EventStatus::kHappened) << Show(evs);
    }
  }
  EXPECT_TRUE(offer) << Show(evs);
}

TEST(EventRules, AGovernmentProtestsInWords) {
  auto evs = Annotate("Japan protested to China on Thursday after the incident.", Date::Day(2024, 3, 15));
  const EventMention* p = Find(evs, "ACCUSE", "JPN", "CHN");
  ASSERT_NE(p, nullptr) << Show(evs);
  EXPECT_EQ(p->cameo, "114");
}

TEST(EventRules, AnExchangeOfFireGoesBothWays) {
  auto evs = Annotate("India and Pakistan exchanged fire across the border late on Tuesday.", Date::Day(2024, 3, 15));
  EXPECT_NE(Find(evs, "ASSAULT", "IND", "PAK"), nullptr) << Show(evs);
  EXPECT_NE(Find(evs, "ASSAULT", "PAK", "IND"), nullptr) << Show(evs);
}

TEST(EventRules, AReactionTargetsWhoeverDidTheEventItNames) {
  auto evs = Annotate("North Korea fired several cruise missiles into the sea on Thursday. Washington condemned the "
                      "launch.",
                      Date::Day(2024, 3, 15));
  EXPECT_NE(Find(evs, "ACCUSE", "USA", "PRK"), nullptr) << Show(evs);
  // A noun naming another kind of event does not take this one's doer.
  evs = Annotate("North Korea fired several cruise missiles into the sea on Thursday. Washington welcomed the "
                 "agreement.",
                 Date::Day(2024, 3, 15));
  for (const auto& e : evs) EXPECT_NE(e.target.actor.country, "PRK") << Show(evs);
}

TEST(EventRules, ASecondVerbSharesTheSubjectOfTheFirst) {
  auto evs = Annotate("Washington on Friday condemned North Korea's missile launch and urged Pyongyang to return to "
                      "talks.",
                      Date::Day(2024, 3, 15));
  EXPECT_NE(Find(evs, "REQUEST", "USA", "PRK"), nullptr) << Show(evs);
  for (const auto& e : evs) EXPECT_NE(e.source.actor.country, "PRK") << Show(evs);
}

TEST(EventRules, AQuantityIsNoActor) {
  auto evs = Annotate("Japan's defence ministry said none of the missiles landed in its waters.", Date::Day(2024, 3, 14));
  for (const auto& e : evs) {
    EXPECT_FALSE(e.status == EventStatus::kHappened && e.source.actor.country == "JPN") << Show(evs);
  }
}

TEST(EventRules, AnEventDaysBeforeAnotherIsNotDatedByIt) {
  auto evs = Annotate("Modi met Putin in Moscow on July 9, days after a deadly Russian missile strike on a hospital in "
                      "Kyiv.",
                      Date::Day(2024, 7, 12));
  const EventMention* strike = Find(evs, "ASSAULT", "RUS", "UKR");
  ASSERT_NE(strike, nullptr) << Show(evs);
  EXPECT_EQ(strike->date_basis, "publication") << Show(evs);
  const EventMention* met = Find(evs, "CONSULT", "IND", "RUS");
  ASSERT_NE(met, nullptr) << Show(evs);
  EXPECT_EQ(met->date.ToString(), "2024-07-09");
}

TEST(EventRules, SigningGoesBothWaysAndCriticismTargetsTheMeeting) {
  auto evs = Annotate("On Tuesday, Modi held talks with Putin in the Kremlin, and the two leaders signed agreements on "
                      "trade. Zelensky criticised the meeting.",
                      Date::Day(2024, 7, 9));
  EXPECT_NE(Find(evs, "SUPPORT", "IND", "RUS"), nullptr) << Show(evs);
  EXPECT_NE(Find(evs, "SUPPORT", "RUS", "IND"), nullptr) << Show(evs);
  bool accuse = false;
  for (const auto& e : evs) {
    accuse = accuse || (e.type == "ACCUSE" && e.source.actor.country == "UKR" &&
                        (e.target.actor.country == "IND" || e.target.actor.country == "RUS"));
  }
  EXPECT_TRUE(accuse) << Show(evs);
}

TEST(EventRules, AHeadlineInfinitiveIsAPlan) {
  auto evs = Annotate("Scholz to visit Kyiv and Moscow next week\n\nThe chancellor said the trip would focus on "
                      "diplomacy.",
                      Date::Day(2022, 2, 8));
  const EventMention* v = Find(evs, "CONSULT", "DEU", "UKR");
  ASSERT_NE(v, nullptr) << Show(evs);
  EXPECT_EQ(v->status, EventStatus::kPlanned) << Show(evs);
}

TEST(EventRules, ParticipleAfterACommaSharesTheMainSubject) {
  auto evs = Annotate("Trump lashed out at Biden on Twitter, accusing him of lying.", Date::Day(2020, 9, 3));
  for (const auto& e : evs) {
    if (e.type == "ACCUSE") EXPECT_EQ(e.source.actor.name, "Donald Trump") << Show(evs);
  }
}

TEST(EventRules, NumbersAndCiviliansAreNotStates) {
  const Date pub = Date::Day(2020, 3, 19);
  // a participle after a number describes the noun
  for (const auto& e : Annotate("Biden has won 1,217 pledged delegates so far.", pub)) {
    EXPECT_NE(e.type, "AGREE") << e.trigger;
  }
  // a woman protesting is a protest, not a government's complaint
  for (const auto& e : Annotate("An Iranian woman was arrested while protesting the dress code.", pub)) {
    EXPECT_NE(e.cameo, "114") << e.trigger;
  }
  // "you" is the reader, not the West
  for (const auto& e : Annotate("Do you find more resistance in Western countries when you criticise them?", pub)) {
    EXPECT_NE(e.type, "ACCUSE") << e.trigger;
  }
}

TEST(EventRules, AttackingAnIdeaIsCriticismAndPledgingTogetherIsNoAgreement) {
  const Date pub = Date::Day(2019, 10, 9);
  auto evs = Annotate("Trump attacked the impeachment investigation on Twitter.", pub);
  for (const auto& e : evs) EXPECT_NE(e.type, "ASSAULT") << Show(evs);
  evs = Annotate("China, Iran and Russia have pledged funds for the reconstruction of Syria.", pub);
  for (const auto& e : evs) {
    const bool among = e.target.actor.country == "CHN" || e.target.actor.country == "IRN" ||
                       e.target.actor.country == "RUS";
    EXPECT_FALSE(e.type == "AGREE" && among) << Show(evs);
  }
  // "agreed" does pair the parties.
  evs = Annotate("Russia and Turkey agreed on a ceasefire in Idlib on Thursday.", pub);
  EXPECT_NE(Find(evs, "AGREE", "RUS", "TUR"), nullptr) << Show(evs);
}

TEST(EventRules, NegationInsideALightVerbPhraseAndResistedDeny) {
  const Date pub = Date::Day(1987, 3, 5);
  auto evs = Annotate("Brazil had made no appeal for loans from the United States.", pub);
  for (const auto& e : evs) EXPECT_NE(e.status, EventStatus::kHappened) << Show(evs);
  evs = Annotate("Brazil has resisted going to the IMF for help.", pub);
  for (const auto& e : evs) EXPECT_NE(e.status, EventStatus::kHappened) << Show(evs);
}

TEST(EventRules, AParticipleBetweenCommasIsPassive) {
  auto evs = Annotate("The banker, accused by Britain of insider trading, has been suspended.", Date::Day(1987, 3, 5));
  for (const auto& e : evs) {
    if (e.type == "ACCUSE") EXPECT_EQ(e.source.actor.country, "GBR") << Show(evs);
  }
}

TEST(EventRules, AWeekDatesItsEventsByMonth) {
  // "Last week" in a 20 November 2023 article is ISO week 46 (13-19 November): the event is dated 2023-11,
  // not by the sentence before.
  auto evs = Annotate("Hamas fighters attacked Israel on October 7. Last week, Antony Blinken visited Israel and met "
                      "Benjamin Netanyahu.",
                      Date::Day(2023, 11, 20));
  const EventMention* met = Find(evs, "CONSULT", "USA", "ISR");
  ASSERT_NE(met, nullptr) << Show(evs);
  EXPECT_EQ(met->date.ToString(), "2023-11") << Show(evs);
  // A stated day next to a week wins; a week after publication is ahead.
  evs = Annotate("Scholz will continue his efforts next week, traveling to Kyiv and Moscow on February 14-15.",
                 Date::Day(2022, 2, 8));
  const EventMention* trip = Find(evs, "CONSULT", "DEU", "UKR");
  ASSERT_NE(trip, nullptr) << Show(evs);
  EXPECT_EQ(trip->date.ToString(), "2022-02-14");
  evs = Annotate("Biden will meet Scholz next week.", Date::Day(2022, 2, 8));
  const EventMention* meet = Find(evs, "CONSULT", "USA", "DEU");
  ASSERT_NE(meet, nullptr) << Show(evs);
  EXPECT_EQ(meet->status, EventStatus::kPlanned);
}

TEST(EventRules, ACountrysActivistsAreThatCountrysOpposition) {
  auto evs = Annotate("British activists staged a protest in Beijing on Wednesday.", Date::Day(2008, 8, 6));
  const EventMention* p = nullptr;
  for (const auto& e : evs) {
    if (e.type == "PROTEST") p = &e;
  }
  ASSERT_NE(p, nullptr) << Show(evs);
  EXPECT_EQ(p->source.actor.code, "GBROPP");
}

TEST(EventRules, WorkersOnStrikeDemonstrateAndAidReachesItsRecipient) {
  const Date pub = Date::Day(2023, 5, 10);
  for (const auto& e : Annotate("Spanish dockers went on strike on Monday.", pub)) {
    EXPECT_NE(e.cameo, "114") << e.trigger;
  }
  auto evs = Annotate("The United States will send a new package of military aid to Ukraine next week.", pub);
  const EventMention* aid = Find(evs, "AID", "USA", "UKR");
  ASSERT_NE(aid, nullptr) << Show(evs);
  EXPECT_EQ(aid->status, EventStatus::kPlanned);
}

TEST(EventRules, APlaceIsNeverTheSubject) {
  auto evs = Annotate("Last week, US Secretary of State Antony Blinken visited Tel Aviv and met Prime Minister Benjamin "
                      "Netanyahu.",
                      Date::Day(2023, 11, 20));
  EXPECT_NE(Find(evs, "CONSULT", "USA", "ISR"), nullptr) << Show(evs);
  int meetings = 0;
  for (const auto& e : evs) meetings += e.type == "CONSULT" && e.target.actor.name == "Benjamin Netanyahu";
  EXPECT_EQ(meetings, 1) << Show(evs);
}

struct Coded {
  const char* text;
  const char* type;
  const char* src;  // CAMEO actor codes
  const char* tgt;
};

// Each snippet yields an event of its type from its source code to its target code.
template <size_t N>
void ExpectCoded(const Coded (&cases)[N], Date pub) {
  for (const Coded& c : cases) {
    auto evs = Annotate(c.text, pub);
    bool found = false;
    for (const auto& e : evs) {
      found = found || (e.type == c.type && e.source.actor.code == c.src && e.target.actor.code == c.tgt);
    }
    std::string got;
    for (const auto& e : evs) got += e.type + " " + e.source.actor.code + "->" + e.target.actor.code + "; ";
    EXPECT_TRUE(found) << c.text << "\n  got: " << got;
  }
}

// Who did it and to whom, read from the whole sentence: agents of passives and attacks, the owner of a
// claim, an object's own country, sectors of one country, a show of force on another's ground.
TEST(EventRules, RolesAcrossTheSentence) {
  const Date pub = Date::Day(2021, 6, 14);
  const Coded cases[] = {
      // two sectors of one country are two actors
      {"Venezuelan demonstrators attacked the Venezuelan police on Tuesday.", "ASSAULT", "VENOPP", "VENCOP"},
      {"Iraqi police arrested Iraqi students in Basra on Sunday.", "COERCE", "IRQCOP", "IRQEDU"},
      // a count opening the sentence is not part of a name; the passive subject is the target
      {"Twelve Syrian soldiers were killed by Turkish forces on Sunday.", "ASSAULT", "TURMIL", "SYRMIL"},
      // a reduced passive with the attack named after it
      {"Two Iraqi civilians killed in a Turkish drone strike were buried on Sunday.", "ASSAULT", "TUR", "IRQCVL"},
      // the author of the claims reacted to
      {"Egypt condemned the accusations by Ethiopia.", "ACCUSE", "EGY", "ETH"},
      // the object's own place
      {"Russia detained the mayor of Kherson on Friday.", "COERCE", "RUS", "UKRGOV"},
      {"Police arrested the governor of Lahore on Friday.", "COERCE", "PAKCOP", "PAKGOV"},
      // welcoming a visitor to a place is hosting
      {"Indonesia's president welcomed the Japanese leader to Jakarta.", "CONSULT", "IDNGOV", "JPNGOV"},
      // a penalty's length is not a period of time
      {"A Kenyan court has jailed a Somali student for five years.", "COERCE", "KENJUD", "SOMEDU"},
      // a show of force on another country's ground
      {"Russia is holding military exercises in Belarus.", "MOBILIZE", "RUS", "BLR"},
      {"Lebanese militants launched rockets at Israel on Saturday.", "ASSAULT", "LBNREB", "ISR"},
      {"Turkey sent warships near Cyprus on Friday.", "MOBILIZE", "TUR", "CYP"},
      // the one asked does the infinitive (object control)
      {"France called on Rwanda to withdraw its soldiers from Burundi.", "RETREAT", "RWA", "BDI"},
      // a pledge of aid reaches its recipient through the aid
      {"Japan pledged 20 million dollars in humanitarian aid to Yemen.", "AGREE", "JPN", "YEM"},
      // relations between two are mutual
      {"Israel and Morocco have established diplomatic relations.", "SUPPORT", "ISR", "MAR"},
      // verbal phrases of the lexicon
      {"The United States levied sanctions against two Venezuelan officials.", "COERCE", "USA", "VENGOV"},
      {"Vietnam lodged a protest with China over the oil rig.", "ACCUSE", "VNM", "CHN"},
      {"Algeria closed its border with Morocco.", "COERCE", "DZA", "MAR"},
      // "X and the Y" is one group; a government is that of the place it sits in; a demand's target is
      // the subject of its that-clause
      {"Qatar and the United States agreed to share intelligence.", "AGREE", "QAT", "USA"},
      {"Pakistan recognised the new government in Kabul.", "SUPPORT", "PAK", "AFGGOV"},
      {"Baku demanded that Yerevan withdraw its troops.", "REQUEST", "AZE", "ARM"},
      {"Britain will train Ukrainian pilots.", "COOPERATE", "GBR", "UKR"},
      {"Iran halted talks with the European Union.", "SANCTION", "IRN", "IGOEUREEC"},
      {"Ukraine returned the bodies of 60 Russian soldiers to Russia.", "RETREAT", "UKR", "RUS"},
      // the victims of a participle after a comma are of the place the main verb hit
      {"Russian forces shelled Kharkiv overnight, killing three civilians.", "ASSAULT", "RUSMIL", "UKRCVL"},
      // a pattern's later word is never a finite verb ("launched … struck" is no "launch strike")
      {"A drone launched from Yemen struck a Saudi facility.", "ASSAULT", "YEM", "SAU"},
      // victims of a passive, and a part of a place ("in the north of") as the place
      {"Three children were killed in Russian shelling in the north of Kharkiv on Sunday.", "ASSAULT", "RUS",
       "UKRCVL"},
      // quotes and an adjective before the object of a reaction
      {"Serbia condemned as `` unfounded '' the accusations by Croatia.", "ACCUSE", "SRB", "HRV"},
      {"Poland presented evidence against Belarus on Monday.", "ACCUSE", "POL", "BLR"},
      // a name modifying the object comes before places inside it; strikes on targets are air strikes
      {"Somali pirates attacked an Indian tanker in the Gulf of Aden.", "ASSAULT", "SOM", "IND"},
      {"France carried out strikes against rebel positions in Mali.", "ASSAULT", "FRA", "MLI"},
  };
  ExpectCoded(cases, pub);
  // "there were N soldiers killed": the soldiers are the victims, never the attackers
  for (const auto& e : Annotate("There were seven Israeli soldiers killed in Gaza on Monday.", pub)) {
    EXPECT_NE(e.source.actor.country, "ISR") << Show({e});
  }
}

// What becomes of a reported event: put off is still ahead, called off never happened, and a denial of the
// reports outranks the modal inside them.
TEST(EventRules, PutOffCalledOffAndDeniedReports) {
  const Date pub = Date::Day(2021, 6, 14);
  struct Case {
    const char* text;
    const char* src;
    const char* tgt;
    EventStatus status;
  };
  const Case cases[] = {
      {"Macron's visit to Algiers was postponed.", "FRA", "DZA", EventStatus::kPlanned},
      {"Scholz cancelled his trip to Brazil.", "DEU", "BRA", EventStatus::kDenied},
      {"The talks between Serbia and Kosovo were called off.", "SRB", "XKX", EventStatus::kDenied},
      {"Beijing dismissed reports that Xi would meet Biden in Bali.", "CHN", "USA", EventStatus::kDenied},
  };
  for (const Case& c : cases) {
    auto evs = Annotate(c.text, pub);
    const EventMention* e = Find(evs, "CONSULT", c.src, c.tgt);
    ASSERT_NE(e, nullptr) << c.text << " " << Show(evs);
    EXPECT_EQ(e->status, c.status) << c.text << " " << Show(evs);
  }
}

// Unnamed groups: the police, courts, soldiers and crowds of a place are that country's sectors; armed men
// nobody names are CAMEO's unidentified forces (UAF); an arrest with no agent named is the doing of the
// place's police. A military's victims are not given the military's own country.
TEST(EventRules, UnnamedGroupsBelongToThePlace) {
  const Date pub = Date::Day(2023, 5, 10);
  const Coded cases[] = {
      {"Riot police in Nairobi fired tear gas at opposition supporters.", "ASSAULT", "KENCOP", "KENOPP"},
      {"Soldiers killed twelve villagers in Burkina Faso.", "ASSAULT", "BFAMIL", "BFACVL"},
      {"Gunmen kidnapped 30 passengers in Cameroon.", "ASSAULT", "CMRUAF", "CMRCVL"},
      {"Alexei Navalny was arrested in Moscow on Sunday.", "COERCE", "RUSCOP", "RUSOPP"},
      {"A court in Tehran sentenced two journalists to prison.", "COERCE", "IRNJUD", "IRNMED"},
  };
  ExpectCoded(cases, pub);
  for (const auto& e : Annotate("Armenian troops killed four soldiers.", pub)) {
    EXPECT_NE(e.target.actor.code, "ARMMIL") << Show({e});
  }
}

// A story told over several sentences: a pronoun subject, shared through "and", is its referent; an accepted
// invitation is a plan; the place of a topic of talk is not where the talk was.
TEST(EventRules, PronounsInvitationsAndTopics) {
  const Date pub = Date::Day(2023, 4, 16);
  auto evs = Annotate("Spanish Prime Minister Pedro Sanchez arrived in Beijing on Thursday. He met Xi Jinping on Friday "
                      "and signed a trade agreement. The two leaders also discussed the war in Ukraine. Xi accepted "
                      "an invitation to visit Spain.",
                      pub);
  bool signed_by_spain = false, talk_mode_third = false, visit_planned = false;
  for (const auto& e : evs) {
    if (e.cameo == "057") signed_by_spain = signed_by_spain || e.source.actor.country == "ESP";
    if (e.trigger == "discussed") talk_mode_third = e.mode == "third-party";
    if (e.type == "CONSULT" && e.source.actor.country == "CHN" && e.target.actor.country == "ESP") {
      visit_planned = e.status == EventStatus::kPlanned;
    }
  }
  EXPECT_TRUE(signed_by_spain) << Show(evs);
  EXPECT_FALSE(talk_mode_third) << Show(evs);
  EXPECT_TRUE(visit_planned) << Show(evs);
}

// Headlines write "and" as a comma; a crowd that fights the police riots; blocking a bid rejects it.
TEST(EventRules, HeadlinesCrowdsAndBlockedBids) {
  const Date pub = Date::Day(2023, 5, 10);
  auto evs = Annotate("India, Japan stage joint naval drills off Goa\n\nThe drills began on Monday.", pub);
  EXPECT_NE(Find(evs, "MOBILIZE", "IND", ""), nullptr) << Show(evs);
  EXPECT_NE(Find(evs, "MOBILIZE", "JPN", ""), nullptr) << Show(evs);
  evs = Annotate("Students clashed with police in Santiago on Tuesday.", pub);
  const EventMention* riot = Find(evs, "PROTEST", "CHL", "CHL");
  ASSERT_NE(riot, nullptr) << Show(evs);
  EXPECT_EQ(riot->cameo, "145");
  evs = Annotate("Hungary blocked Ukraine's membership bid on Thursday.", pub);
  EXPECT_NE(Find(evs, "REJECT", "HUN", "UKR"), nullptr) << Show(evs);
}

// Words that look like events but are not these ones: calling something a name, agreeing with a remark, the
// media that report an attack, the critics of a leader, and a date after a gap that is no particle.
TEST(EventRules, NamingAgreeingReportingAndCritics) {
  const Date pub = Date::Day(2022, 3, 14);
  for (const auto& e : Annotate("Scholz called Putin's decision \"a grave mistake.\"", pub)) {
    EXPECT_NE(e.type, "CONSULT") << Show({e});
  }
  for (const auto& e : Annotate("Minister Lavrov agreed, saying the plan could not work.", pub)) {
    EXPECT_NE(e.type, "AGREE") << Show({e});
  }
  for (const auto& e : Annotate("Reuters reported an attack on a convoy in Kandahar.", pub)) {
    EXPECT_NE(e.source.actor.role, "MED") << Show({e});
  }
  for (const auto& e : Annotate("Erdogan wants a new constitution, and his critics accuse him of authoritarianism.", pub)) {
    EXPECT_FALSE(e.type == "ACCUSE" && e.source.actor.country == "TUR" && e.target.actor.country.empty())
        << Show({e});
  }
  auto evs = Annotate("Macron refused to comment and praised Scholz.", pub);
  const EventMention* praise = Find(evs, "SUPPORT", "FRA", "DEU");
  ASSERT_NE(praise, nullptr) << Show(evs);
  EXPECT_EQ(praise->status, EventStatus::kHappened);
  for (const auto& e : Annotate("The broadcaster called the race for Lula.", pub)) {
    EXPECT_NE(e.type, "REQUEST") << Show({e});
  }
  for (const auto& e : Annotate("The call was quickly seconded by Chancellor Scholz and President Macron.", pub)) {
    EXPECT_NE(e.type, "CONSULT") << Show({e});
  }
  evs = Annotate("Macron called Putin on Monday.", pub);
  EXPECT_NE(Find(evs, "CONSULT", "FRA", "RUS"), nullptr) << Show(evs);
  EXPECT_EQ(Find(evs, "REQUEST", "FRA", "RUS"), nullptr) << Show(evs);
}

// A date inside an infinitive after the trigger dates that infinitive ("to build the pipeline by 2027"),
// not the trigger.
TEST(EventRules, AnInfinitivesDateIsItsOwn) {
  auto evs = Annotate("On Tuesday, Italy and Algeria signed an agreement to build a gas pipeline by 2027.",
                      Date::Day(2023, 1, 26));
  const EventMention* sign = Find(evs, "SUPPORT", "ITA", "DZA");
  if (!sign) sign = Find(evs, "SUPPORT", "DZA", "ITA");
  ASSERT_NE(sign, nullptr) << Show(evs);
  EXPECT_EQ(sign->date.ToString(), "2023-01-24") << Show(evs);
}

// An attack named after "killed in a …" happened; it is no feared one.
TEST(EventRules, AnAttackThatKilledHappened) {
  auto evs = Annotate("Two Turkish soldiers were killed in a PKK attack in northern Iraq.", Date::Day(2023, 5, 10));
  for (const auto& e : evs) {
    if (e.type == "ASSAULT") EXPECT_EQ(e.status, EventStatus::kHappened) << Show({e});
  }
}

// Threats and demands: the condition is the threat's content, so the threat happened; the threatened
// action's target is the threat's; an ultimatum given to someone targets them and makes what it asks for
// hypothetical.
TEST(EventRules, ThreatsAndUltimatums) {
  const Date pub = Date::Day(2023, 5, 10);
  auto evs = Annotate("The European Union threatened to impose tariffs on China if it subsidises its carmakers.", pub);
  const EventMention* threat = Find(evs, "THREATEN", "", "");
  for (const auto& e : evs) {
    if (e.type == "THREATEN") threat = &e;
  }
  ASSERT_NE(threat, nullptr) << Show(evs);
  EXPECT_EQ(threat->status, EventStatus::kHappened) << Show(evs);
  EXPECT_EQ(threat->target.actor.country, "CHN") << Show(evs);
  evs = Annotate("Moscow warned Sweden against joining NATO.", pub);
  EXPECT_NE(Find(evs, "THREATEN", "RUS", "SWE"), nullptr) << Show(evs);
  evs = Annotate("Washington gave Caracas an ultimatum to release the prisoners.", pub);
  EXPECT_NE(Find(evs, "THREATEN", "USA", "VEN"), nullptr) << Show(evs);
}

// Fronted phrases: the one who took part in a meeting named before the comma is named after it; a date in a
// fronted phrase with an event of its own is that event's; "X and Y both" is no pair anaphor; a
// participle before a demonym is an adjective; a mediator is neither side.
TEST(EventRules, FrontedPhrasesAndMediators) {
  const Date pub = Date::Day(2023, 5, 10);
  auto evs = Annotate("Following the meeting with Erdogan, Putin flew back to Moscow.", pub);
  EXPECT_NE(Find(evs, "CONSULT", "RUS", "TUR"), nullptr) << Show(evs);
  evs = Annotate("Ahead of Blinken's visit to Beijing next week, China released two detained Canadians.", pub);
  bool release_happened = false, arrest = false;
  for (const auto& e : evs) {
    if (e.type == "RETREAT" && e.source.actor.country == "CHN") release_happened = e.status == EventStatus::kHappened;
    arrest = arrest || e.type == "COERCE";
  }
  EXPECT_TRUE(release_happened) << Show(evs);
  EXPECT_FALSE(arrest) << Show(evs);
  evs = Annotate("Chile and Peru both backed Bolivia.", pub);
  EXPECT_NE(Find(evs, "SUPPORT", "CHL", "BOL"), nullptr) << Show(evs);
  EXPECT_NE(Find(evs, "SUPPORT", "PER", "BOL"), nullptr) << Show(evs);
  evs = Annotate("The United States helped to normalize relations between Morocco and Israel.", pub);
  EXPECT_NE(Find(evs, "SUPPORT", "MAR", "ISR"), nullptr) << Show(evs);
  evs = Annotate("Norway brokered a deal between Colombia and Venezuela.", pub);
  EXPECT_NE(Find(evs, "CONSULT", "NOR", "COL"), nullptr) << Show(evs);
  EXPECT_NE(Find(evs, "CONSULT", "NOR", "VEN"), nullptr) << Show(evs);
}

// A speech act in the passive with no speaker named has no source ("people who had been accused of crimes
// from Hong Kong" names no accuser); a bill that "would have allowed" something makes it hypothetical.
TEST(EventRules, UnspokenAccusationsAndWouldBeBills) {
  const Date pub = Date::Day(2019, 6, 20);
  auto evs = Annotate("Protesters oppose a bill that would allow the Chinese government to extradite people who had been "
                      "accused of crimes from Hong Kong.",
                      pub);
  for (const auto& e : evs) {
    EXPECT_NE(e.type, "ACCUSE") << Show({e});
    if (e.type == "COOPERATE") EXPECT_EQ(e.status, EventStatus::kHypothetical) << Show({e});
  }
}

// Crowds: a count is the crowd only when no other word names it; "marched in Belgrade" is where, not
// against whom; the government a crowd rallies against is the place's.
TEST(EventRules, CrowdsMarchInAPlaceAgainstItsGovernment) {
  const Date pub = Date::Day(2024, 2, 14);
  auto evs = Annotate("Thousands of students marched in Belgrade on Sunday.", pub);
  const EventMention* march = Find(evs, "PROTEST", "SRB", "");
  ASSERT_NE(march, nullptr) << Show(evs);
  EXPECT_EQ(march->source.actor.code, "SRBEDU");
  evs = Annotate("Tens of thousands rallied in Tbilisi on Saturday against the government.", pub);
  const EventMention* rally = Find(evs, "PROTEST", "GEO", "GEO");
  ASSERT_NE(rally, nullptr) << Show(evs);
  EXPECT_EQ(rally->target.actor.code, "GEOGOV");
  evs = Annotate("The Pentagon said US forces had shot down three drones fired from Yemen.", pub);
  EXPECT_NE(Find(evs, "ASSAULT", "YEM", "USA"), nullptr) << Show(evs);
}

// One meeting of two is one event whichever side a list names first; "the most pledged delegates" are
// delegates, not a pledge.
TEST(EventRules, OneMeetingOnePairAndParticiplesAsAdjectives) {
  const Date pub = Date::Day(2020, 1, 8);
  auto evs = Annotate("Egypt's foreign minister and his Greek and French counterparts, Nikos Dendias and Jean-Yves Le "
                      "Drian, gathered in Cairo to discuss the crisis.",
                      pub);
  int grc_fra = 0;
  for (const auto& e : evs) {
    const std::string a = e.source.actor.country, b = e.target.actor.country;
    grc_fra += e.trigger == "discuss" && ((a == "GRC" && b == "FRA") || (a == "FRA" && b == "GRC"));
  }
  EXPECT_LE(grc_fra, 1) << Show(evs);
  for (const auto& e : Annotate("Senator Sanders had the most pledged delegates.", pub)) {
    EXPECT_NE(e.type, "AGREE") << Show({e});
  }
}

}  // namespace
}  // namespace dateline
