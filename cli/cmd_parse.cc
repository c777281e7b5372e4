// `dateline parse`: tags, lemmas and dependencies, CoNLL-U out. Text in (segmented by the text stage), or
// `--input conllu` to keep a treebank's gold tokenization.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/ud_input.h"
#include "core/paths.h"
#include "parse/parser.h"
#include "tag/conllu.h"
#include "tag/tagger.h"

namespace dateline::cli {
namespace {

struct ParseArgs {
  std::string input = "text", in = "-", tagger, parser;
  bool keep_tags = false;
};

Status RunParse(const ParseArgs& a) {
  ASSIGN_OR_RETURN(auto tagger, Tagger::Load(a.tagger.empty() ? DataPath("models/tagger.dlm") : a.tagger));
  ASSIGN_OR_RETURN(auto parser, Parser::Load(a.parser.empty() ? DataPath("models/parser.dlm") : a.parser));
  ConlluCorpus corpus;
  RETURN_IF_ERROR(ReadUdInput(a.input, a.in, "text or conllu", &corpus));
  for (Sentence& s : corpus.doc.sentences) {
    if (!a.keep_tags) tagger->Tag(&s);
    parser->Parse(&s);
  }
  std::cout << WriteConllu(corpus.doc, corpus.extras.empty() ? nullptr : &corpus.extras);
  return Status::OK();
}

const bool kRegistered = RegisterCommand(
    "parse", "Tag and parse into Universal Dependencies (text or CoNLL-U in, CoNLL-U out)", [](CLI::App* app) {
      auto a = std::make_shared<ParseArgs>();
      app->add_option("--input", a->input, "input format: text or conllu (gold tokenization)");
      app->add_option("--in", a->in, "input file, - for stdin");
      app->add_option("--tagger", a->tagger, "tagger model (default: data/models/tagger.dlm)");
      app->add_option("--parser", a->parser, "parser model (default: data/models/parser.dlm)");
      app->add_flag("--keep-tags", a->keep_tags, "with --input conllu: parse the given tags, do not retag");
      return [a] { return ReportStatus("parse", RunParse(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
