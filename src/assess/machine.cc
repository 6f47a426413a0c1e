// score_machine: a logistic score over stylometric features of machine-written news. Each
// feature is a number in a documented range; the probability is
// sigmoid(bias + sum(weight * feature)), and every feature that pushes the score up by more
// than kReasonContribution gives a reason in plain words.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "assess/assess.h"
#include "assess/features.h"
#include "text/text.h"

namespace crosscheck {

namespace assess {

namespace {

// Rates per 100 words say little about very short texts.
constexpr int kMinWordsForRates = 60;

// Phrases language models reach for in news prose and reporters rarely write.
constexpr std::string_view kStockPhrases[] = {"in a significant move",
                                              "only time will tell",
                                              "it is clear that",
                                              "remains to be seen",
                                              "underscore",
                                              "multifaceted",
                                              "multi-faceted",
                                              "navigate the complex",
                                              "pave the way",
                                              "paving the way",
                                              "a testament to",
                                              "delve",
                                              "in conclusion",
                                              "it is important to note",
                                              "it's important to note",
                                              "plays a crucial role",
                                              "play a crucial role",
                                              "a pivotal",
                                              "ever-evolving",
                                              "sheds light",
                                              "shed light",
                                              "tapestry",
                                              "serves as a reminder",
                                              "a reminder of the",
                                              "the importance of",
                                              "a complex interplay",
                                              "continues to evolve",
                                              "as the situation",
                                              "it is worth noting",
                                              "stay tuned",
                                              "at the forefront",
                                              "a critical role",
                                              "amidst",
                                              "looking ahead",
                                              "in today's",
                                              "the path forward",
                                              "a new chapter"};

// Generic, hedging and emphasis words that are over-used by models.
constexpr std::string_view kGenericWords[] = {
    "significant",  "significantly", "crucial",       "pivotal",       "various",
    "potential",    "potentially",   "comprehensive", "robust",        "foster",
    "landscape",    "navigate",      "complexities",  "dynamics",      "implications",
    "stakeholders", "enhance",       "notably",       "additionally",  "furthermore",
    "moreover",     "ultimately",    "vital",         "essential",     "transformative",
    "profound",     "realm",         "evolving",      "heightened",    "broader",
    "substantial",  "alleviate",     "emphasizing",   "highlighting",  "underscoring",
    "prospects",    "ramifications", "commitment",    "collaborative", "unprecedented",
    "concerns",     "efforts",       "ongoing",       "amid",          "overall"};

constexpr std::string_view kScaffoldLines[] = {"key points",
                                               "key takeaways",
                                               "summary",
                                               "in summary",
                                               "conclusion",
                                               "frequently asked questions",
                                               "faq",
                                               "faqs",
                                               "article subheadings",
                                               "table of contents",
                                               "highlights",
                                               "takeaways",
                                               "final thoughts",
                                               "background",
                                               "what's next",
                                               "what happens next",
                                               "the bottom line"};

constexpr std::string_view kAttributionWords[] = {"said",   "says",      "told",     "according",
                                                  "stated", "announced", "reported", "added"};

std::string trimmed_line(std::string_view line) {
  size_t begin = 0, end = line.size();
  auto junk = [](char c) {
    return c == ' ' || c == '*' || c == '#' || c == '|' || c == ':' || c == '-' || c == '_' ||
           c == '.' || c == '\t';
  };
  while (begin < end && junk(line[begin])) ++begin;
  while (end > begin && junk(line[end - 1])) --end;
  return fold_case(line.substr(begin, end - begin));
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

size_t count_occurrences(std::string_view haystack, std::string_view needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++count;
  return count;
}

bool is_ai_byline(const std::string& line) {
  static const RE2 byline(
      R"(^(by |written by |generated by |created by |author )?(an )?(ai|a\.i\.|chatgpt|gpt-?[0-9.]*[a-z]*|openai|artificial intelligence|ai assistant|ai model|ai writer|ai newsroom|ai-generated)( model| assistant| tool)?$)");
  return line.size() < 40 && RE2::FullMatch(line, byline);
}

const RE2& encyclopedic_pattern() {
  static const RE2 pattern(
      R"((?i)(\bborn (on |in )?[^.]{0,30}\b1[89]\d\d\b|\bserved as\b[^.]{0,80}\bfrom (19|20)\d\d to ((19|20)\d\d|present)|\b(the|an?) [^.,]{1,50}\b(refers|is a term used) to\b|\bis an? (\w+ ){0,3}(politician|country|nation|city|organi[sz]ation|company|state|region|diplomat|businessman|lawyer)\b|\bhas been in power since\b|\bwas founded in\b|\bis (located|situated) in\b|\bheld the (office|post|position) of\b|\bgraduated from\b))");
  return pattern;
}

}  // namespace

bool is_encyclopedic(std::string_view sentence) {
  return RE2::PartialMatch(sentence, encyclopedic_pattern());
}

Features machine_features(const Document& input) {
  const Document* doc = &input;
  Document annotated;
  if (input.sentences.empty() && !input.text.empty()) {
    annotated.text = input.text;
    annotated.lang = input.lang;
    annotate_text(annotated);
    doc = &annotated;
  }
  Features f;
  const std::string lower = fold_case(doc->text);
  std::vector<std::string_view> lines = lines_of(doc->text);

  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = trimmed_line(lines[i]);
    if (line.empty()) continue;
    bool near_edge = i < 10 || i + 4 >= lines.size();
    if (near_edge && is_ai_byline(line)) f.ai_byline = 1;
    for (std::string_view scaffold : kScaffoldLines)
      if (line == scaffold) ++f.scaffold_lines;
    if (line.starts_with("question") && line.size() > 12 &&
        fold_case(lines[i].substr(0, 9)).starts_with("question:"))
      ++f.scaffold_lines;
    std::string_view raw = lines[i];
    if (raw.find("---|") != std::string_view::npos || raw.find("|---") != std::string_view::npos)
      ++f.scaffold_lines;
    if ((raw.starts_with("**") && raw.ends_with("**")) || raw.starts_with("## ") ||
        raw.starts_with("### "))
      ++f.markdown_headings;
  }

  for (std::string_view phrase : kStockPhrases) {
    size_t count = count_occurrences(lower, phrase);
    f.stock_phrases += static_cast<double>(count);
    if (count > 0 && f.stock_examples.size() < 3) f.stock_examples.emplace_back(phrase);
  }

  // Words, attribution cues, generic words, capitalised words inside sentences.
  int words = 0, generic = 0, attributions = 0, names = 0, digits = 0;
  for (size_t t = 0; t < doc->tokens.size(); ++t) {
    const Token& token = doc->tokens[t];
    if (token.shape == TokenShape::kNumber) ++digits;
    if (token.shape != TokenShape::kWord) continue;
    ++words;
    const std::string& w = token.lower;
    for (std::string_view g : kGenericWords)
      if (w == g) ++generic;
    for (std::string_view a : kAttributionWords)
      if (w == a) ++attributions;
    bool sentence_start = t == 0 || doc->tokens[t - 1].sentence != token.sentence;
    if (token.capitalized && !sentence_start) ++names;
  }
  attributions += static_cast<int>(count_occurrences(doc->text, "\u201C") +
                                   count_occurrences(doc->text, "\"") / 2);
  f.words = words;

  std::vector<double> lengths;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    std::string_view sentence = doc->slice(doc->sentences[s].span);
    int n = 0;
    bool in_word = false;
    for (char c : sentence) {
      bool letter = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
      if (letter && !in_word) ++n;
      in_word = letter;
    }
    if (n >= 4) lengths.push_back(n);
    if (is_encyclopedic(sentence)) ++f.encyclopedic_sentences;
  }
  if (lengths.size() >= 5) {
    double mean = 0;
    for (double x : lengths) mean += x;
    mean /= static_cast<double>(lengths.size());
    double var = 0;
    for (double x : lengths) var += (x - mean) * (x - mean);
    var /= static_cast<double>(lengths.size());
    f.length_variation = mean > 0 ? std::sqrt(var) / mean : 0;
    f.has_length_variation = true;
  }
  if (words > 0) {
    const double per100 = 100.0 / words;
    f.generic_rate = generic * per100;
    f.attribution_rate = attributions * per100;
    f.name_rate = names * per100;
    f.digit_rate = digits * per100;
  }
  return f;
}

MachineScore score_features(const Features& f) {
  struct Term {
    double value;
    double weight;
    std::string reason;
  };
  char buffer[160];
  std::vector<Term> terms;
  terms.push_back({f.ai_byline, 6.0, "the byline names an AI as the author"});
  std::snprintf(buffer, sizeof buffer,
                "%d lines of template scaffolding (key points, summary, FAQ, subheading tables)",
                f.scaffold_lines);
  terms.push_back({std::min(f.scaffold_lines, 6) / 2.0, 1.2, buffer});
  std::snprintf(buffer, sizeof buffer, "%d markdown-style bold headings", f.markdown_headings);
  terms.push_back({std::min(f.markdown_headings, 4) / 2.0, 1.0, buffer});
  std::string examples;
  for (const std::string& example : f.stock_examples)
    examples += (examples.empty() ? "\"" : ", \"") + example + "\"";
  std::snprintf(buffer, sizeof buffer, "%d stock phrases typical of language models",
                static_cast<int>(f.stock_phrases));
  terms.push_back({std::min<double>(f.stock_phrases, 8), 0.55,
                   std::string(buffer) + (examples.empty() ? "" : " (" + examples + ")")});
  std::snprintf(buffer, sizeof buffer,
                "%d encyclopedia-style background sentences (born on, served as ... from ... to, "
                "refers to)",
                f.encyclopedic_sentences);
  terms.push_back({std::min<double>(f.encyclopedic_sentences, 5), 0.5, buffer});
  if (f.has_length_variation) {
    std::snprintf(buffer, sizeof buffer,
                  "uniform sentence lengths (variation %.2f; reporting usually varies more)",
                  f.length_variation);
    terms.push_back({std::clamp(0.6 - f.length_variation, 0.0, 0.6) / 0.6, 0.5, buffer});
  }
  if (f.words >= kMinWordsForRates) {
    std::snprintf(buffer, sizeof buffer, "%.1f generic or hedging words per 100 words",
                  f.generic_rate);
    terms.push_back({std::min(f.generic_rate, 4.0), 0.3, buffer});
    std::snprintf(buffer, sizeof buffer,
                  "few attributions or quotes for its length (%.1f per 100 words)",
                  f.attribution_rate);
    terms.push_back({std::clamp(2.5 - f.attribution_rate, 0.0, 2.5) / 2.5, 2.5, buffer});
    std::snprintf(buffer, sizeof buffer, "few names and figures (%.1f per 100 words)",
                  f.name_rate + f.digit_rate);
    terms.push_back({std::clamp(16.0 - f.name_rate - f.digit_rate, 0.0, 12.0) / 12.0, 1.2, buffer});
  }
  constexpr double kBias = -3.0;
  constexpr double kReasonContribution = 0.5;
  double z = kBias;
  std::vector<std::pair<double, std::string>> reasons;
  for (const Term& term : terms) {
    double contribution = term.value * term.weight;
    z += contribution;
    if (contribution >= kReasonContribution) reasons.emplace_back(contribution, term.reason);
  }
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  MachineScore score;
  score.p = 1.0 / (1.0 + std::exp(-z));
  for (auto& [weight, reason] : reasons) score.reasons.push_back(std::move(reason));
  return score;
}

}  // namespace assess

MachineScore score_machine(const Document& doc) {
  return assess::score_features(assess::machine_features(doc));
}

}  // namespace crosscheck
