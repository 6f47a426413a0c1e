// Byte-level checks and charset conversion for the ingest readers. Internal to the ingest stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crosscheck::ingest_internal {

// Why the bytes look like a binary file ("binary file (PNG image)", "binary file (NUL bytes)"),
// or empty when they look like text. Looks at the first few KiB only.
std::string binary_reason(std::string_view bytes);

// Offset of the first byte of the first malformed UTF-8 sequence, or npos when valid.
size_t first_invalid_utf8(std::string_view bytes);

// True when the bytes are only ASCII whitespace.
bool is_blank(std::string_view bytes);

// Decodes text that must be UTF-8: a UTF-8 byte order mark is dropped, UTF-16 with a byte
// order mark is converted. Returns false with a reason naming the byte offset of the first bad
// sequence ("invalid UTF-8 at byte 1234").
bool decode_utf8_text(std::string_view bytes, std::string& out, std::string& reason,
                      size_t offset_base = 0);

// Charset named by <meta charset> or <meta http-equiv="Content-Type" content="...; charset=">
// within the first bytes of an HTML page, lower case; empty when none.
std::string html_declared_charset(std::string_view bytes);

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), lower case.
std::string content_type_charset(std::string_view content_type);

}  // namespace crosscheck::ingest_internal
