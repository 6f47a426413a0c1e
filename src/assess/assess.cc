// Placeholder until assessment lands.
#include "assess/assess.h"

namespace crosscheck {

void assess_story(const std::vector<Document>&, Story&, const AssessOptions&) {}

}  // namespace crosscheck
