// Internal to the extract stage: one function per annotation layer, called by
// Extractor::annotate in this order (quotes use the mentions to name speakers).
#pragma once

#include "core/document.h"
#include "extract/extract.h"

namespace crosscheck::extract {

// Time expressions; relative ones resolved against `dct` (YYYY-MM-DD) when not empty.
void find_times(Document& doc, const std::string& dct);
// Numbers with bound, unit, counted noun and event.
void find_quantities(Document& doc);
// Direct and indirect quotes with cue and source; speakers resolved from doc.mentions.
void find_quotes(Document& doc);

}  // namespace crosscheck::extract
