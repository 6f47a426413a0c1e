// Fuzz target: normalize + annotate_text on arbitrary bytes, checking the layer invariants
// (spans inside the text and ordered, tokens inside their sentence, normalize idempotent).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/text.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  crosscheck::Document doc;
  doc.text = crosscheck::normalize(input);
  check(crosscheck::normalize(doc.text) == doc.text);
  crosscheck::annotate_text(doc);
  uint32_t previous_end = 0;
  for (const crosscheck::Sentence& sentence : doc.sentences) {
    check(sentence.span.start < sentence.span.end && sentence.span.end <= doc.text.size());
    check(sentence.span.start >= previous_end);
    previous_end = sentence.span.end;
  }
  previous_end = 0;
  for (const crosscheck::Token& token : doc.tokens) {
    check(token.span.start < token.span.end && token.span.start >= previous_end);
    check(token.sentence < doc.sentences.size());
    check(doc.sentences[token.sentence].span.contains(token.span));
    previous_end = token.span.end;
  }
  // Annotating raw (unnormalised) bytes must be safe too.
  crosscheck::Document raw;
  raw.text = std::string(input);
  crosscheck::annotate_text(raw);
  for (const crosscheck::Token& token : raw.tokens) check(token.span.end <= raw.text.size());
  return 0;
}
