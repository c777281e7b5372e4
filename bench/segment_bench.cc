// Segmentation throughput (tokenize + split + norm, one thread) on real news: the Reuters-21578 SGML files
// and the Wikinews CSV dumps in ../shared/data/news, read once with the ingest readers. Reports bytes of
// article text per second (MB/s counter = 10^6 bytes per second per core). Falls back to the bundled
// examples/ articles, named so in the output, when ../shared is absent. Also times the readers themselves.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "text/segmenter.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

const std::string kNews = DATELINE_SOURCE_DIR "/../shared/data/news/";

std::vector<std::string> Load(const std::vector<std::string>& inputs) {
  std::vector<std::string> texts;
  ReadOptions ro;
  ro.quiet = true;
  (void)ReadInputs(
      inputs, ro, [&](Document&& d) { texts.push_back(std::move(d.text)); }, nullptr);
  return texts;
}

std::vector<std::string> ReutersInputs() {
  std::vector<std::string> files;
  if (!fs::exists(kNews + "reuters21578")) return files;
  for (const auto& e : fs::directory_iterator(kNews + "reuters21578"))
    if (e.path().extension() == ".sgm") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

const std::vector<std::string>& Corpus(const std::string& name) {
  static const std::vector<std::string> reuters = Load(ReutersInputs());
  static const std::vector<std::string> wikinews =
      Load({kNews + "wikinews/wikinews_2019.csv", kNews + "wikinews/wikinews_2020.csv"});
  static const std::vector<std::string> examples = Load({DATELINE_SOURCE_DIR "/examples/articles"});
  if (name == "reuters") return reuters;
  if (name == "wikinews") return wikinews;
  return examples;
}

void BM_Segment(benchmark::State& state, const std::string& name, bool fill_norm) {
  const auto& texts = Corpus(name);
  if (texts.empty()) {
    state.SkipWithError(("corpus '" + name + "' is absent (../shared/data/news)").c_str());
    return;
  }
  SegmentOptions opts;
  opts.fill_norm = fill_norm;
  size_t bytes = 0, tokens = 0, sentences = 0;
  for (const auto& t : texts) bytes += t.size();
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto s = SegmentText(t, opts);
      sentences += s.size();
      for (const auto& x : s) tokens += x.tokens.size();
      benchmark::DoNotOptimize(s);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(bytes * state.iterations()) / 1e6, benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(texts.size());
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/doc"] =
      static_cast<double>(sentences) / static_cast<double>(texts.size() * state.iterations());
}
BENCHMARK_CAPTURE(BM_Segment, reuters, std::string("reuters"), true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Segment, wikinews, std::string("wikinews"), true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Segment, reuters_no_norm, std::string("reuters"), false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_Segment, examples, std::string("examples"), true)->Unit(benchmark::kMillisecond);

void BM_ReadReuters(benchmark::State& state) {
  const auto inputs = ReutersInputs();
  if (inputs.empty()) {
    state.SkipWithError("../shared/data/news/reuters21578 is absent");
    return;
  }
  size_t bytes = 0;
  for (const auto& f : inputs) bytes += fs::file_size(f);
  ReadOptions ro;
  ro.quiet = true;
  for (auto _ : state) {
    size_t n = 0;
    (void)ReadInputs(
        inputs, ro, [&](Document&&) { ++n; }, nullptr);
    benchmark::DoNotOptimize(n);
  }
  state.counters["MB/s"] =
      benchmark::Counter(static_cast<double>(bytes * state.iterations()) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadReuters)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline
