// CoNLL-U (Universal Dependencies) reading and writing for the syntax stage.
//
// The reader takes any bytes: lines that are not ten tab-separated columns, bad ids and bad heads
// are skipped or repaired, never trusted (a head outside its sentence becomes 0). Multiword
// tokens (`1-2 don't`) are kept as surface ranges over their words; empty nodes (`8.1`) belong
// to the enhanced graph only and are skipped. Gzip input is read through zlib.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, misc;
  int head = 0;  // 1-based index of the head word in the sentence, 0 = root
};

// A multiword token: words [first, last] (0-based, inclusive) written as `form`.
struct ConlluRange {
  int first = 0, last = 0;
  std::string form, misc;
};

struct ConlluSentence {
  std::string id;              // "# sent_id = ..."
  std::string text;            // "# text = ..."
  bool new_document = false;   // "# newdoc" before it
  bool new_paragraph = false;  // "# newpar" (or a new document) before it
  std::vector<ConlluWord> words;
  std::vector<ConlluRange> ranges;
};

// Parses CoNLL-U text. Sentences with no words are dropped.
std::vector<ConlluSentence> parse_conllu(std::string_view text);

// Reads a file (gzip when it starts with the gzip magic bytes). False with `error` on failure.
bool read_file(const std::string& path, std::string& out, std::string& error);

// Reads and parses a .conllu or .conllu.gz file.
bool read_conllu(const std::string& path, std::vector<ConlluSentence>& out, std::string& error);

// True when MISC holds SpaceAfter=No.
bool no_space_after(std::string_view misc);

}  // namespace crosscheck::syntax
