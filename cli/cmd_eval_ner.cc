// `dateline eval ner --gold FILE --system FILE`: exact-span precision, recall and F1 per entity type for
// IOB2 files with the same tokens.
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "ner/iob2.h"

namespace dateline::cli {
namespace {

struct EvalNerArgs {
  std::string gold, system;
};

Status RunEvalNer(const EvalNerArgs& a) {
  ASSIGN_OR_RETURN(auto gold, ReadIob2(a.gold));
  ASSIGN_OR_RETURN(auto sys, ReadIob2(a.system));
  ASSIGN_OR_RETURN(auto s, EvaluateNer(gold.doc, sys.doc));
  std::printf("%-6s %7s %7s %7s %9s %7s %7s\n", "type", "gold", "system", "correct", "precision", "recall", "F1");
  auto row = [](const std::string& name, const SpanCounts& c) {
    std::printf("%-6s %7zu %7zu %7zu %9.4f %7.4f %7.4f\n", name.c_str(), c.gold, c.system, c.correct,
                c.Precision(), c.Recall(), c.F1());
  };
  for (const auto& [type, c] : s.by_type) row(type, c);
  row("all", s.all);
  return Status::OK();
}

const bool kRegistered = RegisterCommand(
    "eval ner", "Score named entities against gold IOB2 (exact span P/R/F1 per type)", [](CLI::App* app) {
      auto a = std::make_shared<EvalNerArgs>();
      app->add_option("--gold", a->gold, "gold IOB2 file")->required();
      app->add_option("--system", a->system, "system IOB2 file, same tokens")->required();
      return [a] { return ReportStatus("eval ner", RunEvalNer(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
