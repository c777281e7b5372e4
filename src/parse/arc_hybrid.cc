#include "parse/arc_hybrid.h"

#include <cstddef>

namespace dateline {

void ParserState::Init(int words) {
  n = words;
  b = 0;
  stack.clear();
  head.assign(n + 1, -1);
  label.assign(n + 1, -1);
  lc1.assign(n + 1, -1);
  lc2.assign(n + 1, -1);
  rc1.assign(n + 1, -1);
  rc2.assign(n + 1, -1);
  nl.assign(n + 1, 0);
  nr.assign(n + 1, 0);
}

void ParserState::Attach(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  if (d < h) {
    if (lc1[h] == -1 || d < lc1[h]) {
      lc2[h] = lc1[h];
      lc1[h] = d;
    } else if (lc2[h] == -1 || d < lc2[h]) {
      lc2[h] = d;
    }
    if (nl[h] < 255) ++nl[h];
  } else {
    if (rc1[h] == -1 || d > rc1[h]) {
      rc2[h] = rc1[h];
      rc1[h] = d;
    } else if (rc2[h] == -1 || d > rc2[h]) {
      rc2[h] = d;
    }
    if (nr[h] < 255) ++nr[h];
  }
}

void ParserState::Apply(Move m, int l) {
  switch (m) {
    case Move::kShift:
      stack.push_back(b++);
      break;
    case Move::kLeft: {
      int s0 = stack.back();
      stack.pop_back();
      Attach(b, s0, l);
      break;
    }
    case Move::kRight: {
      int s0 = stack.back();
      stack.pop_back();
      Attach(stack.back(), s0, l);
      break;
    }
  }
}

void MoveCosts(const ParserState& s, const std::vector<int>& gh, int cost[3]) {
  constexpr int kInvalid = 1 << 20;
  const int s0 = s.S(0), s1 = s.S(1), b = s.b, n = s.n;
  // Dependents of x still in the buffer (words b..n-1).
  auto deps_in_buffer = [&](int x) {
    int c = 0;
    for (int k = b; k < n; ++k) c += gh[k] == x;
    return c;
  };
  cost[0] = cost[1] = cost[2] = kInvalid;
  if (s.CanShift()) {
    int c = 0;
    for (std::size_t i = 0; i < s.stack.size(); ++i) {
      int k = s.stack[i];
      c += gh[k] == b;                        // a stack word whose head is b
      c += (gh[b] == k && k != s0);           // b's head deeper in the stack
    }
    cost[0] = c;
  }
  if (s.CanLeft()) {
    int c = deps_in_buffer(s0);
    if (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b)) ++c;
    cost[1] = c;
  }
  if (s.CanRight()) {
    int c = deps_in_buffer(s0);
    if (gh[s0] != s1 && gh[s0] >= b) ++c;
    cost[2] = c;
  }
}

}  // namespace dateline
