// News tokenizer compatible with UD English EWT conventions, over byte offsets of the original text.
//
// Splits on whitespace (including NBSP and other Unicode spaces), peels punctuation, and splits the clitics
// 's ’s n't n’t 're 'll 've 'd 'm ("don't" → "do" + "n't", "Russia’s" → "Russia" + "’s"), "%" after a
// number and "$" before one ("5.5%" → "5.5" "%"). Kept as one token: hyphenated words (Russia-Ukraine,
// long-term), numbers with separators (3,000, 5.5, 10:30, 2022-02-04), abbreviations with periods (U.S.,
// Gen., Feb., Jr., initials), ellipses ("..." and "…"), URLs, e-mail addresses, @handles and #hashtags.
// EWT splits hyphenated words; set TokenizerOptions::split_hyphens to follow it. Stateless; thread-safe.
#ifndef DATELINE_TEXT_TOKENIZER_H_
#define DATELINE_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline {

enum class TokenKind : uint8_t {
  kWord,      // letters (with inner hyphens/apostrophes/periods), clitics
  kNumber,    // starts with a digit: 3,000  5.5  2022-02-04  1990s  28th
  kAbbrev,    // word ending in a period that belongs to it: U.S.  Gen.  Jr.  R.
  kPunct,     // one punctuation mark, or a run of ?/! or a dash pair "--"
  kEllipsis,  // "..." (any number of periods) or "…"
  kSymbol,    // $ % + and other symbols
  kUrl,
  kEmail,
  kHandle,  // @name or #tag
};

// One token: bytes [start, end) of the text given to Tokenize.
struct TokenSpan {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

struct TokenizerOptions {
  bool split_hyphens = false;  // true: "long-term" → "long" "-" "term" as in EWT
};

// Appends to *out the tokens of text[begin, end) in order; offsets are relative to text. Never fails:
// invalid UTF-8 bytes become one-byte symbol tokens. Tokens never overlap and never contain whitespace.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, const TokenizerOptions& options,
              std::vector<TokenSpan>* out);

// True when `word` (without its final period) is a known abbreviation that takes a period ("Gen", "Feb",
// "Mr", "Inc", "Jr"); case-sensitive as written in news.
bool IsKnownAbbreviation(std::string_view word);

// True for abbreviations that are followed by a name or number and so never end a sentence: titles
// ("Mr.", "Gen.", "Sen."), months ("Feb."), "No.", "St." and single-letter initials.
bool IsNonFinalAbbreviation(std::string_view token_with_period);

}  // namespace dateline

#endif  // DATELINE_TEXT_TOKENIZER_H_
