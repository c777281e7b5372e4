// dateline: dated news articles in, a verified record of events out.
// A thin front: every subcommand is in cli/cmd_<name>.cc and registers itself (cli/command.h).
#include <algorithm>
#include <iostream>

#include "cli/command.h"

namespace dateline::cli {

std::vector<Command>& Commands() {
  static std::vector<Command> commands;
  return commands;
}

bool RegisterCommand(std::string name, std::string help, Setup setup) {
  Commands().push_back({std::move(name), std::move(help), std::move(setup)});
  return true;
}

int ReportStatus(const std::string& command, const Status& status) {
  if (status.ok()) return 0;
  std::cerr << "dateline " << command << ": " << status.ToString() << "\n";
  switch (status.code()) {
    case Status::Code::kInvalidArgument: return 2;
    case Status::Code::kNotFound:
    case Status::Code::kIOError: return 3;
    default: return 1;
  }
}

}  // namespace dateline::cli

int main(int argc, char** argv) {
  using namespace dateline::cli;
  CLI::App app{"dateline: who did what to whom, when, where, according to whom — from dated news articles"};
  app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  auto& commands = Commands();
  std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  Action chosen;
  for (auto& cmd : commands) {
    // "eval timex" registers `timex` under a shared `eval` group.
    CLI::App* parent = &app;
    std::string name = cmd.name;
    if (auto sp = name.find(' '); sp != std::string::npos) {
      std::string group = name.substr(0, sp);
      name = name.substr(sp + 1);
      CLI::App* g = nullptr;
      try {
        g = app.get_subcommand(group);
      } catch (const CLI::OptionNotFound&) {
        g = app.add_subcommand(group, group == "eval"    ? "Score system output against gold data"
                                      : group == "train" ? "Train a statistical model from public data"
                                                         : group);
        g->require_subcommand(1);
      }
      parent = g;
    }
    CLI::App* sub = parent->add_subcommand(name, cmd.help);
    Action action = cmd.setup(sub);
    sub->callback([&chosen, action] { chosen = action; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!chosen) return 2;
  try {
    return chosen();
  } catch (const std::exception& e) {
    std::cerr << "dateline: internal error: " << e.what() << "\n";
    return 1;
  }
}
