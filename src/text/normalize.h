// Normalisation for matching: curly quotes and apostrophes become straight ones, the many dashes a
// hyphen-minus, non-breaking and other Unicode spaces a plain space, ligatures (ﬁ, ﬂ, …) their letters,
// the ellipsis character three periods, soft hyphens disappear, and the rest is NFKC. The original text is
// never modified: NormalizeWithOffsets() also returns, for every byte of the normalised string, the byte
// of the original it came from. Stateless functions; thread-safe.
#ifndef DATELINE_TEXT_NORMALIZE_H_
#define DATELINE_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// The normalised form of s. ASCII input comes back unchanged (fast path). Invalid UTF-8 bytes become U+FFFD.
std::string NormalizeForMatching(std::string_view s);

// A normalised text and the map back to the original.
struct NormalizedText {
  std::string text;
  // offsets[i] is the byte offset in the original of the code point that produced text[i];
  // offsets.size() == text.size() + 1, and offsets.back() == original size.
  std::vector<uint32_t> offsets;
};

// Normalises s code point by code point (NFKC is applied per code point, without reordering), keeping
// the offset map. Use it to match lexicon entries on the normalised text and report original spans.
NormalizedText NormalizeWithOffsets(std::string_view s);

// The replacement for one code point, appended to *out (the code point itself when nothing applies).
void AppendNormalized(char32_t cp, std::string* out);

}  // namespace dateline

#endif  // DATELINE_TEXT_NORMALIZE_H_
