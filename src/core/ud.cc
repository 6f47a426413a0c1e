#include "core/ud.h"

#include <algorithm>
#include <array>
#include <vector>

namespace crosscheck {
namespace {

constexpr std::array<std::string_view, 18> kUpos = {
    "_",   "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Penn Treebank tags as used by UD English (EWT, GUM).
constexpr std::array<std::string_view, 52> kXpos = {
    "_",   "$",   "''", ",",   "-LRB-", "-RRB-", ".",   ":",     "ADD", "AFX",  "CC",
    "CD",  "DT",  "EX", "FW",  "GW",    "HYPH",  "IN",  "JJ",    "JJR", "JJS",  "LS",
    "MD",  "NFP", "NN", "NNP", "NNPS",  "NNS",   "PDT", "POS",   "PRP", "PRP$", "RB",
    "RBR", "RBS", "RP", "SYM", "TO",    "UH",    "VB",  "VBD",   "VBG", "VBN",  "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB",   "``",    "XX",  "-NONE-"};

// UD v2 relations and the subtypes UD English uses.
constexpr std::array<std::string_view, 66> kDeprels = {"_",
                                                       "acl",
                                                       "acl:relcl",
                                                       "advcl",
                                                       "advcl:relcl",
                                                       "advmod",
                                                       "amod",
                                                       "appos",
                                                       "aux",
                                                       "aux:pass",
                                                       "case",
                                                       "cc",
                                                       "cc:preconj",
                                                       "ccomp",
                                                       "clf",
                                                       "compound",
                                                       "compound:prt",
                                                       "conj",
                                                       "cop",
                                                       "csubj",
                                                       "csubj:outer",
                                                       "csubj:pass",
                                                       "dep",
                                                       "det",
                                                       "det:predet",
                                                       "discourse",
                                                       "dislocated",
                                                       "expl",
                                                       "fixed",
                                                       "flat",
                                                       "flat:foreign",
                                                       "goeswith",
                                                       "iobj",
                                                       "list",
                                                       "mark",
                                                       "nmod",
                                                       "nmod:desc",
                                                       "nmod:npmod",
                                                       "nmod:poss",
                                                       "nmod:tmod",
                                                       "nmod:unmarked",
                                                       "nsubj",
                                                       "nsubj:outer",
                                                       "nsubj:pass",
                                                       "nummod",
                                                       "obj",
                                                       "obl",
                                                       "obl:agent",
                                                       "obl:npmod",
                                                       "obl:tmod",
                                                       "obl:unmarked",
                                                       "orphan",
                                                       "parataxis",
                                                       "punct",
                                                       "reparandum",
                                                       "root",
                                                       "vocative",
                                                       "xcomp",
                                                       "advmod:emph",
                                                       "det:poss",
                                                       "nummod:gov",
                                                       "obl:arg",
                                                       "expl:pv",
                                                       "flat:name",
                                                       "compound:lvc",
                                                       "mark:rel"};

template <size_t N>
uint8_t index_of(const std::array<std::string_view, N>& table, std::string_view name) {
  for (size_t i = 1; i < N; ++i)
    if (table[i] == name) return static_cast<uint8_t>(i);
  return 0;
}

}  // namespace

std::string_view upos_name(Upos tag) {
  size_t index = static_cast<size_t>(tag);
  return index < kUpos.size() ? kUpos[index] : kUpos[0];
}

Upos upos_from_name(std::string_view name) { return static_cast<Upos>(index_of(kUpos, name)); }

std::span<const std::string_view> xpos_tag_names() { return kXpos; }
std::string_view xpos_tag_name(uint8_t index) {
  return index < kXpos.size() ? kXpos[index] : kXpos[0];
}
uint8_t xpos_tag_from_name(std::string_view name) { return index_of(kXpos, name); }

std::span<const std::string_view> deprel_names() { return kDeprels; }
std::string_view deprel_name(uint8_t index) {
  return index < kDeprels.size() ? kDeprels[index] : kDeprels[0];
}
uint8_t deprel_from_name(std::string_view name) {
  uint8_t index = index_of(kDeprels, name);
  if (index != 0) return index;
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? 0 : index_of(kDeprels, name.substr(0, colon));
}

std::string_view deprel_base(uint8_t index) {
  std::string_view name = deprel_name(index);
  return name.substr(0, name.find(':'));
}

std::string feats_string(const Morph& morph) {
  std::vector<std::string_view> parts;  // already in alphabetical order of feature name
  switch (morph.mood) {
    case Mood::kInd:
      parts.push_back("Mood=Ind");
      break;
    case Mood::kImp:
      parts.push_back("Mood=Imp");
      break;
    case Mood::kSub:
      parts.push_back("Mood=Sub");
      break;
    case Mood::kCnd:
      parts.push_back("Mood=Cnd");
      break;
    case Mood::kNone:
      break;
  }
  switch (morph.number) {
    case GrammaticalNumber::kSing:
      parts.push_back("Number=Sing");
      break;
    case GrammaticalNumber::kPlur:
      parts.push_back("Number=Plur");
      break;
    case GrammaticalNumber::kNone:
      break;
  }
  static constexpr std::string_view kPerson[] = {"", "Person=1", "Person=2", "Person=3"};
  if (morph.person >= 1 && morph.person <= 3) parts.push_back(kPerson[morph.person]);
  if (morph.negative) parts.push_back("Polarity=Neg");
  switch (morph.tense) {
    case Tense::kPast:
      parts.push_back("Tense=Past");
      break;
    case Tense::kPres:
      parts.push_back("Tense=Pres");
      break;
    case Tense::kFut:
      parts.push_back("Tense=Fut");
      break;
    case Tense::kNone:
      break;
  }
  switch (morph.verb_form) {
    case VerbForm::kFin:
      parts.push_back("VerbForm=Fin");
      break;
    case VerbForm::kInf:
      parts.push_back("VerbForm=Inf");
      break;
    case VerbForm::kPart:
      parts.push_back("VerbForm=Part");
      break;
    case VerbForm::kGer:
      parts.push_back("VerbForm=Ger");
      break;
    case VerbForm::kNone:
      break;
  }
  switch (morph.voice) {
    case Voice::kAct:
      parts.push_back("Voice=Act");
      break;
    case Voice::kPass:
      parts.push_back("Voice=Pass");
      break;
    case Voice::kNone:
      break;
  }
  if (parts.empty()) return "_";
  std::string out;
  for (std::string_view part : parts) {
    if (!out.empty()) out += '|';
    out += part;
  }
  return out;
}

Morph morph_from_feats(std::string_view feats) {
  Morph morph;
  while (!feats.empty()) {
    size_t bar = feats.find('|');
    std::string_view item = feats.substr(0, bar);
    feats = bar == std::string_view::npos ? std::string_view{} : feats.substr(bar + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
    if (key == "Tense") {
      morph.tense = value == "Past"   ? Tense::kPast
                    : value == "Pres" ? Tense::kPres
                    : value == "Fut"  ? Tense::kFut
                                      : Tense::kNone;
    } else if (key == "VerbForm") {
      morph.verb_form = value == "Fin"    ? VerbForm::kFin
                        : value == "Inf"  ? VerbForm::kInf
                        : value == "Part" ? VerbForm::kPart
                        : value == "Ger"  ? VerbForm::kGer
                                          : VerbForm::kNone;
    } else if (key == "Mood") {
      morph.mood = value == "Ind"   ? Mood::kInd
                   : value == "Imp" ? Mood::kImp
                   : value == "Sub" ? Mood::kSub
                   : value == "Cnd" ? Mood::kCnd
                                    : Mood::kNone;
    } else if (key == "Number") {
      morph.number = value == "Sing"   ? GrammaticalNumber::kSing
                     : value == "Plur" ? GrammaticalNumber::kPlur
                                       : GrammaticalNumber::kNone;
    } else if (key == "Voice") {
      morph.voice = value == "Act" ? Voice::kAct : value == "Pass" ? Voice::kPass : Voice::kNone;
    } else if (key == "Person") {
      morph.person = value == "1" ? 1 : value == "2" ? 2 : value == "3" ? 3 : 0;
    } else if (key == "Polarity") {
      morph.negative = value == "Neg";
    }
  }
  return morph;
}

}  // namespace crosscheck
