#include "core/date.h"

#include <cstdio>

namespace dateline {

const char* DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    default: return "unknown";
  }
}

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string Date::ToString() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    default: return "";
  }
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t Date::ToDays() const {
  int y = year, m = month ? month : 1, d = day ? day : 1;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date::Day(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

int Date::Weekday() const {
  const int64_t z = ToDays();  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

static bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool ParseIsoWeekMonday(std::string_view s, int64_t* monday) {
  int year = 0, week = 0;
  if (s.size() < 8 || s[4] != '-' || s[5] != 'W' || !Digits(s, 0, 4, &year) || !Digits(s, 6, 2, &week)) {
    return false;
  }
  if (week < 1 || week > 53) return false;
  const Date jan4 = Date::Day(year, 1, 4);  // ISO week 1 holds 4 January
  *monday = jan4.ToDays() - (jan4.Weekday() - 1) + 7 * (week - 1);
  return true;
}

StatusOr<Date> ParseIsoDate(std::string_view s) {
  int y = 0, m = 0, d = 0;
  auto bad = [&](const char* why) {
    return Status::InvalidArgument("bad date '" + std::string(s.substr(0, 40)) + "': " + why);
  };
  if (!Digits(s, 0, 4, &y)) return bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (s.size() == 4) {
    if (y < 1) return bad("year out of range");
    return Date::Year(y);
  }
  if (s[4] != '-' || !Digits(s, 5, 2, &m)) return bad("expected YYYY-MM");
  if (m < 1 || m > 12) return bad("month out of range");
  if (s.size() == 7) return Date::Month(y, m);
  if (s[7] != '-' || !Digits(s, 8, 2, &d)) return bad("expected YYYY-MM-DD");
  if (!IsValidDate(y, m, d)) return bad("no such day");
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return bad("trailing characters");
  return Date::Day(y, m, d);
}

}  // namespace dateline
