#include "extract/entities.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/utf8.h"
#include "extract/actors.h"

namespace crosscheck::extract {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// What the tagger needs to know about one token, computed once per document.
struct TokenView {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string_view text;
  std::string fold;
  uint32_t sentence = 0;
  bool word = false;        // contains a letter
  bool cap = false;         // first letter upper or title case
  bool all_caps = false;    // at least two letters, all upper case
  bool initial = false;     // "J." (a single capital with its dot)
  bool possessive = false;  // followed by "'s" or "'"
  bool sentence_initial = false;
  bool headline = false;         // in a sentence written in title case or capitals
  bool shouting = false;         // in a sentence written in capitals
  bool particle_prefix = false;  // "al-Assad", "bin-Salman": lower-case particle joined by hyphen
  bool glued = false;            // begins a sentence glued to the previous word ("DozensThe")
  bool pair_second = false;      // second name of a hyphenated pair, never joined to the first
  mutable uint16_t word_flags = 0;  // WordFlag bits, filled on first use
};

using words::kCalendar;
using words::kEventHead;
using words::kFlagsReady;
using words::kFunction;
using words::kGroupAdjective;
using words::kHonorific;
using words::kOrgHead;
using words::kOrgLead;
using words::kParticle;
using words::kPlaceHead;
using words::kPlacePreposition;
using words::kPortfolio;
using words::kRoleHead;
using words::kRoleModifier;

bool is_upper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_possessive_marker(std::string_view text) {
  return text == "'s" || text == "\xE2\x80\x99s" || text == "'" || text == "\xE2\x80\x99" ||
         text == "'S" || text == "\xE2\x80\x99S";
}

bool is_opening_punct(std::string_view text) {
  return text == "\"" || text == "\xE2\x80\x9C" || text == "\xE2\x80\x98" || text == "'" ||
         text == "(" || text == "[" || text == ":" || text == "\xE2\x80\x94" ||
         text == "\xE2\x80\x93" || text == "-" || text == "--" || text == "*" || text == "**" ||
         text == "\xE2\x80\xA2" || text == "|" || text == ">" || text == "#";
}

// Strips a trailing "'s" / "’s" kept inside a token by tokenisers that do not split clitics.
size_t possessive_suffix(std::string_view text) {
  if (text.size() > 2 && (text.ends_with("'s") || text.ends_with("'S"))) return 2;
  if (text.size() > 4 && (text.ends_with("\xE2\x80\x99s") || text.ends_with("\xE2\x80\x99S"))) {
    return 4;
  }
  return 0;
}

// A stretch of text the tagger treats as one token: a token of the document, or one side of
// a token split where two words were glued together ("DozensThe") or two names hyphenated
// ("Witkoff-Putin").
struct Piece {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t sentence = 0;
  bool glued = false;        // starts where a missing space or line break was
  bool pair_second = false;  // second name of a hyphenated pair ("Putin" of "Witkoff-Putin")
};

// Position in `text` where a lower-case ASCII letter is directly followed by a capitalised
// sentence-opening word ending the token ("DozensThe", "SecurityHe": a heading run into the next
// sentence when the line break was lost), or 0.
size_t glue_point(std::string_view text) {
  if (text.size() < 4) return 0;
  for (size_t k = text.size() - 1; k >= 2; --k) {
    char previous = text[k - 1], current = text[k];
    if (!(current >= 'A' && current <= 'Z')) continue;
    if (!(previous >= 'a' && previous <= 'z')) return 0;
    std::string rest(text.substr(k));
    for (char& c : rest) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      if (!(c >= 'a' && c <= 'z')) return 0;
    }
    // Words that open sentences; not "in"/"on", which end brand names ("LinkedIn").
    // "McDonald" and "iPhone" glue no such word, and the first part must be a word too.
    static const NameSet kOpeners = {"the",   "he",   "she",   "they",  "we",  "it",
                                     "this",  "that", "these", "those", "his", "her",
                                     "their", "its",  "but",   "and",   "an",  "after",
                                     "while", "when", "there", "our",   "if",  "as"};
    return kOpeners.contains(rest) && k >= 3 ? k : 0;
  }
  return 0;
}

std::vector<Piece> make_pieces(const Document& doc) {
  std::vector<Piece> pieces;
  pieces.reserve(doc.tokens.size() + 4);
  for (const Token& token : doc.tokens) {
    Piece piece{token.span.start,
                std::min<uint32_t>(token.span.end, static_cast<uint32_t>(doc.text.size())),
                token.sentence, false};
    if (piece.end < piece.start) piece.end = piece.start;
    if (size_t glue = glue_point(doc.slice(Span{piece.start, piece.end})); glue != 0) {
      uint32_t split = piece.start + static_cast<uint32_t>(glue);
      pieces.push_back(Piece{piece.start, split, piece.sentence, false});
      pieces.push_back(Piece{split, piece.end, piece.sentence, true});
      continue;
    }
    pieces.push_back(piece);
  }
  return pieces;
}

std::vector<TokenView> make_views(const Document& doc, const std::vector<Piece>& pieces) {
  std::vector<TokenView> views(pieces.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    TokenView& view = views[i];
    view.start = piece.start;
    view.end = piece.end;
    view.sentence = piece.sentence;
    view.glued = piece.glued;
    view.pair_second = piece.pair_second;
    std::string_view text = doc.slice(Span{view.start, view.end});
    if (size_t suffix = possessive_suffix(text); suffix != 0) {
      text.remove_suffix(suffix);
      view.end -= static_cast<uint32_t>(suffix);
      view.possessive = true;
    }
    view.text = text;
    // One pass over the characters, with an ASCII fast path (most tokens).
    int letters = 0, upper = 0;
    bool first_letter_seen = false, ascii = true;
    size_t pos = 0;
    while (pos < text.size()) {
      unsigned char byte = static_cast<unsigned char>(text[pos]);
      bool letter = false, is_up = false;
      if (byte < 0x80) {
        ++pos;
        letter = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
        is_up = byte >= 'A' && byte <= 'Z';
      } else {
        ascii = false;
        char32_t cp = utf8::decode(text, pos);
        letter = u_isalpha(static_cast<UChar32>(cp));
        is_up = letter && is_upper(cp);
      }
      if (!first_letter_seen && pos > 0) {
        // "first letter upper": the token's first character decides, as in Token::capitalized.
        first_letter_seen = true;
        view.cap = is_up;
      }
      letters += letter ? 1 : 0;
      upper += is_up ? 1 : 0;
    }
    view.word = letters > 0;
    if (!view.word) {
      view.cap = false;
      view.fold = std::string(text);
      continue;
    }
    if (ascii) {
      view.fold.assign(text);
      for (char& c : view.fold) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      }
    } else {
      view.fold = fold_name(text);
    }
    view.all_caps = letters >= 2 && upper == letters;
    view.initial = letters == 1 && view.cap && text.size() == 2 && text[1] == '.';
    size_t hyphen = view.fold.find('-');
    if (!view.cap && hyphen != std::string::npos && hyphen + 1 < text.size() &&
        words::is_name_particle(std::string_view(view.fold).substr(0, hyphen))) {
      size_t after = hyphen + 1;
      view.particle_prefix = is_upper(utf8::decode(text, after));
    }
  }
  for (size_t i = 0; i + 1 < views.size(); ++i) {
    if (views[i].word && views[i + 1].start == pieces[i].end &&
        is_possessive_marker(views[i + 1].text)) {
      if (views[i + 1].text.size() > 1 || views[i].fold.ends_with('s')) views[i].possessive = true;
    }
  }
  return views;
}

// True when a new stretch of text starts at view `i` inside a sentence: after glued words or a
// blank line that the sentence splitter did not see ("...Injures DozensThe talks also ...").
bool starts_stretch(const Document& doc, const std::vector<TokenView>& views, size_t i) {
  if (views[i].glued) return true;
  if (i == 0 || views[i].start <= views[i - 1].end) return false;
  std::string_view gap = doc.slice(Span{views[i - 1].end, views[i].start});
  size_t line_break = gap.find('\n');
  return line_break != std::string_view::npos &&
         gap.find('\n', line_break + 1) != std::string_view::npos;
}

// Marks sentence-initial words and headline stretches. Title case is judged per stretch, so a
// heading run into the next sentence is a heading and the sentence is not.
void mark_positions(const Document& doc, std::vector<TokenView>& views) {
  size_t begin = 0;
  while (begin < views.size()) {
    size_t end = begin + 1;
    while (end < views.size() && views[end].sentence == views[begin].sentence &&
           !starts_stretch(doc, views, end)) {
      ++end;
    }
    int content = 0, capitalised = 0, capitals = 0, words_seen = 0, numbers = 0;
    bool previous_opens = true;
    for (size_t i = begin; i < end; ++i) {
      TokenView& view = views[i];
      if (!view.word) {
        // Dashes open a list item only at the start of a line ("- Ford, Chrysler").
        bool dash = view.text == "-" || view.text == "--" || view.text == "\xE2\x80\x94" ||
                    view.text == "\xE2\x80\x93";
        if (is_opening_punct(view.text) && (!dash || words_seen == 0)) previous_opens = true;
        // A list number before the first word ("2) Scope of the Review") is no table cell;
        // "1. Jan Ullrich 3:45:12" is a results row.
        bool enumerator = words_seen == 0 && i + 1 < end && views[i + 1].text == ")";
        if (!view.text.empty() && view.text[0] >= '0' && view.text[0] <= '9' && !enumerator) {
          ++numbers;
        }
        continue;
      }
      view.sentence_initial = previous_opens;
      previous_opens = false;
      ++words_seen;
      capitals += view.all_caps ? 1 : 0;
      if (view.fold.size() >= 3 && !words::is_function_word(view.fold)) {
        ++content;
        capitalised += view.cap ? 1 : 0;
      }
    }
    // Short lines without final punctuation ("A Call for Action", "Key Points") are headings.
    std::string_view final_text = views[end - 1].text;
    bool unterminated = final_text != "." && final_text != "?" && final_text != "!" &&
                        final_text != "\"" && final_text != "\xE2\x80\x9D";
    bool title_case = (content >= 3 && capitalised * 10 >= content * 9) ||
                      (content >= 2 && capitalised == content && unterminated && numbers == 0);
    bool shouting = words_seen >= 3 && capitals * 10 >= words_seen * 6;
    if (title_case || shouting) {
      for (size_t i = begin; i < end; ++i) {
        views[i].headline = true;
        views[i].shouting = shouting;
      }
    }
    begin = end;
  }
}

struct Candidate {
  size_t first = 0;  // token range [first, last)
  size_t last = 0;
  EntityType type = EntityType::kMisc;
  double confidence = 0;
  bool needs_evidence = false;  // sentence-initial or headline word without support yet
  bool after_title = false;
  std::string country;  // demonym's country
};

class Tagger {
 public:
  Tagger(const Document& doc, const Gazetteer& gazetteer, const Recogniser* recogniser)
      : doc_(doc), gazetteer_(gazetteer), recogniser_(recogniser) {
    std::vector<Piece> pieces = make_pieces(doc);
    views_ = make_views(doc, pieces);
    if (split_name_pairs(pieces)) views_ = make_views(doc, pieces);
    mark_positions(doc_, views_);
    for (const TokenView& view : views_) {
      if (!view.word) continue;
      if (!view.cap) {
        lower_seen_.insert(view.fold);
      } else if (!view.sentence_initial && !view.headline) {
        cap_seen_mid_.insert(view.fold);
      }
    }
  }

  // "Witkoff-Putin talks", "U.S.-Russia relations": two names joined by a hyphen are two
  // mentions when both are countries or both stand alone elsewhere in the document. Names
  // written hyphenated ("Hewlett-Packard", "Baden-Württemberg") stay whole: their parts rarely
  // stand alone, and gazetteer names are never split. Returns whether `pieces` changed.
  bool split_name_pairs(std::vector<Piece>& pieces) const {
    std::vector<std::pair<size_t, size_t>> splits;  // view index, hyphen offset in its text
    for (size_t i = 0; i < views_.size(); ++i) {
      const TokenView& view = views_[i];
      if (!view.cap) continue;
      size_t hyphen = view.text.find('-');
      if (hyphen == std::string_view::npos || hyphen == 0 || hyphen + 1 >= view.text.size() ||
          view.text.find('-', hyphen + 1) != std::string_view::npos ||
          !(view.text[hyphen + 1] >= 'A' && view.text[hyphen + 1] <= 'Z') ||
          view.fold.size() != view.text.size() || gazetteer_name(view.fold)) {
        continue;
      }
      splits.emplace_back(i, hyphen);
    }
    if (splits.empty()) return false;
    std::unordered_set<std::string_view, FoldedHash> standalone;
    for (const TokenView& view : views_) {
      if (view.cap && view.text.find('-') == std::string_view::npos) standalone.insert(view.fold);
    }
    auto country_part = [&](std::string_view part) {
      if (gazetteer_.country(part)) return true;
      std::string plain;
      for (char c : part) {
        if (c != '.') plain += c;
      }
      return plain.size() != part.size() && gazetteer_.country_codes.contains(plain);
    };
    std::vector<Piece> out;
    out.reserve(pieces.size() + splits.size());
    size_t next_split = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (next_split < splits.size() && splits[next_split].first == i) {
        size_t hyphen = splits[next_split++].second;
        std::string_view fold = views_[i].fold;
        std::string_view left = fold.substr(0, hyphen), right = fold.substr(hyphen + 1);
        bool countries = country_part(left) && country_part(right);
        bool known = standalone.contains(left) && standalone.contains(right);
        // "the Sánchez-Meloni summit", "Delhi-Dhaka ties": a pair modifying a noun of
        // relations, both sides known as names.
        bool relation = i + 1 < views_.size() && same_sentence(i, i + 1) &&
                        is_relation_noun(views_[i + 1].fold) && known_name_word(left) &&
                        known_name_word(right);
        if (countries || known || relation) {
          uint32_t cut = pieces[i].start + static_cast<uint32_t>(hyphen);
          out.push_back(Piece{pieces[i].start, cut, pieces[i].sentence, pieces[i].glued});
          out.push_back(Piece{cut + 1, pieces[i].end, pieces[i].sentence, false, true});
          continue;
        }
      }
      out.push_back(pieces[i]);
    }
    bool changed = out.size() != pieces.size();
    pieces = std::move(out);
    return changed;
  }

  static bool is_relation_noun(std::string_view fold) {
    static const NameSet kNouns = {
        "talks",       "meeting",   "meetings", "summit",       "summits", "dialogue",
        "dialogues",   "relations", "ties",     "negotiations", "rivalry", "border",
        "partnership", "alliance",  "pact",     "call",         "phone",   "conversation"};
    return kNouns.contains(fold);
  }

  bool known_name_word(std::string_view fold) const {
    return gazetteer_.surname(fold) || gazetteer_.first_name(fold) || gazetteer_name(fold);
  }

  std::vector<Mention> run() {
    if (recogniser_ && recogniser_->loaded()) {
      take_recognised(recogniser_->recognise(doc_));
      retype_pair_halves();
      add_family_names();
      std::vector<Mention> mentions = to_mentions();
      add_roles(mentions);
      return mentions;
    }
    size_t begin = 0;
    while (begin < views_.size()) {
      size_t end = begin;
      while (end < views_.size() && views_[end].sentence == views_[begin].sentence) ++end;
      scan_sentence(begin, end);
      begin = end;
    }
    resolve_within_document();
    retype_table_rows();
    std::vector<Mention> mentions = to_mentions();
    add_roles(mentions);
    return mentions;
  }

 private:
  // Candidates from the trained recogniser's names (token ranges of doc_.tokens), cut where
  // the token layer glued two words or two names ("InspectionsHe", "Lavrov-Blinken"), with a
  // leading title split off ("US Secretary of State | Alan Brooks"), and, in title-case
  // stretches where capitals prove nothing, kept only on words with evidence.
  void take_recognised(const std::vector<RecognisedName>& names) {
    for (const RecognisedName& name : names) {
      uint32_t start = doc_.tokens[name.first].span.start;
      uint32_t end = doc_.tokens[name.last - 1].span.end;
      size_t first = token_at(start), last = first;
      while (last < views_.size() && views_[last].end <= end) ++last;
      size_t piece = first;
      for (size_t k = first + 1; k <= last; ++k) {
        // Brackets never sit inside a name: "United Auto Workers ( UAW )" is two.
        bool bracket = k < last && (views_[k].text == "(" || views_[k].text == ")");
        if (k < last && !views_[k].glued && !views_[k].pair_second && !bracket) continue;
        take_piece(piece, k, name.type, name.confidence, k - piece != last - first);
        piece = bracket ? k + 1 : k;
      }
    }
  }

  void take_piece(size_t first, size_t last, EntityType type, double confidence, bool cut) {
    while (first < last &&
           ((has(first, kFunction) && !views_[first].all_caps) || !views_[first].word)) {
      ++first;
    }
    while (last > first && !views_[last - 1].word) --last;
    if (first >= last) return;
    // Qualifier, title, name.
    for (size_t r = first; r < last; ++r) {
      if (!is_role_word(r)) continue;
      size_t name_start = role_phrase_end(r, last);
      if (name_start == r || name_start >= last) continue;
      if (r > first)
        take_piece(
            first, r,
            strong_gazetteer_word(views_[first]) && !gazetteer_.demonym_country(views_[first].fold)
                ? EntityType::kPlace
                : type,
            confidence, true);
      // A name right after a title is the title holder.
      take_piece(name_start, last, EntityType::kPerson, confidence, false);
      return;
    }
    bool headline = false;
    for (size_t k = first; k < last; ++k) {
      headline = headline || (views_[k].headline && !views_[k].shouting);
    }
    headline = headline && !stretch_ends_sentence(first);
    if (headline) {
      size_t run = first;
      for (size_t k = first; k <= last; ++k) {
        if (k < last && headline_name_word(k)) continue;
        if (k > run) {
          if (k - run == last - first) {
            add_recognised(run, k, type, confidence, cut);
          } else {
            add_recognised(run, k, type, confidence, true);
          }
        }
        run = k + 1;
      }
      return;
    }
    add_recognised(first, last, type, confidence, cut);
  }

  // Whether the stretch of text holding view `i` ends with a full stop, question or exclamation
  // mark: title-case lines that do are running text (results tables, lists), those that do not
  // are headings.
  bool stretch_ends_sentence(size_t i) const {
    size_t k = i;
    while (k + 1 < views_.size() && views_[k + 1].sentence == views_[i].sentence &&
           !views_[k + 1].glued) {
      ++k;
    }
    std::string_view text = views_[k].text;
    return text == "." || text == "!" || text == "?";
  }

  // A recognised name, typed by the rules when only part of what the model marked is kept.
  void add_recognised(size_t first, size_t last, EntityType type, double confidence, bool cut) {
    if (last - first == 1 && views_[first].all_caps && !gazetteer_.country(views_[first].fold) &&
        words::is_common_acronym(plain_acronym(first))) {
      return;
    }
    Candidate candidate;
    candidate.first = first;
    candidate.last = last;
    candidate.type = type;
    candidate.confidence = confidence;
    if (cut) classify(candidate);
    // "Calder Holdings", "Northgate University": a last word that only organisations end in.
    if (last - first >= 2 && has(last - 1, kOrgHead)) candidate.type = EntityType::kOrganization;
    candidates_.push_back(candidate);
  }

  // Halves of a hyphenated pair ("Kowalczyk-Vorlanik talks") take the type the document gives
  // the same word where it stands alone.
  void retype_pair_halves() {
    std::unordered_map<std::string_view, EntityType, FoldedHash> alone;
    auto in_pair = [&](size_t i) {
      return views_[i].pair_second || (i + 1 < views_.size() && views_[i + 1].pair_second &&
                                       views_[i + 1].start == views_[i].end + 1);
    };
    for (const Candidate& c : candidates_) {
      if (c.last - c.first == 1 && !in_pair(c.first)) alone.emplace(views_[c.first].fold, c.type);
      if (c.last - c.first >= 2 && c.type == EntityType::kPerson) {
        alone.emplace(views_[c.last - 1].fold, c.type);
      }
    }
    // A pair names two of a kind: a person on either side makes both people.
    for (Candidate& c : candidates_) {
      if (c.last - c.first != 1 || !in_pair(c.first)) continue;
      size_t other = views_[c.first].pair_second ? c.first - 1 : c.first + 1;
      auto own = alone.find(views_[c.first].fold);
      auto partner = alone.find(views_[other].fold);
      if ((own != alone.end() && own->second == EntityType::kPerson) ||
          (partner != alone.end() && partner->second == EntityType::kPerson)) {
        c.type = EntityType::kPerson;
      } else if (own != alone.end()) {
        c.type = own->second;
      } else if (partner != alone.end()) {
        c.type = partner->second;
      }
    }
  }

  // A capitalised word inside a sentence that the recogniser left out but that spells the
  // family name of a person the document names ("Marchenkiy" after "Oleksiy Marchenky").
  void add_family_names() {
    std::unordered_set<std::string> family;
    std::vector<bool> covered(views_.size(), false);
    for (const Candidate& c : candidates_) {
      for (size_t k = c.first; k < c.last; ++k) covered[k] = true;
      if (c.type == EntityType::kPerson && c.last - c.first >= 2) {
        family.insert(name_skeleton(views_[c.last - 1].fold));
      }
    }
    if (family.empty()) return;
    for (size_t i = 0; i < views_.size(); ++i) {
      const TokenView& view = views_[i];
      if (covered[i] || !view.cap || view.all_caps || view.sentence_initial || view.headline ||
          has(i, kFunction) || !family.contains(name_skeleton(view.fold))) {
        continue;
      }
      Candidate candidate;
      candidate.first = i;
      candidate.last = i + 1;
      candidate.type = EntityType::kPerson;
      candidate.confidence = 0.6;
      candidates_.push_back(candidate);
    }
    std::sort(candidates_.begin(), candidates_.end(),
              [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  }

  // ---- token tests ----
  bool has(size_t i, uint16_t flag) const {
    const TokenView& view = views_[i];
    if (!(view.word_flags & kFlagsReady))
      view.word_flags = words::word_flags(view.fold) | kFlagsReady;
    return (view.word_flags & flag) != 0;
  }

  bool name_token(size_t i) const {
    const TokenView& view = views_[i];
    if (!view.word) return false;
    if (view.particle_prefix) return true;
    if (!view.cap) return false;
    if (view.fold == "i") return false;
    return true;
  }

  bool strong_gazetteer_word(const TokenView& view) const {
    std::string_view fold = view.fold;
    if (gazetteer_.country(fold) || gazetteer_.demonym_country(fold)) return true;
    if (words::is_group_adjective(fold)) return true;
    if (view.all_caps && code_country(view)) return true;
    // Single-word organisation names ("Future", "Together") are mostly ordinary words.
    if (gazetteer_.organization(fold)) return view.all_caps;
    if (const PlaceInfo* place = gazetteer_.place(fold)) {
      return place->capital || place->population >= 100'000;
    }
    return false;
  }

  const std::string* code_country(const TokenView& view) const {
    if (!view.all_caps) return nullptr;
    std::string plain;
    for (char c : view.fold) {
      if (c != '.') plain += c;
    }
    // "US" in a line of capitals may be the pronoun; "U.S." never is.
    if (view.shouting && plain.size() == view.fold.size()) return nullptr;
    if (plain.size() < 2) return nullptr;
    auto it = gazetteer_.country_codes.find(plain);
    return it == gazetteer_.country_codes.end() ? nullptr : &it->second;
  }

  bool country_like(const TokenView& view) const {
    return gazetteer_.country(view.fold) != nullptr || code_country(view) != nullptr;
  }

  // A sentence-initial or headline word counts as a name only with support.
  bool has_evidence(size_t i) const {
    const TokenView& view = views_[i];
    if (cap_seen_mid_.contains(view.fold)) return true;
    if (strong_gazetteer_word(view)) return true;
    if (starts_personal_name(i) && !plural_noun(i + 1)) return true;
    // The family name after a given name or initial ("Billy Andrade", "P. Simmons").
    if (i > 0 && starts_personal_name(i - 1) && !words::is_function_word(view.fold)) return true;
    return sentence_initial_surname(i) || apposition_follows(i);
  }

  // "Moreira, a former senator, ...": a name followed by a titled apposition.
  bool apposition_follows(size_t i) const {
    size_t p = i + 1;
    if (p >= views_.size() || !same_sentence(i, p) || views_[p].text != ",") return false;
    ++p;
    if (p < views_.size() &&
        (views_[p].fold == "a" || views_[p].fold == "an" || views_[p].fold == "the")) {
      ++p;
    }
    size_t limit = std::min(views_.size(), p + 5);
    for (size_t stop = p + 1; stop <= limit; ++stop) {
      if (!same_sentence(p, stop - 1) || views_[stop - 1].cap) break;
      if (role_phrase_end(p, stop) == stop) return true;
    }
    return false;
  }

  // A given name or an initial followed by another capitalised word.
  bool starts_personal_name(size_t i) const {
    const TokenView& view = views_[i];
    if (i + 1 >= views_.size() || views_[i + 1].sentence != view.sentence || !name_token(i + 1) ||
        has(i + 1, kFunction) || lower_seen_.contains(view.fold) ||
        words::is_function_word(view.fold)) {
      return false;
    }
    if (view.initial) return true;
    return !view.all_caps && gazetteer_.first_name(view.fold) &&
           !gazetteer_.country(views_[i + 1].fold) && !gazetteer_.place(views_[i + 1].fold);
  }

  // "Almeida later told reporters": a known family name opening a sentence, followed by a
  // lower-case word that is not a preposition or article ("Born on ..." is not a name).
  bool sentence_initial_surname(size_t i) const {
    const TokenView& view = views_[i];
    if (view.headline || !gazetteer_.surname(view.fold) || lower_seen_.contains(view.fold) ||
        words::is_function_word(view.fold) || i + 1 >= views_.size() || !same_sentence(i, i + 1)) {
      return false;
    }
    const TokenView& next = views_[i + 1];
    if (view.possessive) return true;
    if (!next.word || next.cap) return false;
    // The next word should read as a verb or adverb ("said", "later", "has", "left"):
    // "Net profit" and "Six people" open sentences with ordinary words.
    static const NameSet kVerbs = {
        "said",     "told",  "met",    "won",      "lost",   "left",    "led",     "took",
        "came",     "went",  "saw",    "made",     "gave",   "has",     "had",     "will",
        "would",    "could", "can",    "may",      "might",  "must",    "should",  "later",
        "also",     "then",  "now",    "still",    "never",  "again",   "himself", "herself",
        "insisted", "spoke", "wrote",  "began",    "became", "held",    "sent",    "ran",
        "got",      "did",   "does",   "knew",     "thinks", "thought", "warned",  "argued",
        "urged",    "added", "denied", "responded"};
    std::string_view word = next.fold;
    return kVerbs.contains(word) || word.ends_with("ed") || word.ends_with("ly") ||
           (word.ends_with("s") && !word.ends_with("ss") && word.size() >= 4 &&
            !word.ends_with("ies") && !word.ends_with("ers"));
  }

  std::string joined_fold(size_t first, size_t last) const {
    std::string out;
    for (size_t i = first; i < last; ++i) {
      if (i > first && views_[i].start > views_[i - 1].end) out += ' ';
      out += views_[i].fold;
    }
    return out;
  }

  bool gazetteer_name(std::string_view folded) const {
    return gazetteer_.country(folded) || gazetteer_.organization(folded) ||
           gazetteer_.place(folded);
  }

  // Longest gazetteer name of at least two tokens starting at `i`, or `i` when none.
  // Gazetteer names are capitalised words joined by a few lower-case links ("Bosnia and
  // Herzegovina", "Bank of the West"); anything else ends the search.
  bool may_continue_gazetteer_name(size_t i) const {
    const TokenView& view = views_[i];
    if (name_token(i)) return true;
    std::string_view fold = view.fold;
    return fold == "of" || fold == "the" || fold == "and" || fold == "&" || fold == "-" ||
           fold == "for" || fold == "on" || fold == "de" || fold == "du" || fold == "la" ||
           fold == "del" || fold == "des" || fold == "in";
  }

  size_t gazetteer_run_end(size_t i, size_t end) const {
    size_t limit = std::min(end, i + std::min<size_t>(gazetteer_.longest_name_tokens, 8));
    size_t best = i;
    std::string joined = views_[i].fold;
    for (size_t last = i + 2; last <= limit; ++last) {
      size_t added = last - 1;
      if (views_[added - 1].possessive || views_[added].pair_second ||
          !may_continue_gazetteer_name(added)) {
        break;
      }
      if (views_[added].start > views_[added - 1].end) joined += ' ';
      joined += views_[added].fold;
      if (name_token(added) && gazetteer_name(joined)) best = last;
    }
    return best;
  }

  bool is_title_case_link(size_t i) const {
    static const std::unordered_set<std::string_view, FoldedHash> kLinks = {
        "a",    "an",  "the",  "of",   "in",   "on",   "at",    "for",  "to",    "by",
        "and",  "or",  "but",  "with", "from", "as",   "into",  "over", "after", "is",
        "are",  "was", "were", "be",   "it",   "its",  "their", "his",  "her",   "this",
        "that", "not", "no",   "how",  "why",  "what", "who",   "when", "where", "amid"};
    return kLinks.contains(views_[i].fold);
  }

  // "Organisation for Security and Co-operation": "and" inside a name that already has an
  // organisation word, before another capitalised word that is not a place.
  bool organisation_and(size_t run_first, size_t connector) const {
    if (views_[connector].fold != "and" || connector + 1 >= views_.size()) return false;
    const TokenView& next = views_[connector + 1];
    if (!next.cap || gazetteer_.country(next.fold) || gazetteer_.place(next.fold)) return false;
    // "Adviser Jonathan Powell and Jens Ploetner": a given name after "and" starts a second
    // person unless the word before "and" ends an organisation name.
    if (starts_personal_name(connector + 1) && connector > run_first &&
        !has(connector - 1, kOrgHead | kOrgLead)) {
      return false;
    }
    for (size_t i = run_first; i < connector; ++i) {
      if (has(i, kOrgHead | kOrgLead)) return true;
    }
    return false;
  }

  bool connector_allowed(size_t previous, size_t connector) const {
    const TokenView& view = views_[connector];
    std::string_view fold = view.fold;
    if (views_[previous].possessive) return false;
    if (fold == "&") return true;
    if (!view.word) {
      // Hyphens written as separate tokens inside a name ("Jean - Noel" never happens; but
      // "Hewlett-Packard" split by other tokenisers does).
      if (!((fold == "-" || fold == "\xE2\x80\x90") && view.start == views_[previous].end &&
            connector + 1 < views_.size() && views_[connector + 1].start == view.end)) {
        return false;
      }
      // "U.S.-Iran talks": two countries hyphenated are two names.
      return !(country_like(views_[previous]) && country_like(views_[connector + 1]));
    }
    if (view.cap) return false;
    if (words::is_name_particle(fold) && fold != "y") return true;
    const std::string& before = views_[previous].fold;
    if (fold == "of") {
      return words::is_org_lead(before) || words::is_org_head(before) ||
             words::is_role_head(before) || words::is_place_head(before);
    }
    if (fold == "for") return words::is_org_head(before) || words::is_org_lead(before);
    return false;
  }

  // ---- runs ----
  void scan_sentence(size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      if (!name_token(i)) {
        ++i;
        continue;
      }
      size_t gazetteer_end = gazetteer_run_end(i, end);
      size_t last = i + 1;
      while (last < end && !views_[last - 1].possessive && !views_[last].pair_second) {
        // Capitalised prepositions and articles mark title case ("Talks On Black Sea").
        if (name_token(last) && !is_title_case_link(last) && !has(last, kCalendar)) {
          ++last;
          continue;
        }
        // Connectors: "of", particles, "&", and "of the".
        size_t after = last + 1;
        if (after < end && views_[last].fold == "of" && views_[after].fold == "the") ++after;
        if (after < end && name_token(after) &&
            (connector_allowed(last - 1, last) || organisation_and(i, last))) {
          last = after + 1;
          continue;
        }
        break;
      }
      last = std::max(last, gazetteer_end);
      if (views_[i].headline) {
        split_headline_run(i, last);
      } else {
        process_run(i, last, gazetteer_end == last);
      }
      i = last;
    }
  }

  // In headlines every word is capitalised: keep the stretches whose words have evidence.
  void split_headline_run(size_t first, size_t last) {
    size_t i = first;
    while (i < last) {
      size_t gazetteer_end = gazetteer_run_end(i, last);
      if (gazetteer_end > i) {
        process_run(i, gazetteer_end, true);
        i = gazetteer_end;
        continue;
      }
      if (!headline_name_word(i)) {
        ++i;
        continue;
      }
      size_t stop = i + 1;
      while (stop < last && !views_[stop - 1].possessive && headline_name_word(stop)) ++stop;
      // "Turkey Hosts", "Dnipropetrovsk Kills", "Key Points": a run ending in a common word
      // is a name only when that word is known as one or heads a name ("Black Sea").
      size_t next = stop;
      while (stop > i && common_word(stop - 1) && !strong_gazetteer_word(views_[stop - 1]) &&
             !(stop - 1 > i && starts_personal_name(stop - 2)) &&
             !(stop - i >= 2 && has(stop - 1, kPlaceHead | kOrgHead)) &&
             !(stop - i == 1 && written_as_name(stop - 1))) {
        --stop;
      }
      if (stop > i) process_run(i, stop, false);
      i = next;
    }
  }

  bool is_role_word(size_t i) const { return has(i, kRoleHead | kRoleModifier); }

  // An English word the document or the system word list writes in lower case; for hyphenated
  // words, the last part decides ("Cease-Fire").
  bool common_word(size_t i) const {
    std::string_view fold = views_[i].fold;
    if (lower_seen_.contains(fold) || gazetteer_.common_word(fold)) return true;
    size_t hyphen = fold.rfind('-');
    if (hyphen == std::string_view::npos || hyphen + 1 >= fold.size()) return false;
    fold.remove_prefix(hyphen + 1);
    return lower_seen_.contains(fold) || gazetteer_.common_word(fold);
  }

  // "Points", "Dates": the plural of a common noun, which family names rarely are.
  bool plural_noun(size_t i) const {
    std::string_view fold = views_[i].fold;
    if (fold.size() < 4 || !fold.ends_with('s') || fold.ends_with("ss")) return false;
    fold.remove_suffix(1);
    return gazetteer_.common_word(fold) && gazetteer_.common_word(views_[i].fold);
  }

  // The document writes the word capitalised in running text and never in lower case.
  bool written_as_name(size_t i) const {
    return cap_seen_mid_.contains(views_[i].fold) && !lower_seen_.contains(views_[i].fold);
  }

  // In a title-case line capitalisation proves nothing: a word there is part of a name only
  // with evidence, and a common word only with strong evidence (a gazetteer, a given name
  // next to it, or the document's own spelling).
  bool headline_name_word(size_t i) const {
    if (!name_token(i) || has(i, kFunction) || !has_evidence(i)) return false;
    if (!common_word(i) || strong_gazetteer_word(views_[i])) return true;
    // "Condoleezza Rice", "Grace Mugabe": a given name before a family name. Here word `i`
    // is common, so before the plural of a noun it is a word too ("Key Dates").
    if (starts_personal_name(i) && !plural_noun(i + 1)) return true;
    if (i > 0 && starts_personal_name(i - 1)) return true;
    return written_as_name(i);
  }

  // End of the role phrase starting at `i` ("Foreign Secretary", "Secretary of State"), or
  // `i` when the words there do not make a role ending in a title head.
  size_t role_phrase_end(size_t i, size_t end) const {
    size_t last_head_end = i;
    size_t j = i;
    while (j < end && is_role_word(j)) {
      if (has(j, kRoleHead)) last_head_end = j + 1;
      ++j;
    }
    if (last_head_end == i) return i;
    j = last_head_end;
    // "of State", "of Foreign Affairs", "of the Treasury", "of staff".
    if (j + 1 < end && views_[j].fold == "of" && has(j + 1, kPortfolio) &&
        views_[j + 1].fold != "the" && views_[j + 1].fold != "and") {
      size_t k = j + 1;
      while (k < end && k < j + 5 && has(k, kPortfolio)) ++k;
      while (k > j + 1 && (views_[k - 1].fold == "the" || views_[k - 1].fold == "and")) --k;
      return k;
    }
    if (j + 2 < end && views_[j].fold == "of" && views_[j + 1].fold == "the" &&
        has(j + 2, kPortfolio)) {
      size_t k = j + 2;
      while (k < end && k < j + 5 && has(k, kPortfolio)) ++k;
      return k;
    }
    return last_head_end;
  }

  // "Ontario-based", "Family-controlled": an adjective ending in a lower-case part.
  bool is_hyphen_adjective(size_t i) const {
    std::string_view text = views_[i].text;
    size_t hyphen = text.rfind('-');
    return hyphen != std::string_view::npos && hyphen > 0 &&
           is_lower_suffix(text.substr(hyphen + 1));
  }

  void process_run(size_t first, size_t last, bool gazetteer_match) {
    if (!gazetteer_match) {
      for (size_t i = first; i + 1 < last; ++i) {
        if (is_hyphen_adjective(i)) {
          process_run(first, i + 1, false);
          process_run(i + 1, last, false);
          return;
        }
      }
    }
    bool after_title = false;
    // Leading function words ("The", "In"), calendar words and courtesy titles.
    while (first < last && !gazetteer_match) {
      const std::string& fold = views_[first].fold;
      if (words::is_honorific(fold)) {
        after_title = true;
      } else if (!((words::is_function_word(fold) && !views_[first].all_caps) ||
                   words::is_calendar_word(fold) || !name_token(first))) {
        break;
      }
      ++first;
    }
    while (last > first &&
           (!views_[last - 1].word || views_[last - 1].fold == "of" || has(last - 1, kCalendar))) {
      --last;
    }
    if (first >= last) return;
    bool only_title_words = true;
    for (size_t i = first; i < last && only_title_words; ++i) {
      only_title_words = is_role_word(i) || has(i, kPortfolio) || has(i, kHonorific);
    }
    if (only_title_words) return;  // "Prime Minister", "Secretary of State"
    if (gazetteer_match || gazetteer_name(joined_fold(first, last))) {
      add_name(first, last, after_title);
      return;
    }
    if (last - first >= 2 && has(last - 1, kOrgHead)) {
      add_name(first, last, after_title);
      return;
    }
    // Qualifier, title, name: "UK | Foreign Secretary | David Lammy".
    for (size_t r = first; r < last; ++r) {
      if (!is_role_word(r)) continue;
      size_t name_start = role_phrase_end(r, last);
      if (name_start == r) continue;
      // A run ending in a title word is a title only after a known body or nationality
      // ("UK Foreign Secretary"); otherwise the word is part of a name ("Laura Dean").
      if (name_start == last && r > first && !strong_gazetteer_word(views_[r - 1]) &&
          !gazetteer_name(joined_fold(first, r))) {
        break;
      }
      if (r > first) process_run(first, r, false);
      if (name_start < last) {
        size_t name_first = name_start;
        while (name_first < last && has(name_first, kHonorific)) ++name_first;
        if (name_first < last && has(name_first, kFunction)) {
          // "President of Russia": the title is not followed by a name.
          while (name_first < last && has(name_first, kFunction)) {
            ++name_first;
          }
          if (name_first < last) process_run(name_first, last, false);
        } else if (name_first < last) {
          add_name(name_first, last, true);
        }
      }
      return;
    }
    // A nationality adjective before a name: "Russian Vladimir Putin" is rare, but "German
    // Bundesliga" and "Ukrainian Kyiv" appear; the adjective is its own MISC mention.
    if (last - first >= 2 && gazetteer_.demonym_country(views_[first].fold) &&
        !gazetteer_name(joined_fold(first, last))) {
      add_name(first, first + 1, false);
      process_run(first + 1, last, false);
      return;
    }
    add_name(first, last, after_title);
  }

  void add_name(size_t first, size_t last, bool after_title) {
    // Sentence-initial word that the document also writes in lower case: an ordinary word.
    while (!after_title && last - first >= 2 && views_[first].sentence_initial &&
           lower_seen_.contains(views_[first].fold) &&
           !cap_seen_mid_.contains(views_[first].fold) && !strong_gazetteer_word(views_[first])) {
      ++first;
    }
    Candidate candidate;
    candidate.first = first;
    candidate.last = last;
    candidate.after_title = after_title || title_before(first);
    classify(candidate);
    if (!candidate.after_title && (views_[first].sentence_initial || views_[first].headline)) {
      bool supported = last - first >= 2 ? !lower_seen_.contains(views_[first].fold) ||
                                               candidate.confidence >= 0.8
                                         : has_evidence(first) || title_follows(last);
      if (!supported) candidate.needs_evidence = true;
      if (last - first == 1 && has(first, kFunction)) return;
    }
    if (last - first == 1 && has(first, kRoleHead) && candidate.confidence < 0.8) {
      return;
    }
    // "GDP", "CEO", "AI": abbreviations of ordinary things, even where an obscure party or
    // company shares the letters.
    if (last - first == 1 && views_[first].all_caps && !gazetteer_.country(views_[first].fold) &&
        words::is_common_acronym(plain_acronym(first))) {
      return;
    }
    candidates_.push_back(std::move(candidate));
  }

  // "Kremlin spokesman Dmitry Peskov": a word that owns a lower-case title before a name.
  bool title_follows(size_t after) const {
    if (after >= views_.size() || !same_sentence(after, after - 1) || views_[after].cap ||
        !is_role_word(after)) {
      return false;
    }
    size_t end = views_.size();
    size_t limit = std::min(end, after + 6);
    for (size_t stop = after + 1; stop <= limit; ++stop) {
      if (role_phrase_end(after, stop) == stop && stop < end && name_token(stop) &&
          same_sentence(stop, after)) {
        return true;
      }
    }
    return false;
  }

  std::string plain_acronym(size_t i) const {
    std::string plain;
    for (char c : views_[i].fold) {
      if (c != '.') plain += c;
    }
    return plain;
  }

  bool title_before(size_t first) const {
    if (first == 0) return false;
    const TokenView& previous = views_[first - 1];
    if (previous.sentence != views_[first].sentence) return false;
    return words::is_role_head(previous.fold) || words::is_honorific(previous.fold);
  }

  void classify(Candidate& c) const {
    const size_t length = c.last - c.first;
    const TokenView& head = views_[c.first];
    const TokenView& tail = views_[c.last - 1];
    std::string whole = joined_fold(c.first, c.last);
    auto set = [&](EntityType type, double confidence) {
      c.type = type;
      c.confidence = confidence;
    };
    if (const std::string* country = gazetteer_.demonym_country(whole)) {
      c.country = *country;
      return set(EntityType::kMisc, 0.9);
    }
    if (length == 1 && words::is_group_adjective(whole)) return set(EntityType::kMisc, 0.85);
    // "New York-based", "Turkish-operated": an adjective made from a name.
    if (size_t hyphen = tail.fold.rfind('-');
        hyphen != std::string::npos && hyphen + 1 < tail.fold.size() &&
        is_lower_suffix(tail.text.substr(std::min(tail.text.size(), hyphen + 1)))) {
      return set(EntityType::kMisc, 0.7);
    }
    if (gazetteer_.country(whole) || (length == 1 && code_country(head))) {
      return set(EntityType::kPlace, 0.95);
    }
    const OrgKind* org = gazetteer_.organization(whole);
    if (!org && length == 1 && head.all_caps && whole.find('.') != std::string::npos) {
      std::string plain;
      for (char ch : whole) {
        if (ch != '.') plain += ch;
      }
      org = gazetteer_.organization(plain);  // "U.N." -> "un"
    }
    if (org && *org != OrgKind::kCompany && !c.after_title) {
      return set(EntityType::kOrganization, 0.9);
    }
    const PlaceInfo* place = gazetteer_.place(whole);
    if (c.after_title) return set(EntityType::kPerson, 0.9);
    // "Congress", "Senate", "the House": an institution named by its head word alone.
    if (length == 1 && !head.all_caps && (has(c.first, kOrgHead) || head.fold == "house")) {
      return set(EntityType::kOrganization, 0.7);
    }
    // "World War II", "Super Bowl 50": the head is the word before a numeral.
    const TokenView& head_word =
        length >= 3 && (is_roman_numeral(tail.fold) || !tail.word) ? views_[c.last - 2] : tail;
    if (length >= 2 && words::is_event_head(head_word.fold)) {
      return set(EntityType::kMisc, 0.8);
    }
    if (length >= 2 && words::is_org_head(tail.fold)) {
      return set(EntityType::kOrganization, 0.85);
    }
    if (place && (place->capital || place->population >= 100'000)) {
      return set(EntityType::kPlace, 0.85);
    }
    if (length >= 3 && views_[c.first + 1].fold == "of") {
      if (words::is_org_lead(head.fold)) return set(EntityType::kOrganization, 0.85);
      if (words::is_place_head(head.fold)) return set(EntityType::kPlace, 0.8);
    }
    if (org) {
      return set(EntityType::kOrganization, length > 1 ? 0.8 : head.all_caps ? 0.7 : 0.5);
    }
    if (length >= 2 && words::is_place_head(tail.fold)) return set(EntityType::kPlace, 0.75);
    bool first_name = gazetteer_.first_name(head.fold) && !head.all_caps;
    bool surname = gazetteer_.surname(tail.fold);
    if (length >= 2 && length <= 4 && (first_name || head.initial) &&
        !gazetteer_.place(tail.fold) && !gazetteer_.country(tail.fold)) {
      return set(EntityType::kPerson, surname ? 0.9 : 0.8);
    }
    if (place) return set(EntityType::kPlace, 0.65);
    if (c.first > 0 && views_[c.first - 1].sentence == head.sentence &&
        has(c.first - 1, kPlacePreposition) && !surname) {
      return set(EntityType::kPlace, 0.6);
    }
    if (!first_name && territory_object(c.first)) return set(EntityType::kPlace, 0.6);
    if (length >= 2 && length <= 3 && surname) return set(EntityType::kPerson, 0.65);
    if (length == 1 && head.all_caps && head.fold.size() <= 6) {
      return set(EntityType::kOrganization, 0.6);
    }
    if (length == 1 && (surname || gazetteer_.first_name(head.fold))) {
      return set(EntityType::kPerson, 0.5);
    }
    if (length == 1 && next_word_is_speech(c.last)) return set(EntityType::kPerson, 0.5);
    if (next_word_is_place_noun(c.last)) return set(EntityType::kPlace, 0.6);
    // Nationality nouns and adjectives the lists lack ("Zairean", "Congolese", "Yemeni").
    if (length == 1 && !head.all_caps && !surname && !gazetteer_.first_name(head.fold) &&
        (head.fold.ends_with("ian") || head.fold.ends_with("ean") || head.fold.ends_with("ese") ||
         head.fold.ends_with("ians") || head.fold.ends_with("eans"))) {
      return set(EntityType::kMisc, 0.5);
    }
    return set(EntityType::kOrganization, 0.4);
  }

  static bool is_roman_numeral(std::string_view fold) {
    return fold == "ii" || fold == "iii" || fold == "iv" || fold == "v" || fold == "vi" ||
           fold == "vii" || fold == "viii" || fold == "ix" || fold == "x" || fold == "xi";
  }

  static bool is_lower_suffix(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
      if (!(c >= 'a' && c <= 'z')) return false;
    }
    return true;
  }

  // "the Tavildara region", "Kherson city": a name before a lower-case place noun.
  bool next_word_is_place_noun(size_t i) const {
    if (i >= views_.size() || views_[i].cap || !same_sentence(i, i - 1)) return false;
    static const NameSet kNouns = {"region",  "province", "district", "city",   "town",
                                   "village", "area",     "valley",   "county", "oblast",
                                   "border",  "river",    "airport",  "port",   "state"};
    return kNouns.contains(views_[i].fold);
  }

  // "annexed Crimea", "the occupation of Abkhazia": the object of a verb or noun of
  // conquest is a territory.
  bool territory_object(size_t first) const {
    if (first == 0 || !same_sentence(first - 1, first)) return false;
    size_t p = first - 1;
    if (views_[p].fold == "the" && p > 0 && same_sentence(p - 1, p)) --p;
    if (views_[p].fold == "of" && p > 0 && same_sentence(p - 1, p)) --p;
    return !views_[p].cap && words::is_territory_verb(views_[p].fold);
  }

  bool next_word_is_speech(size_t i) const {
    if (i >= views_.size()) return false;
    std::string_view fold = views_[i].fold;
    return fold == "said" || fold == "says" || fold == "told" || fold == "added" ||
           fold == "wrote" || fold == "stated";
  }

  // Types a surname-only or repeated name from the fuller, surer mentions of the same document,
  // and keeps sentence-initial words only when the document names them elsewhere.
  void resolve_within_document() {
    std::unordered_map<std::string_view, std::pair<EntityType, double>, FoldedHash> by_key;
    std::unordered_set<std::string_view, FoldedHash> person_parts;
    std::vector<std::string> keys;
    keys.reserve(candidates_.size());
    for (const Candidate& c : candidates_) keys.push_back(joined_fold(c.first, c.last));
    for (size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (c.needs_evidence) continue;
      auto [it, inserted] = by_key.emplace(keys[k], std::make_pair(c.type, c.confidence));
      if (!inserted && it->second.second < c.confidence) it->second = {c.type, c.confidence};
      if (c.type == EntityType::kPerson && c.confidence >= 0.65 && c.last - c.first >= 2) {
        person_parts.insert(views_[c.last - 1].fold);
        if (!views_[c.first].initial) person_parts.insert(views_[c.first].fold);
      }
    }
    // "Witkoff and Putin": an unsure single name coordinated with a person is a person.
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (c.last - c.first != 1 || c.confidence >= 0.6 || c.type == EntityType::kMisc) continue;
      for (size_t other : {k - 1, k + 1}) {
        if (other >= candidates_.size()) continue;
        const Candidate& o = candidates_[other];
        bool named_person = o.type == EntityType::kPerson && o.confidence >= 0.65;
        size_t gap_first = other < k ? o.last : c.last;
        size_t gap_last = other < k ? c.first : o.first;
        // "Witkoff-Putin talks": the halves of a hyphenated pair are alike; a family name the
        // document gives in full elsewhere ("Maria Kowalczyk") is a person there.
        if (gap_last == gap_first && gap_last < views_.size() && views_[gap_last].pair_second &&
            (named_person || person_parts.contains(keys[other]))) {
          c.type = EntityType::kPerson;
          c.confidence = 0.6;
          continue;
        }
        if (!named_person || o.needs_evidence) continue;
        if (gap_last != gap_first + 1) continue;
        const std::string& link = views_[gap_first].fold;
        if (link == "and" || link == "or" || link == "," || link == "nor") {
          c.type = EntityType::kPerson;
          c.confidence = 0.6;
        }
      }
    }
    std::vector<Candidate> kept;
    kept.reserve(candidates_.size());
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      const std::string& key = keys[k];
      auto known = by_key.find(key);
      bool single = c.last - c.first == 1;
      if (single && c.type != EntityType::kMisc && person_parts.contains(key) &&
          c.confidence < 0.9) {
        c.type = EntityType::kPerson;
        c.confidence = 0.8;
        c.needs_evidence = false;
      } else if (known != by_key.end() && known->second.second > c.confidence) {
        c.type = known->second.first;
        c.confidence = known->second.second;
        c.needs_evidence = false;
      } else if (known != by_key.end()) {
        // by_key holds supported occurrences only: another unsupported one does not count.
        c.needs_evidence = false;
      }
      if (!c.needs_evidence) kept.push_back(std::move(c));
    }
    candidates_ = std::move(kept);
  }

  // Results and standings rows ("Wrexham 2 Torquay 1", "Houston 8 5 .615") name teams: a
  // city or a bare surname there is an organisation. A row is mostly numbers with at most one
  // lower-case word.
  void retype_table_rows() {
    std::vector<uint8_t> table_sentence;
    size_t begin = 0;
    while (begin < views_.size()) {
      size_t end = begin;
      int numbers = 0, lower = 0;
      while (end < views_.size() && views_[end].sentence == views_[begin].sentence) {
        const TokenView& view = views_[end];
        if (!view.word && !view.text.empty() && view.text[0] >= '0' && view.text[0] <= '9') {
          ++numbers;
        }
        if (view.word && !view.cap && !view.all_caps) ++lower;
        ++end;
      }
      uint32_t sentence = views_[begin].sentence;
      if (table_sentence.size() <= sentence) table_sentence.resize(sentence + 1, 0);
      table_sentence[sentence] = numbers >= 2 && lower <= 1;
      begin = end;
    }
    for (Candidate& c : candidates_) {
      uint32_t sentence = views_[c.first].sentence;
      if (sentence >= table_sentence.size() || !table_sentence[sentence]) continue;
      bool single = c.last - c.first == 1;
      if ((c.type == EntityType::kPlace && c.confidence < 0.95) ||
          (c.type == EntityType::kPerson && single && c.confidence < 0.8)) {
        c.type = EntityType::kOrganization;
      }
    }
  }

  std::vector<Mention> to_mentions() const {
    std::vector<Mention> mentions;
    mentions.reserve(candidates_.size());
    for (const Candidate& c : candidates_) {
      Mention mention;
      mention.span = Span{views_[c.first].start, views_[c.last - 1].end};
      mention.sentence = views_[c.first].sentence;
      mention.type = c.type;
      mention.key = mention_key(doc_.slice(mention.span));
      mention.confidence = c.confidence;
      if (mention.key.empty()) continue;
      mentions.push_back(std::move(mention));
    }
    std::sort(mentions.begin(), mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
    return mentions;
  }

  // ---- roles ----
  size_t token_at(uint32_t offset) const {
    auto it =
        std::lower_bound(views_.begin(), views_.end(), offset,
                         [](const TokenView& view, uint32_t value) { return view.start < value; });
    return static_cast<size_t>(it - views_.begin());
  }

  // Qualifier text for a mention: its name without possessive ("Zelensky's" -> "Zelensky").
  std::string qualifier_text(const Mention& mention) const {
    return std::string(doc_.slice(mention.span));
  }

  void add_roles(std::vector<Mention>& mentions) const {
    if (mentions.empty()) return;
    // Token index -> mention starting / ending there.
    std::vector<size_t> starting(views_.size(), kNone), ending(views_.size(), kNone);
    std::vector<size_t> first_token(mentions.size()), last_token(mentions.size());
    for (size_t m = 0; m < mentions.size(); ++m) {
      size_t first = token_at(mentions[m].span.start);
      size_t last = first;
      while (last < views_.size() && views_[last].end <= mentions[m].span.end) ++last;
      if (first >= views_.size() || last == first) continue;
      first_token[m] = first;
      last_token[m] = last;
      starting[first] = m;
      ending[last - 1] = m;
    }
    for (size_t m = 0; m < mentions.size(); ++m) {
      if (mentions[m].type != EntityType::kPerson || last_token[m] == 0) continue;
      if (!title_role(mentions, m, first_token[m], ending)) {
        apposition_role(mentions, m, last_token[m], starting);
      }
    }
  }

  bool same_sentence(size_t a, size_t b) const {
    return a < views_.size() && b < views_.size() && views_[a].sentence == views_[b].sentence;
  }

  // Start of the longest role phrase ending at token `last` (inclusive), or kNone.
  size_t role_phrase_start(size_t last, const std::vector<size_t>& ending) const {
    size_t best = kNone;
    size_t limit = last >= 7 ? last - 7 : 0;
    for (size_t a = last + 1; a-- > limit;) {
      if (!same_sentence(a, last) || ending[a] != kNone || !views_[a].word) break;
      if (is_role_word(a) && role_phrase_end(a, last + 1) == last + 1) best = a;
      const std::string& fold = views_[a].fold;
      if (!(is_role_word(a) || words::is_role_portfolio(fold) || fold == "of")) break;
    }
    return best;
  }

  // "UK Foreign Secretary David Lammy", "Kremlin spokesman Dmitry Peskov",
  // "Zelensky's chief of staff, Andriy Yermak".
  bool title_role(std::vector<Mention>& mentions, size_t m, size_t first,
                  const std::vector<size_t>& ending) const {
    if (first == 0) return false;
    size_t last = first - 1;
    if (views_[last].text == "," && last > 0) --last;
    if (!same_sentence(last, first) || !views_[last].word) return false;
    size_t start = role_phrase_start(last, ending);
    if (start == kNone) return false;
    Mention& mention = mentions[m];
    mention.role_span = Span{views_[start].start, views_[last].end};
    mention.role = std::string(doc_.slice(mention.role_span));
    mention.role_qualifier = qualifier_before(mentions, start, ending);
    return true;
  }

  std::string qualifier_before(std::vector<Mention>& mentions, size_t start,
                               const std::vector<size_t>& ending) const {
    if (start == 0) return {};
    size_t q = start - 1;
    if (!same_sentence(q, start)) return {};
    if (is_possessive_marker(views_[q].text) && q > 0) --q;
    if (const std::string* country = gazetteer_.demonym_country(views_[q].fold)) {
      if (views_[q].cap) return *country;
    }
    if (ending[q] != kNone) {
      Mention& qualifier = mentions[ending[q]];
      // A name directly before a title, without possessive, is the body the title belongs to
      // ("Kremlin spokesman"), not a person.
      if (!views_[q].possessive && qualifier.type == EntityType::kPerson &&
          qualifier.confidence < 0.8) {
        qualifier.type = EntityType::kOrganization;
      }
      return qualifier_text(qualifier);
    }
    return {};
  }

  // "Andriy Yermak, Zelensky's chief of staff", "Jens Ploetner, a senior adviser to German
  // Chancellor Olaf Scholz", "Jean Dupont, the French foreign minister,".
  void apposition_role(std::vector<Mention>& mentions, size_t m, size_t after,
                       const std::vector<size_t>& starting) const {
    size_t p = after;
    if (p >= views_.size() || views_[p].text != "," || !same_sentence(p, after - 1)) return;
    ++p;
    if (p < views_.size() &&
        (views_[p].fold == "a" || views_[p].fold == "an" || views_[p].fold == "the")) {
      ++p;
    }
    if (p >= views_.size() || !same_sentence(p, after - 1)) return;
    std::string qualifier;
    if (const std::string* country = gazetteer_.demonym_country(views_[p].fold);
        country != nullptr && views_[p].cap) {
      qualifier = *country;
      ++p;
    } else if (starting[p] != kNone && starting[p] != m) {
      const Mention& owner = mentions[starting[p]];
      size_t owner_last = token_at(owner.span.start);
      while (owner_last < views_.size() && views_[owner_last].end <= owner.span.end) ++owner_last;
      // "Zelensky's chief of staff"; "the White House press secretary".
      bool possessive = owner_last > 0 && views_[owner_last - 1].possessive;
      if (!possessive && owner.type == EntityType::kPerson) return;
      qualifier = qualifier_text(owner);
      p = owner_last;
      if (p < views_.size() && is_possessive_marker(views_[p].text)) ++p;
    }
    if (p >= views_.size() || !same_sentence(p, after - 1) || !is_role_word(p)) return;
    size_t role_end = kNone;
    for (size_t k = p; k < views_.size() && k < p + 7 && same_sentence(k, p); ++k) {
      if (starting[k] != kNone) break;
      size_t end = role_phrase_end(p, k + 1);
      if (end == k + 1) role_end = end;
    }
    if (role_end == kNone) return;
    // "Macron, President Trump": a title directly before another name belongs to that name.
    if (role_end < views_.size() && starting[role_end] != kNone) return;
    if (qualifier.empty() && role_end + 1 < views_.size() && same_sentence(role_end, p)) {
      const std::string& link = views_[role_end].fold;
      if (link == "to" || link == "of" || link == "for" || link == "at") {
        size_t q = role_end + 1;
        if (q < views_.size() && views_[q].fold == "the") ++q;
        while (q < views_.size() && same_sentence(q, p)) {
          bool role_word = starting[q] == kNone && (is_role_word(q) || has(q, kPortfolio));
          bool adjective = starting[q] != kNone && mentions[starting[q]].type == EntityType::kMisc;
          if (!role_word && !adjective) break;
          ++q;
        }
        if (q < views_.size() && starting[q] != kNone &&
            mentions[starting[q]].type != EntityType::kMisc) {
          qualifier = qualifier_text(mentions[starting[q]]);
        }
      }
    }
    Mention& mention = mentions[m];
    mention.role_span = Span{views_[p].start, views_[role_end - 1].end};
    mention.role = std::string(doc_.slice(mention.role_span));
    mention.role_qualifier = std::move(qualifier);
  }

  const Document& doc_;
  const Gazetteer& gazetteer_;
  const Recogniser* recogniser_;
  std::vector<TokenView> views_;
  // Views into views_[i].fold, which does not move after construction.
  std::unordered_set<std::string_view, FoldedHash> lower_seen_;
  std::unordered_set<std::string_view, FoldedHash> cap_seen_mid_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::string mention_key(std::string_view name) {
  std::string folded = fold_name(name);
  if (folded.ends_with("'s")) folded.resize(folded.size() - 2);
  while (!folded.empty() && (folded.back() == '\'' || folded.back() == ' ')) folded.pop_back();
  if (folded.starts_with("the ")) folded.erase(0, 4);
  // "u.s." -> "us": dots only between single letters.
  bool dotted = folded.size() >= 3;
  for (size_t i = 0; i < folded.size() && dotted; ++i) {
    dotted = (i % 2 == 1) ? folded[i] == '.' : folded[i] != '.' && folded[i] != ' ';
  }
  if (dotted) {
    std::string plain;
    for (char c : folded) {
      if (c != '.') plain += c;
    }
    return plain;
  }
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<Mention> find_entities(const Document& doc, const Gazetteer& gazetteer,
                                   const Recogniser* recogniser) {
  if (doc.tokens.empty()) return {};
  Tagger tagger(doc, gazetteer, recogniser);
  return tagger.run();
}

}  // namespace crosscheck::extract
