// annotate_text: the sentence and token layers of a Document.
#include "text/text.h"

#include "text/annotate.h"

namespace crosscheck {

void annotate_text(Document& doc) {
  doc.sentences.clear();
  doc.tokens.clear();
  std::vector<Span> spans = text_internal::split_sentences(doc.text);
  doc.sentences.reserve(spans.size());
  doc.tokens.reserve(doc.text.size() / 5);
  for (const Span& span : spans) {
    uint32_t index = static_cast<uint32_t>(doc.sentences.size());
    doc.sentences.push_back({span});
    text_internal::tokenize(doc.text, span, index, doc.tokens);
  }
}

const Document& with_tokens(const Document& doc, Document& scratch) {
  if (!doc.tokens.empty() || doc.text.empty()) return doc;
  scratch.text = doc.text;
  annotate_text(scratch);
  return scratch;
}

}  // namespace crosscheck
