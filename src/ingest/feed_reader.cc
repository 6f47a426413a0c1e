// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item, parsed with libxml2.
//
// The parser never loads external entities or DTDs (XML_PARSE_NONET, no XML_PARSE_NOENT/DTDLOAD)
// and this reader takes only text and CDATA nodes, never entity references, so entity
// expansion ("billion laughs") and external entities cannot inflate or leak anything. libxml2
// limits nesting depth (256 without XML_PARSE_HUGE). A feed that is not well-formed still gives
// the items read before the damage, plus a problem naming the feed.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>

#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/readers.h"

namespace crosscheck::ingest_internal {

namespace {

// Text gathered from one element is capped (an item is an article, not a book).
constexpr size_t kMaxItemText = size_t{4} << 20;

std::string_view local_name(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : "";
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

// Text and CDATA below `node`, in document order; entity references are skipped.
void collect_text(const xmlNode* node, std::string& out, int depth) {
  for (const xmlNode* child = node->children; child && out.size() < kMaxItemText;
       child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) out += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE && depth < 64) {
      collect_text(child, out, depth + 1);
    }
  }
  if (out.size() > kMaxItemText) out.resize(kMaxItemText);
}

std::string text_of(const xmlNode* node) {
  std::string out;
  if (node) collect_text(node, out, 0);
  size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  size_t last = out.find_last_not_of(" \t\r\n");
  return out.substr(first, last - first + 1);
}

const xmlNode* child_named(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (is_element(child, name)) return child;
  }
  return nullptr;
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return out;
}

// Atom: the link with rel="alternate" (or no rel); RSS: the <link> text.
std::string item_link(const xmlNode* item) {
  std::string fallback;
  for (const xmlNode* child = item->children; child; child = child->next) {
    if (!is_element(child, "link")) continue;
    std::string href = attribute(child, "href");
    if (href.empty()) {
      std::string text = text_of(child);
      if (!text.empty()) return text;
      continue;
    }
    std::string rel = attribute(child, "rel");
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty()) fallback = href;
  }
  return fallback;
}

struct FeedItem {
  std::string title, link, date, body;
  std::vector<std::string> authors;
};

FeedItem read_item(const xmlNode* item) {
  FeedItem out;
  out.title = text_of(child_named(item, "title"));
  out.link = item_link(item);
  if (out.link.empty()) {
    const xmlNode* guid = child_named(item, "guid");
    if (guid && attribute(guid, "isPermaLink") != "false") out.link = text_of(guid);
  }
  for (const char* name : {"pubDate", "published", "date", "issued", "updated", "modified"}) {
    out.date = normalize_date(text_of(child_named(item, name)));
    if (!out.date.empty()) break;
  }
  // The fullest text the item carries: content:encoded or Atom content, then the summary.
  for (const char* name : {"encoded", "content", "description", "summary"}) {
    out.body = text_of(child_named(item, name));
    if (!out.body.empty()) break;
  }
  for (const xmlNode* child = item->children; child; child = child->next) {
    if (is_element(child, "creator") || is_element(child, "author")) {
      const xmlNode* name = child_named(child, "name");  // Atom: <author><name>
      std::string author = text_of(name ? name : child);
      if (!author.empty()) out.authors.push_back(std::move(author));
    }
  }
  return out;
}

// Items of the feed rooted at `root` (RSS channel items, RDF items, Atom entries), and the
// feed's own title.
void find_items(const xmlNode* root, std::vector<const xmlNode*>& items, std::string& feed_title) {
  std::string_view root_name = local_name(root);
  const xmlNode* container = root;
  if (root_name == "rss") container = child_named(root, "channel");
  if (!container) return;
  if (root_name == "RDF") {
    if (const xmlNode* channel = child_named(root, "channel")) {
      feed_title = text_of(child_named(channel, "title"));
    }
  } else {
    feed_title = text_of(child_named(container, "title"));
  }
  std::string_view item_name = root_name == "feed" ? "entry" : "item";
  for (const xmlNode* child = container->children; child; child = child->next) {
    if (is_element(child, item_name)) items.push_back(child);
  }
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

}  // namespace

bool looks_like_feed(std::string_view head) {
  for (const char* root : {"<rss", "<feed", "<rdf:rdf"}) {
    size_t at = head.find(root);
    if (at == std::string_view::npos) continue;
    // The root must come before any HTML: "<feed" inside an HTML page is not a feed.
    size_t html = head.find("<html");
    if (html == std::string_view::npos || at < html) return true;
  }
  return false;
}

void parse_feed(std::string_view bytes, const std::string& name, const PendingSink& sink) {
  auto problem = [&](std::string input, std::string reason) {
    Pending pending;
    pending.kind = Pending::Kind::kProblem;
    pending.problem = {std::move(input), std::move(reason)};
    sink(std::move(pending));
  };
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return problem(name, "feed too large for XML");
  std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) return problem(name, "cannot create an XML parser");
  int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      context.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, flags));
  bool well_formed = context->wellFormed != 0;
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) return problem(name, "not a feed: no XML root element");
  std::vector<const xmlNode*> items;
  std::string feed_title;
  find_items(root, items, feed_title);
  if (items.empty()) {
    return problem(name, "not an RSS or Atom feed, or a feed without items (root <" +
                             std::string(local_name(root)) + ">)");
  }
  size_t index = 0;
  for (const xmlNode* node : items) {
    ++index;
    FeedItem item = read_item(node);
    std::string where = name + " item " + std::to_string(index);
    if (item.body.empty() && item.title.empty()) {
      problem(where, "item without title or text");
      continue;
    }
    Pending pending;
    pending.input = where;
    Document& doc = pending.doc;
    doc.title = item.title;
    doc.url = item.link;
    doc.site = feed_title;
    doc.authors = std::move(item.authors);
    doc.source = where;
    if (!item.date.empty()) {
      doc.published = item.date;
      doc.published_from = "meta";
    }
    std::string body = item.body.empty() ? item.title : item.body;
    if (body.find('<') != std::string::npos) {
      // Escaped HTML, as feeds carry it: the HTML reader turns it into paragraphs.
      pending.kind = Pending::Kind::kHtml;
      pending.html = "<html><body><article>" + body + "</article></body></html>";
      pending.charset = "utf-8";
    } else {
      pending.kind = Pending::Kind::kDocument;
      doc.text = std::move(body);
    }
    sink(std::move(pending));
  }
  if (!well_formed) {
    problem(name, "malformed XML (truncated or broken); the " + std::to_string(items.size()) +
                      " items before the damage were read");
  }
}

}  // namespace crosscheck::ingest_internal
