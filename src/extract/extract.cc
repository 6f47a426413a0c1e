// Placeholder until extraction lands.
#include "extract/extract.h"

#include "extract/layers.h"

namespace crosscheck {

struct Extractor::Gazetteer {};
Extractor::Extractor() = default;
Extractor::~Extractor() = default;
std::unique_ptr<Extractor> Extractor::load(const Resources&, std::vector<std::string>*) {
  return std::unique_ptr<Extractor>(new Extractor());
}
void Extractor::annotate(Document& doc, const ExtractOptions& options) const {
  if (options.times) extract::find_times(doc, doc.published);
  if (options.quantities) extract::find_quantities(doc);
  if (options.quotes) extract::find_quotes(doc);
}
std::vector<Actor> resolve_actors(const std::vector<Document>&, const Story&) { return {}; }

}  // namespace crosscheck
