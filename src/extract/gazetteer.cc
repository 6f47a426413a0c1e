#include "extract/gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utf8.h"

namespace crosscheck::extract {
namespace {

// Base letters of the Latin blocks U+00C0..U+024F and U+1E00..U+1EFF, computed once from
// ICU's canonical decomposition so folding is one table lookup per letter.
struct LatinFoldTable {
  static constexpr char32_t kFirstBlockStart = 0xC0, kFirstBlockEnd = 0x250;
  static constexpr char32_t kSecondBlockStart = 0x1E00, kSecondBlockEnd = 0x1F00;
  std::array<const char*, kFirstBlockEnd - kFirstBlockStart> first{};
  std::array<const char*, kSecondBlockEnd - kSecondBlockStart> second{};
  std::vector<std::string> storage;

  LatinFoldTable() {
    storage.reserve(first.size() + second.size());
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    auto fill = [&](char32_t cp) -> const char* {
      static const std::initializer_list<std::pair<char32_t, const char*>> kSpecial = {
          {0xDF, "ss"}, {0xE6, "ae"}, {0xC6, "ae"}, {0xF8, "o"},  {0xD8, "o"},   {0x111, "d"},
          {0x110, "d"}, {0x142, "l"}, {0x141, "l"}, {0x131, "i"}, {0x153, "oe"}, {0x152, "oe"},
          {0xFE, "th"}, {0xDE, "th"}, {0xF0, "d"},  {0xD0, "d"},  {0x127, "h"},  {0x126, "h"},
          {0x167, "t"}, {0x166, "t"}, {0x180, "b"}, {0x1B6, "z"}, {0x1B5, "z"}};
      for (const auto& [special, text] : kSpecial) {
        if (special == cp) return text;
      }
      if (U_FAILURE(status) || nfd == nullptr) return nullptr;
      icu::UnicodeString decomposition;
      if (!nfd->getDecomposition(static_cast<UChar32>(cp), decomposition)) {
        UChar32 lower = u_tolower(static_cast<UChar32>(cp));
        if (lower < 0x80) {
          storage.emplace_back(1, static_cast<char>(lower));
          return storage.back().c_str();
        }
        return nullptr;
      }
      UChar32 base = u_tolower(decomposition.char32At(0));
      if (base >= 0x80) return nullptr;
      storage.emplace_back(1, static_cast<char>(base));
      return storage.back().c_str();
    };
    for (char32_t cp = kFirstBlockStart; cp < kFirstBlockEnd; ++cp) {
      first[cp - kFirstBlockStart] = fill(cp);
    }
    for (char32_t cp = kSecondBlockStart; cp < kSecondBlockEnd; ++cp) {
      second[cp - kSecondBlockStart] = fill(cp);
    }
  }

  const char* lookup(char32_t cp) const {
    if (cp >= kFirstBlockStart && cp < kFirstBlockEnd) return first[cp - kFirstBlockStart];
    if (cp >= kSecondBlockStart && cp < kSecondBlockEnd) return second[cp - kSecondBlockStart];
    return nullptr;
  }
};

const LatinFoldTable& latin_fold_table() {
  static const LatinFoldTable table;
  return table;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  while (true) {
    size_t end = text.find(separator, begin);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(begin));
      break;
    }
    parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

// Calls `row(fields)` for every data line of a TSV file (header skipped). False when unreadable.
template <typename RowFunction>
bool for_each_row(const std::string& path, RowFunction row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  std::string_view rest(content);
  bool header = true;
  std::vector<std::string_view> fields;
  while (!rest.empty()) {
    size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (header) {
      header = false;
      continue;
    }
    if (line.empty()) continue;
    fields.clear();
    size_t begin = 0;
    while (true) {
      size_t tab = line.find('\t', begin);
      if (tab == std::string_view::npos) {
        fields.push_back(line.substr(begin));
        break;
      }
      fields.push_back(line.substr(begin, tab - begin));
      begin = tab + 1;
    }
    row(fields);
  }
  return true;
}

std::string_view field(const std::vector<std::string_view>& fields, size_t index) {
  return index < fields.size() ? fields[index] : std::string_view();
}

size_t token_count(std::string_view name) {
  size_t count = 1;
  for (char c : name) count += c == ' ';
  return count;
}

// Company names as listed ("Boeing Company (The)", "Adobe Inc.") without the legal suffix, so
// the text's "Boeing" or "Adobe" finds them.
std::string_view strip_company_suffix(std::string_view name) {
  size_t paren = name.find(" (");
  if (paren != std::string_view::npos) name = name.substr(0, paren);
  static const std::initializer_list<std::string_view> kSuffixes = {
      ", Inc.",   ", Inc", " Inc.", " Inc",      " Corporation", " Corp.",   " Corp",
      " Company", " Co.",  " Ltd.", " Ltd",      " plc",         " PLC",     " N.V.",
      " S.A.",    " SA",   " AG",   " Holdings", " Group",       " Limited", ", L.P.",
      " L.P.",    " LLC",  ",",     " Motor",    " Motors"};
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::string_view suffix : kSuffixes) {
      if (name.size() > suffix.size() + 2 && name.ends_with(suffix)) {
        name.remove_suffix(suffix.size());
        changed = true;
      }
    }
  }
  return name;
}

bool starts_upper(std::string_view text) {
  size_t pos = 0;
  if (text.empty()) return false;
  char32_t cp = utf8::decode(text, pos);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

struct Loader {
  Gazetteer& gazetteer;
  std::vector<std::string>* warnings;
  NameMap<std::string> country_by_code;  // iso2 -> common name
  NameMap<uint64_t> population_by_code;

  void warn(const std::string& message) {
    if (warnings != nullptr) warnings->push_back(message);
  }

  void note_length(std::string_view name) {
    gazetteer.longest_name_tokens = std::max(gazetteer.longest_name_tokens, token_count(name));
  }

  void add_country(std::string_view name, const std::string& common) {
    if (name.empty()) return;
    std::string folded = fold_name(name);
    if (folded.size() < 2) return;
    note_length(name);
    gazetteer.countries.emplace(std::move(folded), common);
  }

  void add_org(std::string_view name, OrgKind kind) {
    if (name.size() < 2) return;
    std::string folded = fold_name(name);
    if (words::is_function_word(folded) || words::is_calendar_word(folded)) return;
    note_length(name);
    gazetteer.organizations.emplace(std::move(folded), kind);
  }

  void add_place(std::string_view name, PlaceInfo info) {
    if (name.size() < 2 || !starts_upper(name)) return;
    std::string folded = fold_name(name);
    if (words::is_function_word(folded) || words::is_calendar_word(folded)) return;
    note_length(name);
    auto [it, inserted] = gazetteer.places.emplace(std::move(folded), info);
    if (!inserted) {
      it->second.population = std::max(it->second.population, info.population);
      it->second.capital = it->second.capital || info.capital;
      it->second.region = it->second.region || info.region;
    }
  }

  void load_countries(const std::string& dir) {
    bool ok = for_each_row(dir + "/countries.tsv", [&](const std::vector<std::string_view>& f) {
      std::string code(field(f, 0));
      std::string common(field(f, 3));
      if (code.empty() || common.empty()) return;
      country_by_code[code] = common;
      uint64_t population = 0;
      for (char c : field(f, 11)) {
        if (c >= '0' && c <= '9') population = population * 10 + static_cast<uint64_t>(c - '0');
      }
      population_by_code[code] = population;
      add_country(common, common);
      add_country(field(f, 4), common);
      add_country(field(f, 5), common);
      for (std::string_view alt : split(field(f, 6), '|')) add_country(alt, common);
      for (std::string_view native : split(field(f, 7), '|')) add_country(native, common);
      add_place(field(f, 9), PlaceInfo{1'000'000, false});
      add_place(field(f, 10), PlaceInfo{1'000'000, false});
      for (std::string_view capital : split(field(f, 8), '|')) {
        add_place(capital, PlaceInfo{1'000'000, true});
      }
    });
    if (!ok) warn("gazetteer missing: " + dir + "/countries.tsv");
  }

  void load_iso_codes(const std::string& iso_dir) {
    if (iso_dir.empty()) {
      warn("iso-codes folder not found: country names from gazetteers only");
      return;
    }
    std::ifstream in(iso_dir + "/iso_3166-1.json", std::ios::binary);
    if (!in) {
      warn("iso-codes file missing: " + iso_dir + "/iso_3166-1.json");
      return;
    }
    nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("3166-1") || !json["3166-1"].is_array()) {
      warn("iso-codes file unreadable: " + iso_dir + "/iso_3166-1.json");
      return;
    }
    for (const auto& entry : json["3166-1"]) {
      if (!entry.is_object()) continue;
      auto text = [&](const char* key) -> std::string {
        auto it = entry.find(key);
        return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      std::string code = text("alpha_2");
      std::string name = text("name");
      if (code.empty() || name.empty()) continue;
      std::string common = text("common_name");
      if (common.empty()) common = name;
      auto [known, inserted] = country_by_code.emplace(code, common);
      const std::string& canonical = known->second;
      add_country(name, canonical);
      add_country(common, canonical);
      add_country(text("official_name"), canonical);
    }
  }

  // Former countries ("Yugoslavia", "USSR", "Zaire") from iso_3166-3 and first-level
  // subdivisions (states, provinces, regions) from iso_3166-2: places the city list lacks.
  void load_iso_subdivisions(const std::string& iso_dir) {
    if (iso_dir.empty()) return;
    auto read = [&](const std::string& name) -> nlohmann::json {
      std::ifstream in(iso_dir + "/" + name, std::ios::binary);
      if (!in) return nlohmann::json();
      return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    };
    nlohmann::json former = read("iso_3166-3.json");
    if (former.is_object() && former.contains("3166-3") && former["3166-3"].is_array()) {
      for (const auto& entry : former["3166-3"]) {
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string()) continue;
        std::string name = entry["name"].get<std::string>();
        std::vector<std::string_view> parts = split(name, ',');
        std::string common(parts[0]);
        add_country(common, common);
        for (size_t i = 1; i < parts.size(); ++i) {
          std::string_view part = parts[i];
          while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
          if (part.find('(') == std::string_view::npos) add_country(part, common);
        }
      }
    }
    nlohmann::json subdivisions = read("iso_3166-2.json");
    if (!subdivisions.is_object() || !subdivisions.contains("3166-2") ||
        !subdivisions["3166-2"].is_array()) {
      warn("iso-codes subdivisions unreadable: " + iso_dir + "/iso_3166-2.json");
      return;
    }
    static const std::initializer_list<std::string_view> kKinds = {
        "State",      "Province",  "Region",     "Governorate",
        "Prefecture", "Republic",  "Oblast",     "Canton",
        "Emirate",    "Territory", "Country",    "Nation",
        "Autonomous", "Land",      "Voivodship", "Administrative region"};
    for (const auto& entry : subdivisions["3166-2"]) {
      if (!entry.is_object() || !entry.contains("name") || !entry.contains("type") ||
          !entry["name"].is_string() || !entry["type"].is_string()) {
        continue;
      }
      std::string type = entry["type"].get<std::string>();
      bool wanted = false;
      for (std::string_view kind : kKinds) wanted = wanted || type.find(kind) != std::string::npos;
      if (!wanted) continue;
      std::string name = entry["name"].get<std::string>();
      size_t paren = name.find(" (");
      if (paren != std::string::npos) name.resize(paren);
      std::string folded = fold_name(name);
      // "Central", "Northern", "Capital": region names that are ordinary adjectives.
      if (words::is_role_modifier(folded) || words::is_group_adjective(folded) ||
          words::is_place_head(folded) || words::is_compass_word(folded)) {
        continue;
      }
      add_place(name, PlaceInfo{200'000, false, true});
    }
  }

  // Initials of a country's names ("United States" -> "us", "People's Republic of China" ->
  // "prc"), trusted only where the text writes them in capitals.
  void add_country_acronym(std::string_view name, const std::string& common) {
    std::string initials;
    size_t words = 0;
    const std::string folded = fold_name(name);  // the split views point into it
    for (std::string_view word : split(folded, ' ')) {
      if (word.empty() || word == "of" || word == "the" || word == "and") continue;
      ++words;
      if (static_cast<unsigned char>(word[0]) >= 0x80) return;
      initials += word[0];
    }
    if (words < 2 || initials.size() > 4) return;
    gazetteer.country_codes.emplace(initials, common);
  }

  // Small territories' initials ("ai", "pm") are mostly other abbreviations; keep those of
  // countries large enough to be abbreviated in the news.
  void add_country_acronyms() {
    NameMap<uint64_t> population_by_name;
    for (const auto& [code, common] : country_by_code) {
      auto population = population_by_code.find(code);
      if (population != population_by_code.end()) population_by_name[common] = population->second;
    }
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& [folded, common] : gazetteer.countries) {
      auto population = population_by_name.find(common);
      if (!population_by_name.empty() &&
          (population == population_by_name.end() || population->second < 5'000'000)) {
        continue;
      }
      names.emplace_back(folded, common);
    }
    for (const auto& [folded, common] : names) add_country_acronym(folded, common);
  }

  void add_regions() {
    // Continents and world regions are places the country lists do not name.
    static const std::initializer_list<const char*> kRegions = {"Europe",
                                                                "Asia",
                                                                "Africa",
                                                                "North America",
                                                                "South America",
                                                                "Latin America",
                                                                "Central America",
                                                                "Middle East",
                                                                "Near East",
                                                                "Far East",
                                                                "Oceania",
                                                                "Antarctica",
                                                                "Arctic",
                                                                "Caribbean",
                                                                "Balkans",
                                                                "Scandinavia",
                                                                "Baltics",
                                                                "Caucasus",
                                                                "Central Asia",
                                                                "Southeast Asia",
                                                                "South Asia",
                                                                "East Asia",
                                                                "West Africa",
                                                                "East Africa",
                                                                "North Africa",
                                                                "Southern Africa",
                                                                "Sahel",
                                                                "Mediterranean",
                                                                "Pacific",
                                                                "Atlantic",
                                                                "Eurasia",
                                                                "Western Europe",
                                                                "Eastern Europe",
                                                                "Central Europe",
                                                                "Northern Europe",
                                                                "Southern Europe",
                                                                "Gulf",
                                                                "Persian Gulf",
                                                                "Midwest",
                                                                "West",
                                                                "Indian Ocean",
                                                                "Horn of Africa",
                                                                "Sub-Saharan Africa",
                                                                "Americas",
                                                                "Indo-Pacific",
                                                                "Levant",
                                                                "Maghreb"};
    for (const char* region : kRegions) add_place(region, PlaceInfo{1'000'000, false});
    // The nations of the United Kingdom are not countries in ISO 3166.
    for (const char* nation :
         {"England", "Scotland", "Wales", "Northern Ireland", "Britain", "Great Britain"}) {
      add_place(nation, PlaceInfo{1'000'000, false});
    }
  }

  // News agencies and broadcasters: the newspaper list has neither.
  void add_news_organizations() {
    for (const char* name : {"Reuters",
                             "Associated Press",
                             "AP",
                             "AFP",
                             "Agence France-Presse",
                             "Bloomberg",
                             "Xinhua",
                             "TASS",
                             "Itar-Tass",
                             "Interfax",
                             "RIA Novosti",
                             "Kyodo",
                             "Yonhap",
                             "ANSA",
                             "dpa",
                             "EFE",
                             "Anadolu",
                             "Ukrinform",
                             "UNIAN",
                             "Tanjug",
                             "BBC",
                             "CNN",
                             "NBC",
                             "CBS",
                             "ABC",
                             "CNBC",
                             "MSNBC",
                             "NPR",
                             "PBS",
                             "Al Jazeera",
                             "Sky News",
                             "Fox News",
                             "Deutsche Welle",
                             "France 24",
                             "Euronews",
                             "RT",
                             "Sputnik",
                             "ITV",
                             "Channel 4",
                             "CBC",
                             "ZDF",
                             "ARD",
                             "NHK",
                             "CCTV",
                             "Politico",
                             "Axios",
                             "Bloomberg News",
                             "Radio Free Europe",
                             "Voice of America",
                             "Reuters News"}) {
      add_org(name, OrgKind::kNewspaper);
    }
  }

  void load_demonyms(const std::string& dir) {
    NameMap<uint64_t> best_population;
    bool ok = for_each_row(dir + "/demonyms.tsv", [&](const std::vector<std::string_view>& f) {
      if (field(f, 1) != "en") return;
      std::string code(field(f, 3));
      auto country = country_by_code.find(code);
      if (country == country_by_code.end()) return;
      uint64_t population = population_by_code[code];
      std::string folded = fold_name(field(f, 0));
      if (folded.size() < 3) return;
      for (std::string form : {folded, folded + "s"}) {
        auto [seen, inserted] = best_population.emplace(form, population);
        if (!inserted && seen->second >= population) continue;
        seen->second = population;
        gazetteer.demonyms[form] = country->second;
      }
    });
    if (!ok) warn("gazetteer missing: " + dir + "/demonyms.tsv");
  }

  void load_capitals(const std::string& dir) {
    bool ok = for_each_row(dir + "/capitals.tsv", [&](const std::vector<std::string_view>& f) {
      add_place(field(f, 2), PlaceInfo{1'000'000, true});
    });
    if (!ok) warn("gazetteer missing: " + dir + "/capitals.tsv");
  }

  void load_places(const std::string& dir) {
    bool ok =
        for_each_row(dir + "/places_cities15000.tsv", [&](const std::vector<std::string_view>& f) {
          uint32_t population = 0;
          for (char c : field(f, 6)) {
            if (c >= '0' && c <= '9') {
              population = population * 10 + static_cast<uint32_t>(c - '0');
            }
          }
          PlaceInfo info{population, field(f, 5) == "PPLC"};
          add_place(field(f, 1), info);
          add_place(field(f, 2), info);
          // Alternate names of small towns are mostly local spellings that collide with
          // ordinary words; keep them for places large enough to be written about abroad.
          if (population < 100'000) return;
          for (std::string_view alternate : split(field(f, 10), '|')) {
            if (alternate.size() >= 4) add_place(alternate, info);
          }
        });
    if (!ok) warn("gazetteer missing: " + dir + "/places_cities15000.tsv");
  }

  void load_names(const std::string& dir) {
    bool ok = for_each_row(dir + "/first_names.tsv", [&](const std::vector<std::string_view>& f) {
      std::string_view name = field(f, 0);
      if (name.size() < 2) return;
      std::string plain;
      for (char c : name) plain += c == '+' ? '-' : c;
      gazetteer.first_names.insert(fold_name(plain));
    });
    if (!ok) warn("gazetteer missing: " + dir + "/first_names.tsv");
    ok = for_each_row(dir + "/surnames.tsv", [&](const std::vector<std::string_view>& f) {
      std::string_view name = field(f, 0);
      if (name.size() >= 2) gazetteer.surnames.insert(fold_name(name));
    });
    if (!ok) warn("gazetteer missing: " + dir + "/surnames.tsv");
  }

  void load_organizations(const std::string& dir) {
    bool ok =
        for_each_row(dir + "/org_international.tsv", [&](const std::vector<std::string_view>& f) {
          add_org(field(f, 1), OrgKind::kInternational);
          for (std::string_view name : split(field(f, 2), '|')) {
            add_org(name, OrgKind::kInternational);
          }
          for (std::string_view abbreviation : split(field(f, 3), '|')) {
            add_org(abbreviation, OrgKind::kInternational);
          }
        });
    if (!ok) warn("gazetteer missing: " + dir + "/org_international.tsv");
    ok = for_each_row(dir + "/org_political_parties.tsv",
                      [&](const std::vector<std::string_view>& f) {
                        if (field(f, 2).size() >= 3) add_org(field(f, 2), OrgKind::kParty);
                        add_org(field(f, 3), OrgKind::kParty);
                        add_org(field(f, 4), OrgKind::kParty);
                        add_org(field(f, 5), OrgKind::kParty);
                      });
    if (!ok) warn("gazetteer missing: " + dir + "/org_political_parties.tsv");
    ok = for_each_row(
        dir + "/org_news_newspapers.tsv",
        [&](const std::vector<std::string_view>& f) { add_org(field(f, 1), OrgKind::kNewspaper); });
    if (!ok) warn("gazetteer missing: " + dir + "/org_news_newspapers.tsv");
    ok = for_each_row(dir + "/org_companies_us_listed.tsv",
                      [&](const std::vector<std::string_view>& f) {
                        std::string_view name = field(f, 0);
                        add_org(name, OrgKind::kCompany);
                        std::string_view stripped = strip_company_suffix(name);
                        // A stripped name that is a listed word ("General" from "General
                        // Motors") would tag the word everywhere.
                        if (stripped.size() >= 4 && words::word_flags(fold_name(stripped)) == 0) {
                          add_org(stripped, OrgKind::kCompany);
                        }
                      });
    if (!ok) warn("gazetteer missing: " + dir + "/org_companies_us_listed.tsv");
    ok = for_each_row(dir + "/org_government_us_federal.tsv",
                      [&](const std::vector<std::string_view>& f) {
                        add_org(field(f, 0), OrgKind::kGovernment);
                      });
    if (!ok) warn("gazetteer missing: " + dir + "/org_government_us_federal.tsv");
  }
};

NameSet make_set(std::initializer_list<const char*> items) {
  NameSet set;
  set.reserve(items.size() * 2);
  for (const char* item : items) set.insert(item);
  return set;
}

}  // namespace

std::string fold_name(std::string_view text) {
  const LatinFoldTable& table = latin_fold_table();
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      ++pos;
      continue;
    }
    char32_t cp = utf8::decode(text, pos);
    if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      out += '\'';
      continue;
    }
    if (cp == 0x2010 || cp == 0x2011) {
      out += '-';
      continue;
    }
    if (u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
        u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK) {
      continue;
    }
    if (const char* base = table.lookup(cp)) {
      out += base;
      continue;
    }
    utf8::append(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
  return out;
}

const std::string* Gazetteer::country(std::string_view folded) const {
  auto it = countries.find(folded);
  return it == countries.end() ? nullptr : &it->second;
}

const std::string* Gazetteer::demonym_country(std::string_view folded) const {
  auto it = demonyms.find(folded);
  return it == demonyms.end() ? nullptr : &it->second;
}

const PlaceInfo* Gazetteer::place(std::string_view folded) const {
  auto it = places.find(folded);
  return it == places.end() ? nullptr : &it->second;
}

const OrgKind* Gazetteer::organization(std::string_view folded) const {
  auto it = organizations.find(folded);
  return it == organizations.end() ? nullptr : &it->second;
}

// Lower-case entries of a system word list; proper nouns there are capitalised.
void load_common_words(Gazetteer& gazetteer, std::string_view path) {
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) return;
  gazetteer.common_words.reserve(80'000);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Possessives repeat their word; multi-byte entries are loans ("café") and rare.
    if (line.size() < 2 || line.find('\'') != std::string::npos) continue;
    char first = line[0];
    if (first >= 'a' && first <= 'z') {
      gazetteer.common_words.insert(line);
    }
  }
}

void load_gazetteer(Gazetteer& gazetteer, const std::string& data_dir,
                    const std::string& iso_codes_dir, std::vector<std::string>* warnings) {
  Loader loader{gazetteer, warnings, {}, {}};
  std::string dir = data_dir.empty() ? std::string() : data_dir + "/gazetteers";
  if (dir.empty()) {
    loader.warn("no data folder: names from iso-codes and built-in rules only");
  } else {
    gazetteer.places.reserve(120'000);
    gazetteer.first_names.reserve(50'000);
    gazetteer.surnames.reserve(170'000);
    gazetteer.organizations.reserve(30'000);
    loader.load_countries(dir);
    gazetteer.loaded_gazetteers = !gazetteer.countries.empty();
  }
  loader.load_iso_codes(iso_codes_dir);
  loader.load_iso_subdivisions(iso_codes_dir);
  loader.add_country_acronyms();
  loader.add_regions();
  loader.add_news_organizations();
  for (std::string_view path : {"/usr/share/dict/american-english", "/usr/share/dict/words"}) {
    load_common_words(gazetteer, path);
    if (!gazetteer.common_words.empty()) break;
  }
  if (dir.empty()) return;
  loader.load_demonyms(dir);
  loader.load_capitals(dir);
  loader.load_places(dir);
  loader.load_names(dir);
  loader.load_organizations(dir);
}

namespace words {

const NameSet& is_role_head_list() {
  static const NameSet kHeads = make_set({"major-general",
                                          "lieutenant-general",
                                          "brigadier-general",
                                          "brigadier",
                                          "rear-admiral",
                                          "vice-admiral",
                                          "lieutenant-colonel",
                                          "vice-chancellor",
                                          "vice-premier",
                                          "field-marshal",
                                          "president",
                                          "vice-president",
                                          "president-elect",
                                          "secretary",
                                          "secretary-general",
                                          "minister",
                                          "chancellor",
                                          "spokesman",
                                          "spokeswoman",
                                          "spokesperson",
                                          "envoy",
                                          "ambassador",
                                          "adviser",
                                          "advisor",
                                          "advisers",
                                          "advisors",
                                          "senator",
                                          "sen",
                                          "sen.",
                                          "gen",
                                          "gen.",
                                          "general",
                                          "governor",
                                          "gov.",
                                          "mayor",
                                          "king",
                                          "queen",
                                          "prince",
                                          "princess",
                                          "pope",
                                          "premier",
                                          "leader",
                                          "chairman",
                                          "chairwoman",
                                          "chairperson",
                                          "chair",
                                          "director",
                                          "director-general",
                                          "commander",
                                          "commander-in-chief",
                                          "chief",
                                          "head",
                                          "judge",
                                          "justice",
                                          "prosecutor",
                                          "attorney",
                                          "representative",
                                          "rep.",
                                          "congressman",
                                          "congresswoman",
                                          "lawmaker",
                                          "legislator",
                                          "official",
                                          "officer",
                                          "negotiator",
                                          "diplomat",
                                          "ceo",
                                          "cfo",
                                          "coo",
                                          "founder",
                                          "co-founder",
                                          "coach",
                                          "manager",
                                          "economist",
                                          "analyst",
                                          "professor",
                                          "prof.",
                                          "colonel",
                                          "col.",
                                          "lieutenant",
                                          "lt.",
                                          "major",
                                          "maj.",
                                          "captain",
                                          "capt.",
                                          "sergeant",
                                          "sgt.",
                                          "admiral",
                                          "adm.",
                                          "marshal",
                                          "emir",
                                          "sheikh",
                                          "ayatollah",
                                          "archbishop",
                                          "bishop",
                                          "cardinal",
                                          "rabbi",
                                          "imam",
                                          "pastor",
                                          "reverend",
                                          "rev.",
                                          "mp",
                                          "speaker",
                                          "commissioner",
                                          "deputy",
                                          "aide",
                                          "journalist",
                                          "reporter",
                                          "correspondent",
                                          "editor",
                                          "author",
                                          "actor",
                                          "actress",
                                          "singer",
                                          "striker",
                                          "midfielder",
                                          "defender",
                                          "goalkeeper",
                                          "candidate",
                                          "nominee",
                                          "tsar",
                                          "czar",
                                          "inspector",
                                          "sheriff",
                                          "detective",
                                          "lawyer",
                                          "counsel",
                                          "emissary",
                                          "mediator",
                                          "delegate",
                                          "consul",
                                          "ombudsman",
                                          "treasurer",
                                          "dean",
                                          "rector",
                                          "provost",
                                          "executive",
                                          "strategist",
                                          "counterpart",
                                          "prime-minister",
                                          "undersecretary",
                                          "under-secretary",
                                          "premier",
                                          "governor-general",
                                          "attorney-general",
                                          "mep",
                                          "councillor",
                                          "councilor",
                                          "chancellor",
                                          "sultan",
                                          "crown",
                                          "monarch",
                                          "dictator",
                                          "ruler",
                                          "commissar",
                                          "secretary-of-state"});
  return kHeads;
}

bool is_role_head(std::string_view folded) { return is_role_head_list().contains(folded); }

const NameSet& is_role_modifier_list() {
  static const NameSet kModifiers = make_set(
      {"foreign",        "defence",     "defense",      "prime",          "vice",
       "deputy",         "senior",      "chief",        "special",        "interior",
       "finance",        "economy",     "economic",     "home",           "health",
       "justice",        "education",   "energy",       "trade",          "agriculture",
       "culture",        "state",       "acting",       "former",         "top",
       "presidential",   "first",       "assistant",    "associate",      "executive",
       "press",          "national",    "security",     "general",        "affairs",
       "junior",         "principal",   "lead",         "interim",        "outgoing",
       "incoming",       "military",    "political",    "legal",          "communications",
       "intelligence",   "opposition",  "labour",       "labor",          "environment",
       "transport",      "treasury",    "budget",       "digital",        "science",
       "technology",     "industry",    "tourism",      "immigration",    "climate",
       "humanitarian",   "nuclear",     "managing",     "supreme",        "high",
       "grand",          "crown",       "field",        "majority",       "minority",
       "parliamentary",  "party",       "cabinet",      "government",     "chief's",
       "sports",         "police",      "army",         "naval",          "air",
       "federal",        "regional",    "veteran",      "longtime",       "then",
       "then-president", "ex",          "ex-president", "former",         "key",
       "diplomatic",     "policy",      "spy",          "migration",      "housing",
       "trade",          "development", "secretary",    "foreign-policy", "national-security",
       "colonial",       "head",        "team",         "union",          "peace"});
  return kModifiers;
}

bool is_role_modifier(std::string_view folded) { return is_role_modifier_list().contains(folded); }

const NameSet& is_role_portfolio_list() {
  static const NameSet kPortfolios =
      make_set({"state",      "defense",     "defence",        "foreign",        "affairs",
                "interior",   "finance",     "justice",        "health",         "education",
                "energy",     "agriculture", "labor",          "labour",         "commerce",
                "treasury",   "homeland",    "security",       "transportation", "transport",
                "staff",      "army",        "navy",           "economy",        "trade",
                "culture",    "veterans",    "housing",        "exchequer",      "the",
                "war",        "public",      "information",    "communications", "internal",
                "external",   "home",        "national",       "emergency",      "emergencies",
                "industry",   "development", "environment",    "digital",        "science",
                "technology", "sport",       "sports",         "tourism",        "employment",
                "welfare",    "social",      "infrastructure", "police",         "intelligence",
                "operations", "and",         "economic",       "joint",          "chiefs",
                "armed",      "forces",      "military",       "strategic",      "communication"});
  return kPortfolios;
}

bool is_role_portfolio(std::string_view folded) {
  return is_role_portfolio_list().contains(folded);
}

const NameSet& is_honorific_list() {
  static const NameSet kHonorifics =
      make_set({"mr",   "mr.",  "mrs",  "mrs.",     "ms",     "ms.",      "miss",   "mx",   "mx.",
                "dr",   "dr.",  "sir",  "dame",     "madame", "monsieur", "mme",    "mme.", "herr",
                "frau", "lord", "lady", "baroness", "baron",  "messrs",   "messrs."});
  return kHonorifics;
}

bool is_honorific(std::string_view folded) { return is_honorific_list().contains(folded); }

const NameSet& is_org_head_list() {
  static const NameSet kHeads = make_set({"newsroom",
                                          "desk",
                                          "ministry",
                                          "department",
                                          "party",
                                          "council",
                                          "agency",
                                          "inc",
                                          "inc.",
                                          "corp",
                                          "corp.",
                                          "corporation",
                                          "university",
                                          "committee",
                                          "commission",
                                          "bank",
                                          "group",
                                          "association",
                                          "union",
                                          "court",
                                          "parliament",
                                          "assembly",
                                          "army",
                                          "forces",
                                          "police",
                                          "office",
                                          "service",
                                          "services",
                                          "institute",
                                          "foundation",
                                          "company",
                                          "co",
                                          "co.",
                                          "ltd",
                                          "ltd.",
                                          "llc",
                                          "plc",
                                          "ag",
                                          "gmbh",
                                          "news",
                                          "times",
                                          "post",
                                          "journal",
                                          "club",
                                          "fc",
                                          "airlines",
                                          "airways",
                                          "organisation",
                                          "organization",
                                          "federation",
                                          "league",
                                          "senate",
                                          "administration",
                                          "authority",
                                          "bureau",
                                          "board",
                                          "cabinet",
                                          "government",
                                          "network",
                                          "media",
                                          "press",
                                          "exchange",
                                          "fund",
                                          "hospital",
                                          "school",
                                          "college",
                                          "academy",
                                          "coalition",
                                          "movement",
                                          "front",
                                          "alliance",
                                          "brigade",
                                          "brigades",
                                          "guard",
                                          "navy",
                                          "command",
                                          "congress",
                                          "tribunal",
                                          "holdings",
                                          "industries",
                                          "motors",
                                          "bancorp",
                                          "partners",
                                          "capital",
                                          "systems",
                                          "technologies",
                                          "pharmaceuticals",
                                          "telegraph",
                                          "herald",
                                          "tribune",
                                          "gazette",
                                          "guardian",
                                          "observer",
                                          "chronicle",
                                          "broadcasting",
                                          "television",
                                          "radio",
                                          "tv",
                                          "channel",
                                          "magazine",
                                          "review",
                                          "society",
                                          "trust",
                                          "center",
                                          "centre",
                                          "church",
                                          "mission",
                                          "secretariat",
                                          "directorate",
                                          "inspectorate",
                                          "prosecutor's",
                                          "commissariat",
                                          "duma",
                                          "knesset",
                                          "bundestag",
                                          "rada",
                                          "cortes",
                                          "reserve",
                                          "treasury",
                                          "chamber",
                                          "team",
                                          "squad",
                                          "unit",
                                          "division",
                                          "battalion",
                                          "regiment",
                                          "corps",
                                          "legion",
                                          "militia",
                                          "faction",
                                          "bloc",
                                          "caucus",
                                          "institution",
                                          "laboratory",
                                          "laboratories",
                                          "labs",
                                          "ventures",
                                          "enterprises",
                                          "sa",
                                          "nv",
                                          "bv",
                                          "ab",
                                          "spa",
                                          "s.a.",
                                          "n.v.",
                                          "limited",
                                          "international",
                                          "worldwide",
                                          "energy",
                                          "oil",
                                          "petroleum",
                                          "telecom",
                                          "communications",
                                          "entertainment",
                                          "pictures",
                                          "studios",
                                          "records",
                                          "publishing",
                                          "insurance",
                                          "securities",
                                          "investments",
                                          "airline",
                                          "railways",
                                          "railway"});
  return kHeads;
}

bool is_org_head(std::string_view folded) { return is_org_head_list().contains(folded); }

const NameSet& is_event_head_list() {
  static const NameSet kHeads = make_set(
      {"cup",        "open",         "championship", "championships", "classic",   "games",
       "olympics",   "olympiad",     "tournament",   "trophy",        "prix",      "series",
       "war",        "award",        "awards",       "prize",         "festival",  "marathon",
       "masters",    "bowl",         "act",          "treaty",        "accord",    "accords",
       "doctrine",   "declaration",  "convention",   "protocol",      "expo",      "biennale",
       "grand slam", "invitational", "derby",        "rally",         "tour",      "summit",
       "revolution", "crisis",       "uprising",     "election",      "elections", "referendum",
       "day",        "week",         "plan",         "initiative"});
  return kHeads;
}

bool is_event_head(std::string_view folded) { return is_event_head_list().contains(folded); }

const NameSet& is_org_lead_list() {
  static const NameSet kLeads = make_set(
      {"university", "bank",        "ministry",   "department", "council",      "court",
       "house",      "union",       "office",     "institute",  "college",      "school",
       "academy",    "association", "federation", "league",     "organisation", "organization",
       "commission", "committee",   "board",      "bureau",     "agency",       "church",
       "party",      "congress",    "parliament", "assembly",   "museum",       "society",
       "order",      "chamber",     "army",       "corps",      "friends",      "movement",
       "front",      "federal",     "national",   "people's",   "peoples",      "supreme",
       "high",       "central",     "royal",      "state",      "international"});
  return kLeads;
}

bool is_org_lead(std::string_view folded) { return is_org_lead_list().contains(folded); }

const NameSet& is_place_head_list() {
  static const NameSet kHeads = make_set(
      {"river",   "sea",      "ocean",      "lake",   "mountains",   "mount",        "mountain",
       "island",  "islands",  "gulf",       "bay",    "strait",      "straits",      "peninsula",
       "valley",  "desert",   "coast",      "cape",   "province",    "region",       "oblast",
       "county",  "district", "state",      "city",   "square",      "street",       "avenue",
       "road",    "bridge",   "airport",    "port",   "harbour",     "harbor",       "canal",
       "plain",   "plateau",  "basin",      "delta",  "forest",      "park",         "hills",
       "heights", "border",   "crossing",   "kray",   "krai",        "territory",    "republic",
       "kingdom", "emirate",  "prefecture", "canton", "governorate", "municipality", "village",
       "town",    "strip",    "bank",       "palace", "castle",      "cathedral",    "stadium",
       "arena",   "tower"});
  return kHeads;
}

bool is_place_head(std::string_view folded) { return is_place_head_list().contains(folded); }

const NameSet& is_function_word_list() {
  static const NameSet kWords = make_set(
      {"a",           "an",         "the",         "this",       "that",      "these",
       "those",       "and",        "or",          "but",        "nor",       "so",
       "yet",         "for",        "of",          "in",         "on",        "at",
       "to",          "from",       "by",          "with",       "about",     "as",
       "into",        "onto",       "over",        "under",      "after",     "before",
       "since",       "until",      "while",       "during",     "through",   "between",
       "among",       "against",    "without",     "within",     "despite",   "though",
       "although",    "because",    "if",          "unless",     "when",      "where",
       "why",         "how",        "what",        "which",      "who",       "whom",
       "whose",       "i",          "you",         "he",         "she",       "it",
       "we",          "they",       "me",          "him",        "her",       "us",
       "them",        "my",         "your",        "his",        "its",       "our",
       "their",       "is",         "are",         "was",        "were",      "be",
       "been",        "being",      "am",          "do",         "does",      "did",
       "have",        "has",        "had",         "will",       "would",     "shall",
       "should",      "can",        "could",       "may",        "might",     "must",
       "not",         "no",         "yes",         "all",        "any",       "each",
       "every",       "some",       "many",        "much",       "more",      "most",
       "other",       "such",       "only",        "also",       "just",      "then",
       "there",       "here",       "now",         "still",      "even",      "both",
       "either",      "neither",    "than",        "too",        "very",      "up",
       "down",        "out",        "off",         "again",      "once",      "however",
       "meanwhile",   "moreover",   "furthermore", "according",  "after",     "per",
       "via",         "amid",       "across",      "upon",       "around",    "near",
       "like",        "unlike",     "whether",     "yesterday",  "today",     "tomorrow",
       "tonight",     "earlier",    "later",       "ahead",      "instead",   "thus",
       "hence",       "indeed",     "overall",     "anyway",     "besides",   "nevertheless",
       "nonetheless", "therefore",  "still",       "already",    "well",      "oh",
       "ok",          "okay",       "please",      "thanks",     "so-called", "another",
       "mr",          "said",       "says",        "say",        "let",       "go",
       "get",         "it's",       "that's",      "there's",    "we're",     "i'm",
       "don't",       "can't",      "won't",       "isn't",      "aren't",    "wasn't",
       "didn't",      "doesn't",    "he's",        "she's",      "they're",   "you're",
       "we've",       "i've",       "let's",       "we'll",      "they'll",   "re",
       "st",          "etc",        "vs",          "v",          "whatever",  "whoever",
       "everyone",    "everything", "nothing",     "someone",    "something", "anyone",
       "anything",    "nobody",     "somebody",    "none",       "own",       "above",
       "below",       "beyond",     "toward",      "towards",    "along",     "behind",
       "beside",      "outside",    "inside",      "throughout", "except",    "including",
       "regarding",   "concerning", "following"});
  return kWords;
}

bool is_function_word(std::string_view folded) { return is_function_word_list().contains(folded); }

const NameSet& is_group_adjective_list() {
  static const NameSet kWords =
      make_set({"moslem",       "moslems",       "chechen",      "chechens",
                "hutu",         "hutus",         "tutsi",        "tutsis",
                "briton",       "britons",       "serb",         "serbs",
                "croat",        "croats",        "swede",        "swedes",
                "scot",         "scots",         "scottish",     "welsh",
                "irish",        "yugoslav",      "yugoslavs",    "afrikaner",
                "afrikaners",   "dane",          "danes",        "finn",
                "finns",        "turk",          "turks",        "pole",
                "poles",        "bosniak",       "bosniaks",     "uzbek",
                "uzbeks",       "kazakh",        "kazakhs",      "tajik",
                "tajiks",       "pashto",        "sikh",         "sikhs",
                "druze",        "alawite",       "alawites",     "yazidi",
                "yazidis",      "uyghur",        "uyghurs",      "uighur",
                "uighurs",      "rohingya",      "zulu",         "xhosa",
                "berber",       "berbers",       "maori",        "inuit",
                "cossack",      "cossacks",      "brit",         "brits",
                "frenchman",    "frenchmen",     "englishman",   "englishmen",
                "dutchman",     "dutchmen",      "kiwi",         "kiwis",
                "aussie",       "aussies",       "european",     "europeans",
                "western",      "westerners",    "eastern",      "african",
                "africans",     "asian",         "asians",       "arab",
                "arabs",        "arabic",        "latin",        "middle eastern",
                "scandinavian", "nordic",        "baltic",       "balkan",
                "slavic",       "kurd",          "kurds",        "kurdish",
                "jewish",       "jew",           "jews",         "muslim",
                "muslims",      "christian",     "christians",   "catholic",
                "catholics",    "protestant",    "sunni",        "shia",
                "shiite",       "hindu",         "buddhist",     "islamic",
                "soviet",       "transatlantic", "caucasian",    "pashtun",
                "tamil",        "tatar",         "tatars",       "basque",
                "catalan",      "flemish",       "walloon",      "bedouin",
                "roma",         "hispanic",      "latino",       "latinos",
                "anglo",        "celtic",        "gaelic",       "yiddish",
                "hebrew",       "mandarin",      "cantonese",    "english",
                "orthodox",     "evangelical",   "democrat",     "democrats",
                "republican",   "republicans",   "communist",    "communists",
                "socialist",    "socialists",    "conservative", "conservatives",
                "liberal",      "liberals",      "labourite",    "bolshevik",
                "nazi",         "nazis",         "zionist"});
  return kWords;
}

bool is_group_adjective(std::string_view folded) {
  return is_group_adjective_list().contains(folded);
}

const NameSet& is_compass_word_list() {
  static const NameSet kWords =
      make_set({"north",      "south",      "east",       "west",      "northern",  "southern",
                "eastern",    "western",    "central",    "centre",    "center",    "north-east",
                "north-west", "south-east", "south-west", "northeast", "northwest", "southeast",
                "southwest",  "upper",      "lower",      "capital",   "middle",    "inner",
                "outer",      "coast",      "coastal",    "islands",   "interior",  "midlands",
                "highlands",  "lakes",      "plains",     "valley",    "mountain",  "mountains",
                "sea",        "river",      "frontier",   "border"});
  return kWords;
}

bool is_compass_word(std::string_view folded) { return is_compass_word_list().contains(folded); }

const NameSet& is_calendar_word_list() {
  static const NameSet kWords =
      make_set({"january", "february",  "march",     "april",     "may",      "june",   "july",
                "august",  "september", "october",   "november",  "december", "jan",    "feb",
                "mar",     "apr",       "jun",       "jul",       "aug",      "sep",    "sept",
                "oct",     "nov",       "dec",       "jan.",      "feb.",     "mar.",   "apr.",
                "jun.",    "jul.",      "aug.",      "sep.",      "sept.",    "oct.",   "nov.",
                "dec.",    "monday",    "tuesday",   "wednesday", "thursday", "friday", "saturday",
                "sunday",  "mon",       "tue",       "tues",      "wed",      "thu",    "thur",
                "thurs",   "fri",       "sat",       "sun",       "am",       "pm",     "a.m.",
                "p.m.",    "gmt",       "utc",       "bst",       "cet",      "est",    "edt",
                "pst",     "pdt",       "christmas", "easter",    "ramadan"});
  return kWords;
}

bool is_calendar_word(std::string_view folded) { return is_calendar_word_list().contains(folded); }

const NameSet& is_name_particle_list() {
  static const NameSet kParticles =
      make_set({"de",  "del", "della", "der", "den", "di",  "da", "dos", "das", "do", "du",
                "la",  "le",  "van",   "von", "ter", "ten", "zu", "bin", "ibn", "al", "el",
                "abu", "ben", "bint",  "y",   "st.", "st",  "mc", "mac", "o'",  "ul", "ud"});
  return kParticles;
}

bool is_name_particle(std::string_view folded) { return is_name_particle_list().contains(folded); }

const NameSet& is_place_preposition_list() {
  static const NameSet kPrepositions =
      make_set({"in", "at", "near", "outside", "across", "throughout", "inside", "around",
                "towards", "toward", "into", "via"});
  return kPrepositions;
}

bool is_place_preposition(std::string_view folded) {
  return is_place_preposition_list().contains(folded);
}

const NameSet& is_common_acronym_list() {
  // Economics, business, technology, time zones, units, media and everyday abbreviations.
  static const NameSet kAcronyms = make_set({
      "gdp",  "gnp",   "cpi",   "ppi",  "ipo", "ceo",  "cfo",  "coo",  "cto",  "vp",  "md",
      "phd",  "ba",    "ma",    "msc",  "mp",  "mps",  "mep",  "pm",   "am",   "ai",  "tv",
      "pc",   "it",    "hr",    "pr",   "vip", "faq",  "diy",  "utc",  "gmt",  "est", "edt",
      "cet",  "cest",  "pst",   "pdt",  "bst", "km",   "mph",  "kg",   "usd",  "eur", "gbp",
      "hiv",  "aids",  "covid", "dna",  "rna", "icu",  "er",   "gps",  "atm",  "pin", "id",
      "sms",  "url",   "pdf",   "app",  "api", "vpn",  "ok",   "aka",  "asap", "fyi", "rip",
      "lgbt", "lgbtq", "esg",   "ev",   "evs", "suv",  "lng",  "q1",   "q2",   "q3",  "q4",
      "yoy",  "ytd",   "eps",   "roi",  "m&a", "r&d",  "ipos", "ceos", "hq",   "ot",  "lol",
      "omg",  "tbd",   "etc",   "ie",   "eg",  "ps",   "nb",   "vs",   "iq",   "ppe", "wmd",
      "icbm", "icbms", "uav",   "uavs", "ied", "ieds", "pow",  "pows", "mia",  "ngo", "ngos",
      "sme",  "smes",
  });
  return kAcronyms;
}

bool is_common_acronym(std::string_view folded) {
  return is_common_acronym_list().contains(folded);
}

const NameSet& is_territory_verb_list() {
  static const NameSet kVerbs = make_set(
      {"annex",      "annexed",  "annexing",  "annexes",    "annexation", "invade",    "invaded",
       "invading",   "invades",  "invasion",  "occupy",     "occupied",   "occupying", "occupies",
       "occupation", "liberate", "liberated", "liberating", "liberation", "evacuated", "evacuating",
       "shelled",    "shelling", "bombed",    "bombing"});
  return kVerbs;
}

bool is_territory_verb(std::string_view folded) {
  return is_territory_verb_list().contains(folded);
}

uint16_t word_flags(std::string_view folded) {
  // Built once from the lists above by probing every word any of them holds.
  static const NameMap<uint16_t> kFlags = [] {
    NameMap<uint16_t> flags;
    const std::pair<bool (*)(std::string_view), uint16_t> kLists[] = {
        {is_function_word, kFunction},
        {is_calendar_word, kCalendar},
        {is_role_head, kRoleHead},
        {is_role_modifier, kRoleModifier},
        {is_role_portfolio, kPortfolio},
        {is_honorific, kHonorific},
        {is_name_particle, kParticle},
        {is_org_head, kOrgHead},
        {is_org_lead, kOrgLead},
        {is_place_head, kPlaceHead},
        {is_event_head, kEventHead},
        {is_group_adjective, kGroupAdjective},
        {is_place_preposition, kPlacePreposition}};
    for (const NameSet* list :
         {&is_function_word_list(), &is_calendar_word_list(), &is_role_head_list(),
          &is_role_modifier_list(), &is_role_portfolio_list(), &is_honorific_list(),
          &is_name_particle_list(), &is_org_head_list(), &is_org_lead_list(), &is_place_head_list(),
          &is_event_head_list(), &is_group_adjective_list(), &is_place_preposition_list()}) {
      for (const std::string& word : *list) {
        if (flags.contains(word)) continue;
        uint16_t bits = 0;
        for (const auto& [test, bit] : kLists) {
          if (test(word)) bits |= bit;
        }
        flags.emplace(word, bits);
      }
    }
    return flags;
  }();
  auto it = kFlags.find(folded);
  return it == kFlags.end() ? 0 : it->second;
}

}  // namespace words

}  // namespace crosscheck::extract
