// Speed of the actors stage: knowledge-base load time and resolution throughput (tokens/s, one core).
//   build/bench/actors_bench [--benchmark_filter=...]
// Text: the Wikinews articles of ../shared/data/news/wikinews (CSV url,date,title,text), else the seed
// articles, segmented once with the built-in SimpleSegment (segmentation is not timed).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "actors/actor_annotator.h"
#include "actors/simple_segmenter.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

// RFC 4180 rows (quoted fields may hold commas, quotes and newlines).
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field.push_back('"'), ++i;
      else if (c == '"') quoted = false;
      else field.push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (!field.empty()) rows.back().push_back(std::move(field));
  return rows;
}

std::vector<Document>& Corpus() {
  static std::vector<Document> docs = [] {
    std::vector<Document> out;
    const fs::path shared = fs::path(DATELINE_SOURCE_DIR) / "../shared";
    for (const char* f : {"data/news/wikinews/wikinews_2019.csv", "data/news/wikinews/wikinews_2020.csv"}) {
      if (!fs::exists(shared / f)) continue;
      auto rows = ReadCsv(shared / f);
      for (size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() < 4) continue;
        Document d;
        d.id = rows[r][0];
        auto date = ParseIsoDate(rows[r][1].substr(0, 10));
        if (date.ok()) d.published = *date;
        d.text = rows[r][2] + "\n" + rows[r][3];
        out.push_back(std::move(d));
      }
    }
    if (out.empty() && fs::exists(shared / "seeds")) {
      for (const auto& e : fs::directory_iterator(shared / "seeds")) {
        if (e.path().extension() != ".txt") continue;
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        Document d;
        d.text = ss.str().substr(17);
        d.published = Date::Day(2022, 2, 7);
        out.push_back(std::move(d));
      }
    }
    for (auto& d : out) d.sentences = SimpleSegment(d.text);
    return out;
  }();
  return docs;
}

void BM_KnowledgeBaseLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto kb = KnowledgeBase::Load();
    if (!kb.ok()) {
      state.SkipWithError(kb.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(kb);
  }
  state.SetLabel("ms per load = Time");
}
BENCHMARK(BM_KnowledgeBaseLoad)->Unit(benchmark::kMillisecond);

void BM_ResolveActors(benchmark::State& state) {
  auto annotator = MakeActorAnnotator();
  if (!annotator.ok()) {
    state.SkipWithError(annotator.status().ToString().c_str());
    return;
  }
  auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("no corpus (../shared absent)");
    return;
  }
  size_t tokens = 0, mentions = 0;
  for (const auto& d : docs)
    for (const auto& s : d.sentences) tokens += s.tokens.size();
  for (auto _ : state) {
    for (auto& d : docs) {
      (void)(*annotator)->Annotate(&d);
      mentions += d.actors.size();
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens * state.iterations()),
                                                  benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["mentions/doc"] =
      static_cast<double>(mentions) / static_cast<double>(docs.size() * state.iterations());
}
BENCHMARK(BM_ResolveActors)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dateline
