#include "pipeline/parse_filter.h"

#include <vector>

namespace dateline {
namespace {

// True when one of the trigger entries `ids` may have its head at token t: the events stage takes a noun
// entry's head only from a NOUN and a verb entry's only from a VERB (any word of an untagged sentence).
bool AnyEntryFits(const EventLexicon& lexicon, const std::vector<int>* ids, const Token& t) {
  if (ids == nullptr) return false;
  if (t.upos.empty()) return true;
  const bool noun = t.upos == "NOUN", verb = t.upos == "VERB";
  if (!noun && !verb) return false;
  for (int id : *ids) {
    if (lexicon.entry(id).noun == noun) return true;
  }
  return false;
}

}  // namespace

bool HasTriggerCandidate(const EventLexicon& lexicon, const Sentence& sentence) {
  for (const Token& t : sentence.tokens) {
    if (!t.upos.empty() && t.upos != "NOUN" && t.upos != "VERB") continue;
    if (AnyEntryFits(lexicon, lexicon.EntriesForHead(LowerForm(t.norm.empty() ? t.text : t.norm)), t)) return true;
    if (!t.lemma.empty() && AnyEntryFits(lexicon, lexicon.EntriesForHead(LowerForm(t.lemma)), t)) return true;
  }
  return false;
}

}  // namespace dateline
