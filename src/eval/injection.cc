#include "eval/injection.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

#include "core/ud.h"

namespace crosscheck::eval {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// `word` written in the case of `like`: all capitals, first letter of each word capitalised, or
// as it is.
std::string match_case(const std::string& word, std::string_view like) {
  bool letters = false, all_upper = true;
  for (char c : like) {
    if (!is_alpha(c)) continue;
    letters = true;
    if (c >= 'a' && c <= 'z') all_upper = false;
  }
  std::string out = word;
  if (letters && all_upper && like.size() > 1) {
    for (char& c : out)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
  }
  if (!like.empty() && like[0] >= 'A' && like[0] <= 'Z') {
    bool start = true;
    for (char& c : out) {
      if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

// Tokens [first, last) of sentence `sentence`.
std::pair<size_t, size_t> sentence_tokens(const Document& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return {0, 0};
  const Span span = doc.sentences[sentence].span;
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                                [](const Token& t, uint32_t start) { return t.span.start < start; });
  auto last = first;
  while (last != doc.tokens.end() && last->span.start < span.end) ++last;
  return {static_cast<size_t>(first - doc.tokens.begin()),
          static_cast<size_t>(last - doc.tokens.begin())};
}

// Token indices whose span lies inside `span`.
std::vector<size_t> tokens_in(const Document& doc, Span span) {
  std::vector<size_t> out;
  auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.start,
                                [](const Token& t, uint32_t start) { return t.span.start < start; });
  for (auto it = first; it != doc.tokens.end() && it->span.start < span.end; ++it)
    if (span.contains(it->span)) out.push_back(static_cast<size_t>(it - doc.tokens.begin()));
  return out;
}

bool content_token(const Token& token) {
  switch (token.upos) {
    case Upos::kNoun:
    case Upos::kPropn:
    case Upos::kVerb:
    case Upos::kAdj:
    case Upos::kNum:
      return true;
    case Upos::kNone:
      return token.shape == TokenShape::kNumber ||
             (token.shape == TokenShape::kWord && token.lower.size() >= 4);
    default:
      return false;
  }
}

std::set<std::string> content_words(const Document& doc, uint32_t sentence, Span skip) {
  std::set<std::string> words;
  auto [first, last] = sentence_tokens(doc, sentence);
  for (size_t i = first; i < last; ++i) {
    const Token& t = doc.tokens[i];
    if (!content_token(t) || t.span.overlaps(skip)) continue;
    words.insert(t.stem.empty() ? t.lower : t.stem);
  }
  return words;
}

bool independent(const Document& a, const Document& b) {
  return a.copy_group < 0 || b.copy_group < 0 || a.copy_group != b.copy_group;
}

bool overlaps_timex(const Document& doc, Span span) {
  for (const Timex& t : doc.timexes)
    if (t.span.overlaps(span)) return true;
  return false;
}

bool negated(const Document& doc, uint32_t sentence) {
  auto [first, last] = sentence_tokens(doc, sentence);
  for (size_t i = first; i < last; ++i)
    if (doc.tokens[i].morph.negative) return true;
  return false;
}

// The root verb of a parsed sentence, or -1.
long root_verb(const Document& doc, uint32_t sentence) {
  auto [first, last] = sentence_tokens(doc, sentence);
  for (size_t i = first; i < last; ++i) {
    const Token& t = doc.tokens[i];
    if (t.head == -1 && t.upos == Upos::kVerb && !t.lemma.empty()) return static_cast<long>(i);
  }
  return -1;
}

long token_at(const Document& doc, Span span) {
  for (size_t i : tokens_in(doc, span))
    if (doc.tokens[i].span == span) return static_cast<long>(i);
  return -1;
}

// Children of token `head` whose relation (without subtype) is `relation`.
std::vector<size_t> children(const Document& doc, size_t head, std::string_view relation) {
  std::vector<size_t> out;
  auto [first, last] = sentence_tokens(doc, doc.tokens[head].sentence);
  for (size_t i = first; i < last; ++i)
    if (doc.tokens[i].head == static_cast<int32_t>(head) &&
        deprel_base(doc.tokens[i].deprel) == relation)
      out.push_back(i);
  return out;
}

// A run of digits with optional thousands commas and one decimal point, inside a token.
struct DigitRun {
  Span span;
  double value = 0;
  int decimals = 0;
  bool commas = false;
};

std::optional<DigitRun> digit_run(const Document& doc, const Token& token) {
  std::string_view text = doc.slice(token.span);
  size_t start = 0;
  while (start < text.size() && !is_digit(text[start])) ++start;
  if (start == text.size()) return std::nullopt;
  size_t end = start;
  std::string digits;
  DigitRun run;
  bool point = false;
  while (end < text.size()) {
    char c = text[end];
    if (is_digit(c)) {
      digits.push_back(c);
      if (point) ++run.decimals;
    } else if (c == ',' && end + 1 < text.size() && is_digit(text[end + 1]) && !point) {
      run.commas = true;
    } else if (c == '.' && !point && end + 1 < text.size() && is_digit(text[end + 1])) {
      point = true;
      digits.push_back('.');
    } else {
      break;
    }
    ++end;
  }
  if (digits.size() > 15) return std::nullopt;
  run.value = std::strtod(digits.c_str(), nullptr);
  run.span = {token.span.start + static_cast<uint32_t>(start),
              token.span.start + static_cast<uint32_t>(end)};
  return run;
}

std::string format_number(double value, int decimals, bool commas) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
  std::string text = buffer;
  if (!commas) return text;
  size_t point = text.find('.');
  size_t integer = point == std::string::npos ? text.size() : point;
  std::string out;
  for (size_t i = 0; i < integer; ++i) {
    if (i > 0 && (integer - i) % 3 == 0) out.push_back(',');
    out.push_back(text[i]);
  }
  return out + text.substr(integer);
}

// The suffix an ordinal day takes in English digits ("1st", "22nd", "13th").
std::string ordinal_suffix(int day) {
  if (day % 100 >= 11 && day % 100 <= 13) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool share_word(const std::string& a, const std::string& b) {
  std::set<std::string> words;
  std::string word;
  for (char c : a + " ") {
    if (c == ' ' || c == '-') {
      if (!word.empty()) words.insert(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  for (char c : b + " ") {
    if (c == ' ' || c == '-') {
      if (words.count(word)) return true;
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return false;
}

// Day number (1..31) of a token written in digits, with its letters ("7th"), or 0.
int day_number(const Document& doc, const Token& token, std::string* suffix) {
  std::string_view text = doc.slice(token.span);
  size_t digits = 0;
  while (digits < text.size() && is_digit(text[digits])) ++digits;
  if (digits == 0 || digits > 2) return 0;
  for (size_t i = digits; i < text.size(); ++i)
    if (!is_alpha(text[i])) return 0;
  if (text.size() > digits + 2) return 0;
  int day = std::atoi(std::string(text.substr(0, digits)).c_str());
  if (suffix) *suffix = std::string(text.substr(digits));
  return day >= 1 && day <= 31 ? day : 0;
}

int year_number(const Document& doc, const Token& token) {
  std::string_view text = doc.slice(token.span);
  if (text.size() != 4) return 0;
  for (char c : text)
    if (!is_digit(c)) return 0;
  int year = std::atoi(std::string(text).c_str());
  return year >= 1800 && year <= 2200 ? year : 0;
}

int month_of(const Timex& timex) {
  const std::string& v = timex.first_day.empty() ? timex.value : timex.first_day;
  if (v.size() < 7 || v[4] != '-' || !is_digit(v[5]) || !is_digit(v[6])) return 0;
  int month = (v[5] - '0') * 10 + (v[6] - '0');
  return month >= 1 && month <= 12 ? month : 0;
}

const Timex* timex_at(const Document& doc, Span span) {
  for (const Timex& t : doc.timexes)
    if (t.span == span) return &t;
  return nullptr;
}

const Quantity* quantity_at(const Document& doc, Span span) {
  for (const Quantity& q : doc.quantities)
    if (q.span == span) return &q;
  return nullptr;
}

// An exact count with its counted noun, not inside a date and not a bare year the time tagger
// missed ("its 1982 war": a whole number from 1000 to 2100 with no unit and no comma).
bool plain_count(const Document& doc, const Quantity& q) {
  if (q.bound != Bound::kExact || q.vague || q.low != q.high || q.noun.empty() ||
      overlaps_timex(doc, q.span))
    return false;
  const bool year_like = q.unit.empty() && q.value >= 1000 && q.value <= 2100 &&
                         q.value == std::floor(q.value) &&
                         doc.slice(q.span).find(',') == std::string_view::npos;
  return !year_like;
}

template <typename Pick>
const std::string* pick(const std::vector<const std::string*>& candidates, Pick&& random) {
  if (candidates.empty()) return nullptr;
  return candidates[random.below(candidates.size())];
}

template <typename Votes>
std::string winner(const Votes& votes) {
  std::string best;
  int count = 0;
  for (const auto& [word, n] : votes)
    if (n > count) {
      best = word;
      count = n;
    }
  return best;
}

}  // namespace

const char* detail_name(Detail kind) {
  switch (kind) {
    case Detail::kNumber:
      return "number";
    case Detail::kDate:
      return "date";
    case Detail::kRole:
      return "role";
    case Detail::kPlace:
      return "place";
    case Detail::kPolarity:
      return "polarity";
  }
  return "?";
}

double sentence_overlap(const Document& a, uint32_t sentence_a, Span skip_a, const Document& b,
                        uint32_t sentence_b, Span skip_b, int* shared) {
  const std::set<std::string> wa = content_words(a, sentence_a, skip_a);
  const std::set<std::string> wb = content_words(b, sentence_b, skip_b);
  int common = 0;
  for (const std::string& w : wa) common += static_cast<int>(wb.count(w));
  if (shared) *shared = common;
  const size_t smaller = std::min(wa.size(), wb.size());
  return smaller == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(smaller);
}

Anchor swapped(const Anchor& anchor) {
  Anchor out = anchor;
  std::swap(out.article[0], out.article[1]);
  std::swap(out.sentence[0], out.sentence[1]);
  std::swap(out.detail[0], out.detail[1]);
  return out;
}

std::vector<Anchor> find_anchors(const std::vector<Document>& documents, Detail kind,
                                 const AnchorOptions& options) {
  std::vector<Anchor> anchors;
  auto consider = [&](uint32_t i, uint32_t si, Span di, uint32_t j, uint32_t sj, Span dj) {
    Anchor anchor;
    anchor.kind = kind;
    anchor.article[0] = i;
    anchor.article[1] = j;
    anchor.sentence[0] = si;
    anchor.sentence[1] = sj;
    anchor.detail[0] = di;
    anchor.detail[1] = dj;
    anchor.overlap =
        sentence_overlap(documents[i], si, di, documents[j], sj, dj, &anchor.shared);
    if (anchor.shared >= options.min_shared && anchor.overlap >= options.min_overlap)
      anchors.push_back(anchor);
  };
  for (uint32_t i = 0; i < documents.size(); ++i) {
    for (uint32_t j = i + 1; j < documents.size(); ++j) {
      const Document& a = documents[i];
      const Document& b = documents[j];
      if (!independent(a, b)) continue;
      switch (kind) {
        case Detail::kNumber:
          for (const Quantity& qa : a.quantities) {
            if (!plain_count(a, qa)) continue;
            for (const Quantity& qb : b.quantities)
              if (plain_count(b, qb) && qa.value == qb.value && qa.unit == qb.unit &&
                  lower(qa.noun) == lower(qb.noun))
                consider(i, qa.sentence, qa.span, j, qb.sentence, qb.span);
          }
          break;
        case Detail::kDate:
          for (const Timex& ta : a.timexes) {
            if (ta.type != TimexType::kDate || ta.first_day.empty()) continue;
            for (const Timex& tb : b.timexes)
              if (tb.type == TimexType::kDate && tb.value == ta.value &&
                  tb.granularity == ta.granularity)
                consider(i, ta.sentence, ta.span, j, tb.sentence, tb.span);
          }
          break;
        case Detail::kRole:
        case Detail::kPlace: {
          const EntityType type = kind == Detail::kRole ? EntityType::kPerson : EntityType::kPlace;
          for (const Mention& ma : a.mentions) {
            if (ma.type != type || ma.key.empty()) continue;
            if (kind == Detail::kRole && (ma.role.empty() || ma.role_span.empty())) continue;
            for (const Mention& mb : b.mentions) {
              if (mb.type != type || mb.key != ma.key) continue;
              if (kind == Detail::kPlace) {
                consider(i, ma.sentence, ma.span, j, mb.sentence, mb.span);
              } else if (!mb.role_span.empty() && lower(mb.role) == lower(ma.role)) {
                consider(i, ma.sentence, ma.role_span, j, mb.sentence, mb.role_span);
              }
            }
          }
          break;
        }
        case Detail::kPolarity:
          for (uint32_t si = 0; si < a.sentences.size(); ++si) {
            const long ra = root_verb(a, si);
            if (ra < 0 || negated(a, si)) continue;
            for (uint32_t sj = 0; sj < b.sentences.size(); ++sj) {
              const long rb = root_verb(b, sj);
              if (rb < 0 || b.tokens[rb].lemma != a.tokens[ra].lemma || negated(b, sj)) continue;
              consider(i, si, a.tokens[ra].span, j, sj, b.tokens[rb].span);
            }
          }
          break;
      }
    }
  }
  std::stable_sort(anchors.begin(), anchors.end(), [](const Anchor& x, const Anchor& y) {
    return x.overlap > y.overlap || (x.overlap == y.overlap && x.shared > y.shared);
  });
  return anchors;
}

// ---- Pools ----

void RewritePools::learn(const std::vector<Document>& documents, const std::string& group) {
  for (const Document& doc : documents) {
    for (const Quantity& q : doc.quantities) {
      std::vector<size_t> tokens = tokens_in(doc, q.span);
      if (tokens.size() != 1 || q.vague || q.bound != Bound::kExact) continue;
      const Token& t = doc.tokens[tokens[0]];
      if (t.shape != TokenShape::kWord || q.value < 0 || q.value > 1000 ||
          q.value != std::floor(q.value))
        continue;
      ++number_votes_[static_cast<long>(q.value)][t.lower];
    }
    for (const Timex& timex : doc.timexes) {
      std::vector<size_t> words;
      for (size_t i : tokens_in(doc, timex.span)) {
        const Token& t = doc.tokens[i];
        bool letters = t.shape == TokenShape::kWord;
        for (char c : doc.slice(t.span)) letters = letters && is_alpha(c);
        if (letters) words.push_back(i);
      }
      if (words.size() != 1) continue;
      const std::string& word = doc.tokens[words[0]].lower;
      if (timex.weekday >= 0) {
        ++weekday_votes_[timex.weekday][word];
      } else if (int month = month_of(timex);
                 month > 0 && (timex.granularity == TimeGranularity::kDay ||
                               timex.granularity == TimeGranularity::kMonth)) {
        ++month_votes_[month][word];
      }
    }
    for (const Token& t : doc.tokens)
      if (!t.lemma.empty() && xpos_tag_name(t.xpos) == "VBN") ++participle_votes_[t.lemma][t.lower];
    for (const Mention& m : doc.mentions) {
      if (m.type == EntityType::kPerson && !m.role_span.empty())
        ++role_groups_[lower(doc.slice(m.role_span))][group];
      if (m.type == EntityType::kPlace && !m.key.empty())
        places_.push_back({lower(doc.slice(m.span)), m.key, group});
    }
  }
}

void RewritePools::finish() {
  numbers_.clear();
  months_.clear();
  weekdays_.clear();
  for (const auto& [value, votes] : number_votes_) numbers_[value] = winner(votes);
  std::map<std::string, int> month_of_word;
  for (const auto& [month, votes] : month_votes_) {
    std::string word = winner(votes);
    if (!month_of_word.count(word)) months_[month] = word;
    month_of_word[word] = month;
  }
  for (const auto& [weekday, votes] : weekday_votes_) weekdays_[weekday] = winner(votes);
  participles_.clear();
  for (const auto& [lemma, votes] : participle_votes_) participles_[lemma] = winner(votes);
  roles_.clear();
  role_variants_.clear();
  std::map<std::string, int> role_count;
  for (const auto& [role, groups] : role_groups_) {
    int total = 0;
    for (const auto& [g, n] : groups) total += n;
    role_count[role] = total;
    if (groups.size() >= 2) roles_.push_back(role);
  }
  // An abbreviation is a one-word title ending in a dot whose letters begin a longer one-word
  // title; the most frequent such title is its expansion.
  for (const auto& [role, count] : role_count) {
    if (role.size() < 3 || role.back() != '.' || role.find(' ') != std::string::npos) continue;
    const std::string stem = role.substr(0, role.size() - 1);
    std::string best;
    int best_count = 0;
    for (const auto& [other, other_count] : role_count) {
      if (other.size() <= stem.size() || other.compare(0, stem.size(), stem) != 0 ||
          other.find_first_of(" .") != std::string::npos)
        continue;
      if (other_count > best_count) {
        best = other;
        best_count = other_count;
      }
    }
    if (best.empty()) continue;
    role_variants_[role] = best;
    if (!role_variants_.count(best)) role_variants_[best] = role;
  }
}

const std::string* RewritePools::number_word(long value) const {
  auto it = numbers_.find(value);
  return it == numbers_.end() ? nullptr : &it->second;
}
const std::string* RewritePools::month_word(int month) const {
  auto it = months_.find(month);
  return it == months_.end() ? nullptr : &it->second;
}
const std::string* RewritePools::weekday_word(int weekday) const {
  auto it = weekdays_.find(weekday);
  return it == weekdays_.end() ? nullptr : &it->second;
}

const std::string* RewritePools::other_role(const std::string& group, const std::string& unlike,
                                            Random& random) const {
  std::vector<const std::string*> candidates;
  for (const std::string& role : roles_) {
    auto groups = role_groups_.find(role);
    if (groups != role_groups_.end() && groups->second.count(group)) continue;
    if (role.find('.') != std::string::npos || share_word(role, unlike)) continue;
    candidates.push_back(&role);
  }
  return pick(candidates, random);
}

const std::string* RewritePools::other_place(const std::string& group,
                                             const std::vector<std::string>& avoid,
                                             const std::string& like, Random& random) const {
  std::vector<const std::string*> same_size, any;
  const size_t words = word_count(like);
  for (const Named& place : places_) {
    if (place.group == group ||
        std::find(avoid.begin(), avoid.end(), place.key) != avoid.end() ||
        share_word(place.text, lower(like)))
      continue;
    any.push_back(&place.text);
    if (word_count(place.text) == words) same_size.push_back(&place.text);
  }
  return pick(same_size.empty() ? any : same_size, random);
}

const std::string* RewritePools::participle(const std::string& lemma) const {
  auto it = participles_.find(lemma);
  return it == participles_.end() ? nullptr : &it->second;
}

const std::string* RewritePools::role_variant(const std::string& role) const {
  auto it = role_variants_.find(lower(role));
  return it == role_variants_.end() ? nullptr : &it->second;
}

// ---- Edits ----

namespace {

Rewrite make(Detail kind, bool control, Span span, std::string replacement, const Document& doc) {
  Rewrite r;
  r.kind = kind;
  r.control = control;
  r.span = span;
  r.replacement = std::move(replacement);
  r.how = std::string(detail_name(kind)) + " '" + std::string(doc.slice(span)) + "' -> '" +
          r.replacement + "'";
  return r;
}

std::optional<Rewrite> change_number(const Document& doc, Span detail, Random& random) {
  const Quantity* q = quantity_at(doc, detail);
  if (!q) return std::nullopt;
  const double factor = 2.0 + static_cast<double>(random.below(2));  // 2 or 3
  for (size_t i : tokens_in(doc, detail)) {
    const Token& t = doc.tokens[i];
    if (auto run = digit_run(doc, t)) {
      double value = run->value < 3 ? run->value + 4 + static_cast<double>(random.below(5))
                                    : run->value * factor;
      return make(Detail::kNumber, false, run->span,
                  format_number(value, run->decimals, run->commas), doc);
    }
  }
  // A number written as one word: the new value in digits.
  std::vector<size_t> tokens = tokens_in(doc, detail);
  if (tokens.size() == 1 && doc.tokens[tokens[0]].shape == TokenShape::kWord && q->value >= 1 &&
      q->value == std::floor(q->value))
    return make(Detail::kNumber, false, doc.tokens[tokens[0]].span,
                format_number(q->value < 3 ? q->value + 5 : q->value * factor, 0, false), doc);
  return std::nullopt;
}

std::optional<Rewrite> change_date(const Document& doc, Span detail, const RewritePools& pools,
                                   Random& random) {
  const Timex* timex = timex_at(doc, detail);
  if (!timex) return std::nullopt;
  std::vector<size_t> tokens = tokens_in(doc, detail);
  if (timex->granularity == TimeGranularity::kDay) {
    for (size_t i : tokens) {
      std::string suffix;
      int day = day_number(doc, doc.tokens[i], &suffix);
      if (day == 0) continue;
      int other = (day - 1 + 3 + static_cast<int>(random.below(20))) % 28 + 1;
      if (other == day) other = day % 28 + 1;
      std::string text = std::to_string(other) + (suffix.empty() ? "" : ordinal_suffix(other));
      return make(Detail::kDate, false, doc.tokens[i].span, text, doc);
    }
  }
  for (size_t i : tokens) {
    int year = year_number(doc, doc.tokens[i]);
    if (year == 0) continue;
    int step = 1 + static_cast<int>(random.below(3));
    int other = random.below(2) ? year + step : year - step;
    return make(Detail::kDate, false, doc.tokens[i].span, std::to_string(other), doc);
  }
  const int month = month_of(*timex);
  for (size_t i : tokens) {
    const Token& t = doc.tokens[i];
    if (timex->weekday >= 0) {
      const std::string* own = pools.weekday_word(timex->weekday);
      if (!own || *own != t.lower) continue;
      int other = (timex->weekday + 2 + static_cast<int>(random.below(4))) % 7;
      if (const std::string* word = pools.weekday_word(other))
        return make(Detail::kDate, false, t.span, match_case(*word, doc.slice(t.span)), doc);
    } else if (month > 0) {
      const std::string* own = pools.month_word(month);
      if (!own || *own != t.lower) continue;
      int other = (month - 1 + 3 + static_cast<int>(random.below(6))) % 12 + 1;
      if (const std::string* word = pools.month_word(other))
        return make(Detail::kDate, false, t.span, match_case(*word, doc.slice(t.span)), doc);
    }
  }
  return std::nullopt;
}

std::optional<Rewrite> negate(const Document& doc, Span detail) {
  const long root = token_at(doc, detail);
  if (root < 0) return std::nullopt;
  const Token& verb = doc.tokens[root];
  std::vector<size_t> helpers = children(doc, root, "aux");
  for (size_t i : children(doc, root, "cop")) helpers.push_back(i);
  std::sort(helpers.begin(), helpers.end());
  if (!helpers.empty()) {
    const Token& aux = doc.tokens[helpers.front()];
    return make(Detail::kPolarity, false, aux.span, std::string(doc.slice(aux.span)) + " not",
                doc);
  }
  const std::string_view tag = xpos_tag_name(verb.xpos);
  std::string support;
  if (tag == "VBD" || (verb.morph.tense == Tense::kPast && verb.morph.verb_form == VerbForm::kFin))
    support = "did";
  else if (tag == "VBZ")
    support = "does";
  else if (tag == "VBP")
    support = "do";
  else
    return std::nullopt;
  return make(Detail::kPolarity, false, verb.span,
              match_case(support, doc.slice(verb.span)) + " not " + verb.lemma, doc);
}

}  // namespace

std::optional<Rewrite> contradict(const std::vector<Document>& documents, const Anchor& anchor,
                                  const RewritePools& pools, const std::string& group,
                                  Random& random) {
  const Document& doc = documents[anchor.article[0]];
  const Span detail = anchor.detail[0];
  switch (anchor.kind) {
    case Detail::kNumber:
      return change_number(doc, detail, random);
    case Detail::kDate:
      return change_date(doc, detail, pools, random);
    case Detail::kRole: {
      const std::string written(doc.slice(detail));
      const std::string* other = pools.other_role(group, lower(written), random);
      if (!other) return std::nullopt;
      return make(Detail::kRole, false, detail, match_case(*other, written), doc);
    }
    case Detail::kPlace: {
      std::vector<std::string> avoid;
      for (const Document& d : documents)
        for (const Mention& m : d.mentions)
          if (m.type == EntityType::kPlace) avoid.push_back(m.key);
      const std::string written(doc.slice(detail));
      const std::string* other = pools.other_place(group, avoid, written, random);
      if (!other) return std::nullopt;
      return make(Detail::kPlace, false, detail, match_case(*other, written), doc);
    }
    case Detail::kPolarity:
      return negate(doc, detail);
  }
  return std::nullopt;
}

namespace {

std::optional<Rewrite> reword_number(const Document& doc, Span detail, const RewritePools& pools,
                                     Random& random) {
  const Quantity* q = quantity_at(doc, detail);
  if (!q) return std::nullopt;
  std::vector<Rewrite> options;
  std::vector<size_t> tokens = tokens_in(doc, detail);
  for (size_t i : tokens) {
    const Token& t = doc.tokens[i];
    auto run = digit_run(doc, t);
    if (!run) continue;
    const double x = run->value;
    const bool whole = run->span == t.span;
    const bool integer = run->decimals == 0;
    if (whole && integer && !run->commas && x <= 1000)
      if (const std::string* word = pools.number_word(static_cast<long>(x)))
        options.push_back(make(Detail::kNumber, true, t.span, match_case(*word, "x"), doc));
    if (integer && run->commas) {
      options.push_back(make(Detail::kNumber, true, run->span, format_number(x, 0, false), doc));
    } else if (integer && x >= 1000 && x < 1e15) {
      options.push_back(make(Detail::kNumber, true, run->span, format_number(x, 0, true), doc));
    }
    if (integer && x >= 20) {
      const double step = std::pow(10.0, std::floor(std::log10(x)) - 1);
      const double about = std::round(x / step) * step;
      const double least = std::floor(x / step) * step == x ? x - step : std::floor(x / step) * step;
      const std::string before(doc.slice({detail.start, run->span.start}));
      const Span through{detail.start, run->span.end};
      if (std::fabs(about - x) <= 0.05 * x)
        options.push_back(make(Detail::kNumber, true, through,
                               "about " + before + format_number(about, 0, run->commas), doc));
      if (least > 0)
        options.push_back(make(Detail::kNumber, true, through,
                               "at least " + before + format_number(least, 0, run->commas), doc));
    }
    break;
  }
  if (tokens.size() == 1 && doc.tokens[tokens[0]].shape == TokenShape::kWord && q->value >= 0 &&
      q->value == std::floor(q->value)) {
    const std::string* word = pools.number_word(static_cast<long>(q->value));
    if (word && *word == doc.tokens[tokens[0]].lower)
      options.push_back(
          make(Detail::kNumber, true, doc.tokens[tokens[0]].span, format_number(q->value, 0, false), doc));
  }
  if (options.empty()) return std::nullopt;
  return options[random.below(options.size())];
}

std::optional<Rewrite> reword_date(const Document& doc, Span detail, const RewritePools& pools) {
  const Timex* timex = timex_at(doc, detail);
  if (!timex) return std::nullopt;
  std::vector<size_t> tokens = tokens_in(doc, detail);
  const int month = month_of(*timex);
  const std::string* month_word = month > 0 ? pools.month_word(month) : nullptr;
  // "April 7" <-> "7 April": the month and day tokens swap places.
  for (size_t k = 0; k + 1 < tokens.size() && month_word; ++k) {
    const Token& first = doc.tokens[tokens[k]];
    const Token& second = doc.tokens[tokens[k + 1]];
    if (tokens[k + 1] != tokens[k] + 1 || second.span.start != first.span.end + 1) continue;
    const bool month_day = first.lower == *month_word && day_number(doc, second, nullptr) > 0;
    const bool day_month = second.lower == *month_word && day_number(doc, first, nullptr) > 0;
    if (!month_day && !day_month) continue;
    return make(Detail::kDate, true, {first.span.start, second.span.end},
                std::string(doc.slice(second.span)) + " " + std::string(doc.slice(first.span)),
                doc);
  }
  // A weekday written as its calendar date.
  if (timex->weekday >= 0 && tokens.size() == 1 && !timex->first_day.empty() &&
      timex->first_day == timex->last_day && month_word) {
    const int day = std::atoi(timex->first_day.substr(8, 2).c_str());
    const Token& t = doc.tokens[tokens[0]];
    return make(Detail::kDate, true, t.span,
                match_case(*month_word, doc.slice(t.span)) + " " + std::to_string(day), doc);
  }
  return std::nullopt;
}

std::optional<Rewrite> reword_verb(const Document& doc, Span detail, const RewritePools& pools) {
  const long root = token_at(doc, detail);
  if (root < 0) return std::nullopt;
  const Token& verb = doc.tokens[root];
  if (xpos_tag_name(verb.xpos) != "VBD" || !children(doc, root, "aux").empty() ||
      !children(doc, root, "cop").empty())
    return std::nullopt;
  // The participle as the articles write it for this lemma; a regular past ("-ed") is its own.
  const std::string_view form = doc.slice(verb.span);
  std::string participle;
  if (const std::string* seen = pools.participle(verb.lemma))
    participle = *seen;
  else if (form.size() >= 4 && lower(form.substr(form.size() - 2)) == "ed")
    participle = lower(form);
  else
    return std::nullopt;
  bool plural = false;
  for (size_t s : children(doc, root, "nsubj")) {
    const Token& subject = doc.tokens[s];
    plural = subject.morph.number == GrammaticalNumber::kPlur ||
             subject.morph.person == 1 || subject.morph.person == 2;
  }
  return make(Detail::kPolarity, true, verb.span,
              match_case(plural ? "have" : "has", form) + " " + participle, doc);
}

}  // namespace

std::optional<Rewrite> preserve(const std::vector<Document>& documents, const Anchor& anchor,
                                const RewritePools& pools, Random& random) {
  const Document& doc = documents[anchor.article[0]];
  const Span detail = anchor.detail[0];
  switch (anchor.kind) {
    case Detail::kNumber:
      return reword_number(doc, detail, pools, random);
    case Detail::kDate:
      return reword_date(doc, detail, pools);
    case Detail::kRole: {
      const std::string written(doc.slice(detail));
      const std::string* variant = pools.role_variant(written);
      if (!variant) return std::nullopt;
      return make(Detail::kRole, true, detail, match_case(*variant, written), doc);
    }
    case Detail::kPlace:
      return std::nullopt;
    case Detail::kPolarity:
      return reword_verb(doc, detail, pools);
  }
  return std::nullopt;
}

std::string apply_rewrite(const std::string& text, const Rewrite& rewrite) {
  if (rewrite.span.start > text.size() || rewrite.span.end > text.size() ||
      rewrite.span.end < rewrite.span.start)
    return text;
  return text.substr(0, rewrite.span.start) + rewrite.replacement +
         text.substr(rewrite.span.end);
}

Span shifted(Span span, const Rewrite& rewrite) {
  const long delta =
      static_cast<long>(rewrite.replacement.size()) - static_cast<long>(rewrite.span.size());
  auto move = [&](uint32_t offset) {
    return static_cast<uint32_t>(std::max(0L, static_cast<long>(offset) + delta));
  };
  if (span.start <= rewrite.span.start && rewrite.span.end <= span.end)
    return {span.start, move(span.end)};
  if (span.end <= rewrite.span.start) return span;
  if (span.start >= rewrite.span.end) return {move(span.start), move(span.end)};
  return {span.start, std::max(span.start, move(span.end))};
}

bool cites_span(const std::vector<Cite>& cites, const std::string& article, Span span) {
  for (const Cite& cite : cites)
    if (cite.article == article && Span{cite.start, cite.end}.overlaps(span)) return true;
  return false;
}

bool conflict_joins(const Conflict& conflict, const std::string& article_a, Span span_a,
                    const std::string& article_b, Span span_b) {
  for (size_t i = 0; i < conflict.sides.size(); ++i) {
    if (!cites_span(conflict.sides[i].cites, article_a, span_a)) continue;
    for (size_t j = 0; j < conflict.sides.size(); ++j)
      if (j != i && cites_span(conflict.sides[j].cites, article_b, span_b)) return true;
  }
  return false;
}

bool conflict_touches(const Conflict& conflict, const std::string& article, Span span) {
  for (const ConflictSide& side : conflict.sides)
    if (cites_span(side.cites, article, span)) return true;
  return false;
}

}  // namespace crosscheck::eval
