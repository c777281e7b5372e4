// `dateline info`: versions and where data files are looked up.
#include <iostream>

#include "cli/command.h"
#include "core/paths.h"

namespace dateline::cli {
namespace {

const bool kRegistered = RegisterCommand("info", "Print versions and the data directory in use", [](CLI::App*) {
  return [] {
    std::cout << "dateline " << DATELINE_VERSION << "\n"
              << "data directory: " << DataDir() << "\n";
    return 0;
  };
});

}  // namespace
}  // namespace dateline::cli
