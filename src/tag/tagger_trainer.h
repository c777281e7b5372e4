// Trains a TaggerModel (tagger + lemmatizer) from CoNLL-U treebanks (training code; not linked by the
// runtime). Not thread-safe; deterministic for a given seed.
#ifndef DATELINE_TAG_TAGGER_TRAINER_H_
#define DATELINE_TAG_TAGGER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "tag/lemmatizer.h"
#include "tag/tagger.h"

namespace dateline {

struct TaggerTrainOptions {
  int epochs = 12;
  uint64_t seed = 1;
  float prune = 0.05f;              // drop averaged weights smaller than this
  uint32_t min_updates = 1;         // drop features updated fewer times
  int tagdict_min_count = 20;       // words this frequent …
  double tagdict_min_ratio = 0.995; // … and this unambiguous are tagged by dictionary
  int ambiguity_min_count = 2;      // words need this many occurrences to get an ambiguity class
  std::string wordnet_dir = "/usr/share/wordnet";  // *.exc files; missing files are skipped
  std::string corpus = "UD_English-EWT";            // recorded in the manifest
  std::string licence = "CC BY-SA 4.0";
};

// Learns the lemmatizer tables from gold (form, XPOS, lemma) triples and WordNet's exception files.
Lemmatizer TrainLemmatizer(const Document& train, const std::string& wordnet_dir);

// Trains on `train`, reports per-epoch dev accuracy to `log` (may be null) when `dev` is given, and returns
// the model with its manifest filled (dev scores included). Fails with InvalidArgument on empty data.
StatusOr<TaggerModel> TrainTagger(const Document& train, const Document* dev, const TaggerTrainOptions& options,
                                  std::ostream* log);

// Tags a copy of `gold` with `tagger` (gold tokenization) — helper for evaluation and jackknifing.
Document TagCopy(const Tagger& tagger, const Document& gold);

}  // namespace dateline

#endif  // DATELINE_TAG_TAGGER_TRAINER_H_
