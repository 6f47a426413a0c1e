// Names of the Universal Dependencies (v2) tags stored on tokens by the syntax stage, and
// conversions between them and their CoNLL-U spelling.
//
// UPOS is an enum (core/document.h). XPOS (Penn Treebank tags as in UD English) and dependency
// relations (with the subtypes UD English uses) are small integers indexing fixed tables, so a
// token stays compact; index 0 means "none" and is written "_". Unknown names map to 0.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/document.h"

namespace crosscheck {

std::string_view upos_name(Upos tag);        // "NOUN"; "_" for kNone
Upos upos_from_name(std::string_view name);  // kNone when unknown

std::span<const std::string_view> xpos_tag_names();  // [0] == "_"
std::string_view xpos_tag_name(uint8_t index);       // "_" when out of range
uint8_t xpos_tag_from_name(std::string_view name);   // 0 when unknown

std::span<const std::string_view> deprel_names();  // [0] == "_"
std::string_view deprel_name(uint8_t index);       // "nsubj:pass"; "_" when out of range
uint8_t deprel_from_name(std::string_view name);   // subtype falls back to its base; 0 unknown

// The base relation without its subtype ("nsubj" for "nsubj:pass").
std::string_view deprel_base(uint8_t index);

// UD FEATS spelling of the features Morph holds, sorted by name ("Mood=Ind|Tense=Past|
// VerbForm=Fin"); "_" when empty. `morph_from_feats` reads the features it knows and ignores
// the others.
std::string feats_string(const Morph& morph);
Morph morph_from_feats(std::string_view feats);

}  // namespace crosscheck
