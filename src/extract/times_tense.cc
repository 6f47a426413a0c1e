#include "extract/times_tense.h"

#include <algorithm>
#include <string_view>

#include "core/ud.h"
#include "extract/layers.h"

namespace crosscheck::extract {

namespace {

constexpr int kMaxSteps = 8;

// Index of the token whose span holds `offset`, or -1.
int token_at(const Document& doc, uint32_t offset) {
  auto it =
      std::upper_bound(doc.tokens.begin(), doc.tokens.end(), offset,
                       [](uint32_t value, const Token& token) { return value < token.span.start; });
  if (it == doc.tokens.begin()) return -1;
  --it;
  return offset < it->span.end ? static_cast<int>(it - doc.tokens.begin()) : -1;
}

std::string_view form(const Token& token) {
  return token.lemma.empty() ? std::string_view(token.lower) : std::string_view(token.lemma);
}

std::string_view xpos(const Token& token) { return xpos_tag_name(token.xpos); }

bool is_past(const Token& token) {
  return token.morph.tense == Tense::kPast || xpos(token) == "VBD";
}

// Reads the auxiliaries of verb `v`; kUnknown when they say nothing about direction.
TimeDirection from_auxiliaries(const Document& doc, size_t v) {
  const Token& verb = doc.tokens[v];
  TimeDirection direction = TimeDirection::kUnknown;
  bool perfect = false, progressive_present = false;
  for (size_t k = 0; k < doc.tokens.size(); ++k) {
    const Token& token = doc.tokens[k];
    if (token.sentence != verb.sentence || token.head != static_cast<int32_t>(v)) continue;
    if (deprel_base(token.deprel) != "aux") continue;
    std::string_view aux = form(token);
    std::string_view lower = token.lower;
    // Modal future: "will", "'ll", "shall", "wo(n't)"; "would" is the future of reported speech.
    if (aux == "will" || aux == "shall" || aux == "would" || lower == "'ll" || lower == "wo")
      return TimeDirection::kFuture;
    if (aux == "have" || lower == "has" || lower == "had" || lower == "'ve") perfect = true;
    if (is_past(token)) direction = TimeDirection::kPast;
    if ((aux == "be" || lower == "is" || lower == "are" || lower == "am") && !is_past(token) &&
        xpos(verb) == "VBG")
      progressive_present = true;
    if (!is_past(token) && direction == TimeDirection::kUnknown && xpos(verb) != "VB")
      direction = TimeDirection::kFuture;
  }
  if (perfect) return TimeDirection::kPast;                // "has met", "had met"
  if (progressive_present) return TimeDirection::kFuture;  // "is meeting Friday"
  return direction;
}

}  // namespace

TimeDirection clause_direction(const Document& doc, uint32_t offset) {
  int index = token_at(doc, offset);
  if (index < 0 || doc.tokens[index].upos == Upos::kNone) return TimeDirection::kUnknown;
  for (int step = 0; step < kMaxSteps && index >= 0; ++step) {
    const Token& token = doc.tokens[index];
    if (token.upos == Upos::kVerb || (token.upos == Upos::kAux && token.head < 0)) {
      if (TimeDirection direction = from_auxiliaries(doc, static_cast<size_t>(index));
          direction != TimeDirection::kUnknown)
        return direction;
      if (token.morph.mood == Mood::kImp) return TimeDirection::kFuture;
      std::string_view tag = xpos(token);
      if (is_past(token)) return TimeDirection::kPast;
      if (tag == "VBN") return TimeDirection::kPast;  // "talks held on Friday"
      if (token.morph.tense == Tense::kPres || tag == "VBZ" || tag == "VBP")
        return TimeDirection::kFuture;
      // An infinitive or gerund takes its direction from the verb it complements.
    }
    index = token.head;
  }
  return TimeDirection::kUnknown;
}

}  // namespace crosscheck::extract
