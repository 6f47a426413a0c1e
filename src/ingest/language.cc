// Language identification (CLD2), stable ids, and the last step of every reader: turning a
// pending article into a finished Document.
// clang-format off
#include <cstdio>  // before CLD2, whose header uses FILE without including it
#include <cld2/public/compact_lang_det.h>
// clang-format on
#include <xxhash.h>

#include <algorithm>

#include "core/utf8.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/readers.h"
#include "text/text.h"

namespace crosscheck {

std::string identify_language(std::string_view text) {
  // A few KiB settle the language of an article; CLD2 is linear but need not read it all.
  constexpr size_t kSample = 16384;
  std::string_view sample = text.substr(0, ingest_internal::first_invalid_utf8(text));
  if (sample.size() > kSample) sample = sample.substr(0, utf8::align_back(sample, kSample));
  CLD2::Language languages[3];
  int percents[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language language = CLD2::ExtDetectLanguageSummary(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, languages, percents,
      &text_bytes, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return {};
  }
  std::string code = CLD2::LanguageCode(language);
  // ISO 639-1 is the primary subtag ("zh-Hant" -> "zh").
  code = code.substr(0, code.find('-'));
  return code;
}

std::string stable_id(std::string_view source) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(XXH64(source.data(), source.size(), 0)));
  return buffer;
}

namespace ingest_internal {

std::string normalize_url(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos && scheme < 10) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find('#'));
  size_t path_start = url.find_first_of("/?");
  std::string host(url.substr(0, path_start));
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.ends_with(":80")) host.resize(host.size() - 3);
  if (host.ends_with(":443")) host.resize(host.size() - 4);
  std::string_view rest = path_start == std::string_view::npos ? "" : url.substr(path_start);
  std::string_view path = rest.substr(0, rest.find('?'));
  std::string out = host + std::string(path);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (size_t query = rest.find('?'); query != std::string_view::npos) {
    std::string kept;
    std::string_view params = rest.substr(query + 1);
    while (!params.empty()) {
      size_t amp = params.find('&');
      std::string_view param = params.substr(0, amp);
      bool tracking = param.starts_with("utm_") || param.starts_with("fbclid=") ||
                      param.starts_with("gclid=") || param.empty();
      if (!tracking) kept += (kept.empty() ? "?" : "&") + std::string(param);
      if (amp == std::string_view::npos) break;
      params.remove_prefix(amp + 1);
    }
    out += kept;
  }
  return out;
}

std::string content_id(const Document& doc, std::string_view scope) {
  // A canonical URL that is only a host names the site, not the page (some sites mark every
  // page so); such a URL would merge unrelated articles.
  auto names_page = [](const std::string& normalized) {
    return normalized.find_first_of("/?") != std::string::npos;
  };
  for (const std::string* url : {&doc.canonical_url, &doc.url}) {
    if (url->empty()) continue;
    std::string normalized = normalize_url(*url);
    if (names_page(normalized)) return stable_id("url\n" + normalized);
  }
  std::string key = "text\n" + std::string(scope) + "\n" + doc.text;
  return stable_id(key);
}

namespace {

size_t count_words(std::string_view text, size_t enough) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word && ++words >= enough) return words;
    in_word = !space;
  }
  return words;
}

}  // namespace

void convert(Pending&& pending, std::vector<Document>& documents, Problems& problems,
             const IngestOptions& options) {
  if (pending.kind == Pending::Kind::kProblem) {
    problems.push_back(std::move(pending.problem));
    return;
  }
  Document& doc = pending.doc;
  if (pending.kind == Pending::Kind::kHtml) {
    std::string utf8_html, reason;
    if (!to_utf8(pending.html, pending.charset, utf8_html, reason)) {
      problems.push_back({pending.input, reason});
      return;
    }
    pending.html.clear();
    pending.html.shrink_to_fit();
    HtmlPage page = extract_html(utf8_html, doc.url);
    doc.text = std::move(page.text);
    if (doc.title.empty()) doc.title = std::move(page.title);
    if (doc.url.empty()) doc.url = page.canonical_url;
    doc.canonical_url = std::move(page.canonical_url);
    if (doc.site.empty()) doc.site = std::move(page.site);
    if (doc.authors.empty()) doc.authors = std::move(page.authors);
    if (doc.published.empty() && !page.published.empty()) {
      doc.published = std::move(page.published);
      doc.published_from = std::move(page.published_from);
    }
    if (doc.published.empty() && !pending.crawl_date.empty()) {
      doc.published = pending.crawl_date;
      doc.published_from = "crawl";
    }
    if (doc.lang.empty()) doc.lang = page.lang;  // replaced below when CLD2 is sure
    if (count_words(doc.text, 1) == 0) {
      problems.push_back({pending.input, "no article text found in the page"});
      return;
    }
  }
  doc.text = normalize(doc.text);
  doc.title = normalize(doc.title);
  size_t words = count_words(doc.text, std::max<size_t>(options.min_words, 1));
  if (words == 0) {
    problems.push_back({pending.input, "empty"});
    return;
  }
  if (words < options.min_words) {
    problems.push_back(
        {pending.input, "fewer than " + std::to_string(options.min_words) + " words"});
    return;
  }
  std::string lang = identify_language(doc.text);
  if (!lang.empty()) doc.lang = std::move(lang);
  if (doc.site.empty()) doc.site = registered_domain(doc.url.empty() ? doc.canonical_url : doc.url);
  if (doc.id.empty()) doc.id = content_id(doc, pending.scope);
  documents.push_back(std::move(doc));
}

}  // namespace ingest_internal

}  // namespace crosscheck
