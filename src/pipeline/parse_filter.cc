#include "pipeline/parse_filter.h"

#include <algorithm>
#include <string>
#include <vector>

namespace dateline {
namespace {

// The sentence's lower-case forms and lemmas, as the events stage compares them (LowerForm); per thread
// so no sentence allocates once the buffers are warm.
struct LowerSentence {
  std::vector<std::string> form, lemma;
  int n = 0;
  void Fill(const Sentence& s) {
    n = static_cast<int>(s.tokens.size());
    if (static_cast<int>(form.size()) < n) {
      form.resize(n);
      lemma.resize(n);
    }
    for (int i = 0; i < n; ++i) {
      const Token& t = s.tokens[i];
      form[i] = LowerForm(t.norm.empty() ? t.text : t.norm);
      lemma[i] = LowerForm(t.lemma);
    }
  }
};

// True when the head's part of speech fits the entry: the events stage takes a noun entry's head only
// from a NOUN and a verb entry's only from a VERB (any word of an untagged sentence).
bool PosFits(const TriggerEntry& e, const Token& t) {
  if (t.upos.empty()) return true;
  return e.noun ? t.upos == "NOUN" : t.upos == "VERB";
}

// True when some token in [from, to) other than `skip` is `word` (a form of it, or its lemma).
bool WordWithin(const EventLexicon& lex, const LowerSentence& w, const std::string& word, int from, int to,
                int skip) {
  for (int t = std::max(0, from); t < std::min(w.n, to); ++t) {
    if (t != skip && (w.lemma[t] == word || lex.IsFormOf(w.form[t], word))) return true;
  }
  return false;
}

// True when some token in [from, to) other than `skip` belongs to word class `cls` (form or lemma).
bool ClassWithin(const EventLexicon& lex, const LowerSentence& w, const std::string& cls, int from, int to,
                 int skip) {
  for (int t = std::max(0, from); t < std::min(w.n, to); ++t) {
    if (t == skip) continue;
    if (lex.InClass(cls, w.form[t]) || (!w.lemma[t].empty() && lex.InClass(cls, w.lemma[t]))) return true;
  }
  return false;
}

// A necessary condition for the events stage matching entry `e` with its head word at token `head`
// (MatchEntry): it walks left from the head one or two tokens per pattern word and right at most four, so
// the k-th word before the head stands within 2k tokens of it and the k-th word after within 4k; a
// condition class must stand within 8 tokens of the matched words (all inside those reaches), outside them.
bool EntryMayMatch(const EventLexicon& lex, const LowerSentence& w, const TriggerEntry& e, int head) {
  const int before = e.head, after = static_cast<int>(e.words.size()) - 1 - e.head;
  for (int k = 1; k <= before; ++k) {
    if (!WordWithin(lex, w, e.words[e.head - k], head - 2 * k, head, head)) return false;
  }
  for (int k = 1; k <= after; ++k) {
    if (!WordWithin(lex, w, e.words[e.head + k], head + 1, head + 4 * k + 1, head)) return false;
  }
  if (e.cond_class.empty() || e.cond_negated) return true;
  return ClassWithin(lex, w, e.cond_class, head - 2 * before - 8, head + 4 * after + 1 + 8, head);
}

bool AnyEntryMayMatch(const EventLexicon& lex, const LowerSentence& w, const std::vector<int>* ids,
                      const Token& t, int head) {
  if (ids == nullptr) return false;
  for (int id : *ids) {
    const TriggerEntry& e = lex.entry(id);
    if (PosFits(e, t) && EntryMayMatch(lex, w, e, head)) return true;
  }
  return false;
}

}  // namespace

bool HasTriggerCandidate(const EventLexicon& lexicon, const Sentence& sentence) {
  thread_local LowerSentence w;
  bool filled = false;
  for (int i = 0; i < static_cast<int>(sentence.tokens.size()); ++i) {
    const Token& t = sentence.tokens[i];
    if (!t.upos.empty() && t.upos != "NOUN" && t.upos != "VERB") continue;
    const std::string form = LowerForm(t.norm.empty() ? t.text : t.norm);
    const std::vector<int>* by_form = lexicon.EntriesForHead(form);
    const std::vector<int>* by_lemma = nullptr;
    if (!t.lemma.empty()) {
      const std::string lemma = LowerForm(t.lemma);
      if (lemma != form) by_lemma = lexicon.EntriesForHead(lemma);  // the same word gives the same entries
    }
    if (by_form == nullptr && by_lemma == nullptr) continue;
    if (!filled) {
      w.Fill(sentence);
      filled = true;
    }
    if (AnyEntryMayMatch(lexicon, w, by_form, t, i) || AnyEntryMayMatch(lexicon, w, by_lemma, t, i))
      return true;
  }
  return false;
}

}  // namespace dateline
