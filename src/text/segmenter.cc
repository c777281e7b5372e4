#include "text/segmenter.h"

#include <cstdint>
#include <limits>

#include "text/normalize.h"

namespace dateline {

std::vector<Sentence> SegmentText(std::string_view text, const SegmentOptions& options) {
  if (text.size() >= std::numeric_limits<uint32_t>::max())
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  std::vector<TokenSpan> tokens;
  tokens.reserve(text.size() / 5 + 4);
  Tokenize(text, 0, static_cast<uint32_t>(text.size()), options.tokenizer, &tokens);
  const std::vector<SentenceSpan> spans = SplitSentences(text, tokens, options.splitter);
  std::vector<Sentence> sentences;
  sentences.reserve(spans.size());
  for (const SentenceSpan& sp : spans) {
    Sentence s;
    s.start = sp.start;
    s.end = sp.end;
    s.index = static_cast<int>(sentences.size());
    s.headline = sp.headline;
    s.tokens.reserve(sp.token_end - sp.token_begin);
    for (uint32_t i = sp.token_begin; i < sp.token_end; ++i) {
      Token t;
      t.start = tokens[i].start;
      t.end = tokens[i].end;
      t.text.assign(text.substr(t.start, t.end - t.start));
      if (options.fill_norm) t.norm = NormalizeForMatching(t.text);
      s.tokens.push_back(std::move(t));
    }
    sentences.push_back(std::move(s));
  }
  return sentences;
}

namespace {

class Segmenter : public Annotator {
 public:
  explicit Segmenter(const SegmentOptions& options) : options_(options) {}
  const char* name() const override { return "segment"; }
  Status Annotate(Document* doc) const override {
    if (doc->text.size() >= std::numeric_limits<uint32_t>::max()) {
      return Status::InvalidArgument("document '" + doc->id + "' is too large to segment (4 GiB or more)");
    }
    doc->sentences = SegmentText(doc->text, options_);
    return Status::OK();
  }

 private:
  const SegmentOptions options_;
};

}  // namespace

StatusOr<std::unique_ptr<Annotator>> MakeSegmenter(const SegmentOptions& options) {
  return std::unique_ptr<Annotator>(new Segmenter(options));
}

}  // namespace dateline
