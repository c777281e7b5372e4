// Annotator: one stage of the per-document pipeline (text, tag, parse, ner, timex, actors, events).
//
// An Annotator is loaded once per process and then used by many threads: Annotate() is const and must
// be thread-safe (scratch space lives on the stack or in per-thread buffers). A stage reads the layers
// of the Document filled by earlier stages and fills its own. A non-OK Status means this document could
// not be annotated by this stage; the pipeline records it and the run goes on.
#ifndef DATELINE_CORE_ANNOTATOR_H_
#define DATELINE_CORE_ANNOTATOR_H_

#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace dateline {

class Annotator {
 public:
  virtual ~Annotator() = default;
  // Short stage name used in logs and timings: "segment", "tag", "parse", "ner", "timex", "actors", "events".
  virtual const char* name() const = 0;
  virtual Status Annotate(Document* doc) const = 0;
};

// An Annotator that runs one loaded model over every sentence: `(model.*Method)(&sentence)` (the tag,
// parse and ner stages). Thread-safe when Method is const and thread-safe, as it must be.
template <typename Model, void (Model::*Method)(Sentence*) const>
class SentenceModelAnnotator final : public Annotator {
 public:
  SentenceModelAnnotator(const char* name, std::shared_ptr<const Model> model)
      : name_(name), model_(std::move(model)) {}
  const char* name() const override { return name_; }
  Status Annotate(Document* doc) const override {
    for (Sentence& s : doc->sentences) ((*model_).*Method)(&s);
    return Status::OK();
  }

 private:
  const char* name_;
  std::shared_ptr<const Model> model_;
};

}  // namespace dateline

#endif  // DATELINE_CORE_ANNOTATOR_H_
