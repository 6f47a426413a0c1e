// Small UTF-8 helpers shared by every stage. Decoding never reads past `text.size()`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crosscheck::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid(std::string_view text);

// Decodes the code point starting at `pos` and advances `pos` past it. Malformed bytes decode
// to U+FFFD and advance by one byte.
char32_t decode(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

// Replaces every malformed sequence with U+FFFD.
std::string repair(std::string_view text);

// Start of the code point containing byte `pos` (moves back over continuation bytes).
size_t align_back(std::string_view text, size_t pos);

}  // namespace crosscheck::utf8
