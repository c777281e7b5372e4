// `dateline eval ud --gold FILE --system FILE`: UPOS, XPOS, lemma accuracy, UAS and LAS as in the CoNLL
// 2018 shared task, for system files with the gold tokenization.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "tag/conllu.h"
#include "tag/ud_eval.h"

namespace dateline::cli {
namespace {

struct EvalUdArgs {
  std::string gold, system;
};

Status RunEvalUd(const EvalUdArgs& a) {
  ASSIGN_OR_RETURN(auto gold, ReadConllu(a.gold));
  ASSIGN_OR_RETURN(auto sys, ReadConllu(a.system));
  ASSIGN_OR_RETURN(auto s, EvaluateUd(gold.doc, sys.doc));
  std::printf("Metric     | Correct   |  Total    | Accuracy\n");
  const std::pair<const char*, size_t> rows[] = {
      {"UPOS", s.upos}, {"XPOS", s.xpos}, {"Lemmas", s.lemma}, {"UAS", s.uas}, {"LAS", s.las}};
  for (const auto& [name, k] : rows) {
    std::printf("%-10s | %9zu | %9zu | %8.2f\n", name, k, s.words, s.Pct(k));
  }
  return Status::OK();
}

const bool kRegistered = RegisterCommand(
    "eval ud", "Score CoNLL-U tags, lemmas and dependencies against gold (CoNLL 2018 metrics)", [](CLI::App* app) {
      auto a = std::make_shared<EvalUdArgs>();
      app->add_option("--gold", a->gold, "gold CoNLL-U file")->required();
      app->add_option("--system", a->system, "system CoNLL-U file, same tokenization")->required();
      return [a] { return ReportStatus("eval ud", RunEvalUd(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
