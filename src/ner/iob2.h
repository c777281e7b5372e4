// IOB2 named-entity files (Universal NER: "id<TAB>word<TAB>tag[<TAB>…]" lines, '#' comments, blank line
// between sentences), BILOU ↔ IOB2 conversion and exact-span scoring. Pure functions: thread-safe.
#ifndef DATELINE_NER_IOB2_H_
#define DATELINE_NER_IOB2_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct Iob2Corpus {
  Document doc;  // tokens carry text and ner (BILOU); text = words joined by spaces, a line per sentence;
                 // Sentence::index counts from 0 in each document ("# newdoc" comments start one)
  std::vector<std::vector<std::string>> comments;  // per sentence
};

// Parses IOB2 text. Types other than PER, ORG, LOC, MISC (e.g. UNER's pre-release "O" and "OTH") become O;
// an I- tag that does not continue an entity of its type starts one. Fails with Corruption on lines
// without a tag column.
StatusOr<Iob2Corpus> ParseIob2(std::string_view text, const std::string& origin);
StatusOr<Iob2Corpus> ReadIob2(const std::string& path);
// Writes tokens' BILOU tags as IOB2 ("id<TAB>word<TAB>tag<TAB>-<TAB>-").
std::string WriteIob2(const Document& doc, const std::vector<std::vector<std::string>>* comments);

// Converts a sentence's IOB2 tags to BILOU and back.
std::vector<std::string> Iob2ToBilou(const std::vector<std::string>& iob2);
std::vector<std::string> BilouToIob2(const std::vector<std::string>& bilou);

struct Span {
  int begin = 0, end = 0;  // token range [begin, end)
  std::string type;
  bool operator<(const Span& o) const {
    return begin != o.begin ? begin < o.begin : (end != o.end ? end < o.end : type < o.type);
  }
  bool operator==(const Span& o) const { return begin == o.begin && end == o.end && type == o.type; }
};
// Entity spans of a BILOU-tagged sentence (ill-formed sequences are read leniently: B without L closes
// where the type changes or O follows).
std::vector<Span> SpansFromBilou(const std::vector<std::string>& bilou);

struct SpanCounts {
  size_t gold = 0, system = 0, correct = 0;
  double Precision() const { return system ? static_cast<double>(correct) / system : 0; }
  double Recall() const { return gold ? static_cast<double>(correct) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};
struct NerScores {
  SpanCounts all;
  std::map<std::string, SpanCounts> by_type;
};
// Exact-match span scores; InvalidArgument when sentence or token counts differ.
StatusOr<NerScores> EvaluateNer(const Document& gold, const Document& system);

}  // namespace dateline

#endif  // DATELINE_NER_IOB2_H_
