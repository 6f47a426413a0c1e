// render_markdown: the report for people reading Markdown (a terminal, a forge, a notes app).
//
// Per story: articles table, summary, timeline, actors, quotes, numbers, facts, conflicts side
// by side, per-article assessments, then the numbered citation list every [n] marker links to.
#include <algorithm>
#include <sstream>

#include "brief/brief.h"
#include "brief/markup.h"
#include "brief/report_view.h"
#include "core/utf8.h"

namespace crosscheck {
namespace {

using report_view::ArticleRow;
using report_view::CitationList;
using report_view::report_totals;
using report_view::ReportTotals;
using report_view::StoryView;

// Backslash-escapes what Markdown would read as markup in text taken from articles: emphasis,
// code, links, HTML, tables, strike-through and character references.
std::string escape(std::string_view raw, bool keep_edges = false) {
  std::string repaired = utf8::repair(raw);
  std::string text =
      keep_edges ? report_view::one_line_keep_edges(repaired) : report_view::one_line(repaired);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '#':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '&': {
        // Only a would-be character reference ("&amp;") needs the escape.
        size_t semicolon = text.find(';', i);
        bool reference =
            semicolon != std::string::npos && semicolon - i <= 32 && semicolon > i + 1 &&
            std::all_of(text.begin() + static_cast<long>(i) + 1,
                        text.begin() + static_cast<long>(semicolon), [](char x) {
                          return std::isalnum(static_cast<unsigned char>(x)) || x == '#';
                        });
        if (reference) out.push_back('\\');
        out.push_back(c);
        break;
      }
      default:
        out.push_back(c);
    }
  }
  return out;
}

// A link target Markdown cannot break out of; only web links are linked at all.
std::string link_target(const std::string& url) {
  if (!markup::is_web_url(url)) return {};
  std::string out;
  for (char c : url) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// An untitled article is named by its opening words in italics.
std::string untitled_words(const ArticleRow& row) {
  if (row.display_title.empty()) return "*untitled*";
  return "*" + escape(row.display_title) + "*";
}

class StoryWriter {
 public:
  StoryWriter(const Report& report, const Story& story, const report_view::CorpusIndex& corpus,
              int number)
      : story_(story), view_(report, story, corpus), number_(number) {}

  std::string write() {
    std::ostringstream body;
    // Same order as the HTML page: what happened, where sources disagree, who said it and how
    // far to trust them, then the supporting detail.
    header(body);
    summary(body);
    conflicts(body);
    articles(body);
    assessments(body);
    facts(body);
    timeline(body);
    actors(body);
    quotes(body);
    numbers(body);
    citations(body);
    return body.str();
  }

 private:
  std::string anchor(int cite_number) const {
    return report_view::cite_anchor(number_, cite_number);
  }

  // " [[1]](#s1-c1) [[2]](#s1-c2)" for the cites, registering each in the citation list.
  std::string markers(const std::vector<Cite>& cites) {
    std::vector<int> numbers;
    for (const Cite& cite : view_.usable(cites)) numbers.push_back(citations_.number(cite));
    // Ascending and once each, so a run reads [13] [14], not [14] [13].
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::string out;
    for (int n : numbers) {
      out += " [[" + std::to_string(n) + "]](#" + anchor(n) + ")";
    }
    return out;
  }

  std::string quoted(const Cite& cite) const {
    return "“" + escape(report_view::shorten(view_.checked(cite).text, 400)) + "”";
  }

  void header(std::ostream& out) {
    out << "<a id=\"story-" << number_ << "\"></a>\n\n";
    out << "## " << number_ << ". "
        << escape(story_.title.empty() ? "Untitled story" : story_.title) << "\n\n";
    int corroborated = 0, single = 0;
    for (const Fact& fact : story_.facts) {
      corroborated += fact.status == FactStatus::kCorroborated;
      single += fact.status == FactStatus::kSingleSource;
    }
    using report_view::count_words;
    out << "Story `" << markup::code_safe(story_.id) << "` · "
        << count_words(view_.articles().size(), "article", "articles") << " ("
        << view_.independent_count() << " independent";
    std::vector<std::string> outlets = view_.independent_outlets();
    if (!outlets.empty()) out << ": " << escape(report_view::join_names(outlets));
    out << ") · " << count_words(corroborated, "corroborated fact", "corroborated facts") << " · "
        << count_words(single, "single-source claim", "single-source claims") << " · "
        << count_words(story_.conflicts.size(), "conflict", "conflicts") << "\n\n";
    if (!view_.language().empty()) out << "_" << escape(view_.language_note()) << "_\n\n";
  }

  void articles(std::ostream& out) {
    if (view_.articles().empty()) return;
    out << "### Articles\n\n";
    // Columns nobody filled (pasted text has no site or date) would only repeat a dash.
    bool any_site = false, any_date = false;
    for (const ArticleRow& row : view_.articles()) {
      any_site = any_site || !row.site.empty();
      any_date = any_date || !row.published.empty();
    }
    out << "| | Title |" << (any_site ? " Site |" : "") << (any_date ? " Published |" : "")
        << " Copy | Verdict | ID |\n";
    out << "|---|---|" << (any_site ? "---|" : "") << (any_date ? "---|" : "") << "---|---|---|\n";
    for (const ArticleRow& row : view_.articles()) {
      std::string title =
          row.untitled ? untitled_words(row) : escape(report_view::shorten(row.title, 120));
      std::string target = link_target(row.url);
      if (!target.empty()) title = "[" + title + "](" + target + ")";
      std::string group = row.independent ? "original" : "copy of " + escape(row.copy_of);
      out << "| " << row.label << " | " << title << " | ";
      if (any_site) out << (row.site.empty() ? "—" : escape(row.site)) << " | ";
      if (any_date) out << (row.published.empty() ? "unknown" : escape(row.published)) << " | ";
      out << group << " | " << escape(report_view::verdict(row).words) << " | `"
          << markup::code_safe(row.id) << "` |\n";
    }
    out << "\n";
  }

  void summary(std::ostream& out) {
    out << "### Summary\n\n";
    if (story_.summary.empty()) {
      out << "_No summary: the articles give no sentence that can stand on its own._\n\n";
      return;
    }
    for (const SummaryLine& line : story_.summary) {
      out << "- " << escape(line.text) << markers(line.cites) << "\n";
    }
    out << "\n";
  }

  // Writes the first `shown` items, then folds the rest into <details> (rendered by forges and
  // most viewers). `item(i)` writes item i.
  template <typename Item>
  void folded(std::ostream& out, size_t count, size_t shown, const char* more, Item item) {
    bool fold = count > shown + 3;
    size_t visible = fold ? shown : count;
    for (size_t i = 0; i < visible; ++i) item(i);
    if (fold) {
      out << "\n<details><summary>" << count - shown << " " << more << "</summary>\n\n";
      for (size_t i = shown; i < count; ++i) item(i);
      out << "\n</details>\n";
    }
    out << "\n";
  }

  void timeline(std::ostream& out) {
    if (story_.timeline.empty()) return;
    out << "### Timeline\n\n";
    folded(out, story_.timeline.size(), 15, "more dates", [&](size_t i) {
      const TimelineEntry& entry = story_.timeline[i];
      out << "- **" << (entry.when.empty() ? "undated" : escape(entry.when)) << "** — "
          << escape(entry.what) << markers(entry.cites) << "\n";
    });
  }

  void actors(std::ostream& out) {
    if (story_.actors.empty()) return;
    out << "### Actors\n\n";
    folded(out, story_.actors.size(), 15, "more actors", [&](size_t index) {
      const Actor& actor = story_.actors[index];
      out << "- **" << escape(actor.name) << "** (" << report_view::type_words(actor.type);
      if (!actor.aliases.empty()) {
        out << "; also ";
        for (size_t i = 0; i < actor.aliases.size(); ++i) {
          out << (i ? ", " : "") << "“" << escape(actor.aliases[i]) << "”";
        }
      }
      if (actor.articles > 0) {
        out << "; named in "
            << report_view::count_words(static_cast<size_t>(actor.articles), "article", "articles");
      }
      out << ")";
      if (!actor.roles.empty()) {
        out << " — ";
        for (size_t i = 0; i < actor.roles.size(); ++i) {
          out << (i ? "; " : "") << escape(report_view::role_words(actor.roles[i]))
              << markers(actor.roles[i].cites);
        }
      }
      out << "\n";
    });
  }

  void quotes(std::ostream& out) {
    if (story_.quotes.empty()) return;
    out << "### Quotes\n\n";
    folded(out, story_.quotes.size(), 8, "more quotes", [&](size_t i) {
      const QuoteClaim& quote = story_.quotes[i];
      std::string speaker = quote.anonymous         ? "an unnamed source"
                            : quote.speaker.empty() ? "unknown speaker"
                                                    : escape(quote.speaker);
      out << "> “" << escape(quote.text) << "”  \n> — " << speaker << markers(quote.cites)
          << "\n\n";
    });
  }

  void numbers(std::ostream& out) {
    if (story_.numbers.empty()) return;
    out << "### Numbers\n\n";
    folded(out, story_.numbers.size(), 15, "more numbers", [&](size_t i) {
      const NumberClaim& number = story_.numbers[i];
      out << "- " << escape(report_view::describe_number(number)) << markers(number.cites) << "\n";
    });
  }

  void fact_list(std::ostream& out, const char* heading, FactStatus status) {
    std::vector<const Fact*> facts = report_view::ordered_facts(story_, status);
    if (facts.empty()) return;
    // Long lists fold away where Markdown renders HTML (forges, most viewers); a terminal
    // reader sees two extra tag lines.
    constexpr size_t kFoldAbove = 12;
    bool fold = facts.size() > kFoldAbove;
    if (fold) {
      out << "<details><summary>" << heading << " (" << facts.size() << ")</summary>\n\n";
    } else {
      out << "**" << heading << "** (" << facts.size() << ")\n\n";
    }
    for (const Fact* fact : facts) {
      out << "- " << escape(fact->text);
      if (status == FactStatus::kSingleSource) {
        if (!fact->articles.empty()) out << " — only " << escape(view_.named(fact->articles[0]));
      } else {
        out << " — *"
            << report_view::count_words(static_cast<size_t>(std::max(fact->sources, 0)), "source",
                                        "sources")
            << "*";
        std::vector<std::string> outlets = view_.outlets(view_.usable(fact->cites));
        if (!outlets.empty()) out << " (" << escape(report_view::join_names(outlets)) << ")";
      }
      out << markers(fact->cites) << "\n";
    }
    out << (fold ? "\n</details>\n\n" : "\n");
  }

  void facts(std::ostream& out) {
    if (story_.facts.empty()) return;
    out << "### Facts\n\n";
    fact_list(out, "Corroborated", FactStatus::kCorroborated);
    fact_list(out, "Contested", FactStatus::kContested);
    fact_list(out, "Single-source claims", FactStatus::kSingleSource);
  }

  // Sides side by side: one table column per side.
  void conflict_table(std::ostream& out, const Conflict& conflict) {
    if (conflict.sides.empty()) return;
    out << "|";
    for (size_t i = 0; i < conflict.sides.size(); ++i) {
      std::vector<std::string> outlets = view_.outlets(view_.usable(conflict.sides[i].cites));
      out << " Side " << (i + 1);
      if (!outlets.empty()) out << ": " << escape(report_view::join_names(outlets));
      out << " |";
    }
    out << "\n|";
    for (size_t i = 0; i < conflict.sides.size(); ++i) out << "---|";
    out << "\n|";
    for (const ConflictSide& side : conflict.sides) out << " **" << escape(side.claim) << "** |";
    out << "\n|";
    for (const ConflictSide& side : conflict.sides) {
      std::string cell;
      for (const Cite& cite : view_.usable(side.cites)) {
        if (!cell.empty()) cell += "<br>";
        StoryView::Context context = view_.context(cite);
        std::string cited = escape(report_view::shorten(context.cited, 400));
        cell += "“" + escape(context.before, true) + (cited.empty() ? "" : "**" + cited + "**") +
                escape(context.after, true) + "” — " + escape(view_.named(cite.article)) +
                markers({cite});
      }
      out << " " << (cell.empty() ? "—" : cell) << " |";
    }
    out << "\n\n";
  }

  void conflicts(std::ostream& out) {
    if (story_.conflicts.empty()) return;
    out << "### Conflicts\n\n";
    int n = 0;
    for (const Conflict& conflict : story_.conflicts) {
      out << "#### " << ++n << ". " << report_view::kind_title(conflict.kind) << ": "
          << escape(conflict.explanation);
      if (conflict.internal) {
        out << " *(within one article)*";
      } else if (std::string outlets = report_view::sides_outlets(view_, conflict);
                 !outlets.empty()) {
        out << " — " << escape(outlets);
      }
      out << "\n\n";
      conflict_table(out, conflict);
    }
  }

  void assessments(std::ostream& out) {
    bool any = false;
    for (const ArticleRow& row : view_.articles()) any = any || row.assessment;
    if (!any) return;
    out << "### Article assessments\n\n";
    for (const ArticleRow& row : view_.articles()) {
      const Assessment* assessment = row.assessment;
      if (!assessment) continue;
      out << "#### " << row.label << " · "
          << (row.untitled ? untitled_words(row) : escape(report_view::shorten(row.title, 100)));
      if (!row.site.empty()) out << " — " << escape(row.site);
      out << "\n\n";
      out << "- **Verdict:** " << escape(report_view::verdict(row).words) << "\n";
      out << "- **Machine-written:** " << report_view::percent(assessment->p_machine);
      for (size_t i = 0; i < assessment->machine_reasons.size(); ++i) {
        out << (i ? "; " : " — ") << escape(assessment->machine_reasons[i]);
      }
      out << "\n";
      out << "- **Padding:** " << report_view::percent(assessment->padding_share)
          << " of sentences";
      std::vector<Cite> padding = view_.usable(assessment->padding);
      size_t examples = std::min<size_t>(padding.size(), 3);
      for (size_t i = 0; i < examples; ++i) {
        out << (i ? "; " : ", e.g. ") << quoted(padding[i]) << markers({padding[i]});
      }
      if (padding.size() > examples) {
        out << " and " << padding.size() - examples << " more";
      }
      out << "\n";
      out << "- **Not covered elsewhere:** " << report_view::percent(assessment->unsupported_share)
          << " of its facts";
      // Fact ids mean nothing to a reader; the claims themselves are listed under Facts.
      if (!assessment->unsupported_facts.empty()) {
        size_t count = assessment->unsupported_facts.size();
        out << " (" << report_view::count_words(count, "claim", "claims")
            << " no other source makes, listed under single-source claims)";
      }
      out << "\n";
      if (!assessment->internal_conflicts.empty()) {
        out << "- **Contradicts itself:**\n";
        for (const Conflict& conflict : assessment->internal_conflicts) {
          out << "  - " << report_view::kind_title(conflict.kind) << ": "
              << escape(conflict.explanation);
          for (const ConflictSide& side : conflict.sides) {
            out << " · **" << escape(side.claim) << "**" << markers(side.cites);
          }
          out << "\n";
        }
      }
      if (!assessment->reasons.empty()) {
        out << "- **In plain words:**\n";
        for (const std::string& reason : assessment->reasons) {
          out << "  - " << escape(report_view::without_probability(reason)) << "\n";
        }
      }
      out << "\n";
    }
  }

  void citations(std::ostream& out) {
    if (citations_.cites().empty()) return;
    out << "### Citations\n\n";
    int n = 0;
    for (const Cite& cite : citations_.cites()) {
      ++n;
      out << n << ". <a id=\"" << anchor(n) << "\"></a>**" << escape(view_.label(cite.article))
          << "** `" << markup::code_safe(cite.article) << "` · sentence " << cite.sentence
          << " · bytes " << cite.start << "–" << cite.end << ": “" << escape(cite.text) << "”\n";
    }
    out << "\n";
  }

  const Story& story_;
  StoryView view_;
  int number_;
  CitationList citations_;
};

}  // namespace

std::string render_markdown(const Report& report) {
  std::ostringstream out;
  const ReportTotals totals = report_totals(report);
  const size_t articles = totals.articles, conflicts = totals.conflicts;
  out << "# crosscheck report\n\n";
  out << report.stories.size() << (report.stories.size() == 1 ? " story" : " stories") << " · "
      << articles << (articles == 1 ? " article" : " articles") << " · " << conflicts
      << (conflicts == 1 ? " conflict" : " conflicts") << " · crosscheck " << escape(report.version)
      << "\n\n";
  out << "Each [n] links to the exact words of the article a statement comes from (article, "
         "sentence, byte range).\n\n";
  if (report.stories.empty()) {
    out << "_No stories: no articles were analysed._\n";
    return out.str();
  }
  if (report.stories.size() > 1) {
    out << "**Stories:**\n\n";
    int n = 0;
    for (const Story& story : report.stories) {
      ++n;
      out << n << ". [" << escape(story.title.empty() ? "Untitled story" : story.title)
          << "](#story-" << n << ") — "
          << report_view::count_words(story.documents.size(), "article", "articles") << ", "
          << report_view::count_words(story.conflicts.size(), "conflict", "conflicts") << "\n";
    }
    out << "\n";
  }
  int n = 0;
  report_view::CorpusIndex corpus(report);
  for (const Story& story : report.stories) {
    out << "---\n\n" << StoryWriter(report, story, corpus, ++n).write();
  }
  return out.str();
}

}  // namespace crosscheck
