#include "extract/extract.h"

#include "extract/actors.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/layers.h"
#include "extract/quotes_model.h"

namespace crosscheck {

struct Extractor::Gazetteer : extract::Gazetteer {};

Extractor::Extractor()
    : gazetteer_(std::make_unique<Gazetteer>()),
      quote_model_(std::make_unique<extract::QuoteModel>()) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::load(const Resources& resources,
                                           std::vector<std::string>* warnings) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  extract::load_gazetteer(*extractor->gazetteer_, resources.data_dir, resources.iso_codes_dir,
                          warnings);
  std::string error;
  if (!extractor->quote_model_->load(resources.models_dir + "/quotes.bin", error) && warnings)
    warnings->push_back(error + " (no quotes will be found)");
  return extractor;
}

std::vector<Mention> Extractor::find_entities(const Document& doc) const {
  return extract::find_entities(doc, *gazetteer_);
}

void Extractor::annotate(Document& doc, const ExtractOptions& options) const {
  if (options.entities) doc.mentions = extract::find_entities(doc, *gazetteer_);
  if (options.times) extract::find_times(doc, doc.published);
  if (options.quantities) extract::find_quantities(doc);
  if (options.quotes) extract::find_quotes(doc, *quote_model_);
}

std::vector<Actor> resolve_actors(const std::vector<Document>& documents, const Story& story) {
  return extract::link_actors(documents, story);
}

}  // namespace crosscheck

namespace crosscheck {

bool train_quote_model(const std::vector<Document>& documents,
                       const std::vector<std::vector<RoleSpan>>& gold,
                       const QuoteTrainOptions& options, const std::string& path,
                       QuoteTrainReport& report, std::string& error) {
  std::vector<const Document*> pointers;
  for (const Document& doc : documents) pointers.push_back(&doc);
  extract::QuoteModel model = extract::QuoteModel::train(pointers, gold, options, &report);
  return model.save(path, error);
}

}  // namespace crosscheck
