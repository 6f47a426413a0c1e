#include "core/story.h"

namespace crosscheck {

Cite make_cite(const Document& doc, Span span) {
  Cite cite;
  cite.article = doc.id;
  cite.sentence = doc.sentence_at(span.start);
  uint32_t size = static_cast<uint32_t>(doc.text.size());
  cite.start = std::min(span.start, size);
  cite.end = std::min(std::max(span.end, cite.start), size);
  cite.text = doc.text.substr(cite.start, cite.end - cite.start);
  return cite;
}

Cite cite_sentence(const Document& doc, uint32_t sentence) {
  if (sentence >= doc.sentences.size()) return make_cite(doc, Span{0, 0});
  Cite cite = make_cite(doc, doc.sentences[sentence].span);
  cite.sentence = sentence;
  return cite;
}

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kPlace: return "place";
    case EntityType::kMisc: return "misc";
  }
  return "misc";
}

const char* to_string(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

const char* to_string(Bound bound) {
  switch (bound) {
    case Bound::kExact: return "exact";
    case Bound::kAtLeast: return "at_least";
    case Bound::kAtMost: return "at_most";
    case Bound::kMoreThan: return "more_than";
    case Bound::kLessThan: return "less_than";
    case Bound::kAbout: return "about";
  }
  return "exact";
}

const char* to_string(FactStatus status) {
  switch (status) {
    case FactStatus::kCorroborated: return "corroborated";
    case FactStatus::kSingleSource: return "single-source";
    case FactStatus::kContested: return "contested";
  }
  return "single-source";
}

const char* to_string(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kNumber: return "number";
    case ConflictKind::kDate: return "date";
    case ConflictKind::kRole: return "role";
    case ConflictKind::kPolarity: return "polarity";
    case ConflictKind::kAttribution: return "attribution";
    case ConflictKind::kPlace: return "place";
  }
  return "number";
}

}  // namespace crosscheck
