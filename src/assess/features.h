// Internal to the assess stage: the stylometric features of score_machine, separate from the
// weights so that they can be measured and fitted on labelled data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assess/assess.h"
#include "core/document.h"

namespace crosscheck::assess {

struct Features {
  double ai_byline = 0;       // 1 when a line near the top or end names an AI as author
  int scaffold_lines = 0;     // "Key Points", "Summary", "FAQ", "Question:", table rules
  int markdown_headings = 0;  // "**Heading**", "## Heading"
  double stock_phrases = 0;
  std::vector<std::string> stock_examples;  // the first three distinct stock phrases found //
                                            // occurrences of stock model phrases
  int encyclopedic_sentences = 0;     // "born on", "served as ... from YEAR to YEAR", "refers to"
  double length_variation = 0;        // coefficient of variation of sentence lengths in words
  bool has_length_variation = false;  // at least five sentences of four or more words
  double generic_rate = 0;            // generic or hedging words per 100 words
  double attribution_rate = 0;        // said/told/according to and quotations per 100 words
  double name_rate = 0;               // capitalised words inside sentences per 100 words
  double digit_rate = 0;              // numbers per 100 words
  int words = 0;
};

// True for a sentence written like an encyclopedia entry rather than a report ("born on ...",
// "served as ... from 2000 to 2008", "refers to", "is a Russian politician").
bool is_encyclopedic(std::string_view sentence);

// Features of a document; annotates a copy with the text stage when it has no sentences.
Features machine_features(const Document& doc);
// The documented logistic score over the features, with reasons.
MachineScore score_features(const Features& features);

}  // namespace crosscheck::assess
