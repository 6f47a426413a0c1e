// The time, quantity and quote layers over the example articles: every span slices inside the
// text and every sentence index is valid.
#include "extract/layers.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/document.h"
#include "extract/quotes_model.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

void expect_valid(const Document& doc, Span span, uint32_t sentence, const char* what) {
  EXPECT_LE(span.start, span.end) << what;
  EXPECT_LE(span.end, doc.text.size()) << what;
  EXPECT_LT(sentence, doc.sentences.size()) << what;
}

TEST(Layers, ExampleArticlesGiveValidSpans) {
  std::filesystem::path folder = "examples/paris-talks";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << "examples/paris-talks not found";
  QuoteModel model;
  std::string error;
  ASSERT_TRUE(model.load("models/quotes.bin", error)) << error;
  int articles = 0, timexes = 0, quantities = 0, quotes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream content;
    content << in.rdbuf();
    Document doc;
    doc.text = normalize(content.str());
    annotate_text(doc);
    find_times(doc, "");
    find_quantities(doc);
    find_quotes(doc, model);
    ++articles;
    for (const Timex& timex : doc.timexes) {
      expect_valid(doc, timex.span, timex.sentence, "timex");
      EXPECT_FALSE(timex.value.empty());
      EXPECT_FALSE(timex.anchored_to.empty());
    }
    for (const Quantity& quantity : doc.quantities) {
      expect_valid(doc, quantity.span, quantity.sentence, "quantity");
      expect_valid(doc, quantity.noun_span, quantity.sentence, "noun");
      expect_valid(doc, quantity.event_span, quantity.sentence, "event");
      for (const Timex& timex : doc.timexes) EXPECT_FALSE(timex.span.overlaps(quantity.span));
    }
    for (const Quote& quote : doc.quotes) {
      expect_valid(doc, quote.content, quote.sentence, "content");
      expect_valid(doc, quote.cue, quote.sentence, "cue");
      expect_valid(doc, quote.source, quote.sentence, "source");
      EXPECT_FALSE(quote.content.empty());
      if (quote.cue.empty()) {
        EXPECT_TRUE(quote.speaker.empty());  // never guessed
      }
    }
    timexes += doc.timexes.size();
    quantities += doc.quantities.size();
    quotes += doc.quotes.size();
  }
  EXPECT_EQ(articles, 5);
  EXPECT_GT(timexes, 5);
  EXPECT_GT(quantities, 5);
  EXPECT_GT(quotes, 3);
}

}  // namespace
}  // namespace crosscheck::extract
