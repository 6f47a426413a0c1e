#include "facts/frames.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

#include "facts/lexicon.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

template <typename T>
void sort_unique(std::vector<T>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

std::string lower_of(const Document& doc, const Token& token) {
  if (!token.lower.empty()) return token.lower;
  return fold_case(doc.slice(token.span));
}

// A sentence that can stand as a fact: long enough, declarative, ended like prose, not a table
// row or a question.
bool is_clause_conjunction(const std::string& lower) {
  return lower == "but" || lower == "while" || lower == "whereas" || lower == "although" ||
         lower == "though" || lower == "because" || lower == "which" || lower == "who";
}

bool is_statement(std::string_view sentence, int words) {
  if (words < 6 || words > 90) return false;
  if (sentence.find('|') != std::string_view::npos) return false;
  size_t end = sentence.find_last_not_of(" \n");
  if (end == std::string_view::npos) return false;
  unsigned char last = static_cast<unsigned char>(sentence[end]);
  if (last == '?') return false;
  if (last == '.' || last == '!' || last == '"' || last == '\'' || last == ')') return true;
  // Closing curly quotes end in 0x9D or 0x99 (U+201D, U+2019).
  return last == 0x9D || last == 0x99;
}

}  // namespace

std::string term_of(const Document& doc, const Token& token) {
  if (token.shape != TokenShape::kWord && token.shape != TokenShape::kNumber) return {};
  std::string lower = lower_of(doc, token);
  if (lower.size() < 2) return {};
  if (is_stop_word(lower) && !token.all_caps) return {};
  std::string_view lemma = irregular_lemma(lower);
  if (!lemma.empty()) return stem(lemma);
  if (!token.stem.empty()) return token.stem;
  return token.shape == TokenShape::kWord ? stem(lower) : lower;
}

bool is_day_value(const std::string& value) {
  int64_t days;
  return day_number(value, &days);
}

bool day_number(const std::string& value, int64_t* days) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(value[i]))) return false;
  int year = std::stoi(value.substr(0, 4));
  unsigned month = static_cast<unsigned>(std::stoi(value.substr(5, 2)));
  unsigned day = static_cast<unsigned>(std::stoi(value.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  // Days from civil (Howard Hinnant's algorithm).
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = era * 146097 + static_cast<int64_t>(doe) - 719468;
  return true;
}

int weekday_of(const std::string& value) {
  int64_t days;
  if (!day_number(value, &days)) return -1;
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

StoryFrames::StoryFrames(const std::vector<Document>& documents, const Story& story) {
  for (size_t i = 0; i < story.actors.size(); ++i) {
    const Actor& actor = story.actors[i];
    actor_types_.push_back(actor.type);
    actor_names_.push_back(actor.name);
    for (const std::string& key : actor.keys) actor_by_key_.emplace(key, static_cast<int32_t>(i));
  }
  // Names and aliases link speakers only when no key says otherwise.
  for (size_t i = 0; i < story.actors.size(); ++i) {
    const Actor& actor = story.actors[i];
    actor_by_key_.emplace(fold_case(actor.name), static_cast<int32_t>(i));
    for (const std::string& alias : actor.aliases)
      actor_by_key_.emplace(fold_case(alias), static_cast<int32_t>(i));
  }
  for (uint32_t index : story.documents) {
    if (index < documents.size()) docs_.push_back(&documents[index]);
  }
  frame_begin_.push_back(0);
  for (uint32_t article = 0; article < docs_.size(); ++article) {
    read_article(article, story);
    frame_begin_.push_back(static_cast<uint32_t>(frames_.size()));
  }

  actor_sentences_.assign(actor_names_.size(), 0);
  for (const Frame& frame : frames_)
    for (int32_t actor : frame.actors) ++actor_sentences_[actor];

  std::vector<uint32_t> document_frequency(vocabulary_.size(), 0);
  for (const Frame& frame : frames_)
    for (uint32_t term : frame.terms) ++document_frequency[term];
  const double total = static_cast<double>(std::max<size_t>(frames_.size(), 1));
  idf_.resize(vocabulary_.size());
  for (size_t term = 0; term < idf_.size(); ++term)
    idf_[term] = std::log(1.0 + total / std::max<uint32_t>(document_frequency[term], 1));
  auto norm_of = [&](const std::vector<uint32_t>& terms) {
    double sum = 0;
    for (uint32_t term : terms) sum += idf_[term] * idf_[term];
    return std::sqrt(sum);
  };
  for (Frame& frame : frames_) {
    frame.norm = norm_of(frame.terms);
    for (const auto& clause : frame.clauses) frame.clause_norms.push_back(norm_of(clause));
  }
}

void StoryFrames::read_article(uint32_t article, const Story&) {
  const Document& doc = *docs_[article];
  const uint32_t first = static_cast<uint32_t>(frames_.size());
  const int32_t source = doc.copy_group >= 0 ? doc.copy_group : -1 - static_cast<int32_t>(article);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    Frame frame;
    frame.article = article;
    frame.sentence = s;
    frame.span = doc.sentences[s].span;
    frame.source = source;
    frames_.push_back(std::move(frame));
  }
  auto frame_for = [&](uint32_t sentence) -> Frame* {
    if (sentence >= doc.sentences.size()) return nullptr;
    return &frames_[first + sentence];
  };

  std::vector<uint32_t> clause;
  uint32_t clause_sentence = 0;
  auto close_clause = [&](bool sentence_end) {
    Frame* frame = frame_for(clause_sentence);
    if (!frame) return clause.clear();
    if (clause.size() >= kMinClauseTerms || (sentence_end && frame->clauses.empty())) {
      frame->clauses.push_back(std::move(clause));
    } else if (sentence_end && !frame->clauses.empty()) {
      // A short tail belongs to the clause before it.
      auto& last = frame->clauses.back();
      last.insert(last.end(), clause.begin(), clause.end());
    } else {
      return;  // keep accumulating into the next clause
    }
    clause.clear();
  };
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& token = doc.tokens[t];
    if (token.sentence != clause_sentence) {
      close_clause(true);
      clause_sentence = token.sentence;
    }
    Frame* frame = frame_for(token.sentence);
    if (!frame) continue;
    if (token.shape == TokenShape::kPunct || token.shape == TokenShape::kSymbol) {
      std::string_view mark = doc.slice(token.span);
      if (mark == "," || mark == ";" || mark == ":" || mark == "\xE2\x80\x94" ||
          mark == "\xE2\x80\x93" || mark == "--")
        close_clause(false);
      continue;
    }
    if (token.shape != TokenShape::kWord && token.shape != TokenShape::kNumber) continue;
    if (is_clause_conjunction(lower_of(doc, token))) close_clause(false);
    ++frame->words;
    std::string lower = lower_of(doc, token);
    std::string next;
    if (t + 1 < doc.tokens.size() && doc.tokens[t + 1].sentence == token.sentence)
      next = lower_of(doc, doc.tokens[t + 1]);
    if (frame->negation_token < 0 && is_negation_cue(lower, next))
      frame->negation_token = static_cast<int>(t);
    std::string term = term_of(doc, token);
    if (term.empty()) continue;
    std::string_view event = event_class(term);
    if (!event.empty()) frame->events.emplace_back(event);
    auto [it, inserted] = vocabulary_.emplace(term, static_cast<uint32_t>(vocabulary_.size()));
    frame->terms.push_back(it->second);
    clause.push_back(it->second);
  }
  close_clause(true);

  for (const Mention& mention : doc.mentions) {
    Frame* frame = frame_for(mention.sentence);
    if (!frame || mention.key.empty()) continue;
    int32_t actor = actor_of_key(mention.key);
    if (actor < 0) {
      actor = static_cast<int32_t>(actor_names_.size());
      actor_by_key_.emplace(mention.key, actor);
      actor_names_.emplace_back(doc.slice(mention.span));
      actor_types_.push_back(mention.type);
    }
    frame->actors.push_back(actor);
    if (actor_types_[actor] == EntityType::kPlace) frame->places.push_back(actor);
  }
  for (uint32_t i = 0; i < doc.timexes.size(); ++i)
    if (Frame* frame = frame_for(doc.timexes[i].sentence)) frame->timexes.push_back(i);
  for (uint32_t i = 0; i < doc.quantities.size(); ++i)
    if (Frame* frame = frame_for(doc.quantities[i].sentence)) frame->quantities.push_back(i);

  for (uint32_t f = first; f < frames_.size(); ++f) {
    Frame& frame = frames_[f];
    sort_unique(frame.actors);
    sort_unique(frame.places);
    sort_unique(frame.terms);
    for (auto& terms : frame.clauses) sort_unique(terms);
    if (frame.clauses.size() == 1) frame.clauses.clear();  // the sentence itself
    sort_unique(frame.events);
    frame.statement = is_statement(doc.slice(frame.span), frame.words);
    for (uint32_t t : frame.timexes) {
      int64_t day;
      if (doc.timexes[t].anchored_to != "unresolved" && day_number(doc.timexes[t].value, &day))
        frame.days.push_back(day);
    }
    for (uint32_t q : frame.quantities) {
      const Quantity& quantity = doc.quantities[q];
      if (quantity.noun.empty()) continue;
      frame.counted_kinds.push_back(
          std::hash<std::string>()(quantity.noun + '\x1f' + quantity.event));
    }
    sort_unique(frame.days);
    sort_unique(frame.counted_kinds);
  }
}

int64_t StoryFrames::term_id(const std::string& term) const {
  auto it = vocabulary_.find(term);
  return it == vocabulary_.end() ? -1 : static_cast<int64_t>(it->second);
}

int32_t StoryFrames::actor_of_key(const std::string& key) const {
  if (key.empty()) return -1;
  auto it = actor_by_key_.find(key);
  return it == actor_by_key_.end() ? -1 : it->second;
}

int32_t StoryFrames::actor_of_name(const std::string& name) const {
  if (name.empty()) return -1;
  std::string folded = fold_case(name);
  if (int32_t actor = actor_of_key(folded); actor >= 0) return actor;
  // A surname alone ("Zelensky") names the actor whose name ends with it, when only one does.
  int32_t found = -1;
  for (size_t i = 0; i < actor_names_.size(); ++i) {
    std::string candidate = fold_case(actor_names_[i]);
    bool ends = candidate.size() > folded.size() && candidate.ends_with(folded) &&
                candidate[candidate.size() - folded.size() - 1] == ' ';
    bool starts = folded.size() > candidate.size() && folded.ends_with(candidate) &&
                  folded[folded.size() - candidate.size() - 1] == ' ';
    if (ends || starts) {
      if (found >= 0) return -1;
      found = static_cast<int32_t>(i);
    }
  }
  return found;
}

std::string StoryFrames::actor_name(int32_t actor) const {
  if (actor < 0 || static_cast<size_t>(actor) >= actor_names_.size()) return {};
  return actor_names_[actor];
}

EntityType StoryFrames::actor_type(int32_t actor) const {
  if (actor < 0 || static_cast<size_t>(actor) >= actor_types_.size()) return EntityType::kMisc;
  return actor_types_[actor];
}

int StoryFrames::sentences_naming(int32_t actor) const {
  if (actor < 0 || static_cast<size_t>(actor) >= actor_sentences_.size()) return 0;
  return actor_sentences_[actor];
}

bool StoryFrames::is_place(int32_t actor) const { return actor_type(actor) == EntityType::kPlace; }

double StoryFrames::dot(const Frame& a, const Frame& b) const { return dot(a.terms, b.terms); }

double StoryFrames::dot(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) const {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      sum += idf_[a[i]] * idf_[a[i]];
      ++i, ++j;
    }
  }
  return sum;
}

double StoryFrames::similarity(const Frame& a, const Frame& b) const {
  if (a.norm <= 0 || b.norm <= 0) return 0;
  const double product = dot(a, b);
  double text = product / (a.norm * b.norm);
  // A short statement restated inside a longer sentence: how much of the shorter is covered.
  const Frame& shorter = a.terms.size() <= b.terms.size() ? a : b;
  if (shorter.terms.size() >= 5) {
    double containment = product / (shorter.norm * shorter.norm);
    text = std::max(text, 0.8 * containment);
  }
  // The best pair of clauses: one statement restated inside two longer sentences.
  for (size_t i = 0; i < a.clauses.size(); ++i) {
    for (size_t j = 0; j < b.clauses.size(); ++j) {
      if (a.clause_norms[i] <= 0 || b.clause_norms[j] <= 0) continue;
      double cosine = dot(a.clauses[i], b.clauses[j]) / (a.clause_norms[i] * b.clause_norms[j]);
      text = std::max(text, 0.95 * cosine);
    }
  }
  double score = text;
  if (!a.actors.empty() && !b.actors.empty()) {
    const double shared = static_cast<double>(shared_count(a.actors, b.actors));
    const double dice = 2 * shared / static_cast<double>(a.actors.size() + b.actors.size());
    score = 0.75 * text + 0.25 * dice;
  } else if (!a.actors.empty() || !b.actors.empty()) {
    score = 0.85 * text;
  } else {
    score = 0.9 * text;  // nothing but words in common
  }
  if (shared_count(a.counted_kinds, b.counted_kinds) > 0) score += 0.1;
  if (shared_count(a.days, b.days) > 0) score += 0.05;
  return std::min(score, 1.0);
}

}  // namespace crosscheck::facts
