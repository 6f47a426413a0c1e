// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), used to
// resolve relative time expressions and to check weekdays against written dates. Built on
// C++20 <chrono>; day numbers are std::chrono::sys_days counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace crosscheck::extract {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);
// 0 = Monday .. 6 = Sunday.
int weekday_of(int64_t days);
int days_in_month(int year, int month);
// Day number of "YYYY-MM-DD" (a longer string is accepted when it starts with a date, such as
// "2025-04-17T10:00"); nullopt when malformed or out of range.
std::optional<int64_t> parse_iso_date(std::string_view text);
// "2025-04-17"
std::string format_date(int64_t days);
// ISO 8601 week of the day: "2025-W16".
std::string format_week(int64_t days);
// "2025-04"
std::string format_month(int year, int month);
// Adds `months` to year/month, normalising the month into 1..12.
void add_months(int& year, int& month, int months);

struct CalendarInterval {
  TimeGranularity granularity = TimeGranularity::kNone;
  int64_t first_day = 0, last_day = 0;  // inclusive day numbers
};
// The span of days a TIMEX3 calendar value covers: "2025-04-17" (and with a time "T..."),
// "2025-W16", "2025-W16-WE", "2025-04", "2025-Q2", "2025-H1", "2025-SU" (meteorological
// seasons), "2025", "199" (decade), "19" (century). nullopt for anything else.
std::optional<CalendarInterval> calendar_interval(std::string_view value);

}  // namespace crosscheck::extract
