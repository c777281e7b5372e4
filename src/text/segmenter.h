// Segmentation: text → sentences → tokens, every span a byte range of the original text.
//
// SegmentText() runs the tokenizer and the sentence splitter and fills Sentence/Token (text, norm, offsets,
// headline). MakeSegmenter() wraps it as the pipeline's "segment" Annotator. Stateless; thread-safe.
#ifndef DATELINE_TEXT_SEGMENTER_H_
#define DATELINE_TEXT_SEGMENTER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dateline {

struct SegmentOptions {
  TokenizerOptions tokenizer;
  SentenceSplitterOptions splitter;
  bool fill_norm = true;  // fill Token::norm (NormalizeForMatching of the token text)
};

// Sentences of `text` with their tokens; Token::text == text.substr(start, end - start) for every token.
// Never fails; texts of 4 GiB or more are cut at 4 GiB (offsets are 32-bit).
std::vector<Sentence> SegmentText(std::string_view text, const SegmentOptions& options = {});

// The "segment" stage: replaces doc->sentences with SegmentText(doc->text). Fails with InvalidArgument
// for texts of 4 GiB or more.
StatusOr<std::unique_ptr<Annotator>> MakeSegmenter(const SegmentOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_TEXT_SEGMENTER_H_
