// `dateline segment [INPUT…]`: sentences and tokens as JSON Lines on stdout, one line per sentence:
//   {"doc","index","start","end","text","tokens":[{"start","end","text"},…]}   (byte offsets into the text)
// Rejected inputs are reported on stderr; the exit code is 0 unless nothing could be read.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "ingest/reader.h"
#include "text/segment_json.h"
#include "text/segmenter.h"

namespace dateline::cli {
namespace {

struct SegmentArgs {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "auto";
  bool split_hyphens = false;
};

int RunSegment(const SegmentArgs& args) {
  ReadOptions ro;
  ro.format = args.format;
  if (!args.dct.empty()) {
    auto d = ParseIsoDate(args.dct);
    if (!d.ok()) return ReportStatus("segment", Status::InvalidArgument("--dct: " + d.status().message()));
    ro.dct = *d;
  }
  SegmentOptions so;
  so.tokenizer.split_hyphens = args.split_hyphens;
  so.fill_norm = false;
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  ReadStats stats;
  const bool progress = isatty(STDERR_FILENO) != 0;
  size_t done = 0;
  Status s = ReadInputs(
      inputs, ro,
      [&](Document&& doc) {
        doc.sentences = SegmentText(doc.text, so);
        std::cout << SegmentationJson(doc);
        // A progress line for long runs, only when stderr is a terminal.
        if (progress && ++done % 1000 == 0)
          std::cerr << "\rdateline segment: " << done << " documents" << std::flush;
      },
      nullptr, &stats);
  std::cout.flush();
  if (!s.ok()) return ReportStatus("segment", s);
  if (progress && done >= 1000) std::cerr << "\n";
  std::cerr << "dateline segment: " << stats.documents_accepted << " document(s) segmented, "
            << stats.documents_rejected << " rejected, " << stats.warnings << " warning(s)\n";
  if (stats.documents_accepted == 0) {
    std::cerr << "dateline segment: nothing could be read (see the messages above)\n";
    return 1;
  }
  return 0;
}

const bool kRegistered = RegisterCommand(
    "segment", "Split articles into sentences and tokens (JSON Lines on stdout, one line per sentence)",
    [](CLI::App* app) {
      auto args = std::make_shared<SegmentArgs>();
      app->add_option("inputs", args->inputs, "Files, directories or - for stdin (default: stdin)");
      app->add_option("--dct", args->dct, "Publication date for inputs without one (YYYY-MM-DD)");
      app->add_option("--format", args->format, "Input format")
          ->check(CLI::IsMember({"auto", "seed", "jsonl", "text", "reuters", "csv"}));
      app->add_flag("--split-hyphens", args->split_hyphens,
                    "Split hyphenated words as UD EWT does (long-term → long - term)");
      return [args] { return RunSegment(*args); };
    });

}  // namespace
}  // namespace dateline::cli
