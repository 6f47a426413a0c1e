#include "syntax/conllu.h"

#include <zlib.h>

#include <charconv>
#include <cstdio>
#include <memory>

namespace crosscheck::syntax {
namespace {

std::string_view trim_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return line;
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && out >= 0;
}

std::string_view comment_value(std::string_view line, std::string_view key) {
  // "# key = value"
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return {};
  rest.remove_prefix(key.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty() || rest.front() != '=') return {};
  rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

void finish(ConlluSentence& sentence, std::vector<ConlluSentence>& out) {
  if (!sentence.words.empty()) {
    const int n = static_cast<int>(sentence.words.size());
    for (ConlluWord& word : sentence.words) {
      if (word.head < 0 || word.head > n) word.head = 0;
    }
    std::vector<ConlluRange> kept;
    for (ConlluRange& range : sentence.ranges) {
      if (range.first >= 0 && range.first <= range.last && range.last < n &&
          (kept.empty() || kept.back().last < range.first)) {
        kept.push_back(std::move(range));
      }
    }
    sentence.ranges = std::move(kept);
    out.push_back(std::move(sentence));
  }
  sentence = ConlluSentence{};
}

}  // namespace

bool no_space_after(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

std::vector<ConlluSentence> parse_conllu(std::string_view text) {
  std::vector<ConlluSentence> out;
  ConlluSentence sentence;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = trim_line(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty()) {
      finish(sentence, out);
      continue;
    }
    if (line.front() == '#') {
      if (auto v = comment_value(line, "sent_id"); !v.empty()) sentence.id = v;
      if (auto v = comment_value(line, "text"); !v.empty()) sentence.text = v;
      if (line.substr(0, 8) == "# newdoc") sentence.new_document = sentence.new_paragraph = true;
      if (line.substr(0, 8) == "# newpar") sentence.new_paragraph = true;
      continue;
    }
    std::string_view cols[10];
    int ncols = 0;
    size_t start = 0;
    while (ncols < 10) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos || ncols == 9) {
        cols[ncols++] = line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
        break;
      }
      cols[ncols++] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (ncols < 10) continue;
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      int first = 0, last = 0;
      if (!parse_int(id.substr(0, dash), first) || !parse_int(id.substr(dash + 1), last)) continue;
      if (first < 1 || last < first) continue;
      ConlluRange range;
      range.first = first - 1;
      range.last = last - 1;
      range.form = cols[1];
      range.misc = cols[9];
      sentence.ranges.push_back(std::move(range));
      continue;
    }
    int index = 0;
    if (!parse_int(id, index) || index != static_cast<int>(sentence.words.size()) + 1) continue;
    ConlluWord word;
    word.form = cols[1];
    word.lemma = cols[2];
    word.upos = cols[3];
    word.xpos = cols[4];
    word.feats = cols[5];
    if (!parse_int(cols[6], word.head)) word.head = 0;
    word.deprel = cols[7];
    word.misc = cols[9];
    sentence.words.push_back(std::move(word));
  }
  finish(sentence, out);
  return out;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  out.clear();
  // Plain files in one read; gzip through zlib.
  if (FILE* plain = std::fopen(path.c_str(), "rb")) {
    unsigned char magic[2] = {0, 0};
    size_t got = std::fread(magic, 1, 2, plain);
    bool gzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    if (!gzip && std::fseek(plain, 0, SEEK_END) == 0) {
      long size = std::ftell(plain);
      if (size >= 0 && std::fseek(plain, 0, SEEK_SET) == 0) {
        out.resize(static_cast<size_t>(size));
        size_t read = std::fread(out.data(), 1, out.size(), plain);
        std::fclose(plain);
        if (read != out.size()) {
          error = path + ": read error";
          return false;
        }
        return true;
      }
    }
    std::fclose(plain);
  }
  gzFile file = gzopen(path.c_str(), "rb");  // reads plain files as they are
  if (!file) {
    error = path + ": cannot open";
    return false;
  }
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(n));
  int errnum = 0;
  const char* message = gzerror(file, &errnum);
  bool ok = n == 0 && errnum == Z_OK;
  if (!ok) error = path + ": " + (message ? message : "read error");
  gzclose(file);
  return ok;
}

bool read_conllu(const std::string& path, std::vector<ConlluSentence>& out, std::string& error) {
  std::string text;
  if (!read_file(path, text, error)) return false;
  out = parse_conllu(text);
  if (out.empty()) {
    error = path + ": no CoNLL-U sentences";
    return false;
  }
  return true;
}

}  // namespace crosscheck::syntax
