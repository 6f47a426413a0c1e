#include "extract/times_tense.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/ud.h"
#include "extract/layers.h"
#include "extract/times_calendar.h"
#include "text/text.h"

namespace crosscheck::extract {
namespace {

// One parsed token as a test writes it: word, UPOS, XPOS, head (1-based as in CoNLL-U, 0 for
// the root), relation.
struct Parsed {
  std::string word, upos, xpos;
  int head;
  std::string deprel;
};

// Tokenises `text` with the text stage and sets the syntax layer from `parse`, which must list
// the same tokens. Past-tense and present-tense morphology follows the XPOS tag.
Document parsed(const std::string& text, const std::vector<Parsed>& parse) {
  Document doc;
  doc.text = text;
  annotate_text(doc);
  EXPECT_EQ(doc.tokens.size(), parse.size()) << text;
  for (size_t i = 0; i < doc.tokens.size() && i < parse.size(); ++i) {
    Token& token = doc.tokens[i];
    EXPECT_EQ(doc.slice(token.span), parse[i].word);
    token.upos = upos_from_name(parse[i].upos);
    token.xpos = xpos_tag_from_name(parse[i].xpos);
    token.head = parse[i].head - 1;
    token.deprel = deprel_from_name(parse[i].deprel);
    if (parse[i].xpos == "VBD") token.morph.tense = Tense::kPast;
    if (parse[i].xpos == "VBZ" || parse[i].xpos == "VBP") token.morph.tense = Tense::kPres;
  }
  return doc;
}

uint32_t offset_of(const Document& doc, std::string_view word) {
  return static_cast<uint32_t>(doc.text.find(word));
}

std::string friday_value(Document doc, const std::string& dct) {
  find_times(doc, dct);
  for (const Timex& timex : doc.timexes)
    if (doc.slice(timex.span) == "Friday") return timex.value;
  return "";
}

// A relative clause in the past sits nearer the weekday than the main verb: the words alone
// would point back; the tree finds "is meeting" and points forward.
TEST(TimesTense, ProgressivePresentGoverningAWeekdayPointsForward) {
  Document doc =
      parsed("The envoy, who arrived in Paris yesterday, is meeting officials on Friday.",
             {{"The", "DET", "DT", 2, "det"},
              {"envoy", "NOUN", "NN", 11, "nsubj"},
              {",", "PUNCT", ",", 5, "punct"},
              {"who", "PRON", "WP", 5, "nsubj"},
              {"arrived", "VERB", "VBD", 2, "acl:relcl"},
              {"in", "ADP", "IN", 7, "case"},
              {"Paris", "PROPN", "NNP", 5, "obl"},
              {"yesterday", "NOUN", "NN", 5, "obl:tmod"},
              {",", "PUNCT", ",", 5, "punct"},
              {"is", "AUX", "VBZ", 11, "aux"},
              {"meeting", "VERB", "VBG", 0, "root"},
              {"officials", "NOUN", "NNS", 11, "obj"},
              {"on", "ADP", "IN", 14, "case"},
              {"Friday", "PROPN", "NNP", 11, "obl"},
              {".", "PUNCT", ".", 11, "punct"}});
  EXPECT_EQ(clause_direction(doc, offset_of(doc, "Friday")), TimeDirection::kFuture);
  EXPECT_EQ(clause_direction(doc, offset_of(doc, "yesterday")), TimeDirection::kPast);
  EXPECT_EQ(friday_value(doc, "2025-04-17"), "2025-04-18");  // a Thursday publication
}

TEST(TimesTense, ModalPastAndPerfectChains) {
  auto sentence = [](const std::string& aux, const std::string& aux_xpos, const std::string& verb,
                     const std::string& verb_xpos) {
    std::string text = "Ministers " + (aux.empty() ? "" : aux + " ") + verb + " on Friday.";
    std::vector<Parsed> parse = {{"Ministers", "NOUN", "NNS", aux.empty() ? 2 : 3, "nsubj"}};
    int verb_index = aux.empty() ? 2 : 3;
    if (!aux.empty()) parse.push_back({aux, "AUX", aux_xpos, verb_index, "aux"});
    parse.push_back({verb, "VERB", verb_xpos, 0, "root"});
    parse.push_back({"on", "ADP", "IN", verb_index + 2, "case"});
    parse.push_back({"Friday", "PROPN", "NNP", verb_index, "obl"});
    parse.push_back({".", "PUNCT", ".", verb_index, "punct"});
    return parsed(text, parse);
  };
  // 2025-06-04 is a Wednesday.
  EXPECT_EQ(friday_value(sentence("will", "MD", "meet", "VB"), "2025-06-04"), "2025-06-06");
  EXPECT_EQ(friday_value(sentence("", "", "met", "VBD"), "2025-06-04"), "2025-05-30");
  EXPECT_EQ(friday_value(sentence("have", "VBP", "met", "VBN"), "2025-06-04"), "2025-05-30");
  EXPECT_EQ(friday_value(sentence("", "", "meet", "VBP"), "2025-06-04"), "2025-06-06");
  EXPECT_EQ(friday_value(sentence("were", "VBD", "meeting", "VBG"), "2025-06-04"), "2025-05-30");
}

TEST(TimesTense, InfinitiveTakesTheDirectionOfTheVerbItComplements) {
  Document doc =
      parsed("Talks are expected to resume on Friday.", {{"Talks", "NOUN", "NNS", 3, "nsubj:pass"},
                                                         {"are", "AUX", "VBP", 3, "aux:pass"},
                                                         {"expected", "VERB", "VBN", 0, "root"},
                                                         {"to", "PART", "TO", 5, "mark"},
                                                         {"resume", "VERB", "VB", 3, "xcomp"},
                                                         {"on", "ADP", "IN", 7, "case"},
                                                         {"Friday", "PROPN", "NNP", 5, "obl"},
                                                         {".", "PUNCT", ".", 3, "punct"}});
  EXPECT_EQ(clause_direction(doc, offset_of(doc, "Friday")), TimeDirection::kFuture);
  EXPECT_EQ(friday_value(doc, "2025-11-12"), "2025-11-14");
}

TEST(TimesTense, UnparsedTextIsUnknown) {
  Document doc;
  doc.text = "Ministers met on Friday.";
  annotate_text(doc);
  EXPECT_EQ(clause_direction(doc, offset_of(doc, "Friday")), TimeDirection::kUnknown);
  EXPECT_EQ(clause_direction(doc, 1000), TimeDirection::kUnknown);
}

TEST(Calendar, IntervalsAndGranularity) {
  auto span = [](std::string_view value) {
    auto interval = calendar_interval(value);
    if (!interval) return std::string("none");
    return format_date(interval->first_day) + ".." + format_date(interval->last_day);
  };
  EXPECT_EQ(span("2024-02-29"), "2024-02-29..2024-02-29");
  EXPECT_EQ(span("2024-02"), "2024-02-01..2024-02-29");
  EXPECT_EQ(span("2023-02"), "2023-02-01..2023-02-28");
  EXPECT_EQ(span("2020-W53"), "2020-12-28..2021-01-03");
  EXPECT_EQ(span("2025-W01-WE"), "2025-01-04..2025-01-05");
  EXPECT_EQ(span("2025-Q4"), "2025-10-01..2025-12-31");
  EXPECT_EQ(span("2025-H1"), "2025-01-01..2025-06-30");
  EXPECT_EQ(span("2025-WI"), "2025-12-01..2026-02-28");
  EXPECT_EQ(span("1990"), "1990-01-01..1990-12-31");
  EXPECT_EQ(span("199"), "1990-01-01..1999-12-31");
  EXPECT_EQ(span("19"), "1900-01-01..1999-12-31");
  EXPECT_EQ(span("2025-13"), "none");
  EXPECT_EQ(span("2025-02-30"), "none");
  EXPECT_EQ(span("P3Y"), "none");
  EXPECT_EQ(span("PRESENT_REF"), "none");
  EXPECT_EQ(calendar_interval("2025-04-17TMO")->granularity, TimeGranularity::kTime);
  EXPECT_EQ(calendar_interval("2025-W16")->granularity, TimeGranularity::kWeek);
}

TEST(Calendar, TimexesCarryGranularityAndDays) {
  Document doc;
  doc.text =
      "Talks began last month, resumed last week and end on Friday, officials said. "
      "The war, now in its fourth year, drags on. He spoke for three hours.";
  annotate_text(doc);
  find_times(doc, "2025-04-16");
  std::vector<std::string> seen;
  for (const Timex& timex : doc.timexes) {
    std::string text(doc.slice(timex.span));
    if (text == "last month") {
      EXPECT_EQ(timex.granularity, TimeGranularity::kMonth);
      EXPECT_EQ(timex.first_day, "2025-03-01");
      EXPECT_EQ(timex.last_day, "2025-03-31");
    } else if (text == "last week") {
      EXPECT_EQ(timex.granularity, TimeGranularity::kWeek);
      EXPECT_EQ(timex.first_day, "2025-04-07");
    } else if (text == "Friday") {
      EXPECT_EQ(timex.granularity, TimeGranularity::kDay);
      EXPECT_EQ(timex.first_day, timex.last_day);
    } else if (text == "three hours") {
      EXPECT_EQ(timex.granularity, TimeGranularity::kNone);
      EXPECT_TRUE(timex.first_day.empty());
    }
    seen.push_back(text);
  }
  EXPECT_NE(std::find(seen.begin(), seen.end(), "last month"), seen.end());
  EXPECT_NE(std::find(seen.begin(), seen.end(), "three hours"), seen.end());
}

}  // namespace
}  // namespace crosscheck::extract

namespace crosscheck::extract {
namespace {

TEST(TimesQuarters, AYearAgoTakesTheNamedQuarter) {
  Document doc;
  doc.text =
      "Profit in the second quarter rose from a year earlier. The year-ago quarter was weak.";
  annotate_text(doc);
  find_times(doc, "2011-08-02");
  std::vector<std::string> values;
  for (const Timex& timex : doc.timexes) values.push_back(timex.value);
  EXPECT_NE(std::find(values.begin(), values.end(), "2011-Q2"), values.end());
  EXPECT_EQ(std::count(values.begin(), values.end(), "2010-Q2"), 2);
}

TEST(TimesQuarters, FullMonthNameBeforeTheFinalDot) {
  Document doc;
  doc.text = "The plant was sold in June. It reopened on 3 March.";
  annotate_text(doc);
  find_times(doc, "2007-10-20");
  ASSERT_EQ(doc.timexes.size(), 2u);
  EXPECT_EQ(doc.slice(doc.timexes[0].span), "June");
  EXPECT_EQ(doc.timexes[0].value, "2007-06");
  EXPECT_EQ(doc.slice(doc.timexes[1].span), "3 March");
}

}  // namespace
}  // namespace crosscheck::extract
