// Date: a calendar date (proleptic Gregorian) with a precision — day, month, year or unknown.
//
// Used for publication dates, resolved time expressions and event dates. A plain value type;
// thread-compatible. Month/day fields below the precision are 0.
#ifndef DATELINE_CORE_DATE_H_
#define DATELINE_CORE_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace dateline {

enum class DatePrecision : uint8_t { kUnknown = 0, kYear, kMonth, kDay };

// "day", "month", "year", "unknown".
const char* DatePrecisionName(DatePrecision p);

struct Date {
  int year = 0;
  int month = 0;  // 1..12, 0 when precision < month
  int day = 0;    // 1..31, 0 when precision < day
  DatePrecision precision = DatePrecision::kUnknown;

  static Date Day(int y, int m, int d) { return Date{y, m, d, DatePrecision::kDay}; }
  static Date Month(int y, int m) { return Date{y, m, 0, DatePrecision::kMonth}; }
  static Date Year(int y) { return Date{y, 0, 0, DatePrecision::kYear}; }

  bool known() const { return precision != DatePrecision::kUnknown; }
  // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" for unknown.
  std::string ToString() const;
  // Days since 1970-01-01 (of the first day of the period for month/year precision).
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // ISO weekday of a day-precision date: 1 = Monday … 7 = Sunday.
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.precision == b.precision;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
};

bool IsValidDate(int year, int month, int day);
int DaysInMonth(int year, int month);

// Reads an ISO week "YYYY-Www" from the first 8 characters of s and sets *monday to its Monday (days since
// 1970-01-01); false when s does not start with one.
bool ParseIsoWeekMonday(std::string_view s, int64_t* monday);

// Parses "YYYY-MM-DD", "YYYY-MM", "YYYY", and ISO 8601 date-times ("2022-02-04T10:00:00Z": the date part).
// Fails with InvalidArgument on impossible dates such as 2022-02-30.
StatusOr<Date> ParseIsoDate(std::string_view s);

}  // namespace dateline

#endif  // DATELINE_CORE_DATE_H_
