// Pipeline: the per-document stages in order — segment → tag → parse → ner → timex → actors → events.
//
// Loaded once (models and lexicons are read at Load), then Process() may be called from many threads
// at once: it is const and touches only the Document it is given. This is the "map" step; merging
// events across documents happens afterwards (src/merge/).
#ifndef DATELINE_PIPELINE_PIPELINE_H_
#define DATELINE_PIPELINE_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct PipelineOptions {
  // The last stage to run: "segment", "tag", "parse", "ner", "timex", "actors" or "events" (all).
  std::string until = "events";
  // Parse every sentence. By default, when the events stage runs, only sentences with a possible event
  // trigger are parsed (the others are left unparsed, see parse/parser.h ClearParse): events, the only
  // consumer of the tree, gives the same output either way. Without the events stage every sentence is
  // parsed.
  bool parse_all = false;
};

// CPU seconds of the processing thread spent per stage, summed over documents. Not synchronised: keep one
// per thread and Add().
struct StageTimings {
  std::vector<std::pair<std::string, double>> seconds;
  void Add(const std::string& stage, double s);
  void Merge(const StageTimings& other);
};

class Pipeline {
 public:
  // Loads every stage up to options.until. Fails when a model or lexicon is missing or corrupt.
  static StatusOr<std::unique_ptr<Pipeline>> Load(const PipelineOptions& options);

  Pipeline(const Pipeline&) = delete;  // owns loaded models: not copyable
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every loaded stage on doc. Stops at the first failing stage and returns its error (the
  // document keeps the layers done so far). Thread-safe.
  Status Process(Document* doc, StageTimings* timings = nullptr) const;

  std::vector<std::string> StageNames() const;

 private:
  Pipeline() = default;
  std::vector<std::unique_ptr<Annotator>> stages_;
};

}  // namespace dateline

#endif  // DATELINE_PIPELINE_PIPELINE_H_
