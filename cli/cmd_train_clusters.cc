// `dateline train clusters --input … -o data/models/clusters.dlm`: learns word clusters from unlabeled
// text (the NER tagger's word-representation features; doc/formats/clusters.md). Inputs are CoNLL-U
// (*.conllu: word forms), IOB2 (*.iob2*: word forms) or anything `dateline extract` reads (Reuters SGML,
// Wikinews CSV, JSON Lines, text, directories), segmented as the pipeline segments articles. Progress goes
// to stderr.
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "ingest/reader.h"
#include "ner/cluster_trainer.h"
#include "ner/iob2.h"
#include "tag/conllu.h"
#include "text/segmenter.h"

namespace dateline::cli {
namespace {

struct ClusterArgs {
  std::vector<std::string> inputs;
  std::string out = "data/models/clusters.dlm";
  std::string corpus, licence;
  bool print = false;  // also print "path<TAB>word" lines on stdout
  ClusterTrainOptions options;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void AddDocument(const Document& doc, bool use_norm, ClusterCorpus* corpus) {
  std::vector<std::string_view> words;
  for (const Sentence& s : doc.sentences) {
    words.clear();
    for (const Token& t : s.tokens) words.emplace_back(use_norm && !t.norm.empty() ? t.norm : t.text);
    corpus->AddSentence(words);
  }
}

Status RunTrainClusters(const ClusterArgs& a) {
  const auto t0 = std::chrono::steady_clock::now();
  ClusterCorpus corpus;
  for (const std::string& input : a.inputs) {
    const size_t before = corpus.tokens();
    if (EndsWith(input, ".conllu")) {
      ASSIGN_OR_RETURN(auto c, ReadConllu(input));
      AddDocument(c.doc, false, &corpus);
    } else if (input.find(".iob2") != std::string::npos) {
      ASSIGN_OR_RETURN(auto c, ReadIob2(input));
      AddDocument(c.doc, false, &corpus);
    } else {
      ReadOptions ro;
      ro.quiet = true;
      SegmentOptions so;
      RETURN_IF_ERROR(ReadInputs(
          {input}, ro,
          [&](Document&& doc) {
            doc.sentences = SegmentText(doc.text, so);
            AddDocument(doc, true, &corpus);
          },
          nullptr));
    }
    std::cerr << "clusters: " << input << ": " << corpus.tokens() - before << " tokens\n";
  }
  ASSIGN_OR_RETURN(auto clusters, TrainClusters(corpus, a.options, &std::cerr));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ModelManifest m;
  m.Set("code_version", DATELINE_VERSION);
  std::string inputs;
  for (const std::string& input : a.inputs) inputs += (inputs.empty() ? "" : " ") + input;
  m.Set("inputs", inputs);
  m.Set("corpus", a.corpus.empty() ? inputs : a.corpus);
  m.Set("licence", a.licence.empty() ? "as the inputs state" : a.licence);
  const auto& o = a.options;
  std::string classes;
  for (int k : o.classes) classes += (classes.empty() ? "" : ",") + std::to_string(k);
  m.Set("params",
        "method=" + o.method + " classes=" + classes +
            " exchange_iterations=" + std::to_string(o.exchange_iterations) +
            " min_count=" + std::to_string(o.min_count) + " max_words=" + std::to_string(o.max_words) +
            " context_words=" + std::to_string(o.context_words) +
            " max_depth=" + std::to_string(o.max_depth) + " min_leaf=" + std::to_string(o.min_leaf) +
            " iterations=" + std::to_string(o.iterations) +
            " power_iterations=" + std::to_string(o.power_iterations));
  m.Set("method", o.method == "exchange"
                      ? "predictive exchange clustering (class of a word given the word before), one run per "
                        "class count, path = the class numbers in order"
                      : "bisecting spherical k-means over PPMI vectors of the words at -2,-1,+1,+2");
  m.Set("tokens", std::to_string(corpus.tokens()));
  m.Set("sentences", std::to_string(corpus.sentences()));
  m.Set("words", std::to_string(clusters.size()));
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", secs);
  m.Set("train_seconds", buf);
  RETURN_IF_ERROR(clusters.Save(a.out, m));
  if (a.print) {
    for (size_t i = 0; i < clusters.size(); ++i) {
      std::cout << ClusterPath(clusters.codes()[i]) << '\t' << clusters.words()[i] << '\n';
    }
  }
  std::cerr << "wrote " << a.out << " (" << clusters.size() << " words, " << buf << " s)\n";
  return Status::OK();
}

const bool kClusters = RegisterCommand(
    "train clusters", "Learn word clusters from unlabeled text (NER word-representation features)",
    [](CLI::App* app) {
      auto a = std::make_shared<ClusterArgs>();
      app->add_option("--input", a->inputs, "CoNLL-U, IOB2, or article files/directories (repeatable)")
          ->required();
      app->add_option("-o,--output", a->out, "clusters file to write")->capture_default_str();
      app->add_option("--corpus", a->corpus, "description of the corpus, recorded in the file");
      app->add_option("--licence", a->licence, "licences of the inputs, recorded in the file");
      app->add_option("--method", a->options.method, "exchange or bisect")->capture_default_str();
      app->add_option("--classes", a->options.classes, "exchange: classes of each run (powers of two)")
          ->delimiter(',')
          ->capture_default_str();
      app->add_option("--exchange-iterations", a->options.exchange_iterations, "exchange: passes at most")
          ->capture_default_str();
      app->add_option("--min-count", a->options.min_count, "words seen fewer times get no cluster")
          ->capture_default_str();
      app->add_option("--max-words", a->options.max_words, "most frequent words clustered")
          ->capture_default_str();
      app->add_option("--context-words", a->options.context_words, "context words known by identity")
          ->capture_default_str();
      app->add_option("--depth", a->options.max_depth, "bits of a cluster path")->capture_default_str();
      app->add_option("--min-leaf", a->options.min_leaf, "smallest side of a split")->capture_default_str();
      app->add_option("--iterations", a->options.iterations, "k-means refinements per split")
          ->capture_default_str();
      app->add_flag("--print", a->print, "also print each word's cluster path on stdout");
      return [a] { return ReportStatus("train clusters", RunTrainClusters(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
