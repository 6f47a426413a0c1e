#include "brief/story_quotes.h"

#include <algorithm>
#include <unordered_map>

#include "brief/report_view.h"
#include "text/text.h"

namespace crosscheck {
namespace {

constexpr size_t kMaxQuotes = 40;
constexpr size_t kMaxCitesPerQuote = 5;

// The same words quoted by several articles (or by a copy) are one quote: compare them
// case-folded, with whitespace collapsed and surrounding punctuation dropped.
std::string quote_key(std::string_view content) {
  std::string text = fold_case(report_view::one_line(content));
  auto is_edge = [](unsigned char c) { return std::ispunct(c) || c == ' '; };
  size_t start = 0, end = text.size();
  while (start < end && is_edge(static_cast<unsigned char>(text[start]))) ++start;
  while (end > start && is_edge(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(start, end - start);
}

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

struct Gathered {
  QuoteClaim claim;
  std::vector<std::string> articles;  // distinct articles quoting it
  size_t first_seen = 0;
};

}  // namespace

void collect_story_quotes(const std::vector<Document>& documents, Story& story) {
  if (!story.quotes.empty()) return;
  std::vector<Gathered> gathered;
  std::unordered_map<std::string, size_t> by_key;
  for (uint32_t index : story.documents) {
    if (index >= documents.size()) continue;
    const Document& doc = documents[index];
    for (const Quote& quote : doc.quotes) {
      // Reported speech is the writer's paraphrase; printed in quotation marks it would put
      // words in the speaker's mouth.
      if (!quote.direct) continue;
      std::string_view content = doc.slice(quote.content);
      // A word or two in quotation marks is a scare quote or a name, not a statement.
      if (word_count(content) < 4) continue;
      std::string key = quote_key(content);
      if (key.empty()) continue;
      auto [it, inserted] = by_key.try_emplace(key, gathered.size());
      if (inserted) {
        Gathered entry;
        entry.claim.text = report_view::one_line(content);
        // "…at the table," reads as a quote without the comma that led back into the sentence.
        while (!entry.claim.text.empty() &&
               (entry.claim.text.back() == ',' || entry.claim.text.back() == ';' ||
                entry.claim.text.back() == ':')) {
          entry.claim.text.pop_back();
        }
        entry.claim.speaker = quote.anonymous ? "" : quote.speaker;
        entry.claim.anonymous = quote.anonymous;
        entry.first_seen = gathered.size();
        gathered.push_back(std::move(entry));
      }
      Gathered& entry = gathered[it->second];
      if (entry.claim.speaker.empty() && !quote.anonymous && !quote.speaker.empty()) {
        entry.claim.speaker = quote.speaker;
        entry.claim.anonymous = false;
      }
      if (std::find(entry.articles.begin(), entry.articles.end(), doc.id) == entry.articles.end()) {
        entry.articles.push_back(doc.id);
        if (entry.claim.cites.size() < kMaxCitesPerQuote) {
          entry.claim.cites.push_back(make_cite(doc, quote.content));
        }
      }
    }
  }
  // Quotes several articles carry first, then named speakers, then text order.
  std::stable_sort(gathered.begin(), gathered.end(), [](const Gathered& a, const Gathered& b) {
    if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
    bool a_named = !a.claim.speaker.empty(), b_named = !b.claim.speaker.empty();
    if (a_named != b_named) return a_named;
    return a.first_seen < b.first_seen;
  });
  if (gathered.size() > kMaxQuotes) gathered.resize(kMaxQuotes);
  for (Gathered& entry : gathered) story.quotes.push_back(std::move(entry.claim));
}

}  // namespace crosscheck
