// Quantities: numbers with their bound ("at least"), unit (%, ISO currency, km ...), the noun
// they count and the event that governs them ("killed at least 35 people" -> 35, at least,
// people, kill).
//
// Conventions (documented here because facts compares across articles with them):
// - Vague plurals stay vague: "dozens" allows 24..99, "hundreds" 200..999, "thousands"
//   2,000..9,999, "millions" 2..9.99 million, "tens of thousands" 20,000..99,999, "hundreds of
//   thousands" 200,000..999,999 (twice the unit up to the next word a writer would switch to).
//   They get `vague`, that range in low/high, bound kAbout and the range's geometric centre as
//   value, so "dozens" and "60" agree and "dozens" and "500" do not. A bound written before
//   them ("more than dozens") wins and keeps the low end as value.
// - Written ranges ("35-40", "20 to 25 percent", "between 35 and 40", "$3-4 billion") keep both
//   ends in low/high; value is their midpoint, bound kAbout. "from 10 to 20" is a change, not a
//   range.
// - Punctuation that closes a quotation or bracket between a number and its scale word is
//   skipped ("$2.3” billion").
// - "nearly"/"almost"/"fewer than"/"under" are kLessThan; "up to"/"as many as"/"at most" are
//   kAtMost; "over"/"more than"/"above" are kMoreThan; "about"/"around"/"some"/"roughly" kAbout.
// - Ordinals ("third", "17th"), clock times, dates, years and durations (anything inside
//   doc.timexes) and model or article numbers ("F-16", "Article 5") are not quantities.
// - The counted noun is singularised lightly ("civilians" -> "civilian"; "people" stays);
//   the event is the Snowball stem of the governing verb ("killed" -> "kill").
#include <unicode/ucurr.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "core/ud.h"
#include "extract/layers.h"
#include "text/text.h"

namespace crosscheck::extract {

namespace {

bool ends_with(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

struct BoundPhrase {
  std::initializer_list<std::string_view> words;
  Bound bound;
};

// Bounds written after the number: "10 or more people", "a dozen or so", "50 or fewer".
const BoundPhrase kBoundsAfter[] = {
    {{"or", "more"}, Bound::kAtLeast},  {{"or", "so"}, Bound::kAbout},
    {{"or", "fewer"}, Bound::kAtMost},  {{"or", "less"}, Bound::kAtMost},
    {{"or", "greater"}, Bound::kAtLeast},
};

// Longest phrases first so "no more than" wins over "more than".
const BoundPhrase kBoundPhrases[] = {
    {{"no", "more", "than"}, Bound::kAtMost},
    {{"as", "many", "as"}, Bound::kAtMost},
    {{"as", "much", "as"}, Bound::kAtMost},
    {{"in", "excess", "of"}, Bound::kMoreThan},
    {{"at", "least"}, Bound::kAtLeast},
    {{"at", "most"}, Bound::kAtMost},
    {{"more", "than"}, Bound::kMoreThan},
    {{"fewer", "than"}, Bound::kLessThan},
    {{"less", "than"}, Bound::kLessThan},
    {{"up", "to"}, Bound::kAtMost},
    {{"upwards", "of"}, Bound::kMoreThan},
    {{"just", "over"}, Bound::kMoreThan},
    {{"well", "over"}, Bound::kMoreThan},
    {{"just", "under"}, Bound::kLessThan},
    {{"close", "to"}, Bound::kAbout},
    {{"an", "estimated"}, Bound::kAbout},
    {{"minimum", "of"}, Bound::kAtLeast},
    {{"maximum", "of"}, Bound::kAtMost},
    {{"over"}, Bound::kMoreThan},
    {{"above"}, Bound::kMoreThan},
    {{"exceeding"}, Bound::kMoreThan},
    {{"nearly"}, Bound::kLessThan},
    {{"almost"}, Bound::kLessThan},
    {{"under"}, Bound::kLessThan},
    {{"below"}, Bound::kLessThan},
    {{"about"}, Bound::kAbout},
    {{"around"}, Bound::kAbout},
    {{"some"}, Bound::kAbout},
    {{"roughly"}, Bound::kAbout},
    {{"approximately"}, Bound::kAbout},
    {{"approx."}, Bound::kAbout},
    {{"estimated"}, Bound::kAbout},
    {{"circa"}, Bound::kAbout},
    {{"nearly"}, Bound::kLessThan},
};

std::string_view currency_symbol(std::string_view word) {
  if (word == "$") return "USD";
  if (word == "€") return "EUR";
  if (word == "£") return "GBP";
  if (word == "¥") return "JPY";
  if (word == "₴") return "UAH";
  if (word == "₽") return "RUB";
  if (word == "₹") return "INR";
  return {};
}

// ISO 4217 code for a prefix glued to a currency sign: a region ("US", "AU", "CA", "HK") through
// ICU's currency data, or a currency code itself ("USD"). Empty otherwise.
std::string currency_of_prefix(std::string_view prefix) {
  for (char c : prefix)
    if (c < 'A' || c > 'Z') return {};
  if (prefix.size() == 3) return std::string(prefix);
  if (prefix.size() != 2) return {};
  std::string locale = "und_" + std::string(prefix);
  UChar code[4] = {};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucurr_forLocale(locale.c_str(), code, 4, &status);
  if (U_FAILURE(status) || length != 3) return {};
  return {static_cast<char>(code[0]), static_cast<char>(code[1]), static_cast<char>(code[2])};
}

std::string_view currency_word(std::string_view word) {
  struct Entry {
    std::string_view word, code;
  };
  static constexpr Entry kCurrencies[] = {
      {"dollars", "USD"},  {"dollar", "USD"},   {"euros", "EUR"},   {"euro", "EUR"},
      {"pounds", "GBP"},   {"sterling", "GBP"}, {"yen", "JPY"},     {"yuan", "CNY"},
      {"renminbi", "CNY"}, {"rubles", "RUB"},   {"roubles", "RUB"}, {"ruble", "RUB"},
      {"rouble", "RUB"},   {"hryvnias", "UAH"}, {"hryvnia", "UAH"}, {"hryvnas", "UAH"},
      {"rupees", "INR"},   {"francs", "CHF"},   {"usd", "USD"},     {"eur", "EUR"},
      {"gbp", "GBP"},      {"lira", "TRY"},     {"zlotys", "PLN"},  {"shekels", "ILS"}};
  for (const Entry& entry : kCurrencies)
    if (entry.word == word) return entry.code;
  return {};
}

std::string_view measure_unit(std::string_view word) {
  struct Entry {
    std::string_view word, unit;
  };
  static constexpr Entry kUnits[] = {
      {"km", "km"},        {"kilometres", "km"},  {"kilometers", "km"}, {"kilometre", "km"},
      {"kilometer", "km"}, {"miles", "mi"},       {"mile", "mi"},       {"metres", "m"},
      {"meters", "m"},     {"metre", "m"},        {"meter", "m"},       {"tonnes", "t"},
      {"tons", "t"},       {"tonne", "t"},        {"ton", "t"},         {"kg", "kg"},
      {"kilograms", "kg"}, {"kilogrammes", "kg"}, {"hectares", "ha"},   {"acres", "acre"},
      {"barrels", "bbl"},  {"feet", "ft"},        {"foot", "ft"},       {"litres", "l"},
      {"liters", "l"},     {"mph", "mph"},        {"kph", "km/h"},      {"cm", "cm"},
      {"mm", "mm"},        {"gigawatts", "GW"},   {"megawatts", "MW"},  {"gw", "GW"},
      {"mw", "MW"},        {"kwh", "kWh"},        {"degrees", "deg"},   {"pounds", "lb"}};
  for (const Entry& entry : kUnits)
    if (entry.word == word) return entry.unit;
  return {};
}

double scale_of(std::string_view word, bool money) {
  if (word == "hundred") return 1e2;
  if (word == "thousand") return 1e3;
  if (word == "million" || (money && one_of(word, {"m", "mn", "mln"}))) return 1e6;
  if (word == "billion" || (money && one_of(word, {"bn", "b", "bln"}))) return 1e9;
  if (word == "trillion" || (money && one_of(word, {"tn", "trn"}))) return 1e12;
  if (money && word == "k") return 1e3;
  return 0;
}

struct VagueRange {
  double low = 0, high = 0;
};

// Vague plural counts and the range they allow; low 0 when `word` is not one.
VagueRange vague_range(std::string_view word) {
  if (word == "dozens") return {24, 99};
  if (word == "hundreds") return {200, 999};
  if (word == "thousands") return {2000, 9999};
  if (word == "millions") return {2e6, 9999999};
  if (word == "billions") return {2e9, 9999999999};
  return {};
}

double vague_value(std::string_view word) { return vague_range(word).low; }

// Closing quotation marks and brackets that may stand between a number and its scale word.
bool closes_quotation(std::string_view word) {
  return one_of(word, {"\"", "'", "\u201d", "\u2019", ")", "]"});
}

bool is_reporting_verb(std::string_view lower) {
  return one_of(lower, {"said", "says", "say", "told", "tells", "reported", "reports", "added",
                        "stated", "claimed", "according", "estimated", "estimates", "announced",
                        "confirmed", "wrote", "noted", "showed", "shows"});
}

// Verb forms an event can be: regular past/participle and -ing forms, and common irregular
// ones from news about incidents, meetings and money.
bool looks_like_verb(std::string_view lower) {
  if (lower.size() >= 5 && ends_with(lower, "ed")) return true;
  if (lower.size() >= 6 && ends_with(lower, "ing") &&
      !one_of(lower, {"morning", "evening", "during", "including", "building"}))
    return true;
  return one_of(
      lower,
      {"killed", "kill",     "kills",   "left",    "leaves", "took",     "takes",   "taken",
       "sent",   "send",     "sends",   "hit",     "hits",   "struck",   "won",     "lost",
       "held",   "met",      "brought", "fell",    "rose",   "gave",     "given",   "made",
       "shot",   "hurt",     "saw",     "seen",    "fled",   "flee",     "injure",  "injures",
       "wound",  "wounds",   "arrest",  "arrests", "rescue", "evacuate", "raise",   "raises",
       "raised", "cost",     "costs",   "spent",   "spend",  "spends",   "paid",    "pay",
       "pays",   "sold",     "bought",  "lose",    "win",    "reach",    "reached", "reaches",
       "topped", "tops",     "dead",    "died",    "slain",  "pledged",  "pledge",  "pledges",
       "deploy", "deployed", "drew",    "drawn",   "went",   "came",     "go",      "goes",
       "come",   "comes",    "remain",  "remains", "stood",  "stand",    "stands",  "grew",
       "grow",   "grows",    "ran",     "run",     "runs",   "got",      "fell"});
}

bool is_be_auxiliary(std::string_view lower) {
  return one_of(lower, {"was", "were", "been", "are", "is", "be", "being", "had", "have", "has",
                        "got", "get", "reportedly", "also", "later", "all", "now", "still"});
}

bool is_adjective_like(const Word& word, const Word* next) {
  std::string_view lower = word.lower;
  bool next_is_content = next && next->kind == WordKind::kWord && !is_function_word(next->lower) &&
                         next->sentence == word.sentence;
  if (!next_is_content) return false;
  if (word.capitalized) return true;  // "18 Ukrainian civilians", "5 Russian drones"
  if (one_of(lower,
             {"new",      "old",      "more",     "other",     "young",  "additional", "senior",
              "further",  "extra",    "armed",    "foreign",   "local",  "former",     "small",
              "large",    "big",      "major",    "key",       "top",    "high",       "low",
              "civilian", "military", "separate", "different", "main",   "injured",    "wounded",
              "dead",     "missing",  "unarmed",  "innocent",  "elderly"}))
    return true;
  for (std::string_view suffix : {"al", "ive", "ous", "ful", "ic", "ian", "ese", "ish", "less",
                                  "able", "ible", "ary", "ed", "ing", "ern", "ly"})
    if (ends_with(lower, suffix)) return true;
  return false;
}

bool is_plural_noun(std::string_view lower) {
  if (one_of(lower, {"people", "children", "men", "women", "police", "personnel", "staff", "troops",
                     "cattle", "feet", "teeth", "mice", "geese", "crew"}))
    return true;
  return lower.size() > 3 && ends_with(lower, "s") && !ends_with(lower, "ss") &&
         !ends_with(lower, "us") && !ends_with(lower, "is") && !ends_with(lower, "'s");
}

std::string singular(std::string_view lower) {
  if (one_of(lower, {"people", "person", "persons"})) return "people";
  if (lower == "children") return "child";
  if (lower == "men") return "man";
  if (lower == "women") return "woman";
  if (ends_with(lower, "'s")) lower.remove_suffix(2);
  if (!is_plural_noun(lower)) return std::string(lower);
  if (ends_with(lower, "ies") && lower.size() > 4)
    return std::string(lower.substr(0, lower.size() - 3)) + "y";
  for (std::string_view suffix : {"ches", "shes", "sses", "xes", "zes"})
    if (ends_with(lower, suffix)) return std::string(lower.substr(0, lower.size() - 2));
  return std::string(lower.substr(0, lower.size() - 1));
}

class QuantityScanner {
 public:
  QuantityScanner(const Document& doc, const std::vector<Word>& words)
      : doc_(doc), words_(words), in_timex_(words.size(), false) {
    // Words inside time expressions are dates, years and durations, not counts.
    size_t t = 0;
    for (size_t i = 0; i < words_.size(); ++i) {
      while (t < doc.timexes.size() && doc.timexes[t].span.end <= words_[i].span.start) ++t;
      if (t < doc.timexes.size() && doc.timexes[t].span.overlaps(words_[i].span))
        in_timex_[i] = true;
    }
  }

  std::vector<Quantity> scan() {
    std::vector<Quantity> quantities;
    size_t i = 0;
    while (i < words_.size()) {
      if (!could_start(words_[i])) {
        ++i;
        continue;
      }
      size_t end = 0;
      std::optional<Quantity> quantity = match_at(i, &end);
      if (!quantity) {
        ++i;
        continue;
      }
      fill_noun_and_event(*quantity, end, quantities);
      fill_from_tree(*quantity);
      // A lone "one" that counts nothing is a pronoun ("one said", "the one").
      bool pronoun = quantity->noun.empty() && quantity->unit.empty() &&
                     quantity->bound == Bound::kExact && lower(i) == "one";
      if (!pronoun) quantities.push_back(std::move(*quantity));
      i = std::max(end, i + 1);
    }
    return quantities;
  }

 private:
  std::string_view lower(size_t i) const {
    return i < words_.size() ? std::string_view(words_[i].lower) : std::string_view();
  }
  bool glued(size_t i) const { return i < words_.size() && !words_[i].space_before; }
  bool same_sentence(size_t a, size_t b) const {
    return a < words_.size() && b < words_.size() && words_[a].sentence == words_[b].sentence;
  }

  // Cheap filter: digits, number words, currency symbols and the first words of bounds.
  static bool could_start(const Word& word) {
    if (word.kind == WordKind::kNumber) return true;
    if (word.kind == WordKind::kPunct) return !currency_symbol(word.lower).empty();
    static const std::unordered_set<std::string_view> kStarts = [] {
      std::unordered_set<std::string_view> starts = {
          "us",       "a",         "half",     "tens",     "dozens", "between",
          "hundreds", "thousands", "millions", "billions", "dozen"};
      for (const BoundPhrase& phrase : kBoundPhrases) starts.insert(*phrase.words.begin());
      return starts;
    }();
    return kStarts.count(word.lower) > 0 || cardinal_word_value(word.lower).has_value();
  }

  // The number phrase at word i: [bound] [currency] number [scale] [unit]. *end is one past it.
  std::optional<Quantity> match_at(size_t i, size_t* end) {
    Quantity quantity;
    size_t j = i;
    bool has_bound = false;
    for (const BoundPhrase& phrase : kBoundPhrases) {
      size_t k = 0;
      bool matches = true;
      for (std::string_view word : phrase.words) {
        if (lower(i + k) != word) {
          matches = false;
          break;
        }
        ++k;
      }
      if (matches) {
        quantity.bound = phrase.bound;
        j = i + k;
        has_bound = true;
        break;
      }
    }
    bool between = !has_bound && lower(j) == "between";
    if (between) ++j;
    std::string_view unit;
    // "US$", "AU$", "CA$", "USD$": a region or currency code glued to the symbol.
    std::string prefixed;
    if (j + 1 < words_.size() && !currency_symbol(lower(j + 1)).empty() && glued(j + 1)) {
      prefixed = currency_of_prefix(doc_.slice(words_[j].span));
      if (!prefixed.empty()) ++j;
    }
    if (std::string_view code = currency_symbol(lower(j)); !code.empty()) {
      unit = prefixed.empty() ? code : std::string_view(prefixed);
      ++j;
    }
    if (j >= words_.size() || in_timex_[j]) return std::nullopt;
    const Word& number = words_[j];
    if (!same_sentence(i, j)) return std::nullopt;
    double value = 0;
    size_t k = j;
    bool vague = false;
    VagueRange range;
    if (number.kind == WordKind::kNumber) {
      if (!plausible_digits(j)) return std::nullopt;
      value = *digit_value(number.lower);
      k = j + 1;
    } else if (range = vague_range(number.lower); range.low > 0) {
      value = range.low;
      vague = true;
      k = j + 1;
    } else if (number.lower == "tens" && lower(j + 1) == "of" && vague_value(lower(j + 2)) > 0) {
      // "tens of thousands": 20,000..99,999
      range = vague_range(lower(j + 2));
      range = {range.low * 10, range.high * 10 + 9};
      value = range.low;
      vague = true;
      k = j + 3;
    } else if ((number.lower == "a" || number.lower == "half") &&
               one_of(lower(j + 1), {"dozen", "hundred", "thousand", "million", "billion"})) {
      value = number.lower == "half" ? 0.5 : 1;
      k = j + 1;
    } else if (number.lower == "half" && lower(j + 1) == "a" &&
               one_of(lower(j + 2), {"dozen", "million", "billion"})) {
      value = 0.5;
      k = j + 2;
    } else if (auto spelled = read_cardinal(words_, j, &k)) {
      if (!plausible_word_number(j, k)) return std::nullopt;
      value = *spelled;
    } else {
      return std::nullopt;
    }
    if (vague && lower(j) != "tens" && lower(k) == "of" && vague_value(lower(k + 1)) > 0) {
      // "hundreds of thousands": 200,000..999,999
      VagueRange unit_range = vague_range(lower(k + 1));
      double unit_size = unit_range.low / 2;
      range = {range.low * unit_size, (range.high + 1) * unit_size - 1};
      value = range.low;
      k += 2;
    }
    if (lower(k) == "dozen") {
      value *= 12;
      ++k;
    }
    // A written range: "35-40", "20 to 25", "between 35 and 40", "$3-4 billion", and with the
    // currency written again: "$250,000 to $300,000".
    std::optional<double> range_end;
    // The second number's word: after the link, or after the link and the same currency symbol.
    const size_t second_at = !unit.empty() && k + 2 < words_.size() &&
                                     currency_symbol(lower(k + 1)) == unit && glued(k + 2)
                                 ? k + 2
                                 : k + 1;
    if (number.kind == WordKind::kNumber && second_at < words_.size() &&
        words_[second_at].kind == WordKind::kNumber && same_sentence(k, second_at) &&
        !in_timex_[second_at]) {
      std::string_view link = lower(k);
      bool hyphen = (link == "-" || link == "\u2013") && glued(k) && glued(k + 1);
      bool to = link == "to" && !(i > 0 && lower(i - 1) == "from") && !between;
      bool and_between = link == "and" && between;
      std::optional<double> second = digit_value(lower(second_at));
      if ((hyphen || to || and_between) && second && *second > value) {
        range_end = second;
        k = second_at + 1;
      }
    }
    if (between && !range_end) return std::nullopt;
    // Scale: "5 million", "$3bn", "€3m", "2.3bn", and across a closing quotation mark.
    bool money = !unit.empty();
    if (closes_quotation(lower(k)) && glued(k) && number.kind == WordKind::kNumber &&
        scale_of(lower(k + 1), money) > 0 && lower(k + 1).size() > 2)
      ++k;
    bool scale_glued = number.kind == WordKind::kNumber && glued(k) &&
                       one_of(lower(k), {"bn", "mn", "tn", "trn", "bln", "mln"});
    if (double scale = scale_of(lower(k), money || scale_glued);
        scale > 0 && (glued(k) || lower(k).size() > 2 || (money && lower(k).size() == 2))) {
      value *= scale;
      if (range_end) *range_end *= scale;
      ++k;
      if (double more = scale_of(lower(k), false); more > 0 && lower(k) != "hundred") {
        value *= more;  // "a hundred thousand"
        if (range_end) *range_end *= more;
        ++k;
      }
    } else if (number.kind == WordKind::kNumber && glued(k) && scale_of(lower(k), true) > 0 &&
               currency_word(lower(k + 1)).empty() == false) {
      value *= scale_of(lower(k), true);  // "5m euros"
      ++k;
    }
    // A bound after the number, when none stands before it.
    if (!has_bound && !range_end && !vague) {
      for (const BoundPhrase& phrase : kBoundsAfter) {
        size_t n = 0;
        for (std::string_view word : phrase.words) {
          if (lower(k + n) != word || !same_sentence(k + n, j)) break;
          ++n;
        }
        if (n == phrase.words.size()) {
          quantity.bound = phrase.bound;
          has_bound = true;
          k += n;
          break;
        }
      }
    }
    // Unit after the number
    if (lower(k) == "%" || lower(k) == "percent" || (lower(k) == "per" && lower(k + 1) == "cent")) {
      unit = "%";
      k += lower(k) == "per" ? 2 : 1;
      if (lower(k) == "points" || (lower(k) == "percentage" && lower(k + 1) == "points")) {
        unit = "pp";
        ++k;
      }
    } else if (lower(k) == "percentage" && lower(k + 1) == "points") {
      unit = "pp";
      k += 2;
    } else if (unit.empty() && lower(k) == "us" && !currency_word(lower(k + 1)).empty()) {
      unit = currency_word(lower(k + 1));
      k += 2;
    } else if (unit.empty() && one_of(lower(k), {"cents", "cent"})) {
      unit = "USD";
      value /= 100;
      ++k;
    } else if (unit.empty() && !currency_word(lower(k)).empty()) {
      unit = currency_word(lower(k));
      ++k;
    } else if (unit.empty() && !measure_unit(lower(k)).empty() &&
               (glued(k) || lower(k).size() > 1) && words_[k].kind == WordKind::kWord) {
      // Single-letter units only when written glued ("5m"); "m" alone is too ambiguous.
      if (lower(k).size() > 2 || glued(k) || lower(k) == "km" || lower(k) == "kg") {
        unit = measure_unit(lower(k));
        ++k;
      }
    } else if (!unit.empty() && (lower(k) == "dollars" || currency_word(lower(k)) == unit)) {
      ++k;  // "$5 dollars" style repetition
    }
    quantity.value = value;
    set_range(quantity, vague, range, range_end, has_bound);
    quantity.unit = std::string(unit);
    quantity.span = {words_[i].span.start, words_[k - 1].span.end};
    quantity.sentence = doc_.sentence_at(quantity.span.start);
    *end = k;
    return quantity;
  }

  // Fills low/high (and value and bound for vague counts and written ranges).
  static void set_range(Quantity& quantity, bool vague, VagueRange range,
                        std::optional<double> range_end, bool has_bound) {
    constexpr double kOpen = std::numeric_limits<double>::infinity();
    double value = quantity.value;
    if (vague) {
      quantity.vague = true;
      quantity.low = range.low;
      quantity.high = range.high;
      if (!has_bound) {
        quantity.bound = Bound::kAbout;
        quantity.value = std::round(std::sqrt(range.low * range.high));
      }
      return;
    }
    if (range_end && *range_end > value) {
      quantity.low = value;
      quantity.high = *range_end;
      if (!has_bound) {
        quantity.bound = Bound::kAbout;
        quantity.value = (value + *range_end) / 2;
      }
      return;
    }
    switch (quantity.bound) {
      case Bound::kExact:
      case Bound::kAbout:
        quantity.low = quantity.high = value;
        break;
      case Bound::kAtLeast:
      case Bound::kMoreThan:
        quantity.low = value;
        quantity.high = kOpen;
        break;
      case Bound::kAtMost:
      case Bound::kLessThan:
        quantity.low = 0;
        quantity.high = value;
        break;
    }
  }

  // Rules out digit strings that name rather than count: "F-16", "G7", "Article 5", "No. 10",
  // ordinals ("17th"), clock times and fractions ("4:30", "3/4").
  bool plausible_digits(size_t j) const {
    if (glued(j + 1) && one_of(lower(j + 1), {"st", "nd", "rd", "th", ":", "/"})) return false;
    // A list or table marker at the start of a line: "1. ...", "2) ...", "3 | ...".
    if (words_[j].newline_before && j + 1 < words_.size() &&
        words_[j + 1].kind == WordKind::kPunct && lower(j + 1) != "%")
      return false;
    if (j == 0) return true;
    const Word& before = words_[j - 1];
    if (!words_[j].space_before) {
      if (before.kind == WordKind::kWord && currency_word(before.lower).empty()) return false;
      if (one_of(before.lower, {"-", "/", ":", "#", "."})) return false;
    }
    if (one_of(before.lower,
               {"no.",     "no",       "number",  "article", "resolution", "paragraph", "section",
                "chapter", "page",     "room",    "flight",  "route",      "highway",   "road",
                "gate",    "platform", "version", "model",   "level",      "phase",     "stage"}))
      return false;
    // "the 70s", "five Boeing 737s": a plural of a number names decades or models.
    if (glued(j + 1) && lower(j + 1) == "s") return false;
    return !names_a_model(j);
  }

  // "Boeing 737", "Trent 900", "Terminal 3", "Ford Five Hundred", "the Big Three": a number
  // right after a capitalised word that does not begin the sentence, with no lower-case word
  // (a counted noun or a unit) after it.
  bool names_a_model(size_t j) const {
    if (j < 2 || !same_sentence(j - 2, j)) return false;
    const Word& before = words_[j - 1];
    if (!before.capitalized || before.kind != WordKind::kWord ||
        words_[j - 2].kind == WordKind::kPunct)
      return false;
    size_t after = j + 1;
    while (after < words_.size() && words_[after].kind == WordKind::kWord &&
           words_[after].capitalized && cardinal_word_value(words_[after].lower))
      ++after;  // "Five Hundred"
    const Word* next = after < words_.size() ? &words_[after] : nullptr;
    return !next || !same_sentence(j, after) || next->kind != WordKind::kWord || next->capitalized;
  }

  // "one" is often a pronoun ("one of them", "no one"); other number words count.
  bool plausible_word_number(size_t j, size_t end) const {
    if (words_[j].capitalized && names_a_model(j)) return false;
    if (lower(j) != "one" || end != j + 1) return true;
    if (j > 0 && one_of(lower(j - 1), {"no", "the", "this", "that", "any", "every", "each", "which",
                                       "someone", "anyone", "everyone", "only"}))
      return false;
    if (end >= words_.size() || words_[end].kind != WordKind::kWord) return false;
    return !one_of(lower(end),
                   {"of", "another", "or", "by", "and", "who", "that", "is", "was", "day", "thing",
                    "way", "time", "side", "hand", "to", "in", "on", "at"});
  }

  void fill_noun_and_event(Quantity& quantity, size_t end, const std::vector<Quantity>& before) {
    size_t number_start = word_index_at(quantity.span.start);
    // Counted noun: the first plural (or the last) of up to three content words after the
    // number, skipping adjectives; "dozens of people" skips "of".
    size_t k = end;
    if (lower(k) == "of" && (vague_value(lower(k - 1)) > 0 || lower(k - 1) == "dozen")) {
      ++k;
      if (one_of(lower(k), {"the", "its", "their", "his", "her"})) ++k;
    }
    size_t noun_index = SIZE_MAX;
    size_t elided_verb = SIZE_MAX;
    if (quantity.unit.empty() || quantity.unit == "%" || quantity.unit.size() == 3) {
      for (size_t n = k; n < k + 4 && n < words_.size() && same_sentence(n, number_start); ++n) {
        const Word& word = words_[n];
        if (word.kind != WordKind::kWord || is_function_word(word.lower) || in_timex_[n] ||
            is_reporting_verb(word.lower))
          break;
        const Word* next = n + 1 < words_.size() ? &words_[n + 1] : nullptr;
        if (n == k && looks_like_verb(word.lower) && !is_adjective_like(word, next)) {
          elided_verb = n;  // "and injured 117", "35 dead", "117 injured"
          break;
        }
        if (n > k && looks_like_verb(word.lower) && !is_plural_noun(word.lower)) break;
        if (is_adjective_like(word, next) && !is_plural_noun(word.lower)) continue;
        noun_index = n;
        if (is_plural_noun(word.lower) || !next || next->kind != WordKind::kWord ||
            is_function_word(next->lower))
          break;
      }
    }
    if (noun_index != SIZE_MAX && quantity.unit.empty() &&
        !currency_word(words_[noun_index].lower).empty()) {
      // "millions of dollars": the noun is the currency.
      quantity.unit = std::string(currency_word(words_[noun_index].lower));
      quantity.span.end = words_[noun_index].span.end;
    } else if (noun_index != SIZE_MAX) {
      quantity.noun = singular(words_[noun_index].lower);
      quantity.noun_span = words_[noun_index].span;
    } else if (!before.empty()) {
      // Elided noun in a coordination: "killed 35 people and injured 117".
      const Quantity& previous = before.back();
      if (!previous.noun.empty() && previous.sentence == quantity.sentence &&
          previous.unit == quantity.unit && quantity.span.start - previous.span.end < 120) {
        quantity.noun = previous.noun;
        quantity.noun_span = previous.noun_span;
      }
    }
    size_t after = noun_index != SIZE_MAX ? noun_index + 1 : end;
    if (size_t verb = event_after(after, number_start); verb != SIZE_MAX) {
      set_event(quantity, verb);
    } else if (elided_verb != SIZE_MAX) {
      set_event(quantity, elided_verb);
    } else if (size_t left = event_before(word_index_at(quantity.span.start)); left != SIZE_MAX) {
      set_event(quantity, left);
    }
  }

  // Index of the token starting at or after `offset`.
  size_t token_from(uint32_t offset) const {
    auto it = std::lower_bound(
        doc_.tokens.begin(), doc_.tokens.end(), offset,
        [](const Token& token, uint32_t value) { return token.span.end <= value; });
    return static_cast<size_t>(it - doc_.tokens.begin());
  }

  // When the sentence is parsed, the tree names the counted noun (the head of a nummod, or
  // the "of" complement of "dozens of people") and the predicate (the first verb above the
  // noun, or above the number when it counts nothing named). What the tree gives replaces
  // the word-window guesses; what it does not give (an elided noun) keeps them.
  void fill_from_tree(Quantity& quantity) const {
    const std::vector<Token>& tokens = doc_.tokens;
    int number = -1;
    for (size_t t = token_from(quantity.span.start);
         t < tokens.size() && tokens[t].span.start < quantity.span.end; ++t) {
      if (tokens[t].upos == Upos::kNone) return;
      int head = tokens[t].head;
      bool head_inside = head >= 0 && static_cast<size_t>(head) < tokens.size() &&
                         quantity.span.contains(tokens[head].span);
      if (!head_inside) {
        number = static_cast<int>(t);
        break;
      }
    }
    if (number < 0) return;
    auto is_noun = [&](int t) {
      return t >= 0 && (tokens[t].upos == Upos::kNoun || tokens[t].upos == Upos::kPropn);
    };
    int noun = -1;
    int head = tokens[number].head;
    if (deprel_base(tokens[number].deprel) == "nummod" && is_noun(head)) {
      noun = head;
    } else if (quantity.unit.empty() || quantity.vague) {
      // "dozens of people": the noun is an nmod of the number word; in "hundreds of thousands
      // of families" the nmod of "thousands", itself a count word.
      for (int of = number, step = 0; of >= 0 && step < 2; ++step) {
        int found = -1;
        for (size_t t = of + 1; t < tokens.size() && tokens[t].sentence == tokens[of].sentence;
             ++t) {
          if (tokens[t].head == of && deprel_base(tokens[t].deprel) == "nmod" &&
              is_noun(static_cast<int>(t))) {
            found = static_cast<int>(t);
            break;
          }
        }
        if (found < 0) break;
        const bool count_word = vague_value(tokens[found].lower) > 0;
        noun = count_word ? -1 : found;  // "could draw hundreds of thousands": no noun
        of = count_word ? found : -1;
      }
    }
    if (noun >= 0 && quantity.unit.empty()) {
      // The lemma the syntax stage gives ("caucuses" -> caucus), else the suffix rule.
      const Token& token = tokens[noun];
      quantity.noun = token.lemma.empty() ? singular(token.lower) : fold_case(token.lemma);
      quantity.noun_span = token.span;
    }
    // The predicate: the first verb above, or the copula of a nominal or adjectival predicate
    // on the way ("three men are under consideration", "Casey is among the 10 Democrats": the
    // predicate is "be", which UD attaches to the nominal rather than making it the head).
    const int from = noun >= 0 ? noun : number;
    for (int step = 0, t = from; step < 7 && t >= 0 && static_cast<size_t>(t) < tokens.size();
         ++step, t = tokens[t].head) {
      int predicate = t != from && tokens[t].upos == Upos::kVerb ? t : copula_of(t);
      if (predicate < 0) continue;
      // The stem of the lemma, so "spent" and "spend" agree where Snowball alone would not.
      const Token& verb = tokens[predicate];
      quantity.event = !verb.lemma.empty() ? stem(verb.lemma)
                       : verb.stem.empty() ? verb.lower
                                           : verb.stem;
      quantity.event_span = verb.span;
      break;
    }
  }

  // The copula ("is", "were") attached to token `t`, or -1.
  int copula_of(int t) const {
    const std::vector<Token>& tokens = doc_.tokens;
    if (tokens[t].upos == Upos::kVerb) return -1;
    const uint32_t sentence = tokens[t].sentence;
    for (size_t k = static_cast<size_t>(t); k-- > 0 && tokens[k].sentence == sentence;)
      if (tokens[k].head == t && deprel_base(tokens[k].deprel) == "cop") return static_cast<int>(k);
    return -1;
  }

  void set_event(Quantity& quantity, size_t index) {
    quantity.event = word_stem(doc_, words_[index]);
    quantity.event_span = words_[index].span;
  }

  // Passive or intransitive verb after the noun: "35 people were killed", "35 people died".
  size_t event_after(size_t k, size_t anchor) const {
    size_t n = k;
    while (n < words_.size() && n < k + 3 && same_sentence(n, anchor) && is_be_auxiliary(lower(n)))
      ++n;
    if (n < words_.size() && n > k + 0 && same_sentence(n, anchor) && ends_with(lower(n), "ly"))
      ++n;
    if (n >= words_.size() || !same_sentence(n, anchor)) return SIZE_MAX;
    std::string_view word = lower(n);
    if (is_reporting_verb(word) || ends_with(word, "ing")) return SIZE_MAX;
    if (!looks_like_verb(word)) return SIZE_MAX;
    // "35 people killed" is fine; "35 people hit" needs the auxiliary to be read as an event.
    return n;
  }

  // Active verb before the number: "killed at least 35", "the strike left 35 dead".
  size_t event_before(size_t start) const {
    size_t steps = 0;
    for (size_t n = start; n > 0 && steps < 4; ++steps) {
      --n;
      if (!same_sentence(n, start)) break;
      std::string_view word = lower(n);
      if (words_[n].kind != WordKind::kWord) break;
      if (one_of(word,
                 {"to", "a", "an", "the", "by", "reportedly", "also", "now", "nearly", "only"}) ||
          ends_with(word, "ly"))
        continue;
      if (is_reporting_verb(word)) break;
      if (looks_like_verb(word) && !words_[n].capitalized) return n;
      if (is_function_word(word)) break;
    }
    return SIZE_MAX;
  }

  size_t word_index_at(uint32_t offset) const { return first_word_at(words_, offset); }

  const Document& doc_;
  const std::vector<Word>& words_;
  std::vector<bool> in_timex_;
};

}  // namespace

void find_quantities(Document& doc) {
  std::vector<Word> words = scan_words(doc);
  doc.quantities = QuantityScanner(doc, words).scan();
}

}  // namespace crosscheck::extract
