// Fuzz target for the time, quantity and quote layers: any text, annotated with and without a
// publication date, must give spans inside the text and valid sentence indices.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "extract/layers.h"
#include "extract/quotes_model.h"
#include "text/text.h"

namespace {

void check(const crosscheck::Document& doc, crosscheck::Span span, uint32_t sentence) {
  if (span.end < span.start || span.end > doc.text.size()) std::abort();
  if (!doc.sentences.empty() && sentence >= doc.sentences.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  static const crosscheck::extract::QuoteModel model = [] {
    crosscheck::extract::QuoteModel loaded;
    std::string error;
    loaded.load("models/quotes.bin", error);  // an empty model when missing: no quotes
    return loaded;
  }();
  crosscheck::Document doc;
  doc.text = crosscheck::normalize(std::string(reinterpret_cast<const char*>(data), size));
  crosscheck::annotate_text(doc);
  for (const char* dct : {"", "2025-04-17"}) {
    crosscheck::extract::find_times(doc, dct);
    crosscheck::extract::find_quantities(doc);
    crosscheck::extract::find_quotes(doc, model);
    for (const auto& timex : doc.timexes) check(doc, timex.span, timex.sentence);
    for (const auto& quantity : doc.quantities) {
      check(doc, quantity.span, quantity.sentence);
      check(doc, quantity.noun_span, quantity.sentence);
      check(doc, quantity.event_span, quantity.sentence);
    }
    for (const auto& quote : doc.quotes) {
      check(doc, quote.content, quote.sentence);
      check(doc, quote.cue, quote.sentence);
      check(doc, quote.source, quote.sentence);
    }
  }
  return 0;
}
