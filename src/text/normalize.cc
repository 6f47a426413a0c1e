// Text normalisation applied once by ingest: NFC, line endings, whitespace, control characters.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/text.h"

namespace crosscheck {

namespace {

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

enum class CharKind { kKeep, kSpace, kNewline, kParagraph, kDrop };

CharKind classify(char32_t cp) {
  if (cp == '\n') return CharKind::kNewline;
  if (cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f') return CharKind::kSpace;
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return CharKind::kDrop;
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return CharKind::kSpace;
    case 0x2028:  // line separator
      return CharKind::kNewline;
    case 0x2029:  // paragraph separator
      return CharKind::kParagraph;
    case 0x00AD:  // soft hyphen: invisible, breaks word matching
    case 0x200B:  // zero-width space
    case 0xFEFF:  // byte-order mark
    case 0x2060:  // word joiner
      return CharKind::kDrop;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharKind::kSpace;
  return CharKind::kKeep;
}

}  // namespace

std::string normalize(std::string_view input) {
  std::string repaired;
  if (!utf8::is_valid(input)) {
    repaired = utf8::repair(input);
    input = repaired;
  }
  std::string composed = is_ascii(input) ? std::string(input) : to_nfc(input);

  std::string out;
  out.reserve(composed.size());
  int pending_newlines = 0;  // newlines seen since the last kept character
  bool pending_space = false;
  std::string_view text = composed;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp;
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      cp = byte;
      ++pos;
      if (cp == '\r') {  // CRLF and lone CR both end a line
        if (pos < text.size() && text[pos] == '\n') ++pos;
        cp = '\n';
      }
    } else {
      cp = utf8::decode(text, pos);
    }
    switch (classify(cp)) {
      case CharKind::kSpace:
        pending_space = true;
        break;
      case CharKind::kNewline:
        ++pending_newlines;
        break;
      case CharKind::kParagraph:
        pending_newlines += 2;
        break;
      case CharKind::kDrop:
        break;
      case CharKind::kKeep:
        if (!out.empty()) {
          if (pending_newlines > 0) {
            out.append(pending_newlines >= 2 ? "\n\n" : "\n");
          } else if (pending_space) {
            out.push_back(' ');
          }
        }
        pending_newlines = 0;
        pending_space = false;
        out.append(text.substr(start, pos - start));
        break;
    }
  }
  return out;
}

}  // namespace crosscheck
