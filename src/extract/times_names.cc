#include "extract/times_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>

namespace crosscheck::extract {

namespace {

std::string lower_utf8(const icu::UnicodeString& name) {
  icu::UnicodeString lower(name);
  lower.toLower(icu::Locale::getRoot());
  std::string out;
  lower.toUTF8String(out);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// Adds names[first..first+count) to `table` as value + offset; keeps the first value of a name.
void add_names(const icu::UnicodeString* names, int32_t count, int32_t first, int offset,
               std::unordered_map<std::string, int>& table) {
  for (int32_t k = first; k < count; ++k) {
    std::string name = lower_utf8(names[k]);
    if (!name.empty()) table.emplace(name, k - first + offset);
  }
}

CalendarNames build(const std::string& locale_id) {
  CalendarNames names;
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale_id.c_str()), status);
  if (U_FAILURE(status)) return names;
  using Symbols = icu::DateFormatSymbols;
  for (auto width : {Symbols::WIDE, Symbols::ABBREVIATED}) {
    for (auto context : {Symbols::FORMAT, Symbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      add_names(months, std::min(count, 12), 0, 1, names.months);
      // ICU numbers weekdays from Sunday = 1 (index 0 unused).
      const icu::UnicodeString* weekdays = symbols.getWeekdays(count, context, width);
      for (int32_t k = 1; k < count && k <= 7; ++k) {
        std::string name = lower_utf8(weekdays[k]);
        if (!name.empty() && width == Symbols::WIDE) names.weekdays.emplace(name, (k + 5) % 7);
      }
    }
  }
  return names;
}

}  // namespace

const CalendarNames& calendar_names(std::string_view locale) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<CalendarNames>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(locale);
  if (found == cache.end()) {
    std::string id(locale);
    found = cache.emplace(id, std::make_unique<CalendarNames>(build(id))).first;
  }
  return *found->second;
}

}  // namespace crosscheck::extract
