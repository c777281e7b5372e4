#include "text/tokenizer.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "text/utf8.h"

namespace dateline {
namespace {

// Abbreviations that take a period in news copy. Kept sorted for binary search.
// Titles, months, "No." and friends are also listed in kNonFinal: they precede a name or a number.
constexpr std::string_view kAbbreviations[] = {
    "Adm",    "Ala",   "Amb",  "Apr",  "Ariz", "Ark",  "Art",  "Assn", "Atty", "Aug",  "Ave", "Blvd", "Brig",
    "Bros",   "Calif", "Capt", "Cmdr", "Co",   "Col",  "Colo", "Conn", "Corp", "Cpl",  "Dec", "Dept", "Det",
    "Dr",     "Feb",   "Fig",  "Fla",  "Fr",   "Ft",   "Ga",   "Gen",  "Gens", "Gov",  "Hon", "Ill",  "Inc",
    "Insp",   "Jan",   "Jr",   "Jul",  "Jun",  "Kan",  "Ky",   "Lt",   "Ltd",  "Maj",  "Mar", "Mass", "Md",
    "Messrs", "Mich",  "Minn", "Mo",   "Mr",   "Mrs",  "Ms",   "Mt",   "Neb",  "Nev",  "No",  "Nos",  "Nov",
    "Oct",    "Okla",  "Ore",  "Pa",   "Penn", "Pres", "Prof", "Pvt",  "Rep",  "Reps", "Rev", "Sen",  "Sens",
    "Sep",    "Sept",  "Sgt",  "Sr",   "St",   "Supt", "Tenn", "Tex",  "Univ", "Va",   "Vol", "Wis",  "al",
    "approx", "cf",    "est",  "etc",  "no",   "pp",   "vs",
};

constexpr std::string_view kNonFinal[] = {
    "Adm",  "Amb",  "Apr", "Art",  "Atty", "Aug",  "Brig", "Capt",   "Cmdr", "Col",  "Cpl",
    "Dec",  "Det",  "Dr",  "Feb",  "Fig",  "Fr",   "Ft",   "Gen",    "Gens", "Gov",  "Hon",
    "Insp", "Jan",  "Jul", "Jun",  "Lt",   "Maj",  "Mar",  "Messrs", "Mr",   "Mrs",  "Ms",
    "Mt",   "No",   "Nos", "Nov",  "Oct",  "Pres", "Prof", "Pvt",    "Rep",  "Reps", "Rev",
    "Sen",  "Sens", "Sep", "Sept", "Sgt",  "St",   "Supt", "Vol",    "no",   "pp",   "vs",
};

// Abbreviations that take their period only before a number ("No. 5", "Art. 2").
bool NeedsNumberAfter(std::string_view w) {
  return w == "No" || w == "no" || w == "Nos" || w == "Art" || w == "Fig" || w == "Vol" || w == "pp";
}

template <size_t N>
bool Contains(std::string_view w, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) { return IsAsciiAlnum(c) || c == '_'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Letters, digits and anything else that is part of a word.
bool IsWordCp(char32_t cp) {
  const CharClass c = ClassOf(cp);
  return c == CharClass::kLetter || c == CharClass::kDigit;
}

// "U.S", "e.g", "a.m", "Ph.D": letter groups of one or two joined by periods.
bool IsDottedInitials(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0 || run > 2) return false;
      run = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++run;
    } else {
      return false;
    }
  }
  return run >= 1 && run <= 2;
}

bool NextNonSpaceIsDigit(std::string_view text, uint32_t pos, uint32_t end) {
  while (pos < end && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos < end && IsAsciiDigit(text[pos]);
}

class TokenizerImpl {
 public:
  TokenizerImpl(std::string_view text, uint32_t end, const TokenizerOptions& options,
                std::vector<TokenSpan>* out)
      : text_(text), end_(end), options_(options), out_(out) {}

  void Run(uint32_t pos) {
    while (pos < end_) {
      char32_t cp;
      const uint32_t n = Decode(pos, &cp);
      if (ClassOf(cp) == CharClass::kSpace) {
        pos += n;
        continue;
      }
      uint32_t e = pos + n;
      while (e < end_) {
        const unsigned char b = static_cast<unsigned char>(text_[e]);
        if (b > 0x20 && b < 0x7F) {  // ASCII fast path: printable, not a space
          ++e;
          continue;
        }
        char32_t c2;
        const uint32_t n2 = Decode(e, &c2);
        if (ClassOf(c2) == CharClass::kSpace) break;
        e += n2;
      }
      Chunk(pos, e);
      pos = e;
    }
  }

 private:
  uint32_t Decode(uint32_t pos, char32_t* cp) const {
    return static_cast<uint32_t>(DecodeUtf8(text_.substr(0, end_), pos, cp));
  }
  char32_t CpAt(uint32_t pos, uint32_t limit) const {
    if (pos >= limit) return 0;
    char32_t cp;
    Decode(pos, &cp);
    return cp;
  }
  void Emit(uint32_t s, uint32_t e, TokenKind k) { out_->push_back({s, e, k}); }

  // Trailing characters that end a URL or e-mail address rather than belong to it.
  uint32_t TrimTrailing(uint32_t s, uint32_t e) const {
    while (e > s) {
      const char c = text_[e - 1];
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '"' ||
          c == ']' || c == '}' || c == '>') {
        --e;
      } else if (c == ')') {
        const std::string_view u = text_.substr(s, e - s);
        if (std::count(u.begin(), u.end(), '(') >= std::count(u.begin(), u.end(), ')')) break;
        --e;
      } else if (e - s >= 3 && static_cast<unsigned char>(c) >= 0x80) {
        // Closing curly quotes (U+2019, U+201D) are three bytes: E2 80 99 / E2 80 9D.
        if (text_.substr(e - 3, 3) == "\xE2\x80\x99" || text_.substr(e - 3, 3) == "\xE2\x80\x9D") {
          e -= 3;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return e;
  }

  // One whitespace-free chunk [s, e).
  void Chunk(uint32_t s, uint32_t e) {
    // E-mail addresses: the chunk has an '@' with word characters before and a '.' after it.
    const std::string_view chunk = text_.substr(s, e - s);
    const size_t at = chunk.find('@');
    if (at != std::string_view::npos && at > 0 && IsWordChar(chunk[at - 1]) &&
        chunk.find('.', at) != std::string_view::npos && at + 1 < chunk.size() && IsWordChar(chunk[at + 1])) {
      uint32_t es = s + static_cast<uint32_t>(at);
      while (es > s && (IsWordChar(text_[es - 1]) || text_[es - 1] == '.' || text_[es - 1] == '-' ||
                        text_[es - 1] == '+'))
        --es;
      while (es < s + at && text_[es] == '.') ++es;
      const uint32_t ee = TrimTrailing(es, e);
      if (ee > s + at + 1 && es < s + at) {
        Pieces(s, es);
        Emit(es, ee, TokenKind::kEmail);
        Pieces(ee, e);
        return;
      }
    }
    Pieces(s, e);
  }

  // Tokenizes [s, e) left to right.
  void Pieces(uint32_t s, uint32_t e) {
    while (s < e) s = Next(s, e);
  }

  // Emits the token(s) starting at s and returns where the next one starts.
  uint32_t Next(uint32_t s, uint32_t e) {
    const std::string_view rest = text_.substr(s, e - s);
    // URLs.
    if (StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") ||
        StartsWithNoCase(rest, "ftp://") || (StartsWithNoCase(rest, "www.") && rest.size() > 5)) {
      const uint32_t ue = TrimTrailing(s, e);
      if (ue > s + 4) {
        Emit(s, ue, TokenKind::kUrl);
        return ue;
      }
    }
    char32_t cp;
    const uint32_t n = Decode(s, &cp);
    const CharClass cls = ClassOf(cp);
    if (cls == CharClass::kLetter || cls == CharClass::kDigit) return Word(s, e);
    // Handles and hashtags.
    if ((cp == '@' || cp == '#') && s + 1 < e && IsWordChar(text_[s + 1])) {
      uint32_t he = s + 1;
      while (he < e && IsWordChar(text_[he])) ++he;
      Emit(s, he, TokenKind::kHandle);
      return he;
    }
    // Ellipses and dash pairs.
    if (cp == '.' && s + 1 < e && text_[s + 1] == '.') {
      uint32_t de = s;
      while (de < e && text_[de] == '.') ++de;
      Emit(s, de, TokenKind::kEllipsis);
      return de;
    }
    if (cp == 0x2026) {
      Emit(s, s + n, TokenKind::kEllipsis);
      return s + n;
    }
    if (cp == '-' && s + 1 < e && text_[s + 1] == '-') {
      uint32_t de = s;
      while (de < e && text_[de] == '-') ++de;
      Emit(s, de, TokenKind::kPunct);
      return de;
    }
    // Runs of one decoration character ("***", "____", "===", "~~").
    if (cp == '*' || cp == '_' || cp == '=' || cp == '~' || cp == '#' || cp == '+' || cp == '^') {
      uint32_t de = s;
      while (de < e && text_[de] == static_cast<char>(cp)) ++de;
      if (de - s >= 2) {
        Emit(s, de, cls == CharClass::kPunct ? TokenKind::kPunct : TokenKind::kSymbol);
        return de;
      }
    }
    // Runs of ? and ! ("?!", "!!!").
    if (cp == '?' || cp == '!') {
      uint32_t de = s;
      while (de < e && (text_[de] == '?' || text_[de] == '!')) ++de;
      Emit(s, de, TokenKind::kPunct);
      return de;
    }
    // A clitic standing alone ("'s" after a space) is a word.
    if (IsApostrophe(cp)) {
      if (const uint32_t ce = CliticRestEnd(s + n, e); ce != 0) {
        Emit(s, ce, TokenKind::kWord);
        return ce;
      }
    }
    Emit(s, s + n, cls == CharClass::kPunct ? TokenKind::kPunct : TokenKind::kSymbol);
    return s + n;
  }

  // If [p, e) begins with the rest of a clitic after its apostrophe (s, m, d, re, ve, ll) followed by a
  // non-letter, returns the clitic's end, else 0.
  uint32_t CliticRestEnd(uint32_t p, uint32_t e) const {
    static constexpr std::string_view kRests[] = {"ll", "re", "ve", "s", "m", "d"};
    for (std::string_view r : kRests) {
      if (p + r.size() > e) continue;
      bool match = true;
      for (size_t i = 0; i < r.size(); ++i) {
        char c = text_[p + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != r[i]) match = false;
      }
      if (!match) continue;
      const uint32_t after = p + static_cast<uint32_t>(r.size());
      if (after < e && IsWordCp(CpAt(after, e))) continue;
      return after;
    }
    return 0;
  }

  // A word or number starting at s: letters/digits with inner joiners.
  uint32_t Word(uint32_t s, uint32_t e) {
    const bool starts_digit = ClassOf(CpAt(s, e)) == CharClass::kDigit;
    uint32_t p = s;
    uint32_t last_cp_start = s;
    // Position where the current all-digit run began, to recognise number ranges and ISO dates.
    while (p < e) {
      if (IsAsciiAlnum(text_[p])) {  // ASCII fast path
        last_cp_start = p++;
        continue;
      }
      char32_t cp;
      const uint32_t n = Decode(p, &cp);
      if (IsWordCp(cp)) {
        last_cp_start = p;
        p += n;
        continue;
      }
      const char32_t next = CpAt(p + n, e);
      const bool next_word = next != 0 && IsWordCp(next);
      if (!next_word || p == s) break;
      const char32_t prev = CpAt(last_cp_start, e);
      const bool prev_digit = ClassOf(prev) == CharClass::kDigit;
      const bool next_digit = ClassOf(next) == CharClass::kDigit;
      bool join = false;
      if (IsHyphen(cp) || cp == 0x2013) {
        if (prev_digit && next_digit) {
          join = IsIsoDateAt(s, e) && (p == s + 4 || p == s + 7);  // 2022-02-04, but 14-15 splits
        } else {
          join = !options_.split_hyphens;
        }
      } else if (cp == '.') {
        // "U.S", "5.5", "Amazon.com" stay together; "end.The" (a missing space) splits.
        join = !(IsUpperLetter(next) && LowerRunBefore(s, p) >= 2);
      } else if (cp == ',' || cp == ':') {
        join = prev_digit && next_digit;
      } else if (cp == '/') {
        join = prev_digit || next_digit;  // 24/7, 3/11/2027 stay; and/or, Aug/Sept split as in EWT
      } else if (IsApostrophe(cp)) {
        join = ClassOf(prev) == CharClass::kLetter && ClassOf(next) == CharClass::kLetter;
      } else if (cp == '&') {
        join = IsUpperLetter(prev) && IsUpperLetter(next);
      } else if (cp == '_') {
        join = true;
      }
      if (!join) break;
      p += n;
    }
    uint32_t we = p;
    TokenKind kind = starts_digit ? TokenKind::kNumber : TokenKind::kWord;
    // A period that belongs to the word: abbreviations, initials, "U.S.".
    if (we < e && text_[we] == '.' && !(we + 1 < e && text_[we + 1] == '.') && !starts_digit) {
      const std::string_view w = text_.substr(s, we - s);
      bool attach = false;
      if (IsDottedInitials(w)) {
        attach = true;
      } else if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z' && w[0] != 'I') {
        attach = true;
      } else if (IsKnownAbbreviation(w)) {
        attach = !NeedsNumberAfter(w) || NextNonSpaceIsDigit(text_, we + 1, end_);
      }
      if (attach) {
        Emit(s, we + 1, TokenKind::kAbbrev);
        return we + 1;
      }
    }
    EmitWord(s, we, kind);
    return we;
  }

  // Emits [s, e) splitting a final clitic ("do" + "n't", "Russia" + "’s") and, when asked, hyphens.
  void EmitWord(uint32_t s, uint32_t e, TokenKind kind) {
    uint32_t split = e;
    // n't / n’t
    const char last = text_[e - 1];
    for (std::string_view nt : {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
      if (last != 't' && last != 'T') break;
      if (e - s > nt.size()) {
        std::string_view tail = text_.substr(e - nt.size(), nt.size());
        std::string lower(tail);
        for (char& c : lower)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (lower == nt) split = e - static_cast<uint32_t>(nt.size());
      }
    }
    // "cannot" → "can" + "not" (EWT).
    if (split == e && e - s == 6) {
      std::string lower(text_.substr(s, 6));
      for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (lower == "cannot") split = s + 3;
    }
    if (split == e) {
      // 's 're 've 'll 'd 'm: find the last apostrophe and check what follows it.
      for (uint32_t p = e; p > s;) {
        --p;
        const unsigned char c = static_cast<unsigned char>(text_[p]);
        uint32_t alen = 0;
        if (c == '\'') alen = 1;
        if (c == 0xE2 && p + 3 <= e && text_.substr(p, 3) == "\xE2\x80\x99") alen = 3;
        if (alen != 0) {
          if (p > s && CliticRestEnd(p + alen, e) == e) split = p;
          break;
        }
      }
    }
    EmitParts(s, split, kind);
    if (split < e) Emit(split, e, TokenKind::kWord);
  }

  void EmitParts(uint32_t s, uint32_t e, TokenKind kind) {
    if (!options_.split_hyphens || kind == TokenKind::kNumber) {
      Emit(s, e, kind);
      return;
    }
    uint32_t start = s;
    for (uint32_t p = s; p < e; ++p) {
      if (text_[p] == '-' && p > s && p + 1 < e) {
        if (p > start) Emit(start, p, TokenKind::kWord);
        Emit(p, p + 1, TokenKind::kPunct);
        start = p + 1;
      }
    }
    if (start < e) Emit(start, e, kind);
  }

  // Lower-case letters immediately before p (ASCII), counted back to s.
  uint32_t LowerRunBefore(uint32_t s, uint32_t p) const {
    uint32_t n = 0;
    while (p > s && text_[p - 1] >= 'a' && text_[p - 1] <= 'z') --p, ++n;
    return n;
  }

  // YYYY-MM-DD at s.
  bool IsIsoDateAt(uint32_t s, uint32_t e) const {
    if (e - s < 10) return false;
    const std::string_view d = text_.substr(s, 10);
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (!IsAsciiDigit(d[i])) return false;
    if (d[4] != '-' || d[7] != '-') return false;
    return e - s == 10 || !IsWordCp(CpAt(s + 10, e));
  }

  std::string_view text_;
  uint32_t end_;
  const TokenizerOptions& options_;
  std::vector<TokenSpan>* out_;
};

}  // namespace

bool IsKnownAbbreviation(std::string_view word) { return Contains(word, kAbbreviations); }

bool IsNonFinalAbbreviation(std::string_view token) {
  if (token.empty() || token.back() != '.') return false;
  token.remove_suffix(1);
  if (token.size() == 1 && token[0] >= 'A' && token[0] <= 'Z') return true;
  return Contains(token, kNonFinal);
}

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, const TokenizerOptions& options,
              std::vector<TokenSpan>* out) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  if (begin >= end) return;
  TokenizerImpl(text, end, options, out).Run(begin);
}

}  // namespace dateline
