// The readers one by one: the headline rule, HTML extraction and metadata, charsets, JSON rows,
// dates, and hostile HTML.
#include "ingest/readers.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ingest/dates.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/ingest.h"
#include "ingest/test_support.h"

namespace crosscheck {
namespace {

using namespace ingest_internal;

std::string fixture(const std::string& name) {
  return ingest_test::read_file(std::string(CROSSCHECK_SOURCE_DIR) + "/tests/data/ingest/" + name);
}

struct TitleCase {
  const char* text;
  const char* title;
  const char* body;
};

TEST(TextReader, FirstLineBecomesTitleOnlyWhenItReadsAsAHeadline) {
  const TitleCase cases[] = {
      // A short line without a full stop, followed by text.
      {"Storm closes coastal roads\nHeavy rain closed roads on Monday.",
       "Storm closes coastal roads", "Heavy rain closed roads on Monday."},
      // Trailing spaces and a blank line do not matter.
      {"Storm closes coastal roads  \n\nHeavy rain closed roads.", "Storm closes coastal roads",
       "Heavy rain closed roads."},
      // A question can be a headline.
      {"Will the bridge reopen in time?\nEngineers say it might.",
       "Will the bridge reopen in time?", "Engineers say it might."},
      // A full sentence is the start of the text, not a title.
      {"Heavy rain closed several roads on Monday, officials said.\nMore rain is expected.", "",
       "Heavy rain closed several roads on Monday, officials said.\nMore rain is expected."},
      // A Title Case line ending in a full stop, set apart by a blank line, is a headline.
      {"The City Is Set to Vote on Its Budget.\n\nCouncillors meet on Monday.",
       "The City Is Set to Vote on Its Budget.", "Councillors meet on Monday."},
      // A lead-in with a colon is not.
      {"Here is what we know:\nThe storm hit at noon.", "",
       "Here is what we know:\nThe storm hit at noon."},
      // A single line is the text.
      {"Storm closes coastal roads", "", "Storm closes coastal roads"},
      // Too long to be a headline.
      {"This line goes on and on with many words that keep going well past the length any "
       "newspaper headline would ever have and then some more words still without stopping\n"
       "Next.",
       "",
       "This line goes on and on with many words that keep going well past the length any "
       "newspaper headline would ever have and then some more words still without stopping\n"
       "Next."},
      // A dateline or a byline is not a headline.
      {"April 17, 2025\nThe talks began.", "", "April 17, 2025\nThe talks began."},
      {"By Jane Doe\nThe talks began.", "", "By Jane Doe\nThe talks began."},
      // Markdown heading markers and bold are removed from the title.
      {"**Markets rally after rate cut**\n\nShares rose.", "Markets rally after rate cut",
       "Shares rose."},
  };
  for (const TitleCase& c : cases) {
    std::string title;
    std::string_view body;
    split_title(c.text, false, title, body);
    EXPECT_EQ(title, c.title) << c.text;
    EXPECT_EQ(body, c.body) << c.text;
  }
  std::string title;
  std::string_view body;
  split_title("# Budget passes.\nThe vote was close.", true, title, body);
  EXPECT_EQ(title, "Budget passes.");
  EXPECT_EQ(body, "The vote was close.");
}

TEST(TextReader, Utf16WithByteOrderMarkIsDecoded) {
  std::string text = "Headline here\nBody text.";
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  Problems problems;
  std::vector<Document> docs = read_text(utf16, "u16.txt", problems, {});
  ASSERT_EQ(docs.size(), 1u) << (problems.empty() ? "" : problems[0].reason);
  EXPECT_EQ(docs[0].title, "Headline here");
  EXPECT_EQ(docs[0].text, "Body text.");
  // A UTF-8 byte order mark is dropped.
  docs = read_text("\xEF\xBB\xBFPlain text body.", "bom.txt", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Plain text body.");
}

TEST(HtmlReader, ExtractsTheArticleAndDropsBoilerplate) {
  Problems problems;
  std::vector<Document> docs =
      read_html(fixture("news_article.html"), "news_article.html", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.text.rfind("The harbour bridge reopened to traffic on Friday morning", 0), 0u)
      << doc.text;
  for (const char* kept : {"About 40,000 vehicles", "Costs rose by a third", "84 million euros",
                           "another fifty years", "Local shop owners"}) {
    EXPECT_NE(doc.text.find(kept), std::string::npos) << kept << "\n" << doc.text;
  }
  for (const char* dropped :
       {"Home", "cookies", "Share on", "Related stories", "Ferry", "Great news", "Copyright",
        "analytics", "Photo: Courier", "font-family", "By Mara"}) {
    EXPECT_EQ(doc.text.find(dropped), std::string::npos) << dropped << "\n" << doc.text;
  }
  // Paragraphs are separated by a blank line; the heading is its own line.
  EXPECT_NE(doc.text.find("shown, the authority said in a statement."), std::string::npos);
  EXPECT_NE(doc.text.find("\n\nCosts rose by a third\n\n"), std::string::npos) << doc.text;
}

TEST(HtmlReader, Metadata) {
  Problems problems;
  std::vector<Document> docs =
      read_html(fixture("news_article.html"), "news_article.html", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_EQ(doc.title, "Harbour bridge reopens after two years of repairs");
  EXPECT_EQ(doc.site, "The Coastal Courier");
  EXPECT_EQ(doc.canonical_url,
            "https://courier.example.com/news/2024/03/08/harbour-bridge-reopens");
  EXPECT_EQ(doc.authors, (std::vector<std::string>{"Mara Lindqvist", "Tomas Okafor"}));
  EXPECT_EQ(doc.published, "2024-03-08");
  EXPECT_EQ(doc.published_from, "jsonld");
  EXPECT_EQ(doc.lang, "en");
  EXPECT_EQ(doc.source, "news_article.html");
  // No own id: the canonical URL names the page.
  EXPECT_EQ(doc.id, stable_id("url\ncourier.example.com/news/2024/03/08/harbour-bridge-reopens"));
}

TEST(HtmlReader, MetadataFallbacks) {
  auto page = [](const std::string& head, const std::string& body) {
    return extract_html("<html><head>" + head + "</head><body>" + body + "</body></html>",
                        "https://www.daily.example.net/politics/2023/11/05/vote-count");
  };
  const std::string paragraph =
      "<p>Election officials finished counting the votes late on Sunday, the commission said.</p>";
  HtmlPage meta = page(
      "<meta property=\"article:published_time\" content=\"2023-11-06T08:00Z\">"
      "<title>Council votes to close two libraries - Daily Example</title>",
      paragraph);
  EXPECT_EQ(meta.published, "2023-11-06");
  EXPECT_EQ(meta.published_from, "meta");
  EXPECT_EQ(meta.title, "Council votes to close two libraries");
  EXPECT_EQ(meta.site, "example.net");  // the registered domain

  HtmlPage entities = page(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
      "\"Council approves &#8216;sea wall&#8217; &amp; more\"}</script>",
      paragraph);
  EXPECT_EQ(entities.title, "Council approves \u2018sea wall\u2019 & more");

  HtmlPage time =
      page("", "<article><time datetime=\"2023-11-04\">Saturday</time>" + paragraph + "</article>");
  EXPECT_EQ(time.published, "2023-11-04");
  EXPECT_EQ(time.published_from, "time");

  HtmlPage url = page("", paragraph);
  EXPECT_EQ(url.published, "2023-11-05");
  EXPECT_EQ(url.published_from, "url");

  HtmlPage text = extract_html("<html><body><div class=\"post-date\">Posted on 3 March 2022</div>" +
                                   paragraph + "</body></html>",
                               "");
  EXPECT_EQ(text.published, "2022-03-03");
  EXPECT_EQ(text.published_from, "text");

  HtmlPage none = extract_html("<html><body>" + paragraph + "</body></html>", "");
  EXPECT_EQ(none.published, "");
  EXPECT_EQ(none.published_from, "none");

  HtmlPage byline = page("<title>A headline for this story | Daily</title>",
                         "<span class=\"byline\">By Ana Ruiz and Li Wei</span>" + paragraph);
  EXPECT_EQ(byline.authors, (std::vector<std::string>{"Ana Ruiz", "Li Wei"}));

  // Commenters and comment-form labels are not authors; list punctuation is not part of a name.
  HtmlPage comments = page("", paragraph +
                                   "<div class=\"comments\"><div class=\"comment-author\">Sam "
                                   "Poe</div></div><label class=\"author\">Name *</label>");
  EXPECT_TRUE(comments.authors.empty());
  HtmlPage dashed = page("<meta name=\"author\" content=\"| Jo Berg -\">", paragraph);
  EXPECT_EQ(dashed.authors, std::vector<std::string>{"Jo Berg"});
  EXPECT_EQ(byline.title, "A headline for this story");
}

TEST(HtmlReader, MetaCharsetWindows1252IsConverted) {
  std::string bytes = fixture("cp1252.html");
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(html_declared_charset(bytes), "windows-1252");
  Problems problems;
  std::vector<Document> docs = read_html(bytes, "cp1252.html", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, "Café owners protest new rules");
  EXPECT_NE(docs[0].text.find("cost them €2,000 a month"), std::string::npos) << docs[0].text;
  EXPECT_NE(docs[0].text.find("“We were never asked,”"), std::string::npos) << docs[0].text;
}

TEST(HtmlReader, CharsetIsDetectedWhenUndeclared) {
  // Latin-1 bytes, no declaration: not UTF-8, so ICU detection decides.
  std::string html =
      "<html><body><p>Les \xE9l\xE8ves de l'\xE9\x63ole ont visit\xE9 le mus\xE9\x65 d'histoire "
      "naturelle, o\xF9 ils ont d\xE9\x63ouvert des squelettes de dinosaures tr\xE8s anciens."
      "</p></body></html>";
  std::string out, reason;
  ASSERT_TRUE(to_utf8(html, "", out, reason)) << reason;
  EXPECT_NE(out.find("élèves de l'école ont visité le musée"), std::string::npos) << out;
}

TEST(HtmlReader, ValidUtf8WinsOverAStaleDeclaration) {
  std::string out, reason;
  ASSERT_TRUE(to_utf8("<p>caf\xC3\xA9 cr\xC3\xA8me</p>", "windows-1252", out, reason));
  EXPECT_EQ(out, "<p>café crème</p>");
  // Bytes that are not UTF-8 follow the declaration.
  ASSERT_TRUE(to_utf8("<p>caf\xE9</p>", "windows-1252", out, reason));
  EXPECT_EQ(out, "<p>café</p>");
}

TEST(HtmlReader, DocumentTitleLosesTheSiteNameOnlyWhenEnoughRemains) {
  auto title_of = [](const std::string& title) {
    return extract_html("<html><head><title>" + title +
                            "</title></head><body><p>Some text of "
                            "the page, long enough.</p></body></html>",
                        "")
        .title;
  };
  EXPECT_EQ(title_of("Storm closes the coastal roads again | The Courier"),
            "Storm closes the coastal roads again");
  EXPECT_EQ(title_of("The Courier - Storm closes the coastal roads again"),
            "Storm closes the coastal roads again");
  EXPECT_EQ(title_of("Mozilla - Wikipedia"), "Mozilla - Wikipedia");
  EXPECT_EQ(title_of("Weather: Storm closes the coastal roads again"),
            "Storm closes the coastal roads again");
}

TEST(HtmlReader, HostileDeepNestingIsFlattenedQuickly) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep text that must survive the flattening of the tree.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto start = std::chrono::steady_clock::now();
  HtmlPage page = extract_html(html, "");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(page.text, "Deep text that must survive the flattening of the tree.");
  EXPECT_LT(seconds, 2.0);
  std::string storage;
  std::string_view flat = prepare_html(html, 10, storage);
  EXPECT_LT(flat.size(), html.size());
  EXPECT_NE(flat.find("Deep text"), std::string_view::npos);
}

TEST(HtmlReader, HostileUnclosedTagsAndHugeAttributes) {
  std::string unclosed = "<html><body>";
  for (int i = 0; i < 50000; ++i) unclosed += "<b><i><span><a href=x>";
  unclosed += "<p>Text after many unclosed tags.";
  auto start = std::chrono::steady_clock::now();
  HtmlPage page = extract_html(unclosed, "");
  EXPECT_NE(page.text.find("Text after many unclosed tags."), std::string::npos);

  std::string huge = "<html><body><div class=\"" + std::string(8 << 20, 'x') +
                     "\"><p>Text beside a huge attribute value.</p></div><p title='" +
                     std::string(1 << 20, '>') + "'>Second paragraph.</p></body></html>";
  page = extract_html(huge, "");
  EXPECT_NE(page.text.find("Text beside a huge attribute value."), std::string::npos);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);

  // Many attributes on one element: the parser's duplicate check would be quadratic in them.
  std::string attributes = "<html><body><div";
  for (int i = 0; i < 100000; ++i) attributes += " a" + std::to_string(i) + "=1";
  attributes += "><p>Text inside an element with many attributes.</p></div></body></html>";
  auto attributes_start = std::chrono::steady_clock::now();
  page = extract_html(attributes, "");
  EXPECT_EQ(page.text, "Text inside an element with many attributes.");
  EXPECT_LT(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - attributes_start).count(),
      2.0);

  // Truncated markup in the middle of a tag or comment.
  page = extract_html("<html><body><p>Visible words here.</p><div class=\"a", "");
  EXPECT_EQ(page.text, "Visible words here.");
  page = extract_html("<p>Before the comment.</p><!-- never closed <p>hidden</p>", "");
  EXPECT_EQ(page.text, "Before the comment.");
}

TEST(JsonReader, ArticleFieldsAndClusterRows) {
  std::string rows =
      "{\"id\":\"n1\",\"url\":\"https://e.org/a\",\"canonical_url\":\"https://e.org/a\","
      "\"site\":\"E\",\"title\":\"A title\",\"authors\":[\"Ann Lee\"],\"published\":"
      "\"2025-04-17T10:00:00Z\",\"published_from\":\"jsonld\",\"lang\":\"en\","
      "\"text\":\"The storm reached the coast overnight.\",\"source\":\"feed.xml\"}\n"
      "{\"cluster_id\":\"c1\",\"summary\":\"s\",\"articles\":[{\"id\":\"c1-a0\",\"text\":"
      "\"First article in the cluster.\"},{\"id\":\"c1-a1\",\"text\":\"Second article.\"},"
      "{\"id\":\"c1-a2\"}]}\n"
      "{\"text\":\"A row without an id.\"}\n";
  Problems problems;
  std::vector<Document> docs = read_jsonl(rows, "rows.jsonl", problems, {});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "n1");
  EXPECT_EQ(docs[0].url, "https://e.org/a");
  EXPECT_EQ(docs[0].site, "E");
  EXPECT_EQ(docs[0].title, "A title");
  EXPECT_EQ(docs[0].authors, std::vector<std::string>{"Ann Lee"});
  EXPECT_EQ(docs[0].published, "2025-04-17");
  EXPECT_EQ(docs[0].published_from, "jsonld");
  EXPECT_EQ(docs[0].source, "feed.xml");
  EXPECT_EQ(docs[1].id, "c1-a0");
  EXPECT_EQ(docs[2].id, "c1-a1");
  EXPECT_EQ(docs[3].source, "rows.jsonl:3");
  EXPECT_EQ(docs[3].id.size(), 16u);  // a content id (ingest_test.cc tests them)
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].input, "rows.jsonl:2 article 2");
  EXPECT_EQ(problems[0].reason, "no text");
}

TEST(JsonReader, BadLines) {
  std::string deep = "{\"text\":" + std::string(1000, '[') + std::string(1000, ']') + "}";
  std::string rows = "{\"text\":\"ok one\"}\n" + deep + "\n{\"text\":\"bad \xFF byte\"}\n" +
                     "\xEF\xBB\xBF\n{\"text\":\"ok two\"}\n";
  Problems problems;
  std::vector<Document> docs = read_jsonl(rows, "r.jsonl", problems, {});
  ASSERT_EQ(docs.size(), 2u);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].reason, "JSON nested deeper than 256 levels");
  EXPECT_EQ(problems[1].input, "r.jsonl:3");
  EXPECT_EQ(problems[1].reason, "invalid UTF-8 at byte " + std::to_string(rows.find('\xFF')));
  EXPECT_EQ(problems[2].input, "r.jsonl:4");
}

TEST(JsonReader, PrettyPrintedJsonDocument) {
  std::string document =
      "[\n  {\"id\": \"p1\", \"text\": \"First.\"},\n  {\"id\": \"p2\", \"text\": "
      "\"Second.\"}\n]\n";
  Problems problems;
  std::vector<Document> docs = read_jsonl(document, "all.json", problems, {});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "p2");
  EXPECT_TRUE(problems.empty());
}

TEST(Dates, Normalisation) {
  EXPECT_EQ(normalize_date("2025-04-17T09:30:00+02:00"), "2025-04-17");
  EXPECT_EQ(normalize_date("Thu, 17 Apr 2025 08:00:00 GMT"), "2025-04-17");
  EXPECT_EQ(normalize_date("April 17, 2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("17th of April 2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("17.04.2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("17. April 2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("17 de abril de 2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("17 avril 2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("04/17/2025"), "2025-04-17");
  EXPECT_EQ(normalize_date("20250417"), "2025-04-17");
  EXPECT_EQ(normalize_date("04/05/2025"), "");  // ambiguous
  EXPECT_EQ(normalize_date("2025-02-30"), "");
  EXPECT_EQ(normalize_date("1850-01-01"), "");
  EXPECT_EQ(normalize_date("yesterday"), "");
  EXPECT_EQ(date_from_url("https://e.org/news/2025/04/17/talks"), "2025-04-17");
  EXPECT_EQ(date_from_url("https://e.org/2025-04-17-talks.html"), "2025-04-17");
  EXPECT_EQ(date_from_url("https://e.org/story/20250417/talks"), "2025-04-17");
  EXPECT_EQ(date_from_url("https://e.org/item?id=20250417"), "");
  EXPECT_EQ(date_from_url("https://e.org/2025/04/talks"), "");
  EXPECT_EQ(find_date_in_text("Updated: March 3, 2022 at 10:15"), "2022-03-03");
}

TEST(Encoding, BinaryDetection) {
  EXPECT_EQ(binary_reason("plain text\n"), "");
  EXPECT_EQ(binary_reason(std::string("GIF89a\x01\0", 8)), "binary file (GIF image)");
  EXPECT_EQ(binary_reason(std::string("PK\x03\x04rest", 8)), "binary file (zip archive)");
  std::string controls(100, '\x01');
  EXPECT_NE(binary_reason(controls).find("control bytes"), std::string::npos);
  EXPECT_EQ(first_invalid_utf8("ok \xE2\x82"), 3u);   // truncated sequence
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);      // overlong
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);  // surrogate
  EXPECT_EQ(first_invalid_utf8("caf\xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(content_type_charset("text/html; charset=\"ISO-8859-1\""), "windows-1252");
  EXPECT_EQ(html_declared_charset("<meta charset=UTF-8>"), "utf-8");
}

TEST(Site, RegisteredDomainFollowsThePublicSuffixList) {
  EXPECT_EQ(registered_domain("https://www.bbc.co.uk/news/world-123"), "bbc.co.uk");
  EXPECT_EQ(registered_domain("https://edition.cnn.com/2024/03/06/x.html"), "cnn.com");
  EXPECT_EQ(registered_domain("http://news.example.com.au:8080/a"), "example.com.au");
  EXPECT_EQ(registered_domain("nytimes.com"), "nytimes.com");
  EXPECT_EQ(registered_domain("https://192.168.1.4/page"), "192.168.1.4");
  EXPECT_EQ(registered_domain("localhost"), "localhost");
  EXPECT_EQ(registered_domain(""), "");
  EXPECT_EQ(registered_domain("not a url at all"), "not a url at all");
}

}  // namespace
}  // namespace crosscheck
