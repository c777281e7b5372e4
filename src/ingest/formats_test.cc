#include "ingest/formats.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(FormatsTest, SeedHeader) {
  auto h = ParseSeedHeader(" date 2022-02-04 Russian President spoke.");
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->date, Date::Day(2022, 2, 4));
  EXPECT_EQ(std::string(" date 2022-02-04 Russian President spoke.").substr(h->text_start),
            "Russian President spoke.");
  auto m = ParseSeedHeader("date 2026-03\nText");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->date, Date::Month(2026, 3));
  EXPECT_FALSE(ParseSeedHeader(" date 2022-02-30 Text").ok());
  EXPECT_FALSE(ParseSeedHeader(" date 2022-13-01 Text").ok());
  EXPECT_FALSE(ParseSeedHeader("Text without header").ok());
  EXPECT_TRUE(LooksLikeSeed("  date 2022-02-30 x"));
  EXPECT_FALSE(LooksLikeSeed("dated material"));
}

TEST(FormatsTest, Entities) {
  EXPECT_EQ(DecodeEntities("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27;"), "a <b> & \"c\" 'd'");
  EXPECT_EQ(DecodeEntities("&#2;Reuter\n&#3;"), "Reuter\n");
  EXPECT_EQ(DecodeEntities("AT&T &unknown; & done"), "AT&T &unknown; & done");
  EXPECT_EQ(DecodeEntities("&#8212;"), "\xE2\x80\x94");
  EXPECT_EQ(DecodeEntities("&#99999999;"), "&#99999999;");
}

TEST(FormatsTest, ReutersDates) {
  auto d = ParseReutersDate("26-FEB-1987 15:01:01.79");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, Date::Day(1987, 2, 26));
  auto d2 = ParseReutersDate(" 5-MAR-1987 09:17:33.21");
  ASSERT_TRUE(d2.ok());
  EXPECT_EQ(*d2, Date::Day(1987, 3, 5));
  EXPECT_FALSE(ParseReutersDate("31-FEB-1987 10:00:00.00").ok());
  EXPECT_FALSE(ParseReutersDate("yesterday").ok());
  EXPECT_FALSE(ParseReutersDate("").ok());
}

TEST(FormatsTest, ReutersRecords) {
  const std::string sgm =
      "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
      "<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE> 2-MAR-1987 10:00:00.00</DATE>\n"
      "<TEXT>&#2;\n<TITLE>GRAIN &amp; OIL SEEDS</TITLE>\n<DATELINE>CHICAGO, March 2 - </DATELINE>"
      "<BODY>Prices rose &lt;sharply&gt;.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n"
      "<REUTERS NEWID=\"8\">\n<DATE>3-MAR-1987</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\nRaw story "
      "text\n&#3;</TEXT>\n"
      "</REUTERS>\n<REUTERS NEWID=\"9\">\n<DATE>4-MAR-1987</DATE><TEXT><TITLE>CUT";
  const auto recs = ParseReutersSgml(sgm);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].newid, "7");
  EXPECT_EQ(recs[0].line, 2u);
  EXPECT_EQ(recs[0].title, "GRAIN & OIL SEEDS");
  EXPECT_EQ(recs[0].body, "Prices rose <sharply>.\n Reuter");
  EXPECT_EQ(recs[1].body, "Raw story text");
  EXPECT_TRUE(recs[1].complete);
  EXPECT_FALSE(recs[2].complete);
}

TEST(FormatsTest, Csv) {
  std::vector<CsvRecord> recs;
  ASSERT_TRUE(
      ParseCsv("url,date,title,text\r\n\"https://x.org/a\",2020-01-01,\"A, B\",\"line 1\n\"\"q\"\"\nend\"\n"
               "u2,2020-01-02,t,plain\n",
               &recs)
          .ok());
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].line, 2u);
  EXPECT_EQ(recs[1].fields[2], "A, B");
  EXPECT_EQ(recs[1].fields[3], "line 1\n\"q\"\nend");
  EXPECT_EQ(recs[2].line, 5u);
  EXPECT_EQ(recs[2].fields[3], "plain");
  std::vector<CsvRecord> broken;
  const Status s = ParseCsv("a,b\n1,\"open\n2,3\n", &broken);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line 2"), std::string::npos);
  EXPECT_EQ(broken.size(), 1u);
}

TEST(FormatsTest, UrlHost) {
  EXPECT_EQ(UrlHost("https://en.wikinews.org//wiki/X"), "en.wikinews.org");
  EXPECT_EQ(UrlHost("http://User@Example.COM:8080/p"), "example.com");
  EXPECT_EQ(UrlHost("no url"), "");
}

}  // namespace
}  // namespace dateline
