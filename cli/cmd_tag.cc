// `dateline tag`: part-of-speech tags and lemmas, CoNLL-U out. Text in (segmented by the text stage), or
// `--input conllu` to keep a treebank's gold tokenization (multi-word tokens and comments are kept).
// `--input iob2` tags a named-entity file's tokens with the NER model and writes IOB2 (for `eval ner`).
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/ud_input.h"
#include "core/paths.h"
#include "ner/iob2.h"
#include "ner/ner_tagger.h"
#include "tag/conllu.h"
#include "tag/tagger.h"

namespace dateline::cli {
namespace {

struct TagArgs {
  std::string input = "text", in = "-", model, ner_model;
};

Status RunTag(const TagArgs& a) {
  ASSIGN_OR_RETURN(auto tagger, Tagger::Load(a.model.empty() ? DataPath("models/tagger.dlm") : a.model));
  ConlluCorpus corpus;
  if (a.input == "iob2") {
    ASSIGN_OR_RETURN(auto ner, NerTagger::Load(a.ner_model.empty() ? DataPath("models/ner.dlm") : a.ner_model));
    ASSIGN_OR_RETURN(auto c, ReadIob2(a.in));
    for (Sentence& s : c.doc.sentences) tagger->Tag(&s);
    ner->TagDocument(&c.doc);  // documents ("# newdoc") in order: names seen earlier help later mentions
    std::cout << WriteIob2(c.doc, &c.comments);
    return Status::OK();
  }
  RETURN_IF_ERROR(ReadUdInput(a.input, a.in, "text, conllu or iob2", &corpus));
  for (Sentence& s : corpus.doc.sentences) {
    tagger->Tag(&s);
    for (Token& t : s.tokens) t.deprel.clear();  // tagging only: no dependencies written
  }
  std::cout << WriteConllu(corpus.doc, corpus.extras.empty() ? nullptr : &corpus.extras);
  return Status::OK();
}

const bool kRegistered = RegisterCommand(
    "tag", "Tag parts of speech and lemmas (text or CoNLL-U in, CoNLL-U out)", [](CLI::App* app) {
      auto a = std::make_shared<TagArgs>();
      app->add_option("--input", a->input, "input format: text, conllu (gold tokenization) or iob2 (NER out)");
      app->add_option("--ner-model", a->ner_model, "NER model for --input iob2 (default: data/models/ner.dlm)");
      app->add_option("--in", a->in, "input file, - for stdin");
      app->add_option("--model", a->model, "tagger model (default: data/models/tagger.dlm)");
      return [a] { return ReportStatus("tag", RunTag(*a)); };
    });

}  // namespace
}  // namespace dateline::cli
