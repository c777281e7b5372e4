// `dateline merge FILE…`: the reduce step. Reads event mentions from `dateline extract` output (or
// events.jsonl files, whose mentions are re-merged), in any number and order, and writes merged events as
// JSON Lines (doc/formats/events_jsonl.md) on stdout or to -o FILE. Merging the shards of a corpus gives the
// same events as one run over the whole corpus. Broken lines are reported on stderr and skipped.
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "merge/event_json.h"
#include "merge/merge.h"
#include "store/outputs.h"

namespace dateline::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string out;
  int conflict_window_days = 1;
};

int RunMerge(const MergeArgs& args) {
  std::vector<MentionRecord> mentions;
  std::vector<std::string> errors;
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  for (const std::string& path : inputs) {
    if (path == "-") {
      std::string line;
      size_t n = 0;
      while (std::getline(std::cin, line)) {
        ++n;
        Status s = ParseMentionsJson(line, &mentions);
        if (!s.ok()) errors.push_back("<stdin>:" + std::to_string(n) + ": " + s.message());
      }
      continue;
    }
    Status s = ReadMentionsFile(path, &mentions, &errors);
    if (!s.ok()) return ReportStatus("merge", s);
  }
  for (const auto& e : errors) std::cerr << "dateline merge: skipped " << e << "\n";
  MergeOptions mo;
  mo.conflict_window_days = args.conflict_window_days;
  const size_t n_mentions = mentions.size();
  const std::vector<Event> events = MergeMentions(std::move(mentions), mo);
  if (!args.out.empty()) {
    if (Status s = WriteEventsJsonl(args.out, events); !s.ok()) return ReportStatus("merge", s);
  } else {
    std::string buf;
    for (const Event& e : events) {
      buf.clear();
      AppendEventJson(e, &buf);
      buf.push_back('\n');
      std::cout << buf;
    }
    std::cout.flush();
  }
  std::cerr << "dateline merge: " << n_mentions << " mentions → " << events.size() << " events ("
            << errors.size() << " line(s) skipped)\n";
  return 0;
}

const bool kRegistered = RegisterCommand(
    "merge", "Merge event mentions (extract JSONL, any number of shards) into events (JSON Lines)",
    [](CLI::App* app) {
      auto args = std::make_shared<MergeArgs>();
      app->add_option("inputs", args->inputs, "extract JSONL or events.jsonl files ('-' = stdin, the default)");
      app->add_option("-o,--out", args->out, "Write events here instead of stdout");
      app->add_option("--conflict-window", args->conflict_window_days,
                      "Days apart two dates of one event may be, reported by different documents");
      return [args] { return RunMerge(*args); };
    });

}  // namespace
}  // namespace dateline::cli
