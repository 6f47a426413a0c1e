// Builders of hand-annotated documents for the facts and assess tests: the text layer comes
// from the text stage, the extract layers are placed by hand on phrases of the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/story.h"
#include "text/text.h"

namespace crosscheck::testing {

inline Span find_span(const Document& doc, std::string_view phrase, size_t occurrence = 0) {
  size_t at = doc.text.find(phrase);
  while (at != std::string::npos && occurrence-- > 0) at = doc.text.find(phrase, at + 1);
  if (at == std::string::npos) return Span{0, 0};
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
}

inline Document make_document(const std::string& id, const std::string& text,
                              int32_t copy_group = -1) {
  Document doc;
  doc.id = id;
  doc.text = text;
  doc.copy_group = copy_group;
  doc.lang = "en";
  annotate_text(doc);
  return doc;
}

inline std::string key_of(std::string_view name) { return fold_case(name); }

// A name mention; `role` and `qualifier` are written as the text gives them ("Foreign Minister",
// "French") and `role_text` is the phrase the role is written in.
inline void add_mention(Document& doc, std::string_view name, EntityType type,
                        const std::string& key = "", const std::string& role = "",
                        const std::string& qualifier = "", std::string_view role_text = "",
                        size_t occurrence = 0) {
  Mention mention;
  mention.span = find_span(doc, name, occurrence);
  mention.sentence = doc.sentence_at(mention.span.start);
  mention.type = type;
  mention.key = key.empty() ? key_of(name) : key;
  mention.role = role;
  mention.role_qualifier = qualifier;
  if (!role_text.empty()) {
    // The role phrase nearest before the name.
    size_t at = doc.text.rfind(role_text, mention.span.start);
    if (at != std::string::npos)
      mention.role_span =
          Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + role_text.size())};
  }
  doc.mentions.push_back(mention);
}

inline void add_quantity(Document& doc, std::string_view written, double value, Bound bound,
                         const std::string& noun, const std::string& event,
                         std::string_view event_text = "") {
  Quantity quantity;
  quantity.span = find_span(doc, written);
  quantity.sentence = doc.sentence_at(quantity.span.start);
  quantity.value = value;
  quantity.bound = bound;
  quantity.noun = noun;
  quantity.event = event;
  if (!event_text.empty()) quantity.event_span = find_span(doc, event_text);
  doc.quantities.push_back(quantity);
}

inline void add_timex(Document& doc, std::string_view written, const std::string& value,
                      int weekday = -1, const std::string& explicit_date = "") {
  Timex timex;
  timex.span = find_span(doc, written);
  timex.sentence = doc.sentence_at(timex.span.start);
  timex.value = value;
  timex.anchored_to = explicit_date.empty() ? "publication" : "absolute";
  timex.weekday = weekday;
  timex.explicit_date = explicit_date;
  doc.timexes.push_back(timex);
}

inline void add_quote(Document& doc, std::string_view content, std::string_view source,
                      const std::string& speaker, bool anonymous = false) {
  Quote quote;
  quote.content = find_span(doc, content);
  quote.source = find_span(doc, source);
  quote.sentence = doc.sentence_at(quote.content.start);
  quote.speaker = speaker;
  quote.anonymous = anonymous;
  doc.quotes.push_back(quote);
}

// Actors from the documents' mention keys: one actor per key, named by its first mention.
inline std::vector<Actor> actors_of(const std::vector<Document>& documents) {
  std::vector<Actor> actors;
  for (const Document& doc : documents) {
    for (const Mention& mention : doc.mentions) {
      bool known = false;
      for (Actor& actor : actors)
        if (actor.keys.front() == mention.key) known = true;
      if (known) continue;
      Actor actor;
      actor.name = std::string(doc.slice(mention.span));
      actor.type = mention.type;
      actor.keys.push_back(mention.key);
      actors.push_back(actor);
    }
  }
  return actors;
}

inline Story story_of(const std::vector<Document>& documents) {
  Story story;
  story.id = "s1";
  for (uint32_t i = 0; i < documents.size(); ++i) story.documents.push_back(i);
  story.actors = actors_of(documents);
  return story;
}

}  // namespace crosscheck::testing
