// Story-level claims: distinct numbers, a timeline of dated events and the quotes, each with
// the citations of every article that states it.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>

#include "facts/findings.h"
#include "facts/lexicon.h"
#include "text/text.h"

namespace crosscheck::facts {

namespace {

// Dated events older than this before the story's reference day are background, not timeline.
constexpr int64_t kTimelineDaysBefore = 45;
constexpr int64_t kTimelineDaysAfter = 7;
constexpr size_t kWhatMaxWords = 30;

void add_cite(std::vector<Cite>& cites, const Cite& cite) {
  for (const Cite& existing : cites)
    if (existing.article == cite.article && existing.start == cite.start) return;
  cites.push_back(cite);
}

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \n\t");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \n\t");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string clip_words(const std::string& text, size_t max_words) {
  size_t words = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && ++words >= max_words) return text.substr(0, i) + "...";
  }
  return text;
}

// The story's reference day: the median publication day, else the most named day.
bool reference_day(const StoryFrames& story, int64_t* day) {
  std::vector<int64_t> published;
  std::map<int64_t, int> named;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    int64_t d;
    if (day_number(doc.published, &d)) published.push_back(d);
    for (const Timex& timex : doc.timexes)
      if (timex.anchored_to != "unresolved" && day_number(timex.value, &d)) ++named[d];
  }
  if (!published.empty()) {
    std::sort(published.begin(), published.end());
    *day = published[published.size() / 2];
    return true;
  }
  int best = 0;
  for (const auto& [d, count] : named)
    if (count > best) best = count, *day = d;
  return best > 0;
}

}  // namespace

std::string statement_text(const StoryFrames& story, const Frame& frame) {
  std::string text = trim(story.doc(frame.article).slice(frame.span));
  // "However, the talks ..." -> "The talks ...".
  size_t comma = text.find(", ");
  if (comma != std::string::npos && comma < 16 &&
      is_leading_connective(fold_case(text.substr(0, comma)))) {
    text = text.substr(comma + 2);
    if (!text.empty())
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::vector<NumberClaim> collect_numbers(const StoryFrames& story) {
  std::vector<NumberClaim> numbers;
  std::map<std::tuple<std::string, double, int, std::string>, size_t> index;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    for (const Quantity& quantity : doc.quantities) {
      std::string what = quantity.noun;
      if (!quantity.event.empty()) {
        std::string event = quantity.event_span.empty() ? quantity.event
                                                        : fold_case(doc.slice(quantity.event_span));
        what = what.empty() ? event : what + " " + event;
      }
      if (what.empty()) what = quantity.unit.empty() ? "count" : quantity.unit;
      auto key = std::tuple{what, quantity.value, static_cast<int>(quantity.bound), quantity.unit};
      auto [it, inserted] = index.emplace(key, numbers.size());
      if (inserted) {
        NumberClaim claim;
        claim.what = what;
        claim.value = quantity.value;
        claim.bound = quantity.bound;
        claim.unit = quantity.unit;
        numbers.push_back(std::move(claim));
      }
      add_cite(numbers[it->second].cites, make_cite(doc, quantity.span));
    }
  }
  return numbers;
}

std::vector<TimelineEntry> collect_timeline(const StoryFrames& story) {
  int64_t reference = 0;
  const bool windowed = reference_day(story, &reference);
  struct Dated {
    std::string when;
    uint32_t frame;
    uint32_t timex;
  };
  std::vector<Dated> dated;
  const std::vector<Frame>& frames = story.frames();
  for (uint32_t f = 0; f < frames.size(); ++f) {
    const Frame& frame = frames[f];
    if (frame.words < 5) continue;
    const Document& doc = story.doc(frame.article);
    for (uint32_t t : frame.timexes) {
      const Timex& timex = doc.timexes[t];
      int64_t day;
      if (timex.type != TimexType::kDate || timex.anchored_to == "unresolved" ||
          !day_number(timex.value, &day))
        continue;
      if (windowed &&
          (day < reference - kTimelineDaysBefore || day > reference + kTimelineDaysAfter))
        continue;
      dated.push_back({timex.value, f, t});
      break;  // one entry per sentence: its first date
    }
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const Dated& a, const Dated& b) { return a.when < b.when; });
  std::vector<TimelineEntry> timeline;
  std::vector<uint32_t> representative;  // frame of each entry
  for (const Dated& entry : dated) {
    const Frame& frame = frames[entry.frame];
    const Document& doc = story.doc(frame.article);
    bool merged = false;
    for (size_t k = timeline.size(); k-- > 0;) {
      if (timeline[k].when != entry.when) break;
      const Frame& other = frames[representative[k]];
      bool same_event = shared_count(frame.actors, other.actors) > 0 &&
                        shared_count(frame.events, other.events) > 0;
      if (same_event || story.similarity(frame, other) >= 0.35) {
        add_cite(timeline[k].cites, cite_sentence(doc, frame.sentence));
        merged = true;
        break;
      }
    }
    if (merged) continue;
    TimelineEntry line;
    line.when = entry.when;
    std::string what = statement_text(story, frame);
    // Drop the date phrase itself when the sentence opens with it ("On April 16, ...").
    std::string date = std::string(doc.slice(doc.timexes[entry.timex].span));
    size_t at = what.find(date);
    if (at != std::string::npos && at <= 3) {
      size_t rest = at + date.size();
      while (rest < what.size() && (what[rest] == ',' || what[rest] == ' ')) ++rest;
      if (rest < what.size()) {
        what = what.substr(rest);
        what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
      }
    }
    line.what = clip_words(what, kWhatMaxWords);
    line.cites.push_back(cite_sentence(doc, frame.sentence));
    timeline.push_back(std::move(line));
    representative.push_back(entry.frame);
  }
  return timeline;
}

std::vector<QuoteClaim> collect_quotes(const StoryFrames& story) {
  std::vector<QuoteClaim> quotes;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (uint32_t article = 0; article < story.articles(); ++article) {
    const Document& doc = story.doc(article);
    for (const Quote& quote : doc.quotes) {
      std::string text = trim(doc.slice(quote.content));
      if (text.empty()) continue;
      std::string speaker = quote.speaker;
      if (int32_t actor = story.actor_of_name(speaker); actor >= 0)
        speaker = story.actor_name(actor);
      if (speaker.empty() && !quote.source.empty()) speaker = trim(doc.slice(quote.source));
      auto [it, inserted] = index.emplace(std::pair{fold_case(text), speaker}, quotes.size());
      if (inserted) {
        QuoteClaim claim;
        claim.speaker = speaker;
        claim.text = text;
        claim.anonymous = quote.anonymous;
        quotes.push_back(std::move(claim));
      }
      add_cite(quotes[it->second].cites, make_cite(doc, quote.content));
    }
  }
  return quotes;
}

}  // namespace crosscheck::facts
