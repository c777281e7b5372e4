#include "merge/event_json.h"

#include <gtest/gtest.h>

#include "merge/merge.h"

namespace dateline {
namespace {

TEST(EventJsonTest, ReadsTheExtractExampleLine) {
  const std::string line =
      R"({"doc":"000_example","source_name":"","published":"2022-02-04","sentence":0,"sentence_start":0,)"
      R"("sentence_end":96,"text":"Putin spoke with Macron on Thursday.","trigger":"spoke with","trigger_start":6,)"
      R"("trigger_end":16,"source":{"name":"Vladimir Putin","country":"RUS","code":"RUSGOV","id":"person:vladimir-putin",)"
      R"("start":0,"end":5},"target":{"name":"Emmanuel Macron","country":"FRA","code":"FRAGOV","id":"person:emmanuel-macron",)"
      R"("start":17,"end":23},"location":"","instrument":"","cameo":"040","cameo_name":"Consult","quad_class":1,)"
      R"("goldstein":1.0,"type":"CONSULT","mode":"","date":"2022-02-03","date_precision":"day","date_basis":"text",)"
      R"("date_text":"on Thursday","status":"happened","negated":false,"modality":"","attribution":"",)"
      R"("mentions":[{"doc":"000_example","sentence":0}],"confidence":0.9})";
  std::vector<MentionRecord> out;
  ASSERT_TRUE(ParseMentionsJson(line, &out).ok());
  ASSERT_EQ(out.size(), 1u);
  const EventMention& m = out[0].mention;
  EXPECT_EQ(m.doc, "000_example");
  EXPECT_EQ(m.source.actor.id, "person:vladimir-putin");
  EXPECT_EQ(m.target.actor.country, "FRA");
  EXPECT_EQ(m.target.start, 17u);
  EXPECT_EQ(m.date, Date::Day(2022, 2, 3));
  EXPECT_EQ(m.type, "CONSULT");
  EXPECT_EQ(out[0].published, Date::Day(2022, 2, 4));
  EXPECT_EQ(out[0].sentence_text, "Putin spoke with Macron on Thursday.");
  EXPECT_DOUBLE_EQ(m.confidence, 0.9);
}

TEST(EventJsonTest, RejectsBrokenLinesAndSkipsBlankOnes) {
  std::vector<MentionRecord> out;
  EXPECT_FALSE(ParseMentionsJson("{not json", &out).ok());
  EXPECT_FALSE(ParseMentionsJson(R"({"hello":1})", &out).ok());
  EXPECT_FALSE(ParseMentionsJson("[1,2]", &out).ok());
  EXPECT_TRUE(ParseMentionsJson("   ", &out).ok());
  EXPECT_TRUE(out.empty());
}

TEST(EventJsonTest, EventRoundTrips) {
  MentionRecord a, b;
  for (auto* r : {&a, &b}) {
    r->mention.type = "CONSULT";
    r->mention.cameo = "042";
    r->mention.source.actor = Actor{"person:joe-biden", "Joe Biden", "USA", "USAGOV", "GOV"};
    r->mention.target.actor = Actor{"country:FRA", "France", "FRA", "FRA", ""};
    r->mention.date_basis = "text";
    r->sentence_text = "Biden and Macron spoke by \"phone\".\n";
  }
  a.mention.doc = "x";
  a.mention.date = Date::Day(2022, 2, 2);
  b.mention.doc = "y";
  b.mention.date = Date::Day(2022, 2, 3);
  b.mention.date_text = "3 February";
  auto events = MergeMentions({a, b});
  ASSERT_EQ(events.size(), 1u);
  const std::string line = EventToJson(events[0]);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto back = ParseEventJson(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(EventToJson(*back), line);
  // An events.jsonl line is also accepted as mentions input (re-merging earlier output).
  std::vector<MentionRecord> ms;
  ASSERT_TRUE(ParseMentionsJson(line, &ms).ok());
  EXPECT_EQ(ms.size(), 2u);
}

}  // namespace
}  // namespace dateline
