// `dateline train tagger|parser|ner`: reproduces the committed statistical models from public corpora
// (see doc/formats/models.md for the exact commands). Progress goes to stderr.
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "parse/parser_trainer.h"
#include "tag/conllu.h"
#include "tag/tagger_trainer.h"

namespace dateline::cli {
namespace {

struct TagTrainArgs {
  std::string train, dev, out = "data/models/tagger.dlm";
  TaggerTrainOptions options;
};

Status RunTrainTagger(const TagTrainArgs& a) {
  ASSIGN_OR_RETURN(auto train, ReadConllu(a.train));
  std::unique_ptr<ConlluCorpus> dev;
  if (!a.dev.empty()) {
    ASSIGN_OR_RETURN(auto d, ReadConllu(a.dev));
    dev = std::make_unique<ConlluCorpus>(std::move(d));
  }
  ASSIGN_OR_RETURN(auto model, TrainTagger(train.doc, dev ? &dev->doc : nullptr, a.options, &std::cerr));
  RETURN_IF_ERROR(WriteModelFile(a.out, model.manifest, model.Payload()));
  std::cerr << "wrote " << a.out << " (dev UPOS " << model.manifest.Get("dev_upos") << ", lemma "
            << model.manifest.Get("dev_lemma") << ", " << model.manifest.Get("train_seconds") << " s)\n";
  return Status::OK();
}

const bool kTagger = RegisterCommand(
    "train tagger", "Train the POS tagger and lemmatizer from CoNLL-U (UD English EWT)", [](CLI::App* app) {
      auto a = std::make_shared<TagTrainArgs>();
      app->add_option("--train", a->train, "training CoNLL-U file")->required();
      app->add_option("--dev", a->dev, "development CoNLL-U file (scores recorded in the model)");
      app->add_option("-o,--output", a->out, "model file to write");
      app->add_option("--epochs", a->options.epochs, "training epochs");
      app->add_option("--seed", a->options.seed, "shuffling seed");
      app->add_option("--wordnet", a->options.wordnet_dir, "directory of WordNet *.exc files");
      return [a] { return ReportStatus("train tagger", RunTrainTagger(*a)); };
    });

struct ParseTrainArgs {
  std::string train, dev, tagger = "data/models/tagger.dlm", out = "data/models/parser.dlm";
  ParserTrainOptions options;
};

Status RunTrainParser(const ParseTrainArgs& a) {
  ASSIGN_OR_RETURN(auto train, ReadConllu(a.train));
  RETURN_IF_ERROR(JackknifeTags(&train.doc, a.options.jackknife, a.options.tagger, &std::cerr));
  std::unique_ptr<Document> dev;
  if (!a.dev.empty()) {
    ASSIGN_OR_RETURN(auto d, ReadConllu(a.dev));
    ASSIGN_OR_RETURN(auto tagger, Tagger::Load(a.tagger));
    dev = std::make_unique<Document>(TagCopy(*tagger, d.doc));
  }
  ASSIGN_OR_RETURN(auto model, TrainParser(train.doc, dev.get(), a.options, &std::cerr));
  RETURN_IF_ERROR(WriteModelFile(a.out, model.manifest, model.Payload()));
  std::cerr << "wrote " << a.out << " (dev UAS " << model.manifest.Get("dev_uas") << ", LAS "
            << model.manifest.Get("dev_las") << ", " << model.manifest.Get("train_seconds") << " s)\n";
  return Status::OK();
}

const bool kParser = RegisterCommand(
    "train parser", "Train the dependency parser from CoNLL-U (UD English EWT)", [](CLI::App* app) {
      auto a = std::make_shared<ParseTrainArgs>();
      app->add_option("--train", a->train, "training CoNLL-U file")->required();
      app->add_option("--dev", a->dev, "development CoNLL-U file (tagged with --tagger; scores recorded)");
      app->add_option("--tagger", a->tagger, "tagger model used to tag the dev file");
      app->add_option("-o,--output", a->out, "model file to write");
      app->add_option("--epochs", a->options.epochs, "training epochs");
      app->add_option("--seed", a->options.seed, "shuffling and exploration seed");
      app->add_option("--jackknife", a->options.jackknife, "folds for tagging the training data (0: gold tags)");
      app->add_option("--tagger-epochs", a->options.tagger.epochs, "epochs of each jackknife tagger");
      return [a] { return ReportStatus("train parser", RunTrainParser(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
