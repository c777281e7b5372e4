#include "tag/ud_eval.h"

#include <cstdio>

namespace dateline {
namespace {

std::string_view Universal(const std::string& deprel) {
  std::string_view d(deprel);
  size_t colon = d.find(':');
  return colon == std::string_view::npos ? d : d.substr(0, colon);
}

}  // namespace

std::string UdScores::Summary() const {
  char buf[256];
  std::snprintf(buf, sizeof(buf), "words %zu  UPOS %.2f  XPOS %.2f  Lemma %.2f  UAS %.2f  LAS %.2f", words,
                Pct(upos), Pct(xpos), Pct(lemma), Pct(uas), Pct(las));
  return buf;
}

StatusOr<UdScores> EvaluateUd(const Document& gold, const Document& system) {
  if (gold.sentences.size() != system.sentences.size()) {
    return Status::InvalidArgument("gold has " + std::to_string(gold.sentences.size()) + " sentences, system " +
                                   std::to_string(system.sentences.size()) + "; tokenization must be the same");
  }
  UdScores s;
  for (size_t i = 0; i < gold.sentences.size(); ++i) {
    const auto& g = gold.sentences[i].tokens;
    const auto& p = system.sentences[i].tokens;
    if (g.size() != p.size()) {
      return Status::InvalidArgument("sentence " + std::to_string(i + 1) + ": gold has " +
                                     std::to_string(g.size()) + " words, system " + std::to_string(p.size()));
    }
    for (size_t k = 0; k < g.size(); ++k) {
      if (g[k].text != p[k].text) {
        return Status::InvalidArgument("sentence " + std::to_string(i + 1) + " word " + std::to_string(k + 1) +
                                       ": gold '" + g[k].text + "' vs system '" + p[k].text + "'");
      }
      ++s.words;
      s.upos += g[k].upos == p[k].upos;
      s.xpos += g[k].xpos == p[k].xpos;
      s.lemma += g[k].lemma == p[k].lemma;
      const bool head = g[k].head == p[k].head;
      s.uas += head;
      s.las += head && Universal(g[k].deprel) == Universal(p[k].deprel);
    }
  }
  return s;
}

}  // namespace dateline
