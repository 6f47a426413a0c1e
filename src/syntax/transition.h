// Arc-eager transition system with the root at the end of the buffer (Ballesteros & Nivre
// 2013) and the Zhang & Nivre (2011) rich non-local feature set. Internal to the syntax stage.
#pragma once

#include <algorithm>
#include <array>
#include <vector>

#include "syntax/model.h"

namespace crosscheck::syntax {

enum Action : int { kShift = 0, kReduce = 1 };
inline int left_action(int label) { return 2 + 2 * label; }
inline int right_action(int label) { return 3 + 2 * label; }
inline bool is_left(int action) { return action >= 2 && action % 2 == 0; }
inline bool is_right(int action) { return action >= 3 && action % 2 == 1; }
inline int action_label(int action) { return (action - 2) / 2; }

struct State {
  int n = 0;  // words; index n is ROOT
  std::vector<int> stack;
  int b = 0;
  std::vector<int> head, label;                     // -1 when none
  std::vector<int> lc1, lc2, rc1, rc2;              // nearest-to-edge children, -1 when none
  std::vector<uint8_t> nl, nr;                      // valencies
  std::vector<std::array<uint64_t, 2>> lset, rset;  // label sets of left/right children

  void init(int words) {
    n = words;
    stack.clear();
    b = 0;
    head.assign(n + 1, -1);
    label.assign(n + 1, -1);
    lc1.assign(n + 1, -1);
    lc2.assign(n + 1, -1);
    rc1.assign(n + 1, -1);
    rc2.assign(n + 1, -1);
    nl.assign(n + 1, 0);
    nr.assign(n + 1, 0);
    lset.assign(n + 1, {0, 0});
    rset.assign(n + 1, {0, 0});
  }
  bool terminal() const { return b >= n && stack.empty(); }
  int s0() const { return stack.empty() ? -1 : stack.back(); }
  bool valid(int action) const {
    if (action == kShift) return b < n;
    if (action == kReduce) return !stack.empty() && head[stack.back()] >= 0;
    if (stack.empty()) return false;
    int lab = action_label(action);
    if (is_left(action)) {
      if (head[stack.back()] >= 0) return false;
      return b == n ? lab == 0 : lab != 0;
    }
    return b < n && lab != 0;  // right-arc never makes a root
  }
  void add_arc(int h, int d, int lab) {
    head[d] = h;
    label[d] = lab;
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
      if (nl[h] < 255) ++nl[h];
      lset[h][lab >> 6] |= uint64_t{1} << (lab & 63);
    } else {
      if (rc1[h] < 0 || d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (rc2[h] < 0 || d > rc2[h]) {
        rc2[h] = d;
      }
      if (nr[h] < 255) ++nr[h];
      rset[h][lab >> 6] |= uint64_t{1} << (lab & 63);
    }
  }
  void apply(int action) {
    if (action == kShift) {
      stack.push_back(b++);
    } else if (action == kReduce) {
      stack.pop_back();
    } else if (is_left(action)) {
      add_arc(b, stack.back(), action_label(action));
      stack.pop_back();
    } else {
      add_arc(stack.back(), b, action_label(action));
      stack.push_back(b++);
    }
  }
};

// Fills the parser's derived inputs of tagged words (`punct_before`).
void parser_inputs(Words& words);

// Parser features of a state over tagged words (parser_inputs() done).
void parser_features(const Words& words, const State& state, std::vector<uint64_t>& out);

// Picks the best valid action by score; -1 when none is valid.
inline int best_valid(const State& state, const float* scores, int actions) {
  int best = -1;
  for (int a = 0; a < actions; ++a) {
    if (state.valid(a) && (best < 0 || scores[a] > scores[best])) best = a;
  }
  return best;
}

// Makes `words.head`/`deprel` from a finished state: one root per sentence (further roots hang
// from the first), every word attached.
void finish_tree(const State& state, const std::vector<uint8_t>& labels, Words& words);

}  // namespace crosscheck::syntax
