// Test corpus for the brief tests: invented articles about one invented event, annotated by the
// text stage, with facts, conflicts and assessments shaped like the later stages produce.
#pragma once

#include <string>
#include <vector>

#include "brief/brief.h"
#include "text/text.h"

namespace crosscheck::testing {

inline Document make_document(const std::string& id, const std::string& title,
                              const std::string& site, const std::string& published,
                              const std::string& text) {
  Document doc;
  doc.id = id;
  doc.title = title;
  doc.site = site;
  doc.published = published;
  doc.url = "https://" + site + "/news/" + id;
  doc.text = normalize(text);
  annotate_text(doc);
  return doc;
}

// Span of the first occurrence of `needle` in the document text (empty span when missing).
inline Span find_span(const Document& doc, const std::string& needle) {
  size_t at = doc.text.find(needle);
  if (at == std::string::npos) return {};
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

inline std::vector<Document> flood_corpus() {
  std::vector<Document> docs;
  docs.push_back(make_document(
      "alpha", "River Vale floods force 1,200 residents from their homes | Vale Courier",
      "valecourier.example", "2024-03-07",
      "Floodwater from the River Vale forced about 1,200 residents from their homes on "
      "Wednesday night. The regional emergency agency said 14 people were taken to hospital "
      "after the river burst its banks near Millbridge. Mayor Ana Ruiz said the town had "
      "\"never seen water this high\" and asked residents to stay away from the embankment. "
      "Engineers will inspect the damaged bridge on Friday."));
  docs.push_back(make_document(
      "beta", "Thousands evacuated as River Vale bursts its banks", "northwire.example",
      "2024-03-07",
      "About 1,200 people were evacuated when the River Vale burst its banks near Millbridge "
      "late on Wednesday. Fourteen people were taken to hospital, the regional emergency agency "
      "said. Mayor Ana Ruiz told reporters the town had never seen water this high. Officials "
      "said 30 homes were destroyed. In today's fast-paced world, communities everywhere must "
      "come together and build resilience for the challenges of tomorrow."));
  // A near-verbatim copy of alpha, first in no group: dedup points it at alpha (index 0).
  docs.push_back(make_document(
      "gamma", "River Vale floods force 1,200 residents from their homes", "aggregator.example", "",
      "Floodwater from the River Vale forced about 1,200 residents from their homes on "
      "Wednesday night. The regional emergency agency said 14 people were taken to hospital "
      "after the river burst its banks near Millbridge."));
  docs.push_back(make_document(
      "delta", "", "localblog.example", "2024-03-08",
      "Residents of Millbridge spent Thursday clearing mud after the River Vale flooded on "
      "Wednesday. The regional emergency agency said 12 people had been taken to hospital. "
      "Volunteers handed out blankets and hot meals at the school gym."));
  // The quantity layer extract would add for the hospital counts.
  auto add_count = [](Document& doc, const std::string& written, double value) {
    Quantity quantity;
    quantity.span = find_span(doc, written);
    quantity.sentence = doc.sentence_at(quantity.span.start);
    quantity.value = value;
    quantity.noun = "people";
    quantity.event = "take";
    doc.quantities.push_back(quantity);
  };
  add_count(docs[0], "14", 14);
  add_count(docs[1], "Fourteen", 14);
  add_count(docs[3], "12", 12);
  docs[0].copy_group = 0;
  docs[1].copy_group = 1;
  docs[2].copy_group = 0;
  docs[3].copy_group = 3;
  return docs;
}

// A story over the whole flood corpus with the layers facts/assess would add.
inline Story flood_story(const std::vector<Document>& docs) {
  Story story;
  story.id = "story-flood";
  story.documents = {0, 1, 2, 3};

  Fact evacuated;
  evacuated.id = "f1";
  evacuated.text = "About 1,200 residents were evacuated";
  evacuated.status = FactStatus::kCorroborated;
  evacuated.sources = 2;
  evacuated.cites = {cite_sentence(docs[0], 0), cite_sentence(docs[1], 0)};
  evacuated.articles = {"alpha", "beta"};
  Fact homes;
  homes.id = "f2";
  homes.text = "30 homes were destroyed";
  homes.status = FactStatus::kSingleSource;
  homes.sources = 1;
  homes.cites = {make_cite(docs[1], find_span(docs[1], "Officials said 30 homes were destroyed."))};
  homes.articles = {"beta"};
  story.facts = {homes, evacuated};

  Conflict hospital;
  hospital.kind = ConflictKind::kNumber;
  hospital.explanation = "Sources disagree on how many people were taken to hospital: 14 or 12";
  hospital.sides = {
      {"14 people taken to hospital",
       {make_cite(docs[0], find_span(docs[0], "14 people were taken to hospital"))}},
      {"12 people taken to hospital",
       {make_cite(docs[3], find_span(docs[3], "12 people had been taken to hospital"))}}};
  story.conflicts = {hospital};

  story.timeline = {{"2024-03-06",
                     "The River Vale bursts its banks near Millbridge",
                     {make_cite(docs[1], find_span(docs[1], "late on Wednesday"))}}};
  Actor mayor;
  mayor.name = "Ana Ruiz";
  mayor.type = EntityType::kPerson;
  mayor.aliases = {"Ruiz"};
  mayor.roles = {{"Mayor", "", {make_cite(docs[0], find_span(docs[0], "Mayor Ana Ruiz"))}}};
  story.actors = {mayor};
  story.quotes = {{"Ana Ruiz",
                   "never seen water this high",
                   false,
                   {make_cite(docs[0], find_span(docs[0], "never seen water this high"))}}};
  story.numbers = {{"residents evacuated",
                    1200,
                    Bound::kAbout,
                    "",
                    {make_cite(docs[0], find_span(docs[0], "about 1,200"))}}};

  for (const Document& doc : docs) {
    Assessment assessment;
    assessment.article = doc.id;
    assessment.p_machine = doc.id == "beta" ? 0.93 : 0.12;
    assessment.reasons = {doc.id == "beta" ? "reads like generated filler in places"
                                           : "reports the event with sources"};
    story.assessments.push_back(assessment);
  }
  // beta's last sentence is padding.
  Assessment& beta = story.assessments[1];
  beta.padding_share = 0.2;
  beta.padding = {cite_sentence(docs[1], static_cast<uint32_t>(docs[1].sentences.size() - 1))};
  beta.machine_reasons = {"boilerplate connective phrase"};
  beta.unsupported_share = 0.25;
  beta.unsupported_facts = {"f2"};
  return story;
}

}  // namespace crosscheck::testing
