// The walk over a gumbo tree: block elements with their class/id weights, text blocks with
// their link text, and what the page says about itself (meta tags, JSON-LD, bylines, times).
#include <gumbo.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/html.h"
#include "ingest/html_blocks.h"

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
  void collect_metadata(const GumboNode* node, GumboTag tag);
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

void Walker::collect_metadata(const GumboNode* node, GumboTag tag) {
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
  collect_metadata(node, tag);
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

}  // namespace

std::string_view attribute_view(const GumboNode* node, const char* name) {
  const char* value = attribute(node, name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

uint32_t count_chars(std::string_view text) {
  uint32_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void walk_page(const GumboNode* root, std::vector<Element>& elements, std::vector<Block>& blocks,
               PageFacts& facts) {
  Walker walker(elements, blocks, facts);
  walker.walk(root);
}

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

}  // namespace crosscheck::ingest_internal
