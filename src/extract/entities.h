// Name mentions of one document: people, organisations, places, and nationality adjectives.
//
// Works on the token layer (any tokenisation that splits "Russia's" or keeps it whole). Steps:
// capitalised token runs (with particles, initials, "of" inside organisation names and the
// longest gazetteer names); runs split into qualifier, title and name ("UK Foreign Secretary
// David Lammy"); each name typed by gazetteers, title words, organisation heads and context;
// sentence-initial and headline words kept only with evidence from the rest of the document
// (title case is judged per stretch of text, split where a heading was glued to the next
// sentence, "DozensThe"; in a title-case stretch a common English word needs strong evidence);
// hyphenated pairs of names ("U.S.-Iran", "Lavrov-Blinken talks") split into two mentions;
// surname-only mentions typed from the full names the document gives; roles from titles and
// appositions. Cost: a few hash probes per token, no regular expressions.
#pragma once

#include <vector>

#include "core/document.h"
#include "extract/gazetteer.h"
#include "extract/recognizer.h"

namespace crosscheck::extract {

// Mentions of `doc` sorted by start. Nationality adjectives ("French", "Ukrainians") come out
// as kMisc mentions without a role (CoNLL's MISC); they are never actors.
// With a loaded `recogniser`, names and their types come from it and the rules only add roles;
// without one (no model installed), from the rules.
std::vector<Mention> find_entities(const Document& doc, const Gazetteer& gazetteer,
                                   const Recogniser* recogniser = nullptr);

// Folded name used to link mentions: lower case, no diacritics, no possessive, no dots in
// acronyms, no leading "the" ("The U.S.'s" -> "us").
std::string mention_key(std::string_view name);

}  // namespace crosscheck::extract
