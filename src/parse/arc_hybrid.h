// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the buffer, and its
// dynamic oracle (Goldberg & Nivre 2013). Words are 0..n-1 and the root is n.
//
//   SHIFT     push the buffer front b onto the stack            (b < n)
//   LEFT(l)   s0 ← b: head of s0 is b with relation l; pop s0    (stack non-empty; to the root only when
//                                                                 s0 is the last word on the stack)
//   RIGHT(l)  s1 → s0: head of s0 is s1 with relation l; pop s0  (stack has two words)
//
// Every sequence of valid transitions ends in a tree with exactly one word attached to the root. A
// ParserState is a plain value (thread-compatible); the functions are pure and thread-safe.
#ifndef DATELINE_PARSE_ARC_HYBRID_H_
#define DATELINE_PARSE_ARC_HYBRID_H_

#include <cstdint>
#include <vector>

namespace dateline {

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

// Transition classes: 0 = SHIFT, 1..L = LEFT(label 0..L-1), L+1..2L = RIGHT(label 0..L-1).
inline int NumTransitions(int num_labels) { return 1 + 2 * num_labels; }
inline Move MoveOf(int t, int num_labels) {
  return t == 0 ? Move::kShift : (t <= num_labels ? Move::kLeft : Move::kRight);
}
inline int LabelOf(int t, int num_labels) { return t == 0 ? -1 : (t <= num_labels ? t - 1 : t - 1 - num_labels); }

struct ParserState {
  int n = 0;                 // number of words; the root is n
  int b = 0;                 // buffer front; the buffer is b, b+1, …, n
  std::vector<int> stack;
  std::vector<int> head;     // per word (n+1 entries), -1 when unattached; n means the root
  std::vector<int> label;    // relation index per word, -1 when unattached
  std::vector<int> lc1, lc2, rc1, rc2;  // two leftmost / rightmost dependents, -1 when none
  std::vector<uint8_t> nl, nr;          // number of left / right dependents (saturating)

  // Resets to the initial state for n words (reuses capacity; no allocation after warm-up).
  void Init(int words);
  bool Terminal() const { return stack.empty() && b == n; }
  int S(int i) const { return static_cast<int>(stack.size()) > i ? stack[stack.size() - 1 - i] : -1; }
  bool CanShift() const { return b < n; }
  bool CanLeft() const { return !stack.empty() && (b < n || stack.size() == 1); }
  bool CanRight() const { return stack.size() >= 2; }
  bool Valid(Move m) const {
    return m == Move::kShift ? CanShift() : (m == Move::kLeft ? CanLeft() : CanRight());
  }
  // Applies a valid move; `l` is the relation for LEFT/RIGHT.
  void Apply(Move m, int l);

 private:
  void Attach(int h, int d, int l);
};

// Dynamic-oracle cost of each move (number of gold arcs it makes unreachable) in `s` for gold heads
// `gold_head` (n+1 entries; the root's dependent has head n). Invalid moves get a large cost.
void MoveCosts(const ParserState& s, const std::vector<int>& gold_head, int cost[3]);

}  // namespace dateline

#endif  // DATELINE_PARSE_ARC_HYBRID_H_
