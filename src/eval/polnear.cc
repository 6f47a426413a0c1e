// PolNeAR's brat standoff attributions (Newell, Margolin and Ruths, LREC 2018).
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "core/utf8.h"
#include "eval/benchmark_data.h"

namespace crosscheck::eval {

namespace {

constexpr size_t kMaxAnnBytes = size_t{16} << 20;
constexpr size_t kMaxLines = 1000000;

// Byte offset of every code point of `text`, plus text.size() at the end.
std::vector<uint32_t> code_point_offsets(std::string_view text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      offsets.push_back(static_cast<uint32_t>(i));
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

bool read_number(std::string_view text, size_t& value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

std::optional<AttributionRole> role_of(std::string_view label) {
  if (label == "Source") return AttributionRole::kSource;
  if (label == "Cue") return AttributionRole::kCue;
  if (label == "Content") return AttributionRole::kContent;
  return std::nullopt;
}

// Parses "Label start end[;start end...]" of a T line into fragments.
bool parse_fragments(std::string_view field, std::string_view& label,
                     std::vector<std::pair<size_t, size_t>>& fragments) {
  size_t space = field.find(' ');
  if (space == std::string_view::npos) return false;
  label = field.substr(0, space);
  std::string_view rest = field.substr(space + 1);
  while (!rest.empty()) {
    size_t semicolon = rest.find(';');
    std::string_view fragment = rest.substr(0, semicolon);
    size_t gap = fragment.find(' ');
    if (gap == std::string_view::npos) return false;
    size_t start = 0, end = 0;
    if (!read_number(fragment.substr(0, gap), start) ||
        !read_number(fragment.substr(gap + 1), end) || end < start)
      return false;
    fragments.emplace_back(start, end);
    if (semicolon == std::string_view::npos) break;
    rest = rest.substr(semicolon + 1);
  }
  return !fragments.empty();
}

bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

bool parse_brat_attributions(std::string_view ann, std::string_view text,
                             std::vector<RoleSpan>& spans, std::string& error) {
  spans.clear();
  if (ann.size() > kMaxAnnBytes) {
    error = "annotation file over 16 MiB";
    return false;
  }
  if (!utf8::is_valid(text)) {
    error = "text is not valid UTF-8";
    return false;
  }
  std::vector<uint32_t> offsets = code_point_offsets(text);
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < ann.size()) {
    size_t newline = ann.find('\n', pos);
    std::string_view line =
        ann.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
    pos = newline == std::string_view::npos ? ann.size() : newline + 1;
    if (++line_number > kMaxLines) {
      error = "more than 1,000,000 lines";
      return false;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Only T records carry spans; anything else (E, #, continuation lines) is skipped.
    size_t tab = 1;
    while (tab < line.size() && line[tab] >= '0' && line[tab] <= '9') ++tab;
    if (line.empty() || line[0] != 'T' || tab == 1 || tab >= line.size() || line[tab] != '\t')
      continue;
    std::string_view field = line.substr(tab + 1);
    field = field.substr(0, field.find('\t'));
    std::string_view label;
    std::vector<std::pair<size_t, size_t>> fragments;
    auto where = [&] { return "line " + std::to_string(line_number) + ": "; };
    if (!parse_fragments(field, label, fragments)) {
      error = where() + "malformed span '" + std::string(field.substr(0, 80)) + "'";
      return false;
    }
    std::optional<AttributionRole> role = role_of(label);
    if (!role) continue;
    for (auto [start, end] : fragments) {
      if (end >= offsets.size()) {
        error = where() + "offset " + std::to_string(end) + " beyond the text";
        return false;
      }
      if (end > start) spans.push_back({*role, {offsets[start], offsets[end]}});
    }
  }
  std::sort(spans.begin(), spans.end(), [](const RoleSpan& a, const RoleSpan& b) {
    return std::tie(a.span.start, a.span.end, a.role) < std::tie(b.span.start, b.span.end, b.role);
  });
  return true;
}

std::vector<AttributionArticle> load_polnear(const std::string& path, Problems& problems) {
  namespace fs = std::filesystem;
  std::vector<AttributionArticle> articles;
  fs::path text_dir = fs::path(path) / "text";
  fs::path ann_dir = fs::path(path) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) {
    problems.push_back({path, "not a PolNeAR split (needs text/ and attributions/)"});
    return articles;
  }
  // Article name -> first annotator's file (names are ARTICLE_XXXX.ann).
  std::map<std::string, fs::path> annotations;
  for (const auto& entry : fs::directory_iterator(ann_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".ann") continue;
    size_t underscore = name.rfind('_');
    if (underscore == std::string::npos) continue;
    std::string article = name.substr(0, underscore);
    auto [it, inserted] = annotations.emplace(article, entry.path());
    if (!inserted && entry.path().filename() < it->second.filename()) it->second = entry.path();
  }
  std::vector<fs::path> texts;
  for (const auto& entry : fs::directory_iterator(text_dir, ec))
    if (entry.path().extension() == ".txt") texts.push_back(entry.path());
  std::sort(texts.begin(), texts.end());
  for (const fs::path& text_path : texts) {
    std::string id = text_path.stem().string();
    auto ann = annotations.find(id);
    if (ann == annotations.end()) {
      problems.push_back({text_path.string(), "no annotation file"});
      continue;
    }
    AttributionArticle article;
    article.id = id;
    std::string ann_text, error;
    if (!read_file(text_path, article.text) || !read_file(ann->second, ann_text)) {
      problems.push_back({text_path.string(), "cannot read the text or its annotations"});
      continue;
    }
    if (!parse_brat_attributions(ann_text, article.text, article.spans, error)) {
      problems.push_back({ann->second.string(), error});
      continue;
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace crosscheck::eval
