#include <algorithm>

#include "syntax/model.h"

namespace crosscheck::syntax {
namespace {

constexpr uint64_t kNone = 0x1234567ull;

// Hash of the last (or first) k bytes, never cutting a UTF-8 sequence short of a full code point
// at the cut side; k counts code points.
uint64_t affix(std::string_view s, int k, bool suffix) {
  size_t pos = suffix ? s.size() : 0;
  int taken = 0;
  if (suffix) {
    while (pos > 0 && taken < k) {
      --pos;
      while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
      ++taken;
    }
    return taken < k ? kNone : hash_string(s.substr(pos));
  }
  while (pos < s.size() && taken < k) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    ++taken;
  }
  return taken < k ? kNone : hash_string(s.substr(0, pos));
}

}  // namespace

std::string word_shape(std::string_view form) {
  std::string shape;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < form.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(form[i]);
    char c;
    if (ch >= 'A' && ch <= 'Z')
      c = 'X';
    else if (ch >= 'a' && ch <= 'z')
      c = 'x';
    else if (ch >= '0' && ch <= '9')
      c = 'd';
    else if (ch >= 0x80) {
      if ((ch & 0xC0) == 0x80) continue;
      c = 'u';
    } else
      c = static_cast<char>(ch);
    if (c == last) {
      if (++run > 2) continue;
    } else {
      run = 1;
      last = c;
    }
    shape.push_back(c);
    if (shape.size() > 12) break;
  }
  return shape;
}

void tagger_features(const Words& w, size_t i, const uint16_t* left, const uint16_t* right,
                     std::vector<uint64_t>& out) {
  out.clear();
  const size_t n = w.size();
  auto lw = [&](long j) -> uint64_t {
    return j < 0 ? 11 : j >= static_cast<long>(n) ? 12 : w.lower_h[j];
  };
  auto tg = [&](long j) -> uint64_t { return j < 0 ? 60000 : left[j]; };
  auto rt = [&](long j) -> uint64_t { return j >= static_cast<long>(n) ? 60001 : right[j]; };
  auto cl = [&](long j, int k) -> uint64_t {
    return j < 0 ? 11 : j >= static_cast<long>(n) ? 12 : w.cluster[j][k];
  };
  const long k = static_cast<long>(i);
  const std::string_view lower = w.lower[i];
  uint64_t t = 0;
  auto add = [&](uint64_t h) { out.push_back(feat(++t, h)); };
  add(0);
  add(w.form_h[i]);
  add(lw(k));
  for (int a = 1; a <= 4; ++a) add(affix(lower, a, true));
  for (int a = 1; a <= 3; ++a) add(affix(lower, a, false));
  add(w.shape_h[i]);
  add(feat(w.shape_h[i], i == 0));
  add(lw(k - 1));
  add(lw(k - 2));
  add(lw(k + 1));
  add(lw(k + 2));
  add(k > 0 ? affix(w.lower[k - 1], 3, true) : 11);
  add(k + 1 < static_cast<long>(n) ? affix(w.lower[k + 1], 3, true) : 12);
  add(k > 0 ? w.shape_h[k - 1] : 11);
  add(k + 1 < static_cast<long>(n) ? w.shape_h[k + 1] : 12);
  add(tg(k - 1));
  add(tg(k - 2));
  add(feat(tg(k - 1), tg(k - 2)));
  add(feat(tg(k - 1), lw(k)));
  add(feat(lw(k - 1), lw(k)));
  add(feat(lw(k), lw(k + 1)));
  add(feat(tg(k - 1), affix(lower, 3, true)));
  for (int c = 0; c < 3; ++c) {
    add(cl(k, c));
    add(cl(k - 1, c));
    add(cl(k + 1, c));
  }
  add(feat(tg(k - 1), cl(k, 1)));
  add(feat(cl(k, 2), cl(k + 1, 2)));
  add(cl(k + 2, 1));
  add(cl(k - 2, 1));
  if (right) {
    add(rt(k + 1));
    add(rt(k + 2));
    add(feat(rt(k + 1), rt(k + 2)));
    add(feat(tg(k - 1), rt(k + 1)));
    add(feat(rt(k + 1), lw(k)));
    add(feat(rt(k + 1), affix(lower, 3, true)));
  }
}

void Tagger::tag(Words& words, std::vector<uint16_t>* pass1_tags) const {
  const size_t n = words.size();
  std::vector<uint64_t> features;
  std::vector<float> scores(classes.size());
  auto run = [&](const Weights& weights, const uint16_t* right, std::vector<uint16_t>& out) {
    out.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      tagger_features(words, i, out.data(), right, features);
      std::fill(scores.begin(), scores.end(), 0.0f);
      weights.score(features, scores.data());
      out[i] =
          static_cast<uint16_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    }
  };
  std::vector<uint16_t> first;
  run(pass1, nullptr, first);
  if (pass1_tags) *pass1_tags = first;
  if (two_pass) {
    run(pass2, first.data(), words.tag);
  } else {
    words.tag = std::move(first);
  }
  words.upos.resize(n);
  words.xpos.resize(n);
  for (size_t i = 0; i < n; ++i) {
    words.upos[i] = classes[words.tag[i]].first;
    words.xpos[i] = classes[words.tag[i]].second;
  }
}

void Tagger::write(std::string& out) const {
  put_u32(out, static_cast<uint32_t>(classes.size()));
  for (auto [u, x] : classes) {
    out.push_back(static_cast<char>(u));
    out.push_back(static_cast<char>(x));
  }
  put_u32(out, two_pass ? 1 : 0);
  pass1.write(out);
  if (two_pass) pass2.write(out);
}

bool Tagger::read(std::string_view& in) {
  uint32_t count, two;
  if (!get_u32(in, count) || count == 0 || count > 60000 || in.size() < 2 * count) return false;
  classes.clear();
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t u = static_cast<uint8_t>(in[0]), x = static_cast<uint8_t>(in[1]);
    if (u > static_cast<uint8_t>(Upos::kX)) return false;
    classes.emplace_back(static_cast<Upos>(u), x);
    in.remove_prefix(2);
  }
  if (!get_u32(in, two)) return false;
  two_pass = two == 1;
  if (!pass1.read(in) || pass1.classes() != static_cast<int>(count)) return false;
  if (two_pass && (!pass2.read(in) || pass2.classes() != static_cast<int>(count))) return false;
  return true;
}

}  // namespace crosscheck::syntax
