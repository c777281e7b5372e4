// CoNLL-U reading and writing (Universal Dependencies treebanks; gold tokenization in, annotations out).
//
// A treebank becomes one Document whose sentences hold the syntactic words (multi-word token ranges and
// empty nodes are kept aside so they can be written back). Head indices follow Token's convention:
// 0-based within the sentence, -1 for the root. Plain functions: thread-safe.
#ifndef DATELINE_TAG_CONLLU_H_
#define DATELINE_TAG_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace dateline {

// Lines of a CoNLL-U sentence that are not syntactic words, kept for writing back.
struct ConlluExtras {
  std::vector<std::string> comments;  // "# sent_id = …" lines, without the newline
  // Multi-word token and empty-node lines, each with the index of the word it precedes.
  std::vector<std::pair<int, std::string>> ranges;
  std::vector<std::string> feats, misc;  // per word, columns 6 and 10 as read
};

struct ConlluCorpus {
  Document doc;  // text = forms joined by spaces, one line per sentence; offsets point into it
  std::vector<ConlluExtras> extras;  // one per sentence
};

// Parses CoNLL-U text. Fails with Corruption naming `origin` and the line on malformed input
// (wrong column count, bad ids or heads).
StatusOr<ConlluCorpus> ParseConllu(std::string_view text, const std::string& origin);
// Reads and parses a CoNLL-U file ("-" reads stdin).
StatusOr<ConlluCorpus> ReadConllu(const std::string& path);

// Writes sentences as CoNLL-U. `extras` may be null (then sent_id/text comments are generated); when
// given it must have one entry per sentence. Fields left empty are written as "_".
std::string WriteConllu(const Document& doc, const std::vector<ConlluExtras>* extras);

}  // namespace dateline

#endif  // DATELINE_TAG_CONLLU_H_
