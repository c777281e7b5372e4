#include "actors/knowledge_base.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace dateline {
namespace {

KbOptions FixtureOptions() {
  KbOptions o;
  o.people_path = DATELINE_SOURCE_DIR "/src/actors/testdata/people.tsv";
  return o;
}

const KnowledgeBase& Kb() {
  static const KnowledgeBase* kb = [] {
    auto r = KnowledgeBase::Load(FixtureOptions());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value().release() : nullptr;
  }();
  return *kb;
}

TEST(KnowledgeBaseTest, LoadsEveryIsoCountryAndTheProjectTables) {
  const KbStats s = Kb().stats();
  EXPECT_GE(s.countries, 240u);  // iso-codes ships 249
  EXPECT_GE(s.orgs, 40u);
  EXPECT_EQ(s.people, 15u);
  EXPECT_GE(s.roles, 100u);
  ASSERT_GE(Kb().CountryIndex("UKR"), 0);
  EXPECT_EQ(Kb().countries()[Kb().CountryIndex("UKR")].name, "Ukraine");
  EXPECT_EQ(Kb().countries()[Kb().CountryIndex("DEU")].leader, "chancellor");
  ASSERT_GE(Kb().OrgIndex("NATO"), 0);
  EXPECT_EQ(Kb().orgs()[Kb().OrgIndex("NATO")].code, "IGOWSTNAT");
  EXPECT_EQ(Kb().OrgIndex("Arab League"), Kb().OrgIndex("ARL"));  // people.tsv names orgs by name
}

TEST(KnowledgeBaseTest, PhraseIndexFindsNamesDemonymsSeatsAndRoles) {
  struct Case {
    const char* key;
    KbEntry::Kind kind;
  } cases[] = {
      {"russia", KbEntry::kCountry},       {"russian federation", KbEntry::kCountry},
      {"emirati", KbEntry::kAdjective},    {"kiev", KbEntry::kCapital},
      {"kremlin", KbEntry::kSeat},         {"white house", KbEntry::kSeat},
      {"nato", KbEntry::kOrg},             {"hezbollah", KbEntry::kOrg},
      {"zelenskiy", KbEntry::kSurname},    {"volodymyr zelenskyy", KbEntry::kPerson},
      {"defence minister", KbEntry::kRole}, {"spokesman", KbEntry::kRole},
  };
  for (const auto& c : cases) {
    const auto* es = Kb().Find(c.key);
    ASSERT_NE(es, nullptr) << c.key;
    bool found = false;
    for (const auto& e : *es) found |= e.kind == c.kind;
    EXPECT_TRUE(found) << c.key;
  }
  EXPECT_TRUE(Kb().HasPrefix("united st"));
  EXPECT_FALSE(Kb().HasPrefix("qqq"));
  EXPECT_EQ(Kb().Find("the west"), nullptr);  // stored as "west", only after "the"
}

TEST(KnowledgeBaseTest, OfficeHolderDependsOnTheDate) {
  auto who = [](const char* holder, const char* office, Date d) {
    const int t = Kb().OfficeHolder(holder, office, d);
    return t < 0 ? std::string("-") : Kb().people()[t].id;
  };
  EXPECT_EQ(who("USA", "president", Date::Day(2019, 6, 1)), "donald-trump");
  EXPECT_EQ(who("USA", "president", Date::Day(2022, 2, 4)), "joe-biden");
  EXPECT_EQ(who("USA", "president", Date::Day(2021, 1, 20)), "joe-biden");  // inauguration day: successor
  EXPECT_EQ(who("DEU", "leader", Date::Day(2020, 3, 1)), "angela-merkel");
  EXPECT_EQ(who("DEU", "leader", Date::Day(2022, 3, 1)), "olaf-scholz");
  EXPECT_EQ(who("NATO", "secretary_general", Date::Day(2022, 3, 1)), "jens-stoltenberg");
  EXPECT_EQ(who("RUS", "prime_minister", Date::Day(2022, 3, 1)), "-");  // not in the fixture
  EXPECT_EQ(who("UKR", "president", Date::Month(2016, 5)), "petro-poroshenko");
}

TEST(KnowledgeBaseTest, BestTenurePrefersTheOneValidAtTheDate) {
  const int t = Kb().BestTenure("vladimir-putin", Date::Day(2010, 1, 1));
  ASSERT_GE(t, 0);
  EXPECT_EQ(Kb().people()[t].office, "prime_minister");
  const int u = Kb().BestTenure("donald-trump", Date::Day(2023, 1, 1));  // after office: the last tenure
  ASSERT_GE(u, 0);
  EXPECT_FALSE(Kb().people()[u].ValidAt(Date::Day(2023, 1, 1)));
}

TEST(KnowledgeBaseTest, MalformedPeopleFileNamesFileAndLine) {
  const std::string path = testing::TempDir() + "/bad_people.tsv";
  {
    std::ofstream out(path);
    out << "person_id\tname\taliases\tcountry\torg\toffice\trole\tstart\tend\n"
        << "x-y\tX Y\t\tFRA\t\tpresident\tGOV\t2022-02-30\t\n";
  }
  KbOptions o;
  o.people_path = path;
  auto r = KnowledgeBase::Load(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad_people.tsv:2"), std::string::npos) << r.status().ToString();
  std::remove(path.c_str());
}

TEST(KnowledgeBaseTest, MissingDataDirectoryIsNotFound) {
  KbOptions o;
  o.data_dir = "/nonexistent/actors";
  auto r = KnowledgeBase::Load(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dateline
