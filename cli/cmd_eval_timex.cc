// `dateline eval timex`: TempEval-3 time-expression scores of a system folder against a gold folder.
#include <iostream>

#include "cli/command.h"
#include "timex/timeml.h"

namespace dateline::cli {
namespace {

struct EvalTimexOptions {
  std::string gold, system;
  bool verbose = false;
  bool json = false;
};

int RunEvalTimex(const EvalTimexOptions& o) {
  auto s = ScoreTimexDirs(o.gold, o.system, o.verbose);
  if (!s.ok()) return ReportStatus("eval timex", s.status());
  for (const auto& d : s->details) std::cerr << d << "\n";
  if (o.json) {
    char buf[512];
    auto prf = [](const PRF& r) {
      char b[96];
      std::snprintf(b, sizeof b, "[%.4f, %.4f, %.4f]", r.p, r.r, r.f1);
      return std::string(b);
    };
    std::snprintf(buf, sizeof buf, "{\"gold\": %zu, \"system\": %zu, ", s->gold, s->system);
    std::cout << buf << "\"strict\": " << prf(s->strict_prf) << ", \"relaxed\": " << prf(s->relaxed_prf)
              << ", \"type\": " << prf(s->type_prf) << ", \"value\": " << prf(s->value_prf) << "}\n";
  } else {
    std::cout << FormatScores(*s);
  }
  return 0;
}

const bool kRegistered = RegisterCommand(
    "eval timex", "TempEval-3 timex scores (strict/relaxed span, type, value) of --system against --gold",
    [](CLI::App* app) {
      auto o = std::make_shared<EvalTimexOptions>();
      app->add_option("--gold", o->gold, "Folder of gold TimeML files (*.tml)")->required();
      app->add_option("--system", o->system, "Folder of system TimeML files with the same names")->required();
      app->add_flag("-v,--verbose", o->verbose, "List misses, value errors and extras on stderr");
      app->add_flag("--json", o->json, "One JSON object instead of the table");
      return [o] { return RunEvalTimex(*o); };
    });

}  // namespace
}  // namespace dateline::cli
