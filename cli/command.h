// Subcommand registry for the `dateline` binary.
//
// Each subcommand lives in its own cli/cmd_<name>.cc and registers itself at static-initialisation time:
//
//   static const bool kRegistered = dateline::cli::RegisterCommand(
//       "segment", "Split articles into sentences and tokens (JSON Lines on stdout)",
//       [](CLI::App* app) { ... add options ...; return [opts] { return RunSegment(*opts); }; });
//
// A name with a space ("eval timex", "train tagger") is registered under a shared group command.
// The setup function adds options to the CLI11 sub-app and returns the action to run when the
// subcommand is chosen; the action returns the process exit code. Registration is not thread-safe
// (it happens before main).
#ifndef DATELINE_CLI_COMMAND_H_
#define DATELINE_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace dateline::cli {

using Action = std::function<int()>;
using Setup = std::function<Action(CLI::App*)>;

struct Command {
  std::string name;
  std::string help;
  Setup setup;
};

bool RegisterCommand(std::string name, std::string help, Setup setup);
std::vector<Command>& Commands();

// Prints "dateline <cmd>: <status>" to stderr and returns the exit code for it (0 for OK).
int ReportStatus(const std::string& command, const Status& status);

}  // namespace dateline::cli

#endif  // DATELINE_CLI_COMMAND_H_
