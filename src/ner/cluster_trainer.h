// Learns word clusters (ner/word_clusters.h) from unlabeled text (training code; not linked by the runtime).
//
// Two methods. "exchange" moves each frequent word to the class that best predicts it from the word
// before it (class-bigram likelihood, as Brown clustering but with flat classes), a few passes over the
// vocabulary. "bisect": each frequent word is described by the words seen one and two positions to its left
// and right (the most frequent words by identity, the others by a coarse shape), weighted by positive
// pointwise mutual information and normalised. The words are then split in two again and again (bisecting
// spherical k-means, each split seeded by the principal direction of the cluster), which gives every word a
// path of up to `max_depth` bits as Brown clustering does, at a fraction of its cost. Deterministic: the same
// sentences in the same order give the same clusters. Not thread-safe.
#ifndef DATELINE_NER_CLUSTER_TRAINER_H_
#define DATELINE_NER_CLUSTER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ner/word_clusters.h"

namespace dateline {

struct ClusterTrainOptions {
  // "exchange": predictive exchange clustering (each word's class predicted from the word before it,
  // Uszkoreit & Brants 2008), run once per entry of `classes`, the path being the class numbers one after
  // the other (the first run's class is the coarsest prefix). "bisect": the bisecting k-means below.
  std::string method = "exchange";
  std::vector<int> classes = {32, 128, 512};  // exchange: classes of each run (powers of two)
  int exchange_iterations = 12;               // exchange: passes over the vocabulary at most
  uint32_t min_count = 3;                     // words seen fewer times get no cluster
  size_t max_words = 80000;                   // at most this many words (the most frequent) get a cluster
  size_t context_words = 2000;                // context words known by identity; the others by shape
  int max_depth = 12;                         // bits of a path (at most 2^max_depth clusters)
  size_t min_leaf = 4;                        // a split leaving fewer words on one side is not made
  int iterations = 10;                        // k-means refinements per split
  int power_iterations = 6;                   // power-method steps for the split's seed direction
};

// The unlabeled sentences, held as word ids. Not thread-safe.
class ClusterCorpus {
 public:
  static constexpr uint32_t kBoundary = 0xffffffffu;  // between sentences in the word-id sequence
  // Adds one sentence (its words in order; empty words are skipped).
  void AddSentence(const std::vector<std::string_view>& words);
  size_t tokens() const { return tokens_; }
  size_t sentences() const { return sentences_; }

 private:
  friend StatusOr<WordClusters> TrainClusters(const ClusterCorpus&, const ClusterTrainOptions&,
                                              std::ostream*);
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> sequence_;  // word ids, kBoundary between sentences
  size_t tokens_ = 0, sentences_ = 0;
};

// Clusters the words of `corpus`. Fails with InvalidArgument when no word is frequent enough. Progress
// goes to `log` when not null.
StatusOr<WordClusters> TrainClusters(const ClusterCorpus& corpus, const ClusterTrainOptions& options,
                                     std::ostream* log);

}  // namespace dateline

#endif  // DATELINE_NER_CLUSTER_TRAINER_H_
