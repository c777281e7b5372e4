#include "timeline/timeline.h"

#include <gtest/gtest.h>

#include "merge/merge.h"

namespace dateline {
namespace {

MentionRecord M(const std::string& doc, const std::string& type, const Actor& src, const Actor& tgt, Date date,
                EventStatus status, const std::string& text, int quad = 1) {
  MentionRecord r;
  r.mention.doc = doc;
  r.mention.sentence = 0;
  r.mention.type = type;
  r.mention.quad_class = quad;
  r.mention.source.actor = src;
  r.mention.target.actor = tgt;
  r.mention.date = date;
  r.mention.date_basis = "text";
  r.mention.date_text = "on Monday";
  r.mention.status = status;
  r.sentence_text = text;
  r.outlet = "example.org";
  r.published = Date::Day(2022, 2, 9);
  return r;
}

const Actor kScholz{"person:olaf-scholz", "Olaf Scholz", "DEU", "DEUGOV", "GOV"};
const Actor kBiden{"person:joe-biden", "Joe Biden", "USA", "USAGOV", "GOV"};
const Actor kRussia{"country:RUS", "Russia", "RUS", "RUS", ""};

std::vector<Event> Story() {
  return MergeMentions({
      M("a", "CONSULT", kScholz, kBiden, Date::Day(2022, 2, 7), EventStatus::kHappened,
        "The chancellor met the president at the White House on Monday."),
      M("b", "CONSULT", kBiden, kScholz, Date::Day(2022, 2, 8), EventStatus::kHappened,
        "Their meeting on 8 February focused on energy.\nIt lasted two hours."),
      M("a", "THREATEN", kBiden, kRussia, Date::Day(2022, 2, 7), EventStatus::kHappened,
        "The president warned Moscow of <severe> costs.", 3),
      M("a", "CONSULT", kScholz, kRussia, Date::Day(2022, 2, 15), EventStatus::kPlanned,
        "The chancellor will travel to Moscow next week."),
      M("a", "ASSAULT", kRussia, Actor{"country:UKR", "Ukraine", "UKR", "UKR", ""}, Date{},
        EventStatus::kHypothetical, "An attack could come at any time.", 4),
  });
}

TEST(TimelineTest, DaysAheadConflictsAndHypotheticalsLeftOut) {
  const auto events = Story();
  Timeline t = BuildTimeline(events);
  ASSERT_EQ(t.days.size(), 1u);  // the 7/8 February meeting is one event with a date conflict
  EXPECT_EQ(t.days[0].date, Date::Day(2022, 2, 7));
  ASSERT_EQ(t.days[0].entries.size(), 2u);
  ASSERT_EQ(t.ahead.size(), 1u);
  EXPECT_EQ(t.ahead[0].event->date, Date::Day(2022, 2, 15));
  EXPECT_EQ(t.hypothetical, 1u);
  const std::string md = RenderTimelineMarkdown(t);
  EXPECT_NE(md.find("## 2022-02-07 (Monday)"), std::string::npos) << md;
  EXPECT_NE(md.find("## Ahead"), std::string::npos);
  EXPECT_NE(md.find("Conflicting reports"), std::string::npos);
  EXPECT_NE(md.find("date: 2022-02-07 (a) vs 2022-02-08 (b)"), std::string::npos) << md;
  EXPECT_EQ(md.find("attack could come"), std::string::npos);
}

TEST(TimelineTest, ActorAndWindowFilters) {
  const auto events = Story();
  TimelineOptions o;
  o.actor = "biden";
  Timeline t = BuildTimeline(events, o);
  EXPECT_EQ(t.events, 2u);
  EXPECT_TRUE(t.ahead.empty());
  o.actor = "RUS";
  t = BuildTimeline(events, o);
  EXPECT_EQ(t.events, 2u);  // the threat and the planned trip (the hypothetical is counted apart)
  o = TimelineOptions{};
  o.from = Date::Day(2022, 2, 10);
  t = BuildTimeline(events, o);
  EXPECT_TRUE(t.days.empty());
  EXPECT_EQ(t.ahead.size(), 1u);
  o.to = Date::Day(2022, 2, 12);
  EXPECT_EQ(BuildTimeline(events, o).events, 0u);
}

TEST(TimelineTest, HtmlIsSelfContainedAndEscaped) {
  const auto events = Story();
  const std::string html = RenderTimelineHtml(BuildTimeline(events));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);  // nothing to fetch
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;severe&gt;"), std::string::npos);
  EXPECT_NE(html.find("class=\"conflict\""), std::string::npos);
}

TEST(TimelineTest, RankingPutsMoreSourcesFirst) {
  std::vector<MentionRecord> ms;
  for (const char* d : {"x", "y", "z"}) {
    auto m = M(d, "CONSULT", kScholz, kBiden, Date::Day(2022, 2, 7), EventStatus::kHappened, "Talks.");
    m.outlet = d;
    ms.push_back(m);
  }
  ms.push_back(M("w", "ACCUSE", kBiden, kRussia, Date::Day(2022, 2, 7), EventStatus::kHappened, "Blame."));
  const auto events = MergeMentions(ms);
  Timeline t = BuildTimeline(events);
  ASSERT_EQ(t.days.size(), 1u);
  ASSERT_EQ(t.days[0].entries.size(), 2u);
  EXPECT_EQ(t.days[0].entries[0].event->type, "CONSULT");
}

}  // namespace
}  // namespace dateline
