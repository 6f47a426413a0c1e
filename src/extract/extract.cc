#include "extract/extract.h"

#include "extract/actors.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/layers.h"

namespace crosscheck {

struct Extractor::Gazetteer : extract::Gazetteer {};

Extractor::Extractor() : gazetteer_(std::make_unique<Gazetteer>()) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::load(const Resources& resources,
                                           std::vector<std::string>* warnings) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  extract::load_gazetteer(*extractor->gazetteer_, resources.data_dir, resources.iso_codes_dir,
                          warnings);
  return extractor;
}

std::vector<Mention> Extractor::find_entities(const Document& doc) const {
  return extract::find_entities(doc, *gazetteer_);
}

void Extractor::annotate(Document& doc, const ExtractOptions& options) const {
  if (options.entities) doc.mentions = extract::find_entities(doc, *gazetteer_);
  if (options.times) extract::find_times(doc, doc.published);
  if (options.quantities) extract::find_quantities(doc);
  if (options.quotes) extract::find_quotes(doc);
}

void annotate_values(Document& doc, const std::string& dct) {
  extract::find_times(doc, dct);
  extract::find_quantities(doc);
}

std::vector<Actor> resolve_actors(const std::vector<Document>& documents, const Story& story) {
  return extract::link_actors(documents, story);
}

}  // namespace crosscheck
