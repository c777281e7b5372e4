// AveragedPerceptron: trains the weights of a LinearModel (training code; not linked by the runtime).
//
// Multi-class perceptron over hashed features with weight averaging by the "lazy" trick (each update also
// accumulates time-stamped deltas, so the average is w - u / t). Only features that take part in an update
// are stored, each with a short list of (class, weight) cells. Not thread-safe (one trainer per thread).
#ifndef DATELINE_TAG_PERCEPTRON_TRAINER_H_
#define DATELINE_TAG_PERCEPTRON_TRAINER_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "tag/linear_model.h"

namespace dateline {

class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(uint32_t num_classes) : num_classes_(num_classes) {}
  AveragedPerceptron(const AveragedPerceptron&) = delete;  // tables are large: no accidental copies
  AveragedPerceptron& operator=(const AveragedPerceptron&) = delete;

  uint32_t num_classes() const { return num_classes_; }
  // Adds the current (non-averaged) weights of the features into scores[0..num_classes()).
  void Score(const uint64_t* features, size_t n, float* scores) const;
  // Promotes `truth` and demotes `guess` for every feature (no-op when equal).
  void Update(const uint64_t* features, size_t n, uint32_t truth, uint32_t guess);
  // Advances the averaging clock; call once per training decision.
  void Tick() { ++clock_; }
  size_t num_features() const { return table_.size(); }

  // The averaged weights; weights with |w| < prune are dropped, features seen in fewer than
  // `min_updates` updates are dropped too.
  LinearModel Average(float prune, uint32_t min_updates) const;

 private:
  struct Cell {
    uint32_t cls;
    float w;
    double u;
  };
  struct Row {
    std::vector<Cell> cells;
    uint32_t updates = 0;
  };
  void Add(Row* row, uint32_t cls, float delta);

  uint32_t num_classes_;
  int64_t clock_ = 1;
  std::unordered_map<uint64_t, Row> table_;
};

}  // namespace dateline

#endif  // DATELINE_TAG_PERCEPTRON_TRAINER_H_
