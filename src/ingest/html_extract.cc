// Main-text extraction in the manner of Readability: paragraphs score the containers above
// them (length, commas), containers are weighted by their tag and class/id names and
// discounted by link density; the best container, its like-scored siblings and their
// paragraphs (minus link-dense or boilerplate-named parts) are the article text.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/html.h"
#include "ingest/ingest.h"

namespace crosscheck::ingest_internal {

namespace {

// ---- Class and id names -------------------------------------------------------------------

// Containers with these names are page furniture rather than the article.
constexpr std::string_view kUnlikelyNames[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumb",   "combx",    "comment",    "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",     "legends",
    "menu",       "related", "remark",     "replies",      "rss",      "shoutbox",   "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",    "pagination",
    "pager",      "popup",   "yom-remote", "cookie",       "consent",  "newsletter", "subscribe",
    "share",      "sharing", "promo",      "outbrain",     "taboola",  "recommend",  "most-popular",
    "trending",   "signup",  "sign-up",    "modal",        "navbar",   "masthead"};
// ... unless they also carry one of these.
constexpr std::string_view kMaybeNames[] = {"and",     "article", "body",  "column",
                                            "content", "main",    "shadow"};
constexpr std::string_view kNegativeNames[] = {
    "-ad-",      "hidden",     "banner",  "combx",    "comment",  "com-",    "contact",
    "foot",      "footnote",   "gdpr",    "masthead", "media",    "meta",    "outbrain",
    "promo",     "related",    "scroll",  "share",    "shoutbox", "sidebar", "skyscraper",
    "sponsor",   "shopping",   "tags",    "tool",     "widget",   "cookie",  "newsletter",
    "subscribe", "social",     "taboola", "byline",   "caption",  "credit",  "nav",
    "menu",      "breadcrumb", "advert",  "teaser",   "more-",    "recirc"};
constexpr std::string_view kPositiveNames[] = {"article", "body",  "content", "entry", "hentry",
                                               "h-entry", "main",  "page",    "post",  "text",
                                               "blog",    "story", "prose"};

template <size_t N>
bool contains_any(std::string_view haystack, const std::string_view (&needles)[N]) {
  for (std::string_view needle : needles) {
    if (haystack.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found != nullptr ? found->value : nullptr;
}

std::string_view attribute_view(const GumboNode* node, const char* name) {
  const char* value = attribute(node, name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

// ---- Tags -----------------------------------------------------------------------------------

// Subtrees whose text is never article text.
bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements that start a new block of text.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

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

// ---- The walk -------------------------------------------------------------------------------

enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kPre, kOther };

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

struct Block {
  std::string text;
  int32_t owner = -1;
  BlockKind kind = BlockKind::kOther;
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t commas = 0;
};

uint32_t count_chars(std::string_view text) {
  uint32_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

uint32_t count_commas(std::string_view text) {
  uint32_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') {
      ++count;
    } else if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0 ||
               text.compare(i, 2, "\xD8\x8C") == 0) {
      ++count;  // fullwidth comma, ideographic comma, Arabic comma
    }
  }
  return count;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Appends `text` to `out`, collapsing whitespace runs to one space.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

bool is_hidden(const GumboNode* node) {
  if (attribute(node, "hidden") != nullptr) return true;
  std::string_view aria = attribute_view(node, "aria-hidden");
  if (aria == "true") return true;
  std::string_view style = attribute_view(node, "style");
  if (!style.empty()) {
    std::string lower = ascii_lower(style);
    lower.erase(std::remove(lower.begin(), lower.end(), ' '), lower.end());
    if (lower.find("display:none") != std::string::npos ||
        lower.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  std::string_view role = attribute_view(node, "role");
  return role == "navigation" || role == "complementary" || role == "contentinfo" ||
         role == "banner" || role == "menu" || role == "dialog" || role == "search";
}

class Walker {
 public:
  Walker(std::vector<Element>& elements, std::vector<Block>& blocks, PageFacts& facts)
      : elements_(elements), blocks_(blocks), facts_(facts) {}

  void walk(const GumboNode* root);

 private:
  struct Frame {
    const GumboNode* node;
    int32_t element;      // nearest recorded element at or above this node, -1 when none
    int32_t block_owner;  // owner to restore when leaving
    uint32_t next_child;
    bool suppressed;  // text not collected (skipped subtree)
    bool in_link;
    bool in_pre;
    bool entered_block;
  };

  void enter(Frame& frame, const Frame* parent);
  void leave(const Frame& frame);
  void collect_metadata(const GumboNode* node, GumboTag tag, bool suppressed);
  void on_text(const GumboNode* node, const Frame& frame);
  void flush();

  std::vector<Element>& elements_;
  std::vector<Block>& blocks_;
  PageFacts& facts_;
  Block current_;
  int32_t owner_ = -1;
  int pending_breaks_ = 0;
  size_t metadata_texts_ = 0;
};

void Walker::flush() {
  pending_breaks_ = 0;
  while (!current_.text.empty() && (current_.text.back() == ' ' || current_.text.back() == '\n')) {
    current_.text.pop_back();
  }
  size_t start = 0;
  while (start < current_.text.size() &&
         (current_.text[start] == ' ' || current_.text[start] == '\n')) {
    ++start;
  }
  if (start < current_.text.size()) {
    current_.text.erase(0, start);
    current_.owner = owner_;
    current_.chars = count_chars(current_.text);
    current_.commas = count_commas(current_.text);
    current_.link_chars = std::min(current_.link_chars, current_.chars);
    GumboTag tag = owner_ >= 0 ? elements_[owner_].tag : GUMBO_TAG_UNKNOWN;
    if (is_heading(tag)) {
      current_.kind = BlockKind::kHeading;
    } else if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD) {
      current_.kind = BlockKind::kListItem;
    } else if (tag == GUMBO_TAG_PRE) {
      current_.kind = BlockKind::kPre;
    } else if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
               tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_TD ||
               tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_CENTER || tag == GUMBO_TAG_BODY) {
      current_.kind = BlockKind::kParagraph;
    } else {
      current_.kind = BlockKind::kOther;
    }
    blocks_.push_back(std::move(current_));
  }
  current_ = Block();
}

void Walker::collect_metadata(const GumboNode* node, GumboTag tag, bool suppressed) {
  switch (tag) {
    case GUMBO_TAG_META: {
      std::string_view content = attribute_view(node, "content");
      if (content.empty()) break;
      for (const char* key_attribute : {"property", "name", "itemprop", "http-equiv"}) {
        std::string_view key = attribute_view(node, key_attribute);
        if (!key.empty() && facts_.metas.size() < 512) {
          facts_.metas.emplace_back(ascii_lower(key), std::string(content.substr(0, 4096)));
        }
      }
      break;
    }
    case GUMBO_TAG_TITLE:
      if (facts_.title_tag.empty()) facts_.title_tag = node_text(node, 1024);
      break;
    case GUMBO_TAG_H1:
      if (facts_.h1s.size() < 8) facts_.h1s.push_back(node_text(node, 1024));
      break;
    case GUMBO_TAG_HTML:
      facts_.html_lang = ascii_lower(attribute_view(node, "lang"));
      break;
    case GUMBO_TAG_LINK: {
      std::string rel = ascii_lower(attribute_view(node, "rel"));
      if (rel == "canonical" && facts_.canonical.empty()) {
        facts_.canonical = attribute_view(node, "href");
      }
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      std::string type = ascii_lower(attribute_view(node, "type"));
      if (type.find("ld+json") != std::string::npos && facts_.json_ld.size() < 16 &&
          node->v.element.children.length > 0) {
        const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
            child->type == GUMBO_NODE_WHITESPACE) {
          std::string_view body(child->v.text.text);
          if (body.size() <= (size_t{1} << 20)) facts_.json_ld.emplace_back(body);
        }
      }
      break;
    }
    case GUMBO_TAG_TIME: {
      std::string_view datetime = attribute_view(node, "datetime");
      if (!datetime.empty() && facts_.times.size() < 64) {
        facts_.times.emplace_back(datetime.substr(0, 100));
        if (attribute(node, "pubdate") != nullptr ||
            attribute_view(node, "itemprop") == "datePublished") {
          facts_.pub_times.emplace_back(datetime.substr(0, 100));
        }
      }
      break;
    }
    default:
      break;
  }
  (void)suppressed;
  if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HEAD ||
      metadata_texts_ >= 48) {
    return;
  }
  // Bylines and visible dates are marked by class, id, rel or itemprop names.
  std::string names = ascii_lower(attribute_view(node, "class"));
  names += ' ';
  names += ascii_lower(attribute_view(node, "id"));
  std::string_view rel = attribute_view(node, "rel");
  std::string_view itemprop = attribute_view(node, "itemprop");
  if (rel == "author" || itemprop == "author" || itemprop == "creator") {
    ++metadata_texts_;
    facts_.rel_authors.push_back(node_text(node, 200));
  } else if (names.find("comment") != std::string::npos ||
             names.find("reply") != std::string::npos) {
    // Commenters are not the article's authors.
  } else if (names.find("byline") != std::string::npos ||
             (names.find("author") != std::string::npos &&
              names.find("authorit") == std::string::npos)) {
    ++metadata_texts_;
    facts_.bylines.push_back(node_text(node, 200));
  }
  if (names.find("date") != std::string::npos || names.find("time") != std::string::npos ||
      names.find("publish") != std::string::npos || names.find("byline") != std::string::npos ||
      names.find("dateline") != std::string::npos || itemprop == "datePublished") {
    ++metadata_texts_;
    if (tag == GUMBO_TAG_META) return;
    facts_.date_texts.push_back(node_text(node, 200));
    if (names.find("publish") != std::string::npos || itemprop == "datePublished") {
      // A <time> inside a "published" element dates the page, not just any time.
      std::string_view datetime = attribute_view(node, "datetime");
      if (!datetime.empty()) facts_.pub_times.emplace_back(datetime.substr(0, 100));
    }
  }
}

void Walker::enter(Frame& frame, const Frame* parent) {
  const GumboNode* node = frame.node;
  GumboTag tag = node->v.element.tag;
  frame.block_owner = owner_;
  frame.suppressed = parent != nullptr && parent->suppressed;
  frame.in_link = parent != nullptr && parent->in_link;
  frame.in_pre = parent != nullptr && parent->in_pre;
  frame.entered_block = false;
  frame.element = parent != nullptr ? parent->element : -1;
  collect_metadata(node, tag, frame.suppressed);
  if (frame.suppressed) return;
  if (is_skipped_tag(tag) || is_hidden(node)) {
    frame.suppressed = true;
    return;
  }
  if (tag == GUMBO_TAG_BR) {
    ++pending_breaks_;
    return;
  }
  if (tag == GUMBO_TAG_A) frame.in_link = true;
  if (tag == GUMBO_TAG_PRE) frame.in_pre = true;
  if (!is_block_tag(tag)) return;

  Element element;
  element.node = node;
  element.parent = frame.element;  // inline ancestors are not recorded
  element.tag = tag;
  std::string names = ascii_lower(attribute_view(node, "class"));
  std::string id = ascii_lower(attribute_view(node, "id"));
  int weight = 0;
  if (!names.empty()) {
    if (contains_any(names, kNegativeNames)) weight -= 25;
    if (contains_any(names, kPositiveNames)) weight += 25;
  }
  if (!id.empty()) {
    if (contains_any(id, kNegativeNames)) weight -= 25;
    if (contains_any(id, kPositiveNames)) weight += 25;
  }
  std::string_view itemprop = attribute_view(node, "itemprop");
  if (itemprop == "articleBody" || itemprop == "text") {
    weight += 50;
    element.positive = true;
  }
  element.class_weight = static_cast<int16_t>(weight);
  std::string both = names + ' ' + id;
  element.unlikely = tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_ARTICLE &&
                     tag != GUMBO_TAG_MAIN && !element.positive && both.size() > 1 &&
                     contains_any(both, kUnlikelyNames) && !contains_any(both, kMaybeNames);
  flush();
  frame.element = static_cast<int32_t>(elements_.size());
  elements_.push_back(element);
  owner_ = frame.element;
  frame.entered_block = true;
}

void Walker::leave(const Frame& frame) {
  if (frame.entered_block) {
    flush();
    owner_ = frame.block_owner;
  }
}

void Walker::on_text(const GumboNode* node, const Frame& frame) {
  if (frame.suppressed) return;
  std::string_view text(node->v.text.text);
  if (node->type == GUMBO_NODE_WHITESPACE && !frame.in_pre) {
    if (!current_.text.empty()) append_collapsed(current_.text, " ");
    return;
  }
  if (pending_breaks_ >= 2) {
    flush();
  } else if (pending_breaks_ == 1 && !current_.text.empty()) {
    while (!current_.text.empty() && current_.text.back() == ' ') current_.text.pop_back();
    current_.text.push_back('\n');
  }
  pending_breaks_ = 0;
  size_t before = current_.text.size();
  if (frame.in_pre) {
    current_.text.append(text);
  } else {
    append_collapsed(current_.text, text);
  }
  if (frame.in_link) {
    current_.link_chars += count_chars(std::string_view(current_.text).substr(before));
  }
}

void Walker::walk(const GumboNode* root) {
  std::vector<Frame> stack;
  stack.push_back({root, -1, -1, 0, false, false, false, false});
  if (root->type == GUMBO_NODE_ELEMENT || root->type == GUMBO_NODE_TEMPLATE) {
    enter(stack.back(), nullptr);
  }
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector* children = nullptr;
    if (frame.node->type == GUMBO_NODE_DOCUMENT) {
      children = &frame.node->v.document.children;
    } else if (frame.node->type == GUMBO_NODE_ELEMENT || frame.node->type == GUMBO_NODE_TEMPLATE) {
      children = &frame.node->v.element.children;
    }
    if (children == nullptr || frame.next_child >= children->length) {
      Frame done = frame;
      stack.pop_back();
      if (done.node->type == GUMBO_NODE_ELEMENT || done.node->type == GUMBO_NODE_TEMPLATE) {
        leave(done);
      }
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        on_text(child, frame);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        Frame parent = frame;  // copy: push_back may move the stack
        stack.push_back({child, -1, -1, 0, false, false, false, false});
        enter(stack.back(), &parent);
        break;
      }
      default:
        break;
    }
  }
  flush();
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

// ---- Public pieces ---------------------------------------------------------------------------

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_collapsed(out, text);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

std::string node_text(const GumboNode* node, size_t max_bytes) {
  std::string out;
  std::vector<std::pair<const GumboNode*, uint32_t>> stack;
  stack.emplace_back(node, 0);
  while (!stack.empty() && out.size() < max_bytes) {
    auto& [current, next] = stack.back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      append_collapsed(out, current->v.text.text);
      stack.pop_back();
      continue;
    }
    if (current->type != GUMBO_NODE_ELEMENT && current->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    GumboTag tag = current->v.element.tag;
    const GumboVector& children = current->v.element.children;
    if (next >= children.length ||
        (current != node && (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE))) {
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[next++]);
    if (child->type == GUMBO_NODE_ELEMENT && is_block_tag(child->v.element.tag)) {
      append_collapsed(out, " ");
    }
    stack.emplace_back(child, 0);
  }
  if (out.size() > max_bytes) out.resize(max_bytes);
  return collapse_whitespace(out);
}

std::string_view prepare_html(std::string_view html, size_t max_depth, std::string& storage) {
  // Elements whose end tag is optional or absent do not deepen the tree the way a scan of start
  // and end tags would suggest, so they are not counted.
  static constexpr std::string_view kUncounted[] = {
      "area",   "base",     "br",     "col",   "embed", "hr",    "img",      "input", "link",
      "meta",   "param",    "source", "track", "wbr",   "p",     "li",       "dt",    "dd",
      "option", "optgroup", "tr",     "td",    "th",    "tbody", "thead",    "tfoot", "colgroup",
      "rb",     "rt",       "rp",     "html",  "head",  "body",  "!doctype", "image", "basefont"};
  static constexpr std::string_view kRawText[] = {"script",    "style",   "textarea", "title",
                                                  "xmp",       "iframe",  "noembed",  "noframes",
                                                  "plaintext", "noscript"};
  size_t depth = 0;
  std::unordered_map<std::string, size_t> dropped;
  bool copying = false;
  size_t copied_until = 0;  // bytes of `html` already accounted for in `storage`
  auto drop = [&](size_t from, size_t to) {
    if (!copying) {
      storage.clear();
      storage.reserve(html.size());
      copying = true;
    }
    storage.append(html.substr(copied_until, from - copied_until));
    copied_until = to;
  };
  auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
  };
  size_t i = 0;
  while (i < html.size()) {
    size_t open = html.find('<', i);
    if (open == std::string_view::npos || open + 1 >= html.size()) break;
    if (html.compare(open, 4, "<!--") == 0) {
      size_t close = html.find("-->", open + 4);
      if (close == std::string_view::npos) break;  // the rest is a comment to the parser too
      drop(open, close + 3);
      i = close + 3;
      continue;
    }
    bool end_tag = html[open + 1] == '/';
    size_t name_start = open + (end_tag ? 2 : 1);
    size_t name_end = name_start;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    if (name_end == name_start) {
      i = open + 1;
      continue;
    }
    std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
    // End of the tag, skipping quoted attribute values.
    size_t close = name_end;
    char quote = 0;
    while (close < html.size()) {
      char c = html[close];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      ++close;
    }
    if (close >= html.size()) break;
    size_t tag_end = close + 1;
    bool uncounted =
        std::find(std::begin(kUncounted), std::end(kUncounted), name) != std::end(kUncounted) ||
        html[close - 1] == '/';
    if (end_tag) {
      auto found = dropped.find(name);
      if (found != dropped.end() && found->second > 0) {
        --found->second;
        drop(open, tag_end);
      } else if (!uncounted && depth > 0) {
        --depth;
      }
      i = tag_end;
      continue;
    }
    if (std::find(std::begin(kRawText), std::end(kRawText), name) != std::end(kRawText)) {
      // Raw text: the content is not markup; jump to the matching end tag.
      std::string lower_end = "</" + name;
      size_t search = tag_end;
      size_t found = std::string_view::npos;
      while (search < html.size()) {
        size_t candidate = html.find("</", search);
        if (candidate == std::string_view::npos) break;
        if (ascii_lower(html.substr(candidate, lower_end.size())) == lower_end) {
          found = candidate;
          break;
        }
        search = candidate + 2;
      }
      if (found == std::string_view::npos) break;
      size_t end_close = html.find('>', found);
      // Scripts, styles and noscript never hold article text; the parser need not read them.
      // JSON-LD scripts stay: they carry the metadata.
      bool droppable =
          name == "style" || name == "noscript" ||
          (name == "script" &&
           ascii_lower(html.substr(open, tag_end - open)).find("ld+json") == std::string::npos);
      if (droppable && end_close != std::string_view::npos) {
        drop(open, end_close + 1);
        i = end_close + 1;
      } else {
        i = found;
      }
      continue;
    }
    if (!uncounted) {
      if (depth >= max_depth) {
        ++dropped[name];
        drop(open, tag_end);
      } else {
        ++depth;
      }
    }
    i = tag_end;
  }
  if (!copying) return html;
  storage.append(html.substr(copied_until));
  return storage;
}

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
  Walker walker(elements, blocks, facts);
  walker.walk(output->document);
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
