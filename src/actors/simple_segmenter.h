// A small built-in sentence splitter and tokenizer so the actors stage can run on a document that no
// "segment" stage has seen (unit tests, the seed golden test, library users). The pipeline's own
// segmenter (src/text/) is preferred and always used by `dateline actors`. Stateless; thread-safe.
#ifndef DATELINE_ACTORS_SIMPLE_SEGMENTER_H_
#define DATELINE_ACTORS_SIMPLE_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "core/document.h"

namespace dateline {

// Sentences and tokens of text: words (with inner hyphens, apostrophes and abbreviation periods kept),
// clitics "'s"/"’s" split off, every other punctuation mark a token of its own. Token::norm == text.
std::vector<Sentence> SimpleSegment(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_ACTORS_SIMPLE_SEGMENTER_H_
