// WARC (1.0, 1.1 and 0.17), streamed record by record: HTML pages from HTTP 200 `response`
// records and text/html `resource` records.
#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/readers.h"

namespace crosscheck::ingest_internal {

namespace {

constexpr size_t kMaxHeaderLine = size_t{64} << 10;
constexpr size_t kMaxHeaderFields = 512;
// Enough of a response to read its HTTP status line and headers without reading the body.
constexpr size_t kHttpHeadPeek = 16384;

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string field(const Fields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return {};
}

// "Name: value" lines with continuation lines folded; keys lower case.
void add_header_line(Fields& fields, std::string_view line) {
  if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
    fields.back().second += ' ';
    fields.back().second += trim(line);
    return;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  fields.emplace_back(ascii_lower(trim(line.substr(0, colon))),
                      std::string(trim(line.substr(colon + 1))));
}

bool parse_size(std::string_view text, size_t& value) {
  text = trim(text);
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

std::string strip_angles(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

// The HTTP message at the start of a response record: status and headers.
struct HttpHead {
  int status = 0;
  Fields headers;
  size_t body_offset = 0;  // where the payload starts
  bool complete = false;
};

HttpHead parse_http_head(std::string_view message) {
  HttpHead head;
  size_t end = message.find("\r\n\r\n");
  size_t separator = 4;
  if (end == std::string_view::npos) {
    end = message.find("\n\n");
    separator = 2;
  }
  if (end == std::string_view::npos || message.substr(0, 5) != "HTTP/") return head;
  head.complete = true;
  head.body_offset = end + separator;
  std::string_view block = message.substr(0, end);
  size_t line_start = 0;
  bool first = true;
  while (line_start <= block.size()) {
    size_t line_end = block.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = block.size();
    std::string_view line = block.substr(line_start, line_end - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      size_t space = line.find(' ');
      if (space != std::string_view::npos) {
        std::string_view code = line.substr(space + 1, 3);
        std::from_chars(code.data(), code.data() + code.size(), head.status);
      }
      first = false;
    } else if (head.headers.size() < kMaxHeaderFields) {
      add_header_line(head.headers, line);
    }
    line_start = line_end + 1;
  }
  return head;
}

bool is_html_type(std::string_view content_type) {
  std::string lower = ascii_lower(content_type);
  return lower.find("text/html") != std::string::npos ||
         lower.find("application/xhtml") != std::string::npos;
}

// Undoes HTTP chunked transfer coding; false when the chunks are malformed.
bool dechunk(std::string_view body, std::string& out) {
  out.clear();
  size_t pos = 0;
  while (pos < body.size()) {
    size_t line_end = body.find('\n', pos);
    if (line_end == std::string_view::npos) return false;
    std::string_view size_text = trim(body.substr(pos, line_end - pos));
    size_text = size_text.substr(0, size_text.find(';'));
    size_t size = 0;
    auto [end, error] =
        std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (error != std::errc() || size_text.empty()) return false;
    (void)end;
    pos = line_end + 1;
    if (size == 0) return true;
    if (size > body.size() - pos) return false;
    out.append(body.substr(pos, size));
    pos += size;
    while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
  }
  return true;
}

class WarcParser {
 public:
  WarcParser(Reader& reader, const std::string& name, const IngestOptions& options,
             const PendingSink& sink)
      : reader_(reader), name_(name), options_(options), sink_(sink) {}

  void run();

 private:
  void problem(std::string input, std::string reason) {
    Pending pending;
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {std::move(input), std::move(reason)};
    sink_(std::move(pending));
  }
  std::string where(const std::string& record_id) const {
    if (!record_id.empty()) return name_ + ":" + record_id;
    return name_ + ":record " + std::to_string(record_number_);
  }
  // False (after reporting the record as truncated) when fewer than `length` bytes were read.
  bool check_complete(const std::string& record_id, size_t got, size_t length) {
    if (got >= length) return true;
    problem(where(record_id), "truncated record (" + std::to_string(got) + " of " +
                                  std::to_string(length) + " bytes)");
    truncated_ = true;
    return false;
  }
  // Reads one record's header block; false at the end of input (after reporting any problem).
  bool read_header(Fields& fields, size_t& record_offset);
  void use_record(const Fields& fields, std::string&& block);

  Reader& reader_;
  const std::string& name_;
  const IngestOptions& options_;
  const PendingSink& sink_;
  size_t record_number_ = 0;
  bool truncated_ = false;
};

bool WarcParser::read_header(Fields& fields, size_t& record_offset) {
  std::string line;
  bool too_long = false;
  bool reported_garbage = false;
  // Blank lines separate records; anything else before "WARC/" is skipped, reported once.
  while (true) {
    record_offset = reader_.offset();
    if (!reader_.read_line(line, kMaxHeaderLine, too_long)) return false;
    if (!too_long && line.rfind("WARC/", 0) == 0) break;
    if (!too_long && trim(line).empty()) continue;
    if (!reported_garbage) {
      reported_garbage = true;
      problem(name_ + ":byte " + std::to_string(record_offset),
              "expected a WARC record header; skipping to the next one");
    }
  }
  ++record_number_;
  while (true) {
    if (!reader_.read_line(line, kMaxHeaderLine, too_long)) {
      problem(where(strip_angles(field(fields, "warc-record-id"))),
              "truncated record (input ends inside the header)");
      truncated_ = true;
      return false;
    }
    if (too_long) continue;
    if (line.empty()) return true;
    if (fields.size() < kMaxHeaderFields) add_header_line(fields, line);
  }
}

void WarcParser::run() {
  while (true) {
    Fields fields;
    size_t record_offset = 0;
    if (!read_header(fields, record_offset)) break;
    std::string record_id = strip_angles(field(fields, "warc-record-id"));
    size_t length = 0;
    if (!parse_size(field(fields, "content-length"), length)) {
      problem(where(record_id), "record without a valid Content-Length");
      continue;  // the next "WARC/" line resynchronises
    }
    std::string type = ascii_lower(field(fields, "warc-type"));
    bool wanted = type == "response" || type == "resource";
    if (wanted && length > options_.max_article_bytes) {
      std::string_view head = reader_.peek(std::min(length, kHttpHeadPeek));
      HttpHead http = parse_http_head(head);
      bool html = type == "response"
                      ? http.status == 200 && is_html_type(field(http.headers, "content-type"))
                      : is_html_type(field(fields, "content-type"));
      if (!check_complete(record_id, reader_.skip(length), length)) break;
      if (html) {
        problem(where(record_id),
                "record larger than " + std::to_string(options_.max_article_bytes) + " bytes");
      }
      continue;
    }
    if (!wanted) {
      if (!check_complete(record_id, reader_.skip(length), length)) break;
      continue;
    }
    std::string block;
    if (!check_complete(record_id, reader_.read_exact(length, block), length)) break;
    use_record(fields, std::move(block));
  }
  // A truncated record already explains a truncated gzip stream.
  if (!reader_.error().empty() && !truncated_) problem(name_, reader_.error());
}

void WarcParser::use_record(const Fields& fields, std::string&& block) {
  std::string type = ascii_lower(field(fields, "warc-type"));
  std::string record_id = strip_angles(field(fields, "warc-record-id"));
  Pending pending;
  pending.kind = Pending::Kind::kHtml;
  pending.input = where(record_id);
  pending.doc.id = record_id;
  pending.doc.source = record_id.empty() ? pending.input : record_id;
  pending.doc.url = strip_angles(field(fields, "warc-target-uri"));
  pending.crawl_date = normalize_date(field(fields, "warc-date"));
  if (type == "resource") {
    if (!is_html_type(field(fields, "content-type"))) return;
    pending.charset = content_type_charset(field(fields, "content-type"));
    if (pending.charset.empty()) pending.charset = html_declared_charset(block);
    pending.html = std::move(block);
    sink_(std::move(pending));
    return;
  }
  HttpHead http = parse_http_head(block);
  if (!http.complete || http.status != 200) return;
  std::string content_type = field(http.headers, "content-type");
  std::string_view payload = std::string_view(block).substr(http.body_offset);
  if (content_type.empty()) {
    if (format_from_content(payload.substr(0, 2048)) != Format::kHtml) return;
  } else if (!is_html_type(content_type)) {
    return;
  }
  std::string decoded;
  if (ascii_lower(field(http.headers, "transfer-encoding")).find("chunked") != std::string::npos &&
      dechunk(payload, decoded)) {
    payload = decoded;
  }
  std::string encoding = ascii_lower(field(http.headers, "content-encoding"));
  std::string inflated;
  if ((encoding == "gzip" || encoding == "x-gzip") && is_gzip(payload)) {
    std::string reason;
    if (!gunzip(payload, options_.max_article_bytes, inflated, reason)) {
      problem(pending.input, "payload: " + reason);
      return;
    }
    payload = inflated;
  }
  pending.charset = content_type_charset(content_type);
  if (pending.charset.empty()) pending.charset = html_declared_charset(payload);
  pending.html.assign(payload);
  sink_(std::move(pending));
}

}  // namespace

void parse_warc(Reader& reader, const std::string& name, const IngestOptions& options,
                const PendingSink& sink) {
  WarcParser(reader, name, options, sink).run();
}

}  // namespace crosscheck::ingest_internal
