#include "store/story_codec.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace crosscheck::store_codec {
namespace {

using nlohmann::json;

// Explicit functions rather than ADL to_json/from_json hooks: other stages serialise the same
// types differently (the report schema), and the two must not collide at link time.

json encode(const Cite& cite) {
  return json::array({cite.article, cite.sentence, cite.start, cite.end, cite.text});
}

json encode(const std::vector<Cite>& cites) {
  json out = json::array();
  for (const Cite& cite : cites) out.push_back(encode(cite));
  return out;
}

json encode(const Conflict& conflict) {
  json sides = json::array();
  for (const ConflictSide& side : conflict.sides) {
    sides.push_back({{"claim", side.claim}, {"cites", encode(side.cites)}});
  }
  return {{"kind", static_cast<int>(conflict.kind)},
          {"confidence", conflict.confidence},
          {"explanation", conflict.explanation},
          {"sides", std::move(sides)},
          {"internal", conflict.internal}};
}

json encode(const std::vector<Conflict>& conflicts) {
  json out = json::array();
  for (const Conflict& conflict : conflicts) out.push_back(encode(conflict));
  return out;
}

json encode_story(const Story& story) {
  json out;
  out["format"] = 1;
  out["id"] = story.id;
  out["title"] = story.title;
  out["documents"] = story.documents;
  json& summary = out["summary"] = json::array();
  for (const SummaryLine& line : story.summary) {
    summary.push_back({{"text", line.text}, {"cites", encode(line.cites)}});
  }
  json& timeline = out["timeline"] = json::array();
  for (const TimelineEntry& entry : story.timeline) {
    timeline.push_back(
        {{"when", entry.when}, {"what", entry.what}, {"cites", encode(entry.cites)}});
  }
  json& actors = out["actors"] = json::array();
  for (const Actor& actor : story.actors) {
    json roles = json::array();
    for (const ActorRole& role : actor.roles) {
      roles.push_back(
          {{"role", role.role}, {"qualifier", role.qualifier}, {"cites", encode(role.cites)}});
    }
    actors.push_back({{"name", actor.name},
                      {"type", static_cast<int>(actor.type)},
                      {"aliases", actor.aliases},
                      {"keys", actor.keys},
                      {"roles", std::move(roles)},
                      {"mentions", actor.mentions},
                      {"articles", actor.articles},
                      {"cites", encode(actor.cites)}});
  }
  json& quotes = out["quotes"] = json::array();
  for (const QuoteClaim& quote : story.quotes) {
    quotes.push_back({{"speaker", quote.speaker},
                      {"text", quote.text},
                      {"anonymous", quote.anonymous},
                      {"cites", encode(quote.cites)}});
  }
  json& numbers = out["numbers"] = json::array();
  for (const NumberClaim& number : story.numbers) {
    numbers.push_back({{"what", number.what},
                       {"value", number.value},
                       {"bound", static_cast<int>(number.bound)},
                       {"unit", number.unit},
                       {"cites", encode(number.cites)}});
  }
  json& facts = out["facts"] = json::array();
  for (const Fact& fact : story.facts) {
    facts.push_back({{"id", fact.id},
                     {"text", fact.text},
                     {"status", static_cast<int>(fact.status)},
                     {"sources", fact.sources},
                     {"cites", encode(fact.cites)},
                     {"articles", fact.articles},
                     {"identity", fact.identity}});
  }
  out["conflicts"] = encode(story.conflicts);
  json& assessments = out["assessments"] = json::array();
  for (const Assessment& assessment : story.assessments) {
    assessments.push_back({{"article", assessment.article},
                           {"p_machine", assessment.p_machine},
                           {"machine_reasons", assessment.machine_reasons},
                           {"padding_share", assessment.padding_share},
                           {"padding", encode(assessment.padding)},
                           {"unsupported_share", assessment.unsupported_share},
                           {"unsupported_facts", assessment.unsupported_facts},
                           {"internal_conflicts", encode(assessment.internal_conflicts)},
                           {"contradicted", encode(assessment.contradicted)},
                           {"reasons", assessment.reasons}});
  }
  return out;
}

// Decoding throws nlohmann exceptions on any shape mismatch; story_from_json turns them into an
// error value.

template <typename Enum>
Enum decode_enum(const json& value, Enum max) {
  int raw = value.get<int>();
  if (raw < 0 || raw > static_cast<int>(max)) throw std::out_of_range("enum value out of range");
  return static_cast<Enum>(raw);
}

// NaN and infinities are written as null by the JSON encoder; read them back as NaN.
double decode_real(const json& value) {
  return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

Cite decode_cite(const json& value) {
  Cite cite;
  cite.article = value.at(0).get<std::string>();
  cite.sentence = value.at(1).get<uint32_t>();
  cite.start = value.at(2).get<uint32_t>();
  cite.end = value.at(3).get<uint32_t>();
  cite.text = value.at(4).get<std::string>();
  return cite;
}

std::vector<Cite> decode_cites(const json& value) {
  std::vector<Cite> cites;
  for (const json& item : value) cites.push_back(decode_cite(item));
  return cites;
}

std::vector<Conflict> decode_conflicts(const json& value) {
  std::vector<Conflict> conflicts;
  for (const json& item : value) {
    Conflict conflict;
    conflict.kind = decode_enum(item.at("kind"), ConflictKind::kPlace);
    conflict.explanation = item.at("explanation").get<std::string>();
    // Stories saved before conflicts had a confidence read as fully confident.
    if (auto confidence = item.find("confidence");
        confidence != item.end() && confidence->is_number())
      conflict.confidence = confidence->get<double>();
    for (const json& side : item.at("sides")) {
      conflict.sides.push_back(
          {side.at("claim").get<std::string>(), decode_cites(side.at("cites"))});
    }
    conflict.internal = item.at("internal").get<bool>();
    conflicts.push_back(std::move(conflict));
  }
  return conflicts;
}

Story decode_story(const json& in) {
  if (in.at("format").get<int>() != 1) throw std::out_of_range("unknown story format");
  Story story;
  story.id = in.at("id").get<std::string>();
  story.title = in.at("title").get<std::string>();
  story.documents = in.at("documents").get<std::vector<uint32_t>>();
  for (const json& item : in.at("summary")) {
    story.summary.push_back({item.at("text").get<std::string>(), decode_cites(item.at("cites"))});
  }
  for (const json& item : in.at("timeline")) {
    story.timeline.push_back({item.at("when").get<std::string>(),
                              item.at("what").get<std::string>(), decode_cites(item.at("cites"))});
  }
  for (const json& item : in.at("actors")) {
    Actor actor;
    actor.name = item.at("name").get<std::string>();
    actor.type = decode_enum(item.at("type"), EntityType::kMisc);
    actor.aliases = item.at("aliases").get<std::vector<std::string>>();
    actor.keys = item.at("keys").get<std::vector<std::string>>();
    for (const json& role : item.at("roles")) {
      actor.roles.push_back({role.at("role").get<std::string>(),
                             role.at("qualifier").get<std::string>(),
                             decode_cites(role.at("cites"))});
    }
    actor.mentions = item.at("mentions").get<int>();
    actor.articles = item.at("articles").get<int>();
    actor.cites = decode_cites(item.at("cites"));
    story.actors.push_back(std::move(actor));
  }
  for (const json& item : in.at("quotes")) {
    QuoteClaim quote;
    quote.speaker = item.at("speaker").get<std::string>();
    quote.text = item.at("text").get<std::string>();
    quote.anonymous = item.at("anonymous").get<bool>();
    quote.cites = decode_cites(item.at("cites"));
    story.quotes.push_back(std::move(quote));
  }
  for (const json& item : in.at("numbers")) {
    NumberClaim number;
    number.what = item.at("what").get<std::string>();
    number.value = decode_real(item.at("value"));
    number.bound = decode_enum(item.at("bound"), Bound::kAbout);
    number.unit = item.at("unit").get<std::string>();
    number.cites = decode_cites(item.at("cites"));
    story.numbers.push_back(std::move(number));
  }
  for (const json& item : in.at("facts")) {
    Fact fact;
    fact.id = item.at("id").get<std::string>();
    fact.text = item.at("text").get<std::string>();
    fact.status = decode_enum(item.at("status"), FactStatus::kContested);
    fact.sources = item.at("sources").get<int>();
    fact.cites = decode_cites(item.at("cites"));
    fact.articles = item.at("articles").get<std::vector<std::string>>();
    // Stories stored before identity statements were marked read as statements of events.
    if (auto identity = item.find("identity"); identity != item.end() && identity->is_boolean())
      fact.identity = identity->get<bool>();
    story.facts.push_back(std::move(fact));
  }
  story.conflicts = decode_conflicts(in.at("conflicts"));
  for (const json& item : in.at("assessments")) {
    Assessment assessment;
    assessment.article = item.at("article").get<std::string>();
    assessment.p_machine = decode_real(item.at("p_machine"));
    assessment.machine_reasons = item.at("machine_reasons").get<std::vector<std::string>>();
    assessment.padding_share = decode_real(item.at("padding_share"));
    assessment.padding = decode_cites(item.at("padding"));
    assessment.unsupported_share = decode_real(item.at("unsupported_share"));
    assessment.unsupported_facts = item.at("unsupported_facts").get<std::vector<std::string>>();
    assessment.internal_conflicts = decode_conflicts(item.at("internal_conflicts"));
    // Stores written before "contradicted" existed have none recorded.
    if (item.contains("contradicted"))
      assessment.contradicted = decode_conflicts(item.at("contradicted"));
    assessment.reasons = item.at("reasons").get<std::vector<std::string>>();
    story.assessments.push_back(std::move(assessment));
  }
  return story;
}

}  // namespace

std::string story_to_json(const Story& story) {
  return encode_story(story).dump(-1, ' ', false, json::error_handler_t::replace);
}

bool story_from_json(std::string_view text, Story& story, std::string& error) {
  try {
    json parsed = json::parse(text);
    story = decode_story(parsed);
    return true;
  } catch (const std::exception& problem) {
    error = std::string("stored story cannot be read: ") + problem.what();
    return false;
  }
}

}  // namespace crosscheck::store_codec
