// Time expressions (TIMEX3 / TempEval-3 conventions) and their resolution against the
// publication date or, for undated articles, against the date their story states.
//
// A left-to-right scan over the word view tries, at each word, the expression shapes news text
// uses (weekday phrases, month-day dates, numeric dates, relative words, "N units ago",
// durations, clock times, sets, years, fiscal quarters) and takes the first that matches.
// Spans leave out the governing preposition ("on Thursday" -> "Thursday") but keep modifiers
// that change the value ("last week", "earlier this month", "two days ago").
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "extract/layers.h"
#include "extract/times_calendar.h"
#include "extract/times_names.h"
#include "extract/times_tense.h"

namespace crosscheck {
namespace extract {

namespace {

std::string_view without_possessive(std::string_view lower) {
  if (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s")
    return lower.substr(0, lower.size() - 2);
  return lower;
}

// 1..12 for a capitalised month name or abbreviation ("Sept", "Apr"), else 0. Names come
// from ICU for English and British English ("Sept").
int month_number(const Word& word) {
  if (!word.capitalized || word.kind != WordKind::kWord) return 0;
  static const CalendarNames* const kNames[] = {&calendar_names("en"), &calendar_names("en_GB")};
  std::string key(without_possessive(word.lower));
  for (const CalendarNames* names : kNames) {
    if (auto found = names->months.find(key); found != names->months.end()) return found->second;
  }
  return 0;
}

// 0..6 for a capitalised weekday name, else -1.
int weekday_number(const Word& word) {
  if (!word.capitalized || word.kind != WordKind::kWord) return -1;
  static const auto& weekdays = calendar_names("en").weekdays;
  auto found = weekdays.find(std::string(without_possessive(word.lower)));
  return found != weekdays.end() ? found->second : -1;
}

// "summer" -> "SU" (TIMEX3 seasons).
std::string_view season_code(std::string_view lower) {
  if (lower == "spring") return "SP";
  if (lower == "summer") return "SU";
  if (lower == "autumn" || lower == "fall") return "FA";
  if (lower == "winter") return "WI";
  return {};
}

// "morning" -> "MO" (TIMEX3 parts of day).
std::string_view part_of_day(std::string_view lower) {
  if (lower == "morning") return "MO";
  if (lower == "afternoon") return "AF";
  if (lower == "evening") return "EV";
  if (lower == "night" || lower == "overnight") return "NI";
  return {};
}

struct Unit {
  std::string_view code;  // "D", "W", "M", "Y", "DE", "CE", "H", "MIN", "S"
  bool plural = false;
};

std::optional<Unit> time_unit(std::string_view lower) {
  struct Entry {
    std::string_view singular, plural, code;
  };
  static constexpr Entry kUnits[] = {{"second", "seconds", "S"},  {"minute", "minutes", "MIN"},
                                     {"hour", "hours", "H"},      {"day", "days", "D"},
                                     {"week", "weeks", "W"},      {"fortnight", "fortnights", "F"},
                                     {"month", "months", "M"},    {"year", "years", "Y"},
                                     {"decade", "decades", "DE"}, {"century", "centuries", "CE"}};
  for (const Entry& entry : kUnits) {
    if (lower == entry.singular) return Unit{entry.code, false};
    if (lower == entry.plural) return Unit{entry.code, true};
  }
  return std::nullopt;
}

std::string number_text(double value) {
  char buffer[32];
  if (std::floor(value) == value && std::fabs(value) < 1e12) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%g", value);
  }
  return buffer;
}

// ISO 8601 duration of `amount` units; amount < 0 means unspecified ("PXY").
std::string duration_value(double amount, std::string_view code) {
  std::string count = amount < 0 ? "X" : number_text(amount);
  if (code == "H" || code == "MIN" || code == "S") {
    return "PT" + count + (code == "MIN" ? "M" : std::string(code));
  }
  if (code == "F") return amount < 0 ? "PXW" : "P" + number_text(amount * 2) + "W";
  // TimeBank writes decades and centuries in years ("two decades" -> "P20Y").
  if (code == "DE") return amount < 0 ? "PXDE" : "P" + number_text(amount * 10) + "Y";
  if (code == "CE") return amount < 0 ? "PXCE" : "P" + number_text(amount * 100) + "Y";
  return "P" + count + std::string(code);
}

struct Found {
  size_t end = 0;  // one past the last word
  TimexType type = TimexType::kDate;
  std::string value;
  bool relative = false;  // value depends on the anchor date
  int weekday = -1;
  std::string explicit_date;
  int years_back = 0;  // "a year ago", "two years earlier": whole years before the anchor
};

class TimeScanner {
 public:
  TimeScanner(const Document& doc, const std::vector<Word>& words, std::optional<int64_t> dct)
      : doc_(doc), words_(words), dct_(dct) {}

  std::vector<Timex> scan() {
    std::vector<Timex> timexes;
    size_t last_end = 0;
    size_t i = 0;
    while (i < words_.size()) {
      if (!could_start(words_[i])) {
        ++i;
        continue;
      }
      std::optional<Found> found = match_at(i);
      if (!found || found->end <= i) {
        ++i;
        continue;
      }
      size_t first = widen_start(i, *found, last_end);
      last_end = found->end;
      Timex timex;
      timex.span = {words_[first].span.start, span_end(found->end - 1)};
      timex.sentence = doc_.sentence_at(timex.span.start);
      timex.type = found->type;
      timex.value = std::move(found->value);
      timex.weekday = found->weekday;
      timex.explicit_date = std::move(found->explicit_date);
      timex.anchored_to = !found->relative ? "absolute" : dct_ ? "publication" : "unresolved";
      inherit_quarter(timex, found->years_back);
      if (found->years_back == 0 && is_quarter(timex.value)) last_quarter_ = timex.value;
      timexes.push_back(std::move(timex));
      i = found->end;
    }
    link_weekdays_to_dates(timexes);
    return timexes;
  }

 private:
  const Word* at(size_t i) const { return i < words_.size() ? &words_[i] : nullptr; }
  std::string_view lower(size_t i) const {
    return i < words_.size() ? std::string_view(words_[i].lower) : std::string_view();
  }
  bool glued(size_t i) const { return i < words_.size() && !words_[i].space_before; }
  bool same_sentence(size_t a, size_t b) const {
    return a < words_.size() && b < words_.size() && words_[a].sentence == words_[b].sentence;
  }

  // "a year ago" after a quarter was named ("third-quarter profit rose ... from a year ago")
  // means that quarter a year before: the comparison takes the granularity of the period the
  // text is about, as TimeML annotates it.
  static bool is_quarter(const std::string& value) {
    return value.size() == 7 && value[4] == '-' && value[5] == 'Q' && value[6] >= '1' &&
           value[6] <= '4';
  }

  void inherit_quarter(Timex& timex, int years_back) const {
    if (years_back <= 0 || last_quarter_.empty()) return;
    int year = std::atoi(last_quarter_.substr(0, 4).c_str());
    timex.value = std::to_string(year - years_back) + last_quarter_.substr(4);
  }

  // "the year-earlier quarter", "year-ago period", "the year-earlier": the same period a year
  // before (a quarter when one was named, else the anchor's year minus one).
  std::optional<Found> match_year_earlier(size_t i) const {
    size_t j = lower(i) == "the" ? i + 1 : i;
    if (lower(j) != "year" || lower(j + 1) != "-" || !one_of(lower(j + 2), {"earlier", "ago"}) ||
        !glued(j + 1) || !glued(j + 2))
      return std::nullopt;
    Found found;
    found.end = j + 3;
    if (one_of(lower(found.end), {"quarter", "period"})) ++found.end;
    found.relative = true;
    found.years_back = 1;
    found.value = dct_ ? std::to_string(civil_from_days(*dct_).year - 1) : "XXXX";
    return found;
  }

  // TimeBank spans take in a leading determiner or modifier that the shape matchers leave to
  // the word before: "the nine months", "the first nine months", "last April", "late
  // yesterday".
  size_t widen_start(size_t i, const Found& found, size_t last_end) const {
    if (i == 0 || i - 1 < last_end) return i;
    std::string_view before = lower(i - 1);
    if (found.type == TimexType::kDuration) {
      if (before == "the") return i - 1;
      if (one_of(before, {"first", "last", "next", "past", "latest"}) && i >= 2 &&
          i - 2 >= last_end && lower(i - 2) == "the")
        return i - 2;
      return i;
    }
    const Word& word = words_[i];
    if (month_number(word) > 0 && one_of(before, {"last", "this", "next", "early", "late", "mid"}))
      return i - 1;
    if (one_of(without_possessive(word.lower), {"yesterday", "today", "tomorrow"}) &&
        one_of(before, {"early", "late"}))
      return i - 1;
    return i;
  }

  // End of word `i` without a possessive "'s" ("Friday's" -> "Friday").
  uint32_t span_end(size_t i) const {
    const Word& word = words_[i];
    std::string_view surface = doc_.slice(word.span);
    if (surface.size() > 2 &&
        (word.lower.size() >= 2 && word.lower.substr(word.lower.size() - 2) == "'s")) {
      if (surface.substr(surface.size() - 2) == "'s") return word.span.end - 2;
      if (surface.size() > 4 && surface.substr(surface.size() - 4) == "\u2019s")
        return word.span.end - 4;
    }
    return word.span.end;
  }

  // Cheap filter: only words that can begin one of the shapes below are tried.
  static bool could_start(const Word& word) {
    if (word.kind == WordKind::kNumber) return true;
    if (word.kind == WordKind::kPunct) return false;
    if (word.capitalized && (month_number(word) > 0 || weekday_number(word) >= 0)) return true;
    static const std::unordered_set<std::string_view> kTriggers = {
        "last",      "next",    "this",     "past",      "coming",     "early",    "late",
        "mid",       "mid-",    "the",      "earlier",   "later",      "today",    "yesterday",
        "tomorrow",  "tonight", "now",      "currently", "nowadays",   "recently", "recent",
        "these",     "a",       "an",       "several",   "few",        "many",     "some",
        "couple",    "half",    "noon",     "midday",    "midnight",   "daily",    "nightly",
        "weekly",    "monthly", "annually", "yearly",    "hourly",     "every",    "each",
        "fiscal",    "first",   "second",   "third",     "fourth",     "1st",      "2nd",
        "3rd",       "4th",     "seconds",  "minutes",   "hours",      "days",     "weeks",
        "months",    "years",   "decades",  "centuries", "fortnights", "soon",     "previously",
        "lunchtime", "current", "year"};
    std::string_view lower = without_possessive(word.lower);
    return kTriggers.count(lower) > 0 || cardinal_word_value(lower).has_value();
  }

  std::optional<Found> match_at(size_t i) {
    if (auto found = match_year_earlier(i)) return found;
    if (auto found = match_numeric_date(i)) return found;
    if (auto found = match_weekday(i)) return found;
    if (auto found = match_month_first(i)) return found;
    if (auto found = match_day_first(i)) return found;
    if (auto found = match_relative_word(i)) return found;
    if (auto found = match_modified_unit(i)) return found;
    if (auto found = match_quarter(i)) return found;
    if (auto found = match_amount_of_time(i)) return found;
    if (auto found = match_clock_time(i)) return found;
    if (auto found = match_set(i)) return found;
    if (auto found = match_year(i)) return found;
    return std::nullopt;
  }

  // ---- tense of the sentence around word i: decides which way a bare weekday points ----
  // The syntax layer decides when the sentence is parsed; the surrounding words otherwise.
  bool future_context(size_t i) const {
    switch (clause_direction(doc_, words_[i].span.start)) {
      case TimeDirection::kFuture:
        return true;
      case TimeDirection::kPast:
        return false;
      case TimeDirection::kUnknown:
        break;
    }
    size_t begin = i, end = i;
    while (begin > 0 && same_sentence(begin - 1, i)) --begin;
    while (end + 1 < words_.size() && same_sentence(end + 1, i)) ++end;
    size_t best_future = SIZE_MAX, best_past = SIZE_MAX;
    for (size_t k = begin; k <= end; ++k) {
      if (k == i) continue;
      std::string_view w = words_[k].lower;
      size_t distance = k > i ? k - i : i - k;
      bool future = one_of(w, {"will", "shall", "upcoming", "scheduled", "due", "expected", "plans",
                               "planned", "plan", "next", "would", "tomorrow", "later", "later"}) ||
                    (w.size() > 3 && w.substr(w.size() - 3) == "'ll") ||
                    ((w == "set" || w == "going" || w == "poised") && lower(k + 1) == "to");
      bool past =
          !future && (one_of(w, {"was",     "were",   "had",    "did",   "said",      "told",
                                 "met",     "held",   "took",   "came",  "went",      "made",
                                 "gave",    "saw",    "left",   "began", "spoke",     "sent",
                                 "struck",  "fell",   "rose",   "won",   "lost",      "led",
                                 "ran",     "wrote",  "became", "kept",  "found",     "thought",
                                 "brought", "fought", "ago",    "last",  "yesterday", "earlier"}) ||
                      (w.size() >= 5 && w.substr(w.size() - 2) == "ed"));
      if (future) best_future = std::min(best_future, distance);
      if (past) best_past = std::min(best_past, distance);
    }
    return best_future < best_past;
  }

  // Resolves a weekday against the anchor: the most recent such day at or before it in past
  // context, the next one at or after it in future context. `direction` forces it.
  std::optional<int64_t> resolve_weekday(int weekday, size_t i, int direction) const {
    if (!dct_) return std::nullopt;
    int anchor_weekday = weekday_of(*dct_);
    bool future = direction > 0 || (direction == 0 && future_context(i));
    if (future) {
      int ahead = (weekday - anchor_weekday + 7) % 7;
      if (direction > 0 && ahead == 0) ahead = 7;
      return *dct_ + ahead;
    }
    int back = (anchor_weekday - weekday + 7) % 7;
    if (direction < 0 && back == 0) back = 7;
    return *dct_ - back;
  }

  // Year for a month (and day) written without one: the anchor's year, moved by one when the
  // tense points the other way ("in December" written in January of a past event).
  std::optional<int> resolve_year(int month, int day, size_t i) const {
    if (!dct_) return std::nullopt;
    CivilDate anchor = civil_from_days(*dct_);
    bool future = future_context(i);
    // The nearest of last, this and next year's date, where dates on the side the tense points
    // away from count double.
    int best_year = anchor.year;
    int64_t best_cost = INT64_MAX;
    for (int year = anchor.year - 1; year <= anchor.year + 1; ++year) {
      int valid_day = std::min(day > 0 ? day : 1, days_in_month(year, month));
      int64_t distance = days_from_civil(year, month, valid_day) - *dct_;
      bool against_tense = future ? distance < 0 : distance > 0;
      int64_t cost = (distance < 0 ? -distance : distance) * (against_tense ? 2 : 1);
      if (cost < best_cost) {
        best_cost = cost;
        best_year = year;
      }
    }
    return best_year;
  }

  // Day of month at word j: "17" or "17th"; 0 when none.
  int day_at(size_t j, size_t* end) const {
    const Word* w = at(j);
    if (!w) return 0;
    int day = 0;
    if (w->kind == WordKind::kNumber && w->lower.size() <= 2) {
      day = std::atoi(w->lower.c_str());
      *end = j + 1;
      // "17th" scans as "17" + "th"
      if (glued(j + 1) && one_of(lower(j + 1), {"st", "nd", "rd", "th"})) *end = j + 2;
    } else if (auto ordinal = ordinal_word_value(w->lower);
               ordinal && w->lower.size() <= 4 && w->lower[0] >= '0' && w->lower[0] <= '9') {
      day = *ordinal;
      *end = j + 1;
    }
    if (day < 1 || day > 31) return 0;
    // Not a clock time ("17:30") or a fraction ("3/4").
    if (glued(*end) && one_of(lower(*end), {":", "/"}) && glued(*end + 1) && at(*end + 1) &&
        words_[*end + 1].kind == WordKind::kNumber)
      return 0;
    return day;
  }

  // Four-digit year at word j (1000..2199), else 0.
  int year_at(size_t j) const {
    const Word* w = at(j);
    if (!w || w->kind != WordKind::kNumber || w->lower.size() != 4) return 0;
    int year = std::atoi(w->lower.c_str());
    if (year < 1000 || year > 2199) return 0;
    if (glued(j + 1) && one_of(lower(j + 1), {"s", "%"})) return 0;
    return year;
  }

  // A full date found in the text: value and explicit_date.
  Found full_date(size_t end, int year, int month, int day) const {
    Found found;
    found.end = end;
    if (day > days_in_month(year, month)) {
      found.value = format_month(year, month);
      return found;
    }
    found.value = format_date(days_from_civil(year, month, day));
    found.explicit_date = found.value;
    return found;
  }

  // Month and day without a year: resolved with the anchor's year when there is one.
  Found month_day(size_t end, int month, int day, size_t i) const {
    if (auto year = resolve_year(month, day, i); year && day <= days_in_month(*year, month)) {
      Found found = full_date(end, *year, month, day);
      found.relative = true;
      return found;
    }
    Found found;
    found.end = end;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "XXXX-%02d-%02d", month, day);
    found.value = buffer;
    found.relative = true;
    return found;
  }

  // "2025-04-17", "4/17/2025", "17/4/2025"
  std::optional<Found> match_numeric_date(size_t i) const {
    const Word* first = at(i);
    if (!first || first->kind != WordKind::kNumber || i + 4 >= words_.size()) return std::nullopt;
    std::string_view sep = lower(i + 1);
    if (!(sep == "-" || sep == "/") || lower(i + 3) != sep) return std::nullopt;
    for (size_t k = i + 1; k <= i + 4; ++k)
      if (!glued(k)) return std::nullopt;
    if (words_[i + 2].kind != WordKind::kNumber || words_[i + 4].kind != WordKind::kNumber)
      return std::nullopt;
    int a = std::atoi(first->lower.c_str()), b = std::atoi(words_[i + 2].lower.c_str()),
        c = std::atoi(words_[i + 4].lower.c_str());
    int year = 0, month = 0, day = 0;
    if (sep == "-" && first->lower.size() == 4) {
      year = a, month = b, day = c;
    } else if (sep == "/" && words_[i + 4].lower.size() == 4) {
      year = c;
      // Month first (US and wire style) unless the first field cannot be a month.
      if (a > 12) {
        day = a, month = b;
      } else {
        month = a, day = b;
      }
    } else {
      return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || year < 1000)
      return std::nullopt;
    return full_date(i + 5, year, month, day);
  }

  // A written date right after a weekday: "Friday, April 7, 2025", "Friday 7 April".
  std::optional<Found> date_after(size_t j) const {
    if (lower(j) == ",") ++j;
    if (auto found = match_month_first(j)) {
      if (!found->explicit_date.empty() || found->value.rfind("XXXX-", 0) == 0) return found;
    }
    if (auto found = match_day_first(j)) return found;
    return std::nullopt;
  }

  std::optional<Found> match_weekday(size_t i) {
    int direction = 0;
    size_t j = i;
    if (one_of(lower(i), {"last", "next", "this", "past", "coming"}) &&
        weekday_number(words_[std::min(i + 1, words_.size() - 1)]) >= 0 && i + 1 < words_.size()) {
      direction = lower(i) == "last" || lower(i) == "past" ? -1 : lower(i) == "this" ? 0 : 1;
      j = i + 1;
    }
    const Word* w = at(j);
    if (!w) return std::nullopt;
    int weekday = weekday_number(*w);
    if (weekday < 0) return std::nullopt;
    // "Fridays" and "every Friday" are sets, handled elsewhere.
    Found found;
    found.weekday = weekday;
    found.end = j + 1;
    if (auto date = date_after(j + 1); date && same_sentence(j, date->end - 1)) {
      found.end = date->end;
      found.value = date->value;
      found.explicit_date = date->explicit_date;
      found.relative = date->relative;
      return found;
    }
    std::string_view part = part_of_day(lower(j + 1));
    if (!part.empty() && lower(j + 1) != "overnight") found.end = j + 2;
    if (auto day = resolve_weekday(weekday, i, direction)) {
      found.value = format_date(*day);
    } else {
      found.value = "XXXX-WXX-" + std::to_string(weekday + 1);
    }
    if (found.end == j + 2) {
      found.type = TimexType::kTime;
      found.value += "T" + std::string(part);
    }
    found.relative = true;
    return found;
  }

  // "last year", "this year", "next year" right after a month: the year it names.
  std::optional<int> year_phrase_at(size_t k) const {
    if (!dct_ || lower(k + 1) != "year") return std::nullopt;
    int year = civil_from_days(*dct_).year;
    if (lower(k) == "last") return year - 1;
    if (lower(k) == "this") return year;
    if (lower(k) == "next") return year + 1;
    return std::nullopt;
  }

  // "April 17", "April 17, 2025", "Apr. 17", "April 2025", "in April", "mid-April"
  std::optional<Found> match_month_first(size_t i) const {
    size_t j = i;
    bool modifier = false;
    if (one_of(lower(i), {"early", "late", "mid", "mid-"}) && i + 1 < words_.size()) {
      j = lower(i + 1) == "-" ? i + 2 : i + 1;
      modifier = true;
    }
    const Word* w = at(j);
    if (!w) return std::nullopt;
    int month = month_number(*w);
    if (month == 0) return std::nullopt;
    size_t k = j + 1;
    bool abbreviated = w->lower.size() <= 4 && w->lower != "june" && w->lower != "july";
    // "Apr. 17": the abbreviation's dot; after a full name the dot ends the sentence.
    if (abbreviated && lower(k) == "." && glued(k)) ++k;
    size_t end = 0;
    if (!modifier) {
      if (int day = day_at(k, &end); day > 0) {
        // "April 17, 2025" / "April 17 2025"
        size_t year_index = lower(end) == "," ? end + 1 : end;
        if (int year = year_at(year_index); year > 0)
          return full_date(year_index + 1, year, month, day);
        if (auto year = year_phrase_at(end); year && day <= days_in_month(*year, month)) {
          Found found = full_date(end + 2, *year, month, day);
          found.relative = true;
          return found;
        }
        return month_day(end, month, day, i);
      }
    }
    size_t year_index = lower(k) == "," ? k + 1 : k;
    if (int year = year_at(year_index); year > 0) {
      Found found;
      found.end = year_index + 1;
      found.value = format_month(year, month);
      return found;
    }
    // A bare month needs a preposition or modifier before it; "May" and "March" are also
    // ordinary words and names.
    bool introduced =
        modifier ||
        (i > 0 && one_of(lower(i - 1),
                         {"in", "since", "until", "by", "of", "during", "from", "through", "till",
                          "before", "after", "last", "next", "this", "early", "late", "mid"}));
    if (auto year = year_phrase_at(j + 1); year && !abbreviated) {
      Found found;
      found.end = j + 3;
      found.relative = true;
      found.value = format_month(*year, month);
      return found;
    }
    // Full month names other than "May" and "March" are dates on their own ("January sales").
    if (!introduced && (month == 3 || month == 5 || w->newline_before)) return std::nullopt;
    if (abbreviated) return std::nullopt;
    Found found;
    found.end = j + 1;
    found.relative = true;
    int direction = i > 0 && lower(i - 1) == "last" ? -1 : i > 0 && lower(i - 1) == "next" ? 1 : 0;
    if (dct_) {
      CivilDate anchor = civil_from_days(*dct_);
      int year = *resolve_year(month, 1, i);
      if (direction < 0) year = month < anchor.month ? anchor.year : anchor.year - 1;
      if (direction > 0) year = month > anchor.month ? anchor.year : anchor.year + 1;
      found.value = format_month(year, month);
    } else {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "XXXX-%02d", month);
      found.value = buffer;
    }
    return found;
  }

  // "17 April 2025", "17th of April", "17 April"
  std::optional<Found> match_day_first(size_t i) const {
    size_t end = 0;
    int day = day_at(i, &end);
    if (day == 0) return std::nullopt;
    size_t k = end;
    if (lower(k) == "of") ++k;
    const Word* w = at(k);
    if (!w) return std::nullopt;
    int month = month_number(*w);
    if (month == 0) return std::nullopt;
    ++k;
    if (w->lower.size() <= 4 && w->lower != "june" && w->lower != "july" && lower(k) == "." &&
        glued(k))
      ++k;
    size_t year_index = lower(k) == "," ? k + 1 : k;
    if (int year = year_at(year_index); year > 0)
      return full_date(year_index + 1, year, month, day);
    return month_day(k, month, day, i);
  }

  Found relative_day(size_t end, int offset) const {
    Found found;
    found.end = end;
    found.relative = true;
    found.value = dct_ ? format_date(*dct_ + offset) : "XXXX-XX-XX";
    return found;
  }

  Found reference(size_t end, std::string_view value) const {
    Found found;
    found.end = end;
    found.value = std::string(value);
    return found;
  }

  std::optional<Found> match_relative_word(size_t i) const {
    std::string_view w = without_possessive(lower(i));
    int offset = 0;
    if (w == "today") {
      offset = 0;
    } else if (w == "yesterday") {
      offset = -1;
    } else if (w == "tomorrow") {
      offset = 1;
    } else if (w == "tonight") {
      Found found = relative_day(i + 1, 0);
      found.type = TimexType::kTime;
      found.value += "TNI";
      return found;
    } else if ((w == "this" || w == "last") && !part_of_day(lower(i + 1)).empty()) {
      // "this morning", "last night"
      Found found = relative_day(i + 2, w == "last" ? -1 : 0);
      found.type = TimexType::kTime;
      found.value += "T" + std::string(part_of_day(lower(i + 1)));
      return found;
    } else if (one_of(w, {"now", "currently", "nowadays", "current"})) {
      return reference(i + 1, "PRESENT_REF");
    } else if (w == "recent" && !time_unit(lower(i + 1)) && i > 0 &&
               one_of(lower(i - 1), {"the", "a", "its", "their", "his", "her", "this"})) {
      return reference(i + 1, "PAST_REF");  // "the recent decline"
    } else if (w == "recently") {
      return reference(i + 1, "PAST_REF");
    } else if (w == "soon" && !one_of(lower(i + 1), {"as", "after", "afterwards"})) {
      return reference(i + 1, "FUTURE_REF");
    } else if (w == "recent" && time_unit(lower(i + 1)) && time_unit(lower(i + 1))->plural) {
      Found found;
      found.end = i + 2;
      found.type = TimexType::kDuration;
      found.value = duration_value(-1, time_unit(lower(i + 1))->code);
      return found;
    } else if (w == "the" && lower(i + 1) == "past" && !time_unit(lower(i + 2)) &&
               !cardinal_word_value(lower(i + 2)) && at(i + 2) &&
               words_[i + 2].kind != WordKind::kNumber &&
               !one_of(lower(i + 2), {"few", "several"})) {
      return reference(i + 2, "PAST_REF");
    } else if (w == "the" && lower(i + 1) == "future") {
      return reference(i + 2, "FUTURE_REF");
    } else if (w == "these" && lower(i + 1) == "days") {
      return reference(i + 2, "PRESENT_REF");
    } else {
      return std::nullopt;
    }
    Found found = relative_day(i + 1, offset);
    if (!part_of_day(lower(i + 1)).empty() && lower(i + 1) != "overnight") {
      found.end = i + 2;
      found.type = TimexType::kTime;
      found.value += "T" + std::string(part_of_day(lower(i + 1)));
    }
    return found;
  }

  // Value of "last/this/next <unit>" with `shift` units from the anchor.
  std::string shifted_calendar_unit(std::string_view code, int shift) const {
    CivilDate anchor = civil_from_days(*dct_);
    if (code == "W") return format_week(*dct_ + 7 * shift);
    if (code == "M") {
      int year = anchor.year, month = anchor.month;
      add_months(year, month, shift);
      return format_month(year, month);
    }
    if (code == "Y") return std::to_string(anchor.year + shift);
    if (code == "DE") return std::to_string((anchor.year / 10 + shift)).substr(0, 3);
    if (code == "D") return format_date(*dct_ + shift);
    return {};
  }

  // "last week", "this month", "next year", "earlier this week", "this weekend",
  // "the past two years" (a duration), "the coming days".
  std::optional<Found> match_modified_unit(size_t i) const {
    size_t j = i;
    bool the = false;
    if (lower(j) == "the") {
      the = true;
      ++j;
    }
    bool edge = false;  // "earlier this month", "later this year", "late last year"
    // TimeBank leaves "earlier"/"later" out of the span ("earlier [this month]").
    if (!the && one_of(lower(j), {"early", "late"}) &&
        one_of(lower(j + 1), {"this", "last", "next"})) {
      edge = true;
      ++j;
    }
    std::string_view modifier = lower(j);
    if (!one_of(modifier, {"last", "this", "next", "past", "coming", "previous", "following"}))
      return std::nullopt;
    size_t k = j + 1;
    if (the && modifier == "this") return std::nullopt;
    if (the && modifier == "last" && !read_cardinal(words_, k, &k) &&
        !one_of(lower(j + 1), {"few", "several", "many"}))
      return std::nullopt;
    k = j + 1;
    // "the past two years", "the last 24 hours" -> durations
    size_t amount_end = 0;
    std::optional<double> amount = read_cardinal(words_, k, &amount_end);
    if (!amount && one_of(lower(k), {"few", "several", "many"})) {
      amount = -1;
      amount_end = k + 1;
    }
    if (amount) {
      auto unit = time_unit(lower(amount_end));
      if (!unit || !one_of(modifier, {"past", "last", "next", "coming", "previous", "following"}))
        return std::nullopt;
      Found found;
      found.end = amount_end + 1;
      found.type = TimexType::kDuration;
      found.value = duration_value(*amount, unit->code);
      return found;
    }
    std::string_view unit_word = lower(k);
    if (std::string_view season = season_code(unit_word); !season.empty()) {
      // "this summer", "last winter"
      if (the || !one_of(modifier, {"last", "this", "next"})) return std::nullopt;
      Found found;
      found.end = k + 1;
      found.relative = true;
      int shift = modifier == "last" ? -1 : modifier == "next" ? 1 : 0;
      found.value = (dct_ ? std::to_string(civil_from_days(*dct_).year + shift) : "XXXX") + "-" +
                    std::string(season);
      return found;
    }
    bool weekend = unit_word == "weekend";
    auto unit = time_unit(unit_word);
    if (!weekend && !unit) return std::nullopt;
    if (unit && unit->plural) {
      // "the coming days", "the past weeks" -> vague durations
      if (!the && modifier != "past" && modifier != "coming") return std::nullopt;
      Found found;
      found.end = k + 1;
      found.type = TimexType::kDuration;
      found.value = duration_value(-1, unit->code);
      return found;
    }
    if (the && (modifier == "past" || modifier == "coming")) {
      // "the past week" is the week-long stretch before now (TimeBank: a duration).
      Found found;
      found.end = k + 1;
      found.type = TimexType::kDuration;
      found.value = duration_value(1, weekend ? "WE" : unit->code);
      return found;
    }
    if (modifier == "past" || modifier == "coming" || modifier == "following" ||
        modifier == "previous" || the)
      return std::nullopt;
    int shift = modifier == "last" ? -1 : modifier == "next" ? 1 : 0;
    Found found;
    found.end = k + 1;
    found.relative = true;
    std::string_view code = weekend ? "W" : unit->code;
    if (code != "W" && code != "M" && code != "Y" && code != "DE") {
      if (code == "D" || code == "H") return std::nullopt;  // "this day", "the last hour"
      return std::nullopt;
    }
    if (dct_) {
      found.value = shifted_calendar_unit(code, shift);
      if (weekend) found.value += "-WE";
    } else {
      found.value = code == "W"    ? "XXXX-WXX"
                    : code == "M"  ? "XXXX-XX"
                    : code == "DE" ? "XXX"
                                   : "XXXX";
      if (weekend) found.value += "-WE";
    }
    (void)edge;
    return found;
  }

  // "the third quarter", "third-quarter", "the fourth quarter of 2024"
  std::optional<Found> match_quarter(size_t i) const {
    size_t j = lower(i) == "the" ? i + 1 : i;
    if (j == i + 1 && one_of(lower(j), {"latest", "current", "recent", "quarter"})) {
      // "the quarter", "the latest quarter": the quarter being reported on, which is the one
      // just ended unless the sentence looks ahead.
      size_t k = lower(j) == "quarter" ? j : j + 1;
      if (lower(k) != "quarter") return std::nullopt;
      Found found;
      found.end = k + 1;
      found.relative = true;
      if (!dct_) {
        found.value = "XXXX-QX";
        return found;
      }
      CivilDate anchor = civil_from_days(*dct_);
      int quarter = (anchor.month - 1) / 3 + 1, year = anchor.year;
      if (lower(j) != "current" && !future_context(i) && --quarter == 0) {
        quarter = 4;
        --year;
      }
      found.value = std::to_string(year) + "-Q" + std::to_string(quarter);
      return found;
    }
    auto ordinal = ordinal_word_value(lower(j));
    if (!ordinal || *ordinal < 1 || *ordinal > 4) return std::nullopt;
    size_t k = j + 1;
    if (lower(k) == "-" && glued(k)) ++k;
    if (lower(k) != "quarter") return std::nullopt;
    size_t end = k + 1;
    int year = 0;
    if (lower(end) == "of" && year_at(end + 1)) {
      year = year_at(end + 1);
      end += 2;
    } else if (lower(end) == "," && year_at(end + 1)) {
      year = year_at(end + 1);
      end += 2;
    }
    Found found;
    found.end = end;
    if (year == 0) {
      found.relative = true;
      if (!dct_) {
        found.value = "XXXX-Q" + std::to_string(*ordinal);
        return found;
      }
      CivilDate anchor = civil_from_days(*dct_);
      int current_quarter = (anchor.month - 1) / 3 + 1;
      year = anchor.year;
      if (*ordinal > current_quarter && !future_context(i)) --year;
    }
    found.value = std::to_string(year) + "-Q" + std::to_string(*ordinal);
    return found;
  }

  // "two days ago", "24 hours", "a year", "30-day", "for years", "two days later"
  std::optional<Found> match_amount_of_time(size_t i) const {
    size_t k = 0;
    double amount = 0;
    std::string_view first = lower(i);
    bool leading_article = false;
    if (auto value = read_cardinal(words_, i, &k)) {
      amount = *value;
      if (words_[i].kind == WordKind::kNumber && i > 0 &&
          one_of(lower(i - 1), {"$", "€", "£", "us$"}))
        return std::nullopt;
    } else if (first == "a" || first == "an") {
      amount = 1;
      k = i + 1;
      leading_article = true;
    } else if (one_of(first, {"several", "few", "many", "some", "couple"})) {
      amount = -1;
      k = i + 1;
      if (first == "couple" && lower(k) == "of") {
        amount = 2;
        ++k;
      }
    } else if (first == "half" && one_of(lower(i + 1), {"a", "an"})) {
      amount = 0.5;
      k = i + 2;
    } else {
      // Bare plural unit after a preposition: "for years", "in decades", "within hours".
      auto unit = time_unit(first);
      // "days after the vote", "weeks later"
      bool vague_offset = one_of(lower(i + 1), {"after", "later", "before", "earlier"}) &&
                          (i == 0 || !words_[i - 1].capitalized || words_[i].newline_before ||
                           words_[i - 1].kind == WordKind::kPunct || lower(i - 1) == "just");
      if (unit && unit->plural && unit->code != "S" &&
          (vague_offset || (i > 0 && one_of(lower(i - 1), {"for", "in", "over", "within", "after",
                                                           "takes", "took", "than"})))) {
        if (lower(i + 1) == "ago") {
          return reference(i + 2, "PAST_REF");
        }
        Found found;
        found.end = i + 1;
        found.type = TimexType::kDuration;
        found.value = duration_value(-1, unit->code);
        return found;
      }
      return std::nullopt;
    }
    // "a few days"
    if (leading_article && one_of(lower(k), {"few", "couple"})) {
      amount = lower(k) == "couple" ? 2 : -1;
      ++k;
      if (lower(k) == "of") ++k;
    }
    bool hyphenated = lower(k) == "-" && glued(k) && glued(k + 1);
    if (hyphenated) ++k;
    auto unit = time_unit(lower(k));
    if (!unit) return std::nullopt;
    if (leading_article && unit->plural) return std::nullopt;
    // "a second round" is an ordinal, not a second of time.
    if (unit->code == "S" && !unit->plural && (leading_article || amount == 2) && at(k + 1) &&
        words_[k + 1].kind == WordKind::kWord && !one_of(lower(k + 1), {"ago", "later"}))
      return std::nullopt;
    if (!hyphenated && amount == 1 && unit->plural && !leading_article) return std::nullopt;
    size_t end = k + 1;
    // "a 47-year-old": an age is a duration too (TimeML), keep "-old" in the span.
    if (hyphenated && lower(end) == "-" && lower(end + 1) == "old") end += 2;
    if (lower(end) == "ago" || (lower(end) == "earlier" && !hyphenated)) {
      // "two days ago", "a year earlier": a point that far before the anchor.
      Found found;
      found.end = end + 1;
      found.relative = true;
      if (amount < 0 || !dct_) {
        found.value = amount < 0 ? "PAST_REF" : "XXXX-XX-XX";
        if (amount < 0) found.relative = false;
        return found;
      }
      int whole = static_cast<int>(amount);
      if (unit->code == "D") {
        found.value = format_date(*dct_ - whole);
      } else if (unit->code == "W") {
        found.value = format_week(*dct_ - 7 * whole);
      } else if (unit->code == "M") {
        CivilDate anchor = civil_from_days(*dct_);
        add_months(anchor.year, anchor.month, -whole);
        found.value = format_month(anchor.year, anchor.month);
      } else if (unit->code == "Y") {
        found.value = std::to_string(civil_from_days(*dct_).year - whole);
        found.years_back = whole;
      } else if (unit->code == "DE") {
        found.value = std::to_string(civil_from_days(*dct_).year - 10 * whole).substr(0, 3);
      } else {
        found.value = "PAST_REF";
      }
      return found;
    }
    // "$5 billion a year": a rate, TIMEX3 SET.
    if (leading_article && !unit->plural && i > 0 &&
        (words_[i - 1].kind == WordKind::kNumber ||
         one_of(lower(i - 1),
                {"million", "billion", "trillion", "times", "once", "twice", "percent"}))) {
      Found found;
      found.end = end;
      found.type = TimexType::kSet;
      found.value = duration_value(1, unit->code);
      return found;
    }
    Found found;
    found.end = end;
    found.type = TimexType::kDuration;
    found.value = duration_value(amount, unit->code);
    return found;
  }

  // "4 a.m.", "10:30 p.m. GMT", "noon", "midnight", "14:30"
  std::optional<Found> match_clock_time(size_t i) const {
    const Word* w = at(i);
    if (!w) return std::nullopt;
    int hour = -1, minute = 0;
    size_t k = i + 1;
    if (w->lower == "lunchtime") {
      // A part of the day, not a clock time (TIMEX3 "MI", midday).
      Found found;
      found.end = i + 1;
      found.type = TimexType::kTime;
      found.relative = true;
      found.value = (dct_ ? format_date(*dct_) : std::string("XXXX-XX-XX")) + "TMI";
      return found;
    }
    if (w->lower == "noon" || w->lower == "midday") {
      hour = 12;
    } else if (w->lower == "midnight") {
      hour = 24;
    } else if (size_t word_end = 0; w->kind == WordKind::kWord &&
                                    read_cardinal(words_, i, &word_end) &&
                                    lower(word_end) == "o'clock") {
      hour = static_cast<int>(*read_cardinal(words_, i, &word_end));  // "three o'clock"
      if (hour < 1 || hour > 12) return std::nullopt;
      k = word_end + 1;
    } else if (w->kind == WordKind::kNumber && w->lower.size() <= 2) {
      hour = std::atoi(w->lower.c_str());
      bool has_minutes = false;
      if (lower(k) == ":" && glued(k) && glued(k + 1) && at(k + 1) &&
          words_[k + 1].kind == WordKind::kNumber && words_[k + 1].lower.size() == 2) {
        minute = std::atoi(words_[k + 1].lower.c_str());
        k += 2;
        has_minutes = true;
      } else if (lower(k) == "." && glued(k)) {
        return std::nullopt;
      }
      std::string_view meridiem = lower(k);
      if (one_of(meridiem, {"a.m.", "a.m", "am"}) && hour >= 1 && hour <= 12) {
        if (hour == 12) hour = 0;
        ++k;
      } else if (one_of(meridiem, {"p.m.", "p.m", "pm"}) && hour >= 1 && hour <= 12) {
        if (hour != 12) hour += 12;
        ++k;
      } else if (meridiem == "o'clock") {
        ++k;
      } else if (!(has_minutes && hour <= 23)) {
        return std::nullopt;
      }
      if (hour > 24 || minute > 59) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (one_of(lower(k), {"gmt", "utc", "est", "edt", "cet", "cest", "bst", "pst", "pdt", "ist"}) &&
        words_[k].capitalized)
      ++k;
    else if (lower(k) == "local" && lower(k + 1) == "time")
      k += 2;
    Found found;
    found.end = k;
    found.type = TimexType::kTime;
    found.relative = true;
    char clock[32];
    std::snprintf(clock, sizeof clock, "T%02d:%02d", hour, minute);
    std::string date = dct_ ? format_date(*dct_) : std::string("XXXX-XX-XX");
    // "noon Thursday", "10 p.m. Wednesday"
    if (const Word* next = at(k); next && weekday_number(*next) >= 0) {
      found.weekday = weekday_number(*next);
      found.end = k + 1;
      auto day = resolve_weekday(found.weekday, i, 0);
      date = day ? format_date(*day) : "XXXX-WXX-" + std::to_string(found.weekday + 1);
    }
    found.value = date + clock;
    return found;
  }

  // "every day", "each week", "daily", "weekly", "every Monday"
  std::optional<Found> match_set(size_t i) const {
    std::string_view w = lower(i);
    Found found;
    found.type = TimexType::kSet;
    if (w == "daily" || w == "nightly") {
      found.end = i + 1;
      found.value = "P1D";
      return found;
    }
    if (w == "weekly") {
      found.end = i + 1;
      found.value = "P1W";
      return found;
    }
    if (w == "monthly") {
      found.end = i + 1;
      found.value = "P1M";
      return found;
    }
    if (w == "annually" || w == "yearly") {
      found.end = i + 1;
      found.value = "P1Y";
      return found;
    }
    if (w == "hourly") {
      found.end = i + 1;
      found.value = "PT1H";
      return found;
    }
    if (w != "every" && w != "each") return std::nullopt;
    if (const Word* next = at(i + 1)) {
      int weekday = weekday_number(*next);
      if (weekday >= 0) {
        found.end = i + 2;
        found.value = "XXXX-WXX-" + std::to_string(weekday + 1);
        found.weekday = weekday;
        return found;
      }
    }
    if (one_of(lower(i + 1), {"morning", "evening", "night", "afternoon"})) {
      found.end = i + 2;
      found.value = "TXX" + std::string(part_of_day(lower(i + 1)));
      return found;
    }
    auto unit = time_unit(lower(i + 1));
    if (!unit || unit->plural) return std::nullopt;
    found.end = i + 2;
    found.value = duration_value(1, unit->code);
    return found;
  }

  // "in 2014", "the 1990s", "fiscal 1990", "mid-1990s"
  std::optional<Found> match_year(size_t i) const {
    size_t j = i;
    bool fiscal = false;
    if (lower(i) == "fiscal" && year_at(i + 1)) {
      fiscal = true;
      j = i + 1;
    }
    const Word* w = at(j);
    if (!w || w->kind != WordKind::kNumber || w->lower.size() != 4) return std::nullopt;
    int year = std::atoi(w->lower.c_str());
    if (year < 1000 || year > 2199) return std::nullopt;
    if (j > 0 && one_of(lower(j - 1), {"$", "€", "£", "no", "no.", "number", "#"}))
      return std::nullopt;
    if (j > 0 && !glued(j) == false && words_[j - 1].kind == WordKind::kPunct &&
        one_of(lower(j - 1), {"-", "/", ":"}))
      return std::nullopt;
    Found found;
    // Decades: "the 1990s"
    if (glued(j + 1) && lower(j + 1) == "s") {
      if (year % 10 != 0) return std::nullopt;
      found.end = j + 2;
      found.value = std::to_string(year / 10);
      return found;
    }
    if (fiscal) {
      found.end = j + 1;
      found.value = std::to_string(year);  // TimeBank writes fiscal years as plain years
      return found;
    }
    if (glued(j + 1) && one_of(lower(j + 1), {"-", "."}) && at(j + 2) &&
        words_[j + 2].kind == WordKind::kNumber)
      return std::nullopt;
    // A count rather than a year when a noun follows ("2000 troops") and nothing before
    // introduces a year.
    bool introduced =
        j > 0 &&
        one_of(lower(j - 1),
               {"in",     "since",  "by",     "of",     "until", "till",   "from", "to", "through",
                "during", "before", "after",  "early",  "late",  "mid",    "year", "(",  "between",
                "the",    "spring", "summer", "autumn", "fall",  "winter", "for"});
    const Word* next = at(j + 1);
    bool noun_follows = next && next->kind == WordKind::kWord && !next->capitalized &&
                        !is_function_word(next->lower) && next->lower != "when" &&
                        next->sentence == w->sentence;
    if (noun_follows && !introduced) return std::nullopt;
    if (next && one_of(next->lower, {"percent", "per", "million", "billion", "people", "%"}))
      return std::nullopt;
    found.end = j + 1;
    found.value = std::to_string(year);
    return found;
  }

  // A weekday written next to a full date of its own ("on Friday ... April 7, 2025" in the
  // same clause) records that date, so a later check can compare the two.
  void link_weekdays_to_dates(std::vector<Timex>& timexes) const {
    for (size_t t = 0; t < timexes.size(); ++t) {
      Timex& timex = timexes[t];
      if (timex.weekday < 0 || !timex.explicit_date.empty() || timex.type == TimexType::kSet)
        continue;
      for (size_t other : {t + 1, t - 1}) {
        if (other >= timexes.size()) continue;
        const Timex& date = timexes[other];
        if (date.explicit_date.empty() || date.sentence != timex.sentence) continue;
        Span gap = other > t ? Span{timex.span.end, date.span.start}
                             : Span{date.span.end, timex.span.start};
        if (gap.size() > 12) continue;  // ", on", " (", " – "
        timex.explicit_date = date.explicit_date;
        break;
      }
    }
  }

  const Document& doc_;
  const std::vector<Word>& words_;
  std::optional<int64_t> dct_;
  std::string last_quarter_;  // the last fiscal quarter named ("1989-Q3"), for "a year ago"
};

// Granularity of a value the calendar cannot place ("XXXX-WXX-5", "XXXX-04").
TimeGranularity unresolved_granularity(std::string_view value) {
  if (value.find('T') != std::string_view::npos) return TimeGranularity::kTime;
  size_t dashes = std::count(value.begin(), value.end(), '-');
  bool week = value.size() > 5 && value[5] == 'W';
  if (dashes >= 2) return TimeGranularity::kDay;
  if (dashes == 1) return week ? TimeGranularity::kWeek : TimeGranularity::kMonth;
  return TimeGranularity::kYear;
}

void set_calendar_span(Timex& timex) {
  timex.granularity = TimeGranularity::kNone;
  timex.first_day.clear();
  timex.last_day.clear();
  if (timex.type == TimexType::kDuration || timex.type == TimexType::kSet) return;
  if (auto interval = calendar_interval(timex.value)) {
    timex.granularity = interval->granularity;
    timex.first_day = format_date(interval->first_day);
    timex.last_day = format_date(interval->last_day);
  } else if (timex.value.starts_with("XXXX")) {
    timex.granularity = unresolved_granularity(timex.value);
  }
}

}  // namespace

void find_times(Document& doc, const std::string& dct) {
  std::vector<Word> words = scan_words(doc);
  std::optional<int64_t> anchor = dct.empty() ? std::nullopt : parse_iso_date(dct);
  doc.timexes = TimeScanner(doc, words, anchor).scan();
  for (Timex& timex : doc.timexes) set_calendar_span(timex);
}

}  // namespace extract

void annotate_times(Document& doc, const std::string& dct) { extract::find_times(doc, dct); }

namespace {

// Year of a "YYYY" timex value, else 0.
int plain_year(const std::string& value) {
  if (value.size() != 4) return 0;
  for (char c : value)
    if (c < '0' || c > '9') return 0;
  return std::atoi(value.c_str());
}

template <typename Key>
Key most_frequent(const std::map<Key, int>& counts, Key fallback) {
  Key best = fallback;
  int best_count = 0;
  for (const auto& [key, count] : counts) {
    if (count >= best_count) {  // ties go to the later key
      best = key;
      best_count = count;
    }
  }
  return best;
}

// The date the story is about: the most frequent full date its articles write, counting
// month-days without a year in the year the dated articles (or the story's own text) give,
// with a bonus for dates whose weekday the articles name.
std::optional<int64_t> story_anchor_date(const std::vector<Document>& documents,
                                         const Story& story) {
  // The year for month-days written without one: the dated articles' year, else the year of
  // the full dates the story writes, else the latest year it names (background years such as
  // "in power since 2000" are older than the news).
  std::map<int, int> publication_years, full_date_years;
  int latest_year = 0;
  for (uint32_t index : story.documents) {
    if (index >= documents.size()) continue;
    const Document& doc = documents[index];
    if (auto published = extract::parse_iso_date(doc.published))
      ++publication_years[extract::civil_from_days(*published).year];
    for (const Timex& timex : doc.timexes) {
      if (int year = plain_year(timex.value)) latest_year = std::max(latest_year, year);
      if (timex.explicit_date.empty() || timex.anchored_to != "absolute") continue;
      if (auto day = extract::parse_iso_date(timex.explicit_date)) {
        int year = extract::civil_from_days(*day).year;
        ++full_date_years[year];
        latest_year = std::max(latest_year, year);
      }
    }
  }
  int year_hint = most_frequent(publication_years, most_frequent(full_date_years, latest_year));

  std::map<int64_t, int> date_counts;
  std::map<int, int> weekday_counts;
  for (uint32_t index : story.documents) {
    if (index >= documents.size()) continue;
    for (const Timex& timex : documents[index].timexes) {
      if (timex.type == TimexType::kSet) continue;
      if (!timex.explicit_date.empty()) {
        if (auto day = extract::parse_iso_date(timex.explicit_date)) ++date_counts[*day];
      } else if (timex.value.size() == 10 && timex.value.rfind("XXXX-", 0) == 0 && year_hint > 0 &&
                 timex.value[5] != 'W' && timex.value[5] != 'X') {
        std::string dated = std::to_string(year_hint) + timex.value.substr(4);
        if (auto day = extract::parse_iso_date(dated)) ++date_counts[*day];
      }
      if (timex.weekday >= 0 && timex.explicit_date.empty()) ++weekday_counts[timex.weekday];
    }
  }
  std::optional<int64_t> best;
  double best_score = 0;
  for (const auto& [day, count] : date_counts) {
    auto weekday = weekday_counts.find(extract::weekday_of(day));
    double score = count + (weekday != weekday_counts.end() ? 0.5 + 0.1 * weekday->second : 0.0);
    // Ties go to the later date: follow-up coverage names the newest development.
    if (!best || score >= best_score) {
      best = day;
      best_score = score;
    }
  }
  return best;
}

}  // namespace

void resolve_story_times(std::vector<Document>& documents, const Story& story) {
  bool any_undated = false;
  for (uint32_t index : story.documents)
    if (index < documents.size() && documents[index].published.empty()) any_undated = true;
  if (!any_undated) return;
  std::optional<int64_t> anchor = story_anchor_date(documents, story);
  if (!anchor) return;
  std::string anchor_text = extract::format_date(*anchor);
  for (uint32_t index : story.documents) {
    if (index >= documents.size() || !documents[index].published.empty()) continue;
    Document& doc = documents[index];
    extract::find_times(doc, anchor_text);
    for (Timex& timex : doc.timexes)
      if (timex.anchored_to == "publication") timex.anchored_to = "story";
  }
}

}  // namespace crosscheck
