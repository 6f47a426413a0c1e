#include "eval/timeml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace crosscheck::eval {

namespace {

constexpr size_t kMaxBytes = size_t{64} << 20;

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

XmlDocPtr parse(std::string_view xml, std::string& error) {
  if (xml.size() > kMaxBytes) {
    error = "input larger than 64 MiB";
    return nullptr;
  }
  XmlDocPtr doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "input.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) error = "not well-formed XML";
  return doc;
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

xmlNode* find_element(xmlNode* node, const char* name) {
  for (xmlNode* child = node; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (named(child, name)) return child;
    if (xmlNode* found = find_element(child->children, name)) return found;
  }
  return nullptr;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

// Appends the text under `node` to doc.text, recording the TIMEX3 elements met on the way.
// Depth is bounded by libxml2's own nesting limit.
void collect(xmlNode* node, TimemlDocument& doc) {
  for (xmlNode* child = node; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) doc.text += reinterpret_cast<const char*>(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      bool timex = named(child, "TIMEX3");
      size_t index = doc.timexes.size();
      if (timex) {
        doc.timexes.push_back({{static_cast<uint32_t>(doc.text.size()), 0},
                               attribute(child, "type"),
                               attribute(child, "value")});
      }
      collect(child->children, doc);
      if (timex) doc.timexes[index].span.end = static_cast<uint32_t>(doc.text.size());
    }
  }
}

}  // namespace

bool read_timeml(std::string_view xml, TimemlDocument& doc, std::string& error) {
  XmlDocPtr parsed = parse(xml, error);
  if (!parsed) return false;
  xmlNode* root = xmlDocGetRootElement(parsed.get());
  if (xmlNode* dct_node = find_element(root, "DCT")) {
    if (xmlNode* timex = find_element(dct_node->children, "TIMEX3"))
      doc.dct = attribute(timex, "value").substr(0, 10);
  }
  xmlNode* text_node = find_element(root, "TEXT");
  if (!text_node) {
    error = "no <TEXT> element";
    return false;
  }
  collect(text_node->children, doc);
  return true;
}

bool read_cat(std::string_view xml, const char* element, CatDocument& doc, std::string& error) {
  XmlDocPtr parsed = parse(xml, error);
  if (!parsed) return false;
  xmlNode* root = xmlDocGetRootElement(parsed.get());
  if (!root) {
    error = "empty document";
    return false;
  }
  std::unordered_map<std::string, size_t> token_index;
  for (xmlNode* child = root->children; child; child = child->next) {
    if (!named(child, "token")) continue;
    token_index.emplace(attribute(child, "t_id"), doc.tokens.size());
    xmlChar* content = xmlNodeGetContent(child);
    doc.tokens.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
    if (content) xmlFree(content);
    doc.token_sentence.push_back(std::atoi(attribute(child, "sentence").c_str()));
  }
  xmlNode* markables = find_element(root, "Markables");
  for (xmlNode* child = markables ? markables->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    for (xmlNode* anchor = child->children; anchor; anchor = anchor->next) {
      if (!named(anchor, "token_anchor")) continue;
      auto found = token_index.find(attribute(anchor, "t_id"));
      if (found != token_index.end())
        doc.last_annotated_sentence =
            std::max(doc.last_annotated_sentence, doc.token_sentence[found->second]);
    }
    if (!named(child, element)) continue;
    CatMarkable markable;
    markable.type = attribute(child, "type");
    for (xmlNode* anchor = child->children; anchor; anchor = anchor->next) {
      if (!named(anchor, "token_anchor")) continue;
      auto found = token_index.find(attribute(anchor, "t_id"));
      if (found != token_index.end()) markable.tokens.push_back(found->second);
    }
    std::sort(markable.tokens.begin(), markable.tokens.end());
    if (!markable.tokens.empty()) doc.markables.push_back(std::move(markable));
  }
  return true;
}

}  // namespace crosscheck::eval
