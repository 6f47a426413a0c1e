#include "syntax/model.h"

#include <zstd.h>

#include "core/ud.h"
#include "text/text.h"

namespace crosscheck::syntax {
namespace {

constexpr std::string_view kMagic = "CCSYNTAX";
constexpr uint32_t kVersion = 2;

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

void Model::prepare(Words& w) const {
  const size_t n = w.size();
  w.lower.resize(n);
  w.form_h.resize(n);
  w.lower_h.resize(n);
  w.shape_h.resize(n);
  w.cluster.resize(n);
  for (size_t i = 0; i < n; ++i) {
    std::string_view form = w.form[i];
    std::string& lower = w.lower[i];
    if (is_ascii(form)) {
      lower.assign(form);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else {
      lower = fold_case(form);
    }
    w.form_h[i] = hash_string(form);
    w.lower_h[i] = hash_string(lower);
    w.shape_h[i] = hash_string(word_shape(form));
    auto it = clusters.ids.find(lower);
    for (int k = 0; k < 3; ++k) {
      w.cluster[i][k] = it == clusters.ids.end() ? 0xC0FFEEull + k : feat(200 + k, it->second[k]);
    }
  }
}

void Model::run(Words& w) const {
  prepare(w);
  const size_t n = w.size();
  tagger.tag(w);
  w.lemma.resize(n);
  w.morph.resize(n);
  for (size_t i = 0; i < n; ++i) {
    w.lemma[i] = lemmatizer.lemma(w.form[i], w.lower[i], w.xpos[i]);
    w.morph[i] = morph.morph(w.lower[i], w.xpos[i]);
  }
  parser.parse(w);
  // Passive voice: a participle with a passive auxiliary or passive subject.
  const uint8_t aux_pass = deprel_from_name("aux:pass");
  const uint8_t nsubj_pass = deprel_from_name("nsubj:pass");
  for (size_t i = 0; i < n; ++i) {
    if ((w.deprel[i] == aux_pass || w.deprel[i] == nsubj_pass) && w.head[i] >= 0) {
      Morph& m = w.morph[static_cast<size_t>(w.head[i])];
      if (m.verb_form == VerbForm::kPart && m.tense == Tense::kPast) m.voice = Voice::kPass;
    }
  }
}

std::string Model::serialize() const {
  std::string out(kMagic);
  put_u32(out, kVersion);
  clusters.write(out);
  tagger.write(out);
  lemmatizer.write(out);
  morph.write(out);
  parser.write(out);
  return out;
}

bool Model::deserialize(std::string_view in, std::string& error) {
  uint32_t version = 0;
  if (in.substr(0, kMagic.size()) != kMagic) {
    error = "not a crosscheck syntax model";
    return false;
  }
  in.remove_prefix(kMagic.size());
  if (!get_u32(in, version) || version != kVersion) {
    error = "syntax model format " + std::to_string(version) + " (this build reads format " +
            std::to_string(kVersion) + "); retrain with crosscheck train syntax";
    return false;
  }
  const char* part = "clusters";
  bool ok = clusters.read(in);
  if (ok) ok = (part = "tagger", tagger.read(in));
  if (ok) ok = (part = "lemmatiser", lemmatizer.read(in));
  if (ok) ok = (part = "morphology", morph.read(in));
  if (ok) ok = (part = "parser", parser.read(in));
  if (ok && !in.empty()) ok = (part = "end", false);
  if (!ok) error = std::string("damaged syntax model (") + part + ")";
  return ok;
}

std::string compress_model(const std::string& raw) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  size_t size = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 19);
  if (ZSTD_isError(size)) return {};
  out.resize(size);
  return out;
}

bool decompress_model(std::string_view packed, std::string& raw, std::string& error) {
  unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31)) {
    error = "not a zstd-compressed syntax model";
    return false;
  }
  raw.resize(size);
  size_t got = ZSTD_decompress(raw.data(), raw.size(), packed.data(), packed.size());
  if (ZSTD_isError(got) || got != size) {
    error = std::string("damaged syntax model: ") +
            (ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short");
    return false;
  }
  return true;
}

}  // namespace crosscheck::syntax
