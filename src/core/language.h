// Which articles and stories the English-only stages (extract, facts, assess) may read.
// Ingest labels every article with its language (CLD2); articles in other languages are kept,
// stored and grouped into stories, but not analysed, so they never become junk actors or facts.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

// True when the article is English or its language is unknown (short or mixed text).
inline bool analysable_language(const Document& doc) {
  return doc.lang.empty() || doc.lang == "en";
}

// The language of a story whose articles are mostly in one other language than English
// ("ru"), else empty: the story is analysed.
inline std::string story_language(const std::vector<Document>& documents, const Story& story) {
  std::unordered_map<std::string, size_t> counts;
  size_t analysable = 0;
  for (uint32_t index : story.documents) {
    if (index >= documents.size()) continue;
    const Document& doc = documents[index];
    if (analysable_language(doc)) {
      ++analysable;
    } else {
      ++counts[doc.lang];
    }
  }
  std::string best;
  size_t best_count = 0;
  for (const auto& [lang, count] : counts) {
    if (count > best_count || (count == best_count && lang < best)) {
      best = lang;
      best_count = count;
    }
  }
  return best_count > analysable ? best : std::string();
}

}  // namespace crosscheck
