#include "extract/extract.h"

#include <algorithm>

#include "extract/actors.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/layers.h"
#include "extract/quotes_model.h"
#include "extract/recognizer.h"

namespace crosscheck {

struct Extractor::Gazetteer : extract::Gazetteer {};

bool Extractor::is_country(std::string_view name) const {
  if (!gazetteer_) return false;
  const std::string folded = extract::fold_name(name);
  if (gazetteer_->country(folded)) return true;
  // Initials count only as written in capitals ("U.S.", "UAE"), never a lower-case word.
  std::string letters;
  for (char c : name)
    if (c != '.') letters.push_back(c);
  const bool capitals = !letters.empty() && std::all_of(letters.begin(), letters.end(), [](char c) {
    return c >= 'A' && c <= 'Z';
  });
  return capitals && gazetteer_->country_codes.contains(extract::fold_name(letters));
}
int Extractor::place_level(std::string_view name) const {
  if (is_country(name)) return 0;
  if (!gazetteer_) return 2;
  const extract::PlaceInfo* place = gazetteer_->place(extract::fold_name(name));
  return place != nullptr && place->region ? 1 : 2;
}

struct Extractor::Recogniser : extract::Recogniser {};

Extractor::Extractor()
    : gazetteer_(std::make_unique<Gazetteer>()),
      recogniser_(std::make_unique<Recogniser>()),
      quote_model_(std::make_unique<extract::QuoteModel>()) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::load(const Resources& resources,
                                           std::vector<std::string>* warnings) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  extract::load_gazetteer(*extractor->gazetteer_, resources.data_dir, resources.iso_codes_dir,
                          warnings);
  std::string error;
  if (resources.models_dir.empty()) {
    if (warnings) warnings->push_back("no models folder: names from capitalisation rules only");
  } else if (!extractor->recogniser_->load(resources.models_dir, error)) {
    if (warnings) warnings->push_back(error + ": names from capitalisation rules only");
  }
  if (!extractor->quote_model_->load(resources.models_dir + "/quotes.bin", error) && warnings)
    warnings->push_back(error + " (no quotes will be found)");
  return extractor;
}

std::unique_ptr<Extractor> Extractor::train_ner(
    const Resources& resources, const std::vector<Document>& training,
    const std::vector<Document>& news, const NerTrainingOptions& options,
    const std::function<void(int, const Extractor&)>& after_epoch,
    std::vector<std::string>* warnings) {
  std::unique_ptr<Extractor> extractor(new Extractor());
  extract::load_gazetteer(*extractor->gazetteer_, resources.data_dir, resources.iso_codes_dir,
                          warnings);
  extract::Recogniser& recogniser = *extractor->recogniser_;
  recogniser.names() = extract::name_lists_from(*extractor->gazetteer_);
  recogniser.case_table() = extract::count_capitalisation(news, options.case_min_count);
  std::vector<extract::Recogniser::TrainingDocument> documents;
  documents.reserve(training.size());
  for (const Document& doc : training) {
    documents.push_back({&doc, extract::Recogniser::labels_of(doc, doc.mentions)});
  }
  extract::Recogniser::TrainingOptions train_options;
  train_options.epochs = options.epochs;
  train_options.seed = options.seed;
  const Extractor& self = *extractor;
  recogniser.train(documents, train_options, [&](int epoch, const extract::Recogniser&) {
    if (after_epoch) after_epoch(epoch, self);
  });
  return extractor;
}

bool Extractor::save_ner(const std::string& models_dir, std::string& error) const {
  return recogniser_->save(models_dir, error);
}

bool Extractor::has_recogniser() const { return recogniser_->loaded(); }

std::vector<Mention> Extractor::find_entities(const Document& doc) const {
  return extract::find_entities(doc, *gazetteer_, recogniser_.get());
}

void Extractor::annotate(Document& doc, const ExtractOptions& options) const {
  if (options.entities) doc.mentions = extract::find_entities(doc, *gazetteer_, recogniser_.get());
  if (options.times) extract::find_times(doc, doc.published);
  if (options.quantities) extract::find_quantities(doc);
  if (options.quotes) extract::find_quotes(doc, *quote_model_);
}

void annotate_values(Document& doc, const std::string& dct) {
  extract::find_times(doc, dct);
  extract::find_quantities(doc);
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
