// crosscheck train syntax: tagger, lemmatiser, morphology table and parser from UD English EWT.
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <unordered_set>

#include "core/problem.h"
#include "core/ud.h"
#include "syntax/clusters.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "syntax/transition.h"

namespace crosscheck::syntax {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A training sentence: words with gold annotation in the model's encodings.
struct Example {
  Words words;                // forms point into the ConlluSentence
  std::vector<uint16_t> tag;  // gold joint tag class
  std::vector<int> head;      // gold head, projectivised; n = root
  std::vector<int> label;     // gold parser label index
};

// Lifts non-projective arcs (the shortest first) to the head's head until the tree is
// projective; `head` uses n for the root.
void projectivize(std::vector<int>& head) {
  const int n = static_cast<int>(head.size());
  auto dominated = [&](int k, int h) {
    for (int steps = 0; k != n && k >= 0 && steps <= n; ++steps) {
      if (k == h) return true;
      k = head[k];
    }
    return h == n;
  };
  for (int round = 0; round < n * n + 1; ++round) {
    int worst = -1, worst_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      int h = head[d];
      if (h == n) continue;
      int lo = std::min(h, d), hi = std::max(h, d);
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominated(k, h)) {
          if (hi - lo < worst_len) {
            worst = d;
            worst_len = hi - lo;
          }
          break;
        }
      }
    }
    if (worst < 0) return;
    head[worst] = head[head[worst]];
  }
}

// ---- the tagger ----

struct TaggerTrainer {
  TrainWeights pass1, pass2;
  bool two_pass;
  explicit TaggerTrainer(int classes, bool two) : pass1(classes), pass2(classes), two_pass(two) {}

  void train(std::vector<Example*>& examples, int iterations, uint64_t seed) {
    Rng rng(seed);
    std::vector<uint64_t> features;
    std::vector<float> scores(pass1.classes());
    std::vector<uint16_t> first, second;
    for (int it = 0; it < iterations; ++it) {
      rng.shuffle(examples);
      for (Example* ex : examples) {
        const size_t n = ex->words.size();
        first.assign(n, 0);
        for (size_t i = 0; i < n; ++i) {
          tagger_features(ex->words, i, first.data(), nullptr, features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          pass1.score(features, scores.data());
          int guess =
              static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          pass1.update(features, ex->tag[i], guess);
          first[i] = static_cast<uint16_t>(guess);
        }
        if (!two_pass) continue;
        second.assign(n, 0);
        for (size_t i = 0; i < n; ++i) {
          tagger_features(ex->words, i, second.data(), first.data(), features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          pass2.score(features, scores.data());
          int guess =
              static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
          pass2.update(features, ex->tag[i], guess);
          second[i] = static_cast<uint16_t>(guess);
        }
      }
    }
  }

  Tagger finish(const std::vector<std::pair<Upos, uint8_t>>& classes, float prune) {
    Tagger tagger;
    tagger.classes = classes;
    tagger.two_pass = two_pass;
    tagger.pass1 = pass1.average(prune);
    if (two_pass) tagger.pass2 = pass2.average(prune);
    return tagger;
  }
};

// ---- the parser's dynamic oracle (Goldberg & Nivre 2012, arc-eager) ----

struct Oracle {
  const std::vector<int>& gh;  // gold heads, n = root
  const std::vector<int>& gl;  // gold labels
  std::vector<char> in_stack;

  int shift_cost(const State& st) const {
    int b = st.b, c = 0;
    for (int k : st.stack) {
      if (gh[b] == k) ++c;
      if (gh[k] == b && st.head[k] < 0) ++c;
    }
    return c;
  }
  int right_cost(const State& st) const {
    int s = st.s0(), b = st.b, c = 0;
    int h = gh[b];
    if (h != s && (h > b || (h < st.n && in_stack[h]))) ++c;
    for (int k : st.stack) {
      if (gh[k] == b && st.head[k] < 0) ++c;
    }
    return c;
  }
  int left_cost(const State& st) const {
    int s = st.s0(), b = st.b, c = 0;
    for (int d = b; d < st.n; ++d) c += gh[d] == s;
    if (gh[s] != b && gh[s] >= b) ++c;
    return c;
  }
  int reduce_cost(const State& st) const {
    int s = st.s0(), c = 0;
    for (int d = st.b; d < st.n; ++d) c += gh[d] == s;
    return c;
  }
};

struct ParserTrainer {
  TrainWeights weights;
  int labels;
  explicit ParserTrainer(int label_count) : weights(2 + 2 * label_count), labels(label_count) {}

  void train(std::vector<Example*>& examples, int iterations, uint64_t seed, std::ostream& log) {
    Rng rng(seed);
    std::vector<uint64_t> features;
    const int actions = 2 + 2 * labels;
    std::vector<float> scores(actions);
    std::vector<int> costs(actions);
    State st;
    for (int it = 0; it < iterations; ++it) {
      auto start = Clock::now();
      rng.shuffle(examples);
      size_t correct = 0, total = 0;
      for (Example* ex : examples) {
        const int n = static_cast<int>(ex->words.size());
        st.init(n);
        Oracle oracle{ex->head, ex->label, std::vector<char>(n + 1, 0)};
        while (!st.terminal()) {
          for (int k : st.stack) oracle.in_stack[k] = 1;
          parser_features(ex->words, st, features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          weights.score(features, scores.data());
          const int pred = best_valid(st, scores.data(), actions);
          // Costs of every valid action.
          const bool has_stack = !st.stack.empty();
          const int sc = st.valid(kShift) ? oracle.shift_cost(st) : -1;
          const int rc = st.valid(kReduce) ? oracle.reduce_cost(st) : -1;
          const int lc = has_stack && st.head[st.s0()] < 0 ? oracle.left_cost(st) : -1;
          const int ac = has_stack && st.b < n ? oracle.right_cost(st) : -1;
          int best = -1, best_cost = 1 << 30;
          for (int a = 0; a < actions; ++a) {
            if (!st.valid(a)) {
              costs[a] = -1;
              continue;
            }
            int c;
            if (a == kShift)
              c = sc;
            else if (a == kReduce)
              c = rc;
            else if (is_left(a)) {
              int s = st.s0();
              c = lc + (ex->head[s] == st.b && ex->label[s] != action_label(a));
            } else {
              c = ac + (ex->head[st.b] == st.s0() && ex->label[st.b] != action_label(a));
            }
            costs[a] = c;
            if (c < best_cost || (c == best_cost && scores[a] > scores[best])) {
              best = a;
              best_cost = c;
            }
          }
          for (int k : st.stack) oracle.in_stack[k] = 0;
          if (pred < 0 || best < 0) break;
          ++total;
          if (costs[pred] == best_cost) {
            ++correct;
            weights.tick();
            st.apply(pred);
            continue;
          }
          weights.update(features, best, pred);
          bool explore = it >= 1 && rng.uniform() < 0.9;
          st.apply(explore ? pred : best);
        }
      }
      log << "crosscheck: parser iteration " << it + 1 << ": "
          << (total ? 100.0 * correct / total : 0) << "% zero-cost actions, " << since(start)
          << " s\n";
    }
  }
};

// ---- lemmas and morphology ----

LemmaRule make_rule(std::string_view form, std::string_view lower, std::string_view lemma) {
  auto common = [](std::string_view a, std::string_view b) {
    size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    return i;
  };
  size_t cl = common(lower, lemma), cf = common(form, lemma);
  LemmaRule rule;
  rule.lower = !(cf > cl);
  std::string_view base = rule.lower ? lower : form;
  size_t keep = rule.lower ? cl : cf;
  size_t strip = base.size() - keep;
  if (strip > 255) {
    keep = base.size() - 255;
    strip = 255;
  }
  rule.strip = static_cast<uint8_t>(strip);
  rule.add.assign(lemma.substr(std::min(keep, lemma.size())));
  return rule;
}

std::string rule_key(const LemmaRule& r) {
  return std::to_string(r.strip) + (r.lower ? "l" : "f") + r.add;
}

Lemmatizer train_lemmatizer(const std::vector<ConlluSentence>& train,
                            const std::vector<Example>& examples, const std::string& wordnet_dir,
                            std::ostream& log) {
  // (lower, xpos) -> rule counts; (form, xpos) -> rule counts.
  std::map<std::string, std::map<std::string, std::pair<int, LemmaRule>>> words, word_types, forms;
  std::map<int, std::pair<int, int>> case_counts;  // xpos -> (lemmas with capitals, cased words)
  std::unordered_set<std::string> lexicon;
  auto fold = [](std::string text) {
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
  };
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      const ConlluWord& w = train[s].words[i];
      if (w.lemma.empty() || (w.lemma == "_" && w.form != "_")) continue;
      // Known words: an edit of the lower-cased form, so every spelling ("i", "I";
      // "google", "Google") gets the treebank's lemma. Unknown words (suffix rules below) keep
      // the case-aware edit, so an unseen proper noun keeps its capitals.
      const std::string& lower = examples[s].words.lower[i];
      LemmaRule rule = make_rule(w.form, lower, w.lemma);
      LemmaRule lower_rule = make_rule(lower, lower, w.lemma);
      auto& slot = words[lower + '\t' + w.xpos][rule_key(lower_rule)];
      ++slot.first;
      slot.second = lower_rule;
      auto& typed = word_types[lower + '\t' + w.xpos][rule_key(rule)];
      ++typed.first;
      typed.second = rule;
      auto& spelled = forms[w.form + '\t' + w.xpos][rule_key(rule)];
      ++spelled.first;
      spelled.second = rule;
      // Case policy of the tag: does a lemma keep the capitals of its word?
      if (w.form != lower) {
        auto& [keeps, cased] = case_counts[xpos_tag_from_name(w.xpos)];
        ++cased;
        keeps += fold(w.lemma) != w.lemma;
      }
      if (char cls = lexicon_class(xpos_tag_from_name(w.xpos))) {
        lexicon.insert(std::string(1, cls) + '\t' + fold(w.lemma));
      }
    }
  }
  Lemmatizer lem;
  lem.lexicon = std::move(lexicon);
  lem.keep_case.assign(256, 0);
  for (const auto& [x, counts] : case_counts) {
    lem.keep_case[x] = counts.first * 2 > counts.second ? 1 : 0;
  }
  std::map<std::string, std::map<std::string, std::pair<int, LemmaRule>>> suffixes;
  for (const auto& [key, rules] : words) {
    const std::pair<int, LemmaRule>* best = nullptr;
    for (const auto& [name, counted] : rules) {
      if (!best || counted.first > best->first) best = &counted;
    }
    lem.words[key] = best->second;
    best = nullptr;
    for (const auto& [name, counted] : word_types[key]) {
      if (!best || counted.first > best->first) best = &counted;
    }
    size_t tab = key.find('\t');
    std::string_view lower(key.data(), tab), xpos(key.data() + tab + 1, key.size() - tab - 1);
    // Suffix statistics by word type, whole code points, at least one character left as stem.
    size_t pos = lower.size();
    for (int k = 1; k <= Lemmatizer::kMaxSuffix && pos > 0; ++k) {
      --pos;
      while (pos > 0 && (static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) --pos;
      if (pos == 0) break;
      auto& slot = suffixes[std::string(xpos) + '\t' + std::string(lower.substr(pos))]
                           [rule_key(best->second)];
      ++slot.first;
      slot.second = best->second;
    }
  }
  // Spellings whose own majority lemma differs from the lower-cased word's ("al" beside "Al").
  for (const auto& [key, rules] : forms) {
    const std::pair<int, LemmaRule>* best = nullptr;
    for (const auto& [name, counted] : rules) {
      if (!best || counted.first > best->first) best = &counted;
    }
    size_t tab = key.find('\t');
    std::string_view form(key.data(), tab);
    std::string lower = fold(std::string(form));
    if (lower.size() != form.size()) continue;  // non-ASCII case folding: the lower table decides
    auto it = lem.words.find(lower + key.substr(tab));
    if (it == lem.words.end()) continue;
    auto apply = [&](const LemmaRule& r) {
      std::string_view base = r.lower ? std::string_view(lower) : form;
      if (r.strip > base.size()) return std::string(base);
      return std::string(base.substr(0, base.size() - r.strip)) + r.add;
    };
    if (apply(best->second) != apply(it->second)) lem.forms[key] = best->second;
  }
  for (const auto& [key, rules] : suffixes) {
    std::vector<const std::pair<int, LemmaRule>*> ranked;
    int total = 0;
    for (const auto& [name, counted] : rules) {
      total += counted.first;
      ranked.push_back(&counted);
    }
    if (total < 2) continue;
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](auto* a, auto* b) { return a->first > b->first; });
    SuffixRules& out = lem.suffixes[key];
    out.confident = ranked[0]->first >= 2 && ranked[0]->first * 2 > total;
    for (size_t r = 0; r < ranked.size() && r < Lemmatizer::kMaxRules; ++r) {
      out.rules.push_back(ranked[r]->second);
    }
  }
  // WordNet exception lists (irregular plurals, past forms, comparatives).
  const std::pair<const char*, char> files[] = {
      {"noun.exc", 'n'}, {"verb.exc", 'v'}, {"adj.exc", 'a'}, {"adv.exc", 'r'}};
  size_t exceptions = 0;
  for (auto [file, cls] : files) {
    std::ifstream in(wordnet_dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string word, lemma;
      if (!(fields >> word >> lemma)) continue;
      if (word.find('_') != std::string::npos || lemma.find('_') != std::string::npos) continue;
      std::string key = std::string(1, cls) + '\t' + word;
      if (lem.exceptions.emplace(key, lemma).second) ++exceptions;
    }
  }
  if (exceptions == 0)
    log << "crosscheck: warning: no WordNet exception lists in " << wordnet_dir << "\n";
  // WordNet's base forms (index files: one lemma per line, after a licence header indented by
  // spaces), so a suffix edit can be checked against real words.
  const std::pair<const char*, char> indexes[] = {
      {"index.noun", 'n'}, {"index.verb", 'v'}, {"index.adj", 'a'}, {"index.adv", 'r'}};
  for (auto [file, cls] : indexes) {
    std::ifstream in(wordnet_dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;
      std::string lemma = line.substr(0, line.find(' '));
      if (lemma.find('_') != std::string::npos) continue;
      lem.lexicon.insert(std::string(1, cls) + '\t' + lemma);
    }
  }
  log << "crosscheck: lemmatiser: " << lem.words.size() << " words, " << lem.suffixes.size()
      << " suffix keys, " << lem.forms.size() << " spellings, " << exceptions
      << " WordNet exceptions, " << lem.lexicon.size() << " known base forms\n";
  return lem;
}

std::string morph_key(const Morph& m) { return feats_string(m); }

MorphTable train_morph(const std::vector<ConlluSentence>& train,
                       const std::vector<Example>& examples) {
  std::map<int, std::map<std::string, std::pair<int, Morph>>> by_xpos;
  std::map<std::string, std::map<std::string, std::pair<int, Morph>>> by_word;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train[s].words.size(); ++i) {
      const ConlluWord& w = train[s].words[i];
      Morph m = morph_from_feats(w.feats);
      m.voice = Voice::kNone;  // from the tree
      std::string key = morph_key(m);
      auto& a = by_xpos[xpos_tag_from_name(w.xpos)][key];
      ++a.first;
      a.second = m;
      auto& b = by_word[examples[s].words.lower[i] + '\t' + w.xpos][key];
      ++b.first;
      b.second = m;
    }
  }
  auto majority = [](const std::map<std::string, std::pair<int, Morph>>& counts) {
    const std::pair<int, Morph>* best = nullptr;
    for (const auto& [k, v] : counts) {
      if (!best || v.first > best->first) best = &v;
    }
    return best->second;
  };
  MorphTable table;
  table.by_xpos.assign(xpos_tag_names().size(), Morph{});
  for (const auto& [x, counts] : by_xpos) table.by_xpos[x] = majority(counts);
  for (const auto& [key, counts] : by_word) {
    size_t tab = key.find('\t');
    uint8_t x = xpos_tag_from_name(std::string_view(key).substr(tab + 1));
    Morph m = majority(counts);
    if (!(m == table.by_xpos[x])) table.by_word[key] = m;
  }
  return table;
}

bool read_split(const std::string& dir, const char* split, std::vector<ConlluSentence>& out,
                std::string& error) {
  for (const char* ext : {".conllu.gz", ".conllu"}) {
    std::string path = dir + "/en_ewt-ud-" + split + ext;
    if (std::filesystem::exists(path)) return read_conllu(path, out, error);
  }
  error = dir + ": no en_ewt-ud-" + split + ".conllu(.gz)";
  return false;
}

}  // namespace
}  // namespace crosscheck::syntax

namespace crosscheck {

int train_syntax(const SyntaxTrainOptions& options, std::ostream& log) {
  using namespace syntax;
  const auto start = Clock::now();
  std::vector<ConlluSentence> train, dev;
  std::string error;
  if (!read_split(options.data, "train", train, error)) {
    log << "crosscheck: " << error << '\n';
    return kExitFatal;
  }
  bool have_dev = read_split(options.data, "dev", dev, error);
  if (!have_dev) log << "crosscheck: warning: " << error << "; no dev scores\n";

  auto model = std::make_unique<Model>();
  if (!options.news.empty()) {
    if (!train_clusters(options.news, options.seed, model->clusters, log)) return kExitFatal;
  }

  // Tag classes and labels, sorted so the numbering does not depend on reading order.
  std::map<std::pair<int, int>, int> class_counts;
  std::map<int, int> label_counts;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      ++class_counts[{static_cast<int>(upos_from_name(w.upos)), xpos_tag_from_name(w.xpos)}];
      uint8_t rel = deprel_from_name(w.deprel);
      if (rel == 0) rel = deprel_from_name("dep");
      ++label_counts[rel];
    }
  }
  std::vector<std::pair<Upos, uint8_t>> classes;
  std::map<std::pair<int, int>, uint16_t> class_index;
  for (const auto& [key, count] : class_counts) {
    class_index[key] = static_cast<uint16_t>(classes.size());
    classes.emplace_back(static_cast<Upos>(key.first), static_cast<uint8_t>(key.second));
  }
  const uint8_t root = deprel_from_name("root");
  std::vector<uint8_t> labels = {root};
  for (const auto& [rel, count] : label_counts) {
    if (rel != root) labels.push_back(static_cast<uint8_t>(rel));
  }
  std::map<int, int> label_index;
  for (size_t k = 0; k < labels.size(); ++k) label_index[labels[k]] = static_cast<int>(k);
  model->parser.labels = labels;

  std::vector<Example> examples(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    Example& ex = examples[s];
    const auto& words = train[s].words;
    const int n = static_cast<int>(words.size());
    for (const auto& w : words) ex.words.form.push_back(w.form);
    model->prepare(ex.words);
    for (const auto& w : words) {
      ex.tag.push_back(
          class_index[{static_cast<int>(upos_from_name(w.upos)), xpos_tag_from_name(w.xpos)}]);
      ex.head.push_back(w.head == 0 ? n : w.head - 1);
      uint8_t rel = deprel_from_name(w.deprel);
      if (rel == 0) rel = deprel_from_name("dep");
      ex.label.push_back(label_index[rel]);
    }
    projectivize(ex.head);
  }
  log << "crosscheck: " << train.size() << " training sentences, " << classes.size() << " tags, "
      << labels.size() << " relations\n";

  model->lemmatizer = train_lemmatizer(train, examples, options.wordnet_dir, log);
  model->morph = train_morph(train, examples);

  // Taggers: the final one on all data and, for the parser's training tags, one per fold
  // tagging the fold it did not see. All in parallel, each deterministic.
  const int folds = std::max(0, options.jackknife);
  std::vector<Tagger> taggers(folds + 1);
  auto tag_start = Clock::now();
  tbb::parallel_for(0, folds + 1, [&](int f) {
    std::vector<Example*> subset;
    for (size_t s = 0; s < examples.size(); ++s) {
      if (f == folds || static_cast<int>(s % folds) != f) subset.push_back(&examples[s]);
    }
    TaggerTrainer trainer(static_cast<int>(classes.size()), options.two_pass);
    trainer.train(subset, options.tagger_iterations, options.seed + 17 * f);
    taggers[f] = trainer.finish(classes, f == folds ? 0.001f : 0.0f);
  });
  model->tagger = std::move(taggers[folds]);
  log << "crosscheck: taggers trained in " << since(tag_start) << " s\n";
  // Parser input tags: jackknifed predictions (gold when folds == 0).
  size_t agree = 0, total = 0;
  for (size_t s = 0; s < examples.size(); ++s) {
    Words& w = examples[s].words;
    if (folds > 0) {
      taggers[s % folds].tag(w);
    } else {
      w.xpos.resize(w.size());
      w.upos.resize(w.size());
      for (size_t i = 0; i < w.size(); ++i) {
        w.upos[i] = classes[examples[s].tag[i]].first;
        w.xpos[i] = classes[examples[s].tag[i]].second;
      }
    }
    parser_inputs(w);
    for (size_t i = 0; i < w.size(); ++i) {
      agree += classes[examples[s].tag[i]].second == w.xpos[i];
      ++total;
    }
  }
  if (folds > 0) {
    log << "crosscheck: jackknifed XPOS accuracy on train " << static_cast<double>(agree) / total
        << '\n';
  }
  taggers.clear();

  std::vector<Example*> order;
  for (Example& ex : examples) order.push_back(&ex);
  ParserTrainer parser(static_cast<int>(labels.size()));
  parser.train(order, options.parser_iterations, options.seed + 1000, log);
  model->parser.weights = parser.weights.average(0.001f);
  log << "crosscheck: parser " << model->parser.weights.features() << " features, "
      << model->parser.weights.entries() << " weights; tagger "
      << model->tagger.pass1.entries() + model->tagger.pass2.entries() << " weights\n";

  std::string raw = model->serialize();
  std::string packed = compress_model(raw);
  {
    std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
    out.write(packed.data(), static_cast<std::streamsize>(packed.size()));
    if (!out) {
      log << "crosscheck: " << options.out << ": cannot write\n";
      return kExitFatal;
    }
  }
  log << "crosscheck: " << options.out << ": " << packed.size() << " bytes (" << raw.size()
      << " uncompressed), trained in " << since(start) << " s\n";
  if (have_dev) {
    SyntaxModel wrapped(std::move(model));
    SyntaxScores scores = evaluate_syntax(wrapped, dev);
    log << "crosscheck: dev: UPOS " << scores.upos << " XPOS " << scores.xpos << " lemma "
        << scores.lemma << " feats " << scores.feats << " UAS " << scores.uas << " LAS "
        << scores.las << " (" << static_cast<long>(scores.tokens_per_s()) << " tokens/s)\n";
  }
  return kExitOk;
}

}  // namespace crosscheck
