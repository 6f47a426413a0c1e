// Word lists the facts stage reads frames with: negation cues, irregular verb forms, event
// classes, offices and the words that put an office in the past. General English news usage,
// never the wording of any particular story.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::facts {

// Lemma of an irregular verb form ("met" -> "meet", "held" -> "hold"); empty when not one.
std::string_view irregular_lemma(std::string_view lower_word);

// Event class of a stem or lemma ("meet", "talk", "visit" -> "meeting"; "kill", "die", "dead" ->
// "casualties"); empty when the word names no event class.
std::string_view event_class(std::string_view stem_or_lemma);

// True for a word that negates the statement it governs ("not", "never", "denied", ...).
// `next_lower` is the following word, for two-word cues ("yet to", "failed to").
bool is_negation_cue(std::string_view lower_word, std::string_view next_lower);

// True for words that put an office in the past or future ("former", "then", "ex", "late",
// "outgoing", "incoming", "designate", "elect", "acting", "interim").
bool is_temporal_role_word(std::string_view lower_word);

// Canonical office of a role string, "" when the role is not a single-holder office:
// "Foreign Minister", "Foreign Secretary", "Minister of Foreign Affairs", "Secretary of State"
// -> "minister:foreign"; "President" -> "president"; "Prime Minister" -> "prime minister".
// Descriptions such as "envoy", "top diplomat" or "spokesman" give "".
std::string canonical_office(std::string_view role);

// Canonical country-ish form of a role qualifier: lower case, dots and possessive removed,
// common demonyms and short forms mapped ("U.S.", "American", "United States" -> "us";
// "British", "Britain", "United Kingdom" -> "uk"). Other words are kept as written (lower case).
std::string canonical_qualifier(std::string_view qualifier);

// True when two canonical qualifiers name the same body ("russia" and "russian": equal up to
// the last letter of the shorter).
bool same_qualifier(std::string_view a, std::string_view b);

// Leading discourse connective that a representative fact text can drop ("However", "Meanwhile").
bool is_leading_connective(std::string_view lower_word);

}  // namespace crosscheck::facts
