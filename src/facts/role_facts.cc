// Facts from roles: "UK Foreign Secretary David Lammy" in two independent articles is a
// corroborated statement that David Lammy is UK Foreign Secretary.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "facts/findings.h"
#include "facts/lexicon.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

// The role as the text writes it before the name ("Donald Trump’s special envoy"), else the
// role and qualifier fields.
std::string role_as_written(const Document& doc, const Mention& mention) {
  std::string written;
  if (!mention.role_span.empty() && mention.role_span.end <= mention.span.start &&
      mention.span.start - mention.role_span.start < 80) {
    // The qualifier usually stands just before the role ("French President", "Donald Trump’s
    // special envoy"); start there when it does.
    uint32_t start = mention.role_span.start;
    if (!mention.role_qualifier.empty()) {
      const uint32_t reach = static_cast<uint32_t>(mention.role_qualifier.size()) + 6;
      const uint32_t from = start > reach ? start - reach : 0;
      std::string_view before = doc.slice(Span{from, start});
      size_t at = before.rfind(mention.role_qualifier);
      if (at != std::string_view::npos) start = from + static_cast<uint32_t>(at);
    }
    written = std::string(doc.slice(Span{start, mention.span.start}));
  } else if (!mention.role_span.empty()) {
    written = std::string(doc.slice(mention.role_span));
  }
  while (!written.empty() && (written.back() == ' ' || written.back() == ',')) written.pop_back();
  if (written.empty() || written.find('\n') != std::string::npos) {
    written =
        mention.role_qualifier.empty() ? mention.role : mention.role_qualifier + " " + mention.role;
  }
  return written;
}

}  // namespace

std::vector<Fact> role_facts(const StoryFrames& story) {
  struct Use {
    std::string written;  // "UK Foreign Secretary"
    std::set<int32_t> sources;
    std::vector<Cite> cites;
    std::vector<std::string> articles;
  };
  // (actor, role, qualifier) in canonical spelling -> uses
  std::map<std::tuple<int32_t, std::string, std::string>, Use> uses;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    const auto [first, last] = story.frames_of(article);
    const int32_t source = first < last ? story.frames()[first].source : -1;
    for (const Mention& mention : doc.mentions) {
      if (mention.type != EntityType::kPerson || mention.role.empty()) continue;
      if (role_in_past(doc, mention)) continue;
      const int32_t actor = story.actor_of_key(mention.key);
      if (actor < 0) continue;
      auto key =
          std::tuple{actor, fold_case(mention.role), canonical_qualifier(mention.role_qualifier)};
      Use& use = uses[key];
      if (use.written.empty()) use.written = role_as_written(doc, mention);
      if (std::find(use.articles.begin(), use.articles.end(), doc.id) != use.articles.end())
        continue;
      Span span = mention.span;
      if (!mention.role_span.empty()) {
        span.start = std::min(span.start, mention.role_span.start);
        span.end = std::max(span.end, mention.role_span.end);
      }
      use.sources.insert(source);
      use.cites.push_back(make_cite(doc, span));
      use.articles.push_back(doc.id);
    }
  }
  std::vector<Fact> facts;
  for (auto& [key, use] : uses) {
    if (use.sources.size() < 2) continue;
    Fact fact;
    fact.identity = true;
    // "is the French President", but "is Donald Trump’s special envoy".
    const bool possessive = use.written.find("'s ") != std::string::npos ||
                            use.written.find("\u2019s ") != std::string::npos;
    const bool article = use.written.starts_with("the ") || use.written.starts_with("The ");
    fact.text = story.actor_name(std::get<0>(key)) + (possessive || article ? " is " : " is the ") +
                use.written + ".";
    fact.sources = static_cast<int>(use.sources.size());
    fact.cites = std::move(use.cites);
    fact.articles = std::move(use.articles);
    facts.push_back(std::move(fact));
  }
  return facts;
}

}  // namespace crosscheck::facts
