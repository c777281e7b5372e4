#include "actors/actor_annotator.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "actors/simple_segmenter.h"

namespace dateline {
namespace {

bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsAlnum(unsigned char c) { return IsUpper(c) || IsLower(c) || (c >= '0' && c <= '9'); }

// Starts with a capital letter (ASCII, or a UTF-8 Latin capital such as É, Ö, Ł).
bool Capitalised(std::string_view s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (IsUpper(c)) return true;
  if (s.size() >= 2 && (c == 0xC3 || c == 0xC4 || c == 0xC5)) {
    const unsigned char c2 = static_cast<unsigned char>(s[1]);
    if (c == 0xC3) return c2 >= 0x80 && c2 <= 0x9E;
    return (c2 & 1) == 0;  // Latin Extended-A: even code points are capitals
  }
  return false;
}

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(a[i]);
    if (IsUpper(c)) c = static_cast<unsigned char>(c + 32);
    if (c != static_cast<unsigned char>(lower[i])) return false;
  }
  return true;
}

// Capitalised words that begin sentences or name times, never people or places.
bool StopWord(std::string_view w) {
  static const char* kWords[] = {
      "The", "A", "An", "On", "In", "At", "For", "But", "And", "Or", "If", "As", "To", "Of", "By", "With",
      "From", "After", "Before", "Meanwhile", "However", "While", "When", "This", "That", "These", "Those",
      "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "Its", "Both", "Earlier", "Later",
      "Today", "Yesterday", "Tomorrow", "Last", "Next", "According", "Also", "Separately", "Additionally",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
      "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
      "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "So", "Yet", "Still", "Then",
      "There", "Here", "Now", "Some", "Many", "All", "No", "Not", "What", "Who", "Why", "How", "Where",
      "Apparently", "Addressing", "Speaking", "Asked", "Despite", "During", "Since", "Until", "Under", "Over",
      "Amid", "Among", "Against", "About", "Between", "Into", "Through", "Without", "Within", "Upon",
      "Right", "Slightly", "More", "Most", "Several", "Other", "Another", "Each", "Every", "Such", "Said",
      // Counts open sentences too ("Ten Russian soldiers …", "Dozens of Afghan civilians …").
      "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
      "Fifteen", "Twenty", "Thirty", "Fifty", "Dozens", "Scores", "Hundreds", "Thousands", "Millions", "Few"};
  for (const char* s : kWords)
    if (w == s) return true;
  return false;
}

bool Honorific(std::string_view w) {
  return w == "Mr." || w == "Mrs." || w == "Ms." || w == "Dr." || w == "Mr" || w == "Mrs" || w == "Ms" ||
         w == "Dr" || w == "Sir" || w == "Dame";
}

bool Conjunction(std::string_view w) { return w == "and" || w == "," || w == "&" || w == "or"; }
bool Determiner(std::string_view w) {
  return EqualsLower(w, "the") || EqualsLower(w, "a") || EqualsLower(w, "an") || EqualsLower(w, "his") ||
         EqualsLower(w, "her") || EqualsLower(w, "their") || EqualsLower(w, "its");
}

// Affixes of hyphenated compounds after an actor: "Kremlin-backed", "U.S.-led".
bool ActorAffix(std::string_view w) {
  static const char* kWords[] = {"led", "backed", "allied", "brokered", "sponsored", "funded", "friendly",
                                 "aligned", "supported", "controlled", "installed", "appointed", "affiliated"};
  for (const char* s : kWords)
    if (EqualsLower(w, s)) return true;
  return false;
}

// Bytes of a possessive ending ('s ’s ' ’) at the end of s, or 0.
size_t PossessiveLen(std::string_view s) {
  auto ends = [&](std::string_view suf) { return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf; };
  if (ends("'s")) return 2;
  if (ends("\xE2\x80\x99s")) return 4;
  if (ends("'")) return 1;
  if (ends("\xE2\x80\x99")) return 3;
  return 0;
}

bool IsPossessiveToken(std::string_view s) {
  return s == "'s" || s == "\xE2\x80\x99s" || s == "'" || s == "\xE2\x80\x99" || s == "s'";
}

// Letters and digits of s (ASCII only): the case signature compared against a KB phrase.
bool SameCase(std::string_view text, std::string_view surface) {
  size_t i = 0, j = 0;
  bool any_lower = false;
  bool equal = true;
  while (true) {
    while (i < text.size() && !IsAlnum(static_cast<unsigned char>(text[i]))) ++i;
    while (j < surface.size() && !IsAlnum(static_cast<unsigned char>(surface[j]))) ++j;
    if (i >= text.size() || j >= surface.size()) {
      if (i < text.size() || j < surface.size()) equal = false;
      break;
    }
    if (IsLower(static_cast<unsigned char>(text[i]))) any_lower = true;
    if (text[i] != surface[j]) equal = false;
    ++i;
    ++j;
  }
  if (equal) return true;
  // ALL CAPS headline: accept.
  for (; i < text.size(); ++i)
    if (IsLower(static_cast<unsigned char>(text[i]))) any_lower = true;
  return !any_lower && text.size() > 1;
}

bool NerIs(const Token& t, const char* type) {
  return t.ner.size() > 2 && t.ner[1] == '-' && t.ner.compare(2, std::string::npos, type) == 0;
}
bool NerTagged(const Token& t) { return !t.ner.empty(); }

// A piece of a sentence: a KB phrase match, a hyphenated group, or one plain token.
struct Piece {
  int tb = 0, te = 0;               // tokens [tb, te)
  uint32_t start = 0, end = 0;      // bytes, possessive ending excluded
  bool poss = false;                // followed by / ends in a possessive
  const KbEntry* entry = nullptr;   // chosen KB reading, null for a plain token
  struct Part {
    uint32_t start, end;
    const KbEntry* entry;
  };
  std::vector<Part> parts;          // hyphenated group: its actor parts
  bool hyphen = false;
  bool skip = false;                // a hyphen group that is not a pair of actors
};

// Per-document coreference memory.
struct Memory {
  struct Known {
    Actor actor;
    std::string office;
  };
  std::unordered_map<std::string, Known> by_surname;  // "kirby" → actor
  std::unordered_map<std::string, Actor> by_office;   // "USA|spokesperson|MIL" → actor
  std::string last_office;
  std::unordered_map<std::string, bool> ambiguity_verdict;  // surface → is an actor here
  std::unordered_set<std::string> other_bearers;            // surnames of people the KB does not know
  std::unordered_set<std::string> kb_named;                 // surnames of KB people named in full or by title
};

class Resolver {
 public:
  Resolver(const KnowledgeBase& kb, const ActorOptions& opt, Document* doc)
      : kb_(kb), opt_(opt), doc_(doc), text_(doc->text) {}

  void Run() {
    NoteOtherBearers();
    for (size_t si = 0; si < doc_->sentences.size(); ++si) RunSentence(static_cast<int>(si));
    std::stable_sort(doc_->actors.begin(), doc_->actors.end(),
                     [](const ActorMention& a, const ActorMention& b) { return a.start < b.start; });
  }

 private:
  // ---- Matching -------------------------------------------------------------------------------------

  bool BoundaryBefore(uint32_t start) const {
    if (start == 0) return true;
    const unsigned char c = static_cast<unsigned char>(text_[start - 1]);
    if (IsAlnum(c)) return false;
    if (c == '-' && start >= 2 && IsAlnum(static_cast<unsigned char>(text_[start - 2]))) return false;
    return true;
  }
  bool BoundaryAfter(uint32_t end) const {
    if (end >= text_.size()) return true;
    const unsigned char c = static_cast<unsigned char>(text_[end]);
    if (IsAlnum(c)) return false;
    if (c == '-' && end + 1 < text_.size() && IsAlnum(static_cast<unsigned char>(text_[end + 1]))) return false;
    if (c >= 0x80) {
      // en dash / hyphen joining two words
      if (text_.compare(end, 3, "\xE2\x80\x93") == 0 && end + 3 < text_.size() &&
          IsAlnum(static_cast<unsigned char>(text_[end + 3]))) {
        return false;
      }
      if (static_cast<unsigned char>(text_[end]) >= 0xC3 && static_cast<unsigned char>(text_[end]) <= 0xC5)
        return false;  // a Latin letter
    }
    return true;
  }

  // The KB reading of text_[start,end) among entries, honouring case and "the", or null.
  const KbEntry* Choose(const std::vector<KbEntry>& entries, uint32_t start, uint32_t end, bool after_the,
                        bool single_word) const {
    static const int kPriority[] = {/*kCountry*/ 5, /*kAdjective*/ 3, /*kCapital*/ 4, /*kSeat*/ 7,
                                    /*kOrg*/ 6, /*kPerson*/ 8, /*kSurname*/ 2, /*kRole*/ 1, /*kPlace*/ 0};
    const std::string_view surf = text_.substr(start, end - start);
    const KbEntry* best = nullptr;
    for (const auto& e : entries) {
      if (e.needs_the && !after_the) continue;
      if (e.proper && !SameCase(surf, e.surface)) continue;
      if (!e.proper && e.kind == KbEntry::kRole) {
        // Role words must be lower case or capitalised ("President"), not odd mixtures.
      }
      (void)single_word;
      if (!best || kPriority[e.kind] > kPriority[best->kind]) best = &e;
    }
    return best;
  }

  // Longest KB match starting at token i of sentence s; fills *p and returns true when found.
  // Surnames that this document gives to someone the KB does not know ("Usman Khan"): on its own, such a
  // surname is that person, not the KB's bearer of it ("Imran Khan").
  void NoteOtherBearers() {
    pieces_.assign(doc_->sentences.size(), {});
    headlines_.assign(doc_->sentences.size(), false);
    for (size_t si = 0; si < doc_->sentences.size(); ++si) {
      const Sentence& s = doc_->sentences[si];
      pieces_[si] = Pieces(s);
      const std::vector<Piece>& ps = pieces_[si];
      headline_ = headlines_[si] = HeadlineLike(s);
      for (size_t k = 0; k < ps.size(); ++k) {
        const Piece& p = ps[k];
        // The KB's bearer named in full or by title ("Donald Trump", "President Trump") keeps the surname.
        if (p.entry && !p.hyphen && p.entry->kind == KbEntry::kPerson) {
          const std::string full(text_.substr(p.start, p.end - p.start));
          std::string k2;
          KnowledgeBase::AppendKey(Surname(full), &k2);
          mem_.kb_named.insert(k2);
          continue;
        }
        if (p.entry && !p.hyphen && p.entry->kind == KbEntry::kSurname && k > 0 && ps[k - 1].entry &&
            ps[k - 1].entry->kind == KbEntry::kRole) {
          std::string k2;
          KnowledgeBase::AppendKey(text_.substr(p.start, p.end - p.start), &k2);
          mem_.kb_named.insert(k2);
          continue;
        }
        if (!p.entry || p.hyphen || p.entry->kind != KbEntry::kSurname || !InsideLargerName(s, ps, k)) continue;
        // "Usman Khan": a first name the KB does not give its bearer of the surname.
        if (k == 0 || ps[k - 1].entry || ps[k - 1].end + 1 != p.start) continue;
        std::string k2;
        KnowledgeBase::AppendKey(text_.substr(p.start, p.end - p.start), &k2);
        mem_.other_bearers.insert(k2);
      }
    }
  }

  std::vector<std::vector<Piece>> pieces_;  // per sentence, cut once
  std::vector<bool> headlines_;              // per sentence: a title-case line

  bool OtherBearer(std::string_view surname) const {
    if (mem_.other_bearers.empty()) return false;
    std::string k;
    KnowledgeBase::AppendKey(surname, &k);
    return mem_.other_bearers.count(k) > 0 && mem_.kb_named.count(k) == 0;
  }

  bool MatchAt(const Sentence& s, int i, Piece* p) const {
    const auto& toks = s.tokens;
    std::string key;
    const bool after_the = i > 0 && EqualsLower(toks[i - 1].text, "the");
    bool found = false;
    for (int j = i; j < static_cast<int>(toks.size()) && j < i + 12; ++j) {
      if (j > i) {
        if (toks[j].start > toks[j - 1].end) key.push_back(' ');
      }
      const size_t before = key.size();
      KnowledgeBase::AppendKey(toks[j].text, &key);
      // The token itself may end in a possessive ("Macron's" as one token).
      const size_t pl = PossessiveLen(toks[j].text);
      if (pl > 0 && toks[j].text.size() > pl && !IsPossessiveToken(toks[j].text)) {
        std::string_view k(key.data(), key.size() - (pl >= 3 ? pl - 2 : pl));
        if (const auto* es = kb_.Find(k)) {
          const uint32_t end = toks[j].end - static_cast<uint32_t>(pl);
          if (BoundaryBefore(toks[i].start)) {
            if (const KbEntry* e = Choose(*es, toks[i].start, end, after_the, j == i)) {
              *p = Piece();
              p->tb = i;
              p->te = j + 1;
              p->start = toks[i].start;
              p->end = end;
              p->poss = true;
              p->entry = e;
              found = true;
            }
          }
        }
      }
      (void)before;
      if (!kb_.HasPrefix(key)) break;
      if (const auto* es = kb_.Find(key)) {
        if (BoundaryBefore(toks[i].start) && BoundaryAfter(toks[j].end)) {
          if (const KbEntry* e = Choose(*es, toks[i].start, toks[j].end, after_the, j == i)) {
            *p = Piece();
            p->tb = i;
            p->te = j + 1;
            p->start = toks[i].start;
            p->end = toks[j].end;
            p->entry = e;
            found = true;
            if (j + 1 < static_cast<int>(toks.size()) && IsPossessiveToken(toks[j + 1].text) &&
                toks[j + 1].start == toks[j].end) {
              p->poss = true;
              p->te = j + 2;
            }
          }
        }
      }
    }
    return found;
  }

  // A hyphenated word group starting at token i ("Russia-Ukraine", "Macron-Putin", "long-term"): returns
  // true and fills *p when token i starts one (p->skip when its parts are not all actors).
  bool HyphenGroupAt(const Sentence& s, int i, Piece* p) const {
    const auto& toks = s.tokens;
    const uint32_t gs = toks[i].start;
    if (!BoundaryBefore(gs)) return false;
    // Extent: through tokens glued together by hyphens.
    int j = i;
    uint32_t ge = toks[i].end;
    bool has_hyphen = false;
    auto scan_inner = [&](uint32_t b, uint32_t e) {
      for (uint32_t k = b; k + 1 < e; ++k) {
        if (text_[k] == '-' && k > b && IsAlnum(static_cast<unsigned char>(text_[k - 1])) &&
            IsAlnum(static_cast<unsigned char>(text_[k + 1])))
          has_hyphen = true;
        if (text_.compare(k, 3, "\xE2\x80\x93") == 0 && k > b) has_hyphen = true;
      }
    };
    scan_inner(toks[i].start, toks[i].end);
    while (j + 2 < static_cast<int>(toks.size()) && toks[j + 1].start == toks[j].end &&
           (toks[j + 1].text == "-" || toks[j + 1].text == "\xE2\x80\x93") && toks[j + 2].start == toks[j + 1].end) {
      has_hyphen = true;
      j += 2;
      ge = toks[j].end;
    }
    if (!has_hyphen) return false;
    // Possessive after the group.
    bool poss = false;
    int te = j + 1;
    if (te < static_cast<int>(toks.size()) && IsPossessiveToken(toks[te].text) && toks[te].start == ge) {
      poss = true;
      ++te;
    }
    *p = Piece();
    p->tb = i;
    p->te = te;
    p->start = gs;
    p->end = ge;
    p->poss = poss;
    p->hyphen = true;
    // Split into parts on hyphens and en dashes.
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    uint32_t b = gs;
    for (uint32_t k = gs; k <= ge; ++k) {
      if (k == ge) {
        parts.emplace_back(b, k);
        break;
      }
      if (text_[k] == '-') {
        parts.emplace_back(b, k);
        b = k + 1;
      } else if (text_.compare(k, 3, "\xE2\x80\x93") == 0) {
        parts.emplace_back(b, k);
        b = k + 3;
        k += 2;
      }
    }
    // A trailing possessive inside the last part ("Russia-Ukraine's" as one token).
    if (!parts.empty()) {
      auto& last = parts.back();
      const size_t pl = PossessiveLen(text_.substr(last.first, last.second - last.first));
      if (pl > 0 && last.second - last.first > pl) {
        last.second -= static_cast<uint32_t>(pl);
        p->end = last.second;
        p->poss = true;
      }
    }
    int actors = 0, affixes = 0;
    for (auto [pb, pe] : parts) {
      std::string key;
      KnowledgeBase::AppendKey(text_.substr(pb, pe - pb), &key);
      const KbEntry* e = nullptr;
      if (const auto* es = kb_.Find(key)) e = Choose(*es, pb, pe, false, true);
      if (e && e->kind != KbEntry::kRole) {
        p->parts.push_back({pb, pe, e});
        ++actors;
      } else if (ActorAffix(text_.substr(pb, pe - pb))) {
        ++affixes;
      }
    }
    const int n = static_cast<int>(parts.size());
    if (actors == 0 || actors + affixes != n || (actors == 1 && affixes == 0)) {
      p->skip = true;
      p->parts.clear();
    }
    return true;
  }

  std::vector<Piece> Pieces(const Sentence& s) const {
    std::vector<Piece> out;
    const int n = static_cast<int>(s.tokens.size());
    for (int i = 0; i < n;) {
      Piece p;
      if (MatchAt(s, i, &p)) {
        // A match covering only part of a hyphenated group ("Russian" of "Russian-speaking") is not one.
        Piece g;
        if (HyphenGroupAt(s, i, &g) && g.end > p.end) {
          out.push_back(g);
          i = g.te;
          continue;
        }
        out.push_back(p);
        i = p.te;
        continue;
      }
      if (HyphenGroupAt(s, i, &p)) {
        out.push_back(p);
        i = p.te;
        continue;
      }
      p = Piece();
      p.tb = i;
      p.te = i + 1;
      p.start = s.tokens[i].start;
      p.end = s.tokens[i].end;
      if (i + 1 < n && IsPossessiveToken(s.tokens[i + 1].text) && s.tokens[i + 1].start == p.end) {
        p.poss = true;
        p.te = i + 2;
      }
      out.push_back(p);
      i = p.te;
    }
    return out;
  }

  // ---- Context checks -------------------------------------------------------------------------------

  // Whether the document's words favour the actor reading of an ambiguous name ("Turkey").
  bool AmbiguityAllows(std::string_view surface) {
    const auto* a = kb_.FindAmbiguity(surface);
    if (!a) return true;
    auto it = mem_.ambiguity_verdict.find(std::string(surface));
    if (it != mem_.ambiguity_verdict.end()) return it->second;
    int actor = 0, other = 0;
    for (const auto& s : doc_->sentences) {
      for (const auto& t : s.tokens) {
        std::string k;
        KnowledgeBase::AppendKey(t.text, &k);
        for (const auto& w : a->actor) actor += (k == w);
        for (const auto& w : a->other) other += (k == w);
      }
    }
    const bool ok = other <= actor;
    mem_.ambiguity_verdict[std::string(surface)] = ok;
    return ok;
  }

  bool PlainCapitalised(const Sentence& s, const Piece& p) const {
    if (p.entry || p.hyphen) return false;
    const Token& t = s.tokens[p.tb];
    return Capitalised(t.text) && !StopWord(t.text);
  }

  // A single-word proper match that is part of a longer unknown name ("Michael Jordan", "Washington Post")
  // or that the named-entity tagger reads otherwise.
  bool InsideLargerName(const Sentence& s, const std::vector<Piece>& ps, size_t k) const {
    const Piece& p = ps[k];
    const Token& t = s.tokens[p.tb];
    const auto kind = p.entry->kind;
    // The tagger overrules the KB only for a multi-word entity around the word ("Jordan Henderson" as
    // B-PER L-PER); a single-word tag (U-PER on "Germany") is as likely the tagger's mistake.
    if (NerTagged(t) && t.ner[0] != 'U' && t.ner[0] != 'O') {
      // ... and only when the rest of that entity is not known to the KB ("Ukrainian President X" is fine).
      auto plain_per = [&](size_t j) {
        return j < ps.size() && !ps[j].entry && !ps[j].hyphen && NerIs(s.tokens[ps[j].tb], "PER");
      };
      if ((kind == KbEntry::kCountry || kind == KbEntry::kCapital || kind == KbEntry::kPlace) && NerIs(t, "PER") &&
          ((k > 0 && plain_per(k - 1)) || plain_per(k + 1))) {
        return true;
      }
      // A city inside a longer organisation or person name ("Boston Consulting", "Paris Hilton").
      if (kind == KbEntry::kPlace && (NerIs(t, "PER") || NerIs(t, "ORG"))) return true;
      if (kind == KbEntry::kSurname && (NerIs(t, "LOC") || NerIs(t, "ORG"))) return true;
    }
    if (headline_) return false;
    if (p.te - p.tb > 1 + (p.poss ? 1 : 0)) return false;  // multi-word KB phrases are specific enough
    if (kind == KbEntry::kRole || kind == KbEntry::kPerson) return false;
    if (k > 0 && !ps[k - 1].poss && ps[k - 1].end == p.start - 1 && PlainCapitalised(s, ps[k - 1]) &&
        !Honorific(s.tokens[ps[k - 1].tb].text)) {
      // "Michael Jordan" — but not at the very start of a sentence where any word is capitalised: there,
      // only a word that is not a known stop word counts, and it still counts.
      return true;
    }
    if (!p.poss && k + 1 < ps.size() && ps[k + 1].start == p.end + 1 && PlainCapitalised(s, ps[k + 1])) {
      return true;  // "Elizabeth Warren", "Georgia Tech"; "Putin Thursday" is spared by StopWord
    }
    return false;
  }

  // ---- Actors ---------------------------------------------------------------------------------------

  static std::string RoleName(const std::string& role) {
    if (role == "GOV") return "government";
    if (role == "MIL") return "military";
    if (role == "LEG") return "legislature";
    if (role == "JUD") return "judiciary";
    if (role == "OPP") return "opposition";
    if (role == "REB") return "rebels";
    if (role == "COP") return "police";
    if (role == "SPY") return "intelligence";
    if (role == "MED") return "media";
    if (role == "BUS") return "business";
    if (role == "CVL") return "civilians";
    if (role == "REF") return "refugees";
    if (role == "ELI") return "elite";
    if (role == "EDU") return "education";
    if (role == "LAB") return "labour";
    if (role == "AGR") return "agriculture";
    if (role == "REL") return "religious";
    return role;
  }

  Actor CountryActor(int ci, const std::string& role) const {
    const KbCountry& c = kb_.countries()[ci];
    Actor a;
    a.id = "country:" + c.code + (role.empty() ? "" : ":" + role);
    a.name = c.name + (role.empty() ? "" : " " + RoleName(role));
    a.country = c.region ? "" : c.code;
    a.code = c.code + role;
    a.role = role;
    return a;
  }

  Actor OrgActor(int oi, const std::string& role_override) const {
    const KbOrg& o = kb_.orgs()[oi];
    Actor a;
    a.id = "org:" + o.id;
    a.name = o.name;
    a.country = o.country;
    a.code = o.code;
    a.role = o.role;
    if (!role_override.empty() && role_override != o.role && role_override != "GOV") {
      a.id += ":" + role_override;
      a.code += role_override;
      a.role = role_override;
    }
    return a;
  }

  Actor PersonActor(int ti) const {
    const KbPerson& p = kb_.people()[ti];
    Actor a;
    a.id = "person:" + p.id;
    a.name = p.name;
    a.country = p.country;
    a.role = p.role;
    const Date& d = doc_->published;
    if (!p.ValidAt(d) && d.known() && p.end.known() && d.ToDays() > p.end.ToDays()) a.role = "ELI";
    if (p.country.empty()) {
      const int oi = kb_.OrgIndex(p.org);
      a.code = oi >= 0 ? kb_.orgs()[oi].code : p.org;
      a.role = "IGO";
    } else {
      a.code = p.country + a.role;
    }
    return a;
  }

  Actor TextPerson(std::string name, const std::string& country, const std::string& role,
                   const std::string& org_code) const {
    Actor a;
    a.id = "text:" + name;
    a.name = std::move(name);
    a.country = country;
    a.role = role;
    a.code = !org_code.empty() ? org_code : country + role;
    return a;
  }

  void Emit(int sentence, const Sentence& s, int tb, int te, uint32_t start, uint32_t end, Actor actor,
            const char* how) {
    if (actor.empty()) return;
    ActorMention m;
    m.start = start;
    m.end = end;
    m.sentence = sentence;
    m.token_begin = tb;
    m.token_end = std::min<int>(te, static_cast<int>(s.tokens.size()));
    m.actor = std::move(actor);
    m.how = how;
    doc_->actors.push_back(std::move(m));
  }

  void Remember(const Actor& a, const std::string& office, const std::string& surname) {
    if (!surname.empty()) {
      std::string k;
      KnowledgeBase::AppendKey(surname, &k);
      mem_.by_surname[k] = {a, office};
    }
    if (!office.empty() && !a.country.empty() && a.role != "ELI") {  // former holders keep no office
      mem_.by_office[a.country + "|" + office + "|" + a.role] = a;
      mem_.by_office[a.country + "|" + office] = a;
    }
    if (!office.empty()) mem_.last_office = office;
  }

  // The last word of a person's name that is not a suffix.
  static std::string Surname(const std::string& name) {
    size_t e = name.size();
    while (true) {
      size_t b = name.rfind(' ', e == 0 ? 0 : e - 1);
      std::string w = name.substr(b == std::string::npos ? 0 : b + 1, e - (b == std::string::npos ? 0 : b + 1));
      if ((w == "Jr." || w == "Jr" || w == "Sr." || w == "II" || w == "III") && b != std::string::npos) {
        e = b;
        while (e > 0 && name[e - 1] == ',') --e;
        continue;
      }
      return w;
    }
  }
  static std::string FirstWord(const std::string& name) { return name.substr(0, name.find(' ')); }

  // Resolves a person from a KB entry (full name or surname), preferring this document's people.
  bool PersonFromEntry(const KbEntry& e, std::string_view surface, const std::string& country_hint,
                       Actor* out, const char** how, std::string* office) {
    const KbPerson& first = kb_.people()[e.index];
    if (e.kind == KbEntry::kSurname) {
      std::string k;
      KnowledgeBase::AppendKey(surface, &k);
      auto it = mem_.by_surname.find(k);
      if (it != mem_.by_surname.end() && (country_hint.empty() || it->second.actor.country == country_hint)) {
        *out = it->second.actor;
        *office = it->second.office;
        *how = "coref";
        return true;
      }
      // Several KB people may share the surname: take one in office at the date, in the hinted country.
      const auto* es = kb_.Find(k);
      int best = -1, best_score = -1;
      if (es) {
        for (const auto& x : *es) {
          if (x.kind != KbEntry::kSurname) continue;
          const KbPerson& p = kb_.people()[x.index];
          const int t = kb_.BestTenure(p.id, doc_->published);
          if (t < 0) continue;
          // "Smith", "Miller": a surname alone names a KB person only while in office, unless listed as
          // an alias of its own ("Zelensky") or the title gave the country.
          if (x.derived && country_hint.empty() && !kb_.people()[t].ValidAt(doc_->published)) continue;
          int score = kb_.people()[t].ValidAt(doc_->published) ? 2 : 0;
          if (!country_hint.empty() && p.country == country_hint) score += 4;
          if (score > best_score) {
            best_score = score;
            best = t;
          }
        }
      }
      if (best < 0) return false;
      *out = PersonActor(best);
      *office = kb_.people()[best].office;
      *how = "kb";
      return true;
    }
    const int t = kb_.BestTenure(first.id, doc_->published);
    if (t < 0) return false;
    *out = PersonActor(t);
    *office = kb_.people()[t].office;
    *how = "kb";
    return true;
  }

  // ---- Chunks ---------------------------------------------------------------------------------------

  struct Mod {
    size_t piece;
    int country = -1;   // index into countries()
    int org = -1;       // index into orgs()
    std::string role;   // seat's role ("MIL" for the Pentagon) or ""
    const char* how = "kb";
  };

  bool ModOf(const Piece& p, Mod* m) const {
    if (!p.entry || p.hyphen) return false;
    const KbEntry& e = *p.entry;
    switch (e.kind) {
      case KbEntry::kCountry: m->country = e.index; m->how = "kb"; return true;
      case KbEntry::kAdjective: m->country = e.index; m->how = "demonym"; return true;
      case KbEntry::kCapital: m->country = e.index; m->how = "metonym"; return true;
      case KbEntry::kPlace: m->country = e.index; m->how = "place"; return true;
      case KbEntry::kSeat: {
        const KbSeat& st = kb_.seats()[e.index];
        m->country = kb_.CountryIndex(st.country);
        m->role = st.role;
        m->how = "metonym";
        return true;
      }
      case KbEntry::kOrg: m->org = e.index; m->how = "kb"; return true;
      default: return false;
    }
  }

  const KbRole* RoleOf(const Piece& p) const {
    if (!p.entry || p.hyphen || p.entry->kind != KbEntry::kRole) return nullptr;
    return &kb_.roles()[p.entry->index];
  }

  bool IsPersonPiece(const Piece& p) const {
    return p.entry && !p.hyphen && (p.entry->kind == KbEntry::kPerson || p.entry->kind == KbEntry::kSurname);
  }

  // Actor of a bare modifier (a country, demonym, capital, seat or organisation on its own).
  Actor ModActor(const Mod& m, const std::string& role) const {
    if (m.org >= 0) return OrgActor(m.org, role);
    return CountryActor(m.country, role.empty() ? m.role : role);
  }

  // Names after a title: KB people or capitalised words (initials allowed), at most 5 tokens.
  // Returns the piece index after the name; *first == *last+1 when there is none.
  size_t CaptureName(const Sentence& s, const std::vector<Piece>& ps, size_t q) const {
    size_t r = q;
    int words = 0;
    while (r < ps.size() && words < 5) {
      const Piece& p = ps[r];
      if (r > q && ps[r - 1].poss) break;
      if (r > q && p.start > ps[r - 1].end + 1) break;  // not adjacent
      if (IsPersonPiece(p)) {
        ++r;
        ++words;
        if (p.entry->kind == KbEntry::kPerson) break;
        continue;
      }
      if (p.entry || p.hyphen) break;
      const Token& t = s.tokens[p.tb];
      if (NerTagged(t) && (NerIs(t, "LOC") || NerIs(t, "ORG"))) break;
      if (words == 0 && Honorific(t.text)) {
        ++r;
        continue;
      }
      if (!Capitalised(t.text) || StopWord(t.text)) break;
      ++r;
      ++words;
    }
    // Trailing honorific only: no name.
    if (words == 0) return q;
    return r;
  }

  // The person named by pieces [b, e) (from CaptureName), given what the title says.
  void ResolveName(const Sentence& s, const std::vector<Piece>& ps, size_t b, size_t e,
                   const std::string& country, const std::string& role, const std::string& office,
                   const std::string& org_code, Actor* out, const char** how) {
    // Skip an honorific.
    while (b < e && !ps[b].entry && Honorific(s.tokens[ps[b].tb].text)) ++b;
    const uint32_t nb = ps[b].start, ne = ps[e - 1].end;
    std::string name(text_.substr(nb, ne - nb));
    std::string office_found;
    // A KB person among the pieces.
    for (size_t k = b; k < e; ++k) {
      if (!IsPersonPiece(ps[k])) continue;
      const KbEntry& en = *ps[k].entry;
      // A surname reading only for the last word of the name ("Elizabeth" of "Elizabeth Warren" is not one).
      if (en.kind == KbEntry::kSurname && k + 1 < e) continue;
      std::string_view surf = text_.substr(ps[k].start, ps[k].end - ps[k].start);
      Actor a;
      const char* h = "kb";
      if (PersonFromEntry(en, surf, country, &a, &h, &office_found)) {
        // A surname match must agree with the given name when one is written ("Joseph R. Biden").
        if (en.kind == KbEntry::kSurname && k > b) {
          const std::string given(text_.substr(ps[b].start, ps[b].end - ps[b].start));
          if (!given.empty() && !a.name.empty() && given[0] != a.name[0]) continue;
        }
        if (!country.empty() && !a.country.empty() && a.country != country) continue;
        *out = a;
        *how = h == std::string("coref") ? "coref" : "title";
        Remember(a, office_found, Surname(a.name));
        return;
      }
    }
    // The office holder, when the written first name is theirs ("his counterpart Emmanuel’s ...").
    if (!office.empty() && !country.empty() && office != "counterpart") {
      const int t = kb_.OfficeHolder(country, office, doc_->published);
      if (t >= 0) {
        const std::string& full = kb_.people()[t].name;
        if (Surname(full) == Surname(name) || FirstWord(full) == name) {
          *out = PersonActor(t);
          *how = "title";
          Remember(*out, office, Surname(out->name));
          return;
        }
      }
    }
    // This document's people by surname.
    {
      std::string k;
      KnowledgeBase::AppendKey(Surname(name), &k);
      auto it = mem_.by_surname.find(k);
      if (it != mem_.by_surname.end() && (country.empty() || it->second.actor.country == country)) {
        *out = it->second.actor;
        *how = "coref";
        return;
      }
    }
    *out = TextPerson(name, country, role, org_code);
    *how = "title";
    Remember(*out, office, Surname(name));
  }

  // Office holder (or sector actor) for "the Russian President", "the French leader", "Kremlin spokesman".
  Actor ResolveTitleOnly(int country, int org, const KbRole& r, const std::string& role, bool role_from_seat,
                         const char** how) {
    std::string office = r.office;
    if (r.kind == KbRole::kCounterpart) office = mem_.last_office.empty() ? "leader" : mem_.last_office;
    const std::string holder = org >= 0 ? kb_.orgs()[org].id : (country >= 0 ? kb_.countries()[country].code : "");
    if (holder.empty()) return Actor();
    if ((r.kind == KbRole::kTitle || r.kind == KbRole::kCounterpart) && !office.empty() && !r.plural) {
      auto it = mem_.by_office.find(holder + "|" + office + (role_from_seat ? "|" + role : ""));
      if (it != mem_.by_office.end()) {
        *how = "coref";
        return it->second;
      }
      const int t = kb_.OfficeHolder(holder, office, doc_->published);
      if (t >= 0 && (!role_from_seat || kb_.people()[t].role == role)) {
        *how = "role";
        Actor a = PersonActor(t);
        Remember(a, office == "leader" ? kb_.people()[t].office : office, Surname(a.name));
        return a;
      }
    }
    *how = "role";
    if (org >= 0) return OrgActor(org, role);
    return CountryActor(country, role);
  }

  // "X, the German chancellor": a capitalised name just before ", [the]" and the chunk starting at piece c.
  bool AppositionName(const Sentence& s, const std::vector<Piece>& ps, size_t c, size_t* nb, size_t* ne) const {
    if (c == 0) return false;
    size_t k = c;
    if (!ps[k - 1].entry && Determiner(s.tokens[ps[k - 1].tb].text)) --k;
    if (k == 0 || ps[k - 1].entry || s.tokens[ps[k - 1].tb].text != ",") return false;
    --k;  // at the comma
    size_t e = k, b = k;
    while (b > 0 && !ps[b - 1].entry && !ps[b - 1].hyphen && PlainCapitalised(s, ps[b - 1]) && e - b < 4) --b;
    if (b == e) return false;
    *nb = b;
    *ne = e;
    return true;
  }

  // Title-case lines (headlines) capitalise every word: the larger-name check is off there.
  static bool HeadlineLike(const Sentence& s) {
    int caps = 0, words = 0;
    for (const auto& t : s.tokens) {
      if (t.text.empty() || !IsAlnum(static_cast<unsigned char>(t.text[0]))) {
        if (!Capitalised(t.text)) continue;
      }
      ++words;
      caps += Capitalised(t.text);
    }
    return words >= 3 && caps * 10 >= words * 7;
  }

  void RunSentence(int si) {
    const Sentence& s = doc_->sentences[si];
    if (s.tokens.empty()) return;
    // The pieces were cut, and headlines found, once for the whole document (NoteOtherBearers).
    headline_ = headlines_[si];
    std::vector<Piece> ps = std::move(pieces_[si]);
    // Drop KB readings the context rules out.
    for (size_t k = 0; k < ps.size(); ++k) {
      Piece& p = ps[k];
      if (!p.entry || p.hyphen) continue;
      if (p.entry->kind == KbEntry::kRole) continue;
      const std::string_view surf = text_.substr(p.start, p.end - p.start);
      if (!AmbiguityAllows(surf) || InsideLargerName(s, ps, k) ||
          (p.entry->kind == KbEntry::kSurname && (StopWord(s.tokens[p.tb].text) || OtherBearer(surf)))) {
        p.entry = nullptr;
      }
    }

    const size_t n = ps.size();
    for (size_t q = 0; q < n;) {
      const Piece& p = ps[q];
      if (p.hyphen) {
        for (const auto& part : p.parts) {
          Piece tmp = p;
          tmp.entry = part.entry;
          tmp.hyphen = false;
          Actor a;
          const char* how = "hyphen";
          Mod m;
          if (ModOf(tmp, &m)) {
            a = ModActor(m, "");
          } else if (IsPersonPiece(tmp)) {
            std::string office;
            const char* h = "kb";
            PersonFromEntry(*part.entry, text_.substr(part.start, part.end - part.start), "", &a, &h, &office);
          }
          Emit(si, s, p.tb, p.te, part.start, part.end, a, how);
        }
        ++q;
        continue;
      }
      // Modifiers: countries, demonyms, capitals, seats, organisations, possibly coordinated.
      std::vector<Mod> mods;
      bool compound = false;
      size_t r = q;
      while (r < n) {
        Mod m;
        m.piece = r;
        if (!ModOf(ps[r], &m)) break;
        mods.push_back(m);
        ++r;
        if (ps[r - 1].poss) break;
        if (r + 1 < n && !ps[r].entry && Conjunction(s.tokens[ps[r].tb].text)) {
          Mod m2;
          size_t r2 = r + 1;
          if (r2 < n && !ps[r2].entry && EqualsLower(s.tokens[ps[r2].tb].text, "the")) ++r2;
          if (r2 < n && ModOf(ps[r2], &m2) && ps[r2].entry->kind == ps[r - 1].entry->kind) {
            compound = true;
            r = r2;
            continue;
          }
        }
      }
      // Roles: "Defence Minister", "national security adviser", "Department of Defence spokesperson".
      std::vector<size_t> roles;
      bool blocked = false;
      while (r < n) {
        const KbRole* kr = RoleOf(ps[r]);
        if (!kr) break;
        if (kr->kind == KbRole::kBlock) {
          if (roles.empty()) blocked = true;
          break;
        }
        // Seats inside a role chain ("United States Department of Defence spokesperson").
        roles.push_back(r);
        ++r;
        if (ps[r - 1].poss) break;
      }
      while (roles.empty() && r < n && !mods.empty() && !ps[r - 1].poss) {
        Mod m;
        if (!ModOf(ps[r], &m) || ps[r].entry->kind != KbEntry::kSeat) break;
        mods.push_back(m);
        m.piece = r;
        ++r;
      }
      if (mods.empty() && roles.empty()) {
        if (IsPersonPiece(p)) {
          HandlePerson(si, s, ps, q);
          ++q;
          continue;
        }
        // The surname of someone this document introduced by title ("Kirby noted").
        if (!p.entry && !p.hyphen && !mem_.by_surname.empty() && Capitalised(s.tokens[p.tb].text)) {
          std::string k;
          KnowledgeBase::AppendKey(text_.substr(p.start, p.end - p.start), &k);
          auto it = mem_.by_surname.find(k);
          const bool next_cap = q + 1 < n && ps[q + 1].start == p.end + 1 && PlainCapitalised(s, ps[q + 1]);
          if (it != mem_.by_surname.end() && !next_cap) {
            Emit(si, s, p.tb, p.te, p.start, p.end, it->second.actor, "coref");
            ++q;
            continue;
          }
        }
        ++q;
        continue;
      }
      if (blocked) {  // "Minsk agreements": keep organisations and seats, drop places
        for (const auto& m : mods) {
          if (m.org >= 0) Emit(si, s, ps[m.piece].tb, ps[m.piece].te, ps[m.piece].start, ps[m.piece].end,
                               ModActor(m, ""), m.how);
        }
        q = r;
        continue;
      }
      if (roles.empty()) {
        // "Russia's Putin", "French Emmanuel Macron": a demonym or possessive before a KB person.
        if (r < n && IsPersonPiece(ps[r]) && (ps[r - 1].poss || ps[r - 1].entry->kind == KbEntry::kAdjective) &&
            mods.size() == 1) {
          for (const auto& m : mods)
            Emit(si, s, ps[m.piece].tb, ps[m.piece].te, ps[m.piece].start, ps[m.piece].end, ModActor(m, ""), m.how);
          q = r;
          continue;
        }
        for (const auto& m : mods) {
          const Piece& mp = ps[m.piece];
          const auto kind = mp.entry->kind;
          if (!opt_.emit_places && (kind == KbEntry::kCapital || kind == KbEntry::kPlace)) continue;
          Emit(si, s, mp.tb, mp.te, mp.start, mp.end, ModActor(m, ""), m.how);
        }
        q = r;
        continue;
      }
      // A title chunk.
      const KbRole& head = kb_.roles()[ps[roles.back()].entry->index];
      std::string role = head.role;
      bool role_from_seat = false;
      for (const auto& m : mods) {
        if (!m.role.empty() && role == "GOV" && m.role != "GOV" && head.kind == KbRole::kTitle) {
          role = m.role;
          role_from_seat = true;
        }
      }
      for (size_t k = 0; k + 1 < roles.size(); ++k) {
        const KbRole& rr = kb_.roles()[ps[roles[k]].entry->index];
        if (role == "GOV" && rr.role != "GOV" && rr.role != "-") {
          role = rr.role;
          role_from_seat = true;
        }
      }
      // "President Emmanuel Macron of France", "the President of France": a country after "of".
      size_t name_b = r, name_e = r;
      if (head.kind == KbRole::kTitle || head.kind == KbRole::kCounterpart) name_e = CaptureName(s, ps, r);
      size_t after = name_e;
      int post_country = -1, post_org = -1;
      if (after + 1 < n && !ps[after].entry && s.tokens[ps[after].tb].text == "of") {
        size_t z = after + 1;
        if (z < n && !ps[z].entry && EqualsLower(s.tokens[ps[z].tb].text, "the")) ++z;
        Mod m;
        if (z < n && ModOf(ps[z], &m) && (ps[z].entry->kind == KbEntry::kCountry || ps[z].entry->kind == KbEntry::kOrg)) {
          post_country = m.country;
          post_org = m.org;
          after = z + 1;
        }
      }
      const uint32_t chunk_end = ps[after - 1].end;
      const int chunk_te = ps[after - 1].te;
      // Holders: each coordinated modifier is its own actor.
      struct Holder {
        int country = -1, org = -1;
        size_t piece;
      };
      std::vector<Holder> holders;
      if (compound) {
        for (const auto& m : mods) holders.push_back({m.country, m.org, m.piece});
      } else {
        Holder h{-1, -1, mods.empty() ? roles.front() : mods.front().piece};
        for (const auto& m : mods) {
          if (m.org >= 0 && h.org < 0) h.org = m.org;
          if (m.country >= 0 && h.country < 0) h.country = m.country;
        }
        if (post_country >= 0) h.country = post_country;
        if (post_org >= 0) h.org = post_org;
        holders.push_back(h);
      }
      KbRole title = head;
      if (compound && title.plural) title.plural = false;  // "the American and French Presidents"
      for (size_t hi = 0; hi < holders.size(); ++hi) {
        const Holder& h = holders[hi];
        const bool last = hi + 1 == holders.size();
        const uint32_t ms = ps[h.piece].start;
        const uint32_t me = compound && !last ? ps[h.piece].end : chunk_end;
        const int mtb = ps[h.piece].tb;
        const int mte = compound && !last ? ps[h.piece].te : chunk_te;
        const std::string country = h.country >= 0 && !kb_.countries()[h.country].region
                                        ? kb_.countries()[h.country].code
                                        : "";
        const std::string org_code = h.org >= 0 ? kb_.orgs()[h.org].code : "";
        Actor a;
        const char* how = "title";
        if (name_e > name_b && !compound) {
          std::string office = title.office == "counterpart" ? mem_.last_office : title.office;
          ResolveName(s, ps, name_b, name_e, country, role, office, org_code, &a, &how);
          if (a.country.empty() && h.country >= 0 && !kb_.countries()[h.country].region) {
            a.country = country;
            if (a.code.empty() || a.code == a.role) a.code = country + a.role;
          }
        } else {
          size_t ab = 0, ae = 0;
          a = ResolveTitleOnly(h.country, h.org, title, role, role_from_seat, &how);
          if (compound) how = "compound";
          if (!a.empty() && !compound && hi == 0 && AppositionName(s, ps, q, &ab, &ae)) {
            // "Olaf Scholz, the German chancellor": the name is this actor.
            const uint32_t nb = ps[ab].start, ne = ps[ae - 1].end;
            std::string name(text_.substr(nb, ne - nb));
            if (a.id.rfind("person:", 0) != 0) {
              a = TextPerson(name, a.country, role, org_code);
              Remember(a, title.office, Surname(name));
            }
            Emit(si, s, ps[ab].tb, ps[ae - 1].te, nb, ne, a, "apposition");
            how = "apposition";
          }
        }
        Emit(si, s, mtb, mte, ms, me, a, how);
      }
      q = after;
    }
  }

  // A KB person named alone ("Macron", "Emmanuel Macron"), maybe followed by a body ("Biden administration").
  void HandlePerson(int si, const Sentence& s, const std::vector<Piece>& ps, size_t q) {
    const Piece& p = ps[q];
    Actor a;
    const char* how = "kb";
    std::string office;
    if (!PersonFromEntry(*p.entry, text_.substr(p.start, p.end - p.start), "", &a, &how, &office)) return;
    if (how != std::string("coref")) Remember(a, office, Surname(a.name));
    if (q + 1 < ps.size()) {
      const KbRole* r = RoleOf(ps[q + 1]);
      if (r && r->kind == KbRole::kBody && !a.country.empty()) {
        const int ci = kb_.CountryIndex(a.country);
        Emit(si, s, p.tb, ps[q + 1].te, p.start, ps[q + 1].end, CountryActor(ci, r->role), "role");
        return;
      }
    }
    Emit(si, s, p.tb, p.te, p.start, p.end, a, how);
  }

  const KnowledgeBase& kb_;
  const ActorOptions& opt_;
  Document* doc_;
  std::string_view text_;
  Memory mem_;
  bool headline_ = false;
};

}  // namespace

ActorAnnotator::ActorAnnotator(std::shared_ptr<const KnowledgeBase> kb, ActorOptions options)
    : kb_(std::move(kb)), options_(std::move(options)) {}

Status ActorAnnotator::Annotate(Document* doc) const {
  if (doc->text.size() >= (size_t{1} << 32)) return Status::InvalidArgument("document text of 4 GiB or more");
  if (doc->sentences.empty() && !doc->text.empty()) doc->sentences = SimpleSegment(doc->text);
  doc->actors.clear();
  Resolver r(*kb_, options_, doc);
  r.Run();
  return Status::OK();
}

StatusOr<std::unique_ptr<Annotator>> MakeActorAnnotator(const ActorOptions& options) {
  ASSIGN_OR_RETURN(std::unique_ptr<KnowledgeBase> kb, KnowledgeBase::Load(options.kb));
  std::shared_ptr<const KnowledgeBase> shared(std::move(kb));
  return std::unique_ptr<Annotator>(new ActorAnnotator(std::move(shared), options));
}

}  // namespace dateline
