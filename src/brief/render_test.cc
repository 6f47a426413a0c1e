#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "brief/brief.h"
#include "brief/markup.h"
#include "brief/report_view.h"
#include "brief/test_fixture.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

using nlohmann::json;

struct Fixture {
  std::vector<Document> docs = testing::flood_corpus();
  Report report;
  Fixture() {
    Story story = testing::flood_story(docs);
    write_brief(docs, story);
    report.version = "9.9.9";
    report.documents = &docs;
    report.stories.push_back(std::move(story));
  }
};

const Document* find_doc(const std::vector<Document>& docs, const std::string& id) {
  for (const Document& doc : docs) {
    if (doc.id == id) return &doc;
  }
  return nullptr;
}

// Calls `visit` on every object in `value` that has the CITE keys.
void for_each_cite(const json& value, const std::function<void(const json&)>& visit) {
  if (value.is_object()) {
    if (value.contains("article") && value.contains("start") && value.contains("text")) {
      visit(value);
    }
    for (const auto& [key, item] : value.items()) for_each_cite(item, visit);
  } else if (value.is_array()) {
    for (const json& item : value) for_each_cite(item, visit);
  }
}

TEST(RenderJson, SchemaKeysInOrderAndTyped) {
  Fixture fixture;
  json report = json::parse(render_json(fixture.report));
  EXPECT_EQ(report.at("crosscheck"), "9.9.9");
  ASSERT_EQ(report.at("stories").size(), 1u);
  // ordered_json keeps schema order; parse it back ordered to check.
  nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(render_json(fixture.report));
  const auto& story = ordered["stories"][0];
  std::vector<std::string> expected = {"id",
                                       "title",
                                       "articles",
                                       "independent_outlets",
                                       "not_analysed_language",
                                       "summary",
                                       "timeline",
                                       "actors",
                                       "quotes",
                                       "numbers",
                                       "facts",
                                       "conflicts",
                                       "assessments"};
  std::vector<std::string> got;
  for (const auto& [key, value] : story.items()) got.push_back(key);
  EXPECT_EQ(got, expected);

  const json& s = report["stories"][0];
  EXPECT_TRUE(s["title"].is_string());
  ASSERT_EQ(s["articles"].size(), 4u);
  for (const json& article : s["articles"]) {
    for (const char* key : {"id", "title", "site", "published", "copy_group", "independent"}) {
      EXPECT_TRUE(article.contains(key)) << key;
    }
    EXPECT_TRUE(article["id"].is_string());
    EXPECT_TRUE(article["independent"].is_boolean());
    EXPECT_TRUE(article["copy_group"].is_string());
  }
  // gamma copies alpha: same copy group, not independent; its unknown date is null.
  EXPECT_EQ(s["articles"][2]["id"], "gamma");
  EXPECT_EQ(s["articles"][2]["copy_group"], "alpha");
  EXPECT_FALSE(s["articles"][2]["independent"]);
  EXPECT_TRUE(s["articles"][2]["published"].is_null());
  EXPECT_TRUE(s["articles"][0]["independent"]);
  EXPECT_TRUE(s["articles"][3]["title"].is_null());

  ASSERT_FALSE(s["summary"].empty());
  EXPECT_TRUE(s["summary"][0]["text"].is_string());
  EXPECT_TRUE(s["summary"][0]["cites"].is_array());
  EXPECT_EQ(s["timeline"][0]["when"], "2024-03-06");
  EXPECT_EQ(s["actors"][0]["type"], "person");
  EXPECT_TRUE(s["actors"][0]["aliases"].is_array());
  EXPECT_EQ(s["actors"][0]["roles"][0]["role"], "Mayor");
  EXPECT_TRUE(s["actors"][0]["roles"][0]["cites"].is_array());
  EXPECT_EQ(s["quotes"][0]["speaker"], "Ana Ruiz");
  EXPECT_FALSE(s["quotes"][0]["anonymous"]);
  EXPECT_EQ(s["numbers"][0]["value"], 1200);
  EXPECT_TRUE(s["numbers"][0]["value"].is_number_integer());
  EXPECT_EQ(s["numbers"][0]["bound"], "about");
  EXPECT_TRUE(s["numbers"][0]["unit"].is_null());
  EXPECT_EQ(s["facts"][1]["status"], "corroborated");
  EXPECT_EQ(s["facts"][1]["sources"], 2);
  const json& conflict = s["conflicts"][0];
  EXPECT_EQ(conflict["kind"], "number");
  EXPECT_TRUE(conflict["explanation"].is_string());
  ASSERT_EQ(conflict["sides"].size(), 2u);
  EXPECT_TRUE(conflict["sides"][0]["claim"].is_string());
  EXPECT_FALSE(conflict["internal"]);
  const json& assessment = s["assessments"][1];
  EXPECT_EQ(assessment["article"], "beta");
  EXPECT_DOUBLE_EQ(assessment["machine_generated"]["p"].get<double>(), 0.93);
  EXPECT_TRUE(assessment["machine_generated"]["reasons"].is_array());
  EXPECT_DOUBLE_EQ(assessment["padding"]["share"].get<double>(), 0.2);
  EXPECT_EQ(assessment["padding"]["sentences"].size(), 1u);
  EXPECT_DOUBLE_EQ(assessment["unsupported"]["share"].get<double>(), 0.25);
  EXPECT_EQ(assessment["unsupported"]["facts"][0], "f2");
  EXPECT_TRUE(assessment["internal_conflicts"].is_array());
  EXPECT_TRUE(assessment["reasons"][0].is_string());
}

TEST(RenderJson, EveryCiteIsTheSliceOfItsArticle) {
  Fixture fixture;
  // A stage handing over stale cite text must not leak it: the renderer re-slices.
  fixture.report.stories[0].conflicts[0].sides[0].cites[0].text = "stale";
  fixture.report.stories[0].conflicts[0].sides[0].cites[0].sentence = 99;
  json report = json::parse(render_json(fixture.report));
  int cites = 0;
  for_each_cite(report, [&](const json& cite) {
    ++cites;
    const Document* doc = find_doc(fixture.docs, cite["article"]);
    ASSERT_NE(doc, nullptr);
    EXPECT_TRUE(cite["sentence"].is_number_unsigned());
    uint32_t start = cite["start"], end = cite["end"];
    ASSERT_LE(end, doc->text.size());
    EXPECT_EQ(cite["text"], doc->text.substr(start, end - start));
    EXPECT_EQ(cite["sentence"], doc->sentence_at(start));
    EXPECT_EQ(cite.size(), 5u);
  });
  EXPECT_GT(cites, 10);
}

TEST(RenderJson, InvalidUtf8IsReplacedNotThrown) {
  Fixture fixture;
  fixture.report.stories[0].title = "bad \xC3\x28 byte";
  fixture.report.stories[0].conflicts[0].explanation = "\xFF\xFE";
  std::string out;
  ASSERT_NO_THROW(out = render_json(fixture.report));
  json report = json::parse(out);
  EXPECT_NE(report["stories"][0]["title"].get<std::string>().find("\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NO_THROW(render_markdown(fixture.report));
  EXPECT_NO_THROW(render_html(fixture.report));
}

TEST(RenderJson, EmptyReport) {
  Report report;
  report.version = "1.0";
  json out = json::parse(render_json(report));
  EXPECT_EQ(out["crosscheck"], "1.0");
  EXPECT_TRUE(out["stories"].is_array());
  EXPECT_TRUE(out["stories"].empty());
}

// Invented hostile article: markup everywhere a string can reach a renderer.
Fixture hostile_fixture() {
  Fixture fixture;
  const std::string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
  Document& doc = fixture.docs[0];
  doc.title = evil + " title";
  doc.site = evil;
  doc.url = "javascript:alert(1)";
  // Text is stored once; hostile text goes in through a new annotated article.
  fixture.docs.push_back(testing::make_document(
      "evil\"<b>", evil, "x.example", "2024-01-01",
      "The river rose again on Thursday. " + evil + " said the river was high."));
  fixture.docs.back().copy_group = 4;
  Story& story = fixture.report.stories[0];
  story.documents.push_back(4);
  story.title = evil;
  story.summary.push_back({evil, {cite_sentence(fixture.docs.back(), 1)}});
  story.conflicts[0].sides[1].claim = evil;
  story.conflicts[0].explanation = evil;
  story.actors[0].name = evil;
  story.quotes[0].text = evil;
  story.assessments[0].reasons = {evil};
  story.assessments[0].machine_reasons = {evil};
  story.facts[0].text = evil;
  story.timeline[0].what = evil;
  story.numbers[0].what = evil;
  Assessment assessment;
  assessment.article = "evil\"<b>";
  assessment.reasons = {evil};
  story.assessments.push_back(assessment);
  fixture.report.version = "<script>v</script>";
  return fixture;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(RenderHtml, EscapesEverythingFromArticles) {
  Fixture fixture = hostile_fixture();
  std::string html = render_html(fixture.report);
  EXPECT_EQ(count(html, "<script"), 1u);  // only the page's own script
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_EQ(count(html, "\"<b>"), 0u) << "attribute or id injection";
  EXPECT_NE(html.find("evil&quot;&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(count(html, "javascript:"), 0u);  // not linked, and never printed as a link
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
}

TEST(RenderHtml, SelfContainedAndStructured) {
  Fixture fixture;
  std::string html = render_html(fixture.report);
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_EQ(count(html, "<link"), 0u);
  EXPECT_EQ(count(html, " src="), 0u);
  EXPECT_EQ(count(html, "@import"), 0u);
  EXPECT_EQ(count(html, "url("), 0u);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("class=\"conflict\""), std::string::npos);
  EXPECT_NE(html.find("class=\"side\""), std::string::npos);
  EXPECT_NE(html.find("class=\"card\""), std::string::npos);
  EXPECT_NE(html.find("class=\"fill tone-bad\" style=\"width:93%\""), std::string::npos);
  EXPECT_NE(html.find("<details"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("prefers-color-scheme:dark"), std::string::npos);
  // Every citation link resolves to an entry of the citation list.
  for (size_t at = html.find("href=\"#s1-c"); at != std::string::npos;
       at = html.find("href=\"#s1-c", at + 1)) {
    size_t end = html.find('"', at + 7);
    std::string id = html.substr(at + 7, end - at - 7);
    EXPECT_NE(html.find("id=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(html.find("<blockquote>The regional emergency agency said <mark>14 people were taken "
                      "to hospital</mark> after the river"),
            std::string::npos);
  EXPECT_NE(html.find("<em class=\"untitled\">Residents of Millbridge"), std::string::npos);
  // Source labels link to the article rows.
  EXPECT_NE(html.find("<a class=\"label\" href=\"#s1-A4\">A4</a>"), std::string::npos);
  EXPECT_NE(html.find("<tr id=\"s1-A4\">"), std::string::npos);
  // The hover title carries the quoted slice.
  EXPECT_NE(html.find("title=\"valecourier.example (A1): Floodwater from the River Vale"),
            std::string::npos);
}

// SHA-256 (FIPS 180-4), to hold the CSP hash to the script it allows.
std::string sha256_base64(const std::string& message) {
  static const uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string data = message;
  uint64_t bits = static_cast<uint64_t>(message.size()) * 8;
  data.push_back(static_cast<char>(0x80));
  while (data.size() % 64 != 56) data.push_back('\0');
  for (int i = 7; i >= 0; --i) data.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
  auto rotr = [](uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (size_t chunk = 0; chunk < data.size(); chunk += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 0; b < 4; ++b) {
        w[i] = (w[i] << 8) | static_cast<uint8_t>(data[chunk + 4 * i + b]);
      }
    }
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t t1 =
          hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::string digest;
  for (uint32_t word : h) {
    for (int i = 3; i >= 0; --i) digest.push_back(static_cast<char>((word >> (8 * i)) & 0xFF));
  }
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < digest.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(digest[i]) << 16;
    if (i + 1 < digest.size()) n |= static_cast<uint8_t>(digest[i + 1]) << 8;
    if (i + 2 < digest.size()) n |= static_cast<uint8_t>(digest[i + 2]);
    out.push_back(alphabet[(n >> 18) & 63]);
    out.push_back(alphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < digest.size() ? alphabet[(n >> 6) & 63] : '=');
    out.push_back(i + 2 < digest.size() ? alphabet[n & 63] : '=');
  }
  return out;
}

TEST(RenderHtml, CspHashMatchesTheInlineScript) {
  EXPECT_EQ(sha256_base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(std::string("sha256-") + sha256_base64(html_page::script()), html_page::script_hash());
  Fixture fixture;
  std::string html = render_html(fixture.report);
  EXPECT_NE(html.find(std::string("<script>") + html_page::script() + "</script>"),
            std::string::npos);
}

TEST(RenderMarkdown, ContainsConflictSidesAndCitations) {
  Fixture fixture;
  std::string md = render_markdown(fixture.report);
  EXPECT_NE(md.find("### Conflicts"), std::string::npos);
  EXPECT_NE(md.find("**14 people taken to hospital**"), std::string::npos);
  EXPECT_NE(md.find("**12 people taken to hospital**"), std::string::npos);
  EXPECT_NE(md.find("“14 people were taken to hospital”"), std::string::npos);
  EXPECT_NE(md.find("“12 people had been taken to hospital”"), std::string::npos);
  // Sides and quotes name the outlet, not only the label.
  EXPECT_NE(md.find("| Side 1: "), std::string::npos);
  EXPECT_NE(md.find(" vs "), std::string::npos);
  // Each side quotes its sentence with the cited words in bold.
  EXPECT_NE(md.find("“The regional emergency agency said **12 people had been taken to "
                    "hospital**.” — localblog.example (A4)"),
            std::string::npos);
  EXPECT_NE(md.find("### Citations"), std::string::npos);
  EXPECT_NE(md.find("[[1]](#s1-c1)"), std::string::npos);
  EXPECT_NE(md.find("<a id=\"s1-c1\"></a>"), std::string::npos);
  EXPECT_NE(md.find("`gamma` |"), std::string::npos);
  // The untitled article is named by its opening words, in italics.
  EXPECT_NE(md.find("| A4 | [*Residents of Millbridge spent Thursday"), std::string::npos);
  EXPECT_NE(md.find("copy of A1"), std::string::npos);
  EXPECT_NE(md.find("likely machine-written"), std::string::npos);
  EXPECT_NE(md.find("**Padding:** 20% of sentences"), std::string::npos);
  // Assessments name unsupported claims by count, never by internal fact id.
  EXPECT_EQ(md.find("`f2`"), std::string::npos);
  EXPECT_NE(md.find("1 claim no other source makes"), std::string::npos);
  EXPECT_NE(md.find("Single-source claims"), std::string::npos);
  EXPECT_NE(md.find("### Timeline"), std::string::npos);
  EXPECT_NE(md.find("**Ana Ruiz** (person"), std::string::npos);
  EXPECT_NE(md.find("about 1,200 residents evacuated"), std::string::npos);
}

TEST(RenderAll, LongListsFold) {
  Fixture fixture;
  Story& story = fixture.report.stories[0];
  Fact single = story.facts[0];
  for (int i = 0; i < 20; ++i) story.facts.push_back(single);
  for (int i = 0; i < 20; ++i) story.quotes.push_back(story.quotes[0]);
  std::string md = render_markdown(fixture.report);
  EXPECT_NE(md.find("<details><summary>Single-source claims (21)</summary>"), std::string::npos);
  EXPECT_NE(md.find("<details><summary>13 more quotes</summary>"), std::string::npos);
  std::string html = render_html(fixture.report);
  EXPECT_NE(html.find("<details><summary>Single-source claims (21)</summary>"), std::string::npos);
  EXPECT_NE(html.find("<details><summary>13 more quotes</summary>"), std::string::npos);
}

TEST(RenderMarkdown, EscapesMarkup) {
  Fixture fixture;
  Story& story = fixture.report.stories[0];
  story.conflicts[0].sides[0].claim = "a *bold* | [link](http://x) <b> `code` _x_ &amp; claim";
  std::string md = render_markdown(fixture.report);
  EXPECT_NE(
      md.find("a \\*bold\\* \\| \\[link\\](http://x) \\<b\\> \\`code\\` \\_x\\_ \\&amp; claim"),
      std::string::npos);
  EXPECT_EQ(md.find("*bold*"), std::string::npos);
  Fixture hostile = hostile_fixture();
  std::string evil = render_markdown(hostile.report);
  for (size_t at = evil.find("<script"); at != std::string::npos;
       at = evil.find("<script", at + 1)) {
    EXPECT_TRUE(at > 0 && evil[at - 1] == '\\') << evil.substr(at > 20 ? at - 20 : 0, 60);
  }
  EXPECT_EQ(evil.find("](javascript:"), std::string::npos);
}

// Random stories with hostile strings, out-of-range cites, invalid UTF-8 and non-finite numbers:
// every renderer must finish, JSON must parse, and every cite must still be a real slice.
TEST(RenderAll, RandomStoriesRenderSafely) {
  std::mt19937 random(42);
  std::vector<Document> docs = testing::flood_corpus();
  const std::string alphabet = "ab <>&\"'`*_|[]#\n\xC3\xA9\xFF\xE2\x80";
  auto text = [&](size_t max) {
    std::string out;
    size_t size = random() % max;
    for (size_t i = 0; i < size; ++i) out.push_back(alphabet[random() % alphabet.size()]);
    return out;
  };
  auto cite = [&]() {
    Cite c;
    c.article = random() % 5 == 0 ? text(8) : docs[random() % docs.size()].id;
    c.start = static_cast<uint32_t>(random() % 600);
    c.end = static_cast<uint32_t>(random() % 600);
    c.sentence = static_cast<uint32_t>(random());
    c.text = text(20);
    return c;
  };
  auto cites = [&]() {
    std::vector<Cite> out(random() % 4);
    for (Cite& c : out) c = cite();
    return out;
  };
  for (int round = 0; round < 60; ++round) {
    Story story;
    story.id = text(10);
    story.title = text(30);
    for (uint32_t i = 0; i < 6; ++i) story.documents.push_back(static_cast<uint32_t>(random() % 6));
    for (int i = 0; i < 3; ++i) {
      story.summary.push_back({text(40), cites()});
      story.timeline.push_back({text(10), text(30), cites()});
      story.quotes.push_back({text(10), text(30), random() % 2 == 0, cites()});
      story.numbers.push_back({text(10), random() % 3 == 0 ? std::nan("") : random() * 1e3,
                               static_cast<Bound>(random() % 6), text(3), cites()});
      Fact fact;
      fact.id = text(4);
      fact.text = text(30);
      fact.status = static_cast<FactStatus>(random() % 3);
      fact.sources = static_cast<int>(random() % 5);
      fact.cites = cites();
      fact.articles = {text(5)};
      story.facts.push_back(fact);
      Conflict conflict;
      conflict.kind = static_cast<ConflictKind>(random() % 6);
      conflict.explanation = text(30);
      conflict.sides = {{text(20), cites()}, {text(20), cites()}};
      story.conflicts.push_back(conflict);
      Actor actor;
      actor.name = text(15);
      actor.aliases = {text(5)};
      actor.roles = {{text(10), text(5), cites()}};
      story.actors.push_back(actor);
      Assessment assessment;
      assessment.article = i == 0 ? docs[0].id : text(6);
      assessment.p_machine =
          random() % 4 == 0 ? std::numeric_limits<double>::infinity() : (random() % 1000) / 999.0;
      assessment.padding = cites();
      assessment.reasons = {text(20)};
      assessment.internal_conflicts = {conflict};
      story.assessments.push_back(assessment);
    }
    Report report;
    report.version = text(5);
    report.documents = round % 2 ? &docs : nullptr;
    report.stories = {story};
    std::string html, md, out;
    ASSERT_NO_THROW(html = render_html(report));
    ASSERT_NO_THROW(md = render_markdown(report));
    ASSERT_NO_THROW(out = render_json(report));
    EXPECT_EQ(count(html, "<script"), 1u);
    json parsed;
    ASSERT_NO_THROW(parsed = json::parse(out));
    if (report.documents) {
      for_each_cite(parsed, [&](const json& c) {
        const Document* doc = find_doc(docs, c["article"]);
        if (!doc) return;
        uint32_t start = c["start"], end = c["end"];
        ASSERT_LE(start, end);
        ASSERT_LE(end, doc->text.size());
        EXPECT_EQ(c["text"], doc->text.substr(start, end - start));
      });
    }
  }
}

TEST(RenderAll, EmptyReportAndNoCorpus) {
  Report empty;
  empty.version = "1.0";
  EXPECT_NE(render_markdown(empty).find("No stories"), std::string::npos);
  EXPECT_NE(render_html(empty).find("No stories"), std::string::npos);

  Fixture fixture;
  fixture.report.documents = nullptr;
  std::string md = render_markdown(fixture.report);
  std::string html = render_html(fixture.report);
  json out = json::parse(render_json(fixture.report));
  EXPECT_EQ(out["stories"][0]["articles"].size(), 4u);  // from the assessments
  EXPECT_NE(md.find("### Conflicts"), std::string::npos);
  EXPECT_NE(html.find("class=\"conflict\""), std::string::npos);

  Story bare;
  bare.id = "bare";
  fixture.report.stories = {bare};
  EXPECT_NO_THROW(render_markdown(fixture.report));
  EXPECT_NO_THROW(render_html(fixture.report));
  EXPECT_NO_THROW(json::parse(render_json(fixture.report)));
}

TEST(ReportView, ReasonsLoseProbabilityNotation) {
  EXPECT_EQ(report_view::without_probability("likely machine-written (p = 0.93): stock phrases"),
            "likely machine-written: stock phrases");
  EXPECT_EQ(report_view::without_probability("no probability here"), "no probability here");
  EXPECT_EQ(report_view::without_probability("unclosed (p = 0.5"), "unclosed (p = 0.5");
}

TEST(RenderHtml, VerdictPartsAreSeparateBadgesAndMarkersAscend) {
  Fixture fixture;
  fixture.report.stories[0].assessments[0].reasons = {"likely machine-written (p = 0.91): x"};
  std::string page = render_html(fixture.report);
  EXPECT_EQ(page.find("(p = 0.91)"), std::string::npos);
  EXPECT_NE(page.find("likely machine-written: x"), std::string::npos);
  EXPECT_EQ(page.find("\">likely machine-written, "), std::string::npos);
  // Within one run of markers, numbers never go down.
  size_t at = 0;
  int runs = 0;
  while ((at = page.find("</a></sup><sup class=\"c\"><a href=\"#s1-c", at)) != std::string::npos) {
    size_t before = page.rfind("\">[", at);
    int first = std::stoi(page.substr(before + 3));
    size_t next = page.find("\">[", at);
    int second = std::stoi(page.substr(next + 3));
    EXPECT_LT(first, second);
    at = next;
    ++runs;
  }
  EXPECT_GT(runs, 0) << "the fixture should cite some statement more than once";
}

}  // namespace
}  // namespace crosscheck
