#include "facts/lexicon.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace crosscheck::facts {

namespace {

using WordMap = std::unordered_map<std::string_view, std::string_view>;
using WordSet = std::unordered_set<std::string_view>;

const WordMap& irregular_verbs() {
  static const WordMap map = {
      {"met", "meet"},
      {"held", "hold"},
      {"spoke", "speak"},
      {"spoken", "speak"},
      {"said", "say"},
      {"told", "tell"},
      {"took", "take"},
      {"taken", "take"},
      {"gave", "give"},
      {"given", "give"},
      {"went", "go"},
      {"gone", "go"},
      {"came", "come"},
      {"made", "make"},
      {"won", "win"},
      {"lost", "lose"},
      {"fled", "flee"},
      {"fought", "fight"},
      {"struck", "strike"},
      {"hit", "hit"},
      {"shot", "shoot"},
      {"sent", "send"},
      {"left", "leave"},
      {"led", "lead"},
      {"began", "begin"},
      {"begun", "begin"},
      {"broke", "break"},
      {"broken", "break"},
      {"brought", "bring"},
      {"bought", "buy"},
      {"sought", "seek"},
      {"thought", "think"},
      {"wrote", "write"},
      {"written", "write"},
      {"chose", "choose"},
      {"chosen", "choose"},
      {"rose", "rise"},
      {"risen", "rise"},
      {"fell", "fall"},
      {"fallen", "fall"},
      {"saw", "see"},
      {"seen", "see"},
      {"knew", "know"},
      {"known", "know"},
      {"ran", "run"},
      {"died", "die"},
      {"dead", "die"},
      {"flew", "fly"},
      {"drove", "drive"},
      {"driven", "drive"},
      {"kept", "keep"},
      {"found", "find"},
      {"stood", "stand"},
      {"paid", "pay"},
      {"sold", "sell"},
      {"became", "become"},
      {"withdrew", "withdraw"},
      {"withdrawn", "withdraw"},
      {"undertook", "undertake"},
  };
  return map;
}

// Stems (Snowball English) and lemmas grouped into event classes, so that "met", "meeting",
// "talks" and "visited" can describe one event.
const WordMap& event_classes() {
  static const WordMap map = {
      {"meet", "meeting"},         {"talk", "meeting"},       {"visit", "meeting"},
      {"summit", "meeting"},       {"negoti", "meeting"},     {"discuss", "meeting"},
      {"host", "meeting"},         {"call", "call"},          {"phone", "call"},
      {"telephon", "call"},        {"kill", "casualties"},    {"die", "casualties"},
      {"death", "casualties"},     {"dead", "casualties"},    {"wound", "casualties"},
      {"injur", "casualties"},     {"attack", "attack"},      {"strike", "attack"},
      {"shell", "attack"},         {"bomb", "attack"},        {"raid", "attack"},
      {"sign", "agreement"},       {"agre", "agreement"},     {"ratifi", "agreement"},
      {"announc", "announcement"}, {"elect", "election"},     {"vote", "election"},
      {"arrest", "arrest"},        {"detain", "arrest"},      {"resign", "resignation"},
      {"launch", "launch"},        {"arriv", "arrival"},      {"land", "arrival"},
      {"crash", "accident"},       {"collaps", "accident"},   {"explod", "accident"},
      {"explos", "accident"},      {"earthquak", "disaster"}, {"flood", "disaster"},
      {"fire", "disaster"},
  };
  return map;
}

const WordSet& negation_words() {
  static const WordSet set = {"not",     "n't",     "never",    "no",     "neither",  "nor",
                              "without", "denied",  "denies",   "deny",   "rejected", "rejects",
                              "refused", "refuses", "declined", "cannot", "nobody",   "none"};
  return set;
}

const WordSet& temporal_role_words() {
  static const WordSet set = {
      "former", "then",    "ex",       "late", "outgoing", "incoming",  "designate", "elect",
      "acting", "interim", "previous", "past", "retired",  "erstwhile", "future",    "caretaker"};
  return set;
}

// Portfolio words of ministries, with their canonical name.
const WordMap& portfolios() {
  static const WordMap map = {{"foreign", "foreign"},
                              {"external", "foreign"},
                              {"defence", "defence"},
                              {"defense", "defence"},
                              {"war", "defence"},
                              {"interior", "interior"},
                              {"home", "interior"},
                              {"finance", "finance"},
                              {"treasury", "finance"},
                              {"economy", "economy"},
                              {"economic", "economy"},
                              {"justice", "justice"},
                              {"health", "health"},
                              {"education", "education"},
                              {"energy", "energy"},
                              {"trade", "trade"},
                              {"commerce", "trade"},
                              {"agriculture", "agriculture"},
                              {"transport", "transport"},
                              {"labour", "labour"},
                              {"labor", "labour"},
                              {"environment", "environment"},
                              {"culture", "culture"},
                              {"housing", "housing"},
                              {"immigration", "immigration"},
                              {"security", "security"}};
  return map;
}

const WordMap& qualifier_forms() {
  static const WordMap map = {{"us", "us"},
                              {"usa", "us"},
                              {"american", "us"},
                              {"america", "us"},
                              {"united states", "us"},
                              {"washington", "us"},
                              {"uk", "uk"},
                              {"british", "uk"},
                              {"britain", "uk"},
                              {"great britain", "uk"},
                              {"united kingdom", "uk"},
                              {"english", "uk"},
                              {"england", "uk"},
                              {"french", "france"},
                              {"german", "germany"},
                              {"dutch", "netherlands"},
                              {"chinese", "china"},
                              {"swiss", "switzerland"},
                              {"greek", "greece"},
                              {"turkish", "turkey"},
                              {"türkiye", "turkey"},
                              {"spanish", "spain"},
                              {"polish", "poland"},
                              {"danish", "denmark"},
                              {"swedish", "sweden"},
                              {"finnish", "finland"},
                              {"irish", "ireland"},
                              {"israeli", "israel"},
                              {"iranian", "iran"},
                              {"iraqi", "iraq"},
                              {"pakistani", "pakistan"},
                              {"afghan", "afghanistan"},
                              {"thai", "thailand"},
                              {"filipino", "philippines"},
                              {"philippine", "philippines"},
                              {"belgian", "belgium"},
                              {"norwegian", "norway"},
                              {"czech", "czechia"},
                              {"eu", "european union"},
                              {"un", "united nations"}};
  return map;
}

const WordSet& leading_connectives() {
  static const WordSet set = {"however",      "meanwhile",   "still",        "moreover",
                              "additionally", "furthermore", "nevertheless", "nonetheless",
                              "also",         "indeed",      "notably",      "separately",
                              "overall",      "further"};
  return set;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace

std::string_view irregular_lemma(std::string_view lower_word) {
  auto it = irregular_verbs().find(lower_word);
  return it == irregular_verbs().end() ? std::string_view() : it->second;
}

std::string_view event_class(std::string_view stem_or_lemma) {
  auto it = event_classes().find(stem_or_lemma);
  return it == event_classes().end() ? std::string_view() : it->second;
}

bool is_negation_cue(std::string_view lower_word, std::string_view next_lower) {
  if (negation_words().contains(lower_word)) return true;
  if (next_lower == "to") {
    return lower_word == "yet" || lower_word == "failed" || lower_word == "fails" ||
           lower_word == "refused" || lower_word == "declined";
  }
  return false;
}

bool is_temporal_role_word(std::string_view lower_word) {
  return temporal_role_words().contains(lower_word);
}

std::string canonical_office(std::string_view role) {
  std::vector<std::string> words = words_of(role);
  if (words.empty()) return {};
  for (const std::string& word : words) {
    if (is_temporal_role_word(word) || word == "deputy" || word == "vice" || word == "shadow" ||
        word == "assistant" || word == "junior" || word == "under") {
      // A deputy or shadow office is a different, many-holder office; past offices never clash.
      if (word == "vice" && words.size() == 2 && words[1] == "president") return "vice president";
      return {};
    }
  }
  const std::string& head = words.back();
  auto has = [&](std::string_view w) {
    for (const std::string& word : words)
      if (word == w) return true;
    return false;
  };
  if (has("prime") && has("minister")) return "prime minister";
  if (head == "president" && words.size() <= 2) return "president";
  if (head == "chancellor" && words.size() == 1) return "chancellor";
  if (has("secretary") && has("state") && !has("for")) return "minister:foreign";
  if (has("secretary") && has("general") && words.size() <= 3) return "secretary-general";
  bool ministerial = has("minister") || has("secretary") || has("ministry");
  if (!ministerial) return {};
  for (const std::string& word : words) {
    auto it = portfolios().find(word);
    if (it != portfolios().end()) return "minister:" + std::string(it->second);
  }
  return {};
}

std::string canonical_qualifier(std::string_view qualifier) {
  std::string text;
  for (char c : qualifier)
    if (c != '.') text.push_back(c);
  text = lower_ascii(text);
  if (text.size() > 2 && text.ends_with("'s")) text.resize(text.size() - 2);
  if (text.size() > 4 && text.ends_with("\xE2\x80\x99s")) text.resize(text.size() - 4);
  if (text.starts_with("the ")) text = text.substr(4);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  auto it = qualifier_forms().find(text);
  return it == qualifier_forms().end() ? text : std::string(it->second);
}

bool same_qualifier(std::string_view a, std::string_view b) {
  if (a == b) return true;
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  // A country and its demonym share all but the last letter of the shorter ("russia", "russian";
  // "ukraine", "ukrainian") while distinct names diverge earlier ("austria", "australia").
  return common >= 4 && common + 1 >= std::min(a.size(), b.size());
}

bool is_leading_connective(std::string_view lower_word) {
  return leading_connectives().contains(lower_word);
}

}  // namespace crosscheck::facts
