// Placeholder until the renderers land.
#include "brief/brief.h"

namespace crosscheck {

void write_brief(const std::vector<Document>&, Story&) {}
std::string render_markdown(const Report&) { return "# crosscheck report\n"; }
std::string render_html(const Report&) { return "<!doctype html><title>crosscheck</title>\n"; }
std::string render_json(const Report&) { return "{}\n"; }

}  // namespace crosscheck
