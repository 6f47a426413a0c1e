// Word-level helpers: case folding, Snowball stems, the English stop list.
#include <libstemmer.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "text/text.h"

namespace crosscheck {

namespace {

// sb_stemmer keeps its working state inside the object, so each thread needs its own.
class ThreadStemmer {
 public:
  ThreadStemmer() : stemmer_(sb_stemmer_new("english", nullptr)) {}
  ~ThreadStemmer() {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }
  ThreadStemmer(const ThreadStemmer&) = delete;
  ThreadStemmer& operator=(const ThreadStemmer&) = delete;

  std::string stem(std::string_view word) {
    if (stemmer_ == nullptr || word.empty()) return std::string(word);
    const sb_symbol* result = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (result == nullptr) return std::string(word);
    return std::string(reinterpret_cast<const char*>(result),
                       static_cast<size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  sb_stemmer* stemmer_;
};

const std::unordered_set<std::string_view>& stop_words() {
  // The Snowball English stop list plus a few function words it lacks.
  static const std::unordered_set<std::string_view> words = {
      "a",         "about",   "above",    "after",      "again",   "against",   "all",
      "also",      "am",      "among",    "an",         "and",     "any",       "are",
      "aren't",    "as",      "at",       "be",         "because", "been",      "before",
      "being",     "below",   "between",  "both",       "but",     "by",        "can",
      "can't",     "cannot",  "could",    "couldn't",   "did",     "didn't",    "do",
      "does",      "doesn't", "doing",    "don't",      "down",    "during",    "each",
      "either",    "even",    "ever",     "few",        "for",     "from",      "further",
      "had",       "hadn't",  "has",      "hasn't",     "have",    "haven't",   "having",
      "he",        "he'd",    "he'll",    "he's",       "her",     "here",      "here's",
      "hers",      "herself", "him",      "himself",    "his",     "how",       "how's",
      "however",   "i",       "i'd",      "i'll",       "i'm",     "i've",      "if",
      "in",        "into",    "is",       "isn't",      "it",      "it's",      "its",
      "itself",    "just",    "let's",    "may",        "me",      "might",     "more",
      "most",      "much",    "must",     "mustn't",    "my",      "myself",    "neither",
      "no",        "nor",     "not",      "now",        "of",      "off",       "on",
      "once",      "only",    "or",       "other",      "ought",   "our",       "ours",
      "ourselves", "out",     "over",     "own",        "same",    "shall",     "shan't",
      "she",       "she'd",   "she'll",   "she's",      "should",  "shouldn't", "since",
      "so",        "some",    "such",     "than",       "that",    "that's",    "the",
      "their",     "theirs",  "them",     "themselves", "then",    "there",     "there's",
      "these",     "they",    "they'd",   "they'll",    "they're", "they've",   "this",
      "those",     "though",  "through",  "thus",       "to",      "too",       "under",
      "until",     "up",      "upon",     "us",         "very",    "was",       "wasn't",
      "we",        "we'd",    "we'll",    "we're",      "we've",   "were",      "weren't",
      "what",      "what's",  "when",     "when's",     "where",   "where's",   "whether",
      "which",     "while",   "who",      "who's",      "whom",    "whose",     "why",
      "why's",     "will",    "with",     "within",     "without", "won't",     "would",
      "wouldn't",  "yet",     "you",      "you'd",      "you'll",  "you're",    "you've",
      "your",      "yours",   "yourself", "yourselves", "'s",      "’s",        "n't",
      "n’t",       "'re",     "'ve",      "'ll",        "'d",      "'m",        "’re",
      "’ve",       "’ll",     "’d",       "’m"};
  return words;
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  for (; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) break;
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
  }
  if (i == text.size()) return out;
  // Non-ASCII: ICU full case folding ("Straße" -> "strasse", "ΣΟΦΙΑ" -> "σοφια").
  icu::UnicodeString rest = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data() + i, static_cast<int32_t>(text.size() - i)));
  rest.foldCase();
  rest.toUTF8String(out);
  return out;
}

std::string stem(std::string_view lower_word) {
  thread_local ThreadStemmer stemmer;
  return stemmer.stem(lower_word);
}

bool is_stop_word(std::string_view lower_word) { return stop_words().contains(lower_word); }

}  // namespace crosscheck
