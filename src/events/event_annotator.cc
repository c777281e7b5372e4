#include "events/event_annotator.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <cstdlib>
#include <string_view>
#include <unordered_set>

namespace dateline {
namespace {

constexpr int kNone = -1;

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set) {
    if (w == s) return true;
  }
  return false;
}

bool IsPunct(std::string_view f) {
  if (f.empty()) return true;
  unsigned char c = f[0];
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
    // typographic quotes and dashes are punctuation
    return f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93" ||
           f == "\xE2\x80\x98" || f == "\xE2\x80\x99" || f == "\xC2\xAB" || f == "\xC2\xBB";
  }
  if (c == '$' || c == '@' || c == '#') return false;
  return !(c >= 'A' && c <= 'Z');
}

bool IsHyphen(std::string_view f) { return f == "-" || f == "\xE2\x80\x93"; }

// Tokens that end a clause for the left/right scans.
bool IsClauseBreak(std::string_view f) {
  return f == ";" || f == ":" || f == "." || f == "?" || f == "!" || f == "(" || f == ")" || f == "--" ||
         f == "\xE2\x80\x94";
}

bool IsComplementizer(std::string_view f) {
  return OneOf(f, {"that", "which", "who", "whom", "whose", "because", "while", "although", "though", "but",
                   "whereas", "where", "when"});
}

bool IsPrep(std::string_view f) {
  return OneOf(f, {"in", "at", "to", "from", "with", "near", "into", "for", "of", "on", "against", "between",
                   "by", "about", "over", "toward", "towards", "across", "through", "via", "than", "like",
                   "including", "amid", "after", "before", "alongside", "among", "during", "inside", "outside",
                   "within", "without", "onto", "upon", "under", "around", "behind", "beyond", "despite",
                   "following", "regarding", "concerning", "along"});
}

bool IsDeterminer(std::string_view f) {
  return OneOf(f, {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
                   "those", "both", "all", "some", "any", "another", "each", "'s", "'"});
}

bool IsAuxOrSpeech(std::string_view f) {
  return OneOf(f, {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                   "could", "can", "may", "might", "should", "must", "shall", "did", "does", "do", "said", "says",
                   "say", "told", "stated", "added", "noted", "announced", "claimed", "came", "went", "took"});
}

bool IsBeForm(std::string_view f) {
  return OneOf(f, {"is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got", "gets"});
}

// The Monday (as days) of an ISO week value "YYYY-Www", or INT64_MIN when value is no week.
int64_t WeekStart(const std::string& value) {
  int64_t monday = 0;
  return value.size() == 8 && ParseIsoWeekMonday(value, &monday) ? monday : INT64_MIN;
}

// The month of an ISO week value (the month of its Thursday), or an unknown date.
Date WeekMonth(const std::string& value) {
  const int64_t monday = WeekStart(value);
  if (monday == INT64_MIN) return Date();
  const Date t = Date::FromDays(monday + 3);
  return Date::Month(t.year, t.month);
}

// "today", "yesterday", "this morning": words whose day depends on when they were said.
bool IsDeicticDate(std::string_view text) {
  std::string t;
  for (char c : text) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return OneOf(t, {"today", "tonight", "yesterday", "tomorrow", "this morning", "this afternoon", "this evening",
                   "last night", "earlier today"});
}

bool IsShiftMarker(std::string_view f) {
  return OneOf(f, {"separately", "meanwhile", "elsewhere", "additionally"});
}

// A local view of one actor mention in the sentence.
struct LocalMention {
  const ActorMention* am = nullptr;
  int b = 0, e = 0;      // token span [b, e)
  std::string prep;      // preposition governing it ("with", "in", …) or ""
  int group = 0;         // coordinated mentions share a group id
  bool inner = false;    // part of a hyphenated token ("Biden-Macron")
};

struct LocalTimex {
  const TimeExpression* tx = nullptr;
  int tok = 0;      // first token
  int tok_end = 0;  // one past last token
  bool week = false;  // an ISO week, dated by the month of its Thursday
};

// A trigger match in a sentence.
struct Match {
  int entry = 0;
  int head = 0;        // head token
  int b = 0, e = 0;    // token span covering the pattern
  int pred = 0;        // the predicate token (a light verb for "held talks", else the head)
  bool light = false;
  std::vector<int> toks;
};

// One source/target candidate: a mention or an implicit (context) actor.
struct Role {
  Actor actor;
  uint32_t start = 0, end = 0;
  int mention = kNone;  // local mention index, or kNone when implicit
};

struct StatusResult {
  EventStatus status = EventStatus::kHappened;
  std::string cue;
  bool negated = false;
  int govern_tok = kNone;  // token of a claim verb governing the trigger ("alleged", "warned")
  bool past_plan = false;  // the plan itself is told in the past ("was set to travel", "planned to visit")
};

struct DatedMention {
  int sentence = 0;
  Date date;
};

class SentenceWorker {
 public:
  SentenceWorker(const EventLexicon& lex, const EventAnnotatorOptions& opt, Document* doc, int si,
                 std::vector<DatedMention>* dated, const Date& lede_date)
      : lex_(lex), opt_(opt), doc_(doc), si_(si), s_(doc->sentences[si]), dated_(dated), lede_(lede_date) {}

  void Run();

 private:
  void Prepare();
  void FindMatches(std::vector<Match>* out) const;
  bool MatchEntry(const TriggerEntry& e, int head, Match* m) const;
  bool LooksNoun(int i) const;
  bool CondHolds(const TriggerEntry& e, int b, int ee) const;
  bool IsVerbLike(int i) const;
  int PrepBefore(int b) const;
  // Mentions of the noun-phrase run starting at token `from` (skipping determiners and modifiers), with
  // their coordinated group. Empty when the run holds no mention within `max_lead` tokens.
  std::vector<int> RunAt(int from, int max_lead) const;
  std::vector<int> GroupOf(int m) const;
  std::vector<int> NearestLeftSubject(int pos, bool* anaphor_pair, bool* anaphor_single) const;
  // "they", "both leaders", "the two sides": a plural that names the last pair of actors.
  bool IsPairAnaphor(int t) const;
  // True when token t heads a noun trigger of PLOVER type `type` ("aid" for a sending).
  bool SameTypeNoun(int t, const std::string& type) const {
    const auto* ids = lex_.EntriesForHead(f_[t]);
    if (!ids && !lem_[t].empty()) ids = lex_.EntriesForHead(lem_[t]);
    if (!ids) return false;
    for (int id : *ids) {
      if (lex_.entry(id).noun && lex_.Code(lex_.entry(id).cameo)->type == type) return true;
    }
    return false;
  }
  // For a reaction verb (condemn, welcome, reject …) whose object is an event noun ("the launch", "the
  // sanctions"): the source of the latest earlier mention of such an event in this or the two previous
  // sentences, if of another country than `reactor`; else an empty role.
  Role DoerOfReferredEvent(const Match& m, const Actor& reactor) const;
  // The people of `country` named by a group word as the trigger's subject ("protesters", "police"), or an
  // empty role when the subject is no such word. Protests take any crowd; coercion and assault only police.
  // With `at` >= 0, the group word is looked for at that token only ("US and British activists").
  Role LocalGroup(const Match& m, const std::string& country, const std::string& type, int at = -1) const;
  int FindAfter(int from, int limit, std::string_view word) const;
  std::vector<Role> ContextPair(int before_tok) const;
  std::vector<Role> ContextPerson() const;
  Role RoleOf(int m) const;
  // The mention owning an attack named within five words from `from` ("an Israeli airstrike", "a NATO
  // drone strike"), or kNone.
  int AttackAfter(int from) const;
  // The name this sentence gives a country (its last country-level mention's), else the code.
  std::string CountryName(const std::string& country) const;
  // A sector of a country ("Turkey police": country:TUR:COP, TURCOP) spanning token `tok` (kNone: no span).
  Role CountrySector(const std::string& country, std::string_view role, std::string_view label, int tok) const;
  // Narrows a country-level actor to one of its sectors ("Turkey" → "Turkey government", TURGOV).
  static void NarrowToSector(Actor* a, std::string_view role, std::string_view label);
  StatusResult ComputeStatus(const Match& m) const;
  std::string Attribution(const Match& m) const;
  std::vector<std::vector<const TimeExpression*>> DatesFor(int pred, const std::vector<int>& own,
                                                          std::string* text) const;
  // The date of an event told without one: the narrative date of the last sentences or the lede for a
  // past-tense report, else the publication date ("publication" basis: merging reads it as "on or before").
  Date ContextDate(EventStatus status, int pred, bool undated, std::string* basis) const;
  // True when the clause of `pred` is in the present or the present perfect ("has alleged", "says").
  bool PresentOrPerfect(int pred) const;
  // True when token `tok` stands inside a quotation ("… spoke today with …," said the White House).
  bool InsideQuote(int tok) const;
  // True when the trigger refers back to an event told elsewhere, so this sentence's date is not its own:
  // a trigger noun that is the subject of another verb ("his Moscow trip fetched …"), "after meeting X".
  bool BackReference(const Match& m) const;
  // True when tokens [a, b) hold another trigger or a subordinate clause opener, so what lies beyond
  // belongs to another event ("talk by phone after the talks with …").
  bool Separated(int a, int b, const Match& m) const;
  // True when the trigger tells background rather than news: a standing position in a relative clause
  // ("who have called for diplomacy"), a repeated activity over a period ("have accused … in the past
  // few months"), the reason of another event ("criticised for refusing to send …").
  bool Background(const Match& m, bool undated) const;
  // Adds this sentence's day-precise dates to the narrative dates of the document, for later sentences.
  void NoteNarrativeDate() const;
  std::string Location(const Match& m, const std::vector<int>& exclude, std::string* country) const;
  std::string Instrument(const Match& m) const;
  void Emit(const Match& m);
  void DeriveAccusation(const Match& m, const StatusResult& st, const std::vector<Role>& sources);
  std::string_view Text(uint32_t b, uint32_t e) const { return std::string_view(doc_->text).substr(b, e - b); }
  int TokenAt(uint32_t byte) const;
  bool ParseOk() const { return parse_ok_; }
  int ParseChild(int head, std::initializer_list<std::string_view> rels) const;
  int MentionCovering(int tok) const;

  const EventLexicon& lex_;
  const EventAnnotatorOptions& opt_;
  Document* doc_;
  int si_;
  const Sentence& s_;
  std::vector<DatedMention>* dated_;
  Date lede_;

  int n_ = 0;
  std::vector<std::string> f_;    // lower-case forms
  std::vector<std::string> lem_;  // lower-case lemmas ("" when untagged)
  std::vector<LocalMention> ms_;
  std::vector<int> mention_at_;   // token → local mention (last one covering it), or kNone
  std::vector<LocalTimex> tx_;
  std::deque<TimeExpression> week_tx_;  // copies of week expressions dated by their month (tx_ points here)
  bool IsWeek(int k) const { return tx_[k].week; }
  std::vector<int> trigger_heads_;
  bool parse_ok_ = false;
  std::vector<uint8_t> used_govern_;
};

int SentenceWorker::TokenAt(uint32_t byte) const {
  for (int i = 0; i < n_; ++i) {
    if (s_.tokens[i].end > byte) return i;
  }
  return n_ - 1;
}

void SentenceWorker::Prepare() {
  n_ = static_cast<int>(s_.tokens.size());
  f_.resize(n_);
  lem_.resize(n_);
  for (int i = 0; i < n_; ++i) {
    const Token& t = s_.tokens[i];
    f_[i] = LowerForm(t.norm.empty() ? t.text : t.norm);
    lem_[i] = LowerForm(t.lemma);
  }
  // Parse plausibility: exactly one root, heads in range, most tokens attached.
  if (opt_.use_parse && n_ > 0) {
    int roots = 0, bad = 0;
    for (int i = 0; i < n_; ++i) {
      const Token& t = s_.tokens[i];
      if (t.deprel.empty()) ++bad;
      if (t.head == -1 || t.deprel == "root") ++roots;
      else if (t.head < 0 || t.head >= n_ || t.head == i) ++bad;
    }
    parse_ok_ = roots == 1 && bad == 0;
  }
  // Actor mentions of this sentence.
  for (const ActorMention& am : doc_->actors) {
    if (am.end <= s_.start || am.start >= s_.end) continue;
    if (am.sentence >= 0 && am.sentence != s_.index && am.sentence != si_) continue;
    if (am.actor.empty()) continue;
    LocalMention lm;
    lm.am = &am;
    if (am.token_begin >= 0 && am.token_end > am.token_begin && am.token_end <= n_ &&
        (am.sentence == si_ || am.sentence == s_.index)) {
      lm.b = am.token_begin;
      lm.e = am.token_end;
    } else {
      lm.b = TokenAt(am.start);
      lm.e = TokenAt(am.end > 0 ? am.end - 1 : 0) + 1;
    }
    if (lm.b < 0 || lm.b >= n_) continue;
    if (lm.e <= lm.b) lm.e = lm.b + 1;
    const Token& tb = s_.tokens[lm.b];
    lm.inner = lm.e == lm.b + 1 && (am.start > tb.start || am.end < tb.end);
    ms_.push_back(lm);
  }
  std::stable_sort(ms_.begin(), ms_.end(), [](const LocalMention& a, const LocalMention& b) {
    return a.am->start < b.am->start;
  });
  mention_at_.assign(n_, kNone);
  for (int m = 0; m < static_cast<int>(ms_.size()); ++m) {
    for (int t = ms_[m].b; t < ms_[m].e; ++t) mention_at_[t] = m;
    ms_[m].prep = "";
    int p = PrepBefore(ms_[m].b);
    if (p != kNone) ms_[m].prep = f_[p];
  }
  // Groups: "X and Y", "X, Y and Z", "X-Y" (inside one token), "both X and Y".
  int g = 0;
  for (int m = 0; m < static_cast<int>(ms_.size()); ++m) {
    if (m > 0) {
      const LocalMention& a = ms_[m - 1];
      const LocalMention& b = ms_[m];
      bool join = false;
      if (a.inner && b.inner && a.b == b.b) {
        join = true;
      } else if (b.b >= a.e && b.b - a.e <= 2) {
        join = b.b > a.e;
        bool has_and = false;
        for (int t = a.e; t < b.b; ++t) {
          if (f_[t] == "and" || f_[t] == "&") has_and = true;
          else if (!(f_[t] == "," || IsHyphen(f_[t]) || (f_[t] == "the" && t > a.e))) join = false;  // "X and the Y"
        }
        // A headline writes "and" as a comma: "China, Russia hold joint drills", "urges Israel, Hamas to …".
        const bool headline_list = s_.headline && a.am->actor.id.rfind("person:", 0) != 0 &&
                                   b.am->actor.id.rfind("person:", 0) != 0 &&
                                   a.am->actor.country != b.am->actor.country && b.e - b.b <= 3;
        if (join && !has_and && f_[a.e] == "," && !headline_list) {
          // "X, Y and Z": a comma joins only when the list goes on to an "and" + mention ("the US
          // commander in Iraq, General Petraeus, held talks" is an apposition, not a list)
          join = false;
          int t = b.e;
          while (t + 1 < n_ && f_[t] == "," && mention_at_[t + 1] != kNone) t = ms_[mention_at_[t + 1]].e;
          if (t + 1 < n_ && (f_[t] == "and" || (f_[t] == "," && f_[t + 1] == "and"))) {
            int u = f_[t] == "and" ? t + 1 : t + 2;
            if (u < n_ && f_[u] == "the") ++u;  // "Egypt, Qatar and the United States"
            join = u < n_ && mention_at_[u] != kNone;
          }
        }
        if (join && !has_and && IsHyphen(f_[a.e])) join = true;
      }
      if (!join) ++g;
    }
    ms_[m].group = g;
  }
  // Time expressions of this sentence.
  for (const TimeExpression& tx0 : doc_->timexes) {
    if (tx0.start < s_.start || tx0.start >= s_.end) continue;
    if (tx0.type != TimexType::kDate && tx0.type != TimexType::kTime) continue;
    const TimeExpression* txp = &tx0;
    if (!tx0.date.known()) {
      // "last week" (2023-W46): events take the month of the week's Thursday (ISO weeks belong to the
      // month holding their Thursday), the finest calendar date Dateline's dates can say.
      Date month = WeekMonth(tx0.value);
      if (!month.known()) continue;
      week_tx_.push_back(tx0);
      week_tx_.back().date = month;
      txp = &week_tx_.back();
    }
    const TimeExpression& tx = *txp;
    LocalTimex lt;
    lt.tx = &tx;
    lt.tok = TokenAt(tx.start);
    lt.tok_end = TokenAt(tx.end > 0 ? tx.end - 1 : 0) + 1;
    lt.week = txp != &tx0;
    tx_.push_back(lt);
  }
  std::sort(tx_.begin(), tx_.end(), [](const LocalTimex& a, const LocalTimex& b) { return a.tx->start < b.tx->start; });
}

int SentenceWorker::PrepBefore(int b) const {
  // Looks back over determiners, modifiers and titles for a preposition: "with his French counterpart X".
  for (int t = b - 1, steps = 0; t >= 0 && steps < 5; --t, ++steps) {
    const std::string& f = f_[t];
    if (IsPrep(f)) return t;
    if (IsPunct(f) && !IsHyphen(f) && f != "'s" && f != "'") return kNone;
    if (IsComplementizer(f) || IsAuxOrSpeech(f) || f == "and" || f == "or") return kNone;
    if (IsVerbLike(t)) return kNone;
    if (mention_at_.size() == static_cast<size_t>(n_) && mention_at_[t] != kNone) return kNone;
  }
  return kNone;
}

bool SentenceWorker::IsVerbLike(int i) const {
  const Token& t = s_.tokens[i];
  if (!t.upos.empty()) return t.upos == "VERB" || t.upos == "AUX";
  if (IsAuxOrSpeech(f_[i])) return true;
  auto* ids = lex_.EntriesForHead(f_[i]);
  if (!ids) return false;
  for (int id : *ids) {
    if (!lex_.entry(id).noun && !LooksNoun(i)) return true;
  }
  return false;
}

bool SentenceWorker::LooksNoun(int i) const {
  const Token& t = s_.tokens[i];
  if (!t.upos.empty()) return t.upos == "NOUN" || t.upos == "PROPN";
  if (auto* ids = lex_.EntriesForHead(f_[i])) {
    // A word the lexicon only knows as a noun ("trip", "summit") is one.
    bool any_verb = false;
    for (int id : *ids) any_verb = any_verb || !lex_.entry(id).noun;
    if (!any_verb) return true;
  }
  if (i == 0) return false;
  const std::string& p = f_[i - 1];
  if (p == "to") return false;  // infinitive
  if (IsDeterminer(p) || p == "'s" || p == "'" || IsPrep(p)) return true;
  // "five-hour meeting", "phone calls", "telephone talks": preceded by a modifier that is not a verb
  if (p.find('-') != std::string::npos && p.size() > 2) return true;
  if (OneOf(p, {"phone", "telephone", "video", "joint", "military", "naval", "air", "crisis", "diplomatic",
                "official", "state", "bilateral", "recent", "first", "second", "third", "new", "latest",
                "previous", "further", "direct", "several", "two", "three", "five"})) {
    return true;
  }
  if (mention_at_[i - 1] != kNone) {
    // "Russian invasion", "Biden-Macron call" (a modifier), not "Russia attacks" (a subject)
    const LocalMention& lm = ms_[mention_at_[i - 1]];
    if (lm.inner || lm.am->how == "demonym") return true;
    std::string_view w = Text(lm.am->start, lm.am->end);
    for (std::string_view suf : {"ian", "ean", "ese", "ish", "ch", "ic"}) {
      if (w.size() > suf.size() + 2 && w.ends_with(suf) && w.find(' ') == std::string_view::npos) return true;
    }
  }
  return false;
}

bool SentenceWorker::CondHolds(const TriggerEntry& e, int b, int ee) const {
  if (e.cond_class.empty()) return true;
  bool found = false;
  for (int t = std::max(0, b - 8); t < std::min(n_, ee + 8) && !found; ++t) {
    if (t >= b && t < ee) continue;
    found = lex_.InClass(e.cond_class, f_[t]) || (!lem_[t].empty() && lex_.InClass(e.cond_class, lem_[t]));
  }
  return e.cond_negated ? !found : found;
}

bool SentenceWorker::MatchEntry(const TriggerEntry& e, int head, Match* m) const {
  const Token& t = s_.tokens[head];
  if (!t.upos.empty()) {
    if (e.noun && t.upos != "NOUN") return false;  // "Capitol Hill Organized Protest" is a name
    if (!e.noun && !(t.upos == "VERB")) return false;
  } else {
    // Untagged text: decide noun vs verb from the left context.
    if (e.noun != LooksNoun(head)) return false;
  }
  m->toks.clear();
  m->toks.push_back(head);
  int pos = head;
  for (int k = e.head - 1; k >= 0; --k) {
    int found = kNone;
    for (int t = pos - 1; t >= std::max(0, pos - 2); --t) {
      if (IsHyphen(f_[t])) continue;
      if (lex_.IsFormOf(f_[t], e.words[k]) || lem_[t] == e.words[k]) found = t;
      break;
    }
    if (found == kNone) return false;
    m->toks.push_back(found);
    pos = found;
  }
  pos = head;
  for (size_t k = e.head + 1; k < e.words.size(); ++k) {
    int found = kNone;
    for (int t = pos + 1; t < std::min(n_, pos + 5); ++t) {
      if (lex_.IsFormOf(f_[t], e.words[k]) || lem_[t] == e.words[k]) {
        found = t;
        break;
      }
      if (IsPunct(f_[t]) && !IsHyphen(f_[t]) && f_[t] != "'s" && f_[t] != "\xE2\x80\x99s") break;  // "Sweden's bid"
    }
    if (found == kNone) return false;
    // "a drone launched from Yemen struck …" is no "launch strike": a later word of a pattern is never a
    // finite verb of its own.
    if (!s_.headline && OneOf(s_.tokens[found].xpos, {"VBD", "VBZ", "VBP"}) && s_.tokens[found].upos == "VERB") {
      return false;
    }
    // "called the election for Biden" is no "call for": a verb + particle pattern does not reach across the
    // verb's own object.
    // ("welcomed X to Jakarta", "warned X against": patterns made to hold the object keep it.)
    if (found > pos + 1 && OneOf(e.words[k], {"for", "on", "off", "up", "out"}) && e.words.size() == 2 &&
        ParseOk()) {
      for (int t = pos + 1; t < found; ++t) {
        if (s_.tokens[t].deprel == "obj" && s_.tokens[t].head == head) return false;
      }
    }
    // "called Putin on Monday" is no "call on": a particle reached across a gap that opens a date is the
    // date's preposition.
    if (found > pos + 1 && IsPrep(e.words[k])) {
      for (const LocalTimex& lt : tx_) {
        if (lt.tok == found + 1 || (lt.tok == found + 2 && IsDeterminer(f_[found + 1]))) return false;
      }
    }
    // "travel to Kyiv", not "going to sell": a final "to" must be a preposition
    if (e.words[k] == "to" && k + 1 == e.words.size() && found + 1 < n_ &&
        (s_.tokens[found + 1].upos == "VERB" || s_.tokens[found + 1].upos == "AUX" ||
         OneOf(f_[found + 1], {"be", "make", "take", "help", "try", "get"}))) {
      return false;
    }
    m->toks.push_back(found);
    pos = found;
  }
  std::sort(m->toks.begin(), m->toks.end());
  m->head = head;
  m->b = m->toks.front();
  m->e = m->toks.back() + 1;
  if (!CondHolds(e, m->b, m->e)) return false;
  m->pred = head;
  m->light = false;
  if (e.noun) {
    // Light verb: "held talks", "held a telephone call", "paid a visit", "launched strikes".
    for (int t = m->b - 1, steps = 0; t >= 0 && steps < 4; --t, ++steps) {
      const std::string& f = f_[t];
      if (f == "'s" || f == "'") break;  // "Russia's continued build-up": a possessor, no light verb
      bool light = lex_.InClass("light", f) || (!lem_[t].empty() && lex_.InClass("light", lem_[t]));
      // "Russia's continued build-up", "the planned visit": a participle used as a modifier is no light verb
      const bool modifier = t > 0 && (IsDeterminer(f_[t - 1]) || f_[t - 1] == "'s" || f_[t - 1] == "'");
      if (light && !modifier && s_.tokens[t].upos != "ADJ" && s_.tokens[t].upos != "NOUN") {
        m->pred = t;
        m->light = true;
        m->b = t;
        break;
      }
      if (IsPunct(f) && !IsHyphen(f)) break;
      if (IsPrep(f) || IsComplementizer(f) || IsVerbLike(t)) break;
    }
  }
  return true;
}

void SentenceWorker::FindMatches(std::vector<Match>* out) const {
  std::vector<Match> cands;
  for (int i = 0; i < n_; ++i) {
    std::vector<int> ids;
    if (auto* v = lex_.EntriesForHead(f_[i])) ids = *v;
    if (!lem_[i].empty() && lem_[i] != f_[i]) {
      if (auto* v = lex_.EntriesForHead(lem_[i])) {
        for (int id : *v) {
          if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
      }
    }
    for (int id : ids) {
      Match m;
      m.entry = id;
      if (MatchEntry(lex_.entry(id), i, &m)) cands.push_back(std::move(m));
    }
  }
  std::sort(cands.begin(), cands.end(), [&](const Match& a, const Match& b) {
    if (a.toks.size() != b.toks.size()) return a.toks.size() > b.toks.size();
    return lex_.entry(a.entry).line < lex_.entry(b.entry).line;
  });
  std::vector<uint8_t> used(n_, 0);
  for (auto& m : cands) {
    bool free = true;
    for (int t : m.toks) free = free && !used[t];
    if (!free) continue;
    for (int t : m.toks) used[t] = 1;
    out->push_back(std::move(m));
  }
  std::sort(out->begin(), out->end(), [](const Match& a, const Match& b) { return a.head < b.head; });
}

std::vector<int> SentenceWorker::GroupOf(int m) const {
  std::vector<int> out;
  for (int k = 0; k < static_cast<int>(ms_.size()); ++k) {
    if (ms_[k].group == ms_[m].group) out.push_back(k);
  }
  return out;
}

std::vector<int> SentenceWorker::RunAt(int from, int max_lead) const {
  // Skip determiners/modifiers to the first mention; then the noun phrase run continues over modifiers
  // and mentions until punctuation, a preposition, a verb or a clause word. The run's last mention and
  // its coordinated group are returned ("with his French counterpart Emmanuel Macron" → Macron).
  int last = kNone;
  int lead = 0;
  for (int t = from; t < n_; ++t) {
    if (mention_at_[t] != kNone) {
      last = mention_at_[t];
      t = ms_[last].e - 1;
      continue;
    }
    const std::string& f = f_[t];
    if (IsHyphen(f) || f == "'s" || f == "'") continue;
    if (IsPunct(f) || IsPrep(f) || IsComplementizer(f) || f == "and" || f == "or" || IsVerbLike(t)) break;
    if (last == kNone && ++lead > max_lead) break;
    if (last != kNone) break;  // a modifier after a name ends the run ("Macron counterpart" is rare)
  }
  if (last == kNone) return {};
  return GroupOf(last);
}

int SentenceWorker::FindAfter(int from, int limit, std::string_view word) const {
  for (int t = from; t < std::min(n_, from + limit); ++t) {
    if (f_[t] == word) return t;
    if (IsClauseBreak(f_[t]) || f_[t] == ",") return kNone;
  }
  return kNone;
}

std::string SentenceWorker::CountryName(const std::string& country) const {
  std::string name = country;
  for (const LocalMention& lm : ms_) {
    const Actor& a = lm.am->actor;
    if (a.country == country && a.role.empty() && a.id.rfind("country:", 0) == 0) name = a.name;
  }
  return name;
}

Role SentenceWorker::CountrySector(const std::string& country, std::string_view role, std::string_view label,
                                   int tok) const {
  Role r;
  r.actor.id = "country:" + country;
  r.actor.name = CountryName(country);
  r.actor.country = country;
  r.actor.code = country;
  NarrowToSector(&r.actor, role, label);
  if (tok != kNone) {
    r.start = s_.tokens[tok].start;
    r.end = s_.tokens[tok].end;
  }
  return r;
}

void SentenceWorker::NarrowToSector(Actor* a, std::string_view role, std::string_view label) {
  a->id += ":" + std::string(role);
  a->code += std::string(role);
  a->role = std::string(role);
  a->name += " " + std::string(label);
}

int SentenceWorker::AttackAfter(int from) const {
  for (int t = from; t < std::min(n_, from + 5); ++t) {
    if (IsPunct(f_[t]) || IsPrep(f_[t])) return kNone;
    if (mention_at_[t] == kNone) continue;
    const int k = mention_at_[t];
    for (int u = ms_[k].e; u < std::min(n_, ms_[k].e + 3); ++u) {
      if (OneOf(lem_[u], {"strike", "airstrike", "attack", "shelling", "bombing", "bombardment", "raid", "fire",
                          "offensive", "assault", "ambush", "missile", "rocket", "drone", "shell"})) {
        return k;
      }
    }
    return kNone;
  }
  return kNone;
}

Role SentenceWorker::LocalGroup(const Match& m, const std::string& country, const std::string& type, int at) const {
  struct Group {
    std::string_view word, role, label;
  };
  // Role UAF: unidentified armed men (CAMEO "Unidentified Forces").
  static const Group kGroups[] = {
      {"protesters", "OPP", "protesters"},    {"protestors", "OPP", "protesters"},
      {"demonstrators", "OPP", "protesters"}, {"activists", "OPP", "activists"},
      {"marchers", "OPP", "protesters"},      {"rioters", "OPP", "rioters"},
      {"opposition", "OPP", "opposition"},    {"supporters", "OPP", "supporters"},
      {"dissidents", "OPP", "dissidents"},    {"students", "EDU", "students"},
      {"schoolchildren", "EDU", "students"},  {"pupils", "EDU", "students"},
      {"workers", "LAB", "workers"},          {"strikers", "LAB", "workers"},
      {"residents", "CVL", "civilians"},      {"civilians", "CVL", "civilians"},
      {"villagers", "CVL", "civilians"},      {"people", "CVL", "civilians"},
      {"passengers", "CVL", "civilians"},     {"worshippers", "CVL", "civilians"},
      {"children", "CVL", "civilians"},       {"women", "CVL", "civilians"},
      {"men", "CVL", "civilians"},            {"man", "CVL", "civilians"},
      {"woman", "CVL", "civilians"},          {"child", "CVL", "civilians"},
      {"family", "CVL", "civilians"},         {"families", "CVL", "civilians"},
      {"crowds", "CVL", "civilians"},         {"crowd", "CVL", "civilians"},
      {"thousands", "CVL", "civilians"},      {"hundreds", "CVL", "civilians"},
      {"tens", "CVL", "civilians"},           {"dozens", "CVL", "civilians"},
      {"journalists", "MED", "journalists"},  {"journalist", "MED", "journalists"},
      {"police", "COP", "police"},            {"policemen", "COP", "police"},
      {"officers", "COP", "police"},          {"security", "COP", "police"},
      {"soldiers", "MIL", "military"},        {"troops", "MIL", "military"},
      {"forces", "MIL", "military"},          {"army", "MIL", "military"},
      {"court", "JUD", "judiciary"},          {"judge", "JUD", "judiciary"},
      {"prosecutors", "JUD", "judiciary"},    {"authorities", "GOV", "government"},
      {"gunmen", "UAF", "gunmen"},            {"gunman", "UAF", "gunmen"},
      {"attackers", "UAF", "attackers"},      {"assailants", "UAF", "attackers"},
      {"kidnappers", "UAF", "kidnappers"},    {"bomber", "UAF", "attackers"},
      {"bombers", "UAF", "attackers"},        {"militants", "REB", "militants"},
      {"insurgents", "REB", "insurgents"},    {"jihadists", "REB", "militants"},
      {"rebels", "REB", "rebels"},
  };
  // The subject: the parse's, else the nearest noun before the trigger in its clause.
  int subj = kNone;
  if (ParseOk() && !lex_.entry(m.entry).noun) subj = ParseChild(m.pred, {"nsubj", "nsubj:pass"});
  if (at < 0 && subj != kNone && mention_at_[subj] != kNone) return Role();
  std::vector<int> words;
  if (at >= 0) {
    words.push_back(at);
  } else if (subj != kNone) {
    words.push_back(subj);
    // "thousands of protesters", "hundreds of angry students"
    if (subj + 2 < n_ && f_[subj + 1] == "of") {
      for (int t = subj + 2; t < std::min(n_, subj + 4); ++t) words.push_back(t);
    }
  } else if (lex_.entry(m.entry).noun) {
    // A noun's own modifiers only: "a police raid", "a rebel attack".
    for (int t = m.b - 1; t >= 0 && t >= m.b - 2; --t) {
      if (s_.tokens[t].upos != "NOUN" && s_.tokens[t].upos != "ADJ") break;
      words.push_back(t);
    }
  } else {
    for (int t = m.b - 1; t >= 0 && t >= m.b - 6; --t) {
      if (IsPunct(f_[t]) || IsComplementizer(f_[t]) || IsVerbLike(t)) break;
      words.push_back(t);
    }
  }
  // A count is the group only when no other word names one ("thousands of demonstrators" are protesters).
  std::stable_partition(words.begin(), words.end(),
                        [&](int t) { return !OneOf(f_[t], {"thousands", "hundreds", "tens", "dozens"}); });
  for (int t : words) {
    for (Group g : kGroups) {
      if (f_[t] != g.word) continue;
      if (g.word == "forces" && t > 0 && f_[t - 1] == "security") g = {"forces", "COP", "police"};
      // "security forces": the police; "security" alone is no group.
      if (g.word == "security" && !(t + 1 < n_ && OneOf(f_[t + 1], {"forces", "personnel", "officers"}))) continue;
      // Crowds act only by demonstrating; the state's forces, courts and armed men act otherwise too. A
      // victim (at >= 0 on the target side) may be anyone.
      const bool agent = OneOf(g.role, {"COP", "MIL", "JUD", "GOV", "UAF", "REB"});
      // ("protesters clashed with police": a crowd fights too, and the stage codes it as a riot.)
      const bool crowd_fight = type == "ASSAULT" && OneOf(lem_[m.head], {"clash", "fight", "scuffle", "riot", "battle"});
      if (at < 0 && type != "PROTEST" && !agent && !crowd_fight) return Role();
      if (at >= 0 && subj == t && s_.tokens[t].deprel != "nsubj:pass" && type != "PROTEST" && !agent) return Role();
      // With no country, only unidentified armed men are still an actor.
      if (country.empty() && g.role != "UAF") return Role();
      if (!country.empty()) return CountrySector(country, g.role, g.label, t);
      Role r;
      r.actor.id = "group:" + std::string(g.role);
      r.actor.name = "unidentified " + std::string(g.label);
      r.actor.code = std::string(g.role);
      r.actor.role = std::string(g.role);
      r.start = s_.tokens[t].start;
      r.end = s_.tokens[t].end;
      return r;
    }
  }
  return Role();
}

Role SentenceWorker::DoerOfReferredEvent(const Match& m, const Actor& reactor) const {
  const TriggerEntry& e = lex_.entry(m.entry);
  const std::string& type = lex_.Code(e.cameo)->type;
  if (e.noun || !(type == "ACCUSE" || type == "REJECT" || type == "SUPPORT" || type == "PROTEST")) return Role();
  // The object: the parse's, else the first noun within three words after the trigger.
  int obj = ParseOk() ? ParseChild(m.head, {"obj"}) : kNone;
  if (obj == kNone) {
    // ("condemned as `` unacceptable '' allegations by Rwanda": quotes and "as X" before the object)
    for (int t = m.e; t < std::min(n_, m.e + 9) && obj == kNone; ++t) {
      if (s_.tokens[t].upos == "NOUN") obj = t;
      if (IsClauseBreak(f_[t]) || f_[t] == ",") break;
    }
  }
  if (obj == kNone || mention_at_[obj] != kNone) return Role();
  // "condemned the allegations by Rwanda", "rejected claims from Moscow": the claim's author.
  if (OneOf(f_[obj], {"allegation", "allegations", "claim", "claims", "accusation", "accusations", "charge",
                      "charges", "remarks", "comments", "statement", "statements", "threat", "threats",
                      "demand", "demands", "ultimatum"})) {
    for (int t = obj + 1; t < std::min(n_, obj + 3); ++t) {
      if (f_[t] != "by" && f_[t] != "from") continue;
      auto g = RunAt(t + 1, 3);
      if (!g.empty() && ms_[g[0]].am->how != "place" && ms_[g[0]].am->actor.id != reactor.id) return RoleOf(g[0]);
      break;
    }
  }
  // Event nouns and the event types they name ("" = any: "the move", "the decision").
  struct Named {
    std::string_view noun, types;
  };
  static const Named kNamed[] = {
      {"attack", "ASSAULT"},       {"attacks", "ASSAULT"},     {"strike", "ASSAULT"},   {"strikes", "ASSAULT"},
      {"shelling", "ASSAULT"},     {"bombing", "ASSAULT"},     {"invasion", "ASSAULT"}, {"incursion", "ASSAULT"},
      {"offensive", "ASSAULT"},    {"assault", "ASSAULT"},     {"firing", "ASSAULT"},   {"shooting", "ASSAULT"},
      {"raid", "ASSAULT COERCE"},  {"raids", "ASSAULT COERCE"}, {"killing", "ASSAULT"}, {"killings", "ASSAULT"},
      {"launch", "ASSAULT MOBILIZE"}, {"launches", "ASSAULT MOBILIZE"}, {"test", "ASSAULT MOBILIZE"},
      {"tests", "ASSAULT MOBILIZE"}, {"sanctions", "SANCTION COERCE"}, {"ban", "SANCTION COERCE"},
      {"blockade", "COERCE SANCTION"}, {"expulsion", "SANCTION COERCE"}, {"expulsions", "SANCTION COERCE"},
      {"arrest", "COERCE"},        {"arrests", "COERCE"},      {"detention", "COERCE"}, {"execution", "COERCE"},
      {"crackdown", "COERCE"},     {"seizure", "COERCE"},      {"annexation", "COERCE"},
      {"deployment", "MOBILIZE"},  {"drills", "MOBILIZE"},     {"exercises", "MOBILIZE"},
      {"deal", "AGREE COOPERATE"}, {"agreement", "AGREE COOPERATE"}, {"visit", "CONSULT"},
      {"meeting", "CONSULT"},      {"talks", "CONSULT"},       {"summit", "CONSULT"},   {"trip", "CONSULT"},
      {"move", ""},                {"decision", ""},
  };
  const Named* named = nullptr;
  for (const Named& n : kNamed) {
    if (f_[obj] == n.noun) named = &n;
  }
  if (!named) return Role();
  for (size_t i = doc_->events.size(); i-- > 0;) {
    const EventMention& ev = doc_->events[i];
    if (ev.sentence < si_ - 2) break;
    if (!ev.source.present()) continue;
    const Actor& a = ev.source.actor;
    if (a.id == reactor.id || (!a.country.empty() && a.country == reactor.country)) continue;
    if (ev.type == "ACCUSE" || ev.type == "REJECT" || ev.type == "REQUEST") continue;  // reactions themselves
    if (!named->types.empty() && named->types.find(ev.type) == std::string_view::npos) continue;
    Role r;
    r.actor = a;
    return r;
  }
  return Role();
}

bool SentenceWorker::IsPairAnaphor(int t) const {
  const std::string& f = f_[t];
  return f == "they" || f == "both" || (f == "leaders" && t > 0 && OneOf(f_[t - 1], {"both", "two", "the"})) ||
         (f == "sides" && t > 0 && OneOf(f_[t - 1], {"both", "two"})) ||
         (OneOf(f, {"presidents", "men", "countries", "ministers", "governments"}) && t > 0 &&
          OneOf(f_[t - 1], {"both", "two"}));
}

std::vector<int> SentenceWorker::NearestLeftSubject(int pos, bool* anaphor_pair, bool* anaphor_single) const {
  *anaphor_pair = *anaphor_single = false;
  for (int t = pos - 1; t >= 0; --t) {
    const std::string& f = f_[t];
    if (f == ";" || f == ":") break;
    if (mention_at_[t] != kNone) {
      int m = mention_at_[t];
      t = ms_[m].b;
      if (!ms_[m].prep.empty()) continue;
      if (ms_[m].am->how == "place") continue;  // "visited Tel Aviv and met …": a place is never the subject
      // "Russia's Defense Ministry": prefer the head of a possessive chain only when nothing follows
      return GroupOf(m);
    }
    if (IsPairAnaphor(t)) {
      if (t + 1 < n_ && (IsPrep(f_[t + 1]) || f_[t + 1] == "'s")) continue;
      *anaphor_pair = true;
      return {};
    }
    if (f == "he" || f == "she") {
      *anaphor_single = true;
      return {};
    }
  }
  return {};
}

Role SentenceWorker::RoleOf(int m) const {
  Role r;
  r.actor = ms_[m].am->actor;
  r.start = ms_[m].am->start;
  r.end = ms_[m].am->end;
  r.mention = m;
  return r;
}

std::vector<Role> SentenceWorker::ContextPair(int before_tok) const {
  // The participants of the latest two-sided happened meeting of this or the previous sentences.
  for (auto it = doc_->events.rbegin(); it != doc_->events.rend(); ++it) {
    if (it->sentence < si_ - 2) break;
    if (it->source.present() && it->target.present() && it->type == "CONSULT" &&
        it->status == EventStatus::kHappened) {
      Role a, b;
      a.actor = it->source.actor;
      b.actor = it->target.actor;
      return {a, b};
    }
  }
  // Else the last two distinct actors named in this sentence (before the anaphor) or the previous one.
  std::vector<Role> out;
  const uint32_t limit = before_tok >= 0 && before_tok < n_ ? s_.tokens[before_tok].start : s_.end;
  for (const ActorMention& am : doc_->actors) {
    if (am.sentence < si_ - 1 || am.sentence > si_ || am.start >= limit) continue;
    if (am.actor.id.rfind("person:", 0) != 0) continue;
    if (am.actor.empty() || am.actor.country.empty()) continue;
    bool dup = false;
    for (auto& r : out) dup = dup || r.actor.id == am.actor.id || r.actor.country == am.actor.country;
    if (dup) continue;
    Role r;
    r.actor = am.actor;
    out.push_back(r);
  }
  if (out.size() > 2) out.erase(out.begin(), out.end() - 2);
  if (out.size() < 2) return {};
  return out;
}

std::vector<Role> SentenceWorker::ContextPerson() const {
  // The source of the latest event in this or the previous sentence, if it is a person.
  for (auto it = doc_->events.rbegin(); it != doc_->events.rend(); ++it) {
    if (it->sentence < si_ - 1) break;
    if (it->source.present() && it->source.actor.id.rfind("person:", 0) == 0) {
      Role r;
      r.actor = it->source.actor;
      return {r};
    }
  }
  return {};
}

int SentenceWorker::ParseChild(int head, std::initializer_list<std::string_view> rels) const {
  for (int i = 0; i < n_; ++i) {
    if (s_.tokens[i].head != head) continue;
    for (auto r : rels) {
      if (s_.tokens[i].deprel == r) return i;
    }
  }
  return kNone;
}

int SentenceWorker::MentionCovering(int tok) const { return tok >= 0 && tok < n_ ? mention_at_[tok] : kNone; }

StatusResult SentenceWorker::ComputeStatus(const Match& m) const {
  StatusResult r;
  const TriggerEntry& e = lex_.entry(m.entry);
  const CameoCode* code = lex_.Code(e.cameo);
  const bool conflict = code && code->quad_class >= 3;
  struct Hit {
    CueStatus status;
    int dist;
    std::string cue;
    int tok;
    CueScope scope;
  };
  std::vector<Hit> hits;
  // Left boundary of the trigger's clause.
  int seg = 0;
  for (int t = m.pred - 1; t >= 0; --t) {
    const std::string& f = f_[t];
    if (IsClauseBreak(f) || f == "," || f == "\"" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D") {
      seg = t + 1;
      break;
    }
    if (IsComplementizer(f) && t < m.pred - 1) {
      seg = t + 1;
      break;
    }
  }
  // A cue matching tokens [s, e) (ends before or at `limit`).
  auto cue_at = [&](const Cue& c, int start) {
    if (start < 0 || start + static_cast<int>(c.words.size()) > n_) return false;
    for (size_t k = 0; k < c.words.size(); ++k) {
      const std::string& f = f_[start + k];
      if (f != c.words[k] && !(c.words[k] == "n't" && f.size() > 3 && f.ends_with("n't"))) return false;
    }
    return true;
  };
  std::vector<uint8_t> covered(n_, 0);
  // Longest cues first so that "did not rule out" hides "not".
  std::vector<const Cue*> cues;
  for (const Cue& c : lex_.cues()) cues.push_back(&c);
  std::stable_sort(cues.begin(), cues.end(), [](const Cue* a, const Cue* b) { return a->words.size() > b->words.size(); });
  for (const Cue* c : cues) {
    if (c->status == CueStatus::kAttributed) continue;
    const int len = static_cast<int>(c->words.size());
    switch (c->scope) {
      case CueScope::kStart: {
        int first = 0;
        while (first < n_ && IsPunct(f_[first])) ++first;
        if (cue_at(*c, first) && first < m.head) hits.push_back({c->status, 100, c->words[0], first, c->scope});
        break;
      }
      case CueScope::kNear:
      case CueScope::kLeft: {
        const bool near = c->scope == CueScope::kNear;
        if (near && m.light) break;  // "held a call": the light verb carries the status
        if (near && (c->words[0] == "a" || c->words[0] == "an") && !(e.noun && conflict)) break;
        if (near && !e.noun && OneOf(c->words[0], {"a", "an", "any", "no", "without"})) break;
        const int anchor = near ? m.head : m.pred;
        const int window = near ? 3 : 7;
        for (int start = anchor - len; start >= std::max(seg, anchor - window - len + 1); --start) {
          if (start < 0) break;
          bool free = true;
          for (int k = start; k < start + len; ++k) free = free && !covered[k];
          if (!free || !cue_at(*c, start)) continue;
          // "killed in a PKK attack", "wounded during an air strike": an article after these prepositions
          // names an attack that happened.
          if (near && (c->words[0] == "a" || c->words[0] == "an") && start > 0 &&
              OneOf(f_[start - 1], {"in", "during", "after", "following", "by", "from"})) {
            continue;
          }
          // inside the trigger pattern itself ("threaten" is no cue for "threaten")
          bool inside = false;
          for (int t : m.toks) inside = inside || (t >= start && t < start + len);
          if (inside) continue;
          // "refused to disavow X and defended Y": a cue ending in "to" governs an infinitive, not a finite
          // verb of its own.
          if (!e.noun && c->words.back() == "to" &&
              (OneOf(s_.tokens[m.pred].xpos, {"VBD", "VBZ"}) ||
               (s_.tokens[m.pred].xpos == "VBN" && m.pred > 0 && OneOf(f_[m.pred - 1], {"and", "but"})))) {
            continue;
          }
          for (int k = start; k < start + len; ++k) covered[k] = 1;
          hits.push_back({c->status, anchor - (start + len), [&] {
                            std::string s;
                            for (int k = start; k < start + len; ++k) s += (k > start ? " " : "") + f_[k];
                            return s;
                          }(),
                          start, c->scope});
          break;
        }
        break;
      }
      case CueScope::kGovern: {
        for (int start = m.pred - len; start >= 0; --start) {
          if (f_[start] == ";") break;
          // "Egypt called on both sides …, and Qatar offered to mediate": a coordinated clause with a
          // subject of its own is not governed by the verb of the first.
          if (start + 2 < m.pred && f_[start] == "," &&
              OneOf(f_[start + 1], {"and", "but", "while", "whereas", "yet"}) &&
              (mention_at_[start + 2] != kNone ||
               (start + 3 < m.pred && IsDeterminer(f_[start + 2]) && mention_at_[start + 3] != kNone))) {
            break;
          }
          if (!cue_at(*c, start)) continue;
          bool inside = false;
          for (int t : m.toks) inside = inside || (t >= start && t < start + len);
          if (inside) continue;
          hits.push_back({c->status, 20 + (m.pred - start) / 4, f_[start], start, c->scope});
          break;
        }
        break;
      }
      case CueScope::kRight: {
        // "threatened to impose sanctions if it buys missiles": the condition is the threat's content.
        if (c->status == CueStatus::kHypothetical && code &&
            (code->type == "THREATEN" || code->type == "REQUEST" || code->type == "ACCUSE") && !e.noun) {
          break;
        }
        for (int start = m.e; start < std::min(n_, m.e + 12); ++start) {
          if (IsClauseBreak(f_[start])) break;
          if (!cue_at(*c, start)) continue;
          hits.push_back({c->status, 10 + start - m.e, f_[start], start, c->scope});
          break;
        }
        break;
      }
      case CueScope::kNext: {
        if (e.noun && m.head + 1 < n_ && cue_at(*c, m.head + 1)) {
          hits.push_back({c->status, 1, c->words[0], m.head + 1, c->scope});
        }
        break;
      }
    }
  }
  // Hypothetical and denied cues outrank planned ones; among them the nearest wins.
  const Hit* best = nullptr;
  const Hit* best_planned = nullptr;
  for (const Hit& h : hits) {
    if (h.status == CueStatus::kPlanned) {
      if (!best_planned || h.dist < best_planned->dist) best_planned = &h;
    } else if (!best || h.dist < best->dist) {
      best = &h;
    }
  }
  // "dismissed reports that Putin would meet Zelensky": a denial governing the clause outranks the
  // clause's own modal.
  for (const Hit& h : hits) {
    if (h.status == CueStatus::kDenied && h.scope == CueScope::kGovern && best &&
        best->status == CueStatus::kHypothetical && best->scope != CueScope::kGovern) {
      best = &h;
    }
  }
  for (const Hit& h : hits) {
    if (h.scope == CueScope::kGovern && h.status == CueStatus::kHypothetical) r.govern_tok = h.tok;
  }
  // "had made no appeal", "held no talks": a negation between the light verb and its noun.
  if (m.light) {
    for (int t = std::min(m.pred, m.head) + 1; t < std::max(m.pred, m.head); ++t) {
      if (OneOf(f_[t], {"no", "not", "never"})) {
        r.status = EventStatus::kDenied;
        r.cue = f_[t];
        r.negated = true;
        return r;
      }
    }
  }
  if (best) {
    r.status = best->status == CueStatus::kDenied ? EventStatus::kDenied : EventStatus::kHypothetical;
    r.cue = best->cue;
    r.negated = best->status == CueStatus::kDenied && OneOf(best->cue, {"not", "n't", "never", "no"});
    if (!r.negated && best->cue.size() > 3 && best->cue.ends_with("n't")) r.negated = true;
  } else if (best_planned) {
    r.status = EventStatus::kPlanned;
    r.cue = best_planned->cue;
    const int t = best_planned->tok;
    // ("was postponed" is a plan still ahead, not a past one.)
    const bool put_off = OneOf(f_[t], {"postponed", "delayed", "put", "pushed"});
    r.past_plan = (t > 0 && !put_off && OneOf(f_[t - 1], {"was", "were"})) ||
                  OneOf(best_planned->cue.substr(0, best_planned->cue.find(' ')), {"planned", "intended"});
  }
  return r;
}

std::string SentenceWorker::Attribution(const Match& m) const {
  // "according to X", "X said (that) …", "…, said X" / "…, X said".
  for (int t = 0; t + 1 < n_; ++t) {
    if (f_[t] == "according" && f_[t + 1] == "to") {
      int b = t + 2, e = b;
      while (e < n_ && f_[e] != "," && !IsClauseBreak(f_[e]) && e - b < 8) ++e;
      if (e > b) return std::string(Text(s_.tokens[b].start, s_.tokens[e - 1].end));
    }
  }
  for (const Cue& c : lex_.cues()) {
    if (c.status != CueStatus::kAttributed || c.words.size() != 1) continue;
    for (int t = 0; t < n_; ++t) {
      if (f_[t] != c.words[0] || (t >= m.b && t < m.e)) continue;
      if (t < m.b) {
        // speaker before the speech verb, within its clause
        int e = t, b = t;
        while (b > 0 && t - b < 6) {
          const std::string& f = f_[b - 1];
          if (IsPunct(f) && f != "'s" && !IsHyphen(f) && f != ".") break;
          if (IsComplementizer(f) || IsVerbLike(b - 1)) break;
          --b;
        }
        // skip time words between speaker and verb ("Kirby on Thursday said")
        if (b < e) return std::string(Text(s_.tokens[b].start, s_.tokens[e - 1].end));
      } else if (t > 0 && (f_[t - 1] == "," || f_[t - 1] == "\"" || f_[t - 1] == "\xE2\x80\x9D")) {
        // "…," said the Kremlin
        int b = t + 1, e = b;
        while (e < n_ && !IsPunct(f_[e]) && e - b < 6 && !IsPrep(f_[e])) ++e;
        if (e > b) return std::string(Text(s_.tokens[b].start, s_.tokens[e - 1].end));
      } else if (t > 1 && (f_[t - 2] == "," || f_[t - 2] == "\xE2\x80\x9D" || f_[t - 2] == "\"") &&
                 mention_at_[t - 1] != kNone) {
        // "…," Macron said
        const LocalMention& lm = ms_[mention_at_[t - 1]];
        return std::string(Text(lm.am->start, lm.am->end));
      }
    }
  }
  return "";
}

std::vector<std::vector<const TimeExpression*>> SentenceWorker::DatesFor(int pred, const std::vector<int>& own,
                                                                         std::string* text) const {
  // The time expression attached to the predicate: the parse when it links them, else the nearest one
  // in the sentence (a comma or another trigger in between counts against it; "before X" and "by X"
  // are weak). A list ("on 28 and 31 January") comes back whole: one entry per date.
  if (tx_.empty()) return {};
  // Surface cost of linking timex k to the predicate: distance, commas and other triggers in between;
  // "before X", "by X", "since X" date something else.
  auto cost_of = [&](int k) {
    int a = std::min(pred, tx_[k].tok), b = std::max(pred, tx_[k].tok_end);
    int cost = b - a;
    for (int t = a; t < b; ++t) {
      if (f_[t] == ",") cost += 2;
      if (f_[t] == ";" || f_[t] == ":") cost += 20;
      if (t != pred && std::find(own.begin(), own.end(), t) == own.end() &&
          std::find(trigger_heads_.begin(), trigger_heads_.end(), t) != trigger_heads_.end()) {
        cost += 6;
      }
    }
    if (tx_[k].tok > 0 && OneOf(f_[tx_[k].tok - 1], {"before", "after", "since", "until", "by", "till"})) cost += 8;
    // "Ahead of Blinken's visit next week, China released …": a date in a fronted phrase that names an
    // event of its own dates that event.
    if (tx_[k].tok_end <= pred) {
      bool comma = false;
      for (int t = tx_[k].tok_end; t < pred && !comma; ++t) comma = f_[t] == ",";
      for (int t = tx_[k].tok - 1; comma && t >= 0 && f_[t] != ","; --t) {
        if (std::find(own.begin(), own.end(), t) == own.end() &&
            std::find(trigger_heads_.begin(), trigger_heads_.end(), t) != trigger_heads_.end()) {
          cost += 10;
          break;
        }
      }
    }
    if (IsWeek(k)) cost += 4;  // a week dates only by its month: a stated day nearby says more
    if (OneOf(f_[tx_[k].tok], {"before", "after", "since", "until", "by", "till"})) cost += 8;
    return cost;
  };
  int best = kNone;
  int best_cost = 1 << 30;
  if (ParseOk()) {
    // Time expressions the parse attaches to the predicate (or the trigger words); the cheapest wins.
    for (int k = 0; k < static_cast<int>(tx_.size()); ++k) {
      bool attached = false;
      for (int t = tx_[k].tok; t < tx_[k].tok_end && !attached; ++t) {
        int h = s_.tokens[t].head;
        attached = (h == pred || std::find(own.begin(), own.end(), h) != own.end()) &&
                   (s_.tokens[t].deprel.rfind("obl", 0) == 0 || s_.tokens[t].deprel.rfind("nmod", 0) == 0 ||
                    s_.tokens[t].deprel == "advmod");
      }
      if (attached && cost_of(k) < best_cost) {
        best_cost = cost_of(k);
        best = k;
      }
    }
    if (best != kNone && best_cost >= 8) best = kNone;  // only a weak link: compare with the rest below
  }
  if (best == kNone) {
    best_cost = 1 << 30;
    for (int k = 0; k < static_cast<int>(tx_.size()); ++k) {
      // "delivering assistance approved by the president in December": a time expression the parse gives
      // to a participle or relative clause after the predicate dates that clause.
      if (ParseOk()) {
        int hv = kNone;  // where the expression hangs, outside itself
        for (int t = tx_[k].tok; t < tx_[k].tok_end; ++t) {
          const int th = s_.tokens[t].head;
          if (th >= 0 && th < n_ && (th < tx_[k].tok || th >= tx_[k].tok_end)) hv = th;
        }
        // So does an infinitive after it ("met … to sign an agreement to build the pipeline by 2025"), also
        // through the nouns it governs.
        for (int hops = 0; hops < 3 && hv != kNone && hv > pred && OneOf(s_.tokens[hv].upos, {"NOUN", "PROPN"}) &&
                           s_.tokens[hv].head >= 0 && std::find(own.begin(), own.end(), hv) == own.end();
             ++hops) {
          hv = s_.tokens[hv].head;
        }
        const bool infinitive = hv != kNone && hv > 0 && f_[hv - 1] == "to" &&
                                OneOf(s_.tokens[hv].deprel, {"xcomp", "advcl", "acl"});
        if (hv != kNone && hv > pred && hv < tx_[k].tok && s_.tokens[hv].upos == "VERB" &&
            (s_.tokens[hv].deprel == "acl" || s_.tokens[hv].deprel == "acl:relcl" || infinitive) &&
            std::find(own.begin(), own.end(), hv) == own.end()) {
          continue;
        }
      }
      const int cost = cost_of(k);
      if (cost < best_cost) {
        best_cost = cost;
        best = k;
      }
    }
  }
  if (best == kNone) return {};
  // A week far from the predicate ("spoke last week before he was set to travel") dates the other verb,
  // unless it opens the sentence ("Last week, Blinken visited Tel Aviv and met Netanyahu").
  const bool fronted = tx_[best].tok == 0 && tx_[best].tok_end < n_ && f_[tx_[best].tok_end] == ",";
  if (IsWeek(best) && best_cost > 10 && !fronted) return {};
  // Extend to a list: neighbours joined by "and", ",", "-", "to", "through".
  int lo = best, hi = best;
  auto joined = [&](int a, int b) {
    for (int t = tx_[a].tok_end; t < tx_[b].tok; ++t) {
      if (!(f_[t] == "and" || f_[t] == "," || IsHyphen(f_[t]) || f_[t] == "to" || f_[t] == "through")) return false;
    }
    auto digit = [&](int k) {
      for (char c : Text(tx_[k].tx->start, tx_[k].tx->end)) {
        if (c >= '0' && c <= '9') return true;
      }
      return false;
    };
    return digit(a) && digit(b) && tx_[b].tok - tx_[a].tok_end <= 2 &&
           tx_[a].tx->date.precision == DatePrecision::kDay &&
           tx_[b].tx->date.precision == DatePrecision::kDay;
  };
  while (lo > 0 && joined(lo - 1, lo)) --lo;
  while (hi + 1 < static_cast<int>(tx_.size()) && joined(hi, hi + 1)) ++hi;
  std::vector<std::vector<const TimeExpression*>> out;
  for (int k = lo; k <= hi; ++k) {
    bool dup = false;
    for (auto& o : out) dup = dup || o[0]->date == tx_[k].tx->date;
    if (!dup) out.push_back({tx_[k].tx});
  }
  *text = std::string(Text(tx_[lo].tx->start, tx_[hi].tx->end));
  return out;
}

bool SentenceWorker::PresentOrPerfect(int pred) const {
  int v = pred;
  // A trigger noun's clause: the verb it hangs from.
  for (int hops = 0; hops < 3 && ParseOk() && s_.tokens[v].upos != "VERB" && s_.tokens[v].upos != "AUX"; ++hops) {
    if (s_.tokens[v].head < 0) break;
    v = s_.tokens[v].head;
  }
  if (s_.tokens[v].upos != "VERB") return false;
  if (OneOf(s_.tokens[v].xpos, {"VBZ", "VBP"})) return true;
  for (int t = v - 1; t >= std::max(0, v - 4); --t) {
    const std::string& f = f_[t];
    if (OneOf(f, {"has", "have", "'ve"})) return s_.tokens[v].xpos == "VBN";
    if (OneOf(f, {"is", "are", "am"})) return s_.tokens[v].xpos == "VBN";  // "which is recognized by"
    if (!(f.ends_with("ly") || OneOf(f, {"not", "n't", "also", "even", "now", "already", "just", "since"}))) break;
  }
  return false;
}

bool SentenceWorker::InsideQuote(int tok) const {
  int before = 0, after = 0, open = 0;
  for (int t = 0; t < n_; ++t) {
    const std::string& f = f_[t];
    const bool straight = f == "\"" || f == "''" || f == "``";
    const bool left = f == "\xE2\x80\x9C", right = f == "\xE2\x80\x9D";
    if (!(straight || left || right)) continue;
    if (t < tok) {
      ++before;
      open += left ? 1 : right ? -1 : 0;
    } else if (t > tok) {
      ++after;
    }
  }
  if (open > 0) return true;
  if (before % 2 == 1) return true;
  return before == 0 && after % 2 == 1;
}

bool SentenceWorker::Separated(int a, int b, const Match& m) const {
  for (int t = std::max(0, a); t < std::min(b, n_); ++t) {
    if (std::find(m.toks.begin(), m.toks.end(), t) != m.toks.end()) continue;
    if (std::find(trigger_heads_.begin(), trigger_heads_.end(), t) != trigger_heads_.end()) return true;
    // "told journalists in Kyiv that his Moscow trip …": a complementizer opens another clause.
    if (f_[t] == "that" && (s_.tokens[t].upos == "SCONJ" || s_.tokens[t].xpos == "IN")) return true;
    if (OneOf(f_[t], {"before", "after", "while", "when", "whereas", "because", "although", "which", "who", "as"}) &&
        !(t + 1 < n_ && OneOf(f_[t + 1], {"well", "part", "much", "many", "soon"}))) {
      return true;
    }
  }
  return false;
}

bool SentenceWorker::BackReference(const Match& m) const {
  const Token& h = s_.tokens[m.head];
  if (lex_.entry(m.entry).noun && !m.light && ParseOk() && (h.deprel == "nsubj" || h.deprel == "nsubj:pass") &&
      h.head >= 0 && h.head < n_) {
    // "The meeting took place on Monday" dates the meeting; "the trip fetched results" does not.
    if (OneOf(lem_[h.head], {"take", "happen", "occur", "begin", "start", "end", "last", "come", "be", "continue",
                             "resume", "conclude", "open", "close", "follow", "precede", "go", "run", "get"})) {
      return false;
    }
    for (const LocalTimex& lt : tx_) {
      for (int t = lt.tok; t < lt.tok_end; ++t) {
        if (s_.tokens[t].head == m.head) return false;  // "the 3 February call …"
      }
    }
    return true;
  }
  // "days after a missile strike on Kyiv", "weeks since the invasion": an earlier event, dated by the other.
  if (lex_.entry(m.entry).noun && !m.light) {
    for (int t = m.b - 1; t >= std::max(1, m.b - 5); --t) {
      if (OneOf(f_[t], {"after", "since", "before"})) {
        if (OneOf(f_[t - 1], {"days", "weeks", "months", "hours", "day", "week", "month", "years", "shortly", "soon",
                              "just", "long"})) {
          return true;
        }
        break;
      }
      if (IsPunct(f_[t]) && !IsHyphen(f_[t]) && f_[t] != "'s") break;
      if (IsVerbLike(t)) break;
    }
  }
  // "came to Kyiv a day after meeting Putin": the meeting is dated from the other event, not by this clause.
  if (!lex_.entry(m.entry).noun && m.b > 0 && h.xpos == "VBG" && OneOf(f_[m.b - 1], {"after", "before", "since"})) {
    // … unless the date follows it: "before meeting Putin in the Kremlin on Monday".
    for (const LocalTimex& lt : tx_) {
      if (lt.tok >= m.e && !Separated(m.e, lt.tok, m)) return false;
    }
    return true;
  }
  return false;
}

bool SentenceWorker::Background(const Match& m, bool undated) const {
  const Token& p = s_.tokens[m.pred];
  if (!lex_.entry(m.entry).noun || m.light) {
    if (m.b > 0 && p.xpos == "VBG" && f_[m.b - 1] == "for") return true;
  }
  if (!undated) return false;
  // "…, who had investigated the case": a past perfect in a relative clause is the person's background too.
  bool past_perfect = false;
  for (int t = m.pred - 1; t >= std::max(0, m.pred - 3); --t) {
    if (f_[t] == "had") past_perfect = p.xpos == "VBN";
    if (!(f_[t] == "had" || f_[t].ends_with("ly") || OneOf(f_[t], {"also", "long", "repeatedly", "not"}))) break;
  }
  if (!PresentOrPerfect(m.pred) && !past_perfect) return false;
  bool relative = ParseOk() && p.deprel == "acl:relcl";
  for (int t = m.pred - 1; t >= std::max(0, m.pred - 4) && !relative; --t) {
    if (OneOf(f_[t], {"who", "which"})) relative = t > 0 && f_[t - 1] == ",";
    if (!(OneOf(f_[t], {"has", "have", "had", "also", "long", "repeatedly", "not"}) || f_[t].ends_with("ly"))) break;
  }
  if (relative) return true;
  if (past_perfect) return false;
  // A perfect over a stretch of time: "in the past few months", "in recent weeks", "for years". (A penalty's
  // length is not one: "has jailed a student for two years", "has banned them for a decade".)
  const std::string& type = lex_.Code(lex_.entry(m.entry).cameo)->type;
  if (type == "COERCE" || type == "SANCTION") return false;
  for (const TimeExpression& tx : doc_->timexes) {
    if (tx.start < s_.start || tx.start >= s_.end) continue;
    if (tx.type == TimexType::kDuration || tx.value == "PAST_REF") return true;
  }
  return false;
}

void SentenceWorker::NoteNarrativeDate() const {
  // Narrative time: a sentence that dates something in the past moves the reference date even when
  // no event of it was coded ("Kirby said on Thursday that …"). "Today" in a quotation does not: its day is
  // the day the words were said.
  if (!dated_->empty() && dated_->back().sentence == si_) return;
  for (const LocalTimex& lt : tx_) {
    const TimeExpression& tx = *lt.tx;
    if (tx.date.precision != DatePrecision::kDay) continue;
    if (doc_->published.precision == DatePrecision::kDay && tx.date.ToDays() > doc_->published.ToDays()) continue;
    if (IsDeicticDate(Text(tx.start, tx.end)) && InsideQuote(lt.tok)) continue;
    if (!dated_->empty() && dated_->back().sentence == si_) dated_->pop_back();
    dated_->push_back({si_, tx.date});
  }
}

Date SentenceWorker::ContextDate(EventStatus status, int pred, bool undated, std::string* basis) const {
  *basis = "publication";
  if (status != EventStatus::kHappened) return doc_->published;
  // Headlines, back-references, and what is told in the present or present perfect ("has alleged") are not
  // narrative past: no date from the sentences around them.
  if (undated || s_.headline || PresentOrPerfect(pred)) return doc_->published;
  int first = 0;
  while (first < n_ && IsPunct(f_[first])) ++first;
  if (first < n_ && OneOf(f_[first], {"earlier", "previously", "before"})) return doc_->published;
  const bool shift = first < n_ && (IsShiftMarker(f_[first]) || (f_[first] == "in" && first + 2 < n_ &&
                                                                  f_[first + 2] == "separate"));
  if (!shift) {
    for (auto it = dated_->rbegin(); it != dated_->rend(); ++it) {
      if (it->sentence >= si_) continue;
      if (it->sentence < si_ - opt_.context_sentences) break;
      *basis = "context";
      return it->date;
    }
  }
  if (lede_.known()) {
    *basis = "context";
    return lede_;
  }
  return doc_->published;
}

std::string SentenceWorker::Location(const Match& m, const std::vector<int>& exclude, std::string* country) const {
  int best = kNone, best_d = 1 << 30;
  for (int k = 0; k < static_cast<int>(ms_.size()); ++k) {
    // "in the east of the Gaza Strip", "on the outskirts of Kyiv": a part of a place is in it.
    bool part_of = false;
    if (ms_[k].prep == "of") {
      int t = ms_[k].b - 1;
      while (t > 0 && f_[t] != "of") --t;
      part_of = t >= 3 && OneOf(f_[t - 1], {"north", "south", "east", "west", "centre", "center", "outskirts",
                                            "heart", "suburbs", "edge", "northeast", "northwest", "southeast",
                                            "southwest", "part", "parts"}) &&
                IsDeterminer(f_[t - 2]) && OneOf(f_[t - 3], {"in", "on", "at"});
    }
    if (!(ms_[k].prep == "in" || ms_[k].prep == "at" || ms_[k].prep == "to" || part_of)) continue;
    if (std::find(exclude.begin(), exclude.end(), k) != exclude.end()) continue;
    if (!ms_[k].am->actor.role.empty() && ms_[k].am->actor.role != "GOV") continue;
    if (ms_[k].am->actor.id.rfind("person:", 0) == 0) continue;
    // "in response to Russia's build-up": a possessor is no place.
    if (ms_[k].e < n_ && (f_[ms_[k].e] == "'s" || f_[ms_[k].e] == "'")) continue;
    {
      const uint32_t tok_end = s_.tokens[ms_[k].e - 1].end;  // "Russia's" as one token
      const std::string_view rest = Text(std::min(ms_[k].am->end, tok_end), tok_end);
      if (!rest.empty() && (rest[0] == '\'' || rest.starts_with("\xE2\x80\x99"))) continue;
    }
    // "discussed the meetings in Russia", "spoke … before he travelled to Moscow": another event's place.
    if (ms_[k].b >= m.e ? Separated(m.e, ms_[k].b, m) : Separated(ms_[k].e, m.b, m)) continue;
    // "discussed the war in Ukraine": a place inside the topic of talk is the topic's.
    if (ms_[k].b > m.e && OneOf(lem_[m.head], {"discuss", "debate", "address", "raise", "review"})) {
      bool topic = false;
      for (int t = m.e; t < ms_[k].b && !topic; ++t) topic = s_.tokens[t].upos == "NOUN";
      if (topic) continue;
    }
    int d = ms_[k].b >= m.e ? ms_[k].b - m.e : m.b - ms_[k].e + 2;
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  if (best == kNone || best_d > 14) return "";
  *country = ms_[best].am->actor.country;
  return ms_[best].am->actor.country.empty() ? ms_[best].am->actor.name : ms_[best].am->actor.country;
}

std::string SentenceWorker::Instrument(const Match& m) const {
  for (int t = std::max(0, m.b - 10); t < std::min(n_, m.e + 12); ++t) {
    const std::string& f = f_[t];
    bool num = !f.empty() && (std::isdigit(static_cast<unsigned char>(f[0])) || f == "usd" || f == "$" ||
                              OneOf(f, {"thousands", "hundreds", "dozens", "tens"}));
    if (!num) continue;
    if (std::any_of(tx_.begin(), tx_.end(), [&](const LocalTimex& x) { return t >= x.tok && t < x.tok_end; })) continue;
    int e = t + 1;
    while (e < n_ && e - t < 8) {
      const std::string& g = f_[e];
      if (IsPunct(g) && !IsHyphen(g)) break;
      if ((IsPrep(g) && g != "of") || IsComplementizer(g) || IsVerbLike(e) || g == "and") break;
      ++e;
    }
    if (e - t < 2) continue;
    return std::string(Text(s_.tokens[t].start, s_.tokens[e - 1].end));
  }
  return "";
}

void SentenceWorker::Emit(const Match& m) {
  const TriggerEntry& e = lex_.entry(m.entry);
  std::vector<Role> sources, targets;
  bool implicit_source = false;
  std::vector<int> used_mentions;
  auto add_group = [&](std::vector<Role>* out, const std::vector<int>& g) {
    for (int k : g) {
      if (std::find(m.toks.begin(), m.toks.end(), ms_[k].b) != m.toks.end()) continue;
      out->push_back(RoleOf(k));
      used_mentions.push_back(k);
    }
  };
  const bool recv = std::find(e.roles.begin(), e.roles.end(), "recv") != e.roles.end();
  // "established diplomatic relations", "cut ties": relations are between two.
  bool relations = false;
  for (int t : m.toks) relations = relations || OneOf(f_[t], {"relations", "ties", "relation"});
  // Passive voice: "was received from X", "were deployed by X".
  bool passive = false;
  if (!e.noun) {
    for (int t = m.head - 1; t >= std::max(0, m.head - 3); --t) {
      if (IsBeForm(f_[t])) {
        passive = f_[m.head].ends_with("ed") || f_[m.head].ends_with("en") || f_[m.head] == "sent" ||
                  f_[m.head] == "held" || f_[m.head] == "met";
        break;
      }
      if (!(f_[t].ends_with("ly") || f_[t] == "not" || f_[t] == "also")) break;
    }
    if (!s_.tokens[m.head].deprel.empty()) {
      passive = ParseOk() && ParseChild(m.head, {"nsubj:pass", "aux:pass"}) != kNone;
    }
    // "had been accused", "being held": a participle right after been/being is passive whatever the parse.
    if (m.head > 0 && OneOf(f_[m.head - 1], {"been", "being"}) && s_.tokens[m.head].xpos == "VBN") passive = true;
    // "There were ten soldiers killed in the attack": the noun after an existential "there be" is what the
    // participle happened to.
    if (!passive && ParseOk() && OneOf(s_.tokens[m.head].xpos, {"VBN", "VBD"})) {
      int subj = ParseChild(m.head, {"nsubj"});
      int b = subj;
      while (b > 0 && b != kNone && (mention_at_[b - 1] != kNone ||
                                     OneOf(s_.tokens[b - 1].upos, {"NUM", "ADJ", "DET", "PROPN"}))) {
        --b;
      }
      if (subj != kNone && subj < m.head && b >= 2 && IsBeForm(f_[b - 1]) && f_[b - 2] == "there") passive = true;
    }
    // "civilians killed by a drone", "soldiers killed in a Russian missile strike": a participle right
    // after its noun, followed by its agent or by the attack, is a reduced passive.
    if (!passive && m.b > 0 && m.e < n_ && OneOf(s_.tokens[m.head].xpos, {"VBN", "VBD"}) &&
        (s_.tokens[m.b - 1].upos == "NOUN" || mention_at_[m.b - 1] != kNone) &&
        (f_[m.e] == "by" || (f_[m.e] == "in" && m.e + 1 < n_ && AttackAfter(m.e + 1) != kNone) ||
         (f_[m.e] == "from" && OneOf(lex_.Code(e.cameo)->type, {"ASSAULT", "AID", "MOBILIZE"})))) {
      passive = true;  // ("drones fired from Yemen", "aid sent from Poland")
    }
    // "Cherney, asked about the slide, said …": a participle between commas after its noun is passive.
    if (m.b > 0 && f_[m.b - 1] == "," && s_.tokens[m.head].xpos == "VBN" && m.e < n_ &&
        OneOf(f_[m.e], {"by", "about", "of", "over", "for", "with", "after"})) {
      passive = true;
    }
  }

  // "spoke about the latter's meetings", "discussed Macron's recent meetings": a nominal trigger that is
  // the topic of talk refers to another event, told elsewhere; its date is not this sentence's.
  if (e.noun && !m.light) {
    for (int t = m.b - 1, steps = 0; t >= 0 && steps < 6; --t, ++steps) {
      const std::string& f = f_[t];
      if (OneOf(f, {"about", "regarding", "concerning", "discuss", "discussed", "discusses", "discussing"})) return;
      // "support for Kyiv against Russia's build-up", "diplomacy over Russia's troop buildup", "in response
      // to the invasion": an event named as the background of another is not reported here.
      // ("warned against an invasion" is a warning about a possible one: the status cues decide.)
      if (f == "against" && t > 0 && OneOf(f_[t - 1], {"warned", "warns", "warn", "warning", "cautioned", "cautions"})) {
        break;
      }
      if (OneOf(f, {"against", "over", "amid", "amidst", "despite"})) return;
      // "a shot at Trump for his attacks on mail-in voting": the reason for another event.
      if (f == "for" && t + 1 < m.b && OneOf(f_[t + 1], {"his", "her", "its", "their"})) return;
      if (f == "to" && t >= 1 && (OneOf(f_[t - 1], {"response", "reaction", "reply", "due", "owing"}))) return;
      if (f == "of" && t >= 1 && (OneOf(f_[t - 1], {"because", "face", "light", "view", "wake", "fears"}))) return;
      if (IsPunct(f) && f != "'s" && f != "'" && !IsHyphen(f)) break;
      if (IsPrep(f) || IsComplementizer(f) || (IsVerbLike(t) && !OneOf(f, {"recent", "latest"}))) break;
    }
  }
  // "the corridor agreed in Istanbul": a participle modifying a noun describes it, it reports no event.
  // (Only when the sentence has a main verb of its own: "troops landed in Poland" misparsed as a modifier
  // of "troops" is the report.)
  if (!e.noun && ParseOk() && s_.tokens[m.head].deprel == "acl" && s_.tokens[m.head].xpos == "VBN" &&
      m.b > 0 && s_.tokens[m.b - 1].upos == "NOUN" && mention_at_[m.b - 1] == kNone && !IsPairAnaphor(m.b - 1) &&
      m.e < n_ && OneOf(f_[m.e], {"in", "by", "at", "on", "during", "with", "for", "of", "last", "this"})) {
    bool main_verb = false;
    for (int t = 0; t < n_; ++t) {
      if (s_.tokens[t].head == -1 || s_.tokens[t].deprel == "root") main_verb = s_.tokens[t].upos == "VERB";
    }
    if (main_verb) return;
  }
  // "using the amassed troops": a participle used as an adjective describes a state, not an event.
  if (!e.noun && m.b == m.head && m.head > 0 && m.head + 1 < n_ && m.toks.size() == 1 &&
      OneOf(s_.tokens[m.head].xpos, {"VBN", "VBD"}) &&
      (IsDeterminer(f_[m.head - 1]) || s_.tokens[m.head - 1].upos == "NUM" || s_.tokens[m.head - 1].upos == "ADJ" ||
       OneOf(f_[m.head - 1], {"most", "more", "fewer", "newly", "recently", "previously", "jointly"})) &&
      (s_.tokens[m.head + 1].upos == "NOUN" || s_.tokens[m.head + 1].upos == "ADJ" ||
       (mention_at_[m.head + 1] != kNone && ms_[mention_at_[m.head + 1]].am->how == "demonym")) &&  // "two detained Canadians"
      !OneOf(f_[m.head - 1], {"both", "all", "each"})) {  // "X and Y both backed Z" is a verb
    return;
  }
  // "The call was quickly seconded by Merkel": a call that others second, echo or heed is an appeal told
  // elsewhere, not a phone call.
  if (e.noun && e.cameo == "041" && ParseOk() && s_.tokens[m.head].head >= 0 &&
      OneOf(lem_[s_.tokens[m.head].head], {"second", "echo", "heed", "answer", "reject", "join", "renew", "back",
                                           "support", "endorse", "welcome", "ignore", "repeat", "reiterate"})) {
    return;
  }
  // "Biden called Trump's action a betrayal": calling someone needs the someone as the object; calling a
  // thing something is naming it.
  if (!e.noun && e.cameo == "041" && lem_[m.head] == "call") {
    const int obj = ParseOk() ? ParseChild(m.head, {"obj"}) : kNone;
    if (obj != kNone && mention_at_[obj] == kNone) return;
    // "called Putin's decision …": a possessive right after the called name
    if (m.e < n_ && mention_at_[m.e] != kNone) {
      const int after = ms_[mention_at_[m.e]].e;
      if (after < n_ && (f_[after] == "'s" || f_[after] == "\xE2\x80\x99s")) return;
      const std::string_view tail = Text(ms_[mention_at_[m.e]].am->end, s_.tokens[after - 1].end);
      if (tail.starts_with("'s") || tail.starts_with("\xE2\x80\x99s")) return;
    }
  }
  // ---- source ----
  bool noun_takes_subject = false;
  if (e.noun) {
    // "the Biden-Macron call": two inner mentions of the token right before the noun
    if (m.head > 0 && mention_at_[m.head - 1] != kNone) {
      int mk = mention_at_[m.head - 1];
      auto g = GroupOf(mk);
      if (g.size() >= 2 && ms_[g[0]].inner) {
        sources.push_back(RoleOf(g[0]));
        for (size_t k = 1; k < g.size(); ++k) targets.push_back(RoleOf(g[k]));
        used_mentions.insert(used_mentions.end(), g.begin(), g.end());
      }
    }
    if (sources.empty()) {
      // Possessor or modifier: "Russia's military build-up", "Macron's meeting", "a Russian invasion"
      // ("gave Serbia an ultimatum": a name before the article is no modifier.)
      bool past_article = false;
      for (int t = m.head - 1; t >= std::max(0, m.head - 4) && sources.empty(); --t) {
        if (mention_at_[t] != kNone && past_article) break;
        if (OneOf(f_[t], {"a", "an"})) past_article = true;
        if (mention_at_[t] != kNone) {
          int mk = mention_at_[t];
          const bool place = ms_[mk].am->actor.id.rfind("person:", 0) != 0 && ms_[mk].e == m.head &&
                             (mk == 0 || ms_[mk].b == 0 || f_[ms_[mk].b - 1] != "'s");
          if (e.cameo == "042" && place && ms_[mk].b > 0 &&
              OneOf(f_[ms_[mk].b - 1], {"his", "her", "their", "its", "'s", "a", "the"})) {
            // "his Moscow trip": the place before a visit noun is where he went
            add_group(&targets, GroupOf(mk));
            noun_takes_subject = true;
            break;
          }
          add_group(&sources, GroupOf(mk));
          break;
        }
        const std::string& f = f_[t];
        if ((IsPunct(f) && f != "'s" && f != "'" && !IsHyphen(f)) || IsVerbLike(t)) break;
        if (OneOf(f, {"and", "or", "but", "nor"}) || s_.tokens[t].upos == "VERB") break;
        if (IsPrep(f) && !(t < m.head && m.light)) break;
        if (OneOf(f, {"his", "her", "their", "its"})) {  // pronoun possessor: the clause subject
          noun_takes_subject = true;
          break;
        }
        if ((f == "latter" || f == "former") && t + 1 < n_ && f_[t + 1] == "'s") {
          // "the latter's meetings": the last (or the one before the last) actor named before
          std::vector<int> before;
          for (int k = 0; k < static_cast<int>(ms_.size()); ++k) {
            if (ms_[k].e <= t && (before.empty() || ms_[before.back()].am->actor.id != ms_[k].am->actor.id)) {
              before.push_back(k);
            }
          }
          const size_t back = f == "latter" ? 1 : 2;
          if (before.size() >= back) add_group(&sources, {before[before.size() - back]});
          break;
        }
      }
    }
    if (m.light) noun_takes_subject = true;
    // "during the meeting with X", "after talks with Y": the clause subject took part
    for (int t = m.b - 1; t >= std::max(0, m.b - 4); --t) {
      if (OneOf(f_[t], {"during", "at", "after", "following", "before", "since", "on", "throughout"})) {
        noun_takes_subject = true;
        break;
      }
      if (!(IsDeterminer(f_[t]) || f_[t].find('-') != std::string::npos || s_.tokens[t].upos == "ADJ" ||
            s_.tokens[t].upos == "NUM")) {
        break;
      }
    }
    // "In conversation with Macron, the Russian President cited …": a fronted phrase takes the subject
    // that follows its comma.
    const std::string& fronted_type = lex_.Code(e.cameo)->type;
    // ("Following the meeting with Erdogan, Putin flew home": the one who took part is named after the comma.)
    if (sources.empty() && n_ > 0 &&
        (IsPrep(f_[0]) || OneOf(f_[0], {"following", "after", "during", "before", "ahead", "since"})) &&
        (m.b <= 3 || (m.b <= 5 && (fronted_type == "CONSULT" || fronted_type == "AGREE")))) {
      int comma = FindAfter(m.e, 10, ",");
      for (int t = m.e; t < std::min(n_, m.e + 10) && comma == kNone; ++t) {
        if (f_[t] == ",") comma = t;
      }
      if (comma != kNone) {
        for (int t = comma + 1; t < std::min(n_, comma + 5); ++t) {
          if (mention_at_[t] != kNone) {
            add_group(&sources, GroupOf(mention_at_[t]));
            break;
          }
          if (OneOf(f_[t], {"leaders", "sides", "they"})) {
            sources = ContextPair(t);
            implicit_source = true;
            break;
          }
        }
      }
    }
    if (sources.empty()) {
      int by = FindAfter(m.e, 4, "by");
      if (by != kNone) add_group(&sources, RunAt(by + 1, 3));
    }
    if (sources.empty()) {
      // "the deployment of 3,000 US troops", "a shipment of German weapons": the owner follows "of"
      const std::string& type = lex_.Code(e.cameo)->type;
      int of = FindAfter(m.e, 2, "of");
      if (of != kNone && (type == "MOBILIZE" || type == "AID")) add_group(&sources, RunAt(of + 1, 4));
    }
  }
  if (!e.noun) noun_takes_subject = true;
  if (sources.empty() && recv) {
    int from = FindAfter(m.e, 8, "from");
    if (from != kNone) add_group(&sources, RunAt(from + 1, 3));
  }
  if (sources.empty() && passive) {
    int by = FindAfter(m.e, 6, "by");
    // "was delivered from Poland", "were fired from Gaza"; not "accused of crimes from Hong Kong"
    const std::string& ptype = lex_.Code(e.cameo)->type;
    if (by == kNone && OneOf(ptype, {"AID", "MOBILIZE", "ASSAULT", "CONSULT"})) by = FindAfter(m.e, 6, "from");
    if (by != kNone) add_group(&sources, RunAt(by + 1, 3));
  }
  // "people who had been accused of crimes", "was criticised": a speech act with no speaker named has no
  // source to code.
  if (sources.empty() && passive && !recv) {
    const std::string& type = lex_.Code(e.cameo)->type;
    if (OneOf(type, {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})) return;
  }
  // "four children were killed in Israeli shelling", "died in a NATO airstrike": the attack's owner did it.
  if (sources.empty() && (passive || lem_[m.head] == "die") && lex_.Code(e.cameo)->type == "ASSAULT") {
    const int in = FindAfter(m.e, 3, "in");
    const int k = in == kNone ? kNone : AttackAfter(in + 1);
    if (k != kNone) add_group(&sources, GroupOf(k));
  }
  if (sources.empty() && !e.noun) {
    // Shipments and deployments: the origin "from X" before the trigger is the source.
    const std::string& type = lex_.Code(e.cameo)->type;
    if (type == "AID" || type == "MOBILIZE") {
      for (int k = static_cast<int>(ms_.size()) - 1; k >= 0; --k) {
        if (ms_[k].e <= m.b && ms_[k].prep == "from") {
          add_group(&sources, GroupOf(k));
          break;
        }
      }
    }
  }
  const bool subject_is_target = recv || passive;
  std::vector<Role> subject;
  bool own_subject_unknown = false;
  if (ParseOk() && !e.noun) {
    int subj = ParseChild(m.pred, {"nsubj", "nsubj:pass"});
    // "Washington condemned the launch and urged Pyongyang to …": a second verb shares the first's subject.
    int before = m.pred - 1;
    while (before > 0 && (f_[before].ends_with("ly") || OneOf(f_[before], {"also", "then", "later", "again"}))) {
      --before;
    }
    if (subj == kNone && s_.tokens[m.pred].deprel == "conj" && s_.tokens[m.pred].head >= 0 && before > 0 &&
        OneOf(f_[before], {"and", "but", "or", ","})) {
      const int first = s_.tokens[m.pred].head;
      if (first < m.pred && s_.tokens[first].upos == "VERB") subj = ParseChild(first, {"nsubj"});
    }
    // "Trump attacked Biden …, accusing him of …": a participle after a comma shares the main subject.
    if (subj == kNone && s_.tokens[m.pred].deprel == "advcl" && s_.tokens[m.pred].xpos == "VBG" && m.pred > 0 &&
        f_[m.pred - 1] == "," && s_.tokens[m.pred].head >= 0 && s_.tokens[m.pred].head < m.pred) {
      subj = ParseChild(s_.tokens[m.pred].head, {"nsubj"});
    }
    // "none of the missiles landed", "some of the troops": a quantity, not an actor; "you", "I": the
    // speaker or the reader, not an actor of the story.
    const bool quantity = subj != kNone && s_.tokens[subj].upos == "PRON" &&
                          OneOf(f_[subj], {"none", "some", "many", "most", "all", "each", "several", "few", "you",
                                           "i", "one", "anyone", "everyone", "nobody", "someone"});
    if (subj != kNone && MentionCovering(subj) != kNone) {
      add_group(&subject, GroupOf(MentionCovering(subj)));
    } else if (subj != kNone && subj < m.pred && s_.tokens[subj].upos == "NOUN" &&
               OneOf(lem_[subj], {"critic", "opponent", "rival", "enemy", "detractor", "foe", "adversary"})) {
      own_subject_unknown = true;  // "his critics blame him": others than the one they belong to
    } else if (subj != kNone && subj < m.pred && (s_.tokens[subj].upos == "NOUN" || quantity) &&
               !IsPairAnaphor(subj) && !(subj > 0 && OneOf(f_[subj - 1], {"his", "her", "their", "its"}))) {
      // "a plane carrying US troops landed": an actor inside the subject phrase stands for it. "before the
      // ministers arrive": the clause has a subject of its own that is no known actor; an actor further
      // left belongs to another clause. ("his plans to visit": the owner is the one named before.)
      // ("police in Dhaka": the place of the subject is not the subject; the stage reads it as the
      // location.)
      for (int t = 0; t < m.pred && subject.empty(); ++t) {
        if (mention_at_[t] == kNone) continue;
        int h = t;
        for (int hops = 0; hops < 6 && h != subj && h >= 0 && h < n_; ++hops) h = s_.tokens[h].head;
        if (h != subj) continue;
        const LocalMention& lm = ms_[mention_at_[t]];
        // ("the statement on Syria after Trump spoke": a topic or a time is not the subject's owner)
        if (!lm.prep.empty() && !OneOf(lm.prep, {"of", "from", "for", "in", "at"})) continue;
        if (OneOf(lm.prep, {"in", "at"}) && lm.am->actor.role.empty() && !lm.am->actor.country.empty()) {
          Role local = LocalGroup(m, lm.am->actor.country, lex_.Code(e.cameo)->type);
          if (!local.actor.empty()) {
            subject.push_back(local);
            break;
          }
        }
        add_group(&subject, GroupOf(mention_at_[t]));
      }
      own_subject_unknown = subject.empty();
    }
  }
  // "Germany called on Russia to withdraw", "urged Iran to release …": the one asked is the doer of the
  // infinitive (object control).
  if (subject.empty() && ParseOk() && !e.noun && m.pred > 0 && f_[m.pred - 1] == "to") {
    const Token& p = s_.tokens[m.pred];
    const int h = p.head;
    if (h >= 0 && h < m.pred && (p.deprel == "xcomp" || p.deprel == "advcl" || p.deprel == "ccomp") &&
        OneOf(lem_[h], {"urge", "call", "ask", "press", "push", "pressure", "want", "persuade", "invite",
                        "encourage", "demand", "tell", "order", "force", "allow", "permit", "appeal", "convince",
                        "help", "expect", "compel", "instruct", "advise", "warn"})) {
      for (int t = h + 1; t < m.pred - 1 && subject.empty(); ++t) {
        if (mention_at_[t] != kNone) {
          add_group(&subject, GroupOf(mention_at_[t]));
          break;
        }
        if (IsVerbLike(t) || IsClauseBreak(f_[t])) break;
      }
    }
  }
  bool anaphor_pair = false, anaphor_single = false;
  // "He met Xi on Friday and signed 15 agreements": a pronoun the parse gives as the subject (here shared
  // through "and") is that pronoun's referent, not the nearest name to the left.
  if (subject.empty() && ParseOk() && !e.noun) {
    int subj = ParseChild(m.pred, {"nsubj"});
    const Token& p = s_.tokens[m.pred];
    if (subj == kNone && p.deprel == "conj" && p.head >= 0 && p.head < m.pred) subj = ParseChild(p.head, {"nsubj"});
    if (subj != kNone && subj < m.pred && mention_at_[subj] == kNone) {
      if (f_[subj] == "he" || f_[subj] == "she") {
        subject = ContextPerson();
        implicit_source = true;
        own_subject_unknown = subject.empty();
      } else if (IsPairAnaphor(subj) && !(subj > 0 && mention_at_[subj - 1] != kNone)) {  // not "X and Y both"
        subject = ContextPair(m.pred);
        implicit_source = true;
        own_subject_unknown = subject.empty();
      }
    }
  }
  if (subject.empty() && noun_takes_subject && !own_subject_unknown) {
    int from = m.pred;
    for (const Role& t : targets) {
      if (t.mention != kNone && ms_[t.mention].b < from) from = ms_[t.mention].b;
    }
    std::vector<int> g = NearestLeftSubject(from, &anaphor_pair, &anaphor_single);
    // A noun trigger does not take the clause subject across a preposition-less gap unless it is the
    // light verb's object or follows a possessive pronoun / preposition ("during the meeting").
    add_group(&subject, g);
    if (anaphor_pair) {
      subject = ContextPair(m.pred);
      implicit_source = true;
    } else if (anaphor_single) {
      subject = ContextPerson();
      implicit_source = true;
    }
  }
  if (subject_is_target) {
    if (targets.empty()) targets = subject;
  } else if (sources.empty()) {
    sources = subject;
  }

  // ---- target ----
  if (targets.empty()) {
    for (const std::string& role : e.roles) {
      if (!targets.empty()) break;
      if (role == "none" || role == "recv") continue;
      if (role == "obj") {
        if (ParseOk() && !e.noun) {
          int obj = ParseChild(m.head, {"obj", "iobj"});
          if (obj != kNone && MentionCovering(obj) != kNone) {
            add_group(&targets, GroupOf(MentionCovering(obj)));
            continue;
          }
          // "released the mayor of Nablus", "detained two reporters from Reuters": the object's own actor.
          // "attacked a British tanker in the Gulf of Aden": a name modifying the object comes first.
          if (obj != kNone && obj > m.e) {
            for (int t = m.e; t < obj && targets.empty(); ++t) {
              if (mention_at_[t] != kNone && ms_[mention_at_[t]].prep.empty()) add_group(&targets, GroupOf(mention_at_[t]));
            }
            if (!targets.empty()) continue;
          }
          // "recognised the new government in Kabul": a government is that of the place it sits in.
          if (obj != kNone && OneOf(lem_[obj], {"government", "regime", "authority", "leadership", "administration"})) {
            for (int k = 0; k < static_cast<int>(ms_.size()) && targets.empty(); ++k) {
              if (ms_[k].b > obj && ms_[k].b <= obj + 3 && OneOf(ms_[k].prep, {"in", "of"}) &&
                  ms_[k].am->actor.id.rfind("country:", 0) == 0 && ms_[k].am->actor.role.empty()) {
                Role r = RoleOf(k);
                NarrowToSector(&r.actor, "GOV", "government");
                targets.push_back(r);
                used_mentions.push_back(k);
              }
            }
            if (!targets.empty()) continue;
          }
          if (obj != kNone && s_.tokens[obj].upos == "NOUN" &&
              OneOf(lem_[obj], {"mayor", "governor", "leader", "official", "member", "minister", "diplomat",
                                "ambassador", "envoy", "delegation", "journalist", "reporter", "citizen", "national",
                                "soldier", "crew", "sailor", "fisherman", "student", "activist", "commander",
                                "ship", "vessel", "tanker", "aircraft", "plane", "embassy", "consulate", "head",
                                "chief", "spokesman", "spokeswoman", "president", "lawmaker", "opposition"})) {
            for (int k = 0; k < static_cast<int>(ms_.size()) && targets.empty(); ++k) {
              if (ms_[k].b <= obj || ms_[k].b > obj + 6 || (ms_[k].prep != "of" && ms_[k].prep != "from")) continue;
              // Up the tree from the mention through at most two nouns ("the mayor of the city of Nablus").
              int h = ms_[k].b, hops = 0;
              while (h != obj && h >= 0 && h < n_ && hops < 6 && s_.tokens[h].head >= 0 &&
                     (mention_at_[h] == k || s_.tokens[h].upos == "NOUN" || s_.tokens[h].upos == "PROPN")) {
                h = s_.tokens[h].head;
                ++hops;
              }
              if (h != obj) continue;
              add_group(&targets, GroupOf(k));
              // The object names the sector: "the mayor of Istanbul" is Turkey's (local) government.
              struct Sector {
                std::string_view noun, role, label;
              };
              static const Sector kSectors[] = {
                  {"mayor", "GOV", "government"},   {"governor", "GOV", "government"},
                  {"official", "GOV", "government"}, {"minister", "GOV", "government"},
                  {"leader", "GOV", "government"},  {"president", "GOV", "government"},
                  {"diplomat", "GOV", "government"}, {"ambassador", "GOV", "government"},
                  {"envoy", "GOV", "government"},   {"spokesman", "GOV", "government"},
                  {"journalist", "MED", "media"},   {"reporter", "MED", "media"},
                  {"student", "EDU", "students"},   {"activist", "OPP", "opposition"},
                  {"opposition", "OPP", "opposition"}, {"soldier", "MIL", "military"},
                  {"commander", "MIL", "military"}, {"lawmaker", "LEG", "legislature"},
                  {"citizen", "CVL", "civilians"},  {"national", "CVL", "civilians"},
              };
              for (Role& r : targets) {
                if (r.actor.id.rfind("country:", 0) != 0 || !r.actor.role.empty()) continue;
                for (const Sector& sc : kSectors) {
                  if (lem_[obj] == sc.noun) NarrowToSector(&r.actor, sc.role, sc.label);
                }
              }
            }
            if (!targets.empty()) continue;
          }
        }
        // "blocked Sweden's NATO bid": the owner named inside the pattern's object.
        for (int k = 0; k < static_cast<int>(ms_.size()) && targets.empty() && !e.noun; ++k) {
          if (ms_[k].b > m.head && ms_[k].e < m.e && ms_[k].prep.empty()) add_group(&targets, GroupOf(k));
        }
        if (!e.noun && targets.empty()) add_group(&targets, RunAt(m.e, 3));
        continue;
      }
      if (role == "between") {
        int p = FindAfter(m.head + 1, 5 + (m.e - m.head), "between");
        if (p != kNone) {
          auto g = RunAt(p + 1, 2);
          // ("to normalize relations between Sudan and Israel": relations are the two sides', whoever helps)
          if (relations && g.size() >= 2) sources.clear();
          if (g.size() >= 2 && sources.empty() && !e.cameo.starts_with("045")) {  // a mediator is neither side
            sources.push_back(RoleOf(g[0]));
            for (size_t k = 1; k < g.size(); ++k) targets.push_back(RoleOf(g[k]));
          } else {
            add_group(&targets, g);
          }
        }
        continue;
      }
      // Shipments and deployments name their cargo first: "send a new package of military aid to Ukraine".
      const std::string& t_type = lex_.Code(e.cameo)->type;
      const int reach =
          (t_type == "AID" || t_type == "MOBILIZE" || e.cameo.starts_with("033")) && role == "to" ? 10 : 6;
      int p = FindAfter(m.head + 1, reach + (m.e - m.head), role);
      // "troops to back NATO forces": an infinitive marker, not the preposition.
      if (p != kNone && role == "to" && p + 1 < n_ && s_.tokens[p + 1].upos == "VERB") p = kNone;
      // "to discuss the meetings with Zelensky": a preposition after another trigger noun is that noun's.
      for (int t = m.e; p != kNone && t < p; ++t) {
        if (std::find(trigger_heads_.begin(), trigger_heads_.end(), t) != trigger_heads_.end() && LooksNoun(t) &&
            !(reach > 6 && (SameTypeNoun(t, t_type) ||  // "send a package of military aid to Ukraine"
                            (e.cameo.starts_with("033") && SameTypeNoun(t, "AID"))))) {  // "pledged … in aid to"
          p = kNone;
        }
      }
      if (p != kNone) add_group(&targets, RunAt(p + 1, 3));
    }
  }
  // "gave Serbia an ultimatum", "paid Kyiv a visit": a name between the light verb and its noun.
  if (targets.empty() && e.noun && m.light) {
    for (int k = 0; k < static_cast<int>(ms_.size()) && targets.empty(); ++k) {
      if (ms_[k].b > m.pred && ms_[k].e <= m.head && ms_[k].prep.empty()) add_group(&targets, GroupOf(k));
    }
  }
  // Remove targets that are sources.
  targets.erase(std::remove_if(targets.begin(), targets.end(), [&](const Role& t) {
                  for (const Role& s : sources) {
                    if ((!t.actor.id.empty() && t.actor.id == s.actor.id) ||
                        (t.mention != kNone && t.mention == s.mention)) {
                      return true;
                    }
                  }
                  return false;
                }),
                targets.end());

  // ---- coding ----
  std::string cameo = e.cameo;
  const CameoCode* code = lex_.Code(cameo);
  std::string mode = e.mode.empty() ? code->mode : e.mode;
  std::string loc_country;
  // "killed in Israeli tank shelling in the east of Gaza": the attack named after "in" is this event, so a
  // place after it is this event's place.
  Match where = m;
  if (code->type == "ASSAULT" && !e.noun) {
    const int in = FindAfter(m.e, 3, "in");
    if (in != kNone && AttackAfter(in + 1) != kNone) {
      for (int t = in; t < std::min(n_, in + 8); ++t) {
        if (std::find(trigger_heads_.begin(), trigger_heads_.end(), t) != trigger_heads_.end()) {
          where.toks.push_back(t);
          break;
        }
      }
    }
  }
  std::string location = Location(where, used_mentions, &loc_country);
  // "Thousands of protesters marched in Tbilisi", "police in Minsk detained …": a crowd or the police with no
  // country of their own are people of the place where it happened.
  // Gunmen with no place named are still unidentified armed men.
  // "Police arrested the mayor of Istanbul": with no place named, police or a court act on their own
  // country's people.
  if (sources.empty() && (code->type == "PROTEST" || code->type == "COERCE" || code->type == "ASSAULT")) {
    Role local = LocalGroup(m, loc_country, code->type);
    // (Only for the country's own politicians: citizens and nationals may be foreigners where they were held.)
    if (local.actor.empty() && loc_country.empty() && code->type == "COERCE" && !targets.empty() &&
        !targets[0].actor.country.empty() && OneOf(targets[0].actor.role, {"GOV", "OPP", "LEG", "JUD", "ELI"})) {
      local = LocalGroup(m, targets[0].actor.country, code->type);
      if (!OneOf(local.actor.role, {"COP", "JUD"})) local = Role();
    }
    if (!local.actor.empty()) sources.push_back(local);
  }
  // "Imran Khan was arrested in Islamabad": an arrest, a sentence or a deportation with no agent named is the
  // doing of the authorities where it happened, else of the person's own country.
  if (sources.empty() && passive && code->type == "COERCE" &&
      OneOf(lem_[m.head], {"arrest", "detain", "jail", "imprison", "sentence", "convict", "deport", "charge"})) {
    std::string c = !loc_country.empty() ? loc_country : targets.empty() ? "" : targets[0].actor.country;
    if (!c.empty()) {
      const bool court = OneOf(lem_[m.head], {"sentence", "convict", "jail", "imprison", "charge"});
      sources.push_back(CountrySector(c, court ? "JUD" : "COP", court ? "judiciary" : "police", kNone));
      implicit_source = true;
    }
  }
  // "security forces killed 20 protesters", "gunmen abducted 80 students": a group hit with no country of its
  // own belongs to the place, or to the country of the forces that hit it.
  // (The forces' own country only for a state's police, courts or government: the military's victims in a
  // war are often the other side's.)
  if (targets.empty() && !sources.empty() && (code->type == "ASSAULT" || code->type == "COERCE")) {
    const Actor& src = sources[0].actor;
    const bool domestic = src.id.rfind("country:", 0) == 0 && OneOf(src.role, {"COP", "JUD", "GOV"});
    std::string c = !loc_country.empty() ? loc_country : domestic ? src.country : "";
    // "Russian forces shelled Kherson, killing two civilians": the victims of a participle after a comma
    // are of the place or country the main verb hit.
    if (c.empty() && !e.noun && m.b > 1 && f_[m.b - 1] == "," && s_.tokens[m.head].xpos == "VBG") {
      for (int k = static_cast<int>(ms_.size()) - 1; k >= 0 && c.empty(); --k) {
        if (ms_[k].e > m.b - 1 || ms_[k].e < m.b - 6) continue;
        if (ms_[k].am->actor.id.rfind("person:", 0) != 0 && ms_[k].am->actor.country != src.country) {
          c = ms_[k].am->actor.country;
        }
      }
    }
    // The object, else the nouns after the trigger ("fired tear gas at opposition supporters").
    std::vector<int> cands;
    if (ParseOk() && !e.noun && ParseChild(m.head, {"obj"}) != kNone) cands.push_back(ParseChild(m.head, {"obj"}));
    // ("four children were killed": the passive subject)
    if (ParseOk() && !e.noun && passive && ParseChild(m.head, {"nsubj:pass"}) != kNone) {
      cands.push_back(ParseChild(m.head, {"nsubj:pass"}));
    }
    for (int t = m.e; t < std::min(n_, m.e + 7); ++t) {
      if (IsClauseBreak(f_[t]) || f_[t] == "," || mention_at_[t] != kNone) break;
      if (s_.tokens[t].upos == "NOUN") cands.push_back(t);
    }
    for (int obj : cands) {
      if (c.empty() || mention_at_[obj] != kNone) break;
      Role g = LocalGroup(m, c, code->type, obj);
      if (g.actor.empty()) continue;
      if (g.actor.id != sources[0].actor.id) targets.push_back(g);
      break;
    }
  }
  if (code->type == "CONSULT") {
    bool phone = false;
    for (int t = std::max(0, m.b - 6); t < std::min(n_, m.e + 6); ++t) {
      if (std::find(m.toks.begin(), m.toks.end(), t) != m.toks.end() && e.cameo != "041") continue;
      if (OneOf(f_[t], {"phone", "telephone", "phoned", "telephoned", "call", "calls"}) &&
          !(t >= m.e ? Separated(m.e, t, m) : Separated(t + 1, m.b, m))) {
        phone = true;
      }
    }
    if (phone || cameo == "041") {
      cameo = "041";
      mode = "phone";
    } else if (!loc_country.empty() && (cameo == "040" || cameo == "042")) {
      std::string src_c = sources.empty() ? "" : sources[0].actor.country;
      // "the ministers of Russia and Ukraine met": a group meeting's second member stands for the target.
      std::string tgt_c = !targets.empty() ? targets[0].actor.country
                          : sources.size() >= 2 ? sources[1].actor.country
                                                : "";
      if (loc_country != src_c && (tgt_c.empty() || tgt_c == loc_country)) {
        cameo = "042";
        mode = "visit";
      } else if (loc_country == src_c && !tgt_c.empty() && tgt_c != src_c) {
        cameo = "043";
        mode = "host";
      } else if (mode.empty() && !src_c.empty() && !tgt_c.empty() && loc_country != src_c && loc_country != tgt_c) {
        mode = "third-party";  // "Lavrov and Sybiha met in Istanbul": on a third country's ground
      }
    }
    // A visit with no target actor: the place visited is the target.
    if (e.cameo == "042" && targets.empty() && !loc_country.empty()) {
      for (const LocalMention& lm : ms_) {
        if (lm.am->actor.country == loc_country && lm.am->actor.id.rfind("person:", 0) != 0 && !lm.prep.empty()) {
          Role r;
          r.actor = lm.am->actor;
          r.start = lm.am->start;
          r.end = lm.am->end;
          if (sources.empty() || sources[0].actor.country != loc_country) targets.push_back(r);
          break;
        }
      }
    }
  }
  if (targets.empty() && !loc_country.empty() &&
      (code->type == "PROTEST" || code->type == "ASSAULT" || code->type == "MOBILIZE") &&
      (sources.empty() || sources[0].actor.country != loc_country)) {
    for (const LocalMention& lm : ms_) {
      if (lm.am->actor.country == loc_country && !lm.prep.empty() && lm.am->actor.id.rfind("person:", 0) != 0) {
        targets.push_back(Role{lm.am->actor, lm.am->start, lm.am->end, kNone});
        break;
      }
    }
  }
  // A city or region that is not a capital ("Kherson", "Istanbul") is where things happen, not who acts.
  sources.erase(std::remove_if(sources.begin(), sources.end(), [&](const Role& r) {
                  return r.mention != kNone && ms_[r.mention].am->how == "place";
                }),
                sources.end());
  // "Reuters reported the assault": the media report events, they do not commit the ones they name.
  if (e.noun && code->type != "ACCUSE" && code->type != "REQUEST") {
    sources.erase(std::remove_if(sources.begin(), sources.end(), [](const Role& r) { return r.actor.role == "MED"; }),
                  sources.end());
  }
  // "Governor Hataman agreed, saying …": agreeing with a remark, with no partner or object, is no accord.
  if (!e.noun && lem_[m.head] == "agree" && targets.empty() && sources.size() == 1 && m.e < n_ &&
      (f_[m.e] == "," || f_[m.e] == "." || f_[m.e] == "that")) {
    return;
  }
  // Who did it is essential: a mention with no source actor is not coded.
  if (sources.empty()) return;
  // An inquiry is an accusation only when it is into someone ("investigate systems" is research).
  if (targets.empty() && OneOf(lem_[m.head], {"investigate", "probe", "examine", "study", "review"})) return;
  // "US and British activists staged a protest": a country's people named by a group word are that group
  // (USAOPP), not the state.
  if (code->type == "PROTEST" || code->type == "COERCE" || code->type == "ASSAULT") {
    for (Role& r : sources) {
      if (r.mention == kNone || !r.actor.role.empty() || r.actor.id.rfind("country:", 0) != 0) continue;
      int t = ms_[r.mention].e;
      while (t < m.b && t < n_ && (mention_at_[t] != kNone || OneOf(f_[t], {"and", ",", "&"}) ||
                                   s_.tokens[t].upos == "ADJ")) {
        ++t;
      }
      if (t >= m.b) continue;
      Role group = LocalGroup(m, r.actor.country, code->type, t);
      if (!group.actor.empty()) {
        group.actor.name = r.actor.name + " " + group.actor.name.substr(group.actor.name.rfind(' ') + 1);
        group.start = r.start;
        group.mention = r.mention;
        r = group;
      }
    }
  }
  // "rallied in Tel Aviv against the government": the government protested against is the place's.
  if (code->type == "PROTEST" && targets.empty() && !sources.empty() && !sources[0].actor.country.empty()) {
    const int against = FindAfter(m.e, 10, "against");
    if (against != kNone && against + 2 < n_ && f_[against + 1] == "the" &&
        OneOf(f_[against + 2], {"government", "regime", "authorities", "president", "junta"}) &&
        mention_at_[against + 2] == kNone) {
      const std::string& c = !loc_country.empty() ? loc_country : sources[0].actor.country;
      targets.push_back(CountrySector(c, "GOV", "government", against + 2));
    }
  }
  // "Protesters clashed with police": a crowd that fights riots (CAMEO 145).
  if (code->type == "ASSAULT" && OneOf(sources[0].actor.role, {"OPP", "CVL", "LAB", "EDU"}) &&
      OneOf(lem_[m.head], {"clash", "fight", "scuffle", "riot", "battle"})) {
    cameo = "145";
    code = lex_.Code(cameo);
    mode = code->mode;
  }
  // "Japan protested to China": a government protests in words (CAMEO 114, complain officially); crowds
  // demonstrate (14x).
  if (code->type == "PROTEST" && lem_[m.head] == "protest" && !e.noun &&
      (sources[0].actor.role.empty() || sources[0].actor.role == "GOV") &&
      (sources[0].actor.id.rfind("country:", 0) == 0 || sources[0].actor.id.rfind("person:", 0) == 0) &&
      !(sources[0].mention != kNone && ms_[sources[0].mention].am->how == "demonym")) {
    cameo = "114";
    mode = lex_.Code(cameo)->mode;
  }
  // "Kyiv demanded that Moscow pay reparations": a request's target is the subject of its that-clause.
  if (targets.empty() && code->type == "REQUEST" && !e.noun && m.e < n_) {
    int t = m.e;
    if (t < n_ && f_[t] == "that") ++t;
    if (t > m.e && t < n_ && IsDeterminer(f_[t])) ++t;
    if (t > m.e && t < n_ && mention_at_[t] != kNone) add_group(&targets, GroupOf(mention_at_[t]));
  }
  // "Washington condemned the launch": the target of a reaction to an event named by a noun is the one who
  // did it, as told in the sentences just before.
  if (targets.empty()) {
    Role doer = DoerOfReferredEvent(m, sources[0].actor);
    if (!doer.actor.empty()) targets.push_back(doer);
  }
  code = lex_.Code(cameo);
  // A meeting takes two: without both parties it is not coded.
  if (code->type == "CONSULT" && (sources.empty() || targets.empty()) && sources.size() < 2) return;

  // ---- status, date, attribution ----
  StatusResult st = ComputeStatus(m);
  // A headline's "X to host Y" is a plan ("Turkey to host talks", "Scholz to visit Kyiv").
  if (st.status == EventStatus::kHappened && s_.headline && m.b >= 2 && f_[m.b - 1] == "to" && !IsVerbLike(m.b - 2) &&
      !e.noun) {
    st.status = EventStatus::kPlanned;
    st.cue = "to";
  }
  std::string date_text;
  auto dates = DatesFor(m.pred, m.toks, &date_text);
  if (Background(m, dates.empty())) return;
  // A clause opened by a week that dates something else is not dated by the sentences before.
  bool other_week = false;
  for (int k = 0; k < static_cast<int>(tx_.size()); ++k) other_week = other_week || (IsWeek(k) && tx_[k].tok < m.b);
  const bool undated = (dates.empty() && other_week) || BackReference(m) ||
                       (!dates.empty() && IsDeicticDate(date_text) && InsideQuote(TokenAt(dates[0][0]->start)));
  if (undated) dates.clear(), date_text.clear();
  std::string attribution = Attribution(m);
  std::string instrument;
  if (code->type == "AID" || code->type == "MOBILIZE" || code->type == "ASSAULT") instrument = Instrument(m);

  // Pairs: sources × targets; a symmetric meeting of a group with no target pairs its members.
  std::vector<std::pair<Role, Role>> pairs;
  // "India and Pakistan exchanged fire", "the two armies clashed": a mutual fight goes both ways.
  // So does a signed agreement (CAMEO 057): "the two leaders signed agreements".
  const bool mutual_fight = (code->type == "ASSAULT" && OneOf(lem_[m.head], {"exchange", "clash", "firefight",
                                                                              "gunfight", "battle", "skirmish", "fight",
                                                                              "war"})) ||
                            cameo == "057";
  // "X and Y agreed" pairs them; "X and Y pledged funds" does not.
  const bool mutual_agree = code->type == "AGREE" && OneOf(lem_[m.head], {"agree", "reach", "sign", "conclude",
                                                                          "strike", "settle", "negotiate"});
  // "Angola and Uruguay established diplomatic relations": relations between two are mutual.
  if (targets.empty() && sources.size() >= 2 && (code->type == "CONSULT" || mutual_agree || relations ||
                                                 code->type == "COOPERATE" || mutual_fight)) {
    for (size_t i = 0; i < sources.size(); ++i) {
      for (size_t j = i + 1; j < sources.size(); ++j) {
        if (!sources[i].actor.country.empty() && sources[i].actor.country == sources[j].actor.country) continue;
        pairs.push_back({sources[i], sources[j]});
        if (mutual_fight) pairs.push_back({sources[j], sources[i]});
      }
    }
  } else {
    if (sources.empty()) sources.push_back(Role());
    if (targets.empty()) targets.push_back(Role());
    for (const Role& s : sources) {
      for (const Role& t : targets) pairs.push_back({s, t});
    }
  }
  // A country does not meet its own leader: drop same-country pairs where one side is the country itself.
  // Two sectors of one country are two actors ("Georgian protesters attacked the Georgian government").
  auto whole_country = [](const Actor& a) { return a.id.rfind("country:", 0) == 0 && a.role.empty(); };
  // ("Students marched in Belgrade": the place named as a target of a sector of its own country leaves the
  // event with no target rather than no event.)
  std::vector<Role> own_place_sources;
  for (const auto& p : pairs) {
    if (code->type != "CONSULT" && !p.second.actor.empty() && whole_country(p.second.actor) &&
        !whole_country(p.first.actor) && p.first.actor.country == p.second.actor.country) {
      own_place_sources.push_back(p.first);
    }
  }
  pairs.erase(std::remove_if(pairs.begin(), pairs.end(), [&](const std::pair<Role, Role>& p) {
                const Actor& a = p.first.actor;
                const Actor& b = p.second.actor;
                return !a.country.empty() && a.country == b.country &&
                       (whole_country(a) || whole_country(b) || a.id == b.id ||
                        (a.code == b.code && a.id.rfind("person:", 0) != 0 && b.id.rfind("person:", 0) != 0));
              }),
              pairs.end());
  if (pairs.empty()) {
    for (const Role& r : own_place_sources) pairs.push_back({r, Role()});
  }
  // "his Greek and Cypriot counterparts, Nikos Dendias and …": a title and the name it stands beside are one
  // actor; one pair of codes is coded once.
  for (size_t i = 0; i < pairs.size(); ++i) {
    for (size_t j = pairs.size(); j-- > i + 1;) {
      const bool same = pairs[j].first.actor.code == pairs[i].first.actor.code &&
                        pairs[j].second.actor.code == pairs[i].second.actor.code;
      // (a meeting of two is one event whichever side is named first)
      const bool swapped = code->type == "CONSULT" && !mutual_fight &&
                           pairs[j].first.actor.code == pairs[i].second.actor.code &&
                           pairs[j].second.actor.code == pairs[i].first.actor.code;
      if ((same || swapped) && !pairs[i].first.actor.code.empty()) pairs.erase(pairs.begin() + static_cast<long>(j));
    }
  }
  if (pairs.empty()) return;
  // "Biden attacked Trump": one person attacking another in words is criticism, not an assault.
  if (code->type == "ASSAULT" && !e.noun) {
    const Actor& a = pairs[0].first.actor;
    const Actor& b = pairs[0].second.actor;
    // "Trump attacked the subpoena": a person attacking an idea, a ruling or a report criticises it.
    const int obj = ParseOk() ? ParseChild(m.head, {"obj"}) : kNone;
    const bool attacks_idea = b.empty() && obj != kNone && mention_at_[obj] == kNone &&
                              s_.tokens[obj].upos == "NOUN" && lem_[m.head] == "attack" &&
                              !OneOf(lem_[obj], {"people", "person", "man", "woman", "child", "civilian", "soldier",
                                                 "troop", "police", "officer", "protester", "guard", "crowd",
                                                 "worker", "student", "village", "town", "city", "base", "convoy",
                                                 "position", "target", "ship", "vessel", "building", "hospital"});
    if (a.id.rfind("person:", 0) == 0 && (b.id.rfind("person:", 0) == 0 || attacks_idea)) {
      cameo = "111";
      code = lex_.Code(cameo);
      mode = code->mode;
      instrument.clear();
    }
  }
  // Dates: one per listed date; a list of N dates over N targets is distributive ("to Kyiv and Moscow on
  // February 14-15").
  // A plan told in the past with no date of its own ("before the president was set to travel to Moscow") is
  // background to another event: its date is unknown and it is no longer ahead, so it is not coded.
  if (st.status == EventStatus::kPlanned && st.past_plan && dates.empty()) return;
  const bool distribute = dates.size() >= 2 && pairs.size() == dates.size() && targets.size() == dates.size();
  size_t date_slots = dates.empty() ? 1 : dates.size();
  for (size_t d = 0; d < date_slots; ++d) {
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (distribute && p != d) continue;
      EventMention ev;
      ev.doc = doc_->id;
      ev.sentence = si_;
      ev.trigger_start = s_.tokens[m.b].start;
      ev.trigger_end = s_.tokens[m.e - 1].end;
      ev.trigger = std::string(Text(ev.trigger_start, ev.trigger_end));
      ev.source.actor = pairs[p].first.actor;
      ev.source.start = pairs[p].first.start;
      ev.source.end = pairs[p].first.end;
      ev.target.actor = pairs[p].second.actor;
      ev.target.start = pairs[p].second.start;
      ev.target.end = pairs[p].second.end;
      if (!ev.source.present() && !ev.target.present()) continue;
      ev.location = location;
      ev.instrument = instrument;
      ev.cameo = cameo;
      ev.quad_class = code->quad_class;
      ev.goldstein = code->goldstein;
      ev.type = code->type;
      ev.mode = mode;
      ev.status = st.status;
      ev.modality = st.cue;
      ev.negated = st.negated;
      ev.attribution = attribution;
      if (!dates.empty()) {
        ev.date = dates[d][0]->date;
        ev.date_basis = "text";
        ev.date_text = date_text;
      } else {
        ev.date = ContextDate(st.status, m.pred, undated, &ev.date_basis);
      }
      const bool week_ahead = !dates.empty() && doc_->published.precision == DatePrecision::kDay &&
                              WeekStart(dates[d][0]->value) > doc_->published.ToDays();
      if (ev.status == EventStatus::kHappened && doc_->published.precision == DatePrecision::kDay &&
          ((ev.date.precision == DatePrecision::kDay && ev.date.ToDays() > doc_->published.ToDays()) || week_ahead)) {
        ev.status = EventStatus::kPlanned;
        ev.modality = "date after publication";
      }
      double conf = 0.9;
      if (!ParseOk()) conf -= 0.1;
      if (implicit_source) conf -= 0.2;
      if (!ev.source.present() || !ev.target.present()) conf -= 0.1;
      if (ev.date_basis != "text") conf -= 0.1;
      ev.confidence = conf;
      if (ev.date_basis == "text" && ev.status == EventStatus::kHappened) dated_->push_back({si_, ev.date});
      doc_->events.push_back(std::move(ev));
    }
  }
  if (opt_.derive_accusations) DeriveAccusation(m, st, sources);
}

void SentenceWorker::DeriveAccusation(const Match& m, const StatusResult& st, const std::vector<Role>& sources) {
  // "X alleged / warned / believes that Y could invade": the allegation itself happened — X ACCUSE Y.
  if (st.status != EventStatus::kHypothetical || st.govern_tok == kNone) return;
  const CameoCode* code = lex_.Code(lex_.entry(m.entry).cameo);
  if (!code || !(code->type == "ASSAULT" || code->type == "COERCE" || code->type == "THREATEN")) return;
  const int g = st.govern_tok;
  // Only claims accuse ("alleged", "warned", "believes"); wishes and requests ("wants", "urged") do not.
  if (!OneOf(f_[g], {"alleged", "alleges", "allege", "alleging", "believed", "believes", "believe", "warned",
                     "warns", "warning", "claimed", "claims", "claiming", "suspects", "suspected", "fears",
                     "feared", "accused", "accuses"})) {
    return;
  }
  // A claim noun ("as fears grow that …", "warnings that …") accuses only when its holder is named with it
  // ("Washington's fears"); the nearest subject is not the one who fears.
  if (s_.tokens[g].upos == "NOUN" && !(g >= 2 && f_[g - 1] == "'s" && mention_at_[g - 2] != kNone)) return;
  if (static_cast<int>(used_govern_.size()) < n_) used_govern_.assign(n_, 0);
  if (used_govern_[g]) return;
  if (std::find(trigger_heads_.begin(), trigger_heads_.end(), g) != trigger_heads_.end()) return;
  bool pair = false, single = false;
  auto speaker = NearestLeftSubject(g, &pair, &single);
  if (speaker.empty()) return;
  const Actor& sp = ms_[speaker.back()].am->actor;
  if (sp.country.empty()) return;
  int accused = kNone;
  for (int k = 0; k < static_cast<int>(ms_.size()); ++k) {
    if (ms_[k].b <= g || ms_[k].b > m.head + 2) continue;
    if (ms_[k].am->actor.country.empty() || ms_[k].am->actor.country == sp.country) continue;
    if (!ms_[k].prep.empty() && ms_[k].prep != "of") continue;
    accused = k;
    break;
  }
  if (accused == kNone) return;
  used_govern_[g] = 1;
  const CameoCode* acc = lex_.Code("1123");
  EventMention ev;
  ev.doc = doc_->id;
  ev.sentence = si_;
  ev.trigger_start = s_.tokens[g].start;
  ev.trigger_end = s_.tokens[g].end;
  ev.trigger = std::string(Text(ev.trigger_start, ev.trigger_end));
  const LocalMention& sm = ms_[speaker.back()];
  ev.source.actor = sp;
  ev.source.start = sm.am->start;
  ev.source.end = sm.am->end;
  ev.target.actor = ms_[accused].am->actor;
  ev.target.start = ms_[accused].am->start;
  ev.target.end = ms_[accused].am->end;
  ev.cameo = acc->code;
  ev.quad_class = acc->quad_class;
  ev.goldstein = acc->goldstein;
  ev.type = acc->type;
  ev.mode = acc->mode;
  std::string dt;
  auto dates = DatesFor(g, {g}, &dt);
  if (!dates.empty()) {
    ev.date = dates[0][0]->date;
    ev.date_basis = "text";
    ev.date_text = dt;
  } else {
    ev.date = ContextDate(EventStatus::kHappened, g, false, &ev.date_basis);
  }
  ev.status = EventStatus::kHappened;
  ev.confidence = 0.6;
  (void)sources;
  doc_->events.push_back(std::move(ev));
}

void SentenceWorker::Run() {
  Prepare();
  if (n_ == 0) return;
  std::vector<Match> matches;
  FindMatches(&matches);
  for (const Match& m : matches) trigger_heads_.push_back(m.head);
  const size_t first_new = doc_->events.size();
  for (const Match& m : matches) Emit(m);
  NoteNarrativeDate();
  // A threat conditional on an attack ("In the event of an invasion, Biden vowed to end …") is aimed at
  // the would-be attacker: this sentence's attacker, else the latest one named in the last sentences.
  bool conditional_attack = false;
  for (const Match& m : matches) {
    const CameoCode* c = lex_.Code(lex_.entry(m.entry).cameo);
    conditional_attack = conditional_attack || (c->type == "ASSAULT" && ComputeStatus(m).status != EventStatus::kHappened);
  }
  if (!conditional_attack) return;
  const Actor* attacker = nullptr;
  for (size_t i = doc_->events.size(); i-- > 0 && !attacker;) {
    const EventMention& ev = doc_->events[i];
    if (ev.sentence < si_ - 5) break;
    if (ev.type == "ASSAULT" && ev.source.present() && !ev.source.actor.country.empty()) attacker = &ev.source.actor;
  }
  if (!attacker) return;
  const Actor who = *attacker;
  for (size_t i = first_new; i < doc_->events.size(); ++i) {
    EventMention& ev = doc_->events[i];
    if (ev.type == "THREATEN" && !ev.target.present() && ev.source.actor.country != who.country) {
      ev.target.actor = who;
      ev.confidence -= 0.2;
    }
  }
}

}  // namespace

StatusOr<std::unique_ptr<EventAnnotator>> EventAnnotator::Load(const EventAnnotatorOptions& options) {
  EventLexiconOptions lo;
  lo.dir = options.data_dir;
  ASSIGN_OR_RETURN(auto lex, EventLexicon::Load(lo));
  return std::unique_ptr<EventAnnotator>(new EventAnnotator(options, std::move(lex)));
}

Status EventAnnotator::Annotate(Document* doc) const {
  doc->events.clear();
  std::vector<DatedMention> dated;
  Date lede;
  for (int si = 0; si < static_cast<int>(doc->sentences.size()); ++si) {
    SentenceWorker w(*lexicon_, options_, doc, si, &dated, lede);
    w.Run();
    // The lede date: the first text-dated happened event of the first two sentences.
    if (!lede.known() && si < 2 && !dated.empty()) lede = dated.front().date;
  }
  return Status::OK();
}

StatusOr<std::unique_ptr<Annotator>> MakeEventAnnotator() {
  ASSIGN_OR_RETURN(auto a, EventAnnotator::Load());
  return std::unique_ptr<Annotator>(std::move(a));
}

}  // namespace dateline
