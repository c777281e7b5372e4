// Part-of-speech tagger (UPOS + XPOS jointly) and lemmatizer for English, and the "tag" pipeline stage.
//
// Greedy left-to-right averaged-perceptron tagger over hashed sparse features (word, affixes, shape,
// context words, previous tags, ambiguity classes of the next words), with a tag dictionary for
// frequent unambiguous words. Classes are "UPOS\tXPOS" pairs seen in training. A loaded Tagger is
// immutable: Tag() is const and thread-safe (scratch buffers are per thread).
#ifndef DATELINE_TAG_TAGGER_H_
#define DATELINE_TAG_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"
#include "tag/features.h"
#include "tag/lemmatizer.h"
#include "tag/linear_model.h"
#include "tag/model_file.h"

namespace dateline {

// Format version of tagger models this build reads and writes (history above Tagger::FromBytes).
inline constexpr uint32_t kTaggerFormatVersion = 1;

// A sentence stored in a model with the output the model must reproduce at load time.
struct SelfTest {
  std::vector<std::string> words;
  std::vector<std::string> expected;  // one string per word, format defined by the model kind
};
void WriteSelfTests(const std::vector<SelfTest>& tests, ByteWriter* out);
Status ReadSelfTests(ByteReader* in, std::vector<SelfTest>* tests);

// Per-token hashed attributes the tagger's features are built from.
struct TagTokenInfo {
  uint64_t form = 0, lower = 0, shape = 0, amb = 0;
  uint64_t suf[4] = {0, 0, 0, 0};
  uint64_t pre[3] = {0, 0, 0};
};

// Everything a tagger model holds. Filled by the trainer (tag/tagger_trainer.h) or read from a file.
struct TaggerModel {
  ModelManifest manifest;
  std::vector<std::string> classes;                 // "UPOS\tXPOS"
  LinearModel weights;
  std::unordered_map<uint64_t, uint16_t> tagdict;   // HashBytes(form) → class, frequent unambiguous words
  std::unordered_map<uint64_t, uint64_t> ambiguity; // HashBytes(lowercase form) → hash of its class set
  Lemmatizer lemmatizer;
  std::vector<SelfTest> self_tests;                 // expected: "UPOS\tXPOS\tLEMMA"

  // Serialises everything but the manifest (the payload of the model file).
  std::string Payload() const;
  Status ReadPayload(std::string_view payload);
};

// Computes the attributes of `word` (no allocation).
TagTokenInfo ComputeTagTokenInfo(std::string_view word, const TaggerModel& model);
// The features for position i given the classes of the two previous words (-1 when none): the word
// features of toks[i] (TaggerWordFeatures) followed by its context features (TaggerContextFeatures).
void TaggerFeatures(const TagTokenInfo* toks, int n, int i, int prev, int prev2, FeatureBuffer<48>* out);
// The features that depend on the word alone (bias, forms, affixes, shape), always the first ones: their
// class scores are a function of the word, which the tagger caches per word.
void TaggerWordFeatures(const TagTokenInfo& w, FeatureBuffer<48>* out);
// The features of position i that depend on its neighbours or on the previous classes.
void TaggerContextFeatures(const TagTokenInfo* toks, int n, int i, int prev, int prev2, FeatureBuffer<48>* out);

class Tagger {
 public:
  // Loads a model file; fails with NotFound, Corruption (including a failed self-test) or
  // InvalidArgument (wrong kind, newer format version).
  static StatusOr<std::unique_ptr<Tagger>> Load(const std::string& path);
  // Parses a model held in memory (as read from a file); `origin` names it in messages.
  static StatusOr<std::unique_ptr<Tagger>> FromBytes(std::string_view bytes, const std::string& origin);
  // Wraps a freshly trained model (runs no self-test).
  explicit Tagger(TaggerModel model);
  Tagger(const Tagger&) = delete;  // models are large: share one instance
  Tagger& operator=(const Tagger&) = delete;

  // Fills upos, xpos and lemma of every token of the sentence (uses Token::norm, else Token::text).
  void Tag(Sentence* sentence) const;
  // Tags words and returns the class index of each (used by trainers and self-tests).
  void TagClasses(const std::vector<std::string_view>& words, std::vector<int>* classes) const;
  const TaggerModel& model() const { return model_; }
  const ModelManifest& manifest() const { return model_.manifest; }
  // Runs the stored self-tests; Corruption when fewer than 95% of their words match.
  Status SelfCheck(const std::string& origin) const;

 private:
  void Prepare();
  // The class of a word from the tag dictionary, or -1.
  int DictClass(uint64_t form_hash) const;
  TaggerModel model_;
  std::vector<std::string> upos_, xpos_;  // split classes
  uint64_t instance_ = 0;                 // unique per Tagger: keys the per-thread word cache
};

// The "tag" stage, loading DataPath("models/tagger.dlm") once per process.
StatusOr<std::unique_ptr<Annotator>> MakeTagAnnotator();
// The process-wide tagger used by MakeTagAnnotator (loaded on first call).
StatusOr<std::shared_ptr<const Tagger>> SharedTagger();

}  // namespace dateline

#endif  // DATELINE_TAG_TAGGER_H_
