// Fuzzes segmentation (text/): tokenizer, sentence splitter, normalisation. Checks that sentences and tokens
// are in order, non-empty, inside the input, and reproduce its bytes; that the normalised text's offset map
// is monotone and ends at the input size.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "text/normalize.h"
#include "text/segmenter.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  dateline::SegmentOptions options;
  options.tokenizer.split_hyphens = size > 0 && (data[0] & 1);
  const auto sentences = dateline::SegmentText(text, options);
  uint32_t prev = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    Check(s.index == static_cast<int>(i));
    Check(!s.tokens.empty());
    Check(prev <= s.start && s.start < s.end && s.end <= text.size());
    Check(s.tokens.front().start == s.start && s.tokens.back().end == s.end);
    for (const auto& t : s.tokens) {
      Check(prev <= t.start && t.start < t.end);
      Check(t.text == text.substr(t.start, t.end - t.start));
      prev = t.end;
    }
  }
  const auto norm = dateline::NormalizeWithOffsets(text);
  Check(norm.offsets.size() == norm.text.size() + 1);
  Check(norm.offsets.back() == text.size());
  for (size_t i = 1; i < norm.offsets.size(); ++i) Check(norm.offsets[i - 1] <= norm.offsets[i]);
  return 0;
}
