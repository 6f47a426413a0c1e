// eval syntax: tagger, lemmatiser and parser on a CoNLL-U file with gold tokens.
#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "core/resources.h"
#include "core/ud.h"
#include "eval/tasks.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace crosscheck::eval {

int run_syntax(const std::string& data, std::ostream& out, std::ostream& err) {
  std::vector<syntax::ConlluSentence> gold;
  std::string error;
  if (!syntax::read_conllu(data, gold, error)) {
    err << error << '\n';
    return kExitFatal;
  }
  std::vector<std::string> warnings;
  auto model = SyntaxModel::load(find_resources(), &warnings);
  if (!model) {
    for (const auto& w : warnings) err << w << '\n';
    return kExitFatal;
  }
  SyntaxScores scores = evaluate_syntax(*model, gold);
  out << std::fixed << std::setprecision(4);
  out << "syntax, gold tokens: " << scores.sentences << " sentences, " << scores.words
      << " words\n";
  out << "  UPOS   " << scores.upos << "\n  XPOS   " << scores.xpos << "\n  lemma  " << scores.lemma
      << "\n  feats  " << scores.feats << " (the features crosscheck keeps)\n"
      << "  UAS    " << scores.uas << "\n  LAS    " << scores.las << "\n  speed  "
      << std::setprecision(0) << scores.tokens_per_s() << " tokens/s (one thread)\n";
  nlohmann::ordered_json line;
  line["task"] = "syntax";
  line["sentences"] = scores.sentences;
  line["words"] = scores.words;
  line["upos"] = scores.upos;
  line["xpos"] = scores.xpos;
  line["lemma"] = scores.lemma;
  line["feats"] = scores.feats;
  line["uas"] = scores.uas;
  line["las"] = scores.las;
  line["tokens_per_s"] = scores.tokens_per_s();
  out << line.dump() << '\n';
  return kExitOk;
}

}  // namespace crosscheck::eval

namespace crosscheck::eval {
namespace {

struct GoldWord {
  Span span;
  int head = -1;  // index into the gold word list of the document, -1 root
  std::string deprel;
};

struct RawDocument {
  Document doc;
  std::vector<GoldWord> words;
  std::vector<Span> sentences;
};

// Rebuilds running text from the treebank: sentences of a paragraph joined by a space,
// paragraphs by a blank line, one Document per `# newdoc`. Gold words get byte spans by finding
// each surface token in the sentence text; words of a multiword token share out its span when
// their forms spell it, else each gets the whole token.
std::vector<RawDocument> raw_documents(const std::vector<syntax::ConlluSentence>& gold) {
  std::vector<RawDocument> docs;
  for (const auto& sentence : gold) {
    if (docs.empty() || sentence.new_document) {
      docs.emplace_back();
      docs.back().doc.id = sentence.id;
      docs.back().doc.lang = "en";
    }
    RawDocument& raw = docs.back();
    std::string& text = raw.doc.text;
    if (!text.empty()) text += sentence.new_paragraph ? "\n\n" : " ";
    const size_t base = text.size();
    std::string sentence_text = sentence.text;
    if (sentence_text.empty()) {
      for (size_t i = 0; i < sentence.words.size(); ++i) {
        sentence_text += sentence.words[i].form;
        if (!syntax::no_space_after(sentence.words[i].misc)) sentence_text += ' ';
      }
      while (!sentence_text.empty() && sentence_text.back() == ' ') sentence_text.pop_back();
    }
    text += sentence_text;
    const size_t first_word = raw.words.size();
    size_t cursor = 0, range = 0;
    const int n = static_cast<int>(sentence.words.size());
    auto locate = [&](const std::string& form) -> Span {
      size_t at = sentence_text.find(form, cursor);
      if (form.empty() || at == std::string::npos)
        return Span{static_cast<uint32_t>(base + cursor), static_cast<uint32_t>(base + cursor)};
      cursor = at + form.size();
      return Span{static_cast<uint32_t>(base + at), static_cast<uint32_t>(base + cursor)};
    };
    for (int i = 0; i < n;) {
      while (range < sentence.ranges.size() && sentence.ranges[range].last < i) ++range;
      if (range < sentence.ranges.size() && sentence.ranges[range].first == i) {
        const auto& r = sentence.ranges[range];
        Span whole = locate(r.form);
        std::string spelled;
        for (int k = r.first; k <= r.last; ++k) spelled += sentence.words[k].form;
        uint32_t at = whole.start;
        for (int k = r.first; k <= r.last; ++k) {
          GoldWord w;
          if (spelled == r.form) {
            w.span = {at, static_cast<uint32_t>(at + sentence.words[k].form.size())};
            at = w.span.end;
          } else {
            w.span = whole;
          }
          raw.words.push_back(w);
        }
        i = r.last + 1;
        continue;
      }
      GoldWord w;
      w.span = locate(sentence.words[i].form);
      raw.words.push_back(w);
      ++i;
    }
    for (int i = 0; i < n; ++i) {
      GoldWord& w = raw.words[first_word + i];
      w.head = sentence.words[i].head == 0
                   ? -1
                   : static_cast<int>(first_word) + sentence.words[i].head - 1;
      w.deprel = sentence.words[i].deprel.substr(0, sentence.words[i].deprel.find(':'));
    }
    if (n > 0)
      raw.sentences.push_back({raw.words[first_word].span.start, raw.words.back().span.end});
  }
  return docs;
}

double f1(size_t correct, size_t system, size_t gold) {
  if (system + gold == 0) return 1.0;
  return 2.0 * static_cast<double>(correct) / static_cast<double>(system + gold);
}

}  // namespace

int run_syntax_raw(const std::string& data, std::ostream& out, std::ostream& err) {
  std::vector<syntax::ConlluSentence> gold;
  std::string error;
  if (!syntax::read_conllu(data, gold, error)) {
    err << error << '\n';
    return kExitFatal;
  }
  std::vector<std::string> warnings;
  auto model = SyntaxModel::load(find_resources(), &warnings);
  if (!model) {
    for (const auto& w : warnings) err << w << '\n';
    return kExitFatal;
  }
  std::vector<RawDocument> docs = raw_documents(gold);
  size_t gold_words = 0, system_words = 0, matched_words = 0;
  size_t gold_sentences = 0, system_sentences = 0, matched_sentences = 0;
  size_t uas = 0, las = 0;
  for (RawDocument& raw : docs) {
    annotate_text(raw.doc);
    model->annotate(raw.doc);
    const Document& doc = raw.doc;
    // Words aligned by identical byte spans.
    std::map<std::pair<uint32_t, uint32_t>, int> gold_at;
    for (size_t i = 0; i < raw.words.size(); ++i) {
      gold_at.emplace(std::make_pair(raw.words[i].span.start, raw.words[i].span.end),
                      static_cast<int>(i));
    }
    std::vector<int> aligned(doc.tokens.size(), -1);
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      auto it = gold_at.find({doc.tokens[t].span.start, doc.tokens[t].span.end});
      if (it != gold_at.end()) aligned[t] = it->second;
    }
    for (size_t t = 0; t < doc.tokens.size(); ++t) {
      if (aligned[t] < 0) continue;
      ++matched_words;
      const GoldWord& g = raw.words[aligned[t]];
      const int head = doc.tokens[t].head;
      const int system_head = head < 0 ? -1 : aligned[head];
      if ((head < 0 && g.head < 0) || (head >= 0 && system_head >= 0 && system_head == g.head)) {
        ++uas;
        las += deprel_base(doc.tokens[t].deprel) == g.deprel;
      }
    }
    gold_words += raw.words.size();
    system_words += doc.tokens.size();
    std::set<std::pair<uint32_t, uint32_t>> gold_sentence_spans;
    for (const Span& s : raw.sentences) gold_sentence_spans.insert({s.start, s.end});
    gold_sentences += raw.sentences.size();
    system_sentences += doc.sentences.size();
    for (const Sentence& s : doc.sentences)
      matched_sentences += gold_sentence_spans.count({s.span.start, s.span.end});
  }
  const double words_f1 = f1(matched_words, system_words, gold_words);
  const double sentences_f1 = f1(matched_sentences, system_sentences, gold_sentences);
  const double uas_f1 = f1(uas, system_words, gold_words);
  const double las_f1 = f1(las, system_words, gold_words);
  out << std::fixed << std::setprecision(4);
  out << "syntax from raw text (crosscheck's tokeniser and sentence splitter): " << docs.size()
      << " documents, " << gold_sentences << " gold sentences, " << gold_words << " gold words\n"
      << "  words F1      " << words_f1 << " (" << system_words << " system words)\n"
      << "  sentences F1  " << sentences_f1 << " (" << system_sentences << " system sentences)\n"
      << "  UAS F1        " << uas_f1 << "\n  LAS F1        " << las_f1 << '\n';
  nlohmann::ordered_json line;
  line["task"] = "syntax-raw";
  line["words_f1"] = words_f1;
  line["sentences_f1"] = sentences_f1;
  line["uas"] = uas_f1;
  line["las"] = las_f1;
  out << line.dump() << '\n';
  return kExitOk;
}

}  // namespace crosscheck::eval
