// Registered domains by the Public Suffix List (Debian package `publicsuffix`), the site
// name of last resort for an article known only by its URL.
#include <fstream>
#include <mutex>
#include <string>
#include <unordered_set>

#include "ingest/html.h"
#include "ingest/ingest.h"

namespace crosscheck {

namespace {

// The list as Debian installs it; missing, the host (without "www.") stands for the site.
constexpr const char* kPublicSuffixList = "/usr/share/publicsuffix/public_suffix_list.dat";

struct SuffixRules {
  std::unordered_set<std::string> exact;      // "co.uk"
  std::unordered_set<std::string> wildcard;   // "*.ck" stored as "ck"
  std::unordered_set<std::string> exception;  // "!www.ck" stored as "www.ck"
  bool loaded = false;
};

const SuffixRules& suffix_rules() {
  static const SuffixRules rules = [] {
    SuffixRules out;
    std::ifstream in(kPublicSuffixList);
    std::string line;
    while (std::getline(in, line)) {
      line = line.substr(0, line.find_first_of(" \t\r"));
      if (line.empty() || line.starts_with("//")) continue;
      if (line.starts_with("!")) {
        out.exception.insert(line.substr(1));
      } else if (line.starts_with("*.")) {
        out.wildcard.insert(line.substr(2));
      } else {
        out.exact.insert(line);
      }
      out.loaded = true;
    }
    return out;
  }();
  return rules;
}

}  // namespace

std::string registered_domain(std::string_view url) {
  std::string host;
  if (url.find("://") != std::string_view::npos) {
    host = ingest_internal::host_of(url);
  } else {
    host = ingest_internal::ascii_lower(url.substr(0, url.find_first_of("/?#:")));
    if (host.starts_with("www.")) host.erase(0, 4);
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty() || host.find('.') == std::string::npos) return host;
  bool numeric = host.find_first_not_of("0123456789.") == std::string::npos;
  if (numeric || host.front() == '[') return host;  // an IP address has no registered domain
  const SuffixRules& rules = suffix_rules();
  if (!rules.loaded) return host;
  // Walk the host's suffixes from the longest; the first that is a public suffix decides:
  // the registered domain is that suffix plus one more label.
  size_t start = 0;
  std::string_view view = host;
  std::string_view previous;  // the suffix one label longer than the current one
  while (true) {
    std::string_view suffix = view.substr(start);
    std::string key(suffix);
    if (rules.exception.count(key)) return key;  // "!city.kawasaki.jp": itself registrable
    size_t dot = suffix.find('.');
    bool wildcard =
        dot != std::string_view::npos && rules.wildcard.count(std::string(suffix.substr(dot + 1)));
    if (rules.exact.count(key) || wildcard) {
      return previous.empty() ? host : std::string(previous);
    }
    if (dot == std::string_view::npos) break;
    previous = suffix;
    start += dot + 1;
  }
  // No rule matched: the default rule "*" makes the last label the public suffix.
  size_t last = host.rfind('.');
  size_t before = host.rfind('.', last - 1);
  return before == std::string::npos ? host : host.substr(before + 1);
}

}  // namespace crosscheck
