// brief: story title, summary with citations, and the report renderers.
//
// `write_brief` fills story.title and story.summary from the story's corroborated facts and
// central sentences. Renderers turn a Report into Markdown, one self-contained HTML file (no
// network, no external assets) or JSON in the schema of docs/report-format.md.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

struct Report {
  std::string version;              // crosscheck version
  const std::vector<Document>* documents = nullptr;  // the corpus the stories index into
  std::vector<Story> stories;
};

// Fills story.title (when empty) and story.summary.
void write_brief(const std::vector<Document>& documents, Story& story);

std::string render_markdown(const Report& report);
std::string render_html(const Report& report);
std::string render_json(const Report& report);  // pretty-printed, UTF-8

}  // namespace crosscheck
