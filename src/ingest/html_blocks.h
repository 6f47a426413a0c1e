// The blocks of text and the element tree that the main-text selection scores, as the walk
// over a gumbo tree records them. Internal to the ingest stage.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html.h"

namespace crosscheck::ingest_internal {

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kPre, kOther };

// A block-level element, in document order: a parent always comes before its children.
struct Element {
  const GumboNode* node = nullptr;
  int32_t parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int16_t class_weight = 0;
  bool unlikely = false;  // furniture by class/id name (Readability's "unlikely candidate")
  bool positive = false;  // itemprop=articleBody and the like
  // Subtree totals.
  uint32_t text_chars = 0;
  uint32_t link_chars = 0;
  uint32_t commas = 0;
  uint32_t paragraphs = 0;
  uint32_t list_items = 0;
  uint32_t headings = 0;
  uint32_t heading_chars = 0;
  uint32_t first_child = 0;  // scratch for sibling iteration
};

// A run of text owned by the nearest block-level element.
struct Block {
  std::string text;
  int32_t owner = -1;
  BlockKind kind = BlockKind::kOther;
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t commas = 0;
};

// Records the block elements, the text blocks and the page's metadata of the tree at `root`.
void walk_page(const GumboNode* root, std::vector<Element>& elements, std::vector<Block>& blocks,
               PageFacts& facts);

std::string_view attribute_view(const GumboNode* node, const char* name);
uint32_t count_chars(std::string_view text);

}  // namespace crosscheck::ingest_internal
