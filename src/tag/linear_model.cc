#include "tag/linear_model.h"

#include <algorithm>
#include <cmath>

namespace dateline {

void LinearModel::Index(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& lens) {
  size_t cap = 16;
  while (cap < keys.size() * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{0, 0, 0});
  num_features_ = keys.size();
  uint32_t begin = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    size_t i = static_cast<size_t>(keys[f]) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{keys[f], begin, lens[f]};
    begin += lens[f];
  }
}

LinearModel LinearModel::Build(uint32_t num_classes,
                               std::vector<std::pair<uint64_t, std::vector<Weight>>> rows) {
  LinearModel m;
  m.num_classes_ = num_classes;
  m.quantised_ = false;
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  for (auto& [key, ws] : rows) {
    if (ws.empty() || key == 0) continue;
    if (!keys.empty() && keys.back() == key) continue;
    keys.push_back(key);
    lens.push_back(static_cast<uint32_t>(ws.size()));
    m.weights_.insert(m.weights_.end(), ws.begin(), ws.end());
  }
  m.Index(keys, lens);
  return m;
}

void LinearModel::Write(ByteWriter* out) const {
  // Features in table order with their lengths, then classes and quantised weights.
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lens;
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const Slot& s : slots_) {
    if (s.key == 0) continue;
    spans.emplace_back(s.begin, s.len);
    keys.push_back(s.key);
  }
  // Order by weight position so the weight arrays can be written sequentially.
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spans[a].first < spans[b].first; });
  // A model read from a file keeps its quantised weights and scale, so writing it back is exact.
  float max_abs = 0;
  for (const Weight& w : weights_) max_abs = std::max(max_abs, std::fabs(w.w));
  const float scale = quantised_ ? scale_ : (max_abs > 0 ? max_abs / 32767.0f : 1.0f);
  std::vector<uint64_t> sorted_keys;
  std::vector<uint16_t> sorted_lens;
  std::vector<uint8_t> classes;
  std::vector<int16_t> q;
  for (size_t o : order) {
    sorted_keys.push_back(keys[o]);
    sorted_lens.push_back(static_cast<uint16_t>(spans[o].second));
    for (uint32_t k = 0; k < spans[o].second; ++k) {
      if (quantised_) {
        const QWeight& w = qweights_[spans[o].first + k];
        classes.push_back(w.cls);
        q.push_back(w.q);
      } else {
        const Weight& w = weights_[spans[o].first + k];
        classes.push_back(static_cast<uint8_t>(w.cls));
        q.push_back(static_cast<int16_t>(std::lround(w.w / scale)));
      }
    }
  }
  out->U32(num_classes_);
  out->F32(scale);
  out->Pod(sorted_keys);
  out->Pod(sorted_lens);
  out->Pod(classes);
  out->Pod(q);
}

Status LinearModel::Read(ByteReader* in) {
  float scale = 0;
  std::vector<uint64_t> keys;
  std::vector<uint16_t> lens16;
  std::vector<uint8_t> classes;
  std::vector<int16_t> q;
  RETURN_IF_ERROR(in->U32(&num_classes_));
  RETURN_IF_ERROR(in->F32(&scale));
  RETURN_IF_ERROR(in->Pod(&keys));
  RETURN_IF_ERROR(in->Pod(&lens16));
  RETURN_IF_ERROR(in->Pod(&classes));
  RETURN_IF_ERROR(in->Pod(&q));
  if (num_classes_ == 0 || num_classes_ > 256 || keys.size() != lens16.size() || classes.size() != q.size() ||
      !std::isfinite(scale)) {
    return Status::Corruption("linear model tables are inconsistent");
  }
  uint64_t total = 0;
  for (uint16_t l : lens16) total += l;
  if (total != q.size()) return Status::Corruption("linear model weight count mismatch");
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || (i > 0 && keys[i] == keys[i - 1])) return Status::Corruption("bad feature key");
  }
  // Kept quantised (4 bytes a weight instead of 8): Score() computes q * scale as a float, the same
  // value a float table filled here would hold.
  weights_.clear();
  qweights_.resize(q.size());
  for (size_t i = 0; i < q.size(); ++i) {
    if (classes[i] >= num_classes_) return Status::Corruption("weight class out of range");
    qweights_[i] = QWeight{q[i], classes[i], 0};
  }
  quantised_ = true;
  scale_ = scale;
  std::vector<uint32_t> lens(lens16.begin(), lens16.end());
  // Reject duplicate keys (Index would loop forever on a full table otherwise it is fine; duplicates
  // would shadow each other).
  std::vector<uint64_t> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::Corruption("duplicate feature key");
  }
  Index(keys, lens);
  return Status::OK();
}

}  // namespace dateline
