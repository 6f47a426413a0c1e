// What the three renderers share: the articles of a story with their labels and verdicts, cites
// re-sliced from the corpus, a numbered citation list, and number and share wording.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "brief/brief.h"

namespace crosscheck::report_view {

struct ArticleRow {
  const Document* doc = nullptr;  // null when the report carries no corpus
  std::string id;
  std::string label;  // "A1", "A2", ... in story order
  std::string title, site, url, published;
  std::string canonical_url;  // as the page declares it (url is canonical_url, else the URL)
  std::vector<std::string> authors;
  std::string lang;
  // For people: the title, or for an untitled article its opening words ("untitled" set).
  std::string display_title;
  bool untitled = false;
  std::string copy_group;  // id of the first article of its copy group
  std::string copy_of;     // label of that article when this one is a copy, else empty
  bool independent = true;
  const Assessment* assessment = nullptr;
};

enum class Tone { kGood, kNeutral, kWarning, kBad };

struct Verdict {
  std::string words;  // "reporting", "likely machine-written, mostly padding"
  Tone tone = Tone::kNeutral;
};

// Every article of a report's corpus by id, built once per rendering: cites may point at any
// article, not only the story's own.
class CorpusIndex {
 public:
  explicit CorpusIndex(const Report& report);
  // Null when the report has no corpus or no article has this id.
  const Document* find(const std::string& id) const;
  bool has_corpus() const { return has_corpus_; }

 private:
  bool has_corpus_ = false;
  std::unordered_map<std::string, const Document*> by_id_;
};

class StoryView {
 public:
  // `corpus` must outlive the view.
  StoryView(const Report& report, const Story& story, const CorpusIndex& corpus);

  const std::vector<ArticleRow>& articles() const { return articles_; }
  const ArticleRow* article(const std::string& id) const;
  // "A2" for an article of the story, else the id itself.
  std::string label(const std::string& article_id) const;
  // The cite with its text re-sliced from the stored article and its sentence index recomputed
  // (unchanged without a corpus).
  Cite checked(const Cite& cite) const;
  // The cites that can be shown, checked: with a corpus, cites of articles it does not hold are
  // dropped, since nobody could verify them.
  std::vector<Cite> usable(const std::vector<Cite>& cites) const;
  int independent_count() const;
  // The story's language when it is not English (then only stored and grouped, not analysed),
  // else empty.
  const std::string& language() const { return language_; }
  // "Stories in ru are stored and grouped but not analysed: ..." for such a story, else empty.
  std::string language_note() const;

  // Outlets, so a reader sees who said what. The outlet of an article is its site (publisher
  // name, or the registered domain of its URL), else its label ("A2").
  std::string outlet(const std::string& article_id) const;
  // "Fox News (A2)" when the site is known, else "A2".
  std::string named(const std::string& article_id) const;
  // The distinct outlets of the cited articles, in order: {"Fox News", "HuffPost"}.
  std::vector<std::string> outlets(const std::vector<Cite>& cites) const;
  // The distinct outlets of the independent articles (copies count once, with their original).
  std::vector<std::string> independent_outlets() const;

  // The sentence around a cite, split so the cited part can be highlighted. Before/after are
  // empty without a corpus or when the cite is the whole sentence; long context is clipped.
  struct Context {
    std::string before, cited, after;
  };
  Context context(const Cite& cite) const;

 private:
  std::vector<ArticleRow> articles_;
  std::unordered_map<std::string, size_t> by_id_;
  std::string language_;
  const CorpusIndex& corpus_;
};

// Numbers cites in order of first use; the same (article, start, end) keeps its number.
class CitationList {
 public:
  int number(const Cite& cite);
  const std::vector<Cite>& cites() const { return cites_; }

 private:
  std::vector<Cite> cites_;
  std::unordered_map<std::string, int> numbers_;
};

// Share of padding sentences from which an article is called padded.
inline constexpr double kPadded = 0.3;

Verdict verdict(const ArticleRow& row);

// Counts shown at the top of a report. Every article is in exactly one story.
struct ReportTotals {
  size_t articles = 0;
  size_t conflicts = 0;
  size_t likely_machine = 0;
};
ReportTotals report_totals(const Report& report);

// Anchor of citation `cite_number` of story `story_number` ("s1-c3"), the same in Markdown and
// HTML so links into either report read alike.
std::string cite_anchor(int story_number, int cite_number);

// 35 -> "35", 2.5 -> "2.5", 1234567 -> "1,234,567".
std::string format_number(double value);
// "at least 35 people killed", "about 2.5 %", from a number claim.
std::string describe_number(const NumberClaim& number);
// "at least", "about", "" for exact.
const char* bound_words(Bound bound);
// 0.4 -> "40%".
std::string percent(double share);
// "Fox News, HuffPost and Reuters".
std::string join_names(const std::vector<std::string>& names);
// "Fox News vs HuffPost": the outlets of each side of a conflict; empty without cites.
std::string sides_outlets(const StoryView& view, const Conflict& conflict);
// "1 source", "3 sources".
std::string count_words(size_t count, const char* singular, const char* plural);

// A reason without its "(p = 0.93)": the reports show the probability as a percentage or bar
// already, and the notation means nothing to a general reader.
std::string without_probability(const std::string& reason);
// "Number", "Date", ...
const char* kind_title(ConflictKind kind);
const char* type_words(EntityType type);
// "UK Foreign Secretary" style: qualifier and role together.
std::string role_words(const ActorRole& role);
// Sorts facts for display: corroborated (most sources first), contested, then single-source.
std::vector<const Fact*> ordered_facts(const Story& story, FactStatus status);
// Shortens for table cells and titles, on a word boundary and a UTF-8 boundary.
std::string shorten(const std::string& text, size_t limit);
// Whitespace (newlines included) collapsed to single spaces, trimmed at both ends.
std::string one_line(std::string_view text);
// Like one_line, but a leading or trailing run of whitespace stays as one space (for text that
// is printed next to other text, such as the context around a cited span).
std::string one_line_keep_edges(std::string_view text);

}  // namespace crosscheck::report_view
