// `dateline train tagger|parser|ner`: reproduces the committed statistical models from public corpora
// (see doc/formats/models.md for the exact commands). Progress goes to stderr.
#include <chrono>
#include <unordered_map>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "ner/iob2.h"
#include "ner/ner_trainer.h"
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
      app->add_option("--prune", a->options.prune, "drop averaged weights smaller than this");
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
      app->add_option("--prune", a->options.prune, "drop averaged weights smaller than this");
      app->add_option("--explore-p", a->options.explore_p, "probability of following the model's prediction");
      app->add_option("--min-updates", a->options.min_updates, "drop features updated fewer times");
      app->add_option("--jackknife", a->options.jackknife, "folds for tagging the training data (0: gold tags)");
      app->add_option("--tagger-epochs", a->options.tagger.epochs, "epochs of each jackknife tagger");
      return [a] { return ReportStatus("train parser", RunTrainParser(*a)); };
    });

struct NerTrainArgs {
  std::string train, dev, tagger = "data/models/tagger.dlm", gazetteer, out = "data/models/ner.dlm";
  std::string clusters, wordnet;  // word clusters file, WordNet directory ("" for none)
  std::string jackknife_ud;  // UD treebank with the same training sentences: take jackknifed tags from it
  int jackknife = 5;
  NerTrainOptions options;
};

Status RunTrainNer(const NerTrainArgs& a) {
  ASSIGN_OR_RETURN(auto train, ReadIob2(a.train));
  std::unique_ptr<Iob2Corpus> dev;
  if (!a.dev.empty()) {
    ASSIGN_OR_RETURN(auto d, ReadIob2(a.dev));
    dev = std::make_unique<Iob2Corpus>(std::move(d));
  }
  if (a.options.uses_pos) {
    ASSIGN_OR_RETURN(auto tagger, Tagger::Load(a.tagger));
    for (Sentence& s : train.doc.sentences) tagger->Tag(&s);
    if (!a.jackknife_ud.empty()) {
      // Replace the training tags by jackknifed ones where the UD sentence (same sent_id, same words) exists,
      // so the NER model sees tags as noisy as at run time.
      ASSIGN_OR_RETURN(auto ud, ReadConllu(a.jackknife_ud));
      TaggerTrainOptions topt;
      RETURN_IF_ERROR(JackknifeTags(&ud.doc, a.jackknife, topt, &std::cerr));
      std::unordered_map<std::string, const Sentence*> by_id;
      for (size_t i = 0; i < ud.doc.sentences.size(); ++i) {
        for (const auto& c : ud.extras[i].comments) {
          if (c.rfind("# sent_id = ", 0) == 0) by_id[c.substr(12)] = &ud.doc.sentences[i];
        }
      }
      size_t replaced = 0;
      for (size_t i = 0; i < train.doc.sentences.size(); ++i) {
        Sentence& s = train.doc.sentences[i];
        for (const auto& c : train.comments[i]) {
          if (c.rfind("# sent_id = ", 0) != 0) continue;
          auto it = by_id.find(c.substr(12));
          if (it == by_id.end() || it->second->tokens.size() != s.tokens.size()) continue;
          bool same = true;
          for (size_t k = 0; k < s.tokens.size(); ++k) same &= s.tokens[k].text == it->second->tokens[k].text;
          if (!same) continue;
          for (size_t k = 0; k < s.tokens.size(); ++k) s.tokens[k].xpos = it->second->tokens[k].xpos;
          ++replaced;
        }
      }
      std::cerr << "jackknifed tags for " << replaced << " of " << train.doc.sentences.size() << " sentences\n";
    }
    if (dev) {
      for (Sentence& s : dev->doc.sentences) tagger->Tag(&s);
    }
  }
  std::unique_ptr<Gazetteer> gazetteer;
  NerTrainOptions options = a.options;
  if (!a.gazetteer.empty()) {
    ASSIGN_OR_RETURN(auto g, Gazetteer::Load(a.gazetteer));
    gazetteer = std::make_unique<Gazetteer>(std::move(g));
    options.gazetteer_name = a.gazetteer;
  }
  std::unique_ptr<WordClusters> clusters;
  if (!a.clusters.empty()) {
    ASSIGN_OR_RETURN(auto c, WordClusters::Load(a.clusters));
    clusters = std::make_unique<WordClusters>(std::move(c));
    options.clusters = clusters.get();
    options.clusters_name = a.clusters;
  }
  std::unique_ptr<WordNetNounClasses> wordnet;
  if (!a.wordnet.empty()) {
    ASSIGN_OR_RETURN(auto w, ReadWordNetNounClasses(a.wordnet));
    wordnet = std::make_unique<WordNetNounClasses>(std::move(w));
    options.wordnet = wordnet.get();
  }
  ASSIGN_OR_RETURN(auto model, TrainNer(train.doc, dev ? &dev->doc : nullptr, gazetteer.get(), options, &std::cerr));
  RETURN_IF_ERROR(WriteModelFile(a.out, model.manifest, model.Payload()));
  std::cerr << "wrote " << a.out << " (dev F1 " << model.manifest.Get("dev_f1") << ", "
            << model.manifest.Get("train_seconds") << " s)\n";
  return Status::OK();
}

const bool kNer = RegisterCommand(
    "train ner", "Train the named-entity tagger from IOB2 (Universal NER English-EWT)", [](CLI::App* app) {
      auto a = std::make_shared<NerTrainArgs>();
      app->add_option("--train", a->train, "training IOB2 file")->required();
      app->add_option("--dev", a->dev, "development IOB2 file (F1 recorded in the model)");
      app->add_option("--tagger", a->tagger, "tagger model giving the XPOS features");
      app->add_flag("!--no-pos", a->options.uses_pos, "train without the tagger's XPOS features");
      app->add_option("--jackknife-ud", a->jackknife_ud,
                      "UD CoNLL-U of the same training sentences: use jackknifed tags from it");
      app->add_option("--gazetteer", a->gazetteer, "gazetteer TSV (phrase<TAB>TYPE); recorded in the model");
      app->add_option("--clusters", a->clusters,
                      "word clusters file (`dateline train clusters`); stored in the model");
      app->add_option("--wordnet", a->wordnet,
                      "WordNet database directory (/usr/share/wordnet): noun classes");
      app->add_option("-o,--output", a->out, "model file to write");
      app->add_option("--epochs", a->options.epochs, "training epochs");
      app->add_option("--seed", a->options.seed, "shuffling seed");
      app->add_option("--prune", a->options.prune, "drop averaged weights smaller than this");
      app->add_option("--min-updates", a->options.min_updates, "drop features updated fewer times");
      app->add_flag("!--no-document", a->options.document,
                    "train without the features of how words are written elsewhere in the document");
      app->add_option("--lowercase-copies", a->options.lowercase_copies,
                      "share of training sentences also trained on lowercased");
      app->add_option("--word-dropout", a->options.word_dropout,
                      "chance of hiding a training token's word features for one pass");
      return [a] { return ReportStatus("train ner", RunTrainNer(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
