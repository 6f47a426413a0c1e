// brief: story title, summary with citations, and the report renderers.
//
// `write_brief` fills story.title (when empty) and story.summary. Summary lines are the story's
// strongest corroborated facts (most independent sources first), then the sentences most
// central to the story by TF-IDF: a sentence scores by its cosine similarity to what the
// *other* independent articles of the story say, so statements echoed across sources rank above
// one outlet's colour. Copies (articles that are not first in their copy group), padding
// sentences and near-repeats of lines already chosen are skipped. Every line carries cites that
// are exact slices of article text (core/story.h make_cite / cite_sentence). Cost: linear in the
// story's tokens.
//
// Renderers turn a Report into:
//   - JSON in the schema of docs/report-format.md (the schema of DESIGN.md "Report"),
//   - Markdown for people (tables, numbered citation list with anchors),
//   - one self-contained HTML file (inline CSS and a few lines of inline JS, no network).
// Every string taken from articles is escaped for the target format; invalid UTF-8 is replaced
// by U+FFFD, never thrown. Cite text is re-sliced from the article when the corpus is available,
// so a report always quotes exactly [start, end) of the stored text.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

struct Report {
  std::string version;                               // crosscheck version
  const std::vector<Document>* documents = nullptr;  // the corpus the stories index into
  std::vector<Story> stories;
};

struct BriefOptions {
  int min_summary_lines = 3;  // when the story has that many usable sentences
  int max_summary_lines = 6;
  int max_fact_lines = 3;         // corroborated facts placed first
  int max_cites_per_line = 3;     // the line's own sentence plus echoes from other sources
  double redundancy = 0.5;        // cosine above which a candidate repeats a chosen line
  double echo_similarity = 0.35;  // cosine for another source's sentence to be cited as echo
};

// Fills story.title (when empty) and story.summary (replacing it), and story.quotes from the
// articles' quote layers when no earlier stage filled them (brief/story_quotes.h). Needs the
// sentence layer of the story's documents; uses tokens, quantities and quotes when present.
// Thread-safe for distinct stories.
void write_brief(const std::vector<Document>& documents, Story& story,
                 const BriefOptions& options = {});

std::string render_markdown(const Report& report);
std::string render_html(const Report& report);
std::string render_json(const Report& report);  // pretty-printed, UTF-8

}  // namespace crosscheck
