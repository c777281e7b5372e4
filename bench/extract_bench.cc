// End-to-end speed of `dateline extract` (every pipeline stage: segment → tag → parse → ner → timex →
// actors → events) on real news, one core: sentences per second overall (CPU time of the thread, so a busy
// shared machine does not skew it) and per stage (CPU time of the thread, shares of the total).
//   build/bench/extract_bench [--parse-all] [FILE_OR_DIR …]   (default: Reuters-21578 reut2-000.sgm and
//   reut2-001.sgm, plus Wikinews 2019, from ../shared/data/news); --parse-all parses every sentence
//   (PipelineOptions::parse_all) instead of only those with a possible event trigger.
// Reading is not timed; the pipeline is loaded once (load time reported separately).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "parse/parser.h"
#include "pipeline/pipeline.h"

int main(int argc, char** argv) {
  using namespace dateline;
  namespace fs = std::filesystem;
  PipelineOptions options;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--parse-all") == 0) {
      options.parse_all = true;
    } else if (std::strncmp(argv[i], "--benchmark", 11) == 0) {
      continue;  // Google Benchmark flags bench/run.sh passes to every benchmark
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    const fs::path news = fs::path(DATELINE_SOURCE_DIR) / "../shared/data/news";
    for (const char* f : {"reuters21578/reut2-000.sgm", "reuters21578/reut2-001.sgm", "wikinews/wikinews_2019.csv"}) {
      if (fs::exists(news / f)) inputs.push_back((news / f).string());
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "extract_bench: no input (pass files, or provide ../shared/data/news)\n");
    return 2;
  }
  std::vector<Document> docs;
  Status rs = ReadInputs(inputs, ReadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); }, nullptr);
  if (!rs.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", rs.ToString().c_str());
    return 1;
  }
  const auto l0 = std::chrono::steady_clock::now();
  auto p = Pipeline::Load(options);
  if (!p.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", p.status().ToString().c_str());
    return 1;
  }
  const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - l0).count();
  StageTimings timings;
  size_t sentences = 0, mentions = 0, bytes = 0, parsed = 0;
  auto cpu_now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_now();
  for (Document& d : docs) {
    (void)(*p)->Process(&d, &timings);
    sentences += d.sentences.size();
    for (const Sentence& s : d.sentences) parsed += IsParsed(s);
    mentions += d.events.size();
    bytes += d.text.size();
  }
  const double cpu = cpu_now() - c0;
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("documents %zu, sentences %zu, %.1f MB, event mentions %zu; pipeline load %.2f s\n", docs.size(),
              sentences, bytes / 1e6, mentions, load);
  std::printf("extract end to end, 1 thread, CPU time: %.3f s = %.0f sentences/s = %.0f documents/s (wall %.3f s)%s\n",
              cpu, sentences / cpu, docs.size() / cpu, secs, options.parse_all ? " [parse all]" : "");
  std::printf("  sentences parsed: %zu (%.1f%%)\n", parsed, sentences ? 100.0 * parsed / sentences : 0.0);
  std::printf("  per stage, CPU time:\n");
  for (const auto& [stage, s] : timings.seconds) {
    std::printf("  %-8s %8.3f s  %10.0f sentences/s  %5.1f%%\n", stage.c_str(), s, s > 0 ? sentences / s : 0.0,
                100.0 * s / cpu);
  }
  return 0;
}
