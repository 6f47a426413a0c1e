// `eval extract`, `eval dates`, `eval titles`: the ingest stage's HTML reader on public
// extraction benchmarks, each scored with the benchmark's own metric definition (see the
// README of ../shared/data/html).
//
//   extract  ScrapingHub article-extraction-benchmark (ground-truth.json): 4-gram shingle
//            precision/recall averaged over pages; trafilatura's evaluation set
//            (evaldata.json): "with"/"without" snippets counted over all pages.
//   dates    htmldate's set (gold-dates.json): exact day, no output counts as a miss.
//   titles   Mozilla Readability's test pages (expected-metadata.json): exact title after
//            whitespace normalisation.
#include <tbb/parallel_for.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "core/problem.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "ingest/ingest.h"

namespace crosscheck::eval {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool read_file(const fs::path& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  bytes = std::move(buffer).str();
  return true;
}

bool read_json(const fs::path& path, json& value, Problems& problems) {
  std::string bytes;
  if (!read_file(path, bytes)) {
    problems.push_back({path.string(), "cannot read the file"});
    return false;
  }
  value = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() && bytes.find(": NaN") != std::string::npos) {
    // Python's json writes a missing value as NaN (htmldate's gold has a few); read it as null.
    std::string fixed;
    size_t start = 0, at;
    while ((at = bytes.find(": NaN", start)) != std::string::npos) {
      fixed.append(bytes, start, at - start).append(": null");
      start = at + 5;
    }
    fixed.append(bytes, start, std::string::npos);
    value = json::parse(fixed, nullptr, /*allow_exceptions=*/false);
  }
  if (value.is_discarded() || !value.is_object()) {
    problems.push_back({path.string(), "not a JSON object"});
    return false;
  }
  return true;
}

// The folder of a benchmark given as the folder itself or as one of its files.
fs::path folder_of(const std::string& data) {
  std::error_code error;
  if (fs::is_directory(data, error)) return data;
  return fs::path(data).parent_path();
}

// One page of a benchmark: where its HTML is, its URL when known, and the extraction result.
struct Page {
  std::string id;
  fs::path html;
  std::string url;
  Document doc;
  bool extracted = false;
  double seconds = 0;
};

// Runs the ingest stage's HTML reader on every page in parallel; pages that cannot be read or
// yield no text stay unextracted (a full miss) and are named in `problems`.
void extract_pages(std::vector<Page>& pages, Problems& problems) {
  std::vector<Problems> page_problems(pages.size());
  tbb::parallel_for(size_t{0}, pages.size(), [&](size_t i) {
    Page& page = pages[i];
    std::string bytes;
    if (!read_file(page.html, bytes)) {
      page_problems[i].push_back({page.html.string(), "cannot read the page"});
      return;
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<Document> docs =
        read_html(bytes, page.html.string(), page_problems[i], IngestOptions{}, page.url);
    page.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!docs.empty()) {
      page.doc = std::move(docs.front());
      page.extracted = true;
    }
  });
  for (Problems& list : page_problems) {
    for (Problem& problem : list) problems.push_back(std::move(problem));
  }
}

// Pages per second of one core: pages over the summed time spent in the reader.
double pages_per_core_second(const std::vector<Page>& pages) {
  double seconds = 0;
  for (const Page& page : pages) seconds += page.seconds;
  return seconds > 0 ? static_cast<double>(pages.size()) / seconds : 0;
}

// Python's `re.findall(r'\w+', text)` for str patterns: runs of letters, digits, numeric
// characters and underscores.
std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  int32_t i = 0, length = static_cast<int32_t>(text.size());
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    bool word = c == '_';
    if (c >= 0 && !word) {
      int8_t type = u_charType(c);
      word = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER ||
             type == U_TITLECASE_LETTER || type == U_MODIFIER_LETTER || type == U_OTHER_LETTER ||
             u_getNumericValue(c) != U_NO_NUMERIC_VALUE;
    }
    if (word) {
      current.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// Multiset of 4-gram shingles (one shingle of all tokens when there are fewer than four).
std::map<std::string, int> shingles(const std::vector<std::string>& tokens) {
  constexpr size_t kN = 4;
  std::map<std::string, int> out;
  size_t count = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    for (size_t j = i; j < std::min(tokens.size(), i + kN); ++j) {
      key += tokens[j];
      key.push_back('\x1f');
    }
    if (!key.empty()) ++out[key];
  }
  return out;
}

struct ShingleScore {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  size_t pages = 0;
};

// The ScrapingHub metric over (gold, predicted) texts.
ShingleScore score_shingles(const std::vector<std::pair<std::string, std::string>>& pairs) {
  ShingleScore score;
  for (const auto& [gold, predicted] : pairs) {
    std::vector<std::string> gold_tokens = word_tokens(gold);
    std::vector<std::string> predicted_tokens = word_tokens(predicted);
    auto gold_shingles = shingles(gold_tokens);
    auto predicted_shingles = shingles(predicted_tokens);
    double tp = 0, fp = 0, fn = 0;
    for (const auto& [key, count] : predicted_shingles) {
      auto found = gold_shingles.find(key);
      int shared = found == gold_shingles.end() ? 0 : std::min(count, found->second);
      tp += shared;
      fp += count - shared;
    }
    for (const auto& [key, count] : gold_shingles) {
      auto found = predicted_shingles.find(key);
      fn += count - (found == predicted_shingles.end() ? 0 : std::min(count, found->second));
    }
    if (fp == 0 && fn == 0) {
      score.precision += 1;
      score.recall += 1;
    } else {
      score.precision += tp + fp > 0 ? tp / (tp + fp) : 0;
      score.recall += tp + fn > 0 ? tp / (tp + fn) : 0;
    }
    score.accuracy += gold_tokens == predicted_tokens ? 1 : 0;
    ++score.pages;
  }
  if (score.pages > 0) {
    score.precision /= static_cast<double>(score.pages);
    score.recall /= static_cast<double>(score.pages);
    score.accuracy /= static_cast<double>(score.pages);
  }
  score.f1 = f1(score.precision, score.recall);
  return score;
}

void print_scores(std::ostream& out, const std::string& system, double f, double p, double r,
                  double a) {
  char line[160];
  std::snprintf(line, sizeof line, "%-34s %6.3f %6.3f %6.3f %6.3f\n", system.c_str(), f, p, r, a);
  out << line;
}

int run_scrapinghub(const fs::path& folder, std::ostream& out, std::ostream& err) {
  Problems problems;
  json truth;
  if (!read_json(folder / "ground-truth.json", truth, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  std::vector<Page> pages;
  for (const auto& [id, entry] : truth.items()) {
    Page page;
    page.id = id;
    page.html = folder / "html" / (id + ".html.gz");
    if (entry.is_object()) page.url = entry.value("url", "");
    pages.push_back(std::move(page));
  }
  extract_pages(pages, problems);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const Page& page : pages) {
    const json& entry = truth[page.id];
    std::string gold = entry.is_object() ? entry.value("articleBody", "") : "";
    pairs.emplace_back(gold, page.extracted ? page.doc.text : "");
  }
  ShingleScore score = score_shingles(pairs);
  double speed = pages_per_core_second(pages);
  out << "extract (ScrapingHub article bodies): " << folder.string() << ", " << pages.size()
      << " pages, " << static_cast<int>(speed) << " pages/s per core\n";
  out << "system                                 f1      p      r    acc\n";
  print_scores(out, "crosscheck", score.f1, score.precision, score.recall, score.accuracy);
  json metrics = {{"benchmark", "scrapinghub"}, {"precision", score.precision},
                  {"recall", score.recall},     {"f1", score.f1},
                  {"accuracy", score.accuracy}, {"pages", pages.size()},
                  {"pages_per_s", speed}};
  // The benchmark's published outputs of other systems, scored by the same code.
  std::error_code error;
  fs::path references = folder / "reference-output";
  if (fs::is_directory(references, error)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(references, error)) files.push_back(entry);
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      json reference;
      if (file.extension() != ".json" || !read_json(file, reference, problems)) continue;
      const json& output = reference.contains("output") ? reference["output"] : reference;
      std::vector<std::pair<std::string, std::string>> reference_pairs;
      for (const auto& [id, entry] : truth.items()) {
        std::string gold = entry.is_object() ? entry.value("articleBody", "") : "";
        std::string predicted;
        if (output.is_object() && output.contains(id) && output[id].is_object()) {
          predicted = output[id].value("articleBody", "");
        }
        reference_pairs.emplace_back(gold, predicted);
      }
      ShingleScore other = score_shingles(reference_pairs);
      std::string name = file.stem().string();
      name = name.substr(0, name.find('.'));
      print_scores(out, name + " (published output)", other.f1, other.precision, other.recall,
                   other.accuracy);
      metrics["reference_" + name + "_f1"] = other.f1;
    }
  }
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

// Whitespace runs (ASCII, no-break space U+00A0, ideographic space U+3000) to one space.
std::string collapse(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string_view rest = text.substr(i);
    size_t wide = rest.starts_with("\xC2\xA0") ? 2 : rest.starts_with("\xE3\x80\x80") ? 3 : 0;
    if (wide > 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      if (wide > 0) i += wide - 1;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> strings_of(const json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const json& item : value) {
    if (item.is_string()) out.push_back(collapse(item.get<std::string>()));
  }
  return out;
}

int run_trafilatura(const fs::path& folder, std::ostream& out, std::ostream& err) {
  Problems problems;
  json truth;
  if (!read_json(folder / "evaldata.json", truth, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  std::vector<Page> pages;
  for (const auto& [file, entry] : truth.items()) {
    Page page;
    page.id = file;
    page.html = folder / "html" / (file + ".gz");
    if (entry.is_object()) page.url = entry.value("url", "");
    pages.push_back(std::move(page));
  }
  extract_pages(pages, problems);
  size_t tp = 0, fn = 0, fp = 0, tn = 0;
  for (const Page& page : pages) {
    const json& entry = truth[page.id];
    if (!entry.is_object()) continue;
    std::string text = page.extracted ? collapse(page.doc.text) : "";
    for (const std::string& snippet : strings_of(entry.value("with", json::array()))) {
      bool found = page.extracted && text.find(snippet) != std::string::npos;
      (found ? tp : fn) += 1;
    }
    for (const std::string& snippet : strings_of(entry.value("without", json::array()))) {
      bool found = page.extracted && text.find(snippet) != std::string::npos;
      (found ? fp : tn) += 1;
    }
  }
  auto ratio = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  double precision = ratio(tp, tp + fp), recall = ratio(tp, tp + fn);
  double accuracy = ratio(tp + tn, tp + tn + fp + fn);
  double f = ratio(2 * tp, 2 * tp + fp + fn);
  double speed = pages_per_core_second(pages);
  out << "extract (trafilatura evaluation snippets): " << folder.string() << ", " << pages.size()
      << " pages, " << static_cast<int>(speed) << " pages/s per core\n"
      << "with snippets found " << tp << " of " << tp + fn << ", without snippets found " << fp
      << " of " << fp + tn << "\n";
  out << "system                                 f1      p      r    acc\n";
  print_scores(out, "crosscheck", f, precision, recall, accuracy);
  json metrics = {
      {"benchmark", "trafilatura"}, {"precision", precision}, {"recall", recall},    {"f1", f},
      {"accuracy", accuracy},       {"pages", pages.size()},  {"pages_per_s", speed}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace

int run_extract(const std::string& data, std::ostream& out, std::ostream& err) {
  fs::path folder = folder_of(data);
  std::error_code error;
  if (fs::exists(folder / "ground-truth.json", error)) return run_scrapinghub(folder, out, err);
  if (fs::exists(folder / "evaldata.json", error)) return run_trafilatura(folder, out, err);
  err << data << ": neither ground-truth.json (ScrapingHub) nor evaldata.json (trafilatura)\n";
  return kExitFatal;
}

int run_dates(const std::string& data, std::ostream& out, std::ostream& err) {
  fs::path folder = folder_of(data);
  Problems problems;
  json gold, provenance;
  if (!read_json(folder / "gold-dates.json", gold, problems)) {
    report_problems(problems, err);
    return kExitFatal;
  }
  std::error_code error;
  if (fs::exists(folder / "pages.json", error))
    read_json(folder / "pages.json", provenance, problems);
  std::vector<Page> pages;
  size_t without_gold = 0;
  for (const auto& [file, date] : gold.items()) {
    if (!date.is_string()) {  // no gold date: not scored
      ++without_gold;
      continue;
    }
    Page page;
    page.id = file;
    page.html = folder / "html" / (file + ".gz");
    if (provenance.is_object() && provenance.contains(file)) {
      const json& urls = provenance[file].value("urls", json::array());
      if (urls.is_array() && !urls.empty() && urls[0].is_string()) page.url = urls[0];
    }
    pages.push_back(std::move(page));
  }
  extract_pages(pages, problems);
  size_t tp = 0, fp = 0, fn = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_provenance;  // from -> (right, wrong)
  for (const Page& page : pages) {
    std::string expected = gold[page.id].is_string() ? gold[page.id].get<std::string>() : "";
    if (!page.extracted || page.doc.published.empty()) {
      ++fn;
      continue;
    }
    bool right = page.doc.published == expected;
    (right ? tp : fp) += 1;
    auto& counts = by_provenance[page.doc.published_from];
    (right ? counts.first : counts.second) += 1;
  }
  auto ratio = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  double precision = ratio(tp, tp + fp), recall = ratio(tp, tp + fn);
  double accuracy = ratio(tp, tp + fp + fn);
  double f = f1(precision, recall);
  out << "dates (htmldate publication dates): " << folder.string() << ", " << pages.size()
      << " pages with a gold date (" << without_gold << " without, not scored): " << tp
      << " right, " << fp << " wrong, " << fn << " without a date\n";
  out << "system                                 f1      p      r    acc\n";
  print_scores(out, "crosscheck", f, precision, recall, accuracy);
  out << "by provenance (right / wrong):";
  for (const auto& [from, counts] : by_provenance) {
    out << ' ' << from << ' ' << counts.first << '/' << counts.second;
  }
  out << '\n';
  json metrics = {
      {"precision", precision}, {"recall", recall},      {"f1", f},
      {"accuracy", accuracy},   {"pages", pages.size()}, {"pages_without_gold", without_gold}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

int run_titles(const std::string& data, std::ostream& out, std::ostream& err) {
  fs::path folder = folder_of(data);
  std::error_code error;
  if (fs::is_directory(folder / "test-pages", error)) folder /= "test-pages";
  Problems problems;
  std::vector<Page> pages;
  std::vector<std::string> expected;
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.is_directory(error)) entries.push_back(entry.path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    json metadata;
    if (!read_json(entry / "expected-metadata.json", metadata, problems)) continue;
    if (!metadata.contains("title") || !metadata["title"].is_string()) continue;
    Page page;
    page.id = entry.filename().string();
    page.html = entry / "source.html.gz";
    if (!fs::exists(page.html, error)) page.html = entry / "source.html";
    pages.push_back(std::move(page));
    expected.push_back(collapse(metadata["title"].get<std::string>()));
  }
  if (pages.empty()) {
    err << data << ": no test pages with expected-metadata.json\n";
    return kExitFatal;
  }
  extract_pages(pages, problems);
  size_t exact = 0;
  std::ostringstream misses;
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string title = pages[i].extracted ? collapse(pages[i].doc.title) : "";
    if (title == expected[i]) {
      ++exact;
    } else {
      misses << "  " << pages[i].id << ": \"" << title << "\" (expected \"" << expected[i]
             << "\")\n";
    }
  }
  double share = static_cast<double>(exact) / static_cast<double>(pages.size());
  out << "titles (Readability test pages): " << folder.string() << ", " << pages.size()
      << " pages, " << exact << " exact (" << share << ")\n"
      << misses.str();
  json metrics = {{"exact", share}, {"pages", pages.size()}};
  out << metrics.dump() << std::endl;
  return report_problems(problems, err);
}

}  // namespace crosscheck::eval
