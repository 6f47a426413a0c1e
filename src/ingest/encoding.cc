#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace crosscheck {

namespace ingest_internal {

namespace {

using namespace std::string_view_literals;

constexpr size_t kSniffBytes = 8192;

struct Magic {
  std::string_view bytes;
  std::string_view what;
};

constexpr Magic kMagics[] = {
    {"\x89PNG\r\n\x1a\n"sv, "PNG image"},
    {"\xFF\xD8\xFF"sv, "JPEG image"},
    {"GIF87a"sv, "GIF image"},
    {"GIF89a"sv, "GIF image"},
    {"%PDF-"sv, "PDF document"},
    {"PK\x03\x04"sv, "zip archive"},
    {"PK\x05\x06"sv, "zip archive"},
    {"\x7F"
     "ELF"sv,
     "ELF executable"},
    {"BZh"sv, "bzip2 archive"},
    {"\xFD"
     "7zXZ"sv,
     "xz archive"},
    {"7z\xBC\xAF\x27\x1C"sv, "7z archive"},
    {"\x28\xB5\x2F\xFD"sv, "zstd archive"},
    {"SQLite format 3"sv, "SQLite database"},
    {"OggS"sv, "Ogg media"},
    {"\x00\x00\x01\x00"sv, "icon image"},
    {"wOFF"sv, "web font"},
    {"wOF2"sv, "web font"},
    {"\xCA\xFE\xBA\xBE"sv, "Java class file"},
    {"\xD0\xCF\x11\xE0"sv, "Office document"},
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool has_utf16_bom(std::string_view bytes) {
  return starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF");
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The charset value at `pos` (after "charset"), skipping "=" and quotes.
std::string charset_value_at(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos >= text.size() || text[pos] != '=') return {};
  ++pos;
  while (pos < text.size() &&
         (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '"' || text[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-' ||
          text[end] == '_' || text[end] == '.' || text[end] == ':')) {
    ++end;
  }
  return std::string(text.substr(pos, end - pos));
}

// Names that web pages use for what browsers decode as another charset (WHATWG Encoding).
std::string web_charset(std::string name) {
  if (name == "iso-8859-1" || name == "latin1" || name == "latin-1" || name == "us-ascii" ||
      name == "ascii" || name == "iso8859-1" || name == "l1" || name == "cp1252") {
    return "windows-1252";
  }
  if (name == "utf8") return "utf-8";
  if (name == "gb2312" || name == "gbk" || name == "x-gbk") return "gb18030";
  if (name == "iso-8859-9" || name == "latin5") return "windows-1254";
  if (name == "tis-620" || name == "iso-8859-11") return "windows-874";
  if (name == "ks_c_5601-1987" || name == "euc-kr") return "windows-949";
  if (name == "shift_jis" || name == "sjis" || name == "x-sjis") return "windows-31j";
  return name;
}

// Converts with an ICU converter; malformed input becomes U+FFFD. False when `charset` is
// unknown to ICU.
bool convert_with_icu(std::string_view bytes, const std::string& charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(raw, ucnv_close);
  std::vector<UChar> wide;
  // At most two UTF-16 units per input byte, plus room for a flushed partial character.
  wide.resize(bytes.size() * 2 + 16);
  UChar* target = wide.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, wide.data() + wide.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) return false;
  int32_t wide_size = static_cast<int32_t>(target - wide.data());
  out.clear();
  out.reserve(static_cast<size_t>(wide_size) + wide_size / 2);
  // UTF-16 -> UTF-8 by hand: unpaired surrogates become U+FFFD instead of failing.
  for (int32_t i = 0; i < wide_size; ++i) {
    char32_t unit = wide[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < wide_size && wide[i + 1] >= 0xDC00 &&
        wide[i + 1] <= 0xDFFF) {
      char32_t low = wide[++i];
      utf8::append(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      utf8::append(out, utf8::kReplacement);
    } else {
      utf8::append(out, unit);
    }
  }
  return true;
}

std::string detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* raw = ucsdet_open(&status);
  if (U_FAILURE(status) || raw == nullptr) return {};
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(raw, ucsdet_close);
  ucsdet_enableInputFilter(detector.get(), true);  // ignore markup
  std::string_view sample = bytes.substr(0, 65536);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {};
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return {};
  return web_charset(lower_ascii(name));
}

}  // namespace

std::string binary_reason(std::string_view bytes) {
  for (const Magic& magic : kMagics) {
    if (starts_with(bytes, magic.bytes)) return "binary file (" + std::string(magic.what) + ")";
  }
  if (has_utf16_bom(bytes)) return {};
  std::string_view head = bytes.substr(0, kSniffBytes);
  size_t control = 0;
  for (char c : head) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == 0) return "binary file (NUL bytes)";
    if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f' &&
        byte != 0x1B) {
      ++control;
    }
  }
  if (!head.empty() && control * 100 > head.size() * 5) {
    return "binary file (" + std::to_string(control * 100 / head.size()) + "% control bytes)";
  }
  return {};
}

size_t first_invalid_utf8(std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    // Fast path over ASCII runs.
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t before = pos;
    char32_t cp = utf8::decode(bytes, pos);
    if (cp == utf8::kReplacement && pos - before == 1) return before;
  }
  return std::string_view::npos;
}

bool is_blank(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
  });
}

bool decode_utf8_text(std::string_view bytes, std::string& out, std::string& reason,
                      size_t offset_base) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if ((bytes.size() - 2) % 2 != 0) {
      reason = "truncated UTF-16 text (odd number of bytes)";
      return false;
    }
    if (!convert_with_icu(bytes.substr(2), charset, out)) {
      reason = "cannot decode UTF-16 text";
      return false;
    }
    return true;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    offset_base += 3;
  }
  size_t bad = first_invalid_utf8(bytes);
  if (bad != std::string_view::npos) {
    reason = "invalid UTF-8 at byte " + std::to_string(offset_base + bad);
    return false;
  }
  out.assign(bytes);
  return true;
}

std::string html_declared_charset(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t at = tag.find("charset");
    if (at != std::string_view::npos) {
      std::string value = charset_value_at(tag, at + 7);
      if (!value.empty()) {
        // A page cannot really be UTF-16 when its ASCII meta tag was readable.
        if (value.rfind("utf-16", 0) == 0 || value == "unicode") return "utf-8";
        return web_charset(value);
      }
    }
    pos = end;
  }
  return {};
}

std::string content_type_charset(std::string_view content_type) {
  std::string lower = lower_ascii(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  std::string value = charset_value_at(lower, at + 7);
  return value.empty() ? value : web_charset(value);
}

}  // namespace ingest_internal

bool to_utf8(std::string_view bytes, const std::string& declared_charset, std::string& out,
             std::string& reason) {
  using namespace ingest_internal;
  out.clear();
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    out = utf8::repair(bytes.substr(3));
    return true;
  }
  if (has_utf16_bom(bytes)) {
    if (!convert_with_icu(bytes.substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", out)) {
      reason = "cannot decode UTF-16 text";
      return false;
    }
    return true;
  }
  std::string binary = binary_reason(bytes);
  if (!binary.empty()) {
    reason = binary;
    return false;
  }
  std::string charset = web_charset(lower_ascii(declared_charset));
  // Bytes that are valid UTF-8 are UTF-8 whatever the page declares: saved and re-served pages
  // keep stale declarations, and legacy text is almost never valid UTF-8 by accident.
  if (first_invalid_utf8(bytes) == std::string_view::npos) {
    out.assign(bytes);
    return true;
  }
  if (charset == "utf-8") {
    out = utf8::repair(bytes);
    return true;
  }
  if (!charset.empty() && convert_with_icu(bytes, charset, out)) return true;
  charset = detect_charset(bytes);
  if (charset.empty() || charset == "utf-8") charset = "windows-1252";
  if (convert_with_icu(bytes, charset, out)) return true;
  reason = "not UTF-8 text and no charset could be detected";
  out.clear();
  return false;
}

}  // namespace crosscheck
