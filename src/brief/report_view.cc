#include "brief/report_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/language.h"
#include "core/utf8.h"

namespace crosscheck::report_view {

CorpusIndex::CorpusIndex(const Report& report) : has_corpus_(report.documents != nullptr) {
  if (!report.documents) return;
  by_id_.reserve(report.documents->size());
  for (const Document& doc : *report.documents) by_id_.emplace(doc.id, &doc);
}

const Document* CorpusIndex::find(const std::string& id) const {
  auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : found->second;
}

StoryView::StoryView(const Report& report, const Story& story, const CorpusIndex& index)
    : corpus_(index) {
  const std::vector<Document>* corpus = report.documents;
  std::unordered_map<std::string, const Assessment*> assessments;
  for (const Assessment& assessment : story.assessments) {
    assessments.emplace(assessment.article, &assessment);
  }
  auto add_row = [&](ArticleRow row) {
    row.label = "A" + std::to_string(articles_.size() + 1);
    auto found = assessments.find(row.id);
    if (found != assessments.end()) row.assessment = found->second;
    by_id_.emplace(row.id, articles_.size());
    articles_.push_back(std::move(row));
  };
  if (corpus) {
    language_ = story_language(*corpus, story);
    for (uint32_t index : story.documents) {
      if (index >= corpus->size()) continue;
      const Document& doc = (*corpus)[index];
      if (by_id_.count(doc.id)) continue;
      ArticleRow row;
      row.doc = &doc;
      row.id = doc.id;
      row.title = one_line(doc.title);
      row.untitled = row.title.empty();
      if (row.untitled) {
        Span opening = doc.sentences.empty() ? Span{0, static_cast<uint32_t>(doc.text.size())}
                                             : doc.sentences.front().span;
        row.display_title = shorten(one_line(doc.slice(opening)), 90);
      } else {
        row.display_title = row.title;
      }
      row.site = doc.site;
      row.url = doc.canonical_url.empty() ? doc.url : doc.canonical_url;
      row.canonical_url = doc.canonical_url;
      row.authors = doc.authors;
      row.lang = doc.lang;
      row.published = doc.published;
      int32_t group = doc.copy_group;
      row.independent = group < 0 || static_cast<uint32_t>(group) == index ||
                        static_cast<size_t>(group) >= corpus->size();
      row.copy_group = row.independent ? doc.id : (*corpus)[static_cast<size_t>(group)].id;
      add_row(std::move(row));
    }
  } else {
    // Without a corpus the assessments are the only list of the story's articles.
    for (const Assessment& assessment : story.assessments) {
      if (by_id_.count(assessment.article)) continue;
      ArticleRow row;
      row.id = assessment.article;
      row.copy_group = assessment.article;
      row.untitled = true;
      row.display_title = assessment.article;
      add_row(std::move(row));
    }
  }
  for (ArticleRow& row : articles_) {
    if (!row.independent) row.copy_of = label(row.copy_group);
  }
}

const ArticleRow* StoryView::article(const std::string& id) const {
  auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : &articles_[found->second];
}

std::string StoryView::label(const std::string& article_id) const {
  const ArticleRow* row = article(article_id);
  return row ? row->label : article_id;
}

Cite StoryView::checked(const Cite& cite) const {
  const Document* found = corpus_.find(cite.article);
  if (!found) return cite;
  const Document& doc = *found;
  Cite out = cite;
  uint32_t size = static_cast<uint32_t>(doc.text.size());
  out.start = std::min(cite.start, size);
  out.end = std::clamp(cite.end, out.start, size);
  out.text = doc.text.substr(out.start, out.end - out.start);
  if (!doc.sentences.empty()) out.sentence = doc.sentence_at(out.start);
  return out;
}

std::vector<Cite> StoryView::usable(const std::vector<Cite>& cites) const {
  std::vector<Cite> out;
  out.reserve(cites.size());
  for (const Cite& cite : cites) {
    if (corpus_.has_corpus() && !corpus_.find(cite.article)) continue;
    out.push_back(checked(cite));
  }
  return out;
}

StoryView::Context StoryView::context(const Cite& raw) const {
  Cite cite = checked(raw);
  Context context;
  context.cited = cite.text;
  const Document* found = corpus_.find(cite.article);
  if (!found) return context;
  const Document& doc = *found;
  if (cite.sentence >= doc.sentences.size()) return context;
  Span sentence = doc.sentences[cite.sentence].span;
  if (!sentence.contains(Span{cite.start, cite.end})) return context;
  constexpr uint32_t kMaxContext = 240;  // bytes each side
  uint32_t from =
      cite.start - sentence.start > kMaxContext ? cite.start - kMaxContext : sentence.start;
  uint32_t to = sentence.end - cite.end > kMaxContext ? cite.end + kMaxContext : sentence.end;
  std::string_view text(doc.text);
  from = static_cast<uint32_t>(utf8::align_back(text, from));
  if (to < text.size()) to = static_cast<uint32_t>(utf8::align_back(text, to));
  context.before = std::string(text.substr(from, cite.start - from));
  context.after = std::string(text.substr(cite.end, to - cite.end));
  if (from > sentence.start) context.before = "…" + context.before;
  if (to < sentence.end) context.after += "…";
  return context;
}

int StoryView::independent_count() const {
  return static_cast<int>(std::count_if(articles_.begin(), articles_.end(),
                                        [](const ArticleRow& row) { return row.independent; }));
}

std::string StoryView::language_note() const {
  if (language_.empty()) return {};
  return "Articles in language \"" + language_ +
         "\": stored and grouped into this story, but not analysed (actors, facts, conflicts "
         "and assessments are English-only).";
}

std::string StoryView::outlet(const std::string& article_id) const {
  const ArticleRow* row = article(article_id);
  if (!row) return article_id;
  return row->site.empty() ? row->label : one_line(row->site);
}

std::string StoryView::named(const std::string& article_id) const {
  const ArticleRow* row = article(article_id);
  if (!row) return article_id;
  return row->site.empty() ? row->label : one_line(row->site) + " (" + row->label + ")";
}

namespace {

void add_distinct(std::vector<std::string>& names, std::string name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> StoryView::outlets(const std::vector<Cite>& cites) const {
  std::vector<std::string> names;
  for (const Cite& cite : cites) add_distinct(names, outlet(cite.article));
  return names;
}

std::vector<std::string> StoryView::independent_outlets() const {
  std::vector<std::string> names;
  for (const ArticleRow& row : articles_) {
    if (row.independent) add_distinct(names, outlet(row.id));
  }
  return names;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string sides_outlets(const StoryView& view, const Conflict& conflict) {
  std::string out;
  for (const ConflictSide& side : conflict.sides) {
    std::vector<std::string> names = view.outlets(view.usable(side.cites));
    if (names.empty()) return {};
    std::string side_names;
    for (const std::string& name : names) side_names += (side_names.empty() ? "" : ", ") + name;
    out += (out.empty() ? "" : " vs ") + side_names;
  }
  return out;
}

int CitationList::number(const Cite& cite) {
  std::string key =
      cite.article + '\x1f' + std::to_string(cite.start) + ':' + std::to_string(cite.end);
  auto [it, inserted] = numbers_.try_emplace(key, static_cast<int>(cites_.size()) + 1);
  if (inserted) cites_.push_back(cite);
  return it->second;
}

std::string cite_anchor(int story_number, int cite_number) {
  return "s" + std::to_string(story_number) + "-c" + std::to_string(cite_number);
}

ReportTotals report_totals(const Report& report) {
  ReportTotals totals;
  for (const Story& story : report.stories) {
    totals.articles += std::max(story.documents.size(), story.assessments.size());
    totals.conflicts += story.conflicts.size();
    for (const Assessment& assessment : story.assessments) {
      totals.likely_machine += assessment.p_machine >= kLikelyMachine;
    }
  }
  return totals;
}

Verdict verdict(const ArticleRow& row) {
  Verdict verdict;
  std::vector<std::string> parts;
  if (!row.independent) {
    parts.push_back("copy of " + row.copy_of);
    verdict.tone = Tone::kNeutral;
  }
  const Assessment* assessment = row.assessment;
  if (!assessment) {
    if (parts.empty()) parts.push_back("not assessed");
    verdict.words = parts.front();
    return verdict;
  }
  Tone worst = Tone::kGood;
  auto raise = [&worst](Tone tone) {
    if (static_cast<int>(tone) > static_cast<int>(worst)) worst = tone;
  };
  if (assessment->p_machine >= kLikelyMachine) {
    parts.push_back("likely machine-written");
    raise(Tone::kBad);
  }
  if (assessment->padding_share >= kPadded) {
    parts.push_back("padded (" + percent(assessment->padding_share) + ")");
    raise(Tone::kWarning);
  }
  if (!assessment->internal_conflicts.empty()) {
    parts.push_back("contradicts itself");
    raise(Tone::kBad);
  }
  if (!assessment->contradicted.empty()) {
    parts.push_back("contradicted");
    raise(Tone::kWarning);
  }
  if (parts.empty()) parts.push_back("reporting");
  // Exclusive reporting is information, not a fault: said, but it never raises the tone.
  if (assessment->unsupported_share > 0)
    parts.push_back(percent(assessment->unsupported_share) + " not covered elsewhere");
  // A copy adds no source of its own, whatever its quality.
  if (!row.independent && worst == Tone::kGood) worst = Tone::kNeutral;
  for (size_t i = 0; i < parts.size(); ++i) {
    verdict.words += (i ? ", " : "") + parts[i];
  }
  verdict.tone = worst;
  return verdict;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "?";
  double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9 && std::fabs(rounded) < 1e15) {
    std::string digits = std::to_string(static_cast<long long>(std::fabs(rounded)));
    std::string grouped;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
      grouped.push_back(digits[i]);
    }
    return (rounded < 0 ? "-" : "") + grouped;
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

const char* bound_words(Bound bound) {
  switch (bound) {
    case Bound::kExact:
      return "";
    case Bound::kAtLeast:
      return "at least";
    case Bound::kAtMost:
      return "at most";
    case Bound::kMoreThan:
      return "more than";
    case Bound::kLessThan:
      return "less than";
    case Bound::kAbout:
      return "about";
  }
  return "";
}

std::string describe_number(const NumberClaim& number) {
  std::string out = bound_words(number.bound);
  if (!out.empty()) out += ' ';
  std::string unit = number.unit;
  if (unit == "%") {
    out += format_number(number.value) + "%";
  } else if (!unit.empty()) {
    out += format_number(number.value) + " " + unit;
  } else {
    out += format_number(number.value);
  }
  if (!number.what.empty()) out += " " + number.what;
  return out;
}

std::string percent(double share) {
  if (!std::isfinite(share)) return "?";
  return std::to_string(static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * 100))) + "%";
}

std::string without_probability(const std::string& reason) {
  size_t open = reason.find(" (p = ");
  if (open == std::string::npos) return reason;
  size_t close = reason.find(')', open);
  if (close == std::string::npos) return reason;
  return reason.substr(0, open) + reason.substr(close + 1);
}

std::string count_words(size_t count, const char* singular, const char* plural) {
  return std::to_string(count) + " " + (count == 1 ? singular : plural);
}

const char* kind_title(ConflictKind kind) {
  switch (kind) {
    case ConflictKind::kNumber:
      return "Number";
    case ConflictKind::kDate:
      return "Date";
    case ConflictKind::kRole:
      return "Role";
    case ConflictKind::kPolarity:
      return "Polarity";
    case ConflictKind::kAttribution:
      return "Attribution";
    case ConflictKind::kPlace:
      return "Place";
  }
  return "Conflict";
}

const char* type_words(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organisation";
    case EntityType::kPlace:
      return "place";
    case EntityType::kMisc:
      return "other";
  }
  return "other";
}

std::string role_words(const ActorRole& role) {
  if (role.qualifier.empty()) return role.role;
  if (role.role.empty()) return role.qualifier;
  return role.qualifier + " " + role.role;
}

std::vector<const Fact*> ordered_facts(const Story& story, FactStatus status) {
  std::vector<const Fact*> facts;
  for (const Fact& fact : story.facts) {
    if (fact.status == status) facts.push_back(&fact);
  }
  std::stable_sort(facts.begin(), facts.end(),
                   [](const Fact* a, const Fact* b) { return a->sources > b->sources; });
  return facts;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string one_line_keep_edges(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  std::string out = one_line(text);
  if (out.empty()) return text.empty() ? "" : " ";
  if (is_space(text.front())) out.insert(out.begin(), ' ');
  if (is_space(text.back())) out.push_back(' ');
  return out;
}

std::string shorten(const std::string& text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t cut = text.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out = text.substr(0, cut);
  while (!out.empty() &&
         (out.back() == ',' || out.back() == ';' || out.back() == ':' || out.back() == ' ')) {
    out.pop_back();
  }
  return out + "…";
}

}  // namespace crosscheck::report_view
