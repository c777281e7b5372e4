// `dateline extract [INPUT…]`: the per-document map step — runs the pipeline (segment → … → events) and
// writes one JSON line per event mention on stdout (doc/formats/extract.md), documents in input order.
// Documents are processed in batches by a pool of --threads workers; no state is shared between
// documents, so the output for a document depends on that document alone.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "core/date.h"
#include "events/lexicon.h"
#include "events/mention_json.h"
#include "ingest/reader.h"
#include "pipeline/pipeline.h"

namespace dateline::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string dct;
  std::string format = "auto";
  std::string output;
  int threads = 0;
  size_t batch = 256;
  std::string parse = "triggers";
};

int RunExtract(const ExtractArgs& args) {
  ReadOptions ro;
  ro.format = args.format;
  if (!args.dct.empty()) {
    auto d = ParseIsoDate(args.dct);
    if (!d.ok()) return ReportStatus("extract", Status::InvalidArgument("--dct: " + d.status().message()));
    ro.dct = *d;
  }
  if (args.parse != "triggers" && args.parse != "all") {
    return ReportStatus("extract", Status::InvalidArgument("--parse must be triggers or all, not '" + args.parse + "'"));
  }
  PipelineOptions po;
  po.parse_all = args.parse == "all";
  auto pipeline = Pipeline::Load(po);
  if (!pipeline.ok()) return ReportStatus("extract", pipeline.status());
  auto lexicon = EventLexicon::Load();
  if (!lexicon.ok()) return ReportStatus("extract", lexicon.status());
  std::ofstream file;
  if (!args.output.empty()) {
    file.open(args.output);
    if (!file) return ReportStatus("extract", Status::IOError(args.output + ": cannot write"));
  }
  std::ostream& out = args.output.empty() ? std::cout : file;
  const int threads =
      args.threads > 0 ? args.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");

  const auto t0 = std::chrono::steady_clock::now();
  size_t docs = 0, sentences = 0, mentions = 0, failed = 0;
  std::vector<Document> batch;
  std::vector<std::string> lines;
  auto flush = [&] {
    lines.assign(batch.size(), std::string());
    std::vector<std::string> errors(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        Status s = (*pipeline)->Process(&batch[i]);
        if (!s.ok()) errors[i] = s.ToString();
        for (const EventMention& m : batch[i].events) {
          AppendMentionJson(batch[i], m, lexicon->get(), &lines[i]);
          lines[i].push_back('\n');
        }
      }
    };
    const int n = std::min<int>(threads, static_cast<int>(batch.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!errors[i].empty()) {
        ++failed;
        std::cerr << "dateline extract: " << batch[i].origin << ": " << errors[i] << "\n";
      }
      out << lines[i];
      sentences += batch[i].sentences.size();
      mentions += batch[i].events.size();
    }
    docs += batch.size();
    batch.clear();
  };
  ReadStats stats;
  Status s = ReadInputs(
      inputs, ro,
      [&](Document&& doc) {
        batch.push_back(std::move(doc));
        if (batch.size() >= args.batch) flush();
      },
      nullptr, &stats);
  flush();
  out.flush();
  if (!s.ok()) return ReportStatus("extract", s);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "dateline extract: " << docs << " document(s), " << sentences << " sentence(s), " << mentions
            << " event mention(s), " << stats.documents_rejected << " rejected, " << failed << " failed, "
            << secs << " s (" << (secs > 0 ? sentences / secs : 0) << " sentences/s on " << threads
            << " thread(s))\n";
  if (stats.documents_accepted == 0) {
    std::cerr << "dateline extract: nothing could be read (see the messages above)\n";
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

const bool kRegistered = RegisterCommand(
    "extract", "Extract coded event mentions, one JSON line each (doc/formats/extract.md)", [](CLI::App* app) {
      auto args = std::make_shared<ExtractArgs>();
      app->add_option("inputs", args->inputs, "Input files or directories ('-' or none: stdin)");
      app->add_option("--dct", args->dct, "Publication date (YYYY-MM-DD) for inputs that carry none");
      app->add_option("--format", args->format, "Input format: auto, seed, jsonl, text");
      app->add_option("-o,--output", args->output, "Write the JSON lines to FILE instead of stdout");
      app->add_option("--threads", args->threads, "Worker threads (0 = one per core)");
      app->add_option("--batch", args->batch, "Documents processed together (bounds memory)");
      app->add_option("--parse", args->parse,
                      "Sentences to parse: triggers (those with a possible event trigger; same events) or all")
          ->capture_default_str();
      return [args] { return RunExtract(*args); };
    });

}  // namespace
}  // namespace dateline::cli
