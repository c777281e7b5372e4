#include "core/date.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(DateTest, ParseForms) {
  auto d = ParseIsoDate("2022-02-04");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, Date::Day(2022, 2, 4));
  EXPECT_EQ(ParseIsoDate("2022-02").value(), Date::Month(2022, 2));
  EXPECT_EQ(ParseIsoDate("2022").value(), Date::Year(2022));
  EXPECT_EQ(ParseIsoDate("2022-02-04T10:30:00Z").value(), Date::Day(2022, 2, 4));
}

TEST(DateTest, RejectsImpossibleDates) {
  for (const char* s : {"2022-02-30", "2021-02-29", "2022-13-01", "2022-00", "22-02-01", "2022-02-04x", ""}) {
    EXPECT_FALSE(ParseIsoDate(s).ok()) << s;
  }
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
}

TEST(DateTest, DayArithmeticAndWeekday) {
  Date d = Date::Day(2022, 2, 4);
  EXPECT_EQ(d.Weekday(), 5);  // Friday
  EXPECT_EQ(d.AddDays(-1), Date::Day(2022, 2, 3));
  EXPECT_EQ(d.AddDays(-7), Date::Day(2022, 1, 28));
  EXPECT_EQ(Date::Day(2022, 2, 28).AddDays(1), Date::Day(2022, 3, 1));
  EXPECT_EQ(Date::Day(1970, 1, 1).ToDays(), 0);
  for (int64_t n = -1000; n < 30000; n += 37) EXPECT_EQ(Date::FromDays(n).ToDays(), n);
}

TEST(DateTest, Format) {
  EXPECT_EQ(Date::Day(2022, 2, 4).ToString(), "2022-02-04");
  EXPECT_EQ(Date::Month(2021, 12).ToString(), "2021-12");
  EXPECT_EQ(Date::Year(2021).ToString(), "2021");
  EXPECT_EQ(Date().ToString(), "");
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

TEST(DateTest, IsoWeekMonday) {
  int64_t monday = 0;
  ASSERT_TRUE(ParseIsoWeekMonday("2022-W05", &monday));
  EXPECT_EQ(Date::FromDays(monday).ToString(), "2022-01-31");
  ASSERT_TRUE(ParseIsoWeekMonday("2021-W01", &monday));  // week 1 holds 4 January
  EXPECT_EQ(Date::FromDays(monday).ToString(), "2021-01-04");
  EXPECT_FALSE(ParseIsoWeekMonday("2022-W54", &monday));
  EXPECT_FALSE(ParseIsoWeekMonday("2022-05", &monday));
  EXPECT_FALSE(ParseIsoWeekMonday("last week", &monday));
}

}  // namespace
}  // namespace dateline
