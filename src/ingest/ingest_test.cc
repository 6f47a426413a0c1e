// The ingest driver: inputs, folders, formats, and every kind of bad input.
#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ingest/test_support.h"

namespace crosscheck {
namespace {

using ingest_test::gzip;
using ingest_test::ScratchFolder;
using ingest_test::warc_record;
using ingest_test::warc_response;

constexpr char kBody[] =
    "The council approved the new budget on Monday after a debate that lasted six hours.\n"
    "Opposition members said the cuts to libraries went too far.\n";

std::string reasons(const IngestResult& result) {
  std::string all;
  for (const Problem& problem : result.problems)
    all += problem.input + ": " + problem.reason + "\n";
  return all;
}

TEST(Ingest, MissingPathIsAProblem) {
  IngestResult result = ingest({"/no/such/place/article.txt"}, {});
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].input, "/no/such/place/article.txt");
  EXPECT_EQ(result.problems[0].reason, "no such file or folder");
}

TEST(Ingest, FolderOfBinariesIsRejectedFileByFile) {
  ScratchFolder folder;
  folder.write("a.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  folder.write("b.txt", std::string("\x7F"
                                    "ELF\x02\x01\x01\0\0\0\0\0",
                                    12));
  folder.write("c.html", std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
  folder.write("d", std::string("abc\0\0\0def\0", 10));
  IngestResult result = ingest({folder.path()}, {});
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.problems.size(), 4u) << reasons(result);
  EXPECT_EQ(result.problems[0].reason, "binary file (PNG image)");
  EXPECT_EQ(result.problems[1].reason, "binary file (ELF executable)");
  EXPECT_EQ(result.problems[2].reason, "binary file (PDF document)");
  EXPECT_EQ(result.problems[3].reason, "binary file (NUL bytes)");
  EXPECT_EQ(result.problems[0].input, folder.path() + "/a.png");
}

TEST(Ingest, EmptyAndBlankFilesAreProblems) {
  ScratchFolder folder;
  std::string empty = folder.write("empty.txt", "");
  std::string blank = folder.write("blank.txt", "  \n\t\n   \r\n");
  std::string blank_html = folder.write("blank.html", "\n\n");
  std::string no_text_html = folder.write("tags.html", "<html><body><div></div></body></html>");
  IngestResult result = ingest({empty, blank, blank_html, no_text_html}, {});
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.problems.size(), 4u) << reasons(result);
  EXPECT_EQ(result.problems[0].reason, "empty");
  EXPECT_EQ(result.problems[1].reason, "empty");
  EXPECT_EQ(result.problems[2].reason, "empty");
  EXPECT_EQ(result.problems[3].input, no_text_html);
}

TEST(Ingest, InvalidUtf8NamesTheByteOffset) {
  ScratchFolder folder;
  std::string bytes = "Valid start of the text, then a bad byte: \xC3\x28 and more.\n";
  std::string path = folder.write("bad.txt", bytes);
  std::string good = folder.write("good.txt", kBody);
  IngestResult result = ingest({path, good}, {});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].input, path);
  EXPECT_EQ(result.problems[0].reason,
            "invalid UTF-8 at byte " + std::to_string(bytes.find('\xC3')));
  ASSERT_EQ(result.documents.size(), 1u);  // the rest of the batch goes on
}

TEST(Ingest, HugeFileIsRejectedBySizeWithoutReadingIt) {
  ScratchFolder folder;
  std::string path = folder.path() + "/huge.txt";
  { std::ofstream(path).put('x'); }
  std::filesystem::resize_file(path, size_t{200} << 20);  // sparse: nothing is written
  auto start = std::chrono::steady_clock::now();
  IngestResult result = ingest({path}, {});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 0.5);
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].reason.find("larger than"), std::string::npos)
      << result.problems[0].reason;

  // Without an extension the content is sniffed first, then the size decides, still unread.
  std::string bare = folder.path() + "/huge";
  { std::ofstream(bare) << "Plain words at the start."; }
  std::filesystem::resize_file(bare, size_t{200} << 20);
  start = std::chrono::steady_clock::now();
  result = ingest({bare}, {});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.5);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].reason.find("larger than"), std::string::npos)
      << result.problems[0].reason;
}

TEST(Ingest, GzipOverTheLimitIsRejectedWhileDecompressing) {
  ScratchFolder folder;
  std::string path = folder.write("big.txt.gz", gzip(std::string(3 << 20, 'a')));
  IngestOptions options;
  options.max_article_bytes = 1 << 20;
  IngestResult result = ingest({path}, options);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].reason, "larger than 1048576 bytes after decompression");
}

TEST(Ingest, CorruptGzipIsAProblem) {
  ScratchFolder folder;
  std::string corrupt =
      folder.write("bad.txt.gz", std::string("\x1F\x8B\x08\0garbage-not-deflate", 23));
  std::string page;
  for (int i = 0; i < 2000; ++i)
    page += "<p>Paragraph " + std::to_string(i * 7919 % 10007) + ".</p>";
  std::string compressed = gzip(page);
  std::string cut = folder.write("cut.html.gz", compressed.substr(0, compressed.size() / 2));
  IngestResult result = ingest({corrupt, cut}, {});
  EXPECT_TRUE(result.documents.empty());
  ASSERT_EQ(result.problems.size(), 2u) << reasons(result);
  EXPECT_NE(result.problems[0].reason.find("gzip"), std::string::npos) << reasons(result);
  EXPECT_EQ(result.problems[1].reason, "truncated gzip stream");
}

TEST(Ingest, MalformedJsonLinesKeepTheGoodLines) {
  ScratchFolder folder;
  std::string path = folder.write(
      "rows.jsonl",
      "{\"id\":\"a1\",\"text\":\"First article text about a storm that hit the coast.\"}\n"
      "{\"id\":\"a2\",\"text\":\"unterminated\n"
      "{\"id\":\"a3\",\"title\":\"no text here\"}\n"
      "\n"
      "[1,2,3]\n"
      "{\"id\":\"a4\",\"text\":\"Fourth article text about a bridge that reopened.\"}\n");
  IngestResult result = ingest({path}, {});
  ASSERT_EQ(result.documents.size(), 2u) << reasons(result);
  EXPECT_EQ(result.documents[0].id, "a1");
  EXPECT_EQ(result.documents[1].id, "a4");
  ASSERT_EQ(result.problems.size(), 3u) << reasons(result);
  EXPECT_EQ(result.problems[0].input, path + ":2");
  EXPECT_EQ(result.problems[0].reason, "not valid JSON");
  EXPECT_EQ(result.problems[1].input, path + ":3");
  EXPECT_EQ(result.problems[1].reason, "no text");
  EXPECT_EQ(result.problems[2].input, path + ":5");
}

TEST(Ingest, TruncatedWarcKeepsEarlierRecords) {
  ScratchFolder folder;
  std::string page = "<html><body><p>" + std::string(kBody) + "</p></body></html>";
  std::string first = warc_response("urn:uuid:first", "https://example.org/a", page);
  std::string second = warc_response("urn:uuid:second", "https://example.org/b", page);
  std::string truncated = first + second.substr(0, second.size() - 60);
  std::string path = folder.write("crawl.warc", truncated);
  IngestResult result = ingest({path}, {});
  ASSERT_EQ(result.documents.size(), 1u) << reasons(result);
  EXPECT_EQ(result.documents[0].id, "urn:uuid:first");
  ASSERT_EQ(result.problems.size(), 1u) << reasons(result);
  EXPECT_EQ(result.problems[0].input, path + ":urn:uuid:second");
  EXPECT_NE(result.problems[0].reason.find("truncated record"), std::string::npos);

  // The same, compressed one member per record and cut inside the second member.
  std::string gz = gzip(first) + gzip(second);
  std::string gz_path = folder.write("crawl.warc.gz", gz.substr(0, gz.size() - 40));
  result = ingest({gz_path}, {});
  ASSERT_EQ(result.documents.size(), 1u) << reasons(result);
  ASSERT_EQ(result.problems.size(), 1u) << reasons(result);
  EXPECT_EQ(result.problems[0].input, gz_path + ":urn:uuid:second");
}

TEST(Ingest, FoldersRecurseSortedAndSkipHiddenEntries) {
  ScratchFolder folder;
  folder.write("b/two.txt", kBody);
  folder.write("a.txt", kBody);
  folder.write("b/a/one.txt", kBody);
  folder.write(".hidden.txt", kBody);
  folder.write(".git/config.txt", kBody);
  folder.write("c.md", kBody);
  IngestResult result = ingest({folder.path()}, {});
  ASSERT_EQ(result.documents.size(), 4u) << reasons(result);
  EXPECT_TRUE(result.problems.empty()) << reasons(result);
  std::vector<std::string> sources;
  for (const Document& doc : result.documents) sources.push_back(doc.source);
  std::string base = folder.path();
  EXPECT_EQ(sources, (std::vector<std::string>{base + "/a.txt", base + "/b/a/one.txt",
                                               base + "/b/two.txt", base + "/c.md"}));
  // Same text under different names inside the folder: different articles.
  EXPECT_NE(result.documents[0].id, result.documents[1].id);
  IngestResult again = ingest({folder.path()}, {});
  EXPECT_EQ(again.documents[2].id, result.documents[2].id);
}

TEST(Ingest, IdsDoNotDependOnWhereTheFolderIs) {
  ScratchFolder first, second;
  first.write("daily/latest.txt", kBody);
  second.write("elsewhere/deeper/daily/latest.txt", kBody);
  IngestResult a = ingest({first.path() + "/daily"}, {});
  IngestResult b = ingest({second.path() + "/elsewhere/deeper/daily/"}, {});
  IngestResult c = ingest({second.path() + "/elsewhere/deeper/daily/latest.txt"}, {});
  ASSERT_EQ(a.documents.size(), 1u);
  ASSERT_EQ(b.documents.size(), 1u);
  ASSERT_EQ(c.documents.size(), 1u);
  EXPECT_EQ(a.documents[0].id, b.documents[0].id);
  EXPECT_EQ(a.documents[0].id, c.documents[0].id);
}

TEST(Ingest, AChangedFileGetsANewId) {
  ScratchFolder folder;
  std::string path = folder.write("latest.txt", kBody);
  IngestResult before = ingest({path}, {});
  folder.write("latest.txt", std::string(kBody) + " A correction was added.");
  IngestResult after = ingest({path}, {});
  ASSERT_EQ(before.documents.size(), 1u);
  ASSERT_EQ(after.documents.size(), 1u);
  EXPECT_NE(before.documents[0].id, after.documents[0].id);
}

TEST(Ingest, ArticlesWithoutIdsInOneInputAreKeptApart) {
  Problems problems;
  std::vector<Document> docs = read_jsonl(
      "{\"text\": \"The first article says one thing.\", \"source\": \"Fox News\"}\n"
      "{\"text\": \"The second article says another.\", \"source\": \"Fox News\"}\n",
      "-", problems, {});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_NE(docs[0].id, docs[1].id);
  EXPECT_EQ(docs[0].site, "Fox News");  // a source that names an outlet is the site
  // Plain text on stdin: the id comes from the text alone.
  std::vector<Document> one = read_text("First article on stdin.", "-", problems, {});
  std::vector<Document> two = read_text("Second article on stdin.", "-", problems, {});
  ASSERT_EQ(one.size(), 1u);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_NE(one[0].id, two[0].id);
}

std::string fuzz_seed(const std::string& name) {
  std::ifstream in("tests/fuzz/feed_fuzz/" + name, std::ios::binary);  // tests run in the root
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Feeds, RssItemsBecomeArticles) {
  Problems problems;
  std::vector<Document> docs = read_feed(fuzz_seed("rss.xml"), "news.rss", problems, {});
  ASSERT_EQ(docs.size(), 2u) << (problems.empty() ? "" : problems[0].reason);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].title, "Floodwater recedes in the old town");
  EXPECT_EQ(docs[0].url, "https://harbour.example/news/2024/03/06/flood");
  EXPECT_EQ(docs[0].published, "2024-03-06");
  EXPECT_EQ(docs[0].site, "Harbour Times");
  EXPECT_EQ(docs[0].authors, std::vector<std::string>{"Ana Ruiz"});
  EXPECT_EQ(docs[0].text, "Floodwater receded on Wednesday & shops reopened.");
  EXPECT_EQ(docs[0].source, "news.rss item 1");
  EXPECT_EQ(docs[1].title, "Council approves \u2018sea wall\u2019 plan");
  EXPECT_NE(docs[1].text.find("The council approved the plan on Tuesday."), std::string::npos);
  EXPECT_NE(docs[1].text.find("Work starts in May."), std::string::npos);
  EXPECT_EQ(docs[1].text.find("<p>"), std::string::npos);
  EXPECT_NE(docs[0].id, docs[1].id);
}

TEST(Feeds, AtomAndRdfEntries) {
  Problems problems;
  std::vector<Document> atom = read_feed(fuzz_seed("atom.xml"), "valley.atom", problems, {});
  ASSERT_EQ(atom.size(), 2u);
  EXPECT_EQ(atom[0].url, "https://valley.example/a/bridge");
  EXPECT_EQ(atom[0].published, "2024-03-07");
  EXPECT_EQ(atom[0].authors, std::vector<std::string>{"Tom Lee"});
  EXPECT_EQ(atom[0].text, "The bridge reopened after two years.");
  EXPECT_EQ(atom[1].text, "Only a summary here.");
  std::vector<Document> rdf = read_feed(fuzz_seed("rdf.rdf"), "n.rdf", problems, {});
  ASSERT_EQ(rdf.size(), 1u);
  EXPECT_EQ(rdf[0].site, "RDF News");
  EXPECT_EQ(rdf[0].published, "2024-01-02");
  EXPECT_TRUE(problems.empty());
}

TEST(Feeds, HostileAndBrokenFeeds) {
  Problems problems;
  // Entities are never expanded and external ones never read.
  std::vector<Document> docs = read_feed(fuzz_seed("entities.xml"), "e.rss", problems, {});
  for (const Document& doc : docs) {
    EXPECT_LT(doc.text.size(), 1000u);
    EXPECT_EQ(doc.text.find("root:"), std::string::npos);
  }
  problems.clear();
  docs = read_feed(fuzz_seed("truncated.xml"), "cut.rss", problems, {});
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.back().input, "cut.rss");
  EXPECT_NE(problems.back().reason.find("malformed XML"), std::string::npos);
  problems.clear();
  EXPECT_TRUE(read_feed("<html><body>not a feed</body></html>", "x.rss", problems, {}).empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("not an RSS or Atom feed"), std::string::npos);
}

TEST(Feeds, FeedFilesAreRecognisedByContent) {
  ScratchFolder folder;
  std::string path = folder.write("latest.xml", fuzz_seed("rss.xml"));
  IngestResult result = ingest({path}, {});
  ASSERT_EQ(result.documents.size(), 2u) << reasons(result);
  EXPECT_EQ(result.documents[1].source, path + " item 2");
}

TEST(Ingest, UrlsNameArticlesWhateverTheTrackingParameters) {
  Problems problems;
  auto id_of = [&](const std::string& url, const std::string& text) {
    std::vector<Document> docs = read_jsonl(
        "{\"url\": \"" + url + "\", \"text\": \"" + text + "\"}\n", "x.jsonl", problems, {});
    return docs.empty() ? std::string() : docs[0].id;
  };
  std::string plain = id_of("https://www.example.com/news/a-story/", "One text.");
  std::vector<Document> by_url =
      read_jsonl("{\"url\": \"https://www.theguardian.co.uk/x\", \"text\": \"Words.\"}\n",
                 "y.jsonl", problems, {});
  ASSERT_EQ(by_url.size(), 1u);
  EXPECT_EQ(by_url[0].site, "theguardian.co.uk");
  EXPECT_EQ(plain, id_of("http://example.com/news/a-story?utm_source=feed#top", "Other text."));
  EXPECT_NE(plain, id_of("https://example.com/news/b-story", "One text."));
  // A front page as URL names the site, not the article: the text decides.
  EXPECT_NE(id_of("https://example.com/", "One text."), id_of("https://example.com/", "Two."));
}

TEST(Ingest, OutputOrderFollowsInputsWithManyThreads) {
  ScratchFolder folder;
  std::vector<std::string> inputs;
  for (int i = 0; i < 40; ++i) {
    inputs.push_back(folder.write("f" + std::to_string(i) + ".txt",
                                  "Article number " + std::to_string(i) + " says something."));
  }
  inputs.insert(inputs.begin() + 7, "/missing/file.txt");
  IngestOptions options;
  options.jobs = 4;
  IngestResult result = ingest(inputs, options);
  ASSERT_EQ(result.documents.size(), 40u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(result.documents[i].text, "Article number " + std::to_string(i) + " says something.");
  }
  ASSERT_EQ(result.problems.size(), 1u);
}

TEST(Ingest, FormatsAreSniffedWithoutExtension) {
  ScratchFolder folder;
  std::string html = folder.write(
      "page", "<!doctype html><html><body><p>" + std::string(kBody) + "</p></body></html>");
  std::string jsonl = folder.write("rows", "{\"id\":\"x\",\"text\":\"A row of text.\"}\n");
  std::string warc = folder.write(
      "crawl", warc_response("urn:uuid:w", "https://example.org/w",
                             "<html><body><p>" + std::string(kBody) + "</p></body></html>"));
  std::string text = folder.write("plain", kBody);
  std::string gz = folder.write("zipped", gzip(kBody));
  IngestResult result = ingest({html, jsonl, warc, text, gz}, {});
  ASSERT_EQ(result.documents.size(), 5u) << reasons(result);
  EXPECT_NE(result.documents[0].text.find("council approved"), std::string::npos);
  EXPECT_EQ(result.documents[0].text.find("<p>"), std::string::npos);
  EXPECT_EQ(result.documents[1].id, "x");
  EXPECT_EQ(result.documents[2].id, "urn:uuid:w");
  EXPECT_EQ(result.documents[3].text, result.documents[4].text);
}

TEST(Ingest, GzippedHtmlAndJsonLines) {
  ScratchFolder folder;
  std::string html =
      folder.write("page.html.gz", gzip("<html><head><title>Storm</title></head><body><p>" +
                                        std::string(kBody) + "</p></body></html>"));
  std::string jsonl =
      folder.write("rows.jsonl.gz",
                   gzip("{\"id\":\"r1\",\"text\":\"One.\"}\n{\"id\":\"r2\",\"text\":\"Two.\"}\n"));
  IngestResult result = ingest({html, jsonl}, {});
  ASSERT_EQ(result.documents.size(), 3u) << reasons(result);
  EXPECT_EQ(result.documents[0].title, "Storm");
  EXPECT_EQ(result.documents[2].id, "r2");
}

TEST(Ingest, EmptyFolderIsAProblem) {
  ScratchFolder folder;
  std::filesystem::create_directories(folder.path() + "/nothing");
  IngestResult result = ingest({folder.path() + "/nothing"}, {});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].reason, "folder has no files");
}

TEST(Ingest, LanguageAndStableId) {
  EXPECT_EQ(identify_language("The government announced on Tuesday that it would raise taxes "
                              "on tobacco and alcohol to pay for the new hospitals."),
            "en");
  EXPECT_EQ(identify_language("Die Regierung kündigte am Dienstag an, die Steuern auf Tabak und "
                              "Alkohol zu erhöhen, um die neuen Krankenhäuser zu bezahlen."),
            "de");
  EXPECT_EQ(identify_language(""), "");
  EXPECT_EQ(stable_id("a.txt"), stable_id("a.txt"));
  EXPECT_NE(stable_id("a.txt"), stable_id("b.txt"));
  EXPECT_EQ(stable_id("a.txt").size(), 16u);
}

TEST(Ingest, MinWordsRejectsShortArticles) {
  ScratchFolder folder;
  std::string path = folder.write("short.txt", "Too short.");
  IngestOptions options;
  options.min_words = 5;
  IngestResult result = ingest({path}, options);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].reason, "fewer than 5 words");
}

TEST(Ingest, WarcResourceAndSkippedRecords) {
  std::string page = "<html><body><p>" + std::string(kBody) + "</p></body></html>";
  std::string warc =
      warc_record("warcinfo", "urn:uuid:info", "", "application/warc-fields", "software: x\r\n") +
      warc_record("request", "urn:uuid:req", "https://example.org/", "application/http",
                  "GET / HTTP/1.1\r\n\r\n") +
      warc_record("resource", "urn:uuid:res", "https://example.org/r", "text/html", page) +
      warc_record("response", "urn:uuid:404", "https://example.org/x",
                  "application/http; msgtype=response",
                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n" + page) +
      warc_record("response", "urn:uuid:img", "https://example.org/i.png",
                  "application/http; msgtype=response",
                  "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG");
  Problems problems;
  std::vector<Document> docs = read_warc(warc, "mem.warc", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].id, "urn:uuid:res");
  EXPECT_EQ(docs[0].url, "https://example.org/r");
  EXPECT_EQ(docs[0].published, "2024-05-02");
  EXPECT_EQ(docs[0].published_from, "crawl");
}

TEST(Ingest, WarcChunkedResponseAndHttpCharset) {
  std::string html =
      "<html><body><p>Le caf\xE9 de la place a ferm\xE9 ses portes mardi apr\xE8s "
      "quarante ans.</p></body></html>";
  std::string chunked =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      [&] {
        char size[16];
        std::snprintf(size, sizeof size, "%zx", html.size() - 10);
        return std::string(size) + "\r\n" + html.substr(0, html.size() - 10) + "\r\na\r\n" +
               html.substr(html.size() - 10) + "\r\n0\r\n\r\n";
      }();
  std::string warc = warc_record("response", "urn:uuid:c", "https://example.fr/c",
                                 "application/http; msgtype=response", chunked);
  Problems problems;
  std::vector<Document> docs = read_warc(warc, "mem.warc", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Le café de la place a fermé ses portes mardi après quarante ans.");
}

TEST(Ingest, OversizeLinesAndRecordsAreProblems) {
  IngestOptions options;
  options.max_article_bytes = 400;
  std::string rows = "{\"id\":\"big\",\"text\":\"" + std::string(900, 'a') +
                     "\"}\n{\"id\":\"small\",\"text\":\"Fits.\"}\n";
  Problems problems;
  std::vector<Document> docs = read_jsonl(rows, "r.jsonl", problems, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "small");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].input, "r.jsonl:1");
  EXPECT_EQ(problems[0].reason, "line longer than 400 bytes");

  std::string small_page = "<p>" + std::string(kBody) + "</p>";
  std::string big_page = "<p>" + std::string(900, 'b') + "</p>";
  std::string warc = warc_response("urn:uuid:big", "https://example.org/big", big_page) +
                     warc_response("urn:uuid:small", "https://example.org/small", small_page);
  problems.clear();
  docs = read_warc(warc, "w.warc", problems, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "urn:uuid:small");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].input, "w.warc:urn:uuid:big");
  EXPECT_EQ(problems[0].reason, "record larger than 400 bytes");
}

TEST(Ingest, WarcGzipContentEncoding) {
  std::string page = "<html><body><p>" + std::string(kBody) + "</p></body></html>";
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + gzip(page);
  std::string warc = warc_record("response", "urn:uuid:z", "https://example.org/z",
                                 "application/http; msgtype=response", http);
  Problems problems;
  std::vector<Document> docs = read_warc(warc, "z.warc", problems, {});
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0].text.find("council approved the new budget"), std::string::npos);
}

TEST(Ingest, WarcGarbageBetweenRecordsIsReportedOnce) {
  std::string page = "<html><body><p>" + std::string(kBody) + "</p></body></html>";
  std::string warc = warc_response("urn:uuid:1", "https://example.org/1", page) +
                     "garbage line\r\nmore garbage\r\n" +
                     warc_response("urn:uuid:2", "https://example.org/2", page);
  Problems problems;
  std::vector<Document> docs = read_warc(warc, "mem.warc", problems, {});
  EXPECT_EQ(docs.size(), 2u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("expected a WARC record header"), std::string::npos);
}

TEST(Ingest, SharedWarcSamplesWhenAvailable) {
  std::string folder = "../shared/data/html/warc";  // tests run in the project root
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << "no shared WARC samples at " << folder;
  IngestResult plain = ingest({folder + "/cc-main-2020-34-excerpt.warc"}, {});
  IngestResult gz = ingest({folder + "/cc-main-2020-34-excerpt.warc.gz"}, {});
  EXPECT_EQ(plain.documents.size(), 16u) << reasons(plain);
  ASSERT_EQ(plain.documents.size(), gz.documents.size());
  for (size_t i = 0; i < plain.documents.size(); ++i) {
    EXPECT_EQ(plain.documents[i].text, gz.documents[i].text);
  }
  IngestResult old = ingest({folder + "/ukwa-iah-2008-warc0.17-truncated.warc.gz"}, {});
  EXPECT_FALSE(old.documents.empty()) << reasons(old);
  IngestResult clipped = ingest({folder + "/houstonpress-2016-clipped.warc.gz"}, {});
  ASSERT_EQ(clipped.problems.size(), 1u) << reasons(clipped);
  EXPECT_NE(clipped.problems[0].reason.find("truncated record"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck
