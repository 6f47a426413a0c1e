// render_json: the report in the schema of docs/report-format.md, keys in schema order.
#include <cmath>
#include <nlohmann/json.hpp>

#include "brief/brief.h"
#include "brief/report_view.h"

namespace crosscheck {
namespace {

using Json = nlohmann::ordered_json;
using report_view::StoryView;

// Unknown fields are null, not "".
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// Whole numbers print as integers (35, not 35.0); NaN and infinities have no JSON form.
Json number(double value) {
  if (!std::isfinite(value)) return nullptr;
  double rounded = std::round(value);
  if (value == rounded && std::fabs(rounded) < 9e15) return static_cast<int64_t>(rounded);
  return value;
}

Json share(double value) {
  if (!std::isfinite(value)) return nullptr;
  return std::round(value * 10000) / 10000;  // four decimals are plenty for a share
}

Json strings(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const std::string& item : items) out.push_back(item);
  return out;
}

class StoryWriter {
 public:
  StoryWriter(const Report& report, const Story& story, const report_view::CorpusIndex& corpus)
      : story_(story), view_(report, story, corpus) {}

  Json write() const {
    Json out;
    out["id"] = story_.id;
    out["title"] = text_or_null(story_.title);
    out["articles"] = articles();
    out["independent_outlets"] = view_.independent_outlets();
    // Set for a story in another language than English: stored and grouped, not analysed.
    out["not_analysed_language"] = text_or_null(view_.language());
    out["summary"] = summary();
    out["timeline"] = timeline();
    out["actors"] = actors();
    out["quotes"] = quotes();
    out["numbers"] = numbers();
    out["facts"] = facts();
    out["conflicts"] = conflicts(story_.conflicts);
    out["assessments"] = assessments();
    return out;
  }

 private:
  static Json cite(const Cite& cite) {
    Json out;
    out["article"] = cite.article;
    out["sentence"] = cite.sentence;
    out["start"] = cite.start;
    out["end"] = cite.end;
    out["text"] = cite.text;
    return out;
  }

  Json cites(const std::vector<Cite>& items) const {
    Json out = Json::array();
    for (const Cite& item : view_.usable(items)) out.push_back(cite(item));
    return out;
  }

  Json articles() const {
    Json out = Json::array();
    for (const report_view::ArticleRow& row : view_.articles()) {
      Json article;
      article["id"] = row.id;
      article["title"] = text_or_null(row.title);
      article["site"] = text_or_null(row.site);
      article["url"] = text_or_null(row.url);
      article["canonical_url"] = text_or_null(row.canonical_url);
      article["authors"] = row.authors;
      article["lang"] = text_or_null(row.lang);
      article["published"] = text_or_null(row.published);
      article["copy_group"] = row.copy_group;
      article["independent"] = row.independent;
      out.push_back(std::move(article));
    }
    return out;
  }

  Json summary() const {
    Json out = Json::array();
    for (const SummaryLine& line : story_.summary) {
      Json item;
      item["text"] = line.text;
      item["cites"] = cites(line.cites);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json timeline() const {
    Json out = Json::array();
    for (const TimelineEntry& entry : story_.timeline) {
      Json item;
      item["when"] = text_or_null(entry.when);
      item["what"] = entry.what;
      item["cites"] = cites(entry.cites);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json actors() const {
    Json out = Json::array();
    for (const Actor& actor : story_.actors) {
      Json item;
      item["name"] = actor.name;
      item["type"] = to_string(actor.type);
      item["aliases"] = strings(actor.aliases);
      Json roles = Json::array();
      for (const ActorRole& role : actor.roles) {
        Json entry;
        entry["role"] = role.role;
        entry["qualifier"] = text_or_null(role.qualifier);
        entry["cites"] = cites(role.cites);
        roles.push_back(std::move(entry));
      }
      item["roles"] = std::move(roles);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json quotes() const {
    Json out = Json::array();
    for (const QuoteClaim& quote : story_.quotes) {
      Json item;
      item["speaker"] = text_or_null(quote.speaker);
      item["text"] = quote.text;
      item["cites"] = cites(quote.cites);
      item["anonymous"] = quote.anonymous;
      out.push_back(std::move(item));
    }
    return out;
  }

  Json numbers() const {
    Json out = Json::array();
    for (const NumberClaim& claim : story_.numbers) {
      Json item;
      item["what"] = text_or_null(claim.what);
      item["value"] = number(claim.value);
      item["bound"] = to_string(claim.bound);
      item["unit"] = text_or_null(claim.unit);
      item["cites"] = cites(claim.cites);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json facts() const {
    Json out = Json::array();
    for (const Fact& fact : story_.facts) {
      Json item;
      item["id"] = fact.id;
      item["text"] = fact.text;
      item["status"] = to_string(fact.status);
      item["sources"] = fact.sources;
      item["kind"] = fact.identity ? "identity" : "event";
      item["outlets"] = view_.outlets(view_.usable(fact.cites));
      item["cites"] = cites(fact.cites);
      out.push_back(std::move(item));
    }
    return out;
  }

  Json conflicts(const std::vector<Conflict>& items) const {
    Json out = Json::array();
    for (const Conflict& conflict : items) {
      Json item;
      item["kind"] = to_string(conflict.kind);
      item["confidence"] = conflict.confidence;
      item["explanation"] = conflict.explanation;
      Json sides = Json::array();
      for (const ConflictSide& side : conflict.sides) {
        Json entry;
        entry["claim"] = side.claim;
        entry["outlets"] = view_.outlets(view_.usable(side.cites));
        entry["cites"] = cites(side.cites);
        sides.push_back(std::move(entry));
      }
      item["sides"] = std::move(sides);
      item["internal"] = conflict.internal;
      out.push_back(std::move(item));
    }
    return out;
  }

  Json assessments() const {
    Json out = Json::array();
    for (const Assessment& assessment : story_.assessments) {
      Json item;
      item["article"] = assessment.article;
      item["machine_generated"]["p"] = share(assessment.p_machine);
      item["machine_generated"]["reasons"] = strings(assessment.machine_reasons);
      item["padding"]["share"] = share(assessment.padding_share);
      item["padding"]["sentences"] = cites(assessment.padding);
      item["unsupported"]["share"] = share(assessment.unsupported_share);
      item["unsupported"]["facts"] = strings(assessment.unsupported_facts);
      item["internal_conflicts"] = conflicts(assessment.internal_conflicts);
      item["contradicted"] = conflicts(assessment.contradicted);
      item["reasons"] = strings(assessment.reasons);
      out.push_back(std::move(item));
    }
    return out;
  }

  const Story& story_;
  StoryView view_;
};

}  // namespace

std::string render_json(const Report& report) {
  Json out;
  out["crosscheck"] = report.version;
  out["stories"] = Json::array();
  report_view::CorpusIndex corpus(report);
  for (const Story& story : report.stories) {
    out["stories"].push_back(StoryWriter(report, story, corpus).write());
  }
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace crosscheck
