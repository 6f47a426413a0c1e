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

// Reads a TimeML document: the text inside <TEXT> with every tag removed and entities decoded,
// and the DCT value. False and `error` when the XML is malformed or has no <TEXT>. Input is
// limited to 64 MiB.
bool read_timeml(std::string_view xml, std::string& text, std::string& dct, std::string& error);

// TimeML with the document's timexes as <TIMEX3 tid type value> tags inside <TEXT>.
std::string write_timeml(const Document& doc, const std::string& dct);

// brat standoff of the document's quotes: T lines for Source, Cue and Content (code-point
// offsets, as PolNeAR) and one R line per attribution.
std::string write_brat_quotes(const Document& doc);

}  // namespace crosscheck::cli
