#include "tag/perceptron_trainer.h"

#include <cmath>

namespace dateline {

void AveragedPerceptron::Score(const uint64_t* features, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    auto it = table_.find(features[i]);
    if (it == table_.end()) continue;
    for (const Cell& c : it->second.cells) scores[c.cls] += c.w;
  }
}

void AveragedPerceptron::Add(Row* row, uint32_t cls, float delta) {
  for (Cell& c : row->cells) {
    if (c.cls == cls) {
      c.w += delta;
      c.u += static_cast<double>(clock_) * delta;
      return;
    }
  }
  row->cells.push_back(Cell{cls, delta, static_cast<double>(clock_) * delta});
}

void AveragedPerceptron::Update(const uint64_t* features, size_t n, uint32_t truth, uint32_t guess) {
  if (truth == guess) return;
  for (size_t i = 0; i < n; ++i) {
    Row& row = table_[features[i]];
    ++row.updates;
    Add(&row, truth, 1.0f);
    Add(&row, guess, -1.0f);
  }
}

LinearModel AveragedPerceptron::Average(float prune, uint32_t min_updates) const {
  std::vector<std::pair<uint64_t, std::vector<LinearModel::Weight>>> rows;
  rows.reserve(table_.size());
  const double t = static_cast<double>(clock_);
  for (const auto& [key, row] : table_) {
    if (row.updates < min_updates) continue;
    std::vector<LinearModel::Weight> ws;
    for (const Cell& c : row.cells) {
      float avg = static_cast<float>(c.w - c.u / t);
      if (std::fabs(avg) >= prune) ws.push_back(LinearModel::Weight{c.cls, avg});
    }
    if (!ws.empty()) rows.emplace_back(key, std::move(ws));
  }
  return LinearModel::Build(num_classes_, std::move(rows));
}

}  // namespace dateline
