// LinearModel: the sparse weights of a multi-class linear classifier (an averaged perceptron after
// training), keyed by hashed features.
//
// Each feature maps to a short list of (class, weight) pairs; Score() adds them into a dense score
// vector. Lookup is an open-addressing table of 64-bit feature hashes. Immutable after Build/Read:
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
  size_t num_weights() const { return quantised_ ? qweights_.size() : weights_.size(); }

  // Adds the weights of features[0..n) to scores[0..num_classes()); unknown features add nothing.
  // Lookups are issued in batches with prefetches so their cache misses overlap. For each class the
  // weights are added in feature order, so the sums do not depend on how the table is laid out.
  void Score(const uint64_t* features, size_t n, float* scores) const {
    if (quantised_) {
      ScoreImpl(features, n, scores, qweights_.data(), [this](const QWeight& w) {
        return static_cast<float>(w.q) * scale_;
      });
    } else {
      ScoreImpl(features, n, scores, weights_.data(), [](const Weight& w) { return w.w; });
    }
  }

  // Weights are stored as 16-bit quantised values with one scale (see doc/formats/models.md).
  void Write(ByteWriter* out) const;
  // Fails with Corruption on malformed data.
  Status Read(ByteReader* in);

 private:
  struct Slot {
    uint64_t key;  // 0 = empty
    uint32_t begin;
    uint32_t len;
  };
  // A weight read from a model file: its 16-bit quantised value (the weight is q * scale_, computed
  // the same way as when the file is read into floats) and its class. Half the size of Weight.
  struct QWeight {
    int16_t q;
    uint8_t cls;
    uint8_t unused;
  };
  template <typename W, typename Value>
  void ScoreImpl(const uint64_t* features, size_t n, float* scores, const W* weights, Value value) const {
    constexpr size_t kBatch = 64;
    const Slot* found[kBatch];
    for (size_t base = 0; base < n; base += kBatch) {
      const size_t m = n - base < kBatch ? n - base : kBatch;
      for (size_t i = 0; i < m; ++i) __builtin_prefetch(&slots_[static_cast<size_t>(features[base + i]) & mask_]);
      size_t hits = 0;
      for (size_t i = 0; i < m; ++i) {
        const Slot* s = Find(features[base + i]);
        if (!s) continue;
        __builtin_prefetch(weights + s->begin);
        found[hits++] = s;
      }
      for (size_t h = 0; h < hits; ++h) {
        const W* w = weights + found[h]->begin;
        const uint32_t len = found[h]->len;
        for (uint32_t k = 0; k < len; ++k) scores[w[k].cls] += value(w[k]);
      }
    }
  }
  const Slot* Find(uint64_t key) const {
    size_t i = static_cast<size_t>(key) & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  void Index(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& lens);

  uint32_t num_classes_ = 0;
  size_t num_features_ = 0;
  size_t mask_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1, Slot{0, 0, 0});
  std::vector<Weight> weights_;     // models made by Build (training)
  bool quantised_ = false;           // true for models made by Read: weights in qweights_
  float scale_ = 1.0f;
  std::vector<QWeight> qweights_;
};

}  // namespace dateline

#endif  // DATELINE_TAG_LINEAR_MODEL_H_
