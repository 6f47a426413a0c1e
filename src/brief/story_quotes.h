// The story's quotes for the report, gathered from the articles' quote layers.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/story.h"

namespace crosscheck {

// Fills story.quotes when it is empty: every direct quotation (in quotation marks; reported
// speech is left out) of four words or more from the story's articles, the same words quoted by
// several articles (or copies) merged into one entry citing each article, ordered by how many
// articles carry it, then named speakers first. At most 40 quotes. Speakers are the extract stage's
// resolved names; anonymous quotes have no speaker.
void collect_story_quotes(const std::vector<Document>& documents, Story& story);

}  // namespace crosscheck
