#include "syntax/syntax.h"

#include <time.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include "core/ud.h"
#include "syntax/conllu.h"
#include "syntax/model.h"

namespace crosscheck {

SyntaxModel::SyntaxModel(std::unique_ptr<syntax::Model> model) : model_(std::move(model)) {}
SyntaxModel::~SyntaxModel() = default;

std::unique_ptr<SyntaxModel> SyntaxModel::load_file(const std::string& path, std::string& error) {
  std::string packed, raw;
  if (!syntax::read_file(path, packed, error)) return nullptr;
  if (!syntax::decompress_model(packed, raw, error)) {
    error = path + ": " + error;
    return nullptr;
  }
  auto model = std::make_unique<syntax::Model>();
  if (!model->deserialize(raw, error)) {
    error = path + ": " + error;
    return nullptr;
  }
  return std::make_unique<SyntaxModel>(std::move(model));
}

std::unique_ptr<SyntaxModel> SyntaxModel::load(const Resources& resources,
                                               std::vector<std::string>* warnings) {
  std::string error;
  if (resources.models_dir.empty()) {
    error = "models/ not found";
  } else {
    auto model = load_file(resources.models_dir + "/" + kFileName, error);
    if (model) return model;
  }
  if (warnings) warnings->push_back("no syntax model (" + error + "); tokens get no syntax");
  return nullptr;
}

namespace {

void run_words(const syntax::Model& model, syntax::Words& words) { model.run(words); }

}  // namespace

void SyntaxModel::annotate(Document& doc) const {
  if (!doc.lang.empty() && doc.lang != "en") return;
  syntax::Words words;
  size_t t = 0;
  const size_t count = doc.tokens.size();
  while (t < count) {
    const uint32_t sentence = doc.tokens[t].sentence;
    size_t end = t;
    while (end < count && doc.tokens[end].sentence == sentence) ++end;
    words = syntax::Words{};
    words.form.reserve(end - t);
    for (size_t i = t; i < end; ++i) words.form.push_back(doc.slice(doc.tokens[i].span));
    run_words(*model_, words);
    for (size_t i = t; i < end; ++i) {
      Token& token = doc.tokens[i];
      const size_t w = i - t;
      token.upos = words.upos[w];
      token.xpos = words.xpos[w];
      token.morph = words.morph[w];
      token.lemma = std::move(words.lemma[w]);
      token.head = words.head[w] < 0 ? -1 : static_cast<int32_t>(t + words.head[w]);
      token.deprel = words.deprel[w];
    }
    t = end;
  }
}

void SyntaxModel::parse(std::vector<SyntaxWord>& sentence) const {
  syntax::Words words;
  words.form.reserve(sentence.size());
  for (const SyntaxWord& word : sentence) words.form.push_back(word.form);
  model_->run(words);
  for (size_t i = 0; i < sentence.size(); ++i) {
    SyntaxWord& word = sentence[i];
    word.upos = words.upos[i];
    word.xpos = words.xpos[i];
    word.morph = words.morph[i];
    word.lemma = std::move(words.lemma[i]);
    word.head = words.head[i];
    word.deprel = words.deprel[i];
  }
}

namespace {

void write_word(std::ostringstream& out, size_t id, std::string_view form, Upos upos, uint8_t xpos,
                const Morph& morph, const std::string& lemma, long head, uint8_t deprel,
                const std::string& misc) {
  out << id << '\t' << form << '\t' << (lemma.empty() ? "_" : lemma) << '\t' << upos_name(upos)
      << '\t' << xpos_tag_name(xpos) << '\t' << feats_string(morph) << '\t'
      << (upos == Upos::kNone ? std::string("_") : std::to_string(head)) << '\t'
      << deprel_name(deprel) << "\t_\t" << (misc.empty() ? "_" : misc) << '\n';
}

// CoNLL-U forms may not hold tabs or newlines.
std::string clean_form(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

std::string document_conllu(const Document& doc) {
  std::ostringstream out;
  size_t t = 0;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    while (t < doc.tokens.size() && doc.tokens[t].sentence < s) ++t;
    size_t first = t, end = t;
    while (end < doc.tokens.size() && doc.tokens[end].sentence == s) ++end;
    if (end == first) continue;
    out << "# sent_id = " << (doc.id.empty() ? "doc" : doc.id) << '-' << (s + 1) << '\n';
    std::string text = clean_form(doc.slice(doc.sentences[s].span));
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    out << "# text = " << text << '\n';
    for (size_t i = first; i < end; ++i) {
      const Token& token = doc.tokens[i];
      std::string misc =
          "TokenRange=" + std::to_string(token.span.start) + ":" + std::to_string(token.span.end);
      if (i + 1 < end && doc.tokens[i + 1].span.start == token.span.end)
        misc = "SpaceAfter=No|" + misc;
      long head = token.head < 0 ? 0 : static_cast<long>(token.head - first + 1);
      write_word(out, i - first + 1, clean_form(doc.slice(token.span)), token.upos, token.xpos,
                 token.morph, token.lemma, head, token.deprel, misc);
    }
    out << '\n';
    t = end;
  }
  return out.str();
}

std::string parse_conllu_text(const SyntaxModel& model, std::string_view conllu) {
  std::vector<syntax::ConlluSentence> sentences = syntax::parse_conllu(conllu);
  std::ostringstream out;
  std::vector<SyntaxWord> words;
  for (const syntax::ConlluSentence& sentence : sentences) {
    words.assign(sentence.words.size(), SyntaxWord{});
    for (size_t i = 0; i < words.size(); ++i) words[i].form = sentence.words[i].form;
    model.parse(words);
    if (!sentence.id.empty()) out << "# sent_id = " << sentence.id << '\n';
    if (!sentence.text.empty()) out << "# text = " << sentence.text << '\n';
    size_t range = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      while (range < sentence.ranges.size() && sentence.ranges[range].last < static_cast<int>(i)) {
        ++range;
      }
      if (range < sentence.ranges.size() && sentence.ranges[range].first == static_cast<int>(i)) {
        const auto& r = sentence.ranges[range];
        out << r.first + 1 << '-' << r.last + 1 << '\t' << r.form << "\t_\t_\t_\t_\t_\t_\t_\t"
            << (r.misc.empty() ? "_" : r.misc) << '\n';
      }
      const SyntaxWord& w = words[i];
      write_word(out, i + 1, clean_form(w.form), w.upos, w.xpos, w.morph, w.lemma, w.head + 1,
                 w.deprel, sentence.words[i].misc == "_" ? "" : sentence.words[i].misc);
    }
    out << '\n';
  }
  return out.str();
}

SyntaxScores evaluate_syntax(const SyntaxModel& model,
                             const std::vector<syntax::ConlluSentence>& gold) {
  SyntaxScores scores;
  size_t upos = 0, xpos = 0, lemma = 0, feats = 0, uas = 0, las = 0;
  std::vector<std::vector<SyntaxWord>> predicted(gold.size());
  for (size_t s = 0; s < gold.size(); ++s) {
    predicted[s].resize(gold[s].words.size());
    for (size_t i = 0; i < gold[s].words.size(); ++i) predicted[s][i].form = gold[s].words[i].form;
  }
  // CPU time of this thread: tokens per second per core, whatever else the machine runs.
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
  };
  const double start = cpu_now();
  for (auto& sentence : predicted) model.parse(sentence);
  scores.seconds = cpu_now() - start;
  for (size_t s = 0; s < gold.size(); ++s) {
    for (size_t i = 0; i < gold[s].words.size(); ++i) {
      const syntax::ConlluWord& g = gold[s].words[i];
      const SyntaxWord& p = predicted[s][i];
      ++scores.words;
      upos += upos_name(p.upos) == g.upos;
      xpos += xpos_tag_name(p.xpos) == g.xpos;
      lemma += p.lemma == g.lemma;
      feats += p.morph == morph_from_feats(g.feats);
      if (p.head + 1 == g.head) {
        ++uas;
        std::string_view gold_rel = std::string_view(g.deprel).substr(0, g.deprel.find(':'));
        las += deprel_base(p.deprel) == gold_rel;
      }
    }
  }
  scores.sentences = gold.size();
  if (scores.words) {
    const double n = static_cast<double>(scores.words);
    scores.upos = upos / n;
    scores.xpos = xpos / n;
    scores.lemma = lemma / n;
    scores.feats = feats / n;
    scores.uas = uas / n;
    scores.las = las / n;
  }
  return scores;
}

}  // namespace crosscheck
