// Page metadata: title, canonical URL, site, authors and publication date, each from the most
// deliberate source the page offers (JSON-LD, then meta tags, then markup, then the URL).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/dates.h"
#include "ingest/html.h"
#include "ingest/ingest.h"
#include "ingest/readers.h"

namespace crosscheck::ingest_internal {

namespace {

using nlohmann::json;

std::string meta(const PageFacts& facts, std::string_view key) {
  for (const auto& [name, content] : facts.metas) {
    if (name == key) {
      std::string value = collapse_whitespace(content);
      if (!value.empty()) return value;
    }
  }
  return {};
}

std::string json_string(const json& value) {
  if (value.is_string()) return collapse_whitespace(value.get<std::string>());
  if (value.is_object()) {
    for (const char* key : {"name", "@value", "@id"}) {
      auto found = value.find(key);
      if (found != value.end() && found->is_string()) {
        return collapse_whitespace(found->get<std::string>());
      }
    }
  }
  if (value.is_array() && !value.empty()) return json_string(value.front());
  return {};
}

bool is_article_type(const json& type) {
  static constexpr std::string_view kTypes[] = {"article",
                                                "newsarticle",
                                                "blogposting",
                                                "reportagenewsarticle",
                                                "analysisnewsarticle",
                                                "opinionnewsarticle",
                                                "backgroundnewsarticle",
                                                "reviewnewsarticle",
                                                "liveblogposting",
                                                "scholarlyarticle",
                                                "techarticle",
                                                "socialmediaposting",
                                                "posting"};
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), [](const json& t) { return is_article_type(t); });
  }
  if (!type.is_string()) return false;
  std::string lower = ascii_lower(type.get<std::string>());
  size_t slash = lower.rfind('/');
  if (slash != std::string::npos) lower.erase(0, slash + 1);
  return std::find(std::begin(kTypes), std::end(kTypes), lower) != std::end(kTypes);
}

const GumboNode* find_tag(const GumboNode* node, GumboTag tag, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > 4) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    auto* found = find_tag(static_cast<const GumboNode*>(children.data[i]), tag, depth + 1);
    if (found) return found;
  }
  return nullptr;
}

// JSON-LD strings often carry HTML character references ("&#8216;Sea wall&#8217;"); gumbo
// decodes them as it would in a <title>, so every reference HTML knows is covered.
std::string decode_character_references(std::string text) {
  if (text.find('&') == std::string::npos) return text;
  std::string html = "<title>" + text + "</title>";
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  const GumboNode* title = find_tag(output->root, GUMBO_TAG_TITLE, 0);
  if (title) text = node_text(title, html.size() * 2);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return text;
}

struct JsonLdArticle {
  std::string headline;
  std::string name;
  std::string published;
  std::vector<std::string> authors;
  std::string publisher;
  std::string url;
};

void read_authors(const json& author, std::vector<std::string>& out) {
  if (author.is_array()) {
    for (const json& one : author) read_authors(one, out);
    return;
  }
  std::string name = json_string(author);
  if (!name.empty() && name.find("://") == std::string::npos) out.push_back(name);
}

// Finds the first article-typed object (top level, arrays, @graph) and reads it.
bool find_article(const json& node, JsonLdArticle& article, int depth) {
  if (depth > 8) return false;
  if (node.is_array()) {
    for (const json& item : node) {
      if (find_article(item, article, depth + 1)) return true;
    }
    return false;
  }
  if (!node.is_object()) return false;
  auto type = node.find("@type");
  if (type != node.end() && is_article_type(*type)) {
    if (auto it = node.find("headline"); it != node.end()) {
      article.headline = decode_character_references(json_string(*it));
    }
    if (auto it = node.find("name"); it != node.end()) {
      article.name = decode_character_references(json_string(*it));
    }
    if (auto it = node.find("datePublished"); it != node.end()) {
      article.published = json_string(*it);
    }
    if (article.published.empty()) {
      if (auto it = node.find("dateCreated"); it != node.end()) {
        article.published = json_string(*it);
      }
    }
    if (auto it = node.find("author"); it != node.end()) read_authors(*it, article.authors);
    if (auto it = node.find("publisher"); it != node.end()) {
      article.publisher = decode_character_references(json_string(*it));
    }
    for (std::string& author : article.authors) {
      author = decode_character_references(std::move(author));
    }
    if (auto it = node.find("url"); it != node.end()) article.url = json_string(*it);
    return true;
  }
  if (auto graph = node.find("@graph"); graph != node.end()) {
    return find_article(*graph, article, depth + 1);
  }
  return false;
}

JsonLdArticle read_json_ld(const PageFacts& facts) {
  JsonLdArticle article;
  for (const std::string& body : facts.json_ld) {
    if (json_nesting_depth(body, kMaxJsonDepth) > kMaxJsonDepth) continue;
    json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (parsed.is_discarded()) continue;
    if (find_article(parsed, article, 0)) break;
  }
  return article;
}

}  // namespace

std::string host_of(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  size_t at = rest.rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  rest = rest.substr(0, rest.find(':'));
  std::string host = ascii_lower(rest);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

namespace {

// Resolves an absolute or root-relative `href` against `base`.
std::string absolute_url(std::string_view href, std::string_view base) {
  if (href.empty() || href.find("://") != std::string_view::npos) return std::string(href);
  size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return {};
  if (href.rfind("//", 0) == 0) return std::string(base.substr(0, scheme + 1)) + std::string(href);
  if (href.front() != '/') return {};
  size_t path = base.find('/', scheme + 3);
  return std::string(base.substr(0, path)) + std::string(href);
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Lower-case word tokens (runs of letters and digits; other bytes of UTF-8 count as letters).
std::vector<std::string> title_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80 || c == '_') {
      current.push_back(static_cast<char>(std::tolower(byte)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Readability's text similarity: the share of `b`'s token text that also occurs in `a`.
double text_similarity(std::string_view a, std::string_view b) {
  std::vector<std::string> tokens_a = title_tokens(a);
  std::vector<std::string> tokens_b = title_tokens(b);
  if (tokens_a.empty() || tokens_b.empty()) return 0;
  size_t total = 0, unique = 0;
  for (const std::string& token : tokens_b) {
    total += token.size() + 1;
    if (std::find(tokens_a.begin(), tokens_a.end(), token) == tokens_a.end()) {
      unique += token.size() + 1;
    }
  }
  return 1.0 - static_cast<double>(unique) / static_cast<double>(total);
}

// <title> without the site's name, by Readability's rules: cut at the last separator
// ("Headline | Site"), or after the first one when that leaves too little ("Site - Headline");
// a colon only when no heading repeats the whole title. A result of four words or fewer goes
// back to the whole title unless it is what a hierarchical separator would leave.
std::string clean_document_title(const std::string& original, const std::vector<std::string>& h1s) {
  static constexpr std::string_view kSeparators[] = {" | ",  " - ", " – ", " — ",
                                                     " \\ ", " / ", " > ", " » "};
  static constexpr std::string_view kHierarchical[] = {" \\ ", " / ", " > ", " » "};
  std::string title = original;
  bool hierarchical = false;
  size_t last = std::string::npos, last_size = 0, first = std::string::npos, first_size = 0;
  for (std::string_view separator : kSeparators) {
    size_t at_last = original.rfind(separator);
    if (at_last == std::string::npos) continue;
    if (last == std::string::npos || at_last > last) last = at_last, last_size = separator.size();
    size_t at_first = original.find(separator);
    if (first == std::string::npos || at_first < first) {
      first = at_first, first_size = separator.size();
    }
    if (std::find(std::begin(kHierarchical), std::end(kHierarchical), separator) !=
        std::end(kHierarchical)) {
      hierarchical = true;
    }
  }
  if (last != std::string::npos) {
    title = original.substr(0, last);
    if (word_count(title) < 3) title = original.substr(first + first_size);
    (void)last_size;
  } else if (size_t colon = original.find(": "); colon != std::string::npos) {
    bool heading_repeats = std::any_of(h1s.begin(), h1s.end(), [&](const std::string& h1) {
      return collapse_whitespace(h1) == original;
    });
    if (!heading_repeats) {
      title = original.substr(original.rfind(':') + 1);
      if (word_count(title) < 3) {
        title = original.substr(colon + 1);
      } else if (word_count(original.substr(0, colon)) > 5) {
        title = original;
      }
    }
  } else if ((original.size() > 150 || original.size() < 15) && h1s.size() == 1) {
    title = h1s.front();
  }
  title = collapse_whitespace(title);
  size_t words = word_count(title);
  if (words <= 4) {
    std::string without_separators = original;
    for (std::string_view separator : kSeparators) {
      size_t at;
      while ((at = without_separators.find(separator)) != std::string::npos) {
        without_separators.replace(at, separator.size(), " ");
      }
    }
    if (!hierarchical || words != word_count(without_separators) - 1) title = original;
  }
  return title;
}

// "By Jane Doe and John Roe" -> {"Jane Doe", "John Roe"}; drops bylines that are not names.
void add_byline_authors(std::string_view byline, std::vector<std::string>& out) {
  std::string text = collapse_whitespace(byline);
  std::string lower = ascii_lower(text);
  for (std::string_view prefix : {"by ", "von ", "par ", "por ", "door ", "di ", "written by "}) {
    if (lower.rfind(prefix, 0) == 0) {
      text.erase(0, prefix.size());
      lower.erase(0, prefix.size());
      break;
    }
  }
  // Dates, times and long sentences are not names.
  if (text.empty() || text.size() > 80 || word_count(text) > 8 ||
      !find_date_in_text(text).empty()) {
    return;
  }
  size_t start = 0;
  while (start < text.size()) {
    size_t best = std::string::npos, length = 0;
    for (std::string_view separator : {" and ", ", ", " & ", " und ", " et ", " y "}) {
      size_t at = lower.find(separator, start);
      if (at < best) best = at, length = separator.size();
    }
    std::string name = collapse_whitespace(text.substr(start, best - start));
    if (!name.empty() && word_count(name) <= 5 && std::any_of(name.begin(), name.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
        })) {
      out.push_back(name);
    }
    if (best == std::string::npos) break;
    start = best + length;
  }
}

// An author name as pages write it, without list punctuation, "By" and no-break spaces; empty
// when it is not a name (form labels "Name *", usernames with digits, addresses, "X says:").
std::string clean_author(std::string_view raw) {
  std::string text(raw);
  for (size_t at; (at = text.find("\xC2\xA0")) != std::string::npos;) text.replace(at, 2, " ");
  text = collapse_whitespace(text);
  auto is_edge = [](char c) {
    return std::string_view(" |-,;:/\"'()[]*").find(c) != std::string_view::npos;
  };
  // Dashes and bullets written as UTF-8 at either end.
  for (std::string_view mark : {"\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", "\xE2\x80\xA2"}) {
    if (text.rfind(mark, 0) == 0) text.erase(0, mark.size());
    if (text.size() >= mark.size() &&
        text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
      text.resize(text.size() - mark.size());
    }
  }
  while (!text.empty() && is_edge(text.front())) text.erase(0, 1);
  while (!text.empty() && is_edge(text.back())) text.pop_back();
  std::string lower = ascii_lower(text);
  for (std::string_view prefix : {"by ", "von ", "par ", "por ", "door ", "written by "}) {
    if (lower.rfind(prefix, 0) == 0) {
      text.erase(0, prefix.size());
      lower.erase(0, prefix.size());
      break;
    }
  }
  bool has_digit =
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool form_label = lower == "name" || lower == "author" || lower == "admin" ||
                    raw.find('*') != std::string_view::npos ||
                    lower.find("erforderlich") != std::string::npos ||
                    lower.find("required") != std::string::npos;
  bool speech = lower.ends_with(" says") || lower.ends_with(" sagt") || lower.ends_with(" said");
  if (text.empty() || has_digit || form_label || speech || text.find('@') != std::string::npos ||
      text.find("://") != std::string::npos || text.size() > 100) {
    return {};
  }
  return text;
}

void finish_authors(std::vector<std::string>& authors) {
  std::vector<std::string> unique;
  for (const std::string& author : authors) {
    std::string name = clean_author(author);
    if (name.empty()) continue;
    std::string lower = ascii_lower(name);
    bool seen = std::any_of(unique.begin(), unique.end(),
                            [&](const std::string& u) { return ascii_lower(u) == lower; });
    if (!seen && unique.size() < 10) unique.push_back(std::move(name));
  }
  authors = std::move(unique);
}

void set_date(HtmlPage& page, const std::string& value, const char* from) {
  if (!page.published.empty()) return;
  std::string date = normalize_date(value);
  if (!date.empty()) {
    page.published = date;
    page.published_from = from;
  }
}

}  // namespace

void fill_metadata(const PageFacts& facts, std::string_view page_url, HtmlPage& page) {
  JsonLdArticle json_ld = read_json_ld(facts);

  std::string canonical = absolute_url(facts.canonical, page_url);
  if (canonical.empty()) canonical = absolute_url(meta(facts, "og:url"), page_url);
  if (canonical.empty()) canonical = absolute_url(json_ld.url, page_url);
  page.canonical_url = canonical;
  std::string url = page_url.empty() ? canonical : std::string(page_url);

  page.site = meta(facts, "og:site_name");
  if (page.site.empty()) page.site = json_ld.publisher;
  if (page.site.empty()) page.site = meta(facts, "application-name");
  if (page.site.empty()) page.site = registered_domain(url);

  // Readability's order: the most deliberate statement of the title first. Metadata titles
  // are kept as written (sites choose them); only <title> loses its site-name part.
  page.title = json_ld.name.empty() ? json_ld.headline : json_ld.name;
  if (!json_ld.name.empty() && !json_ld.headline.empty() && json_ld.name != json_ld.headline) {
    // Some sites put their own name in "name"; take the one that matches the <title>.
    std::string document_title =
        clean_document_title(collapse_whitespace(facts.title_tag), facts.h1s);
    bool name_matches = text_similarity(json_ld.name, document_title) > 0.75;
    bool headline_matches = text_similarity(json_ld.headline, document_title) > 0.75;
    page.title = headline_matches && !name_matches ? json_ld.headline : json_ld.name;
  }
  for (const char* key :
       {"dc:title", "dc.title", "dcterm:title", "dcterms.title", "og:title", "weibo:article:title",
        "weibo:webpage:title", "title", "twitter:title", "parsely-title"}) {
    if (!page.title.empty()) break;
    page.title = meta(facts, key);
  }
  if (page.title.empty() && !facts.title_tag.empty()) {
    page.title = clean_document_title(collapse_whitespace(facts.title_tag), facts.h1s);
  }
  if (page.title.empty() && !facts.h1s.empty()) page.title = facts.h1s.front();

  page.authors = json_ld.authors;
  if (page.authors.empty()) {
    for (const char* key : {"author", "article:author", "dc.creator", "parsely-author",
                            "sailthru.author", "byl", "dcterms.creator"}) {
      std::string value = meta(facts, key);
      if (!value.empty() && value.find("://") == std::string::npos) {
        add_byline_authors(value, page.authors);
      }
    }
  }
  if (page.authors.empty()) {
    for (const std::string& text : facts.rel_authors) add_byline_authors(text, page.authors);
  }
  if (page.authors.empty()) {
    for (const std::string& text : facts.bylines) {
      add_byline_authors(text, page.authors);
      finish_authors(page.authors);
      if (!page.authors.empty()) break;
    }
  }
  finish_authors(page.authors);

  set_date(page, json_ld.published, "jsonld");
  for (const char* key : {"article:published_time",
                          "og:published_time",
                          "datepublished",
                          "article.published",
                          "pubdate",
                          "publishdate",
                          "publish-date",
                          "publish_date",
                          "date",
                          "dc.date.issued",
                          "dc.date",
                          "dcterms.created",
                          "dcterms.date",
                          "sailthru.date",
                          "parsely-pub-date",
                          "citation_publication_date",
                          "citation_date",
                          "og:article:published_time",
                          "article:published",
                          "originalpublicationdate",
                          "date.available",
                          "displaydate",
                          "dc.date.created",
                          "bt:pubdate"}) {
    if (!page.published.empty()) break;
    set_date(page, meta(facts, key), "meta");
  }
  for (const std::string& value : facts.pub_times) set_date(page, value, "time");
  if (!facts.times.empty()) set_date(page, facts.times.front(), "time");
  if (page.published.empty()) {
    std::string from_url = date_from_url(url);
    if (from_url.empty() && !canonical.empty()) from_url = date_from_url(canonical);
    if (!from_url.empty()) {
      page.published = from_url;
      page.published_from = "url";
    }
  }
  for (const std::string& text : facts.date_texts) {
    if (!page.published.empty()) break;
    std::string date = find_date_in_text(text);
    if (!date.empty()) {
      page.published = date;
      page.published_from = "text";
    }
  }
  // A modification date is a last resort: it bounds the publication date from above.
  for (const char* key : {"article:modified_time", "og:updated_time", "last-modified",
                          "dc.date.modified", "datemodified"}) {
    set_date(page, meta(facts, key), "meta");
  }

  std::string lang = facts.html_lang.substr(0, facts.html_lang.find_first_of("-_"));
  if (lang.size() == 2) page.lang = lang;
}

}  // namespace crosscheck::ingest_internal
