// Named-entity tagger (PER, ORG, LOC; BILOU) and the "ner" pipeline stage.
//
// Greedy left-to-right averaged perceptron over word, shape, affix, context, part-of-speech and
// gazetteer features; decoding keeps the BILOU sequence well formed. A model trained with a gazetteer
// records its name and fingerprint and must be given the same gazetteer. A loaded NerTagger is
// immutable: Tag() is const and thread-safe.
#ifndef DATELINE_NER_NER_TAGGER_H_
#define DATELINE_NER_NER_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"
#include "ner/gazetteer.h"
#include "tag/features.h"
#include "tag/linear_model.h"
#include "tag/model_file.h"
#include "tag/tagger.h"

namespace dateline {

inline constexpr uint32_t kNerFormatVersion = 1;

struct NerTokenInfo {
  uint64_t form = 0, lower = 0, shape = 0, xpos = 0;
  uint64_t suf[3] = {0, 0, 0};  // 2, 3, 4 bytes
  uint64_t pre[2] = {0, 0};     // 2, 3 bytes
  uint8_t gaz = 0;              // Gazetteer match code
  uint8_t cap = 0;              // 1 when the word starts with an ASCII capital
};

struct NerModel {
  ModelManifest manifest;
  std::vector<std::string> labels;  // "O", "B-PER", … ; index = class
  LinearModel weights;
  bool uses_pos = false;            // trained with tagger XPOS features
  std::string gazetteer;            // name of the gazetteer used in training, "" for none
  uint64_t gazetteer_fingerprint = 0;
  std::vector<SelfTest> self_tests; // words "form\txpos"; expected BILOU tag

  std::string Payload() const;
  Status ReadPayload(std::string_view payload);
};

// The features for position i (prev, prev2: classes of the previous labels, -1 when none).
void NerFeatures(const NerTokenInfo* toks, int n, int i, int prev, int prev2, bool uses_pos,
                 FeatureBuffer<48>* out);
// Attributes of one word.
NerTokenInfo ComputeNerTokenInfo(std::string_view word, std::string_view xpos);
// Whether class `next` may follow class `prev` (-1 = sentence start) under BILOU.
bool BilouAllowed(const std::vector<std::string>& labels, int prev, int next);

class NerTagger {
 public:
  // Loads a model; `gazetteer` must be given (and match) when the model was trained with one.
  static StatusOr<std::unique_ptr<NerTagger>> Load(const std::string& path, const Gazetteer* gazetteer = nullptr);
  static StatusOr<std::unique_ptr<NerTagger>> FromBytes(std::string_view bytes, const std::string& origin,
                                                        const Gazetteer* gazetteer = nullptr);
  NerTagger(NerModel model, const Gazetteer* gazetteer);
  NerTagger(const NerTagger&) = delete;  // large: share one instance
  NerTagger& operator=(const NerTagger&) = delete;

  // Fills Token::ner (BILOU) of every token; uses Token::xpos when the model uses POS features.
  void Tag(Sentence* sentence) const;
  const NerModel& model() const { return model_; }
  const ModelManifest& manifest() const { return model_.manifest; }
  Status SelfCheck(const std::string& origin) const;

 private:
  NerModel model_;
  const Gazetteer* gazetteer_;  // not owned; may be null
  std::vector<std::vector<uint8_t>> allowed_;  // allowed_[prev + 1][next]
  std::vector<uint8_t> can_end_;               // classes that may end a sentence
  int outside_ = 0;                            // the class of "O"
};

// The "ner" stage, loading DataPath("models/ner.dlm") once per process.
StatusOr<std::unique_ptr<Annotator>> MakeNerAnnotator();

}  // namespace dateline

#endif  // DATELINE_NER_NER_TAGGER_H_
