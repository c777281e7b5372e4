// Throughput of the statistical NLP stages (tokens per second, one thread) on UD English EWT dev with
// gold tokenization: tagging (with lemmas), parsing (tags given), NER (tags given). Uses the committed
// models in data/models/. Falls back to a few built-in sentences when ../shared is absent.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iostream>

#include "core/paths.h"
#include "ner/ner_tagger.h"
#include "parse/parser.h"
#include "tag/conllu.h"
#include "tag/tagger.h"

namespace dateline {
namespace {

const Document& Corpus() {
  static const Document doc = [] {
    const std::string path = DATELINE_SOURCE_DIR "/../shared/data/ud/EWT/en_ewt-ud-dev.conllu";
    if (std::ifstream(path)) {
      auto c = ReadConllu(path);
      if (c.ok()) return c->doc;
    }
    std::string text;
    const char* sentences[] = {"The minister visited Kyiv on Tuesday and met the president .",
                               "Leaders of both countries spoke by phone about the crisis near the border ."};
    for (int rep = 0; rep < 200; ++rep) {
      for (const char* s : sentences) {
        int i = 1;
        std::string word;
        for (const char* p = s;; ++p) {
          if (*p == ' ' || *p == 0) {
            text += std::to_string(i++) + "\t" + word + "\t_\t_\t_\t_\t0\troot\t_\t_\n";
            word.clear();
            if (!*p) break;
          } else {
            word += *p;
          }
        }
        text += "\n";
      }
    }
    return ParseConllu(text, "builtin")->doc;
  }();
  return doc;
}

size_t Words(const Document& d) {
  size_t n = 0;
  for (const Sentence& s : d.sentences) n += s.tokens.size();
  return n;
}

void BM_Tag(benchmark::State& state) {
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  if (!tagger.ok()) return state.SkipWithError(tagger.status().ToString().c_str());
  Document doc = Corpus();
  for (auto _ : state) {
    for (Sentence& s : doc.sentences) (*tagger)->Tag(&s);
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(Words(doc)) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Parse(benchmark::State& state) {
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  auto parser = Parser::Load(DataPath("models/parser.dlm"));
  if (!tagger.ok() || !parser.ok()) return state.SkipWithError("models missing");
  Document doc = Corpus();
  for (Sentence& s : doc.sentences) (*tagger)->Tag(&s);
  for (auto _ : state) {
    for (Sentence& s : doc.sentences) (*parser)->Parse(&s);
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(Words(doc)) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Ner(benchmark::State& state) {
  auto tagger = Tagger::Load(DataPath("models/tagger.dlm"));
  auto ner = NerTagger::Load(DataPath("models/ner.dlm"));
  if (!tagger.ok() || !ner.ok()) return state.SkipWithError("models missing");
  Document doc = Corpus();
  for (Sentence& s : doc.sentences) (*tagger)->Tag(&s);
  for (auto _ : state) {
    for (Sentence& s : doc.sentences) (*ner)->Tag(&s);
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(Words(doc)) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ner)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace dateline
// main() comes from benchmark_main (bench/CMakeLists.txt).
