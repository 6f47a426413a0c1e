// `eval values`: MONEY, PERCENT and QUANTITY spans on MEANTIME (NewsReader CAT XML).
//
// The gold tokens are joined into text (no space before closing punctuation or after an
// opening bracket or currency sign), the text stage and the time and quantity readers run, and
// each quantity is typed by its unit: a currency is MONEY, "%" and percentage points PERCENT,
// anything else QUANTITY. A system value matches a gold VALUE with the same type when it covers
// exactly the same tokens (`f1`) or overlaps them (`relaxed_f1`), one to one. MEANTIME
// annotates the title and first sentences of each article only; values in later sentences are
// not scored. Most MEANTIME spans leave the bound out ("just over [54,000]"), some keep it
// ("[over $6.7 billion]"): a system value is exact when its tokens equal the gold ones with or
// without the words before its first digit or currency sign.
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "eval/annotated_files.h"
#include "eval/metrics.h"
#include "eval/tasks.h"
#include "eval/timeml.h"
#include "extract/extract.h"
#include "text/text.h"

namespace crosscheck::eval {

namespace {

bool attaches_left(const std::string& token) {
  return token == "," || token == "." || token == "%" || token == ")" || token == ":" ||
         token == ";" || token == "?" || token == "!" || token == "'s" || token == "n't";
}

bool attaches_right(const std::string& token) {
  return token == "(" || (!token.empty() && token.back() == '$') || token == "€" || token == "£";
}

struct Joined {
  std::string text;
  std::vector<Span> spans;  // byte span of each token
};

Joined join_tokens(const CatDocument& cat) {
  Joined joined;
  for (size_t i = 0; i < cat.tokens.size(); ++i) {
    if (i > 0) {
      if (cat.token_sentence[i] != cat.token_sentence[i - 1]) {
        joined.text += '\n';
      } else if (!attaches_left(cat.tokens[i]) && !attaches_right(cat.tokens[i - 1])) {
        joined.text += ' ';
      }
    }
    uint32_t start = static_cast<uint32_t>(joined.text.size());
    joined.text += cat.tokens[i];
    joined.spans.push_back({start, static_cast<uint32_t>(joined.text.size())});
  }
  return joined;
}

std::string value_type(const Quantity& quantity) {
  if (quantity.unit == "%" || quantity.unit == "pp") return "PERCENT";
  if (quantity.unit.size() == 3 && std::isupper(static_cast<unsigned char>(quantity.unit[0])) &&
      std::isupper(static_cast<unsigned char>(quantity.unit[2])))
    return "MONEY";
  return "QUANTITY";
}

struct Candidate {
  size_t first = 0, last = 0;  // token range, inclusive
  size_t number = 0;           // first token that starts with a digit or a currency sign
  std::string type;
  bool used = false;
};

struct Counts {
  size_t gold = 0, system = 0, exact = 0, relaxed = 0, untyped = 0;
};

}  // namespace

int run_values(const std::string& data, std::ostream& out, std::ostream& err) {
  Problems problems;
  std::string path = data;
  // The MEANTIME folder holds each document twice (intra-doc and cross-doc annotation).
  if (std::string intra = data + "/intra-doc_annotation"; std::filesystem::is_directory(intra))
    path = intra;
  std::vector<std::string> files = annotated_files(path, {".xml"}, problems);
  Counts counts;
  std::map<std::string, Counts> per_type;
  size_t documents = 0;
  for (const std::string& file : files) {
    std::string xml, error;
    if (!read_file(file, xml, problems)) continue;
    CatDocument cat;
    if (!read_cat(xml, "VALUE", cat, error)) {
      problems.push_back({file, error});
      continue;
    }
    ++documents;
    Joined joined = join_tokens(cat);
    Document doc;
    doc.id = file;
    doc.text = std::move(joined.text);
    annotate_text(doc);
    annotate_values(doc, "");
    std::vector<Candidate> system;
    for (const Quantity& quantity : doc.quantities) {
      Candidate candidate{SIZE_MAX, 0, 0, value_type(quantity)};
      for (size_t t = 0; t < joined.spans.size(); ++t) {
        // Only the sentences the annotators covered are scored.
        if (cat.token_sentence[t] > cat.last_annotated_sentence) break;
        if (!joined.spans[t].overlaps(quantity.span)) continue;
        candidate.first = std::min(candidate.first, t);
        candidate.last = t;
      }
      if (candidate.first == SIZE_MAX) continue;
      candidate.number = candidate.first;
      for (size_t t = candidate.first; t <= candidate.last; ++t) {
        unsigned char c = cat.tokens[t].empty() ? 'a' : cat.tokens[t][0];
        if (!std::isalpha(c) || cat.tokens[t].find('$') != std::string::npos) {
          candidate.number = t;
          break;
        }
      }
      system.push_back(candidate);
    }
    counts.system += system.size();
    for (const Candidate& candidate : system) ++per_type[candidate.type].system;
    for (const CatMarkable& gold : cat.markables) {
      ++counts.gold;
      ++per_type[gold.type].gold;
      size_t first = gold.tokens.front(), last = gold.tokens.back();
      Candidate* exact = nullptr;
      Candidate* relaxed = nullptr;
      Candidate* untyped = nullptr;
      for (Candidate& candidate : system) {
        if (candidate.used || candidate.last < first || candidate.first > last) continue;
        if (!untyped) untyped = &candidate;
        if (candidate.type != gold.type) continue;
        if ((candidate.first == first || candidate.number == first) && candidate.last == last)
          exact = &candidate;
        if (!relaxed) relaxed = &candidate;
      }
      if (untyped) ++counts.untyped;
      if (Candidate* match = exact ? exact : relaxed) {
        match->used = true;
        ++counts.relaxed;
        ++per_type[gold.type].relaxed;
        if (exact) {
          ++counts.exact;
          ++per_type[gold.type].exact;
        }
      }
    }
  }
  int exit_code = report_problems(problems, err);
  if (documents == 0) {
    err << data << ": no CAT documents\n";
    return kExitFatal;
  }
  auto f = [](const Counts& c, size_t correct) {
    return f1(c.system ? double(correct) / c.system : 0, c.gold ? double(correct) / c.gold : 0);
  };
  char line[160];
  out << "VALUE on " << documents << " documents: " << counts.gold << " gold, " << counts.system
      << " found\n\n| type | gold | found | exact span F1 | overlap F1 "
         "|\n|---|---:|---:|---:|---:|\n";
  for (const auto& [type, c] : per_type) {
    std::snprintf(line, sizeof line, "| %s | %zu | %zu | %.4f | %.4f |\n", type.c_str(), c.gold,
                  c.system, f(c, c.exact), f(c, c.relaxed));
    out << line;
  }
  std::snprintf(line, sizeof line, "| all | %zu | %zu | %.4f | %.4f |\n", counts.gold,
                counts.system, f(counts, counts.exact), f(counts, counts.relaxed));
  out << line;
  nlohmann::json result = {{"documents", documents},
                           {"gold", counts.gold},
                           {"system", counts.system},
                           {"precision", counts.system ? double(counts.exact) / counts.system : 0},
                           {"recall", counts.gold ? double(counts.exact) / counts.gold : 0},
                           {"f1", f(counts, counts.exact)},
                           {"relaxed_f1", f(counts, counts.relaxed)},
                           {"untyped_relaxed_f1", f(counts, counts.untyped)}};
  out << result.dump() << '\n';
  return exit_code;
}

}  // namespace crosscheck::eval
