// Escaping for the Markdown and HTML renderers: text from articles never becomes markup.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::markup {

// Text for HTML element content and quoted attribute values: & < > " ' become references,
// invalid UTF-8 becomes U+FFFD.
std::string html(std::string_view text);

// True for http:// and https:// URLs, the only links a report makes (no javascript:, data:).
bool is_web_url(std::string_view url);

// Text for a Markdown code span: backticks and line breaks replaced so the span cannot end
// early.
std::string code_safe(std::string_view text);

}  // namespace crosscheck::markup

namespace crosscheck::html_page {

// The HTML report's one inline script and the CSP source allowing it ("sha256-<base64>").
const char* script();
const char* script_hash();

}  // namespace crosscheck::html_page
