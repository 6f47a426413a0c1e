// Interchange formats of the tagging commands: CoNLL-2003 columns (ner), TimeML (timex) and
// brat standoff (quotes). Readers take outside data and never throw; they state their limits.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "extract/extract.h"

namespace crosscheck::cli {

// Tags CoNLL-2003 input (one token per line, first column the word, blank lines between
// sentences, -DOCSTART- lines between documents) and returns the same lines with a predicted
// IOB1 tag (PER, ORG, LOC, MISC) appended as the last column.
std::string tag_conll(std::string_view conll, const Extractor& extractor);

// TimeML with the document's timexes as <TIMEX3 tid type value> tags inside <TEXT>.
std::string write_timeml(const Document& doc, const std::string& dct);

// brat standoff of the document's quotes: T lines for Source, Cue and Content (code-point
// offsets, as PolNeAR) and one R line per attribution.
std::string write_brat_quotes(const Document& doc);

}  // namespace crosscheck::cli
