// write_brief: the story's title and its summary lines with cites.
#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "brief/brief.h"
#include "brief/report_view.h"
#include "brief/story_quotes.h"
#include "text/text.h"

namespace crosscheck {
namespace {

using report_view::one_line;
using report_view::shorten;

// Sparse TF-IDF vector sorted by term id, L2-normalised.
using TermVector = std::vector<std::pair<uint32_t, float>>;

double dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += static_cast<double>(a[i].second) * b[j].second;
      ++i;
      ++j;
    }
  }
  return sum;
}

class Vocabulary {
 public:
  uint32_t id(std::string_view term) {
    auto found = ids_.find(term);  // no allocation for terms already seen
    if (found != ids_.end()) return found->second;
    uint32_t next = static_cast<uint32_t>(ids_.size());
    ids_.emplace(std::string(term), next);
    return next;
  }
  // Id of a known term, or -1.
  int64_t find(std::string_view term) const {
    auto found = ids_.find(term);
    return found == ids_.end() ? int64_t{-1} : static_cast<int64_t>(found->second);
  }
  size_t size() const { return ids_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

bool is_word_byte(unsigned char byte) { return std::isalnum(byte) || byte >= 0x80; }

// Content-word terms of a title: case-folded, stop words dropped, stemmed like the text stage
// stems tokens, so they compare with the sentences' terms.
std::vector<std::string> free_text_terms(std::string_view text) {
  std::vector<std::string> terms;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !is_word_byte(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t start = pos;
    while (pos < text.size() && is_word_byte(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos - start < 2) continue;
    std::string lower = fold_case(text.substr(start, pos - start));
    if (is_stop_word(lower)) continue;
    std::string stemmed = stem(lower);
    terms.push_back(stemmed.empty() ? lower : stemmed);
  }
  return terms;
}

struct Candidate {
  uint32_t doc = 0;       // corpus index
  uint32_t sentence = 0;  // sentence index in the document
  Span span;              // the sentence in the document's text
  uint32_t position = 0;  // rank of the document in the story
  TermVector vector;
  size_t words = 0;
  std::vector<const Quantity*> quantities;  // numbers the sentence states
  bool statement = false;                   // reads as a sentence on its own
  bool selectable = false;  // a statement that is neither padding nor the article's headline
  double score = 0;
};

// Turns per-sentence term counts into TF-IDF vectors (sublinear tf, smoothed idf).
void weigh(std::vector<Candidate>& candidates,
           const std::vector<std::unordered_map<uint32_t, int>>& counts, size_t vocabulary) {
  std::vector<int> document_frequency(vocabulary, 0);
  for (const auto& sentence : counts) {
    for (const auto& [term, count] : sentence) ++document_frequency[term];
  }
  double total = static_cast<double>(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    TermVector& vector = candidates[i].vector;
    vector.clear();
    double norm = 0;
    for (const auto& [term, count] : counts[i]) {
      double weight = (1.0 + std::log(static_cast<double>(count))) *
                      std::log(1.0 + total / document_frequency[term]);
      vector.emplace_back(term, static_cast<float>(weight));
      norm += weight * weight;
    }
    std::sort(vector.begin(), vector.end());
    if (norm > 0) {
      float inverse = static_cast<float>(1.0 / std::sqrt(norm));
      for (auto& entry : vector) entry.second *= inverse;
    }
  }
}

// Title Case lines ("Leaders Are Set to Meet Over the War.") are headlines, not statements:
// a function word capitalised inside the line and most longer words capitalised.
bool looks_like_headline(std::string_view text) {
  size_t long_words = 0, capitalized_long = 0;
  bool function_word_capitalized = false, first = true;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && !std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    size_t start = pos;
    while (pos < text.size() &&
           (std::isalpha(static_cast<unsigned char>(text[pos])) || text[pos] == '\'')) {
      ++pos;
    }
    if (pos == start) break;
    std::string_view word = text.substr(start, pos - start);
    bool capital = std::isupper(static_cast<unsigned char>(word[0]));
    if (word.size() >= 4) {
      ++long_words;
      capitalized_long += capital;
    }
    if (!first && capital && word.size() >= 3) {
      std::string lower(word);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      function_word_capitalized = function_word_capitalized || is_stop_word(lower);
    }
    first = false;
  }
  return function_word_capitalized && long_words >= 3 && capitalized_long * 10 >= long_words * 6;
}

// A sentence a reader can take on its own: long enough to state something, short enough to
// read, not a question, not a headline or list fragment without a final stop.
bool reads_as_statement(std::string_view text, size_t words) {
  if (words < 6 || words > 60) return false;
  // Table rows, list items and headings written in plain-text markup.
  if (text.find('|') != std::string_view::npos) return false;
  size_t first = text.find_first_not_of(" \n");
  if (first == std::string_view::npos ||
      std::string_view("#*->=+").find(text[first]) != std::string_view::npos ||
      text.substr(first).starts_with("•")) {
    return false;
  }
  if (looks_like_headline(text)) return false;
  // A quotation cut by a sentence break is half a statement.
  auto count = [text](std::string_view mark) {
    size_t n = 0;
    for (size_t at = text.find(mark); at != std::string_view::npos; at = text.find(mark, at + 1)) {
      ++n;
    }
    return n;
  };
  if (count("\"") % 2 != 0 || count("“") != count("”")) return false;
  size_t end = text.find_last_not_of(" \n\"'”’)");
  if (end == std::string_view::npos) return false;
  char last = text[end];
  return last == '.' || last == '!';
}

// True when the sentence leans on the one before it: it opens with a pronoun or a connective
// ("He added…", "However, …", "This means…"), so it reads badly out of context.
bool leans_on_context(std::string_view text) {
  static constexpr std::string_view kOpeners[] = {
      "he",          "she",      "they",         "it",           "his",         "her",
      "their",       "its",      "this",         "these",        "those",       "that",
      "however",     "but",      "and",          "also",         "meanwhile",   "moreover",
      "furthermore", "still",    "yet",          "so",           "then",        "thus",
      "therefore",   "instead",  "besides",      "nevertheless", "nonetheless", "such",
      "or",          "nor",      "additionally", "similarly",    "likewise",    "consequently",
      "hence",       "otherwise"};
  size_t start = 0;
  while (start < text.size() && !std::isalpha(static_cast<unsigned char>(text[start]))) ++start;
  size_t end = start;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  std::string word(text.substr(start, end - start));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(std::begin(kOpeners), std::end(kOpeners), word) != std::end(kOpeners);
}

// "Talks end | Example News" -> "Talks end": drops a trailing site name
// segment (short, after a separator) that outlets append to their titles.
std::string strip_site_suffix(std::string title) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · "};
  for (std::string_view separator : kSeparators) {
    size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    std::string_view tail = std::string_view(title).substr(at + separator.size());
    auto words = [](std::string_view text) {
      return static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
    };
    if (words(tail) <= 4 && words(std::string_view(title).substr(0, at)) >= 3) {
      title.resize(at);
      break;
    }
  }
  return one_line(title);
}

std::string without_final_stop(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}

// Text articles often open with their own headline; it is the title, not a summary line.
bool repeats_title(std::string_view sentence, const std::string& headline) {
  return !headline.empty() && without_final_stop(one_line(sentence)) == headline;
}

class BriefWriter {
 public:
  BriefWriter(const std::vector<Document>& documents, Story& story, const BriefOptions& options)
      : documents_(documents), story_(story), options_(options) {}

  void run() {
    choose_sources();
    build_candidates();
    score_candidates();
    rank_sentences();
    story_.summary.clear();
    add_fact_lines();
    add_sentence_lines();
    if (story_.title.empty()) story_.title = choose_title();
    collect_story_quotes(documents_, story_);
  }

 private:
  void choose_sources() {
    std::vector<uint32_t> valid;
    for (uint32_t index : story_.documents) {
      if (index < documents_.size()) valid.push_back(index);
    }
    for (uint32_t index : valid) {
      int32_t group = documents_[index].copy_group;
      if (group < 0 || static_cast<uint32_t>(group) == index) sources_.push_back(index);
    }
    if (sources_.empty()) sources_ = valid;
    for (size_t c = 0; c < story_.conflicts.size(); ++c) {
      const Conflict& conflict = story_.conflicts[c];
      for (size_t side = 0; side < conflict.sides.size(); ++side) {
        for (const Cite& cite : conflict.sides[side].cites) {
          conflict_sides_[{cite.article, cite.sentence}].emplace_back(c, side);
        }
      }
    }
    for (const Assessment& assessment : story_.assessments) {
      machine_[assessment.article] = assessment.p_machine;
      for (const Cite& cite : assessment.padding) padding_.insert({cite.article, cite.sentence});
    }
  }

  void build_candidates() {
    std::vector<std::unordered_map<uint32_t, int>> counts;
    for (uint32_t position = 0; position < sources_.size(); ++position) {
      // Documents stored without a token layer are annotated on a scratch copy; its spans
      // index the same text, so cites still slice the stored article.
      const Document& stored = documents_[sources_[position]];
      const Document& doc = with_tokens(stored, scratch_.emplace_back());
      size_t first = candidates_.size();
      for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
        Candidate candidate;
        candidate.doc = sources_[position];
        candidate.sentence = s;
        candidate.span = doc.sentences[s].span;
        candidate.position = position;
        candidates_.push_back(std::move(candidate));
        counts.emplace_back();
      }
      for (const Token& token : doc.tokens) {
        if (token.sentence >= doc.sentences.size()) continue;
        if (token.shape == TokenShape::kPunct || token.shape == TokenShape::kSymbol) continue;
        candidates_[first + token.sentence].words += 1;
        if (token.lower.size() < 2 || is_stop_word(token.lower)) continue;
        std::string_view term = token.stem.empty() ? token.lower : token.stem;
        counts[first + token.sentence][vocabulary_.id(term)] += 1;
      }
      // Quantities exist only on the stored document and index its sentences.
      for (const Quantity& quantity : stored.quantities) {
        if (quantity.sentence < doc.sentences.size()) {
          candidates_[first + quantity.sentence].quantities.push_back(&quantity);
        }
      }
      std::string headline = without_final_stop(strip_site_suffix(stored.title));
      for (size_t i = first; i < candidates_.size(); ++i) {
        Candidate& candidate = candidates_[i];
        std::string_view text = doc.slice(candidate.span);
        candidate.statement = reads_as_statement(text, candidate.words);
        candidate.selectable = candidate.statement &&
                               !padding_.count({stored.id, candidate.sentence}) &&
                               !repeats_title(text, headline);
      }
    }
    weigh(candidates_, counts, vocabulary_.size());
  }

  // Centrality against the other sources: cos(sentence, sum of the other articles' centroids).
  void score_candidates() {
    std::vector<TermVector> centroids(sources_.size());
    {
      std::vector<std::unordered_map<uint32_t, double>> sums(sources_.size());
      for (const Candidate& candidate : candidates_) {
        for (const auto& [term, weight] : candidate.vector)
          sums[candidate.position][term] += weight;
      }
      for (size_t d = 0; d < sources_.size(); ++d) {
        double norm = 0;
        for (const auto& [term, weight] : sums[d]) norm += weight * weight;
        if (norm <= 0) continue;
        double inverse = 1.0 / std::sqrt(norm);
        for (const auto& [term, weight] : sums[d]) {
          centroids[d].emplace_back(term, static_cast<float>(weight * inverse));
        }
        std::sort(centroids[d].begin(), centroids[d].end());
      }
    }
    total_.assign(vocabulary_.size(), 0.0);
    for (const TermVector& centroid : centroids) {
      for (const auto& [term, weight] : centroid) total_[term] += weight;
    }
    double total_norm2 = 0;
    for (double weight : total_) total_norm2 += weight * weight;
    std::vector<double> overlap(sources_.size(), 0);  // centroid_d · total
    for (size_t d = 0; d < sources_.size(); ++d) {
      for (const auto& [term, weight] : centroids[d]) overlap[d] += weight * total_[term];
    }
    bool alone = sources_.size() < 2;
    for (Candidate& candidate : candidates_) {
      double with_total = 0;
      for (const auto& [term, weight] : candidate.vector) with_total += weight * total_[term];
      double similarity;
      if (alone) {
        similarity = total_norm2 > 0 ? with_total / std::sqrt(total_norm2) : 0;
      } else {
        const TermVector& own = centroids[candidate.position];
        double own_norm2 = own.empty() ? 0 : 1.0;
        double others_norm2 = total_norm2 - 2 * overlap[candidate.position] + own_norm2;
        double with_others = with_total - dot(candidate.vector, own);
        similarity = others_norm2 > 1e-12 ? with_others / std::sqrt(others_norm2) : 0;
      }
      const Document& doc = documents_[candidate.doc];
      auto machine = machine_.find(doc.id);
      double p_machine = machine == machine_.end() ? 0 : machine->second;
      // News puts the event first. With other sources to compare against, agreement decides
      // and the lead only breaks near-ties; a story of one article leans on its lead.
      double lead = alone ? 1.0 + 0.6 / (1.0 + 0.5 * candidate.sentence)
                          : 1.0 + 0.25 / (1.0 + candidate.sentence);
      double standalone = leans_on_context(doc.slice(candidate.span)) ? 0.5 : 1.0;
      // A disputed statement is shown under conflicts; the summary prefers what is not.
      double disputed = sides_of(candidate) ? 0.6 : 1.0;
      candidate.score = similarity * lead * standalone * (1.0 - 0.4 * p_machine) * disputed;
    }
  }

  using Sides = std::vector<std::pair<size_t, size_t>>;  // (conflict, side)

  const Sides* sides_of(const Candidate& candidate) const {
    auto found = conflict_sides_.find({documents_[candidate.doc].id, candidate.sentence});
    return found == conflict_sides_.end() ? nullptr : &found->second;
  }

  // True when the two sentences stand on different sides of one conflict.
  bool opposed(const Candidate& a, const Candidate& b) const {
    const Sides* sides_a = sides_of(a);
    const Sides* sides_b = sides_of(b);
    if (!sides_a || !sides_b) return false;
    for (const auto& [conflict_a, side_a] : *sides_a) {
      for (const auto& [conflict_b, side_b] : *sides_b) {
        if (conflict_a == conflict_b && side_a != side_b) return true;
      }
    }
    return false;
  }

  // True when both sentences count the same thing (same noun, or same unit when neither names
  // one) with values that cannot both hold. Approximate bounds allow 10%.
  static bool numbers_disagree(const Candidate& a, const Candidate& b) {
    for (const Quantity* qa : a.quantities) {
      for (const Quantity* qb : b.quantities) {
        bool same_thing = !qa->noun.empty()
                              ? qa->noun == qb->noun
                              : qb->noun.empty() && qa->unit == qb->unit && !qa->unit.empty();
        if (!same_thing || qa->unit != qb->unit) continue;
        double scale = std::max({std::fabs(qa->value), std::fabs(qb->value), 1e-9});
        double tolerance = qa->bound == Bound::kExact && qb->bound == Bound::kExact ? 1e-9 : 0.1;
        if (std::fabs(qa->value - qb->value) / scale > tolerance) return true;
      }
    }
    return false;
  }

  const Candidate* find_candidate(const std::string& article, uint32_t sentence) const {
    for (const Candidate& candidate : candidates_) {
      if (candidate.sentence == sentence && documents_[candidate.doc].id == article) {
        return &candidate;
      }
    }
    return nullptr;
  }

  // Cite re-sliced from the corpus: a stage's cite is trusted for its span only.
  std::optional<Cite> verified(const Cite& cite) const {
    for (uint32_t index : story_.documents) {
      if (index >= documents_.size() || documents_[index].id != cite.article) continue;
      const Document& doc = documents_[index];
      if (cite.end > doc.text.size() || cite.start > cite.end) return std::nullopt;
      return make_cite(doc, Span{cite.start, cite.end});
    }
    return std::nullopt;
  }

  void add_fact_lines() {
    std::vector<const Fact*> facts;
    for (const Fact& fact : story_.facts) {
      // Identity and role statements ("X is the President") never lead a summary; disputed
      // ones are contested, not corroborated.
      if (fact.status == FactStatus::kCorroborated && !fact.identity && !fact.cites.empty())
        facts.push_back(&fact);
    }
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Fact* a, const Fact* b) { return a->sources > b->sources; });
    for (const Fact* fact : facts) {
      if (static_cast<int>(story_.summary.size()) >= options_.max_fact_lines) break;
      SummaryLine line;
      std::set<std::string> articles;
      std::vector<const Candidate*> cited;  // the sentences the fact's cites fall in
      for (const Cite& cite : fact->cites) {
        if (static_cast<int>(line.cites.size()) >= options_.max_cites_per_line) break;
        auto checked = verified(cite);
        if (!checked || !articles.insert(checked->article).second) continue;
        if (const Candidate* sentence = find_candidate(checked->article, checked->sentence)) {
          cited.push_back(sentence);
        }
        line.cites.push_back(std::move(*checked));
      }
      if (line.cites.empty()) continue;
      if (!cited.empty() && repeats_chosen(*cited.front())) continue;
      line.text = one_line(fact->text.empty() ? line.cites.front().text : fact->text);
      // "He said…" needs the sentence before it; another source may say it standing alone.
      if (leans_on_context(line.text)) {
        line.text.clear();
        for (const Candidate* sentence : cited) {
          const Document& doc = documents_[sentence->doc];
          std::string_view text = doc.slice(sentence->span);
          if (sentence->statement && !leans_on_context(text)) {
            line.text = one_line(text);
            break;
          }
        }
        if (line.text.empty()) continue;
      }
      chosen_.insert(chosen_.end(), cited.begin(), cited.end());
      story_.summary.push_back(std::move(line));
    }
  }

  bool repeats_chosen(const Candidate& candidate) const {
    for (const Candidate* chosen : chosen_) {
      if (chosen == &candidate || dot(chosen->vector, candidate.vector) > options_.redundancy) {
        return true;
      }
    }
    return false;
  }

  // Orders the selectable sentences by centrality, then lifts the leading ones by how many
  // other sources say the same (echoes are only counted for the head of the ranking, which
  // keeps the cost linear in the story's sentences).
  void rank_sentences() {
    for (const Candidate& candidate : candidates_) {
      if (candidate.selectable && !candidate.vector.empty()) ranked_.push_back(&candidate);
    }
    auto by_score = [](const Candidate* a, const Candidate* b) { return a->score > b->score; };
    std::stable_sort(ranked_.begin(), ranked_.end(), by_score);
    constexpr size_t kHead = 48;
    size_t head = std::min(ranked_.size(), kHead);
    std::vector<std::pair<double, const Candidate*>> lifted;
    for (size_t i = 0; i < head; ++i) {
      int echoes = static_cast<int>(echoes_of(*ranked_[i]).size());
      lifted.emplace_back(ranked_[i]->score * (1.0 + 0.3 * std::min(echoes, 3)), ranked_[i]);
    }
    std::stable_sort(lifted.begin(), lifted.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < head; ++i) ranked_[i] = lifted[i].second;
  }

  void add_sentence_lines() {
    size_t target =
        std::clamp<size_t>(3 + sources_.size() / 2, static_cast<size_t>(options_.min_summary_lines),
                           static_cast<size_t>(options_.max_summary_lines));
    for (const Candidate* candidate : ranked_) {
      if (story_.summary.size() >= target) break;
      if (repeats_chosen(*candidate) || echoes_covered(*candidate)) continue;
      story_.summary.push_back(sentence_line(*candidate));
      chosen_.push_back(candidate);
      // What other sources say in its place is covered by this line too.
      for (const Candidate* echo : echoes_of(*candidate)) chosen_.push_back(echo);
    }
  }

  // True when what other sources say in this sentence's place is mostly on the summary already:
  // the sentence would say a chosen line again in other words.
  bool echoes_covered(const Candidate& candidate) const {
    std::vector<const Candidate*> echoes = echoes_of(candidate);
    if (echoes.empty()) return false;
    size_t covered = 0;
    for (const Candidate* echo : echoes) {
      covered += std::find(chosen_.begin(), chosen_.end(), echo) != chosen_.end();
    }
    return 2 * covered >= echoes.size();
  }

  // The closest selectable sentence of each other source that says the same, closest first.
  std::vector<const Candidate*> echoes_of(const Candidate& candidate) const {
    std::vector<std::pair<double, const Candidate*>> best(sources_.size(), {0.0, nullptr});
    for (const Candidate& other : candidates_) {
      if (other.position == candidate.position || !other.selectable) continue;
      // The other side of a conflict, or a different count of the same thing, is no echo.
      if (opposed(candidate, other) || numbers_disagree(candidate, other)) continue;
      double similarity = dot(candidate.vector, other.vector);
      if (similarity >= options_.echo_similarity && similarity > best[other.position].first) {
        best[other.position] = {similarity, &other};
      }
    }
    std::stable_sort(best.begin(), best.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const Candidate*> echoes;
    for (const auto& [similarity, echo] : best) {
      if (!echo) break;
      echoes.push_back(echo);
    }
    return echoes;
  }

  // The whole sentence, cited in the stored article.
  Cite cite_of(const Candidate& candidate) const {
    Cite cite = make_cite(documents_[candidate.doc], candidate.span);
    cite.sentence = candidate.sentence;
    return cite;
  }

  // The sentence itself, then the closest sentence of each other source that echoes it.
  SummaryLine sentence_line(const Candidate& candidate) const {
    SummaryLine line;
    line.cites.push_back(cite_of(candidate));
    line.text = one_line(line.cites.front().text);
    // An echo that takes the other side of a conflict from anything already cited on the line
    // would cite a contradiction as support.
    std::vector<const Candidate*> in_line = {&candidate};
    for (const Candidate* echo : echoes_of(candidate)) {
      if (static_cast<int>(line.cites.size()) >= options_.max_cites_per_line) break;
      bool contradicts = std::any_of(in_line.begin(), in_line.end(), [&](const Candidate* cited) {
        return opposed(*cited, *echo);
      });
      if (contradicts) continue;
      in_line.push_back(echo);
      line.cites.push_back(cite_of(*echo));
    }
    return line;
  }

  std::string choose_title() const {
    double best_score = -1;
    std::string best;
    double total_norm = 0;
    for (double weight : total_) total_norm += weight * weight;
    total_norm = std::sqrt(total_norm);
    for (uint32_t index : sources_) {
      const Document& doc = documents_[index];
      if (doc.title.empty()) continue;
      std::string title = strip_site_suffix(doc.title);
      std::vector<std::string> terms = free_text_terms(title);
      double score = 0, norm = 0;
      std::unordered_map<std::string, int> counts;
      for (const std::string& term : terms) counts[term] += 1;
      for (const auto& [term, count] : counts) {
        norm += static_cast<double>(count) * count;
        int64_t id = vocabulary_.find(term);
        if (id >= 0) score += count * total_[static_cast<size_t>(id)];
      }
      score = norm > 0 && total_norm > 0 ? score / (std::sqrt(norm) * total_norm) : 0;
      size_t words = static_cast<size_t>(std::count(title.begin(), title.end(), ' ')) + 1;
      if (words < 4 || words > 24) score *= 0.5;  // labels and run-on titles read badly
      auto machine = machine_.find(doc.id);
      if (machine != machine_.end()) score *= 1.0 - 0.3 * machine->second;
      if (score > best_score) {
        best_score = score;
        best = title;
      }
    }
    if (!best.empty()) return shorten(without_final_stop(best), 160);
    // Without titles: a short sentence from the head of the ranking reads best as a title.
    const Candidate* central = nullptr;
    for (size_t i = 0; i < std::min<size_t>(ranked_.size(), 5) && !central; ++i) {
      const Document& doc = documents_[ranked_[i]->doc];
      bool standalone = !leans_on_context(doc.slice(ranked_[i]->span));
      if (ranked_[i]->words <= 18 && standalone) central = ranked_[i];
    }
    if (!central && !ranked_.empty()) central = ranked_.front();
    for (const Candidate& candidate : candidates_) {
      if (central) break;
      if (!candidate.vector.empty()) central = &candidate;
    }
    if (central) {
      const Document& doc = documents_[central->doc];
      std::string text = without_final_stop(one_line(doc.slice(central->span)));
      if (!text.empty()) return shorten(text, 120);
    }
    return story_.id.empty() ? "Untitled story" : "Story " + story_.id;
  }

  const std::vector<Document>& documents_;
  Story& story_;
  const BriefOptions& options_;
  std::vector<uint32_t> sources_;  // independent articles of the story, corpus indices
  std::unordered_map<std::string, double> machine_;
  std::set<std::pair<std::string, uint32_t>> padding_;
  std::map<std::pair<std::string, uint32_t>, Sides> conflict_sides_;
  Vocabulary vocabulary_;
  std::vector<Candidate> candidates_;
  std::vector<double> total_;             // sum of the sources' unit centroids
  std::vector<const Candidate*> ranked_;  // selectable sentences, best first
  std::vector<const Candidate*> chosen_;
  std::deque<Document> scratch_;  // annotated copies of documents stored without tokens
};

}  // namespace

void write_brief(const std::vector<Document>& documents, Story& story,
                 const BriefOptions& options) {
  BriefWriter(documents, story, options).run();
}

}  // namespace crosscheck
