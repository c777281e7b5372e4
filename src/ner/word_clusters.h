// Word clusters: a table from word form to a hierarchical cluster, learned from unlabeled text by
// `dateline train clusters` (ner/cluster_trainer.h), used as word-representation features by the NER tagger.
//
// A cluster is a path in a binary tree (as Brown clusters): the words of one leaf occur in similar
// contexts, and a prefix of the path names a coarser cluster. A path of `len` bits is stored as one code
// `(1 << len) | bits` (0 = no cluster), so that ClusterPrefix() takes coarser clusters cheaply. Forms are
// case-sensitive ("Apple" and "apple" have clusters of their own). Stored in the model container
// (src/tag/model_file.h) as kind "clusters"; see doc/formats/clusters.md. A loaded WordClusters is
// immutable; its const methods are thread-safe.
#ifndef DATELINE_NER_WORD_CLUSTERS_H_
#define DATELINE_NER_WORD_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "tag/model_file.h"

namespace dateline {

inline constexpr uint32_t kClustersFormatVersion = 1;

// The code of the first `k` bits of a cluster code (the code itself when it is shorter; 0 stays 0).
inline uint32_t ClusterPrefix(uint32_t code, int k) {
  if (code == 0) return 0;
  const int len = 31 - __builtin_clz(code);
  return len <= k ? code : code >> (len - k);
}

// The path of a code as a bit string ("0110"); "" for 0.
std::string ClusterPath(uint32_t code);

class WordClusters {
 public:
  WordClusters() = default;
  // `words[i]` belongs to cluster `codes[i]` (codes as above, non-zero); words are distinct. `prefixes`:
  // at most two path lengths whose prefixes make useful coarser clusters (features use these and the
  // whole path).
  WordClusters(std::vector<std::string> words, std::vector<uint32_t> codes,
               std::vector<uint8_t> prefixes = {4, 8});

  // Reads a clusters file. Fails with NotFound, Corruption, or InvalidArgument for a newer format.
  static StatusOr<WordClusters> Load(const std::string& path);
  // Parses a clusters payload (as stored in a clusters file or inside an NER model).
  static StatusOr<WordClusters> FromPayload(std::string_view payload);
  // Writes the table with `manifest` (kind and version are set here). Fails with IOError.
  Status Save(const std::string& path, ModelManifest manifest) const;
  std::string Payload() const;

  // The cluster code of the exact form `form_hash` (HashBytes of the word), else that of its lowercased
  // form `lower_hash` (the most frequent casing's cluster), else 0.
  uint32_t Lookup(uint64_t form_hash, uint64_t lower_hash) const;

  size_t size() const { return words_.size(); }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<uint32_t>& codes() const { return codes_; }
  const std::vector<uint8_t>& prefixes() const { return prefixes_; }
  const ModelManifest& manifest() const { return manifest_; }

 private:
  void Index();

  ModelManifest manifest_;
  std::vector<std::string> words_;  // in the order written (most frequent first)
  std::vector<uint32_t> codes_;
  std::vector<uint8_t> prefixes_;
  std::unordered_map<uint64_t, uint32_t> by_form_, by_lower_;
};

}  // namespace dateline

#endif  // DATELINE_NER_WORD_CLUSTERS_H_
