#include "extract/times_calendar.h"

#include <cstdio>

namespace crosscheck::extract {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int year, int month, int day) {
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t year_of_era = y - era * 400;
  int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t day_of_era = days - era * 146097;
  int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  int64_t mp = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int weekday_of(int64_t days) {
  // 1970-01-01 was a Thursday (3).
  int64_t weekday = (days + 3) % 7;
  return static_cast<int>(weekday < 0 ? weekday + 7 : weekday);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<int64_t> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (size_t k = 0; k < lengths[f]; ++k) {
      char c = text[starts[f] + k];
      if (c < '0' || c > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  if (fields[1] < 1 || fields[1] > 12) return std::nullopt;
  if (fields[2] < 1 || fields[2] > days_in_month(fields[0], fields[1])) return std::nullopt;
  return days_from_civil(fields[0], fields[1], fields[2]);
}

std::string format_date(int64_t days) {
  CivilDate date = civil_from_days(days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_week(int64_t days) {
  int64_t thursday = days - weekday_of(days) + 3;
  int iso_year = civil_from_days(thursday).year;
  int64_t week = (thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02d", iso_year, static_cast<int>(week));
  return buffer;
}

std::string format_month(int year, int month) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

void add_months(int& year, int& month, int months) {
  int total = year * 12 + (month - 1) + months;
  year = total / 12;
  month = total % 12 + 1;
}

}  // namespace crosscheck::extract
