// Trains a NerModel from BILOU-tagged sentences (training code; not linked by the runtime). Not
// thread-safe; deterministic for a given seed.
#ifndef DATELINE_NER_NER_TRAINER_H_
#define DATELINE_NER_NER_TRAINER_H_

#include <ostream>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "ner/gazetteer.h"
#include "ner/ner_tagger.h"
#include "ner/word_clusters.h"
#include "ner/wordnet_classes.h"

namespace dateline {

struct NerTrainOptions {
  int epochs = 12;
  uint64_t seed = 1;
  float prune = 0.05f;
  uint32_t min_updates = 1;
  uint32_t min_lower_count = 2;
  float lowercase_copies = 0.1f;  // share of training sentences also trained on in a lowercased copy
  float word_dropout = 0.0f;      // chance that a token's word features are hidden for one training pass
  bool document = true;           // features of how each word is written elsewhere in its document   // a word joins the lowercase vocabulary when seen lowercase this often
  bool uses_pos = true;           // tokens carry XPOS from the tagger
  std::string gazetteer_name;     // recorded in the model when a gazetteer is given
  const WordClusters* clusters = nullptr;       // word clusters, copied into the model; null for none
  std::string clusters_name;                    // recorded in the model
  const WordNetNounClasses* wordnet = nullptr;  // WordNet noun classes, copied into the model; null for none
  std::string corpus = "UNER English-EWT (train: pre-release 0c7ce0d, B-O/OTH mapped to O)";
  std::string licence = "CC BY-SA 4.0";
};

// Trains on `train` (Token::ner holds gold BILOU, xpos filled when options.uses_pos). Dev scores are
// logged and recorded in the manifest when `dev` is given. `gazetteer` may be null.
StatusOr<NerModel> TrainNer(const Document& train, const Document* dev, const Gazetteer* gazetteer,
                            const NerTrainOptions& options, std::ostream* log);

}  // namespace dateline

#endif  // DATELINE_NER_NER_TRAINER_H_
