// Internal to the extract stage: month and weekday names of a language from ICU's
// DateFormatSymbols (wide, abbreviated and standalone forms), so that other languages follow
// the locale rather than an English list in the code.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace crosscheck::extract {

struct CalendarNames {
  std::unordered_map<std::string, int> months;    // lower-case name or abbreviation -> 1..12
  std::unordered_map<std::string, int> weekdays;  // lower-case name -> 0 = Monday .. 6 = Sunday
};

// Names for `locale` (ICU locale id, "en"); built once per locale and kept for the process.
// Abbreviations lose a trailing dot ("sept." -> "sept"). An unknown locale gives ICU's root
// names. Thread-safe.
const CalendarNames& calendar_names(std::string_view locale = "en");

}  // namespace crosscheck::extract
