#include <algorithm>

#include "core/ud.h"
#include "syntax/transition.h"

namespace crosscheck::syntax {
namespace {

constexpr uint64_t kNone = 0x1234567ull, kRootWord = 0x7654321ull;

struct Ctx {
  const Words& w;
  int n;
  uint64_t word(int i) const { return i < 0 ? kNone : i >= n ? kRootWord : w.lower_h[i]; }
  uint64_t tag(int i) const { return i < 0 ? 1000 : i >= n ? 1001 : w.xpos[i]; }
  uint64_t clus(int i, int k) const { return i < 0 ? kNone : i >= n ? kRootWord : w.cluster[i][k]; }
};

}  // namespace

void parser_inputs(Words& words) {
  const size_t n = words.size();
  words.punct_before.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    const bool punct = i < words.upos.size() && words.upos[i] == Upos::kPunct;
    words.punct_before[i + 1] = words.punct_before[i] + (punct ? 1 : 0);
  }
}

void parser_features(const Words& words, const State& st, std::vector<uint64_t>& out) {
  out.clear();
  const int n = st.n;
  Ctx c{words, n};
  const int s0 = st.s0();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= n ? st.b : -1;
  const int n1 = n0 >= 0 && n0 < n ? n0 + 1 : -1;
  const int n2 = n1 >= 0 && n1 < n ? n1 + 1 : -1;
  auto head_of = [&](int i) { return i >= 0 && i < n ? st.head[i] : -1; };
  auto get = [](const std::vector<int>& v, int i) { return i >= 0 ? v[i] : -1; };
  const int s0h = head_of(s0), s0h2 = head_of(s0h);
  const int s0l = get(st.lc1, s0), s0l2 = get(st.lc2, s0);
  const int s0r = get(st.rc1, s0), s0r2 = get(st.rc2, s0);
  const int n0l = get(st.lc1, n0), n0l2 = get(st.lc2, n0);
  auto lab = [&](int i) -> uint64_t { return i >= 0 && i < n ? st.label[i] + 2 : 0; };

  const uint64_t s0w = c.word(s0), s0p = c.tag(s0), n0w = c.word(n0), n0p = c.tag(n0);
  const uint64_t n1w = c.word(n1), n1p = c.tag(n1), n2w = c.word(n2), n2p = c.tag(n2);
  const uint64_t s1w = c.word(s1), s1p = c.tag(s1);
  uint64_t dist = 0;
  if (s0 >= 0 && n0 >= 0) {
    int d = n0 - s0;
    dist = n0 == n ? 99 : d <= 5 ? d : d <= 10 ? 6 : d <= 20 ? 7 : 8;
  }
  // Words between s0 and n0: the tags next to each end, and the punctuation count (0-3+).
  const bool inside = s0 >= 0 && n0 >= 0 && n0 < n && n0 - s0 > 1;
  const uint64_t s0np = inside ? c.tag(s0 + 1) : 1002, n0pp = inside ? c.tag(n0 - 1) : 1002;
  uint64_t punct = 4;
  if (s0 >= 0 && n0 >= 0) {
    punct = static_cast<uint64_t>(
        std::min(3, words.punct_before[std::min(n0, n)] - words.punct_before[s0 + 1]));
  }
  const uint64_t s0vl = s0 >= 0 ? st.nl[s0] : 0, s0vr = s0 >= 0 ? st.nr[s0] : 0;
  const uint64_t n0vl = n0 >= 0 ? st.nl[n0] : 0;
  auto lset = [&](int i) -> uint64_t { return i >= 0 ? feat(st.lset[i][0], st.lset[i][1]) : 0; };
  auto rset = [&](int i) -> uint64_t { return i >= 0 ? feat(st.rset[i][0], st.rset[i][1]) : 0; };
  uint64_t t = 0;
  auto add = [&](uint64_t h) { out.push_back(feat(++t, h)); };
  add(0);  // bias
  // single words
  add(feat(s0w, s0p));
  add(s0w);
  add(s0p);
  add(feat(n0w, n0p));
  add(n0w);
  add(n0p);
  add(feat(n1w, n1p));
  add(n1w);
  add(n1p);
  add(feat(n2w, n2p));
  add(n2w);
  add(n2p);
  add(feat(s1w, s1p));
  add(s1w);
  add(s1p);
  // pairs
  add(feat(s0w, s0p, n0w, n0p));
  add(feat(s0w, s0p, n0w));
  add(feat(s0w, n0w, n0p));
  add(feat(s0w, s0p, n0p));
  add(feat(s0p, n0w, n0p));
  add(feat(s0w, n0w));
  add(feat(s0p, n0p));
  add(feat(n0p, n1p));
  add(feat(s1p, s0p));
  add(feat(s1w, s0w));
  // three tags
  add(feat(n0p, n1p, n2p));
  add(feat(s0p, n0p, n1p));
  add(feat(c.tag(s0h), s0p, n0p));
  add(feat(s0p, c.tag(s0l), n0p));
  add(feat(s0p, c.tag(s0r), n0p));
  add(feat(s0p, n0p, c.tag(n0l)));
  add(feat(s1p, s0p, n0p));
  // distance
  add(feat(s0w, dist));
  add(feat(s0p, dist));
  add(feat(n0w, dist));
  add(feat(n0p, dist));
  add(feat(s0w, n0w, dist));
  add(feat(s0p, n0p, dist));
  // valency
  add(feat(s0w, s0vr));
  add(feat(s0p, s0vr));
  add(feat(s0w, s0vl));
  add(feat(s0p, s0vl));
  add(feat(n0w, n0vl));
  add(feat(n0p, n0vl));
  // unigrams of heads and children
  add(c.word(s0h));
  add(c.tag(s0h));
  add(lab(s0));
  add(c.word(s0l));
  add(c.tag(s0l));
  add(lab(s0l));
  add(c.word(s0r));
  add(c.tag(s0r));
  add(lab(s0r));
  add(c.word(n0l));
  add(c.tag(n0l));
  add(lab(n0l));
  // third order
  add(c.word(s0h2));
  add(c.tag(s0h2));
  add(lab(s0h));
  add(c.word(s0l2));
  add(c.tag(s0l2));
  add(lab(s0l2));
  add(c.word(s0r2));
  add(c.tag(s0r2));
  add(lab(s0r2));
  add(c.word(n0l2));
  add(c.tag(n0l2));
  add(lab(n0l2));
  add(feat(s0p, c.tag(s0l), c.tag(s0l2)));
  add(feat(s0p, c.tag(s0r), c.tag(s0r2)));
  add(feat(s0p, c.tag(s0h), c.tag(s0h2)));
  add(feat(n0p, c.tag(n0l), c.tag(n0l2)));
  // label sets
  add(feat(s0w, rset(s0)));
  add(feat(s0p, rset(s0)));
  add(feat(s0w, lset(s0)));
  add(feat(s0p, lset(s0)));
  add(feat(n0w, lset(n0)));
  add(feat(n0p, lset(n0)));
  // word clusters
  add(feat(c.clus(s0, 1), n0p));
  add(feat(s0p, c.clus(n0, 1)));
  add(feat(c.clus(s0, 0), c.clus(n0, 0)));
  add(feat(c.clus(s0, 2), c.clus(n0, 2)));
  add(feat(c.clus(s0, 1), c.clus(n0, 1), dist));
  add(feat(c.clus(n0, 1), c.clus(n1, 1)));
  add(feat(c.clus(s0, 2), n0w));
  add(feat(s0w, c.clus(n0, 2)));
  // context between s0 and n0
  add(feat(s0p, s0np, n0p));
  add(feat(s0p, n0pp, n0p));
  add(feat(s0p, s0np, n0pp, n0p));
  add(feat(s0p, n0p, punct));
  add(feat(s0w, n0p, punct));
  add(feat(s0p, n0w, punct));
  add(feat(s0p, n0p, dist, punct));
  // more word clusters
  add(feat(c.clus(s1, 1), s0p, n0p));
  add(feat(s0p, c.clus(n0, 1), n1p));
  add(feat(c.clus(s0h, 1), c.clus(s0, 1), n0p));
  add(feat(c.clus(s0, 0), n0p, c.clus(n0, 0)));
}

void finish_tree(const State& st, const std::vector<uint8_t>& labels, Words& words) {
  const int n = st.n;
  words.head.assign(n, -1);
  words.deprel.assign(n, 0);
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (st.head[i] >= 0 && st.head[i] < n) continue;
    if (st.head[i] == n && root < 0) root = i;
  }
  if (root < 0) {
    for (int i = 0; i < n; ++i) {
      if (st.head[i] < 0 || st.head[i] >= n) {
        root = i;
        break;
      }
    }
  }
  const uint8_t root_label = deprel_from_name("root");
  const uint8_t extra_label = deprel_from_name("parataxis");
  for (int i = 0; i < n; ++i) {
    int h = st.head[i];
    int lab = st.label[i];
    if (i == root) {
      words.head[i] = -1;
      words.deprel[i] = root_label;
    } else if (h >= 0 && h < n) {
      words.head[i] = h;
      words.deprel[i] = lab >= 0 && lab < static_cast<int>(labels.size()) ? labels[lab] : 0;
      if (words.deprel[i] == root_label) words.deprel[i] = extra_label;
    } else {
      words.head[i] = root;
      words.deprel[i] = extra_label;
    }
  }
}

void Parser::parse(Words& words) const {
  const int n = static_cast<int>(words.size());
  if (n == 0) return;
  parser_inputs(words);
  State st;
  st.init(n);
  std::vector<uint64_t> features;
  std::vector<float> scores(actions());
  while (!st.terminal()) {
    parser_features(words, st, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    weights.score(features, scores.data());
    int action = best_valid(st, scores.data(), actions());
    if (action < 0) break;
    st.apply(action);
  }
  finish_tree(st, labels, words);
}

void Parser::write(std::string& out) const {
  put_u32(out, static_cast<uint32_t>(labels.size()));
  for (uint8_t l : labels) out.push_back(static_cast<char>(l));
  weights.write(out);
}

bool Parser::read(std::string_view& in) {
  uint32_t count;
  if (!get_u32(in, count) || count == 0 || count > 255 || in.size() < count) return false;
  labels.assign(in.begin(), in.begin() + count);
  in.remove_prefix(count);
  if (!weights.read(in)) return false;
  return weights.classes() == actions();
}

}  // namespace crosscheck::syntax
