// HTML main-text and metadata extraction over a gumbo tree. Internal to the ingest stage.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crosscheck::ingest_internal {

// What the page says about itself, gathered while walking the tree.
struct PageFacts {
  std::vector<std::pair<std::string, std::string>> metas;  // lower-case name/property -> content
  std::string title_tag;
  std::vector<std::string> h1s;
  std::vector<std::string> json_ld;      // bodies of <script type="application/ld+json">
  std::string canonical;                 // <link rel=canonical href>
  std::vector<std::string> rel_authors;  // text of <a rel=author>, itemprop=author elements
  std::vector<std::string> bylines;      // text of elements with byline/author class names
  std::vector<std::string> times;        // <time datetime> values, in document order
  std::vector<std::string> pub_times;    // <time> marked pubdate or in a "published" element
  std::vector<std::string> date_texts;   // text of elements with date/time/publish class names
  std::string html_lang;
};

// The result of reading one page.
struct HtmlPage {
  std::string text;  // main text: paragraphs joined by "\n\n"
  std::string title;
  std::string canonical_url;
  std::string site;
  std::vector<std::string> authors;
  std::string published;
  std::string published_from = "none";
  std::string lang;  // <html lang>, lower case primary subtag, empty when absent
};

// Prepares a page for the parser in one linear scan: drops comments, styles, noscript and
// scripts other than JSON-LD (a large share of a page's bytes, none of them article text), and
// the start tags (with their end tags) of elements nested deeper than `max_depth`, so the tree
// stays shallow while the text is kept. Returns `html` itself when nothing was dropped, else a
// view of `storage`.
std::string_view prepare_html(std::string_view html, size_t max_depth, std::string& storage);

// Parses UTF-8 `html` and extracts the main text and metadata. `page_url` (may be empty) is
// where the page came from.
HtmlPage extract_html(std::string_view html, std::string_view page_url);

// Fills title, canonical_url, site, authors and published of `page` from `facts`.
void fill_metadata(const PageFacts& facts, std::string_view page_url, HtmlPage& page);

// Text of `node` with whitespace collapsed, at most about `max_bytes` bytes.
std::string node_text(const GumboNode* node, size_t max_bytes);

// Host of an absolute URL, lower case, without "www." and port; empty when `url` has no scheme.
std::string host_of(std::string_view url);

// Case-insensitive ASCII helpers shared by the HTML code.
std::string ascii_lower(std::string_view text);
std::string collapse_whitespace(std::string_view text);

}  // namespace crosscheck::ingest_internal
