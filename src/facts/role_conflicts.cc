// Role conflicts: one person given two incompatible offices, and one single-holder office given
// to two different people. Offices marked as past ("former", "then-") never conflict.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "facts/findings.h"
#include "facts/lexicon.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

struct RoleUse {
  int32_t actor = -1;
  uint32_t article = 0;
  Span span;  // role and name together
  std::string role;
  std::string office;
  std::string qualifier;
};

// Lower-case words of the few bytes before `start` (where "former" or "then-" would stand).
std::vector<std::string> words_before(const Document& doc, uint32_t start, uint32_t bytes) {
  uint32_t from = start > bytes ? start - bytes : 0;
  std::string text = fold_case(doc.slice(Span{from, start}));
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(word), word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::vector<RoleUse> role_uses(const StoryFrames& story) {
  std::vector<RoleUse> uses;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    for (const Mention& mention : doc.mentions) {
      if (mention.role.empty() || mention.type != EntityType::kPerson) continue;
      if (role_in_past(doc, mention)) continue;
      RoleUse use;
      use.actor = story.actor_of_key(mention.key);
      if (use.actor < 0) continue;
      use.article = article;
      use.span = mention.span;
      if (!mention.role_span.empty()) {
        use.span.start = std::min(use.span.start, mention.role_span.start);
        use.span.end = std::max(use.span.end, mention.role_span.end);
      }
      use.role = mention.role;
      use.office = canonical_office(mention.role);
      use.qualifier = canonical_qualifier(mention.role_qualifier);
      if (!use.office.empty()) uses.push_back(std::move(use));
    }
  }
  return uses;
}

bool is_head_office(const std::string& office) {
  return office == "president" || office == "prime minister" || office == "vice president" ||
         office == "chancellor";
}

std::string role_words(const RoleUse& use, const Document& doc) {
  return std::string(doc.slice(use.span));
}

void add_cite(ConflictSide& side, const Cite& cite) {
  for (const Cite& existing : side.cites)
    if (existing.article == cite.article && existing.start == cite.start) return;
  side.cites.push_back(cite);
}

// Conflicts between pairs of role uses, merged per (actor or office) subject.
void pairwise_role_conflicts(const StoryFrames& story, const std::vector<RoleUse>& uses,
                             std::vector<Conflict>& out) {
  std::map<std::string, Conflict> by_subject;
  for (size_t i = 0; i < uses.size(); ++i) {
    for (size_t j = i + 1; j < uses.size(); ++j) {
      const RoleUse& a = uses[i];
      const RoleUse& b = uses[j];
      const bool qualifiers_agree =
          a.qualifier.empty() || b.qualifier.empty() || same_qualifier(a.qualifier, b.qualifier);
      std::string subject, explanation;
      if (same_person(story, a.actor, b.actor) && a.office != b.office && qualifiers_agree) {
        const bool portfolios =
            a.office.starts_with("minister:") && b.office.starts_with("minister:");
        const bool heads = is_head_office(a.office) && is_head_office(b.office) &&
                           !a.qualifier.empty() && a.qualifier == b.qualifier;
        if (!portfolios && !heads) continue;
        subject = "person:" + std::to_string(std::min(a.actor, b.actor));
        explanation = story.actor_name(a.actor) + " is given incompatible offices: ";
      } else if (!same_person(story, a.actor, b.actor) && a.office == b.office &&
                 !a.qualifier.empty() && !b.qualifier.empty() &&
                 same_qualifier(a.qualifier, b.qualifier)) {
        subject = "office:" + a.office + ":" + a.qualifier;
        explanation = "One office is given to different people at the same time: ";
      } else {
        continue;
      }
      auto [it, inserted] = by_subject.try_emplace(subject);
      Conflict& conflict = it->second;
      if (inserted) {
        conflict.kind = ConflictKind::kRole;
        conflict.explanation = explanation;
      }
      for (const RoleUse* use : {&a, &b}) {
        const Document& doc = story.doc(use->article);
        std::string claim = role_words(*use, doc);
        auto side = std::find_if(conflict.sides.begin(), conflict.sides.end(),
                                 [&](const ConflictSide& s) { return s.claim == claim; });
        if (side == conflict.sides.end()) {
          conflict.sides.push_back({claim, {}});
          side = std::prev(conflict.sides.end());
        }
        add_cite(*side, make_cite(doc, use->span));
      }
    }
  }
  for (auto& [subject, conflict] : by_subject) {
    std::set<std::string> articles;
    for (size_t k = 0; k < conflict.sides.size(); ++k) {
      conflict.explanation +=
          (k ? " versus " : "") + std::string("'") + conflict.sides[k].claim + "'";
      for (const Cite& cite : conflict.sides[k].cites) articles.insert(cite.article);
    }
    conflict.explanation += ".";
    conflict.internal = articles.size() == 1;
    if (conflict.sides.size() >= 2) out.push_back(std::move(conflict));
  }
}

}  // namespace

bool role_in_past(const Document& doc, const Mention& mention) {
  std::string role = fold_case(mention.role);
  for (const char* marker : {"former", "then", "ex-", "late ", "outgoing", "elect", "acting"})
    if (role.find(marker) != std::string::npos) return true;
  uint32_t start = mention.role_span.empty()
                       ? mention.span.start
                       : std::min(mention.role_span.start, mention.span.start);
  std::vector<std::string> before = words_before(doc, start, 14);
  size_t keep = std::min<size_t>(before.size(), 2);
  for (size_t i = before.size() - keep; i < before.size(); ++i)
    if (is_temporal_role_word(before[i])) return true;
  return false;
}

std::string last_word(const std::string& name) {
  std::string folded = fold_case(name);
  size_t space = folded.find_last_of(' ');
  return space == std::string::npos ? folded : folded.substr(space + 1);
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t previous = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t current = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] != b[j - 1])});
      previous = current;
    }
  }
  return row[b.size()];
}

bool same_person(const StoryFrames& story, int32_t a, int32_t b) {
  if (a == b) return true;
  std::string x = last_word(story.actor_name(a)), y = last_word(story.actor_name(b));
  if (x.empty() || y.empty()) return false;
  return x == y || edit_distance(x, y) <= 2;
}

void find_role_conflicts(const StoryFrames& story, std::vector<Conflict>& out) {
  std::vector<RoleUse> uses = role_uses(story);
  pairwise_role_conflicts(story, uses, out);
}

}  // namespace crosscheck::facts
