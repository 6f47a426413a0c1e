#include "store/layers_codec.h"

#include <cstdint>
#include <cstring>

namespace crosscheck::store_codec {
namespace {

// Bumped when a record layout changes; decoders refuse formats they do not know.
constexpr uint8_t kLayerFormat = 1;
// Tokens: format 2 adds the syntax layer (UPOS, XPOS, relation, head, morphology, lemma).
// Format 1 token blobs (written before the syntax stage) still decode, without syntax.
constexpr uint8_t kTokenFormat = 2;

class Writer {
 public:
  explicit Writer(size_t count, uint8_t format = kLayerFormat) {
    out_.push_back(static_cast<char>(format));
    varint(count);
  }
  void varint(uint64_t value) {
    while (value >= 0x80) {
      out_.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
  }
  void signed_varint(int64_t value) {
    varint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }
  void byte(uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void span(const Span& span) {
    varint(span.start);
    // Ends are written relative to starts: small numbers, fewer bytes.
    signed_varint(static_cast<int64_t>(span.end) - static_cast<int64_t>(span.start));
  }
  void string(const std::string& text) {
    varint(text.size());
    out_.append(text);
  }
  void real(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view blob) : blob_(blob) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == blob_.size(); }
  uint64_t varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= blob_.size()) return fail();
      uint8_t byte = static_cast<uint8_t>(blob_[pos_++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    return fail();
  }
  uint32_t u32() {
    uint64_t value = varint();
    if (value > UINT32_MAX) return static_cast<uint32_t>(fail());
    return static_cast<uint32_t>(value);
  }
  int64_t signed_varint() {
    uint64_t raw = varint();
    return static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
  }
  uint8_t byte() {
    if (pos_ >= blob_.size()) return static_cast<uint8_t>(fail());
    return static_cast<uint8_t>(blob_[pos_++]);
  }
  Span span() {
    Span span;
    span.start = u32();
    int64_t end = static_cast<int64_t>(span.start) + signed_varint();
    if (end < 0 || end > static_cast<int64_t>(UINT32_MAX)) {
      fail();
      return span;
    }
    span.end = static_cast<uint32_t>(end);
    return span;
  }
  std::string string() {
    uint64_t size = varint();
    if (!ok_ || size > blob_.size() - pos_) {
      fail();
      return {};
    }
    std::string text(blob_.substr(pos_, size));
    pos_ += size;
    return text;
  }
  double real() {
    if (blob_.size() - pos_ < 8) {
      fail();
      return 0;
    }
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) {
      bits |= static_cast<uint64_t>(static_cast<uint8_t>(blob_[pos_ + i])) << (8 * i);
    }
    pos_ += 8;
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  // Reads the header; `count` is bounded by the bytes left so a damaged count cannot make the
  // caller reserve gigabytes.
  bool header(size_t& count, uint8_t newest = kLayerFormat) {
    if (blob_.empty()) {
      count = 0;
      return true;
    }
    format_ = byte();
    if (format_ < 1 || format_ > newest) return false;
    uint64_t value = varint();
    if (!ok_ || value > blob_.size()) return false;
    count = static_cast<size_t>(value);
    return true;
  }
  void byte_fail() { fail(); }
  template <typename T>
  bool enum_value(T& out, uint8_t max) {
    uint8_t value = byte();
    if (value > max) return fail();
    out = static_cast<T>(value);
    return ok_;
  }

 private:
  uint64_t fail() {
    ok_ = false;
    pos_ = blob_.size();
    return 0;
  }
  std::string_view blob_;
  size_t pos_ = 0;
  bool ok_ = true;

 public:
  uint8_t format_ = kLayerFormat;
};

template <typename T, typename ReadOne>
bool decode_layer(std::string_view blob, std::vector<T>& out, ReadOne read_one,
                  uint8_t newest = kLayerFormat) {
  out.clear();
  Reader reader(blob);
  size_t count = 0;
  if (!reader.header(count, newest)) return false;
  out.reserve(count);
  for (size_t i = 0; i < count && reader.ok(); ++i) {
    T item;
    read_one(reader, item);
    out.push_back(std::move(item));
  }
  if (!reader.ok() || !reader.at_end()) {
    out.clear();
    return false;
  }
  return true;
}

constexpr uint8_t kCapitalized = 1, kAllCaps = 2, kStemIsLower = 4, kHasSyntax = 8,
                  kLemmaIsLower = 16;

// Morph in two bytes: tense(2) verb form(3) mood(3) | number(2) voice(2) person(2) negative(1).
void write_morph(Writer& writer, const Morph& m) {
  writer.byte(static_cast<uint8_t>(static_cast<uint8_t>(m.tense) |
                                   (static_cast<uint8_t>(m.verb_form) << 2) |
                                   (static_cast<uint8_t>(m.mood) << 5)));
  writer.byte(static_cast<uint8_t>(static_cast<uint8_t>(m.number) |
                                   (static_cast<uint8_t>(m.voice) << 2) | ((m.person & 3) << 4) |
                                   (m.negative ? 64 : 0)));
}

bool read_morph(Reader& reader, Morph& m) {
  uint8_t a = reader.byte(), b = reader.byte();
  uint8_t tense = a & 3, form = (a >> 2) & 7, mood = a >> 5;
  uint8_t number = b & 3, voice = (b >> 2) & 3;
  if (tense > static_cast<uint8_t>(Tense::kFut) || form > static_cast<uint8_t>(VerbForm::kGer) ||
      mood > static_cast<uint8_t>(Mood::kCnd) ||
      number > static_cast<uint8_t>(GrammaticalNumber::kPlur) ||
      voice > static_cast<uint8_t>(Voice::kPass) || (b & 0x80)) {
    return false;
  }
  m.tense = static_cast<Tense>(tense);
  m.verb_form = static_cast<VerbForm>(form);
  m.mood = static_cast<Mood>(mood);
  m.number = static_cast<GrammaticalNumber>(number);
  m.voice = static_cast<Voice>(voice);
  m.person = (b >> 4) & 3;
  m.negative = b & 64;
  return true;
}

}  // namespace

std::string encode_sentences(const std::vector<Sentence>& sentences) {
  Writer writer(sentences.size());
  for (const Sentence& sentence : sentences) writer.span(sentence.span);
  return writer.take();
}

bool decode_sentences(std::string_view blob, std::vector<Sentence>& out) {
  return decode_layer(blob, out,
                      [](Reader& reader, Sentence& sentence) { sentence.span = reader.span(); });
}

std::string encode_tokens(const std::vector<Token>& tokens) {
  Writer writer(tokens.size(), kTokenFormat);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    writer.span(token.span);
    writer.varint(token.sentence);
    writer.byte(static_cast<uint8_t>(token.shape));
    const bool stem_is_lower = token.stem == token.lower;
    const bool syntax = token.upos != Upos::kNone;
    const bool lemma_is_lower = token.lemma == token.lower;
    writer.byte((token.capitalized ? kCapitalized : 0) | (token.all_caps ? kAllCaps : 0) |
                (stem_is_lower ? kStemIsLower : 0) | (syntax ? kHasSyntax : 0) |
                (syntax && lemma_is_lower ? kLemmaIsLower : 0));
    writer.string(token.lower);
    if (!stem_is_lower) writer.string(token.stem);
    if (!syntax) continue;
    writer.byte(static_cast<uint8_t>(token.upos));
    writer.byte(token.xpos);
    writer.byte(token.deprel);
    // Heads relative to the token: 0 is the root (a token is never its own head).
    writer.signed_varint(
        token.head < 0 ? 0 : static_cast<int64_t>(token.head) - static_cast<int64_t>(i));
    write_morph(writer, token.morph);
    if (!lemma_is_lower) writer.string(token.lemma);
  }
  return writer.take();
}

bool decode_tokens(std::string_view blob, std::vector<Token>& out) {
  size_t index = 0;
  bool ok = decode_layer(
      blob, out,
      [&index](Reader& reader, Token& token) {
        const size_t i = index++;
        token.span = reader.span();
        token.sentence = reader.u32();
        reader.enum_value(token.shape, static_cast<uint8_t>(TokenShape::kSymbol));
        uint8_t flags = reader.byte();
        token.capitalized = flags & kCapitalized;
        token.all_caps = flags & kAllCaps;
        token.lower = reader.string();
        token.stem = (flags & kStemIsLower) ? token.lower : reader.string();
        if (reader.format_ < 2 || !(flags & kHasSyntax)) return;
        reader.enum_value(token.upos, static_cast<uint8_t>(Upos::kX));
        token.xpos = reader.byte();
        token.deprel = reader.byte();
        int64_t head = reader.signed_varint();
        int64_t absolute = static_cast<int64_t>(i) + head;
        if (head != 0 && (absolute < 0 || absolute > INT32_MAX)) {
          reader.byte_fail();
          return;
        }
        token.head = head == 0 ? -1 : static_cast<int32_t>(absolute);
        if (!read_morph(reader, token.morph)) reader.byte_fail();
        token.lemma = (flags & kLemmaIsLower) ? token.lower : reader.string();
      },
      kTokenFormat);
  // Heads must stay inside the layer.
  for (const Token& token : out) {
    if (token.head >= static_cast<int64_t>(out.size())) {
      out.clear();
      return false;
    }
  }
  return ok;
}

std::string encode_mentions(const std::vector<Mention>& mentions) {
  Writer writer(mentions.size());
  for (const Mention& mention : mentions) {
    writer.span(mention.span);
    writer.varint(mention.sentence);
    writer.byte(static_cast<uint8_t>(mention.type));
    writer.string(mention.key);
    writer.string(mention.role);
    writer.string(mention.role_qualifier);
    writer.span(mention.role_span);
    writer.real(mention.confidence);
  }
  return writer.take();
}

bool decode_mentions(std::string_view blob, std::vector<Mention>& out) {
  return decode_layer(blob, out, [](Reader& reader, Mention& mention) {
    mention.span = reader.span();
    mention.sentence = reader.u32();
    reader.enum_value(mention.type, static_cast<uint8_t>(EntityType::kMisc));
    mention.key = reader.string();
    mention.role = reader.string();
    mention.role_qualifier = reader.string();
    mention.role_span = reader.span();
    mention.confidence = reader.real();
  });
}

std::string encode_timexes(const std::vector<Timex>& timexes) {
  Writer writer(timexes.size());
  for (const Timex& timex : timexes) {
    writer.span(timex.span);
    writer.varint(timex.sentence);
    writer.byte(static_cast<uint8_t>(timex.type));
    writer.string(timex.value);
    writer.string(timex.anchored_to);
    writer.signed_varint(timex.weekday);
    writer.string(timex.explicit_date);
  }
  return writer.take();
}

bool decode_timexes(std::string_view blob, std::vector<Timex>& out) {
  return decode_layer(blob, out, [](Reader& reader, Timex& timex) {
    timex.span = reader.span();
    timex.sentence = reader.u32();
    reader.enum_value(timex.type, static_cast<uint8_t>(TimexType::kSet));
    timex.value = reader.string();
    timex.anchored_to = reader.string();
    timex.weekday = static_cast<int>(reader.signed_varint());
    timex.explicit_date = reader.string();
  });
}

std::string encode_quantities(const std::vector<Quantity>& quantities) {
  Writer writer(quantities.size());
  for (const Quantity& quantity : quantities) {
    writer.span(quantity.span);
    writer.varint(quantity.sentence);
    writer.real(quantity.value);
    writer.byte(static_cast<uint8_t>(quantity.bound));
    writer.string(quantity.unit);
    writer.string(quantity.noun);
    writer.string(quantity.event);
    writer.span(quantity.noun_span);
    writer.span(quantity.event_span);
  }
  return writer.take();
}

bool decode_quantities(std::string_view blob, std::vector<Quantity>& out) {
  return decode_layer(blob, out, [](Reader& reader, Quantity& quantity) {
    quantity.span = reader.span();
    quantity.sentence = reader.u32();
    quantity.value = reader.real();
    reader.enum_value(quantity.bound, static_cast<uint8_t>(Bound::kAbout));
    quantity.unit = reader.string();
    quantity.noun = reader.string();
    quantity.event = reader.string();
    quantity.noun_span = reader.span();
    quantity.event_span = reader.span();
  });
}

std::string encode_quotes(const std::vector<Quote>& quotes) {
  Writer writer(quotes.size());
  for (const Quote& quote : quotes) {
    writer.span(quote.content);
    writer.span(quote.cue);
    writer.span(quote.source);
    writer.varint(quote.sentence);
    writer.string(quote.speaker);
    writer.byte((quote.anonymous ? 1 : 0) | (quote.direct ? 2 : 0));
  }
  return writer.take();
}

bool decode_quotes(std::string_view blob, std::vector<Quote>& out) {
  return decode_layer(blob, out, [](Reader& reader, Quote& quote) {
    quote.content = reader.span();
    quote.cue = reader.span();
    quote.source = reader.span();
    quote.sentence = reader.u32();
    quote.speaker = reader.string();
    uint8_t flags = reader.byte();
    quote.anonymous = flags & 1;
    quote.direct = flags & 2;
  });
}

}  // namespace crosscheck::store_codec
