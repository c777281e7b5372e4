// Throughput of the time-expression tagger on real newswire (Reuters-21578 bodies with their dates).
//
//   timex_bench [--news DIR] [--dump-corpus FILE] [--dump-timexes FILE] [benchmark flags]
//
// DIR defaults to ../shared/data/news/reuters21578 next to the source tree. --dump-corpus writes the
// articles as JSON Lines ({"id","dct","text"}) and --dump-timexes our expressions for them, so that
// bench/chrono/compare.js can run chrono-node on the same text and compare what each finds.
// Build by hand when bench/CMakeLists.txt does not list it:
//   g++ -std=c++20 -O2 -Isrc bench/timex_bench.cc build/src/timex/libdateline_timex.a \
//       build/src/core/libdateline_core.a -lbenchmark -lpthread -o timex_bench
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"
#include "timex/timex.h"

#ifndef DATELINE_SOURCE_DIR
#define DATELINE_SOURCE_DIR "."
#endif

namespace dateline {
namespace {

struct Article {
  std::string id;
  Date dct;
  std::string text;
};

std::vector<Article>& Corpus() {
  static std::vector<Article> corpus;
  return corpus;
}

Date ParseReutersDate(std::string_view s) {  // "26-FEB-1987 15:01:01.79"
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  s.remove_prefix(i);
  if (s.size() < 11) return Date{};
  int day = std::atoi(std::string(s.substr(0, 2)).c_str());
  int month = 0;
  for (int m = 0; m < 12; ++m) {
    if (s.substr(3, 3) == kMonths[m]) month = m + 1;
  }
  int year = std::atoi(std::string(s.substr(7, 4)).c_str());
  if (!IsValidDate(year, month, day)) return Date{};
  return Date::Day(year, month, day);
}

void LoadReuters(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".sgm") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string raw = ss.str();
    size_t pos = 0;
    int n = 0;
    while ((pos = raw.find("<REUTERS", pos)) != std::string::npos) {
      const size_t end = raw.find("</REUTERS>", pos);
      if (end == std::string::npos) break;
      const std::string_view doc = std::string_view(raw).substr(pos, end - pos);
      pos = end;
      const size_t d = doc.find("<DATE>"), b = doc.find("<BODY>"), be = doc.find("</BODY>");
      if (d == std::string::npos || b == std::string::npos || be == std::string::npos) continue;
      Article a;
      a.id = f.stem().string() + "-" + std::to_string(n++);
      a.dct = ParseReutersDate(doc.substr(d + 6, 24));
      a.text = std::string(doc.substr(b + 6, be - b - 6));
      Corpus().push_back(std::move(a));
    }
  }
}

size_t CorpusBytes() {
  size_t n = 0;
  for (const auto& a : Corpus()) n += a.text.size();
  return n;
}

void BM_TagNews(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("no news corpus (pass --news DIR)");
    return;
  }
  const size_t bytes = CorpusBytes();
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& a : Corpus()) {
      auto xs = TagTimexes(a.text, a.dct);
      found += xs.size();
      benchmark::DoNotOptimize(xs.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(Corpus().size());
  state.counters["timexes_per_doc"] =
      static_cast<double>(found) / static_cast<double>(state.iterations() * Corpus().size());
}
BENCHMARK(BM_TagNews)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// One short article, to show the fixed cost per call.
void BM_TagShortArticle(benchmark::State& state) {
  const std::string text =
      "Russian President Vladimir Putin spoke with Emmanuel Macron on Thursday for the third time within "
      "seven days. Before 3 February, both leaders held phone calls on 28 and 31 January. Macron will "
      "meet Putin in Moscow on Monday; Scholz travels to Kyiv and Moscow on February 14-15.";
  const Date dct = Date::Day(2022, 2, 4);
  for (auto _ : state) benchmark::DoNotOptimize(TagTimexes(text, dct));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TagShortArticle);

void DumpCorpus(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  std::string line;
  for (const auto& a : Corpus()) {
    line = "{\"id\":";
    AppendJsonString(&line, a.id);
    line += ",\"dct\":\"" + a.dct.ToString() + "\",\"text\":";
    AppendJsonString(&line, a.text);
    line += "}\n";
    out << line;
  }
}

void DumpTimexes(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  std::string line;
  for (const auto& a : Corpus()) {
    for (const auto& x : TagTimexes(a.text, a.dct)) {
      line = "{\"id\":";
      AppendJsonString(&line, a.id);
      line += ",\"start\":" + std::to_string(x.start) + ",\"end\":" + std::to_string(x.end) + ",\"text\":";
      AppendJsonString(&line, std::string_view(a.text).substr(x.start, x.end - x.start));
      line += ",\"type\":\"" + std::string(TimexTypeName(x.type)) + "\",\"value\":";
      AppendJsonString(&line, x.value);
      line += "}\n";
      out << line;
    }
  }
}

}  // namespace
}  // namespace dateline

int main(int argc, char** argv) {
  std::string news = std::string(DATELINE_SOURCE_DIR) + "/../shared/data/news/reuters21578";
  std::string dump_corpus, dump_timexes;
  std::vector<char*> rest{argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--news") && i + 1 < argc) news = argv[++i];
    else if (!std::strcmp(argv[i], "--dump-corpus") && i + 1 < argc) dump_corpus = argv[++i];
    else if (!std::strcmp(argv[i], "--dump-timexes") && i + 1 < argc) dump_timexes = argv[++i];
    else rest.push_back(argv[i]);
  }
  dateline::LoadReuters(news);
  std::cerr << "timex_bench: " << dateline::Corpus().size() << " articles, " << dateline::CorpusBytes()
            << " bytes from " << news << "\n";
  if (!dump_corpus.empty() || !dump_timexes.empty()) {
    if (!dump_corpus.empty()) dateline::DumpCorpus(dump_corpus);
    if (!dump_timexes.empty()) dateline::DumpTimexes(dump_timexes);
    return 0;
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
