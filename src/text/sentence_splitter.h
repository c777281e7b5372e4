// Sentence splitter for news, working on the tokens of a document.
//
// A sentence ends at . ! ? (and any closing quotes or brackets right after them) when the next token does
// not start with a lower-case letter; at an ellipsis followed by a capitalised word; at an abbreviation that
// can end a sentence ("U.S.", "Inc.") followed by a typical sentence opener ("The", "He", "But" …); at a
// paragraph break (a blank line); and after a title-like line (most words capitalised; only the first line of
// the text or an all-capitals line) ended by a single line break. Titles, months, "No." and initials ("Gen.",
// "Feb.", "R.") never end a sentence, so "Joseph R. Biden, Jr. spoke" stays whole. A paragraph that is one
// sentence without final punctuation (a headline inside the body) is marked headline. Stateless; thread-safe.
#ifndef DATELINE_TEXT_SENTENCE_SPLITTER_H_
#define DATELINE_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace dateline {

struct SentenceSplitterOptions {
  size_t max_sentence_tokens = 250;  // longer runs are cut (protects the parser from run-on input)
  size_t max_headline_tokens = 30;   // longer unpunctuated paragraphs are not called headlines
};

// One sentence: tokens [token_begin, token_end) of the token list, bytes [start, end) of the text.
struct SentenceSpan {
  uint32_t start = 0, end = 0;
  uint32_t token_begin = 0, token_end = 0;
  bool headline = false;
};

// Groups `tokens` (the output of Tokenize over `text`) into sentences. Every token belongs to exactly one
// sentence, in order; no sentence is empty.
std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<TokenSpan>& tokens,
                                         const SentenceSplitterOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_TEXT_SENTENCE_SPLITTER_H_
