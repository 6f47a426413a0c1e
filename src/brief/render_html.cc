// render_html: one self-contained page (inline CSS and one small inline script, no network).
//
// Every string from articles goes through markup::html, and a Content-Security-Policy allows
// only the page's own script (by hash) and no network at all, so even a missed escape could
// neither run code nor load anything.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "brief/brief.h"
#include "brief/markup.h"
#include "brief/report_view.h"

namespace crosscheck {
namespace {

using markup::html;
using report_view::ArticleRow;
using report_view::CitationList;
using report_view::report_totals;
using report_view::ReportTotals;
using report_view::StoryView;
using report_view::Tone;

constexpr const char* kStyle = R"css(
:root{--bg:#f7f7f4;--fg:#1c1e21;--muted:#5d6166;--line:#dcdcd5;--card:#fff;--accent:#1f5fa8;
--good:#2e7d32;--warn:#a85f00;--bad:#c62828;--neutral:#607080;--side-a:#eef3fa;--side-b:#fbf1e8;
--mark:#fff2b3}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e4e4e0;--muted:#9ba0a6;
--line:#33373c;--card:#1d2024;--accent:#85b4ee;--good:#7cc47f;--warn:#f0a64a;--bad:#f07070;
--neutral:#94a3b0;--side-a:#1b2736;--side-b:#33281d;--mark:#4a4220}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap{max-width:1120px;margin:0 auto;padding:0 20px}
header.top{background:var(--card);border-bottom:1px solid var(--line);padding:22px 0 14px}
h1{font-size:1.55rem;margin:0 0 6px;letter-spacing:-.01em}
h2{font-size:1.45rem;line-height:1.25;margin:0 0 8px;letter-spacing:-.01em}
h3{font-size:.82rem;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);
margin:30px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h4{font-size:1rem;margin:0 0 4px;line-height:1.3}
a{color:var(--accent)}
.counts{display:flex;flex-wrap:wrap;gap:8px 20px;color:var(--muted);margin:6px 0}
.counts b{color:var(--fg);font-size:1.15rem;font-variant-numeric:tabular-nums;margin-right:4px}
nav.toc ol{margin:10px 0 0;padding-left:22px}nav.toc li{margin:2px 0}
section.story{padding:30px 0 24px;border-bottom:2px solid var(--line)}
.chips span{display:inline-block;border:1px solid var(--line);border-radius:999px;
padding:1px 10px;margin:0 6px 6px 0;font-size:.85rem;color:var(--muted);background:var(--card)}
.story-id{color:var(--muted);font-size:.85rem}
ol.summary{padding-left:22px}ol.summary li{margin:7px 0;font-size:1.04rem}
sup.c{line-height:0}sup.c a{font-size:.72rem;text-decoration:none;padding:0 1px;
font-variant-numeric:tabular-nums}sup.c a:hover{text-decoration:underline}
.conflict{border:1px solid var(--line);border-radius:10px;background:var(--card);margin:14px 0;
overflow:hidden;break-inside:avoid}
.conflict .head{padding:9px 14px;border-bottom:1px solid var(--line)}
.kind{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;
letter-spacing:.06em;padding:1px 8px;border-radius:4px;background:var(--bad);color:var(--card);
margin-right:8px;vertical-align:2px}
.internal{font-size:.8rem;color:var(--warn);margin-left:6px;white-space:nowrap}
.outlets{font-size:.8rem;color:var(--muted);margin-left:6px}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(240px,100%),1fr))}
.side{padding:10px 14px;border-left:1px solid var(--line)}.side:first-child{border-left:0}
.side:nth-child(odd){background:var(--side-a)}.side:nth-child(even){background:var(--side-b)}
.side-label{font-size:.72rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.claim{font-weight:650;margin:2px 0 6px}
blockquote{margin:6px 0;padding:1px 0 1px 10px;border-left:3px solid var(--line)}
.src,.meta{font-size:.85rem;color:var(--muted)}
.table-scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:600;font-size:.8rem;text-transform:uppercase;
letter-spacing:.04em}
table.compact{width:auto;min-width:60%}
.src-title{color:var(--muted)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(320px,100%),1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:10px;background:var(--card);padding:12px 14px;
break-inside:avoid}
.card ul{margin:4px 0;padding-left:20px}.card li{margin:2px 0}
span.label,a.label{display:inline-block;min-width:2.2em;margin-right:.3em;font-weight:700;
color:var(--muted)}td.label{font-weight:700;color:var(--muted)}
a.label{color:var(--accent);text-decoration:none}
.badge{display:inline-block;font-size:.76rem;padding:0 8px;border-radius:999px;
border:1px solid currentColor;white-space:nowrap;margin:0 2px 3px 0}
.tone-good{color:var(--good)}.tone-warn{color:var(--warn)}.tone-bad{color:var(--bad)}
.tone-neutral{color:var(--neutral)}
.meter{display:grid;grid-template-columns:9.5em 1fr 3.2em;align-items:center;gap:8px;
font-size:.85rem;margin:5px 0}
.meter .name{color:var(--muted)}.meter .value{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:block;height:8px;background:var(--line);border-radius:4px;overflow:hidden}
.fill{display:block;height:100%;border-radius:4px;background:var(--neutral)}
.fill.tone-good{background:var(--good)}.fill.tone-warn{background:var(--warn)}
.fill.tone-bad{background:var(--bad)}
details{margin:8px 0}summary{cursor:pointer;color:var(--accent)}
ol.cites{padding-left:30px}ol.cites li{margin:5px 0;font-size:.9rem}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:3px}
ol.cites li:target{background:var(--mark);border-radius:4px}
ol.timeline{list-style:none;padding-left:0;margin-left:6px;border-left:2px solid var(--line)}
ol.timeline li{position:relative;padding:0 0 10px 18px}
ol.timeline li::before{content:"";position:absolute;left:-7px;top:.45em;width:12px;height:12px;
border-radius:50%;background:var(--accent);border:2px solid var(--bg)}
.when{font-weight:650;font-variant-numeric:tabular-nums;margin-right:6px}
ul.plain{list-style:none;padding-left:0}ul.plain li{margin:6px 0}
code{font:.84em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.empty{color:var(--muted);font-style:italic}em.untitled{color:var(--muted)}
@media (max-width:640px){.wrap{padding:0 14px}
table.articles,table.articles tbody,table.articles tr,table.articles td{display:block}
table.articles thead{display:none}
table.articles tr{position:relative;padding:8px 0 8px 2.6em;border-bottom:1px solid var(--line)}
table.articles td{border:0;padding:2px 0}table.articles td.label{position:absolute;left:0;top:8px}
table.articles td.copy::before{content:"Copy: ";color:var(--muted)}}
footer{color:var(--muted);font-size:.85rem;padding:20px 0 40px}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--card:#fff;--accent:#000;
--side-a:#f3f3f3;--side-b:#fafafa;--mark:#fff0a0}body{font-size:10.5pt}
header.top{border:0}nav.toc{display:none}a{text-decoration:none}
section.story{break-before:page}section.story:first-of-type{break-before:auto}
.sides{grid-template-columns:repeat(2,1fr)}summary{color:#000}
.bar,.fill,mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.kind{background:none;color:#000;border:1px solid #000}}
)css";

// Opens collapsed sections for printing and when a citation link points into one (scrolling to
// the target, which the browser could not do while it was folded). The CSP
// below allows exactly this script by its SHA-256; change both together.
constexpr const char* kScript =
    "function openTarget(){var t=document.getElementById(decodeURIComponent(location.hash.sli"
    "ce(1)));if(!t)return;var folded=false;for(var e=t.parentElement;e;e=e.parentElement){if("
    "e.tagName==='DETAILS'&&!e.open){e.open=true;folded=true}}if(folded)t.scrollIntoView()}ad"
    "dEventListener('hashchange',openTarget);addEventListener('load',openTarget);addEventList"
    "ener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d"
    ".open=true})});";
constexpr const char* kScriptHash = "sha256-1r438aXBUeYj9M3uRJB/sJTjGJHM/r0Hrx8EYya8s4Q=";

}  // namespace

namespace html_page {
const char* script() { return kScript; }
const char* script_hash() { return kScriptHash; }
}  // namespace html_page

namespace {

const char* tone_class(Tone tone) {
  switch (tone) {
    case Tone::kGood:
      return "tone-good";
    case Tone::kNeutral:
      return "tone-neutral";
    case Tone::kWarning:
      return "tone-warn";
    case Tone::kBad:
      return "tone-bad";
  }
  return "tone-neutral";
}

// Higher is worse for every share the report shows.
Tone share_tone(double share, double warn, double bad) {
  if (share >= bad) return Tone::kBad;
  if (share >= warn) return Tone::kWarning;
  return Tone::kGood;
}

// One badge per verdict part ("likely machine-written", "padded (40%)"): a long
// comma-joined verdict in a single pill would overflow a narrow card.
std::string badges(const report_view::Verdict& verdict) {
  std::string out;
  size_t from = 0;
  while (from <= verdict.words.size()) {
    size_t comma = verdict.words.find(", ", from);
    size_t to = comma == std::string::npos ? verdict.words.size() : comma;
    out += "<span class=\"badge " + std::string(tone_class(verdict.tone)) + "\">" +
           html(verdict.words.substr(from, to - from)) + "</span> ";
    if (comma == std::string::npos) break;
    from = comma + 2;
  }
  return out;
}

std::string meter(const char* name, double share, Tone tone) {
  double clamped = std::isfinite(share) ? std::clamp(share, 0.0, 1.0) : 0.0;
  std::ostringstream out;
  out << "<div class=\"meter\"><span class=\"name\">" << name
      << "</span><span class=\"bar\" role=\"img\" aria-label=\"" << name << " "
      << report_view::percent(share) << "\"><span class=\"fill " << tone_class(tone)
      << "\" style=\"width:" << std::lround(clamped * 100) << "%\"></span></span><span "
      << "class=\"value\">" << report_view::percent(share) << "</span></div>";
  return out.str();
}

class StoryWriter {
 public:
  StoryWriter(const Report& report, const Story& story, const report_view::CorpusIndex& corpus,
              int number)
      : story_(story), view_(report, story, corpus), number_(number) {}

  std::string write() {
    std::ostringstream out;
    out << "<section class=\"story\" id=\"story-" << number_ << "\">\n";
    header(out);
    summary(out);
    conflicts(out);
    articles(out);
    assessments(out);
    facts(out);
    timeline(out);
    actors(out);
    quotes(out);
    numbers(out);
    citations(out);
    out << "</section>\n";
    return out.str();
  }

 private:
  std::string anchor(int cite_number) const {
    return report_view::cite_anchor(number_, cite_number);
  }

  // Superscript links to the citation list; hovering shows the quoted slice.
  std::string markers(const std::vector<Cite>& cites) {
    // Numbered first, then written in ascending order so a run reads [13][14], not [14][13].
    std::vector<std::pair<int, Cite>> numbered;
    for (const Cite& cite : view_.usable(cites))
      numbered.emplace_back(citations_.number(cite), cite);
    std::stable_sort(numbered.begin(), numbered.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    int previous = 0;
    for (const auto& [n, cite] : numbered) {
      if (n == previous) continue;  // the same words cited twice need one marker
      previous = n;
      out += "<sup class=\"c\"><a href=\"#" + anchor(n) + "\" title=\"" +
             html(view_.named(cite.article) + ": " +
                  report_view::shorten(report_view::one_line(cite.text), 300)) +
             "\">[" + std::to_string(n) + "]</a></sup>";
    }
    return out;
  }

  // The cited words marked inside their sentence.
  std::string highlighted(const Cite& cite) const {
    StoryView::Context context = view_.context(cite);
    return html(report_view::one_line_keep_edges(context.before)) + "<mark>" +
           html(report_view::shorten(report_view::one_line(context.cited), 600)) + "</mark>" +
           html(report_view::one_line_keep_edges(context.after));
  }

  // An untitled article is named by its opening words, set in italics so they do not pass for
  // a headline.
  static std::string title_html(const ArticleRow& row, size_t limit) {
    std::string text = html(report_view::shorten(row.display_title, limit));
    if (text.empty()) return "<em>untitled</em>";
    return row.untitled ? "<em class=\"untitled\">" + text + "</em>" : text;
  }

  std::string source_line(const Cite& cite) const {
    const ArticleRow* row = view_.article(cite.article);
    // The label links to the article's row in the articles table.
    std::string out = row ? "<a class=\"label\" href=\"#s" + std::to_string(number_) + "-" +
                                html(row->label) + "\">" + html(row->label) + "</a>"
                          : "<span class=\"label\">" + html(cite.article) + "</span>";
    if (row && !row->site.empty()) out += " " + html(row->site);
    if (row && !row->published.empty()) out += " · " + html(row->published);
    return out;
  }

  // Conflict sides also name the article, so a reader need not look the label up.
  std::string source_title(const Cite& cite) const {
    const ArticleRow* row = view_.article(cite.article);
    if (!row) return "";
    return " <span class=\"src-title\">" + title_html(*row, 70) + "</span>";
  }

  void header(std::ostream& out) {
    out << "<h2>" << html(story_.title.empty() ? "Untitled story" : story_.title) << "</h2>\n";
    int corroborated = 0, single = 0;
    for (const Fact& fact : story_.facts) {
      corroborated += fact.status == FactStatus::kCorroborated;
      single += fact.status == FactStatus::kSingleSource;
    }
    using report_view::count_words;
    out << "<div class=\"chips\"><span>"
        << count_words(view_.articles().size(), "article", "articles") << "</span><span>"
        << view_.independent_count() << " independent"
        << (view_.independent_outlets().empty()
                ? std::string()
                : ": " + html(report_view::join_names(view_.independent_outlets())))
        << "</span><span>" << count_words(corroborated, "corroborated fact", "corroborated facts")
        << "</span><span>" << count_words(single, "single-source claim", "single-source claims")
        << "</span><span>" << count_words(story_.conflicts.size(), "conflict", "conflicts")
        << "</span></div>\n";
    out << "<div class=\"story-id\">story <code>" << html(story_.id) << "</code></div>\n";
    if (!view_.language().empty()) {
      out << "<p class=\"empty\">" << html(view_.language_note()) << "</p>\n";
    }
  }

  void summary(std::ostream& out) {
    out << "<h3>Summary</h3>\n";
    if (story_.summary.empty()) {
      out << "<p class=\"empty\">No summary: the articles give no sentence that can stand on "
             "its own.</p>\n";
      return;
    }
    out << "<ol class=\"summary\">\n";
    for (const SummaryLine& line : story_.summary) {
      out << "<li>" << html(line.text) << markers(line.cites) << "</li>\n";
    }
    out << "</ol>\n";
  }

  void conflict_card(std::ostream& out, const Conflict& conflict) {
    out << "<div class=\"conflict\"><div class=\"head\"><span class=\"kind\">"
        << html(to_string(conflict.kind)) << "</span>" << html(conflict.explanation);
    if (conflict.internal) {
      out << "<span class=\"internal\">within one article</span>";
    } else if (std::string outlets = report_view::sides_outlets(view_, conflict);
               !outlets.empty()) {
      out << "<span class=\"outlets\">" << html(outlets) << "</span>";
    }
    out << "</div><div class=\"sides\">";
    int n = 0;
    for (const ConflictSide& side : conflict.sides) {
      std::vector<std::string> outlets = view_.outlets(view_.usable(side.cites));
      out << "<div class=\"side\"><div class=\"side-label\">Side " << ++n
          << (outlets.empty() ? std::string() : " · " + html(report_view::join_names(outlets)))
          << "</div><div class=\"claim\">" << html(side.claim) << "</div>";
      for (const Cite& cite : view_.usable(side.cites)) {
        out << "<blockquote>" << highlighted(cite) << "</blockquote><div class=\"src\">"
            << source_line(cite) << markers({cite}) << source_title(cite) << "</div>";
      }
      out << "</div>";
    }
    out << "</div></div>\n";
  }

  void conflicts(std::ostream& out) {
    out << "<h3>Conflicts</h3>\n";
    if (story_.conflicts.empty()) {
      out << "<p class=\"empty\">No contradictions found between the sources.</p>\n";
      return;
    }
    for (const Conflict& conflict : story_.conflicts) conflict_card(out, conflict);
  }

  void articles(std::ostream& out) {
    if (view_.articles().empty()) return;
    // Columns nobody filled (pasted text has no site or date) would only repeat a dash.
    bool any_site = false, any_date = false;
    for (const ArticleRow& row : view_.articles()) {
      any_site = any_site || !row.site.empty();
      any_date = any_date || !row.published.empty();
    }
    out << "<h3>Articles</h3>\n<div class=\"table-scroll\"><table "
           "class=\"articles\"><thead><tr><th></th>"
           "<th>Title</th>"
        << (any_site ? "<th>Site</th>" : "") << (any_date ? "<th>Published</th>" : "")
        << "<th>Copy</th><th>Verdict</th></tr></thead><tbody>\n";
    for (const ArticleRow& row : view_.articles()) {
      std::string title = title_html(row, 300);
      if (markup::is_web_url(row.url)) {
        title = "<a href=\"" + html(row.url) + "\" rel=\"noopener noreferrer\">" + title + "</a>";
      }
      report_view::Verdict verdict = report_view::verdict(row);
      out << "<tr id=\"s" << number_ << "-" << html(row.label) << "\"><td class=\"label\">"
          << html(row.label) << "</td><td>" << title << "<div class=\"meta\"><code>" << html(row.id)
          << "</code></div></td>";
      if (any_site) out << "<td>" << html(row.site.empty() ? "—" : row.site) << "</td>";
      if (any_date) {
        out << "<td class=\"num\">" << html(row.published.empty() ? "unknown" : row.published)
            << "</td>";
      }
      out << "<td class=\"copy\">"
          << (row.independent ? "original" : "copy of " + html(row.copy_of)) << "</td><td>"
          << badges(verdict) << "</td></tr>\n";
    }
    out << "</tbody></table></div>\n";
  }

  void assessment_card(std::ostream& out, const ArticleRow& row) {
    const Assessment& assessment = *row.assessment;
    report_view::Verdict verdict = report_view::verdict(row);
    out << "<div class=\"card\"><h4><span class=\"label\">" << html(row.label) << "</span>"
        << title_html(row, 140) << "</h4>";
    if (!row.site.empty() || !row.published.empty()) {
      out << "<div class=\"meta\">" << html(row.site);
      if (!row.site.empty() && !row.published.empty()) out << " · ";
      out << html(row.published) << "</div>";
    }
    out << "<p class=\"badges\">" << badges(verdict) << "</p>";
    out << meter("Machine-written", assessment.p_machine,
                 share_tone(assessment.p_machine, 0.5, kLikelyMachine));
    out << meter("Padding", assessment.padding_share,
                 share_tone(assessment.padding_share, 0.3, 0.5));
    // Exclusive reporting is information, not a fault: never coloured as a warning.
    out << meter("Not covered elsewhere", assessment.unsupported_share, Tone::kNeutral);
    if (!assessment.reasons.empty()) {
      out << "<ul>";
      for (const std::string& reason : assessment.reasons) {
        out << "<li>" << html(report_view::without_probability(reason)) << "</li>";
      }
      out << "</ul>";
    }
    if (!assessment.machine_reasons.empty()) {
      out << "<details><summary>Why machine-written: " << assessment.machine_reasons.size()
          << (assessment.machine_reasons.size() == 1 ? " signal" : " signals") << "</summary><ul>";
      for (const std::string& reason : assessment.machine_reasons) {
        out << "<li>" << html(reason) << "</li>";
      }
      out << "</ul></details>";
    }
    if (!assessment.padding.empty()) {
      out << "<details><summary>Padding sentences (" << assessment.padding.size() << ")</summary>";
      for (const Cite& cite : view_.usable(assessment.padding)) {
        out << "<blockquote>" << html(report_view::shorten(report_view::one_line(cite.text), 400))
            << markers({cite}) << "</blockquote>";
      }
      out << "</details>";
    }
    if (!assessment.unsupported_facts.empty()) {
      out << "<details><summary>Claims no other source makes ("
          << assessment.unsupported_facts.size() << ")</summary><ul>";
      for (const std::string& id : assessment.unsupported_facts) {
        const Fact* fact = find_fact(id);
        out << "<li>" << (fact ? html(fact->text) : "<code>" + html(id) + "</code>");
        if (fact) out << markers(fact->cites);
        out << "</li>";
      }
      out << "</ul></details>";
    }
    if (!assessment.internal_conflicts.empty()) {
      out << "<details><summary class=\"tone-bad\">Contradicts itself ("
          << assessment.internal_conflicts.size() << ")</summary><ul>";
      for (const Conflict& conflict : assessment.internal_conflicts) {
        out << "<li><span class=\"kind\">" << html(to_string(conflict.kind)) << "</span>"
            << html(conflict.explanation);
        for (const ConflictSide& side : conflict.sides) {
          out << " · <strong>" << html(side.claim) << "</strong>" << markers(side.cites);
        }
        out << "</li>";
      }
      out << "</ul></details>";
    }
    out << "</div>\n";
  }

  const Fact* find_fact(const std::string& id) const {
    for (const Fact& fact : story_.facts) {
      if (fact.id == id) return &fact;
    }
    return nullptr;
  }

  void assessments(std::ostream& out) {
    bool any = std::any_of(view_.articles().begin(), view_.articles().end(),
                           [](const ArticleRow& row) { return row.assessment != nullptr; });
    if (!any) return;
    out << "<h3>Article assessments</h3>\n<div class=\"cards\">\n";
    for (const ArticleRow& row : view_.articles()) {
      if (row.assessment) assessment_card(out, row);
    }
    out << "</div>\n";
  }

  void fact_items(std::ostream& out, const std::vector<const Fact*>& facts, bool single,
                  Tone tone = Tone::kGood) {
    out << "<ul class=\"plain\">";
    for (const Fact* fact : facts) {
      out << "<li>";
      if (single) {
        std::string only = fact->articles.empty() ? "" : view_.named(fact->articles.front());
        if (!only.empty()) out << "<span class=\"label\">" << html(only) << "</span> ";
      } else {
        out << "<span class=\"badge " << tone_class(tone) << "\">" << fact->sources
            << (fact->sources == 1 ? " source" : " sources") << "</span> ";
      }
      out << html(fact->text) << markers(fact->cites) << "</li>";
    }
    out << "</ul>\n";
  }

  void facts(std::ostream& out) {
    if (story_.facts.empty()) return;
    out << "<h3>Facts</h3>\n";
    auto corroborated = report_view::ordered_facts(story_, FactStatus::kCorroborated);
    auto contested = report_view::ordered_facts(story_, FactStatus::kContested);
    auto single = report_view::ordered_facts(story_, FactStatus::kSingleSource);
    if (!corroborated.empty()) {
      out << "<h4>Corroborated (" << corroborated.size() << ")</h4>";
      if (corroborated.size() > 12) {
        fact_items(out, {corroborated.begin(), corroborated.begin() + 12}, false);
        out << "<details><summary>" << corroborated.size() - 12 << " more</summary>";
        fact_items(out, {corroborated.begin() + 12, corroborated.end()}, false);
        out << "</details>";
      } else {
        fact_items(out, corroborated, false);
      }
    }
    if (!contested.empty()) {
      out << "<h4>Contested (" << contested.size() << ")</h4>";
      fact_items(out, contested, false, Tone::kWarning);
    }
    if (!single.empty()) {
      out << "<details><summary>Single-source claims (" << single.size() << ")</summary>";
      fact_items(out, single, true);
      out << "</details>\n";
    }
  }

  void timeline(std::ostream& out) {
    if (story_.timeline.empty()) return;
    out << "<h3>Timeline</h3>\n";
    auto items = [&](size_t from, size_t to) {
      out << "<ol class=\"timeline\">";
      for (size_t i = from; i < to; ++i) {
        const TimelineEntry& entry = story_.timeline[i];
        out << "<li><span class=\"when\">" << html(entry.when.empty() ? "undated" : entry.when)
            << "</span>" << html(entry.what) << markers(entry.cites) << "</li>";
      }
      out << "</ol>\n";
    };
    collapsible(out, story_.timeline.size(), 15, "more dates", items);
  }

  // Shows the first `shown` items and folds the rest into a <details>.
  template <typename Items>
  void collapsible(std::ostream& out, size_t count, size_t shown, const char* more, Items items) {
    if (count <= shown + 3) {
      items(0, count);
      return;
    }
    items(0, shown);
    out << "<details><summary>" << count - shown << " " << more << "</summary>";
    items(shown, count);
    out << "</details>\n";
  }

  void actors(std::ostream& out) {
    if (story_.actors.empty()) return;
    out << "<h3>Actors</h3>\n";
    auto rows = [&](size_t from, size_t to) {
      out << "<div class=\"table-scroll\"><table><thead><tr><th>Name</th><th>Type</th>"
             "<th>Also called</th><th>Roles</th><th>Articles</th></tr></thead><tbody>";
      for (size_t i = from; i < to; ++i) {
        const Actor& actor = story_.actors[i];
        out << "<tr><td><strong>" << html(actor.name) << "</strong></td><td>"
            << report_view::type_words(actor.type) << "</td><td>";
        for (size_t a = 0; a < actor.aliases.size(); ++a) {
          out << (a ? ", " : "") << html(actor.aliases[a]);
        }
        out << "</td><td>";
        for (size_t r = 0; r < actor.roles.size(); ++r) {
          out << (r ? "; " : "") << html(report_view::role_words(actor.roles[r]))
              << markers(actor.roles[r].cites);
        }
        out << "</td><td class=\"num\">"
            << (actor.articles > 0 ? std::to_string(actor.articles) : "") << "</td></tr>";
      }
      out << "</tbody></table></div>\n";
    };
    collapsible(out, story_.actors.size(), 12, "more actors", rows);
  }

  void quotes(std::ostream& out) {
    if (story_.quotes.empty()) return;
    out << "<h3>Quotes</h3>\n";
    auto items = [&](size_t from, size_t to) {
      for (size_t i = from; i < to; ++i) {
        const QuoteClaim& quote = story_.quotes[i];
        std::string speaker = quote.anonymous         ? "an unnamed source"
                              : quote.speaker.empty() ? "unknown speaker"
                                                      : quote.speaker;
        out << "<blockquote>“" << html(quote.text) << "”<div class=\"src\">— " << html(speaker)
            << markers(quote.cites) << "</div></blockquote>\n";
      }
    };
    collapsible(out, story_.quotes.size(), 8, "more quotes", items);
  }

  void numbers(std::ostream& out) {
    if (story_.numbers.empty()) return;
    out << "<h3>Numbers</h3>\n";
    auto rows = [&](size_t from, size_t to) {
      out << "<div class=\"table-scroll\"><table "
             "class=\"compact\"><thead><tr><th>Figure</th><th>Counts</th>"
             "<th>Sources</th></tr></thead><tbody>";
      for (size_t i = from; i < to; ++i) {
        const NumberClaim& number = story_.numbers[i];
        NumberClaim figure = number;
        figure.what.clear();
        out << "<tr><td class=\"num\">" << html(report_view::describe_number(figure)) << "</td><td>"
            << html(number.what.empty() ? "—" : number.what) << "</td><td>" << markers(number.cites)
            << "</td></tr>";
      }
      out << "</tbody></table></div>\n";
    };
    collapsible(out, story_.numbers.size(), 15, "more numbers", rows);
  }

  void citations(std::ostream& out) {
    if (citations_.cites().empty()) return;
    // A long list stays folded; the page script unfolds it when a marker links into it.
    out << "<h3>Citations</h3>\n<details" << (citations_.cites().size() <= 30 ? " open" : "")
        << "><summary>" << citations_.cites().size()
        << " exact quotations (article, sentence, byte range)</summary><ol class=\"cites\">\n";
    int n = 0;
    for (const Cite& cite : citations_.cites()) {
      out << "<li id=\"" << anchor(++n) << "\"><span class=\"meta\">" << source_line(cite)
          << " · <code>" << html(cite.article) << "</code> · sentence " << cite.sentence
          << " · bytes " << cite.start << "–" << cite.end << "</span><br>“" << html(cite.text)
          << "”</li>\n";
    }
    out << "</ol></details>\n";
  }

  const Story& story_;
  StoryView view_;
  int number_;
  CitationList citations_;
};

}  // namespace

std::string render_html(const Report& report) {
  const ReportTotals totals = report_totals(report);
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src '"
      << kScriptHash
      << "'; img-src data:\">\n"
         "<meta name=\"generator\" content=\"crosscheck "
      << html(report.version) << "\">\n<title>crosscheck report";
  if (report.stories.size() == 1 && !report.stories.front().title.empty()) {
    out << ": " << html(report.stories.front().title);
  }
  out << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
  out << "<header class=\"top\"><div class=\"wrap\"><h1>crosscheck report</h1>"
         "<div class=\"counts\"><span><b>"
      << report.stories.size() << "</b>" << (report.stories.size() == 1 ? "story" : "stories")
      << "</span><span><b>" << totals.articles << "</b>"
      << (totals.articles == 1 ? "article" : "articles") << "</span><span><b>" << totals.conflicts
      << "</b>" << (totals.conflicts == 1 ? "conflict" : "conflicts") << "</span><span><b>"
      << totals.likely_machine
      << "</b>likely machine-written</span></div><p class=\"meta\">Each bracketed number links "
         "to the exact words of the article a statement comes from; hover over it to read them."
         "</p>";
  if (report.stories.size() > 1) {
    out << "<nav class=\"toc\"><ol>";
    int n = 0;
    for (const Story& story : report.stories) {
      out << "<li><a href=\"#story-" << ++n << "\">"
          << html(story.title.empty() ? "Untitled story" : story.title) << "</a> <span "
          << "class=\"meta\">" << story.documents.size() << " articles · " << story.conflicts.size()
          << " conflicts</span></li>";
    }
    out << "</ol></nav>";
  }
  out << "</div></header>\n<main class=\"wrap\">\n";
  if (report.stories.empty()) {
    out << "<p class=\"empty\">No stories: no articles were analysed.</p>\n";
  }
  int n = 0;
  report_view::CorpusIndex corpus(report);
  for (const Story& story : report.stories) out << StoryWriter(report, story, corpus, ++n).write();
  out << "</main>\n<footer class=\"wrap\">Written by crosscheck " << html(report.version)
      << ". Every quotation is the exact byte range of the stored article text it cites."
         "</footer>\n<script>"
      << kScript << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace crosscheck
