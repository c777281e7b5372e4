// LinearModel: the sparse weights of a multi-class linear classifier (an averaged perceptron after
// training), keyed by hashed features.
//
// Each feature maps to a short list of (class, weight) pairs; Score() adds them into a dense score
// vector. Lookup is an open-addressing table of 64-bit feature hashes (load at most one half); a model
// read from a file keeps 16-bit weights, the shortest lists inside the table. Immutable after Build/Read:
// Score() is const and thread-safe; it allocates nothing.
#ifndef DATELINE_TAG_LINEAR_MODEL_H_
#define DATELINE_TAG_LINEAR_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/status.h"
#include "tag/byte_io.h"

namespace dateline {

class LinearModel {
 public:
  struct Weight {
    uint32_t cls;
    float w;
  };

  LinearModel() = default;
  // Builds from per-feature weight lists (features with an empty list are skipped).
  static LinearModel Build(uint32_t num_classes, std::vector<std::pair<uint64_t, std::vector<Weight>>> rows);

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return num_weights_; }

  // Adds the weights of features[0..n) to scores[0..num_classes()); unknown features add nothing.
  // Lookups are issued in batches with prefetches so their cache misses overlap. For each class the
  // weights are added in feature order, so the sums do not depend on how the table is laid out.
  void Score(const uint64_t* features, size_t n, float* scores) const {
    ScoreClasses(features, n, 0, num_classes_, scores);
  }
  // As Score for the classes in [lo, hi): each of those gets exactly the sum Score gives it, while the
  // dense rows are read over that range only. The other classes get partial sums (unspecified). For callers
  // that know some classes cannot be chosen.
  void ScoreRange(const uint64_t* features, size_t n, uint32_t lo, uint32_t hi, float* scores) const {
    ScoreClasses(features, n, lo, hi < num_classes_ ? hi : num_classes_, scores);
  }

  // Weights are stored as 16-bit quantised values with one scale (see doc/formats/models.md).
  void Write(ByteWriter* out) const;
  // Fails with Corruption on malformed data.
  Status Read(ByteReader* in);

 private:
  // A model read from a file keeps its 16-bit weights: the weight is q * scale_, computed as a float the
  // same way for every use, and a feature with at most kInline weights keeps them in its slot (most rare
  // features: their lookup then touches one cache line, not two).
  static constexpr uint32_t kInline = 2;
  // A quantised feature with weights for at least a quarter of the classes (the frequent ones, which
  // carry most of the work) also has a dense row of all its class weights (0 for the others), added with
  // vector instructions; adding 0 leaves a score unchanged, so the sums are the same. Its slot's cls[0]
  // is kDenseRow and u.begin the row number.
  static constexpr uint8_t kDenseRow = 1;
  // scores[c] += row[c] * scale_ for every class c in [lo, hi), each product and sum rounded as in the
  // scalar loop.
  void AddRow(const int16_t* row, uint32_t lo, uint32_t hi, float* scores) const;

  void ScoreClasses(const uint64_t* features, size_t n, uint32_t lo, uint32_t hi, float* scores) const {
    constexpr size_t kBatch = 128;
    const Slot* found[kBatch];
    for (size_t base = 0; base < n; base += kBatch) {
      const size_t m = n - base < kBatch ? n - base : kBatch;
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots_[static_cast<size_t>(features[base + i]) & mask_]);
      size_t hits = 0;
      for (size_t i = 0; i < m; ++i) {
        const Slot* s = Find(features[base + i]);
        if (!s) continue;
        found[hits++] = s;
        if (quantised_ && s->len <= kInline) continue;  // weights are in the slot
        // The whole list: the frequent features, met at almost every decision, have the long lists.
        const char* p;
        const char* end;
        if (!quantised_) {
          p = reinterpret_cast<const char*>(weights_.data() + s->u.begin);
          end = p + s->len * sizeof(Weight);
        } else if (s->cls[0] == kDenseRow) {
          const int16_t* row = dense_.data() + static_cast<size_t>(s->u.begin) * stride_;
          p = reinterpret_cast<const char*>(row + lo);
          end = reinterpret_cast<const char*>(row + hi);
        } else {
          p = reinterpret_cast<const char*>(qweights_.data() + s->u.begin);
          end = p + s->len * sizeof(QWeight);
        }
        for (; p < end; p += 64) __builtin_prefetch(p);
      }
      if (quantised_) {
        for (size_t h = 0; h < hits; ++h) {
          const Slot& s = *found[h];
          if (s.len <= kInline) {
            for (uint32_t k = 0; k < s.len; ++k) scores[s.cls[k]] += static_cast<float>(s.u.q[k]) * scale_;
          } else if (s.cls[0] == kDenseRow) {
            AddRow(dense_.data() + static_cast<size_t>(s.u.begin) * stride_, lo, hi, scores);
          } else {
            const QWeight* w = qweights_.data() + s.u.begin;
            for (uint32_t k = 0; k < s.len; ++k) scores[w[k].cls] += static_cast<float>(w[k].q) * scale_;
          }
        }
      } else {
        for (size_t h = 0; h < hits; ++h) {
          const Weight* w = weights_.data() + found[h]->u.begin;
          for (uint32_t k = 0; k < found[h]->len; ++k) scores[w[k].cls] += w[k].w;
        }
      }
    }
  }
  struct QWeight {
    int16_t q;
    uint8_t cls;
    uint8_t unused;
  };
  struct Slot {
    uint64_t key;     // 0 = empty
    uint16_t len;     // number of weights
    uint8_t cls[2];   // quantised, len <= kInline: the classes of the weights in u.q; else cls[0] is
                      // kDenseRow for a feature with a dense row
    union {
      uint32_t begin; // first weight in weights_ (Build) or qweights_ (Read, len > kInline), or the row
      int16_t q[2];   // quantised, len <= kInline: the weights
    } u;
  };
  static_assert(sizeof(Slot) == 16, "four slots per cache line");

  const Slot* Find(uint64_t key) const {
    size_t i = static_cast<size_t>(key) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  // Sizes the table for `count` features and empties it.
  void Reset(size_t count);
  // The free slot for a new key.
  Slot* Insert(uint64_t key);

  uint32_t num_classes_ = 0;
  size_t num_features_ = 0;
  size_t num_weights_ = 0;
  size_t mask_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1, Slot{});
  std::vector<Weight> weights_;     // models made by Build (training): float weights
  bool quantised_ = false;          // models made by Read: weights in qweights_ or in the slots
  float scale_ = 1.0f;
  std::vector<QWeight> qweights_;
  std::vector<uint64_t> file_order_;  // Read: keys in file order, so Write gives back the same bytes
  size_t stride_ = 0;                 // int16 values per dense row (num_classes_ rounded up to 8)
  std::vector<int16_t> dense_;        // dense rows
  std::vector<uint32_t> row_list_;    // per dense row: the feature's list in qweights_ (for Write)
};

}  // namespace dateline

#endif  // DATELINE_TAG_LINEAR_MODEL_H_
