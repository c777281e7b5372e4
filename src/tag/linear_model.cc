#include "tag/linear_model.h"

#include <algorithm>
#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline {

namespace {

// scores[c] += row[c] * scale for c in [0, n): int16 → float is exact, then one IEEE single multiply and
// one add per class, as the scalar loop does (no fused multiply-add), so every variant gives the same bits.
void AddRowScalar(const int16_t* row, float scale, uint32_t n, uint32_t c, float* scores) {
  for (; c < n; ++c) scores[c] += static_cast<float>(row[c]) * scale;
}

#if defined(__SSE2__)
void AddRowSse2(const int16_t* row, float scale, uint32_t n, float* scores) {
  const __m128 s = _mm_set1_ps(scale);
  uint32_t c = 0;
  for (; c + 8 <= n; c += 8) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c));
    const __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16);
    const __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16);
    _mm_storeu_ps(scores + c, _mm_add_ps(_mm_loadu_ps(scores + c), _mm_mul_ps(_mm_cvtepi32_ps(lo), s)));
    _mm_storeu_ps(scores + c + 4, _mm_add_ps(_mm_loadu_ps(scores + c + 4), _mm_mul_ps(_mm_cvtepi32_ps(hi), s)));
  }
  AddRowScalar(row, scale, n, c, scores);
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
// Eight classes a step where the processor has AVX2 (chosen at run time; the build targets baseline x86-64).
__attribute__((target("avx2"))) void AddRowAvx2(const int16_t* row, float scale, uint32_t n, float* scores) {
  const __m256 s = _mm256_set1_ps(scale);
  uint32_t c = 0;
  for (; c + 8 <= n; c += 8) {
    const __m256i v = _mm256_cvtepi16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + c)));
    _mm256_storeu_ps(scores + c, _mm256_add_ps(_mm256_loadu_ps(scores + c), _mm256_mul_ps(_mm256_cvtepi32_ps(v), s)));
  }
  AddRowScalar(row, scale, n, c, scores);
}

const bool kHasAvx2 = [] {
  __builtin_cpu_init();  // may run before libgcc's own initialiser
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

}  // namespace

void LinearModel::AddRow(const int16_t* row, uint32_t lo, uint32_t hi, float* scores) const {
#if defined(__x86_64__) && defined(__GNUC__)
  if (kHasAvx2) return AddRowAvx2(row + lo, scale_, hi - lo, scores + lo);
#endif
#if defined(__SSE2__)
  AddRowSse2(row + lo, scale_, hi - lo, scores + lo);
#else
  AddRowScalar(row + lo, scale_, hi - lo, 0, scores + lo);
#endif
}

void LinearModel::Reset(size_t count) {
  size_t cap = 16;
  while (cap < count * 2) cap <<= 1;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  num_features_ = count;
}

LinearModel::Slot* LinearModel::Insert(uint64_t key) {
  size_t i = static_cast<size_t>(key) & mask_;
  while (slots_[i].key != 0) i = (i + 1) & mask_;
  slots_[i].key = key;
  return &slots_[i];
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
  m.Reset(keys.size());
  m.num_weights_ = m.weights_.size();
  uint32_t begin = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    Slot* s = m.Insert(keys[f]);
    s->len = static_cast<uint16_t>(lens[f]);
    s->u.begin = begin;
    begin += lens[f];
  }
  return m;
}

void LinearModel::Write(ByteWriter* out) const {
  // Features in weight order with their lengths, then classes and quantised weights.
  std::vector<uint64_t> sorted_keys;
  std::vector<uint16_t> sorted_lens;
  std::vector<uint8_t> classes;
  std::vector<int16_t> q;
  float scale = 1.0f;
  if (quantised_) {
    // Read from a file: the same features, order, weights and scale as the file.
    scale = scale_;
    for (uint64_t key : file_order_) {
      const Slot& s = *Find(key);
      sorted_keys.push_back(key);
      sorted_lens.push_back(s.len);
      const uint32_t list = s.len <= kInline ? 0 : (s.cls[0] == kDenseRow ? row_list_[s.u.begin] : s.u.begin);
      for (uint32_t k = 0; k < s.len; ++k) {
        if (s.len <= kInline) {
          classes.push_back(s.cls[k]);
          q.push_back(s.u.q[k]);
        } else {
          classes.push_back(qweights_[list + k].cls);
          q.push_back(qweights_[list + k].q);
        }
      }
    }
  } else {
    std::vector<const Slot*> order;
    for (const Slot& s : slots_) {
      if (s.key != 0) order.push_back(&s);
    }
    // Ordered by weight position so the weight arrays are written sequentially.
    std::sort(order.begin(), order.end(), [](const Slot* a, const Slot* b) { return a->u.begin < b->u.begin; });
    float max_abs = 0;
    for (const Weight& w : weights_) max_abs = std::max(max_abs, std::fabs(w.w));
    scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
    for (const Slot* s : order) {
      sorted_keys.push_back(s->key);
      sorted_lens.push_back(s->len);
      for (uint32_t k = 0; k < s->len; ++k) {
        const Weight& w = weights_[s->u.begin + k];
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
  std::vector<uint16_t> lens;
  std::vector<uint8_t> classes;
  std::vector<int16_t> q;
  RETURN_IF_ERROR(in->U32(&num_classes_));
  RETURN_IF_ERROR(in->F32(&scale));
  RETURN_IF_ERROR(in->Pod(&keys));
  RETURN_IF_ERROR(in->Pod(&lens));
  RETURN_IF_ERROR(in->Pod(&classes));
  RETURN_IF_ERROR(in->Pod(&q));
  if (num_classes_ == 0 || num_classes_ > 256 || keys.size() != lens.size() || classes.size() != q.size() ||
      !std::isfinite(scale)) {
    return Status::Corruption("linear model tables are inconsistent");
  }
  uint64_t total = 0;
  for (uint16_t l : lens) total += l;
  if (total != q.size()) return Status::Corruption("linear model weight count mismatch");
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0) return Status::Corruption("bad feature key");
  }
  for (uint8_t c : classes) {
    if (c >= num_classes_) return Status::Corruption("weight class out of range");
  }
  // Duplicate keys would shadow each other.
  std::vector<uint64_t> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::Corruption("duplicate feature key");
  }
  quantised_ = true;
  scale_ = scale;
  weights_.clear();
  qweights_.clear();
  dense_.clear();
  row_list_.clear();
  stride_ = (num_classes_ + 7) / 8 * 8;
  std::vector<uint8_t> seen(num_classes_);
  Reset(keys.size());
  num_weights_ = q.size();
  size_t at = 0;
  for (size_t f = 0; f < keys.size(); ++f) {
    Slot* s = Insert(keys[f]);
    s->len = lens[f];
    if (lens[f] <= kInline) {
      for (uint32_t k = 0; k < lens[f]; ++k) {
        s->cls[k] = classes[at + k];
        s->u.q[k] = q[at + k];
      }
    } else {
      const uint32_t list = static_cast<uint32_t>(qweights_.size());
      s->u.begin = list;
      for (uint32_t k = 0; k < lens[f]; ++k) qweights_.push_back(QWeight{q[at + k], classes[at + k], 0});
      // A dense row needs each class at most once in the list (then every class gets one addition).
      bool distinct = true;
      std::fill(seen.begin(), seen.end(), 0);
      for (uint32_t k = 0; k < lens[f] && distinct; ++k) distinct = !seen[classes[at + k]]++;
      if (distinct && lens[f] * 4 >= num_classes_ && num_classes_ >= 8) {
        s->cls[0] = kDenseRow;
        s->u.begin = static_cast<uint32_t>(row_list_.size());
        row_list_.push_back(list);
        const size_t row = dense_.size();
        dense_.resize(row + stride_, 0);
        for (uint32_t k = 0; k < lens[f]; ++k) dense_[row + classes[at + k]] = q[at + k];
      }
    }
    at += lens[f];
  }
  file_order_ = std::move(keys);
  return Status::OK();
}

}  // namespace dateline
