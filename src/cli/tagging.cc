#include "cli/tagging.h"

#include <sstream>
#include <vector>

#include "eval/benchmark_data.h"
#include "text/text.h"

namespace crosscheck::cli {

namespace {

struct ConllLine {
  std::string_view line;
  Span token;  // empty for blank and -DOCSTART- lines
  bool is_token = false;
};

// Tags one document's lines in place (appends the tag column to `out`).
void tag_document(std::vector<ConllLine>& lines, const std::string& text,
                  const Extractor& extractor, std::string& out) {
  Document doc;
  doc.id = "conll";
  doc.text = text;
  annotate_text(doc);
  extractor.annotate(doc, ExtractOptions{true, false, false, false});
  size_t next_mention = 0;
  int previous_mention = -1;
  EntityType previous_type = EntityType::kMisc;
  for (ConllLine& line : lines) {
    out.append(line.line);
    if (!line.is_token) {
      out.push_back('\n');
      previous_mention = -1;
      continue;
    }
    while (next_mention < doc.mentions.size() &&
           doc.mentions[next_mention].span.end <= line.token.start) {
      ++next_mention;
    }
    std::string tag = "O";
    int mention = -1;
    if (next_mention < doc.mentions.size() &&
        doc.mentions[next_mention].span.start <= line.token.start) {
      mention = static_cast<int>(next_mention);
      EntityType type = doc.mentions[next_mention].type;
      bool begins_adjacent =
          previous_mention >= 0 && previous_mention != mention && previous_type == type;
      tag = std::string(begins_adjacent ? "B-" : "I-") + eval::conll_type_name(type);
      previous_type = type;
    }
    previous_mention = mention;
    out.push_back(' ');
    out.append(tag);
    out.push_back('\n');
  }
}

void escape_xml(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
}

// Code-point offset of byte `offset` in `text`.
size_t code_points_before(std::string_view text, size_t offset) {
  size_t count = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

std::string tag_conll(std::string_view conll, const Extractor& extractor) {
  std::string out;
  std::vector<ConllLine> lines;
  std::string text;
  size_t pos = 0;
  while (pos <= conll.size()) {
    size_t end = conll.find('\n', pos);
    if (end == std::string_view::npos) end = conll.size();
    std::string_view line = conll.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (end == conll.size() && line.empty()) break;
    ConllLine entry{line, {}, false};
    if (line.starts_with("-DOCSTART-")) {
      if (!lines.empty()) tag_document(lines, text, extractor, out);
      lines.clear();
      text.clear();
    } else if (!line.empty()) {
      std::string_view word = line.substr(0, line.find(' '));
      if (!text.empty() && text.back() != '\n') text.push_back(' ');
      entry.token.start = static_cast<uint32_t>(text.size());
      text.append(word);
      entry.token.end = static_cast<uint32_t>(text.size());
      entry.is_token = true;
    } else if (!text.empty() && text.back() != '\n') {
      text.push_back('\n');
    }
    lines.push_back(entry);
    pos = end + 1;
  }
  if (!lines.empty()) tag_document(lines, text, extractor, out);
  return out;
}

std::string write_timeml(const Document& doc, const std::string& dct) {
  std::string out =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"";
  escape_xml(dct, out);
  out += "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">";
  escape_xml(dct, out);
  out += "</TIMEX3></DCT>\n<TEXT>";
  uint32_t pos = 0;
  int tid = 1;
  for (const Timex& timex : doc.timexes) {
    if (timex.span.start < pos || timex.span.end > doc.text.size()) continue;
    escape_xml(std::string_view(doc.text).substr(pos, timex.span.start - pos), out);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" + to_string(timex.type) +
           "\" value=\"";
    escape_xml(timex.value, out);
    out += "\">";
    escape_xml(doc.slice(timex.span), out);
    out += "</TIMEX3>";
    pos = timex.span.end;
  }
  escape_xml(std::string_view(doc.text).substr(std::min<size_t>(pos, doc.text.size())), out);
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

std::string write_brat_quotes(const Document& doc) {
  std::ostringstream out;
  // One T line per distinct span (a cue shared by a quote split around it is written once);
  // spans in PolNeAR's conventions, so a direct quote's content covers its marks.
  std::vector<RoleSpan> spans = attribution_spans(doc);
  auto id_of = [&](AttributionRole role, Span span) -> size_t {
    if (span.empty()) return 0;
    for (size_t i = 0; i < spans.size(); ++i)
      if (spans[i].role == role && spans[i].span == span) return i + 1;
    return 0;
  };
  static constexpr const char* kLabels[] = {"Source", "Cue", "Content"};
  size_t code_points = 0, counted_to = 0;
  auto code_point_at = [&](size_t offset) {  // spans are sorted: count forward only
    if (offset < counted_to) return code_points_before(doc.text, offset);
    for (; counted_to < offset && counted_to < doc.text.size(); ++counted_to)
      if ((static_cast<unsigned char>(doc.text[counted_to]) & 0xC0) != 0x80) ++code_points;
    return code_points;
  };
  for (size_t i = 0; i < spans.size(); ++i) {
    std::string surface(doc.slice(spans[i].span));
    for (char& c : surface)
      if (c == '\n' || c == '\t') c = ' ';
    size_t start = code_point_at(spans[i].span.start);
    size_t end = code_point_at(spans[i].span.end);
    out << 'T' << i + 1 << '\t' << kLabels[static_cast<size_t>(spans[i].role)] << ' ' << start
        << ' ' << end << '\t' << surface << '\n';
  }
  int r = 0;
  for (const Quote& quote : doc.quotes) {
    size_t content = 0;
    for (size_t i = 0; i < spans.size() && !content; ++i)
      if (spans[i].role == AttributionRole::kContent && spans[i].span.contains(quote.content))
        content = i + 1;
    if (!content) continue;
    size_t source = id_of(AttributionRole::kSource, quote.source);
    size_t cue = id_of(AttributionRole::kCue, quote.cue);
    out << 'R' << ++r << '\t' << (source ? "Attribution" : "Attribution-no-source");
    if (source) out << " Source:T" << source;
    if (cue) out << " Cue:T" << cue;
    out << " Content:T" << content << '\n';
  }
  return out.str();
}

}  // namespace crosscheck::cli
