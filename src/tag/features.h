// Feature hashing shared by the tagger, parser and named-entity tagger.
//
// A feature is a 64-bit hash of a template id and its values (word hashes, tag ids, flags), computed
// without allocating. String values are hashed once per token (HashBytes) and then mixed (Mix). Pure
// functions: thread-safe.
#ifndef DATELINE_TAG_FEATURES_H_
#define DATELINE_TAG_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dateline {

// FNV-1a over bytes, then finalised; stable across platforms (models store these hashes).
inline uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

// Feature hashing runs dozens of times per decision: always inlined, so a template id folds into a constant.
#if defined(__GNUC__)
#define DATELINE_HASH_INLINE inline __attribute__((always_inline))
#else
#define DATELINE_HASH_INLINE inline
#endif

// Combines a running hash with one more value (order-sensitive). Never returns 0.
DATELINE_HASH_INLINE uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  return h ? h : 1;
}

// Feature of template `t` with one, two or three values.
DATELINE_HASH_INLINE uint64_t Feat(uint32_t t, uint64_t a) { return Mix(Mix(0x51ed27u + t, a), 0x2545f491u); }
DATELINE_HASH_INLINE uint64_t Feat(uint32_t t, uint64_t a, uint64_t b) {
  return Mix(Mix(Mix(0x51ed27u + t, a), b), 3);
}
DATELINE_HASH_INLINE uint64_t Feat(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(Mix(Mix(Mix(0x51ed27u + t, a), b), c), 4);
}

// Fixed-capacity feature buffer filled per decision; lives on the caller's stack (no allocation).
template <size_t N>
struct FeatureBuffer {
  uint64_t f[N];
  size_t n = 0;
  void Add(uint64_t v) {
    if (n < N) f[n++] = v;
  }
  void Clear() { n = 0; }
};

// Word shape: upper→X, lower→x, digit→d, other ASCII kept, non-ASCII→u; runs longer than two collapse
// ("Macron"→"Xxx", "2022-02-03"→"dd-dd-dd"). Returns the hash of the shape.
uint64_t ShapeHash(std::string_view word);

}  // namespace dateline

#endif  // DATELINE_TAG_FEATURES_H_
