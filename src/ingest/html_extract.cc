// Main-text extraction in the manner of Readability: paragraphs score the containers above
// them (length, commas), containers are weighted by their tag and class/id names and
// discounted by link density; the best container, its like-scored siblings and their
// paragraphs (minus link-dense or boilerplate-named parts) are the article text.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ingest/html.h"
#include "ingest/html_blocks.h"
#include "ingest/ingest.h"

namespace crosscheck::ingest_internal {

namespace {

// Readability's starting score of a container by its tag.
int tag_score(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      return 10;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

// ---- Choosing the article ------------------------------------------------------------------

struct Mode {
  bool strip_unlikely;
  bool weight_classes;
  bool clean;
};

class Selector {
 public:
  Selector(std::vector<Element>& elements, const std::vector<Block>& blocks)
      : elements_(elements), blocks_(blocks) {}

  // The article text under `mode`; `title` (collapsed, lower case) drops a repeated headline.
  std::string select(const Mode& mode, const std::string& title);

 private:
  void total(const std::vector<char>& excluded);
  bool remove_conditionally(int32_t e, const Mode& mode, double score) const;
  double link_density(int32_t e) const {
    const Element& element = elements_[e];
    return element.text_chars == 0 ? 0.0
                                   : static_cast<double>(element.link_chars) / element.text_chars;
  }

  std::vector<Element>& elements_;
  const std::vector<Block>& blocks_;
};

void Selector::total(const std::vector<char>& excluded) {
  for (Element& element : elements_) {
    element.text_chars = element.link_chars = element.commas = element.paragraphs = 0;
    element.list_items = element.headings = element.heading_chars = 0;
  }
  for (const Block& block : blocks_) {
    if (block.owner < 0 || excluded[block.owner]) continue;
    Element& owner = elements_[block.owner];
    owner.text_chars += block.chars;
    owner.link_chars += block.link_chars;
    owner.commas += block.commas;
    if (block.kind == BlockKind::kParagraph && block.chars >= 25) ++owner.paragraphs;
    if (block.kind == BlockKind::kListItem) ++owner.list_items;
    if (block.kind == BlockKind::kHeading) {
      ++owner.headings;
      owner.heading_chars += block.chars;
    }
  }
  // Children come after their parents, so one backward pass sums every subtree.
  for (size_t i = elements_.size(); i-- > 0;) {
    const Element& child = elements_[i];
    if (child.parent < 0) continue;
    Element& parent = elements_[child.parent];
    parent.text_chars += child.text_chars;
    parent.link_chars += child.link_chars;
    parent.commas += child.commas;
    parent.paragraphs += child.paragraphs;
    parent.list_items += child.list_items;
    parent.headings += child.headings;
    parent.heading_chars += child.heading_chars;
  }
}

// Readability's conditional cleaning of containers inside the article.
bool Selector::remove_conditionally(int32_t e, const Mode& mode, double score) const {
  const Element& element = elements_[e];
  int weight = mode.weight_classes ? element.class_weight : 0;
  if (weight + score < 0) return true;
  switch (element.tag) {
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
      break;
    default:
      return false;
  }
  if (element.commas >= 10) return false;
  bool is_list =
      element.tag == GUMBO_TAG_UL || element.tag == GUMBO_TAG_OL || element.tag == GUMBO_TAG_DL;
  double density = link_density(e);
  double heading_density = element.text_chars == 0
                               ? 0.0
                               : static_cast<double>(element.heading_chars) / element.text_chars;
  if (is_list) return density > 0.5;
  if (heading_density < 0.9 && element.text_chars < 25 && element.text_chars > 0) return true;
  if (weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  return false;
}

std::string Selector::select(const Mode& mode, const std::string& title) {
  const size_t count = elements_.size();
  std::string text;
  if (count == 0) return text;
  std::vector<char> excluded(count, 0);
  if (mode.strip_unlikely) {
    for (size_t e = 0; e < count; ++e) {
      int32_t parent = elements_[e].parent;
      excluded[e] = elements_[e].unlikely || (parent >= 0 && excluded[parent]);
    }
  }
  total(excluded);

  // Paragraphs score the containers above them.
  std::vector<double> score(count, 0.0);
  std::vector<char> scored(count, 0);
  for (const Block& block : blocks_) {
    if (block.owner < 0 || excluded[block.owner] || block.chars < 25) continue;
    if (block.kind != BlockKind::kParagraph && block.kind != BlockKind::kPre) continue;
    double content = 1.0 + block.commas + std::min(block.chars / 100.0, 3.0);
    GumboTag owner_tag = elements_[block.owner].tag;
    // Text written straight into a container counts as a paragraph inside it.
    bool owner_is_paragraph = owner_tag == GUMBO_TAG_P || owner_tag == GUMBO_TAG_PRE ||
                              owner_tag == GUMBO_TAG_TD || owner_tag == GUMBO_TAG_BLOCKQUOTE;
    int32_t ancestor = owner_is_paragraph ? elements_[block.owner].parent : block.owner;
    for (int level = 0; level < 5 && ancestor >= 0; ++level) {
      if (!scored[ancestor]) {
        scored[ancestor] = 1;
        score[ancestor] = tag_score(elements_[ancestor].tag) +
                          (mode.weight_classes ? elements_[ancestor].class_weight : 0);
      }
      double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score[ancestor] += content / divider;
      ancestor = elements_[ancestor].parent;
    }
  }
  int32_t top = -1;
  for (size_t e = 0; e < count; ++e) {
    if (!scored[e]) continue;
    score[e] *= 1.0 - link_density(static_cast<int32_t>(e));
    if (top < 0 || score[e] > score[top]) top = static_cast<int32_t>(e);
  }
  if (top < 0) {
    for (size_t e = 0; e < count; ++e) {
      if (elements_[e].tag == GUMBO_TAG_BODY) {
        top = static_cast<int32_t>(e);
        break;
      }
    }
    if (top < 0) top = 0;
  } else {
    // A scored ancestor that beats the candidate holds more of the article.
    double last = score[top];
    double threshold = last / 3;
    for (int32_t parent = elements_[top].parent;
         parent >= 0 && elements_[parent].tag != GUMBO_TAG_BODY;
         parent = elements_[parent].parent) {
      if (!scored[parent]) continue;
      if (score[parent] < threshold) break;
      if (score[parent] > last) {
        top = parent;
        break;
      }
      last = score[parent];
    }
  }

  // The candidate and its siblings that look like part of the same article.
  std::vector<char> in_content(count, 0);
  int32_t container = elements_[top].parent;
  if (container < 0 || elements_[top].tag == GUMBO_TAG_BODY) {
    in_content[top] = 1;
    container = -1;
  } else {
    double threshold = std::max(10.0, score[top] * 0.2);
    std::string_view top_class = attribute_view(elements_[top].node, "class");
    for (size_t e = static_cast<size_t>(container) + 1; e < count; ++e) {
      if (elements_[e].parent != container || excluded[e]) continue;
      auto sibling = static_cast<int32_t>(e);
      bool include = sibling == top;
      if (!include && scored[e]) {
        double bonus = !top_class.empty() && attribute_view(elements_[e].node, "class") == top_class
                           ? score[top] * 0.2
                           : 0.0;
        include = score[e] + bonus >= threshold;
      }
      if (!include && elements_[e].tag == GUMBO_TAG_P) {
        double density = link_density(sibling);
        include = (elements_[e].text_chars > 80 && density < 0.25) ||
                  (elements_[e].text_chars > 0 && elements_[e].text_chars <= 80 && density == 0 &&
                   elements_[e].commas + elements_[e].paragraphs > 0);
      }
      in_content[e] = include;
    }
  }
  std::vector<char> removed(count, 0);
  for (size_t e = 0; e < count; ++e) {
    int32_t parent = elements_[e].parent;
    if (!in_content[e] && parent >= 0 && parent != container && in_content[parent]) {
      in_content[e] = 1;
      removed[e] = removed[parent] || excluded[e] ||
                   (mode.clean && remove_conditionally(static_cast<int32_t>(e), mode,
                                                       scored[e] ? score[e] : 0.0));
    }
  }

  bool first_heading = true;
  for (const Block& block : blocks_) {
    if (block.owner < 0 || excluded[block.owner]) continue;
    if (block.owner == container) {
      // Text written straight into the container between the chosen siblings.
      if (block.chars <= 80 || block.link_chars * 4 >= block.chars) continue;
    } else if (!in_content[block.owner] || removed[block.owner]) {
      continue;
    }
    if (mode.clean && block.link_chars * 2 > block.chars && block.chars < 200) continue;
    if (block.kind == BlockKind::kHeading && first_heading) {
      first_heading = false;
      if (!title.empty() && ascii_lower(block.text) == title) continue;
    }
    if (!text.empty()) text += "\n\n";
    text += block.text;
  }
  return text;
}

}  // namespace

HtmlPage extract_html(std::string_view html, std::string_view page_url) {
  HtmlPage page;
  std::string storage;
  std::string_view shallow = prepare_html(html, kMaxHtmlDepth, storage);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not used; do not spend memory on them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, shallow.data(), shallow.size()),
      [](GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); });
  if (output == nullptr) return page;

  std::vector<Element> elements;
  std::vector<Block> blocks;
  PageFacts facts;
  walk_page(output->document, elements, blocks, facts);
  fill_metadata(facts, page_url, page);

  // Readability's retries: relax one rule at a time while the text stays short.
  static constexpr std::array<Mode, 4> kModes = {Mode{true, true, true}, Mode{false, true, true},
                                                 Mode{false, false, true},
                                                 Mode{false, false, false}};
  std::string title = ascii_lower(collapse_whitespace(page.title));
  Selector selector(elements, blocks);
  for (const Mode& mode : kModes) {
    std::string text = selector.select(mode, title);
    if (count_chars(text) >= 500) {
      page.text = std::move(text);
      break;
    }
    if (text.size() > page.text.size()) page.text = std::move(text);
  }
  return page;
}

}  // namespace crosscheck::ingest_internal