// UTF-8 helpers shared by ingest and text: decoding one code point, validating and repairing text,
// and a coarse character class for tokenization. Stateless functions; thread-safe.
#ifndef DATELINE_TEXT_UTF8_H_
#define DATELINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[pos] (pos < s.size()) into *cp and returns its length in bytes
// (1..4). A malformed or truncated sequence yields *cp = U+FFFD and length 1, so scanning never stalls.
size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp);

// Appends cp encoded as UTF-8 (surrogates and values above U+10FFFF become U+FFFD).
void AppendUtf8(std::string* out, char32_t cp);

// True when s is well-formed UTF-8 (no overlongs, surrogates or values above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Replaces every malformed byte sequence of *s by U+FFFD; returns how many were replaced (0: unchanged).
// first_bad, when given, receives the byte offset of the first malformed sequence in the input.
size_t RepairUtf8(std::string* s, size_t* first_bad = nullptr);

// Coarse classes used by the tokenizer and the sentence splitter.
enum class CharClass : uint8_t {
  kSpace,   // ASCII whitespace, NBSP and other Unicode spaces, zero-width spaces, control characters
  kLetter,  // letters and combining marks
  kDigit,   // decimal digits (any script)
  kPunct,   // punctuation
  kSymbol,  // currency, math and other symbols; also unassigned/private-use code points
};
CharClass ClassOf(char32_t cp);
bool IsUpperLetter(char32_t cp);  // uppercase or titlecase letter
bool IsLowerLetter(char32_t cp);

}  // namespace dateline

#endif  // DATELINE_TEXT_UTF8_H_
