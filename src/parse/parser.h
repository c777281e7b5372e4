// Greedy transition-based dependency parser (arc-hybrid, averaged perceptron, labelled Universal
// Dependencies relations) and the "parse" pipeline stage.
//
// Reads Token::text/norm, upos and xpos (the tagger's output) and fills Token::head (0-based, -1 for the
// root) and Token::deprel ("root" for the root). A loaded Parser is immutable: Parse() is const and
// thread-safe (per-thread scratch state, no allocation per token once warm).
#ifndef DATELINE_PARSE_PARSER_H_
#define DATELINE_PARSE_PARSER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"
#include "parse/arc_hybrid.h"
#include "tag/features.h"
#include "tag/linear_model.h"
#include "tag/model_file.h"
#include "tag/tagger.h"

namespace dateline {

inline constexpr uint32_t kParserFormatVersion = 1;

// Hashed attributes of one word the parser's features use.
struct ParseTokenInfo {
  uint64_t word = 0, upos = 0, xpos = 0, suf3 = 0;  // suf3: last three bytes of the lowercase form
};

struct ParserModel {
  ModelManifest manifest;
  std::vector<std::string> labels;  // relation names; index = label id
  LinearModel weights;              // classes: transitions (see arc_hybrid.h)
  std::vector<SelfTest> self_tests; // words are "form\tupos\txpos"; expected "head\tdeprel" (head 0-based, -1 root)

  std::string Payload() const;
  Status ReadPayload(std::string_view payload);
};

// Attributes of a tagged token.
ParseTokenInfo ComputeParseTokenInfo(std::string_view form, std::string_view upos, std::string_view xpos);
// Features of a parser state (root = index n, toks has n entries).
void ParserFeatures(const ParserState& s, const ParseTokenInfo* toks, FeatureBuffer<128>* out);

class Parser {
 public:
  // Loads a model file; NotFound, Corruption (incl. a failed self-test) or InvalidArgument (kind, version).
  static StatusOr<std::unique_ptr<Parser>> Load(const std::string& path);
  static StatusOr<std::unique_ptr<Parser>> FromBytes(std::string_view bytes, const std::string& origin);
  explicit Parser(ParserModel model) : model_(std::move(model)) {}
  Parser(const Parser&) = delete;  // large: share one instance
  Parser& operator=(const Parser&) = delete;

  // Fills head and deprel of every token; expects upos/xpos to be filled.
  void Parse(Sentence* sentence) const;
  const ParserModel& model() const { return model_; }
  const ModelManifest& manifest() const { return model_.manifest; }
  // Runs the stored self-tests; Corruption when fewer than 90% of their heads and relations match.
  Status SelfCheck(const std::string& origin) const;

 private:
  ParserModel model_;
};

// Which sentences the "parse" stage parses.
struct ParseAnnotatorOptions {
  // When set, only sentences for which it returns true are parsed (it sees the tagged sentence); the
  // others are left unparsed (see ClearParse). Must be thread-safe. Unset: every sentence is parsed.
  std::function<bool(const Sentence&)> only_if;
};

// The "parse" stage, loading DataPath("models/parser.dlm") once per process.
StatusOr<std::unique_ptr<Annotator>> MakeParseAnnotator(const ParseAnnotatorOptions& options = {});
// Marks a sentence unparsed: every token gets head -1 and an empty deprel (a parsed sentence always has a
// relation on every token, "root" included), so no consumer can take it for a tree.
void ClearParse(Sentence* sentence);
// True when the sentence carries a dependency tree (some token has a relation).
bool IsParsed(const Sentence& sentence);
StatusOr<std::shared_ptr<const Parser>> SharedParser();

}  // namespace dateline

#endif  // DATELINE_PARSE_PARSER_H_
