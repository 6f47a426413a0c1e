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
  if (doc.id.empty()) doc.id = stable_id(doc.source);
  documents.push_back(std::move(doc));
}

}  // namespace ingest_internal

}  // namespace crosscheck
