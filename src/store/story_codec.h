// Lossless JSON encoding of an analysed Story for the store's `stories.json` column.
//
// Unlike the report JSON (brief/), this keeps every field of the in-memory Story (actor keys,
// mention counts, fact article lists, role qualifiers), so load(save(story)) == story.
#pragma once

#include <string>
#include <string_view>

#include "core/story.h"

namespace crosscheck::store_codec {

// Compact JSON; invalid UTF-8 in any string is replaced by U+FFFD.
std::string story_to_json(const Story& story);

// False and `error` when `json` is not a story written by story_to_json.
bool story_from_json(std::string_view json, Story& story, std::string& error);

}  // namespace crosscheck::store_codec
