#include "timex/timex_annotator.h"

namespace dateline {
namespace {

class TimexAnnotator : public Annotator {
 public:
  explicit TimexAnnotator(const TimexOptions& options) : options_(options) {}
  const char* name() const override { return "timex"; }
  Status Annotate(Document* doc) const override {
    doc->timexes = TagTimexes(doc->text, doc->published, options_, &doc->sentences);
    return Status::OK();
  }

 private:
  const TimexOptions options_;
};

}  // namespace

StatusOr<std::unique_ptr<Annotator>> MakeTimexAnnotator(const TimexOptions& options) {
  // Touch the lexicon once here so the first document does not pay for building it.
  (void)TagTimexes("today", Date::Day(2000, 1, 1), options);
  return std::unique_ptr<Annotator>(new TimexAnnotator(options));
}

}  // namespace dateline
