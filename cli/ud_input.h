// The input of `dateline tag` and `dateline parse`: raw text, split into sentences and tokens by the text
// stage, or CoNLL-U, keeping the treebank's own tokenization, comments and multi-word tokens.
// Header-only (the cli/ glob compiles cmd_*.cc files only); reads files or stdin, no shared state.
#ifndef DATELINE_CLI_UD_INPUT_H_
#define DATELINE_CLI_UD_INPUT_H_

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/status.h"
#include "tag/conllu.h"
#include "text/segmenter.h"

namespace dateline::cli {

// Reads `in` ("-" = stdin) as `format` ("text" or "conllu") into *corpus. Fails with NotFound when the
// file cannot be opened, with CoNLL-U parse errors, and with InvalidArgument naming `accepted` (the
// formats the command takes, for the message) for any other format.
inline Status ReadUdInput(const std::string& format, const std::string& in, const std::string& accepted,
                          ConlluCorpus* corpus) {
  if (format == "conllu") {
    ASSIGN_OR_RETURN(*corpus, ReadConllu(in));
    return Status::OK();
  }
  if (format != "text") return Status::InvalidArgument("--input must be " + accepted + ", not '" + format + "'");
  std::stringstream ss;
  if (in == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream f(in, std::ios::binary);
    if (!f) return Status::NotFound("cannot open " + in);
    ss << f.rdbuf();
  }
  *corpus = ConlluCorpus();
  corpus->doc.text = ss.str();
  corpus->doc.id = in == "-" ? "stdin" : in;
  corpus->doc.sentences = SegmentText(corpus->doc.text);
  return Status::OK();
}

}  // namespace dateline::cli

#endif  // DATELINE_CLI_UD_INPUT_H_
