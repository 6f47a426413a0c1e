// Story-level entity linking: the mentions of a story's articles grouped into actors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck::extract {

// See crosscheck::resolve_actors in extract/extract.h.
std::vector<Actor> link_actors(const std::vector<Document>& documents, const Story& story);

// Spelling skeleton of one folded name word, equal for common transliteration variants:
// doubled letters collapsed, "-iy"/"-yy"/"-y" endings as "-i", ph -> f, ks -> x, w -> v,
// kh -> h, ck -> k ("zelenskyy", "zelenskiy" and "zelensky" -> "zelenski").
std::string name_skeleton(std::string_view folded_word);

// True when `acronym` (a folded key such as "us" or "nato") spells the initials of the content
// words of `expansion` ("united states", "north atlantic treaty organization").
bool is_acronym_of(std::string_view acronym, std::string_view expansion);

// Levenshtein distance between `a` and `b`, or `limit + 1` once it exceeds `limit`.
size_t bounded_edit_distance(std::string_view a, std::string_view b, size_t limit);

}  // namespace crosscheck::extract
