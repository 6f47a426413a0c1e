// Placeholder until time expressions land.
#include "extract/layers.h"

namespace crosscheck {
namespace extract {
void find_times(Document&, const std::string&) {}
void find_quantities(Document&) {}
void find_quotes(Document&) {}
}  // namespace extract
void resolve_story_times(std::vector<Document>&, const Story&) {}
void annotate_times(Document& doc, const std::string& dct) { extract::find_times(doc, dct); }
}  // namespace crosscheck
