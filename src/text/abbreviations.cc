// News abbreviations that end in a period without ending the sentence.
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/annotate.h"

namespace crosscheck::text_internal {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters-and-periods acronyms: "U.S.", "a.m.", "U.N.", "D.C.".
bool is_dotted_acronym(std::string_view word) {
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (!is_ascii_letter(word[i]) || word[i + 1] != '.') return false;
  }
  return true;
}

const std::unordered_map<std::string_view, AbbreviationKind>& known_abbreviations() {
  using enum AbbreviationKind;
  static const std::unordered_map<std::string_view, AbbreviationKind> table = {
      // Titles and ranks: a name always follows.
      {"mr", kTitle},
      {"mrs", kTitle},
      {"ms", kTitle},
      {"mx", kTitle},
      {"dr", kTitle},
      {"gen", kTitle},
      {"gens", kTitle},
      {"sen", kTitle},
      {"sens", kTitle},
      {"rep", kTitle},
      {"reps", kTitle},
      {"gov", kTitle},
      {"govs", kTitle},
      {"st", kTitle},
      {"ste", kTitle},
      {"lt", kTitle},
      {"col", kTitle},
      {"sgt", kTitle},
      {"capt", kTitle},
      {"cmdr", kTitle},
      {"adm", kTitle},
      {"maj", kTitle},
      {"cpl", kTitle},
      {"pvt", kTitle},
      {"brig", kTitle},
      {"prof", kTitle},
      {"rev", kTitle},
      {"hon", kTitle},
      {"pres", kTitle},
      {"supt", kTitle},
      {"insp", kTitle},
      {"det", kTitle},
      {"msgr", kTitle},
      {"fr", kTitle},
      {"mt", kTitle},
      {"ft", kTitle},
      {"sec", kTitle},
      {"amb", kTitle},
      {"atty", kTitle},
      {"gov't", kTitle},
      // Months, written before a day number or a year.
      {"jan", kMonth},
      {"feb", kMonth},
      {"mar", kMonth},
      {"apr", kMonth},
      {"jun", kMonth},
      {"jul", kMonth},
      {"aug", kMonth},
      {"sep", kMonth},
      {"sept", kMonth},
      {"oct", kMonth},
      {"nov", kMonth},
      {"dec", kMonth},
      // Before a number.
      {"no", kBeforeNumber},
      {"nos", kBeforeNumber},
      {"vol", kBeforeNumber},
      {"art", kBeforeNumber},
      {"fig", kBeforeNumber},
      {"pp", kBeforeNumber},
      {"approx", kBeforeNumber},
      {"est", kBeforeNumber},
      // Between two names.
      {"vs", kLinking},
      {"v", kLinking},
      {"cf", kLinking},
      {"e.g", kLinking},
      {"i.e", kLinking},
      // May end a sentence as well.
      {"inc", kCanEnd},
      {"corp", kCanEnd},
      {"co", kCanEnd},
      {"ltd", kCanEnd},
      {"llc", kCanEnd},
      {"plc", kCanEnd},
      {"bros", kCanEnd},
      {"jr", kCanEnd},
      {"sr", kCanEnd},
      {"etc", kCanEnd},
      {"ave", kCanEnd},
      {"blvd", kCanEnd},
      {"rd", kCanEnd},
      {"dept", kCanEnd},
      {"univ", kCanEnd},
      {"assn", kCanEnd},
      {"intl", kCanEnd},
      {"govt", kCanEnd}};
  return table;
}

}  // namespace

AbbreviationKind classify_abbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return AbbreviationKind::kNone;
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') return AbbreviationKind::kInitial;
  if (is_dotted_acronym(word)) return AbbreviationKind::kCanEnd;
  std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.size() > 6) return AbbreviationKind::kNone;
  std::string lower;
  for (char c : stem) {
    if (!is_ascii_letter(c) && c != '.' && c != '\'') return AbbreviationKind::kNone;
    lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  // A lone lower-case "v" is only "versus"; "V." upper case is an initial (handled above).
  auto found = known_abbreviations().find(lower);
  return found == known_abbreviations().end() ? AbbreviationKind::kNone : found->second;
}

}  // namespace crosscheck::text_internal
