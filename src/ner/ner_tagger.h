// Named-entity tagger (PER, ORG, LOC; BILOU) and the "ner" pipeline stage.
//
// Greedy left-to-right averaged perceptron over word, shape, affix, context, sentence-case,
// part-of-speech and gazetteer features; decoding keeps the BILOU sequence well formed. A model is
// self-contained: it carries the gazetteer it was trained with and the list of words seen lowercase in
// training. A loaded NerTagger is immutable: Tag() is const and thread-safe.
#ifndef DATELINE_NER_NER_TAGGER_H_
#define DATELINE_NER_NER_TAGGER_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"
#include "ner/gazetteer.h"
#include "ner/word_clusters.h"
#include "tag/features.h"
#include "tag/linear_model.h"
#include "tag/model_file.h"
#include "tag/tagger.h"

namespace dateline {

inline constexpr uint32_t kNerFormatVersion = 3;
inline constexpr size_t kNerMaxFeatures = 96;
using NerFeatureBuffer = FeatureBuffer<kNerMaxFeatures>;

// Per-token attributes, computed once per token before decoding.
struct NerTokenInfo {
  uint64_t form = 0, lower = 0, shape = 0, xpos = 0;
  uint64_t long_shape = 0;               // shape without collapsing runs (first 12 bytes)
  uint64_t suf[4] = {0, 0, 0, 0};        // 1, 2, 3, 4 bytes
  uint64_t pre[4] = {0, 0, 0, 0};        // 1, 2, 3, 4 bytes
  uint8_t gaz = 0;                       // Gazetteer match code
  uint8_t cap = 0;                       // 0 no capital, 1 initial capital, 2 all capitals, 3 inner capital
  uint8_t lower_known = 0;               // 1 when the lowercased word was seen lowercase in training
  uint8_t alpha = 0;                     // 1 when the word holds an ASCII letter
  uint8_t doc = 0;                       // NerDocumentWords::Code of the word
  uint8_t key = 0;                       // the word names a kind of place or body: 1 organisation
                                         // ("Bank", "Ministry", "Inc."), 2 place ("River", "Street")
  uint8_t run_key = 0;                   // key of the last such word in the capitalised run holding
                                         // this token ("Bank of New York" → 1 for every token)
  uint32_t cluster = 0;                  // word cluster code (ner/word_clusters.h), 0 when none
  uint32_t cluster_prefix[2] = {0, 0};   // its coarser clusters (WordClusters::prefixes)
  uint8_t wn = 0;      // WordNet lexicographer file of the lowercased word's first noun sense
                       // (14 noun.group, 15 noun.location, 18 noun.person …), 0 for none
  uint8_t run_wn = 0;  // wn of the last word of the capitalised run holding this token
};

// How the words of one document are written elsewhere in it: a word capitalised in the middle of other
// sentences is likely a name even where it opens a sentence or is written lowercase; one written
// lowercase elsewhere is likely a common word. Counts by lowercased form; one per document; not
// thread-safe.
class NerDocumentWords {
 public:
  void Clear() { counts_.clear(); }
  // Counts one occurrence (`initial`: first token of its sentence).
  void Add(const NerTokenInfo& t, bool initial);
  // A code (1-9) for how the word is written at its other occurrences in the document.
  uint8_t Code(const NerTokenInfo& t, bool initial) const;

 private:
  std::unordered_map<uint64_t, std::array<uint16_t, 2>> counts_;  // capitalised mid-sentence, lowercase
};

// Fills NerTokenInfo::key, run_key and run_wn of a sentence's tokens (cap, lower and wn must be set).
void MarkNameKeywords(NerTokenInfo* toks, int n);

// The capitalisation pattern of a whole sentence: 0 ordinary, 1 no capital at all (names are then
// lowercase too), 2 title case (a headline), 3 all capitals.
int NerSentenceCase(const NerTokenInfo* toks, int n);

struct NerModel {
  ModelManifest manifest;
  std::vector<std::string> labels;  // "O", "B-PER", … ; index = class
  LinearModel weights;
  bool uses_pos = false;            // trained with tagger XPOS features
  bool uses_document = true;        // trained with NerDocumentWords features
  std::string gazetteer;            // name of the gazetteer used in training, "" for none
  uint64_t gazetteer_fingerprint = 0;
  std::string gazetteer_tsv;        // the gazetteer's entries (its TSV text), "" for none
  std::vector<std::string> lower_words;  // words seen lowercase (not sentence-initial) in training
  std::string clusters_name;             // the clusters file used in training, "" for none
  std::string clusters_payload;          // its table (WordClusters::Payload), "" for none
  std::vector<std::string> wordnet_words;  // WordNet noun lemmas (sorted) and the lexicographer file of
  std::vector<uint8_t> wordnet_classes;    // each one's first sense; empty for none
  std::vector<SelfTest> self_tests; // words "form\txpos"; expected BILOU tag

  std::string Payload() const;
  Status ReadPayload(std::string_view payload);
};

// The features for position i (prev, prev2: classes of the previous labels, -1 when none; sentence_case
// from NerSentenceCase).
void NerFeatures(const NerTokenInfo* toks, int n, int i, int prev, int prev2, bool uses_pos, int sentence_case,
                 NerFeatureBuffer* out);
// Attributes of one word (gaz, lower_known and doc are left 0 for the caller). With `case_only`, only
// lower, cap and alpha are filled (enough for NerDocumentWords).
NerTokenInfo ComputeNerTokenInfo(std::string_view word, std::string_view xpos, bool case_only = false);
// Whether class `next` may follow class `prev` (-1 = sentence start) under BILOU.
bool BilouAllowed(const std::vector<std::string>& labels, int prev, int next);

class NerTagger {
 public:
  // Loads a model. A model carries its own gazetteer; `gazetteer`, when given, must be the same one.
  static StatusOr<std::unique_ptr<NerTagger>> Load(const std::string& path, const Gazetteer* gazetteer = nullptr);
  static StatusOr<std::unique_ptr<NerTagger>> FromBytes(std::string_view bytes, const std::string& origin,
                                                        const Gazetteer* gazetteer = nullptr);
  NerTagger(NerModel model, const Gazetteer* gazetteer);
  NerTagger(const NerTagger&) = delete;  // large: share one instance
  NerTagger& operator=(const NerTagger&) = delete;

  // Fills Token::ner (BILOU) of every token; uses Token::xpos when the model uses POS features. The
  // sentence is taken as a document of its own.
  void Tag(Sentence* sentence) const;
  // Tags every sentence, each seeing how its words are written in the rest of its document (a sentence
  // with index 0 starts a new document).
  void TagDocument(Document* doc) const;
  // Tags one sentence given the word counts of its document (which include the sentence's own words).
  void TagInDocument(Sentence* sentence, const NerDocumentWords& doc) const;
  // Attributes of the words (with gazetteer codes and lowercase-vocabulary flags) as Tag() sees them.
  void ComputeInfo(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
                   std::vector<NerTokenInfo>* info) const;
  // The WordNet class (NerTokenInfo::wn) of a word, trying regular plural endings; 0 when none.
  uint8_t WordNetClass(std::string_view word) const;
  // Fills lower_known, cluster, cluster_prefix and wn of `t` (form, lower and alpha set) for `word`,
  // through a per-thread cache of recent words (`use_cache` false: always looked up; same result).
  void LookupWord(std::string_view word, NerTokenInfo* t, bool use_cache = true) const;
  const NerModel& model() const { return model_; }
  const ModelManifest& manifest() const { return model_.manifest; }
  Status SelfCheck(const std::string& origin) const;

 private:
  void CountDocumentWords(const Sentence& sentence, NerDocumentWords* doc) const;

  NerModel model_;
  Gazetteer own_gazetteer_;     // parsed from model_.gazetteer_tsv
  const Gazetteer* gazetteer_;  // own_gazetteer_, the caller's (not owned), or null
  std::unordered_set<uint64_t> lower_words_;  // HashBytes of model_.lower_words
  WordClusters clusters_;                     // parsed from model_.clusters_payload
  std::unordered_map<uint64_t, uint8_t> wordnet_;  // HashBytes of a WordNet lemma → its class
  uint64_t instance_ = 0;                          // unique per NerTagger: keys the per-thread word cache
  std::vector<std::vector<uint8_t>> allowed_;  // allowed_[prev + 1][next]
  std::vector<uint8_t> can_end_;               // classes that may end a sentence
  int outside_ = 0;                            // the class of "O"
};

// The "ner" stage, loading DataPath("models/ner.dlm") once per process.
StatusOr<std::unique_ptr<Annotator>> MakeNerAnnotator();

}  // namespace dateline

#endif  // DATELINE_NER_NER_TAGGER_H_
