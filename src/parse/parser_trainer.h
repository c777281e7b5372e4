// Trains a ParserModel with the arc-hybrid dynamic oracle and exploration (training code; not linked by
// the runtime). Training sentences are tagged by jackknifed taggers so the parser learns from tags as
// noisy as at test time. Not thread-safe; deterministic for a given seed.
#ifndef DATELINE_PARSE_PARSER_TRAINER_H_
#define DATELINE_PARSE_PARSER_TRAINER_H_

#include <ostream>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "parse/parser.h"
#include "tag/tagger.h"
#include "tag/tagger_trainer.h"

namespace dateline {

struct ParserTrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int explore_from = 2;        // first epoch that follows the model's own (possibly wrong) transitions
  double explore_p = 0.9;      // probability of following the prediction from then on
  float prune = 0.05f;
  uint32_t min_updates = 2;    // features updated once are dropped (halves the model)
  int jackknife = 5;           // folds for tagging the training data (0 or 1: keep gold tags)
  TaggerTrainOptions tagger;   // how the fold taggers are trained
  std::string corpus = "UD_English-EWT";
  std::string licence = "CC BY-SA 4.0";
};

// Replaces upos/xpos in `train` with tags from taggers trained on the other folds.
Status JackknifeTags(Document* train, int folds, const TaggerTrainOptions& options, std::ostream* log);

// Trains on `train` (tags used as given: call JackknifeTags first). `dev` must carry predicted tags when
// given (scores recorded in the manifest). Fails with InvalidArgument on empty data or too many labels.
StatusOr<ParserModel> TrainParser(const Document& train, const Document* dev, const ParserTrainOptions& options,
                                  std::ostream* log);

}  // namespace dateline

#endif  // DATELINE_PARSE_PARSER_TRAINER_H_
