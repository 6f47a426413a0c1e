// Name lists for entity recognition: countries, demonyms, places, organisations, given names and
// family names, loaded once from the shared gazetteers folder and Debian iso-codes, plus the
// built-in English word lists (titles, organisation heads, function words) the rules need.
//
// Every key is a folded name (fold_name): lower case, diacritics removed, so lookups are one
// hash probe on the folded form of what the text says.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace crosscheck::extract {

// Lower case with Latin diacritics removed and combining marks dropped ("Zelenskyy" ->
// "zelenskyy", "Élysée" -> "elysee"). Typographic apostrophes become '\''.
std::string fold_name(std::string_view text);

// Hash that allows std::string_view lookups in maps keyed by std::string.
struct FoldedHash {
  using is_transparent = void;
  // FNV-1a over 8-byte words: names are short, and this is several times cheaper than
  // std::hash's generic byte hash.
  size_t operator()(std::string_view text) const noexcept {
    uint64_t hash = 0xcbf29ce484222325ULL ^ text.size();
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      hash = (hash ^ word) * 0x100000001b3ULL;
      hash ^= hash >> 29;
    }
    for (; i < text.size(); ++i) {
      hash = (hash ^ static_cast<unsigned char>(text[i])) * 0x100000001b3ULL;
    }
    return static_cast<size_t>(hash ^ (hash >> 32));
  }
};

using NameSet = std::unordered_set<std::string, FoldedHash, std::equal_to<>>;
template <typename Value>
using NameMap = std::unordered_map<std::string, Value, FoldedHash, std::equal_to<>>;

enum class OrgKind : uint8_t { kInternational, kParty, kNewspaper, kCompany, kGovernment };

struct PlaceInfo {
  uint32_t population = 0;
  bool capital = false;
  bool region = false;  // a first-level subdivision of a country (state, province, region)
};

struct Gazetteer {
  // Country names, official names, alternative spellings and ISO codes -> common English name.
  NameMap<std::string> countries;
  // Initials of country names ("us", "uae", "prc") -> common name; only trusted when written
  // in capitals.
  NameMap<std::string> country_codes;
  // "french", "ukrainians" -> "France", "Ukraine".
  NameMap<std::string> demonyms;
  // Cities, capitals and their Latin-script alternate names.
  NameMap<PlaceInfo> places;
  NameMap<OrgKind> organizations;
  NameSet first_names;
  NameSet surnames;
  // English words the system word list writes in lower case ("attack", "kills", "points"):
  // a capitalised one in a headline is no evidence of a name. Empty when no word list is
  // installed (the tagger then relies on the document's own lower-case words).
  NameSet common_words;
  // Longest organisation/place name in tokens, bounding multi-token lookups.
  size_t longest_name_tokens = 1;

  bool loaded_gazetteers = false;  // false when only iso-codes and built-in rules are in use

  const std::string* country(std::string_view folded) const;
  const std::string* demonym_country(std::string_view folded) const;
  const PlaceInfo* place(std::string_view folded) const;
  const OrgKind* organization(std::string_view folded) const;
  bool first_name(std::string_view folded) const { return first_names.contains(folded); }
  bool surname(std::string_view folded) const { return surnames.contains(folded); }
  bool common_word(std::string_view folded) const { return common_words.contains(folded); }
};

// Loads `data_dir`/gazetteers/*.tsv (cities above 100,000 people with their alternate names,
// the rest by main name only) and `iso_codes_dir`/iso_3166-{1,2,3}.json (countries, states and
// provinces, former countries), plus built-in continents, world regions and news agencies.
// Missing or unreadable files add a line to `warnings` and are skipped. The common-word
// lexicon comes from the system word list (Debian's wamerican, /usr/share/dict) when present.
// About 0.1-0.2 s and 30 MB.
void load_gazetteer(Gazetteer& gazetteer, const std::string& data_dir,
                    const std::string& iso_codes_dir, std::vector<std::string>* warnings);

// Built-in English word lists (folded forms).
namespace words {

// Membership in the lists below as bits, answered with one hash probe.
enum WordFlag : uint16_t {
  kFunction = 1 << 0,
  kCalendar = 1 << 1,
  kRoleHead = 1 << 2,
  kRoleModifier = 1 << 3,
  kPortfolio = 1 << 4,
  kHonorific = 1 << 5,
  kParticle = 1 << 6,
  kOrgHead = 1 << 7,
  kOrgLead = 1 << 8,
  kPlaceHead = 1 << 9,
  kEventHead = 1 << 10,
  kGroupAdjective = 1 << 11,
  kPlacePreposition = 1 << 12,
  kFlagsReady = 1 << 15,  // for callers caching the answer
};
uint16_t word_flags(std::string_view folded);

// Heads of titles and roles written before a name or in an apposition ("president",
// "spokesman", "envoy", "adviser", "sen.").
bool is_role_head(std::string_view folded);
// Words that modify a role head ("foreign", "prime", "deputy", "special", "press").
bool is_role_modifier(std::string_view folded);
// Words allowed after "of" inside a role ("Secretary of State", "chief of staff").
bool is_role_portfolio(std::string_view folded);
// Courtesy titles: evidence of a person but not a role ("mr", "mrs", "dr").
bool is_honorific(std::string_view folded);
// Last words of organisation names ("ministry", "party", "inc", "university").
bool is_org_head(std::string_view folded);
// Last words of names of events, competitions, prizes and laws ("Cup", "Open", "Olympics",
// "Act"): CoNLL MISC.
bool is_event_head(std::string_view folded);
// First words of organisation names followed by "of" ("university", "bank", "ministry").
bool is_org_lead(std::string_view folded);
// Last/first words of geographic names ("river", "sea", "mount", "island").
bool is_place_head(std::string_view folded);
// Articles, pronouns, prepositions, conjunctions and auxiliaries.
bool is_function_word(std::string_view folded);
// Adjectives and nouns of regions, religions and political camps ("European", "Sunni",
// "Republican"): CoNLL MISC, never actors.
bool is_group_adjective(std::string_view folded);
// Compass and position words ("northern", "central", "upper") that region lists use as names.
bool is_compass_word(std::string_view folded);
// Months, weekdays and other capitalised calendar words that are not entities.
bool is_calendar_word(std::string_view folded);
// Lower-case particles inside names ("de", "von", "van", "bin", "al").
bool is_name_particle(std::string_view folded);
// Prepositions that introduce a location ("in", "at", "near", "outside").
bool is_place_preposition(std::string_view folded);
// Capitalised abbreviations of things that are not named entities ("gdp", "ceo", "ai", "tv",
// "utc"): never organisations by their shape alone.
bool is_common_acronym(std::string_view folded);
// Verbs and nouns whose object is a territory ("annexed", "invading", "occupation of").
bool is_territory_verb(std::string_view folded);
}  // namespace words

}  // namespace crosscheck::extract
