// Compact binary encoding of a Document's annotation layers for the store's blob columns.
//
// Each layer is one blob: a format byte, a count, then the records with LEB128 varints for
// offsets and indices, length-prefixed strings and little-endian IEEE doubles. Decoding checks
// every length against the blob, so a damaged blob gives false, never a read past its end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace crosscheck::store_codec {

std::string encode_sentences(const std::vector<Sentence>& sentences);
std::string encode_tokens(const std::vector<Token>& tokens);
std::string encode_mentions(const std::vector<Mention>& mentions);
std::string encode_timexes(const std::vector<Timex>& timexes);
std::string encode_quantities(const std::vector<Quantity>& quantities);
std::string encode_quotes(const std::vector<Quote>& quotes);

// Each returns false (and leaves `out` empty) when the blob is malformed. An empty blob decodes
// to an empty layer.
bool decode_sentences(std::string_view blob, std::vector<Sentence>& out);
bool decode_tokens(std::string_view blob, std::vector<Token>& out);
bool decode_mentions(std::string_view blob, std::vector<Mention>& out);
bool decode_timexes(std::string_view blob, std::vector<Timex>& out);
bool decode_quantities(std::string_view blob, std::vector<Quantity>& out);
bool decode_quotes(std::string_view blob, std::vector<Quote>& out);

}  // namespace crosscheck::store_codec
