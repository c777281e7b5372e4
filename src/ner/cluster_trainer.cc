#include "ner/cluster_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <numeric>

namespace dateline {
namespace {

// Coarse shape of a context word that is not known by identity.
uint32_t ShapeBucket(const std::string& w) {
  bool digit = false, upper_first = false, letter = false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    digit |= c >= '0' && c <= '9';
    letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80);
    if (i == 0) upper_first = c >= 'A' && c <= 'Z';
  }
  if (digit) return 2;
  if (upper_first) return 0;
  return letter ? 1 : 3;
}

// Rows of a sparse matrix (one per word to cluster), L2-normalised.
struct Sparse {
  std::vector<size_t> begin;  // size rows + 1
  std::vector<uint32_t> col;
  std::vector<float> val;
  size_t dims = 0;

  double Dot(uint32_t row, const std::vector<float>& dense) const {
    double s = 0;
    for (size_t k = begin[row]; k < begin[row + 1]; ++k) s += val[k] * dense[col[k]];
    return s;
  }
  void AddTo(uint32_t row, double scale, std::vector<double>* dense) const {
    for (size_t k = begin[row]; k < begin[row + 1]; ++k) (*dense)[col[k]] += scale * val[k];
  }
};

void Normalise(std::vector<double>* v) {
  double n = 0;
  for (double x : *v) n += x * x;
  n = std::sqrt(n);
  if (n > 0) {
    for (double& x : *v) x /= n;
  }
}

std::vector<float> ToFloat(const std::vector<double>& v) { return std::vector<float>(v.begin(), v.end()); }

// Splits `members` (sorted by frequency rank) in two; false when no useful split exists. side[i] is 0 or 1
// for members[i]; the most frequent member is on side 0.
bool Split(const Sparse& m, const std::vector<uint32_t>& members, const ClusterTrainOptions& options,
           std::vector<uint8_t>* side) {
  const size_t n = members.size();
  std::vector<double> mean(m.dims, 0.0);
  for (uint32_t r : members) m.AddTo(r, 1.0 / n, &mean);
  // Principal direction of the centred rows, by the power method from (most frequent row - mean).
  std::vector<double> v(m.dims, 0.0);
  m.AddTo(members[0], 1.0, &v);
  for (size_t d = 0; d < m.dims; ++d) v[d] -= mean[d];
  Normalise(&v);
  const std::vector<float> meanf = ToFloat(mean);
  std::vector<double> next(m.dims);
  for (int it = 0; it < options.power_iterations; ++it) {
    const std::vector<float> vf = ToFloat(v);
    double mv = 0;
    for (size_t d = 0; d < m.dims; ++d) mv += mean[d] * v[d];
    std::fill(next.begin(), next.end(), 0.0);
    double total = 0;
    for (uint32_t r : members) {
      const double p = m.Dot(r, vf) - mv;
      m.AddTo(r, p, &next);
      total += p;
    }
    for (size_t d = 0; d < m.dims; ++d) next[d] -= total * mean[d];
    Normalise(&next);
    v.swap(next);
  }
  side->assign(n, 0);
  {
    const std::vector<float> vf = ToFloat(v);
    double mv = 0;
    for (size_t d = 0; d < m.dims; ++d) mv += mean[d] * v[d];
    for (size_t i = 0; i < n; ++i) (*side)[i] = m.Dot(members[i], vf) - mv > 0 ? 1 : 0;
  }
  // Spherical 2-means from that split.
  std::vector<double> c[2] = {std::vector<double>(m.dims), std::vector<double>(m.dims)};
  for (int it = 0; it < options.iterations; ++it) {
    std::fill(c[0].begin(), c[0].end(), 0.0);
    std::fill(c[1].begin(), c[1].end(), 0.0);
    size_t sizes[2] = {0, 0};
    for (size_t i = 0; i < n; ++i) {
      m.AddTo(members[i], 1.0, &c[(*side)[i]]);
      ++sizes[(*side)[i]];
    }
    if (sizes[0] == 0 || sizes[1] == 0) break;
    Normalise(&c[0]);
    Normalise(&c[1]);
    const std::vector<float> c0 = ToFloat(c[0]), c1 = ToFloat(c[1]);
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint8_t s = m.Dot(members[i], c1) > m.Dot(members[i], c0) ? 1 : 0;
      changed += s != (*side)[i];
      (*side)[i] = s;
    }
    if (changed == 0) break;
  }
  size_t ones = 0;
  for (uint8_t s : *side) ones += s;
  if (ones < options.min_leaf || n - ones < options.min_leaf) return false;
  if ((*side)[0] == 1) {
    for (uint8_t& s : *side) s ^= 1;
  }
  return true;
}

// Predictive exchange clustering into k classes. Rows of `pred_begin`/`pred`/`pred_count`: for each word
// to cluster (by rank), its distinct predecessors (0..preds-1) and bigram counts; `total`: its count as a
// successor. `xlogx[n]` = n log n. Fills class_of (size words).
void Exchange(const std::vector<size_t>& pred_begin, const std::vector<uint32_t>& pred,
              const std::vector<uint32_t>& pred_count, const std::vector<uint64_t>& total, size_t preds,
              int k, int max_iterations, const std::vector<double>& xlogx, std::vector<uint32_t>* class_of,
              std::ostream* log) {
  const size_t words = total.size();
  const size_t kk = static_cast<size_t>(k);
  std::vector<int32_t> joint(preds * kk, 0);  // N(predecessor, class)
  std::vector<int64_t> size(kk, 0);           // N(class)
  class_of->resize(words);
  for (size_t w = 0; w < words; ++w) {
    const uint32_t c = static_cast<uint32_t>(w % kk);
    (*class_of)[w] = c;
    size[c] += static_cast<int64_t>(total[w]);
    for (size_t j = pred_begin[w]; j < pred_begin[w + 1]; ++j) joint[pred[j] * kk + c] += pred_count[j];
  }
  std::vector<double> delta(kk);
  for (int it = 0; it < max_iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < words; ++w) {
      const uint32_t from = (*class_of)[w];
      const int64_t n = static_cast<int64_t>(total[w]);
      for (size_t j = pred_begin[w]; j < pred_begin[w + 1]; ++j) joint[pred[j] * kk + from] -= pred_count[j];
      size[from] -= n;
      for (size_t c = 0; c < kk; ++c) delta[c] = xlogx[size[c]] - xlogx[size[c] + n];
      for (size_t j = pred_begin[w]; j < pred_begin[w + 1]; ++j) {
        const int32_t* row = &joint[pred[j] * kk];
        const uint32_t m = pred_count[j];
        for (size_t c = 0; c < kk; ++c) delta[c] += xlogx[row[c] + m] - xlogx[row[c]];
      }
      uint32_t best = from;
      for (size_t c = 0; c < kk; ++c) {
        if (delta[c] > delta[best] + 1e-9) best = static_cast<uint32_t>(c);
      }
      for (size_t j = pred_begin[w]; j < pred_begin[w + 1]; ++j) joint[pred[j] * kk + best] += pred_count[j];
      size[best] += n;
      (*class_of)[w] = best;
      moved += best != from;
    }
    if (log) *log << "clusters: " << k << " classes, pass " << it + 1 << ": " << moved << " words moved\n";
    if (moved * 1000 < words) break;
  }
}

StatusOr<WordClusters> TrainByExchange(const std::vector<uint32_t>& seq, const std::vector<uint32_t>& rank,
                                       const std::vector<uint32_t>& shape, size_t vocab,
                                       const ClusterTrainOptions& options, std::ostream* log) {
  int bits_total = 0;
  std::vector<uint8_t> prefixes;
  for (int k : options.classes) {
    if (k < 2 || (k & (k - 1)) != 0)
      return Status::InvalidArgument("clusters: class counts must be powers of two");
    bits_total += __builtin_ctz(static_cast<unsigned>(k));
    prefixes.push_back(static_cast<uint8_t>(bits_total));
  }
  if (bits_total > 30 || options.classes.empty()) {
    return Status::InvalidArgument("clusters: between 1 and 30 bits of classes");
  }
  prefixes.pop_back();                          // the last prefix is the whole path
  if (prefixes.size() > 2) prefixes.resize(2);  // the coarsest two
  // Predecessors: the clustered words, then 4 shapes of rarer words, then the sentence start.
  const size_t preds = vocab + 5;
  const uint32_t start = static_cast<uint32_t>(vocab + 4);
  std::vector<uint64_t> pairs;
  uint32_t prev = start;
  for (uint32_t id : seq) {
    if (id == ClusterCorpus::kBoundary) {
      prev = start;
      continue;
    }
    const uint32_t r = rank[id];
    if (r < vocab) pairs.push_back(static_cast<uint64_t>(r) << 32 | prev);
    prev = r < vocab ? r : static_cast<uint32_t>(vocab + shape[id]);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<size_t> begin(vocab + 1, 0);
  std::vector<uint32_t> pred, count;
  std::vector<uint64_t> total(vocab, 0);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t w = static_cast<uint32_t>(pairs[i] >> 32);
    pred.push_back(static_cast<uint32_t>(pairs[i] & 0xffffffffu));
    count.push_back(static_cast<uint32_t>(j - i));
    ++begin[w + 1];
    total[w] += j - i;
    i = j;
  }
  for (size_t w = 0; w < vocab; ++w) begin[w + 1] += begin[w];
  std::vector<double> xlogx(pairs.size() + 2, 0.0);
  for (size_t x = 1; x < xlogx.size(); ++x)
    xlogx[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  if (log) *log << "clusters: " << pred.size() << " distinct bigrams\n";
  std::vector<uint32_t> code(vocab, 1), class_of;
  for (int k : options.classes) {
    Exchange(begin, pred, count, total, preds, k, options.exchange_iterations, xlogx, &class_of, log);
    const int bits = __builtin_ctz(static_cast<unsigned>(k));
    for (size_t w = 0; w < vocab; ++w) code[w] = code[w] << bits | class_of[w];
  }
  return WordClusters(std::vector<std::string>(), std::move(code), std::move(prefixes));
}

}  // namespace

void ClusterCorpus::AddSentence(const std::vector<std::string_view>& words) {
  size_t added = 0;
  for (std::string_view w : words) {
    if (w.empty()) continue;
    auto [it, fresh] = ids_.emplace(std::string(w), static_cast<uint32_t>(names_.size()));
    if (fresh) {
      names_.emplace_back(w);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    sequence_.push_back(it->second);
    ++added;
  }
  if (added == 0) return;
  sequence_.push_back(kBoundary);
  tokens_ += added;
  ++sentences_;
}

StatusOr<WordClusters> TrainClusters(const ClusterCorpus& corpus, const ClusterTrainOptions& options,
                                     std::ostream* log) {
  const auto t0 = std::chrono::steady_clock::now();
  const size_t types = corpus.names_.size();
  // Rank the words by frequency (ties by spelling, for determinism).
  std::vector<uint32_t> order(types);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (corpus.counts_[a] != corpus.counts_[b]) return corpus.counts_[a] > corpus.counts_[b];
    return corpus.names_[a] < corpus.names_[b];
  });
  std::vector<uint32_t> rank(types);
  for (size_t r = 0; r < types; ++r) rank[order[r]] = static_cast<uint32_t>(r);
  size_t vocab = 0;
  while (vocab < types && vocab < options.max_words && corpus.counts_[order[vocab]] >= options.min_count)
    ++vocab;
  if (vocab < 2 * options.min_leaf) {
    return Status::InvalidArgument("clusters: only " + std::to_string(vocab) + " words are seen at least " +
                                   std::to_string(options.min_count) + " times; give more text");
  }
  // Context dimensions: 4 positions (-2, -1, +1, +2) x (known words, 4 shapes, sentence edge).
  const size_t known = std::min(options.context_words, types);
  const uint32_t per_slot = static_cast<uint32_t>(known + 5);
  std::vector<uint32_t> ctx_of(types);
  for (size_t id = 0; id < types; ++id) {
    ctx_of[id] = rank[id] < known ? rank[id] : static_cast<uint32_t>(known + ShapeBucket(corpus.names_[id]));
  }
  if (options.method == "exchange") {
    std::vector<uint32_t> shape(types);
    for (size_t id = 0; id < types; ++id) shape[id] = ShapeBucket(corpus.names_[id]);
    if (log) {
      *log << "clusters: " << corpus.tokens_ << " tokens, " << corpus.sentences_ << " sentences, " << types
           << " word types, " << vocab << " clustered\n";
    }
    ASSIGN_OR_RETURN(auto flat, TrainByExchange(corpus.sequence_, rank, shape, vocab, options, log));
    std::vector<std::string> words(vocab);
    for (size_t r = 0; r < vocab; ++r) words[r] = corpus.names_[order[r]];
    if (log) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      *log << "clusters: " << vocab << " words in " << secs << " s\n";
    }
    return WordClusters(std::move(words), flat.codes(), flat.prefixes());
  }
  if (options.method != "bisect")
    return Status::InvalidArgument("clusters: unknown method " + options.method);
  const uint32_t edge = static_cast<uint32_t>(known + 4);
  std::vector<uint64_t> pairs;
  pairs.reserve(corpus.tokens_ * 4);
  const auto& seq = corpus.sequence_;
  const uint32_t kB = ClusterCorpus::kBoundary;
  auto context = [&](size_t p, int offset) -> uint32_t {
    // Position p + offset within the sentence of p, or the sentence edge.
    size_t q = p;
    const int step = offset < 0 ? -1 : 1;
    for (int k = 0; k != offset; k += step) {
      if (step < 0 && q == 0) return edge;
      q += step;
      if (q >= seq.size() || seq[q] == kB) return edge;
    }
    return ctx_of[seq[q]];
  };
  static const int kOffsets[4] = {-2, -1, 1, 2};
  for (size_t p = 0; p < seq.size(); ++p) {
    if (seq[p] == kB) continue;
    const uint32_t r = rank[seq[p]];
    if (r >= vocab) continue;
    for (int s = 0; s < 4; ++s) {
      const uint32_t dim = static_cast<uint32_t>(s) * per_slot + context(p, kOffsets[s]);
      pairs.push_back(static_cast<uint64_t>(r) << 32 | dim);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  // Positive PMI with context-distribution smoothing (counts^0.75).
  Sparse m;
  m.dims = 4 * per_slot;
  std::vector<double> ctx_count(m.dims, 0.0), row_count(vocab, 0.0);
  for (uint64_t key : pairs) {
    ctx_count[key & 0xffffffffu] += 1;
    row_count[key >> 32] += 1;
  }
  double smoothed_total = 0;
  for (double& c : ctx_count) {
    c = std::pow(c, 0.75);
    smoothed_total += c;
  }
  m.begin.assign(vocab + 1, 0);
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    const uint32_t row = static_cast<uint32_t>(pairs[i] >> 32),
                   dim = static_cast<uint32_t>(pairs[i] & 0xffffffffu);
    const double pmi =
        std::log((static_cast<double>(j - i) / row_count[row]) / (ctx_count[dim] / smoothed_total));
    if (pmi > 0) {
      m.col.push_back(dim);
      m.val.push_back(static_cast<float>(pmi));
      ++m.begin[row + 1];
    }
    i = j;
  }
  std::vector<uint64_t>().swap(pairs);
  for (size_t r = 0; r < vocab; ++r) m.begin[r + 1] += m.begin[r];
  for (size_t r = 0; r < vocab; ++r) {
    double n = 0;
    for (size_t k = m.begin[r]; k < m.begin[r + 1]; ++k) n += static_cast<double>(m.val[k]) * m.val[k];
    n = std::sqrt(n);
    for (size_t k = m.begin[r]; k < m.begin[r + 1]; ++k) m.val[k] = static_cast<float>(m.val[k] / n);
  }
  if (log) {
    *log << "clusters: " << corpus.tokens_ << " tokens, " << corpus.sentences_ << " sentences, " << types
         << " word types, " << vocab << " clustered, " << m.val.size() << " context weights\n";
  }
  // Bisect, breadth first.
  std::vector<uint32_t> code(vocab, 1);
  struct Node {
    std::vector<uint32_t> members;
    uint32_t code;
    int depth;
  };
  std::deque<Node> queue;
  {
    Node root{std::vector<uint32_t>(vocab), 1, 0};
    std::iota(root.members.begin(), root.members.end(), 0);
    queue.push_back(std::move(root));
  }
  std::vector<uint8_t> side;
  size_t leaves = 0;
  int depth_logged = -1;
  while (!queue.empty()) {
    Node node = std::move(queue.front());
    queue.pop_front();
    if (log && node.depth != depth_logged) {
      depth_logged = node.depth;
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      *log << "clusters: depth " << node.depth << " (" << queue.size() + 1 << " to split, " << leaves
           << " leaves, " << static_cast<int>(secs) << " s)\n";
    }
    if (node.depth >= options.max_depth || node.members.size() < 2 * options.min_leaf ||
        !Split(m, node.members, options, &side)) {
      for (uint32_t r : node.members) code[r] = node.code;
      ++leaves;
      continue;
    }
    Node child[2];
    for (int s = 0; s < 2; ++s) {
      child[s].code = node.code << 1 | static_cast<uint32_t>(s);
      child[s].depth = node.depth + 1;
    }
    for (size_t i = 0; i < node.members.size(); ++i) child[side[i]].members.push_back(node.members[i]);
    queue.push_back(std::move(child[0]));
    queue.push_back(std::move(child[1]));
  }
  std::vector<std::string> words(vocab);
  for (size_t r = 0; r < vocab; ++r) words[r] = corpus.names_[order[r]];
  if (log) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    *log << "clusters: " << leaves << " clusters of " << vocab << " words in " << secs << " s\n";
  }
  return WordClusters(std::move(words), std::move(code));
}

}  // namespace dateline
