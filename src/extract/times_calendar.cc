// Calendar arithmetic on C++20 <chrono> (proleptic Gregorian, as ISO 8601 and TimeML).
#include "extract/times_calendar.h"

#include <chrono>
#include <cstdio>

namespace crosscheck::extract {

namespace {

namespace chr = std::chrono;

chr::sys_days to_sys_days(int64_t days) { return chr::sys_days(chr::days(days)); }

int64_t from_ymd(const chr::year_month_day& date) {
  return chr::sys_days(date).time_since_epoch().count();
}

// Digits of text[start, start + length) as a number, or -1 when one is not a digit.
int digits(std::string_view text, size_t start, size_t length) {
  if (start + length > text.size()) return -1;
  int value = 0;
  for (size_t k = start; k < start + length; ++k) {
    if (text[k] < '0' || text[k] > '9') return -1;
    value = value * 10 + (text[k] - '0');
  }
  return value;
}

// Monday of ISO week 1 of `iso_year`: the week holding 4 January.
int64_t iso_week_one(int iso_year) {
  chr::sys_days january_4 = chr::year{iso_year} / chr::January / 4;
  return (january_4 - (chr::weekday(january_4) - chr::Monday)).time_since_epoch().count();
}

}  // namespace

int64_t days_from_civil(int year, int month, int day) {
  return from_ymd(chr::year{year} / chr::month(static_cast<unsigned>(month)) /
                  chr::day(static_cast<unsigned>(day)));
}

CivilDate civil_from_days(int64_t days) {
  chr::year_month_day date(to_sys_days(days));
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

int weekday_of(int64_t days) {
  // iso_encoding: Monday 1 .. Sunday 7.
  return static_cast<int>(chr::weekday(to_sys_days(days)).iso_encoding()) - 1;
}

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  chr::year_month_day_last last(chr::year{year},
                                chr::month_day_last(chr::month(static_cast<unsigned>(month))));
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::optional<int64_t> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  chr::year_month_day date{chr::year{year}, chr::month(static_cast<unsigned>(month)),
                           chr::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return from_ymd(date);
}

std::string format_date(int64_t days) {
  CivilDate date = civil_from_days(days);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string format_week(int64_t days) {
  // The ISO year of a week is the year of its Thursday.
  int64_t thursday = days - weekday_of(days) + 3;
  int iso_year = civil_from_days(thursday).year;
  int64_t week = (thursday - iso_week_one(iso_year)) / 7 + 1;
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
  chr::year_month shifted =
      chr::year{year} / chr::month(static_cast<unsigned>(month)) + chr::months(months);
  year = static_cast<int>(shifted.year());
  month = static_cast<int>(static_cast<unsigned>(shifted.month()));
}

std::optional<CalendarInterval> calendar_interval(std::string_view value) {
  int year = digits(value, 0, 4);
  CalendarInterval interval;
  auto days_of = [&](int y, int first_month, int months) {
    int end_year = y, end_month = first_month;
    add_months(end_year, end_month, months);
    interval.first_day = days_from_civil(y, first_month, 1);
    interval.last_day = days_from_civil(end_year, end_month, 1) - 1;
  };
  if (year < 0) {
    // "199" a decade, "19" a century.
    if (int decade = digits(value, 0, 3); decade >= 0 && value.size() == 3) {
      interval.granularity = TimeGranularity::kDecade;
      interval.first_day = days_from_civil(decade * 10, 1, 1);
      interval.last_day = days_from_civil(decade * 10 + 10, 1, 1) - 1;
      return interval;
    }
    if (int century = digits(value, 0, 2); century >= 0 && value.size() == 2) {
      interval.granularity = TimeGranularity::kCentury;
      interval.first_day = days_from_civil(century * 100, 1, 1);
      interval.last_day = days_from_civil(century * 100 + 100, 1, 1) - 1;
      return interval;
    }
    return std::nullopt;
  }
  std::string_view rest = value.substr(4);
  if (rest.empty()) {
    interval.granularity = TimeGranularity::kYear;
    days_of(year, 1, 12);
    return interval;
  }
  if (rest[0] != '-') return std::nullopt;
  if (auto day = parse_iso_date(value)) {
    bool clock = value.size() > 10 && value[10] == 'T';
    interval.granularity = clock ? TimeGranularity::kTime : TimeGranularity::kDay;
    interval.first_day = interval.last_day = *day;
    return interval;
  }
  if (int month = digits(value, 5, 2); month >= 1 && month <= 12 && value.size() == 7) {
    interval.granularity = TimeGranularity::kMonth;
    days_of(year, month, 1);
    return interval;
  }
  if (rest.size() >= 4 && rest[1] == 'W') {
    int week = digits(value, 6, 2);
    if (week < 1 || week > 53) return std::nullopt;
    int64_t monday = iso_week_one(year) + 7 * (week - 1);
    interval.granularity = TimeGranularity::kWeek;
    interval.first_day = monday;
    interval.last_day = monday + 6;
    if (value.substr(8) == "-WE") interval.first_day = monday + 5;  // the weekend
    return value.size() == 8 || value.substr(8) == "-WE" ? std::optional(interval) : std::nullopt;
  }
  if (rest.size() == 3 && (rest[1] == 'Q' || rest[1] == 'H') && rest[2] >= '1' &&
      rest[2] <= (rest[1] == 'Q' ? '4' : '2')) {
    int months = rest[1] == 'Q' ? 3 : 6;
    interval.granularity = rest[1] == 'Q' ? TimeGranularity::kQuarter : TimeGranularity::kHalf;
    days_of(year, 1 + (rest[2] - '1') * months, months);
    return interval;
  }
  // Seasons, meteorological: spring March to May ... winter December to February.
  static constexpr std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
  for (int s = 0; s < 4; ++s) {
    if (rest.substr(1) != kSeasons[s]) continue;
    interval.granularity = TimeGranularity::kSeason;
    days_of(year, 3 + 3 * s, 3);
    return interval;
  }
  return std::nullopt;
}

}  // namespace crosscheck::extract
