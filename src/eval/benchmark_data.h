// Readers for benchmark files laid out as their folders in ../shared/data.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/problem.h"
#include "extract/extract.h"

namespace crosscheck::eval {

// Lines of a text file, gunzipped when it is gzip (zlib reads plain files unchanged).
// Returns false with `problem` set when the file cannot be read.
bool read_lines(const std::string& path, std::vector<std::string>& lines, Problem& problem);

struct BenchmarkArticle {
  std::string id;
  std::string text;
};

// One event cluster of a multi-document benchmark (Multi-News, DUC 2004).
struct BenchmarkCluster {
  std::string id;
  std::vector<BenchmarkArticle> articles;
};

// One text of a detection benchmark (aidetect layout). `label` is "human", "machine" or empty
// when the file has none (news-fulltext); `generator` is "human" for human texts.
struct LabelledText {
  std::string id;
  std::string text;
  std::string label;
  std::string generator;
};

// Reads `path`: a JSON lines file (optionally .gz) of {"id", "text", "label", "generator"}, or a
// folder whose *.jsonl[.gz] files are read in name order. Rows without a "text" string are
// reported in `problems` and skipped; a missing id becomes "file:line".
std::vector<LabelledText> load_labelled_texts(const std::string& path, Problems& problems);

// Reads `path`: a clusters JSON lines file (optionally .gz), or a folder whose files named
// clusters*.jsonl[.gz] are read in name order. Lines that are not a JSON object with
// "articles" are reported in `problems` and skipped.
// The CoNLL-2003 name of an entity type: "PER", "ORG", "LOC", "MISC".
const char* conll_type_name(EntityType type);

std::vector<BenchmarkCluster> load_clusters(const std::string& path, Problems& problems);

// One PolNeAR article: its text as stored (not normalised, so the offsets hold) and the
// attribution spans of one annotator, as byte spans into `text`. A discontinuous brat span
// ("10 14;30 35") gives one RoleSpan per fragment.
struct AttributionArticle {
  std::string id;
  std::string text;
  std::vector<RoleSpan> spans;  // sorted by start
};

// Reads one brat standoff file of attributions against its text: T lines labelled Source, Cue
// and Content (code-point offsets) become byte spans; Attribution triggers, Discuss and Discard
// lines, E relations and # notes are skipped; a line that continues the previous T record (a
// surface text with a newline) is skipped. False with `error` ("line 7: offset 90 beyond the
// text") on a malformed T line, an offset beyond the text, more than 1,000,000 lines or input
// over 16 MiB; `text` must be valid UTF-8.
bool parse_brat_attributions(std::string_view ann, std::string_view text,
                             std::vector<RoleSpan>& spans, std::string& error);

// Reads a PolNeAR split folder (text/*.txt, attributions/*_ANNOTATOR.ann): per article the
// lexicographically first annotator's file, in file name order. Articles without annotations,
// unreadable files and parse errors are named in `problems` and skipped. `path` may also be the
// folder holding text/ and attributions/ of one split only.
std::vector<AttributionArticle> load_polnear(const std::string& path, Problems& problems);

}  // namespace crosscheck::eval

namespace crosscheck::eval {

// One -DOCSTART- block of a CoNLL-2003 file: its tokens joined by spaces and its sentences by
// newlines as `doc.text` (not yet annotated), the gold names as `doc.mentions` (type and span;
// IOB1 or IOB2 tags read with conlleval's chunk rules), and per CoNLL token its span, sentence
// and gold tag.
struct ConllDocument {
  Document doc;
  std::vector<Span> tokens;
  std::vector<uint32_t> sentence_of;
  std::vector<std::string> tags;
};

// Reads a CoNLL-2003 file (`word ... tag` per line, the tag last) or every file named
// eng.test* / *.conll in a folder. Lines with a single column, and tags that are not O, B-X or
// I-X, are reported in `problems` and read as O.
std::vector<ConllDocument> read_conll(const std::string& path, Problems& problems);
// The same for lines already read; `name` names them in problems. At most 64 MiB of text per
// document is kept; never throws.
std::vector<ConllDocument> parse_conll(const std::vector<std::string>& lines,
                                       const std::string& name, Problems& problems);

// Entity chunks of a tag sequence per conlleval: (sentence, first, last, type), sorted.
struct Chunk {
  uint32_t sentence = 0, first = 0, last = 0;
  std::string type;
  auto operator<=>(const Chunk&) const = default;
};
std::vector<Chunk> chunks_of(const std::vector<std::string>& tags,
                             const std::vector<uint32_t>& sentence_of);

// IOB1 tags for CoNLL tokens from mentions (a token takes the mention that covers its start).
std::vector<std::string> tags_from_mentions(const std::vector<Span>& tokens,
                                            const std::vector<uint32_t>& sentence_of,
                                            const std::vector<Mention>& mentions);

// One gold name: the capitalised run that ends its annotated extent ("U.S. automaker Chrysler"
// -> "Chrysler", "the government of Canada" -> "Canada"), its type and cross-document instance.
struct MeantimeName {
  Span span;
  EntityType type = EntityType::kMisc;
  std::string instance;  // empty when the file has no cross-document instance
};

struct MeantimeDocument {
  Document doc;
  std::vector<MeantimeName> names;
  std::vector<Span> other_extents;  // mentions of other types (products, money, ...)
};

// Reads one MEANTIME CAT XML file: `out.doc.text` is its tokens joined by spaces, sentences
// by blank lines; gold names are mentions of PER, ORG and LOC entities written as names
// (syntactic type NAM or PRE.NAM, or untyped and all capitalised). False and `problem` when it
// is not well-formed or has no tokens. Limited to 64 MiB; no network, no entity expansion.
bool read_meantime(const std::string& path, std::string_view xml, MeantimeDocument& out,
                   Problem& problem);

}  // namespace crosscheck::eval

namespace crosscheck::eval {

// One sentence pair of the MSR Paraphrase Corpus layout (TSV with a header line:
// Quality, #1 ID, #2 ID, #1 String, #2 String).
struct ParaphrasePair {
  bool paraphrase = false;
  std::string id_a, id_b;
  std::string a, b;
  std::string key() const { return id_a + " " + id_b; }
};

// Reads pairs from a .tsv or .tsv.gz file; malformed lines are reported in `problems` and
// skipped. False when the file cannot be read.
bool read_paraphrase_pairs(const std::string& path, std::vector<ParaphrasePair>& pairs,
                           Problems& problems);

// The seeded split of a paraphrase file: fold 0..folds-1 of a pair from a stable hash (FNV-1a)
// of its ids and `seed`, so the split does not depend on the order of the file.
int paraphrase_fold(const ParaphrasePair& pair, int folds, uint64_t seed);

}  // namespace crosscheck::eval
