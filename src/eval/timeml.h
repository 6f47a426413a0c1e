// Readers of annotated benchmark XML: TimeML (TempEval-3) and NewsReader CAT (MEANTIME).
// Both take outside data, never throw, and return false with a reason on malformed input.
// Inputs are limited to 64 MiB; libxml2 parses without network access or entity expansion.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace crosscheck::eval {

// A TIMEX3 of the gold annotation: byte span into TimemlDocument::text, type ("DATE", "TIME",
// "DURATION", "SET") and value as written.
struct GoldTimex {
  Span span;
  std::string type;
  std::string value;
};

struct TimemlDocument {
  std::string text;  // the text inside <TEXT> with every tag removed and entities decoded
  std::string dct;   // YYYY-MM-DD of the DCT's TIMEX3, empty when there is none
  std::vector<GoldTimex> timexes;  // the TIMEX3 elements inside <TEXT>, in text order
};

// Reads a TimeML document. False and `error` when the XML is malformed or has no <TEXT>.
bool read_timeml(std::string_view xml, TimemlDocument& doc, std::string& error);

// A markable of a CAT document: its element name's `type` attribute and the tokens it covers.
struct CatMarkable {
  std::string type;
  std::vector<size_t> tokens;  // indices into CatDocument::tokens, ascending
};

struct CatDocument {
  std::vector<std::string> tokens;
  std::vector<int> token_sentence;  // sentence number of each token
  std::vector<CatMarkable> markables;
  // Highest sentence number any markable (of any kind) touches, -1 when none: MEANTIME
  // annotates only the title and the first sentences of each article.
  int last_annotated_sentence = -1;
};

// Reads a NewsReader CAT document (<token t_id sentence> elements, markables with
// <token_anchor t_id> children) keeping the markables named `element` ("VALUE"). Anchors to
// unknown tokens are dropped. False and `error` when the XML is malformed.
bool read_cat(std::string_view xml, const char* element, CatDocument& doc, std::string& error);

}  // namespace crosscheck::eval
