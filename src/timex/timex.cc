#include "timex/timex.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

namespace dateline {
namespace {

// ---------------------------------------------------------------------------------------------------
// Lexicon

enum Unit : int8_t {
  kNoUnit = 0, kSecond, kMinute, kHour, kDay, kWeek, kWeekend, kMonthU, kQuarter, kYear, kDecade, kCentury,
  kFortnight
};
enum Deictic : int8_t { kNoDeictic = 0, kToday, kYesterday, kTomorrow, kTonight, kNow, kCurrently, kRecently,
                        kNowadays };
enum Cue : int8_t { kNoCue = 0, kFuture, kPast, kPresent, kFutureIfTo };

struct Lex {
  int8_t month = 0;          // 1..12
  int8_t weekday = 0;        // 1..7, ISO (Monday = 1)
  bool plural = false;       // "Mondays", "days"
  int8_t unit = kNoUnit;
  int num = -1;              // cardinal number word ("twenty" → 20)
  int ordinal = 0;           // "third" → 3
  int8_t season = 0;         // 1 SP, 2 SU, 3 FA, 4 WI
  int8_t daypart = 0;        // 1 MO, 2 AF, 3 EV, 4 NI
  int8_t deictic = kNoDeictic;
  char rel = 0;              // 'L' last/previous/past, 'N' next/coming/following, 'T' this/current
  char mod = 0;              // 'S' early, 'M' mid, 'E' late
  int8_t cue = kNoCue;
  int8_t set_unit = kNoUnit;  // daily → kDay
  bool vague = false;        // several, few, many, some
  bool ambiguous_month = false;  // may, march (verbs and nouns too)
  bool abbrev = false;       // "Feb", "Sept": takes an optional '.'
  bool prep = false;         // a word that commonly governs a date: on, in, since, until, by, …
  bool tz = false;           // EST, GMT, …
};

using Lexicon = std::unordered_map<std::string_view, Lex>;

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = [] {
    auto* m = new Lexicon();
    auto& L = *m;
    static const char* kMonths[12][3] = {
        {"january", "jan", nullptr}, {"february", "feb", nullptr}, {"march", "mar", nullptr},
        {"april", "apr", nullptr},   {"may", nullptr, nullptr},    {"june", "jun", nullptr},
        {"july", "jul", nullptr},    {"august", "aug", nullptr},   {"september", "sep", "sept"},
        {"october", "oct", nullptr}, {"november", "nov", nullptr}, {"december", "dec", nullptr}};
    for (int i = 0; i < 12; ++i) {
      for (int k = 0; k < 3; ++k) {
        if (!kMonths[i][k]) continue;
        Lex& x = L[kMonths[i][k]];
        x.month = static_cast<int8_t>(i + 1);
        x.abbrev = k > 0;
      }
    }
    L["may"].ambiguous_month = true;
    L["march"].ambiguous_month = true;
    L["mar"].ambiguous_month = true;
    L["jan"].ambiguous_month = true;
    L["jun"].ambiguous_month = true;
    L["sep"].ambiguous_month = true;
    L["dec"].ambiguous_month = true;
    L["oct"].ambiguous_month = true;
    L["aug"].ambiguous_month = true;
    static const char* kDays[7][4] = {{"monday", "mondays", "mon", nullptr},
                                      {"tuesday", "tuesdays", "tue", "tues"},
                                      {"wednesday", "wednesdays", "wed", nullptr},
                                      {"thursday", "thursdays", "thu", "thurs"},
                                      {"friday", "fridays", "fri", nullptr},
                                      {"saturday", "saturdays", "sat", nullptr},
                                      {"sunday", "sundays", "sun", nullptr}};
    for (int i = 0; i < 7; ++i) {
      for (int k = 0; k < 4; ++k) {
        if (!kDays[i][k]) continue;
        Lex& x = L[kDays[i][k]];
        x.weekday = static_cast<int8_t>(i + 1);
        x.plural = k == 1;
        x.abbrev = k >= 2;
      }
    }
    struct U { const char* s; const char* p; Unit u; };
    static const U kUnits[] = {{"second", "seconds", kSecond}, {"minute", "minutes", kMinute},
                               {"hour", "hours", kHour},       {"day", "days", kDay},
                               {"week", "weeks", kWeek},       {"weekend", "weekends", kWeekend},
                               {"month", "months", kMonthU},   {"quarter", "quarters", kQuarter},
                               {"year", "years", kYear},       {"decade", "decades", kDecade},
                               {"century", "centuries", kCentury}, {"fortnight", "fortnights", kFortnight}};
    for (const U& u : kUnits) {
      L[u.s].unit = u.u;
      L[u.p].unit = u.u;
      L[u.p].plural = true;
    }
    static const char* kOnes[] = {"zero", "one", "two",   "three", "four",  "five",     "six",
                                  "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                  "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    for (int i = 0; i < 20; ++i) L[kOnes[i]].num = i;
    static const char* kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) L[kTens[i]].num = 20 + 10 * i;
    L["hundred"].num = 100;
    L["dozen"].num = 12;
    static const char* kOrd[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                 "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                                 "twentieth"};
    for (int i = 0; i < 20; ++i) L[kOrd[i]].ordinal = i + 1;
    L["thirtieth"].ordinal = 30;
    L["last"].ordinal = -1;  // "the last quarter" is handled by rel, ordinal -1 marks "last" in lists
    L["spring"].season = 1;
    L["summer"].season = 2;
    L["fall"].season = 3;
    L["autumn"].season = 3;
    L["winter"].season = 4;
    L["springs"].season = 1;
    L["summers"].season = 2;
    L["winters"].season = 4;
    L["summers"].plural = L["springs"].plural = L["winters"].plural = true;
    L["morning"].daypart = 1;
    L["afternoon"].daypart = 2;
    L["evening"].daypart = 3;
    L["night"].daypart = 4;
    L["today"].deictic = kToday;
    L["yesterday"].deictic = kYesterday;
    L["tomorrow"].deictic = kTomorrow;
    L["tonight"].deictic = kTonight;
    L["now"].deictic = kNow;
    L["currently"].deictic = kCurrently;
    L["recently"].deictic = kRecently;
    L["nowadays"].deictic = kNowadays;
    for (const char* w : {"last", "previous", "past", "preceding"}) L[w].rel = 'L';
    for (const char* w : {"next", "coming", "following", "upcoming"}) L[w].rel = 'N';
    for (const char* w : {"this", "current", "present"}) L[w].rel = 'T';
    L["early"].mod = 'S';
    L["mid"].mod = 'M';
    L["late"].mod = 'E';
    L["daily"].set_unit = kDay;
    L["nightly"].set_unit = kDay;
    L["weekly"].set_unit = kWeek;
    L["monthly"].set_unit = kMonthU;
    L["annually"].set_unit = kYear;
    L["yearly"].set_unit = kYear;
    L["hourly"].set_unit = kHour;
    for (const char* w : {"several", "few", "many", "some", "couple"}) L[w].vague = true;
    for (const char* w : {"on", "in", "since", "until", "till", "by", "from", "before", "after", "during",
                          "through", "of", "to", "between", "and", "or", "at", "for", "early", "late", "mid",
                          "last", "next", "this", "that", "each", "every", "around", "about", "until"}) {
      L[w].prep = true;
    }
    for (const char* w : {"est", "edt", "gmt", "utc", "cst", "cdt", "pst", "pdt", "mst", "mdt", "et", "pt",
                          "bst", "cet", "msk"}) {
      L[w].tz = true;
    }
    // Tense cues (used only when the document carries no part-of-speech tags for the word).
    for (const char* w : {"will", "shall", "ll", "wo", "would", "tomorrow", "upcoming", "payable"}) L[w].cue = kFuture;
    for (const char* w : {"was", "were", "had", "did", "said", "told", "met", "held", "spoke", "went", "came",
                          "took", "made", "gave", "saw", "found", "left", "began", "became", "won", "lost", "sent",
                          "fell", "rose", "paid", "sold", "bought", "brought", "thought", "got", "led", "ran",
                          "wrote", "flew", "has", "have", "ago", "yesterday", "struck", "spent", "knew", "told",
                          "chose", "drove", "grew", "hung", "kept", "meant", "shot", "stood", "swore", "taught",
                          "threw", "understood", "withdrew", "wore", "broke", "spoke", "sought", "fought",
                          "forgot", "froze", "hid", "rode", "sang", "sank", "slid", "stole", "stuck", "swept",
                          "tore", "woke", "dealt", "felt", "heard", "built", "lent", "bent", "overtook", "seen",
                          "taken", "given", "known", "shown", "grown", "done", "written", "begun", "risen", "fallen",
                          "chosen", "driven", "broken", "spoken", "stolen", "frozen", "beaten", "forgotten"}) {
      L[w].cue = kPast;
    }
    // Present tense and modals that are not past ("could open in the autumn"): no direction, but the
    // nearest verb.
    for (const char* w : {"is", "are", "am", "says", "say", "could", "might", "should", "can", "must"}) {
      L[w].cue = kPresent;
    }
    for (const char* w : {"set", "expected", "scheduled", "due", "planned", "plans", "plan", "planning", "going",
                          "slated", "poised", "intends", "intend", "aims", "hopes", "wants", "ready", "expects",
                          "expect"}) {
      L[w].cue = kFutureIfTo;
    }
    return m;
  }();
  return *lexicon;
}

// ---------------------------------------------------------------------------------------------------
// Tokens

enum Kind : uint8_t { kWordTok, kNumTok, kPunctTok };

struct Tok {
  uint32_t start = 0, end = 0;
  Kind kind = kPunctTok;
  char ch = 0;          // punctuation, normalised: dashes → '-', curly quotes → '\'' or '"'
  bool sp = true;       // whitespace before
  bool nl = false;      // line break before
  bool para = false;    // blank line (or indented line) before: a new paragraph
  bool cap = false;     // first letter uppercase
  bool upper = false;   // every letter uppercase
  int nd = 0;           // digits in a number token
  int64_t num = 0;      // value of a number token (saturated)
  const Lex* lex = nullptr;
  std::string_view w;   // lowercase word, digits, or the punctuation bytes
  int8_t cue = kNoCue;
  int sent = 0;         // sentence number (own segmentation or the Document's)
};

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

bool EndsWithEd(std::string_view w) {
  if (w.size() < 5 || w[w.size() - 1] != 'd' || w[w.size() - 2] != 'e') return false;
  if (w[w.size() - 3] == 'e') return w == "agreed" || w == "freed";
  static const char* kNot[] = {"hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged",
                               "beloved", "united", "limited", "related", "alleged", "advanced", "detailed",
                               "armed", "based", "concerned", "interested", "supposed", "used"};
  for (const char* s : kNot) {
    if (w == s) return false;
  }
  return true;
}

// Cuts text into words, numbers and punctuation; lower must be the ASCII-lowercased text.
void Scan(std::string_view text, std::string_view lower, std::vector<Tok>* toks) {
  const Lexicon& lex = GetLexicon();
  const size_t n = text.size();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  bool sp = true, nl = true, para = true;
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (IsSpace(c)) {
      sp = true;
      if (c == '\n') {
        if (nl) para = true;
        nl = true;
      } else if (nl && (c == ' ' || c == '\t')) {
        para = true;  // an indented line starts a paragraph in wire copy
      }
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {  // no-break space
      sp = true;
      i += 2;
      continue;
    }
    Tok t;
    t.start = static_cast<uint32_t>(i);
    t.sp = sp;
    t.nl = nl;
    t.para = para;
    sp = nl = para = false;
    if (IsAlpha(c)) {
      size_t j = i;
      bool upper = true;
      while (j < n && IsAlpha(s[j])) {
        if (s[j] >= 'a') upper = false;
        ++j;
      }
      t.kind = kWordTok;
      t.cap = c < 'a';
      t.upper = upper;
      t.end = static_cast<uint32_t>(j);
      t.w = lower.substr(i, j - i);
      auto it = lex.find(t.w);
      if (it != lex.end()) {
        t.lex = &it->second;
        t.cue = it->second.cue;
      } else if (EndsWithEd(t.w) && (!t.cap || t.upper)) {
        t.cue = kPast;
      }
      i = j;
    } else if (IsDigit(c)) {
      size_t j = i;
      int64_t v = 0;
      while (j < n && IsDigit(s[j])) {
        if (v < 1000000000) v = v * 10 + (s[j] - '0');
        ++j;
      }
      t.kind = kNumTok;
      t.nd = static_cast<int>(j - i);
      t.num = v;
      t.end = static_cast<uint32_t>(j);
      t.w = lower.substr(i, j - i);
      i = j;
    } else {
      size_t len = 1;
      char ch = static_cast<char>(c);
      if (c >= 0x80) {
        len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > n) len = n - i;
        for (size_t k = 1; k < len; ++k) {
          if ((s[i + k] & 0xC0) != 0x80) {
            len = k;
            break;
          }
        }
        ch = '?';
        if (len == 3 && s[i] == 0xE2 && s[i + 1] == 0x80) {
          unsigned char d = s[i + 2];
          if (d >= 0x90 && d <= 0x95) ch = '-';
          else if (d == 0x98 || d == 0x99) ch = '\'';
          else if (d == 0x9C || d == 0x9D) ch = '"';
        }
      }
      t.kind = kPunctTok;
      t.ch = ch;
      t.end = static_cast<uint32_t>(i + len);
      t.w = lower.substr(i, len);
      i += len;
    }
    toks->push_back(t);
  }
}

// Own sentence numbering for tense lookups when the document is not segmented.
void NumberSentences(std::vector<Tok>* toks) {
  int sent = 0;
  for (size_t i = 0; i < toks->size(); ++i) {
    Tok& t = (*toks)[i];
    if (i > 0) {
      const Tok& p = (*toks)[i - 1];
      bool boundary = false;
      if (t.nl && (t.para || (p.kind == kPunctTok && (p.ch == '.' || p.ch == '!' || p.ch == '?' ||
                                                      p.ch == ':' || p.ch == '"')) ||
                   (p.kind == kWordTok && t.cap && p.upper && p.w.size() > 1))) {
        // A line break ends a sentence after sentence punctuation, before a new paragraph, or after a
        // heading in capitals; a line merely wrapped inside a sentence does not.
        boundary = true;
      } else if (p.kind == kPunctTok && (p.ch == '.' || p.ch == '!' || p.ch == '?') && t.sp && t.cap) {
        // "Feb. 8", "Mr. Biden", "U.S. officials": an abbreviation before the dot is no boundary.
        const Tok* q = i >= 2 ? &(*toks)[i - 2] : nullptr;
        boundary = !(q && q->kind == kWordTok && !p.sp &&
                     (q->w.size() == 1 || (q->lex && q->lex->abbrev) || q->w == "mr" || q->w == "mrs" ||
                      q->w == "ms" || q->w == "dr" || q->w == "st" || q->w == "gen" || q->w == "sen" ||
                      q->w == "rep" || q->w == "gov" || q->w == "col" || q->w == "lt" || q->w == "no" ||
                      q->w == "vs"));
      }
      if (boundary) ++sent;
    }
    t.sent = sent;
  }
}

// ---------------------------------------------------------------------------------------------------
// Values

std::string Fmt(const char* f, int a) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}
std::string Fmt(const char* f, int a, int b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}

Date AddMonths(const Date& d, int n) {
  int m = d.year * 12 + (d.month - 1) + n;
  return Date::Month(m / 12, m % 12 + 1);
}

const char* kSeasonCode[] = {"", "SP", "SU", "FA", "WI"};
const char* kPartCode[] = {"", "MO", "AF", "EV", "NI"};

std::string DurationValue(int n, int unit) {
  std::string num = n < 0 ? "X" : std::to_string(n);
  switch (unit) {
    case kSecond: return "PT" + num + "S";
    case kMinute: return "PT" + num + "M";
    case kHour: return "PT" + num + "H";
    case kDay: return "P" + num + "D";
    case kWeek: return "P" + num + "W";
    case kWeekend: return n < 0 ? "PXD" : "P" + std::to_string(2 * n) + "D";
    case kMonthU: return "P" + num + "M";
    case kQuarter: return n < 0 ? "PXQ" : "P" + num + "Q";  // TimeBank writes quarters as Q: "P2Q"
    case kYear: return "P" + num + "Y";
    case kDecade: return n < 0 ? "PXY" : "P" + std::to_string(10 * n) + "Y";
    case kCentury: return n < 0 ? "PXC" : "P" + std::to_string(100 * n) + "Y";
    case kFortnight: return n < 0 ? "PXW" : "P" + std::to_string(2 * n) + "W";
    default: return "PX";
  }
}

// n and a half units, as TimeML writes them: "PT5H30M", "P2Y6M", "P1DT12H"; coarser units keep a
// decimal ("P2.5W"). n = 0 is half a unit ("half an hour" → "PT30M").
std::string HalfDurationValue(int n, int unit) {
  const std::string num = std::to_string(n);
  switch (unit) {
    case kSecond: return "PT" + num + ".5S";
    case kMinute: return n ? "PT" + num + "M30S" : "PT30S";
    case kHour: return n ? "PT" + num + "H30M" : "PT30M";
    case kDay: return n ? "P" + num + "DT12H" : "PT12H";
    case kMonthU: return n ? "P" + num + "M15D" : "P15D";
    case kYear: return n ? "P" + num + "Y6M" : "P6M";
    case kDecade: return "P" + std::to_string(10 * n + 5) + "Y";
    case kCentury: return "P" + std::to_string(100 * n + 50) + "Y";
    case kQuarter: return "P" + num + ".5Q";
    default: return DurationValue(n, unit).insert(DurationValue(n, unit).size() - 1, ".5");
  }
}

struct Found {
  int b = 0, e = 0;  // token range [b, e)
  TimexType type = TimexType::kDate;
  std::string value, mod, anchor;
  Date date;
};

// ---------------------------------------------------------------------------------------------------
// Matcher: pattern functions over the token array. One per call of TagTimexes; not shared.

class Matcher {
 public:
  Matcher(const std::vector<Tok>& t, const Date& dct, const TimexOptions& o)
      : t_(t), n_(static_cast<int>(t.size())), dct_(dct), opt_(o),
        have_dct_(dct.precision == DatePrecision::kDay) {
    ref_ = dct;
    ref_any_ = dct;
  }

  void Run(std::vector<Found>* out) {
    for (int i = 0; i < n_;) {
      const Tok& k = t_[i];
      if (k.kind == kPunctTok || (k.kind == kWordTok && !k.lex && !IsTrigger(k.w))) {
        ++i;
        continue;
      }
      Found f;
      extra_.clear();
      if (MatchAt(i, &f)) {
        Emit(f, out);
        for (Found& x : extra_) Emit(x, out);
        i = std::max(f.e, extra_.empty() ? f.e : extra_.back().e);
      } else {
        ++i;
      }
    }
  }

 private:
  // Words outside the lexicon that can start an expression. Called for most words of the text, so
  // the first letter picks the few candidates to compare.
  static bool IsTrigger(std::string_view w) {
    switch (w[0]) {
      case 'a': return w == "a" || w == "an";
      case 'c': return w == "christmas";
      case 'e': return w == "earlier" || w == "every" || w == "each" || w == "election" || w == "easter";
      case 'f': return w == "fiscal" || w == "future";
      case 'g': return w == "good";
      case 'h': return w == "half" || w == "halloween";
      case 'i': return w == "its";
      case 'l': return w == "later";
      case 'm': return w == "midnight" || w == "midday" || w == "memorial";
      case 'n': return w == "noon" || w == "new" || w == "nineteen";
      case 'o': return w == "overnight";
      case 'r': return w == "recent";
      case 's': return w == "soon";
      case 't': return w == "the" || w == "thanksgiving" || w == "these";
      case 'v': return w == "valentine" || w == "veterans";
      case 'w': return w == "within";
      case 'y': return w == "year";
      default: return false;
    }
  }

  void Emit(Found& f, std::vector<Found>* out) {
    if (f.b >= f.e) return;
    if (f.date.precision == DatePrecision::kDay &&
        (f.type == TimexType::kDate || f.type == TimexType::kTime)) {
      ref_ = f.date;
    }
    if (f.value.size() == 7 && f.value[4] == '-' && f.value[5] == 'Q' && f.anchor != "previous" &&
        IsFocusQuarter(f))
      last_quarter_ = f.value;
    if (f.value.size() == 7 && f.value[4] == '-' && f.value[5] == 'Q') {
      quarter_mentioned_ = f.value;
      quarter_mentioned_end_ = f.e;
    }
    // "the first nine months", "the six months ended …": the focus moves from a quarter to the
    // year to date, so a following "a year earlier" is the year before, not the quarter.
    if (f.type == TimexType::kDuration && (f.value == "P6M" || f.value == "P9M")) {
      last_quarter_.clear();
      quarter_mentioned_.clear();
    }
    if (f.date.known() && f.type == TimexType::kDate && f.anchor != "previous") ref_any_ = f.date;
    out->push_back(std::move(f));
  }

  // An earnings report is about a completed period: the quarter in focus (the one "a year earlier"
  // and "the 1989 period" refer to) is the first completed quarter named. A later one replaces it
  // when it is more recent, or when it is plainly the one reported: a fiscal quarter (another
  // company's calendar) or "the quarter ended Sept. 30". A quarter not yet over at publication is
  // an outlook ("expects a loss in the fourth quarter") unless the clause reports it in the past
  // ("reported a decline in fourth-quarter earnings": a fiscal quarter); an older one named later is
  // a comparison ("third-quarter net rose …, after a flat second quarter …, the year-earlier period":
  // still the third quarter).
  bool IsFocusQuarter(const Found& f) const {
    const std::string& v = f.value;
    for (int k = f.b; k < f.e; ++k) {
      if (W(k, "fiscal")) return true;
    }
    if ((W(f.e, "ended") || W(f.e, "ending")) && X(f.e + 1) && X(f.e + 1)->month) return true;
    if (v[0] < '0' || v[0] > '9' || v[6] < '1' || v[6] > '4') return last_quarter_.empty();
    const int q = std::atoi(v.substr(0, 4).c_str()) * 4 + (v[6] - '1');
    if (have_dct_) {
      const int now = dct_.year * 4 + (dct_.month - 1) / 3;
      if (q > now || (q == now && Tense(f.b, f.e) >= 0)) return false;
    }
    if (last_quarter_.empty()) return true;
    if (last_quarter_[0] >= '0' && last_quarter_[0] <= '9' && last_quarter_[6] >= '1' && last_quarter_[6] <= '4') {
      const int cur = std::atoi(last_quarter_.substr(0, 4).c_str()) * 4 + (last_quarter_[6] - '1');
      if (q < cur) return false;
    }
    return true;
  }

  // The quarter "a year earlier", "the quarter", "the 1989 period" refer to: the one in focus, else
  // the one last named (an outlook: "expects first-quarter net to exceed the year-ago quarter's").
  // "1989-Q3" → 1989 * 4 + 2; -1 for anything else ("XXXX-Q3", "1989-QX").
  static int QuarterIndex(const std::string& v) {
    if (v.size() != 7 || v[0] < '0' || v[0] > '9' || v[6] < '1' || v[6] > '4') return -1;
    return std::atoi(v.substr(0, 4).c_str()) * 4 + (v[6] - '1');
  }
  // A later quarter named just before in the same clause wins ("to climb in the second quarter of
  // 1987 from 3.81 billion a year earlier"); an older one there is a comparison ("rose in the fourth
  // quarter after zero growth in the third quarter and a fall a year earlier": the fourth).
  const std::string& Focus() const {
    if (!quarter_mentioned_.empty() && cur_ >= quarter_mentioned_end_ && cur_ - quarter_mentioned_end_ <= 12 &&
        T(cur_).sent == T(quarter_mentioned_end_ - 1).sent) {
      bool clause = true;
      for (int k = quarter_mentioned_end_; k < cur_; ++k) {
        if (P(k, ';') || P(k, ',')) clause = false;
      }
      if (clause && (last_quarter_.empty() || QuarterIndex(quarter_mentioned_) > QuarterIndex(last_quarter_)))
        return quarter_mentioned_;
    }
    return last_quarter_.empty() ? quarter_mentioned_ : last_quarter_;
  }

  // --- token helpers ---
  const Tok& T(int i) const {
    static const Tok kNone;
    return i >= 0 && i < n_ ? t_[i] : kNone;
  }
  bool W(int i, std::string_view w) const { return i >= 0 && i < n_ && t_[i].kind == kWordTok && t_[i].w == w; }
  bool P(int i, char c) const { return i >= 0 && i < n_ && t_[i].kind == kPunctTok && t_[i].ch == c; }
  // Punctuation glued to the previous token ("Feb." "a.m.").
  bool Glued(int i, char c) const { return P(i, c) && !t_[i].sp; }
  const Lex* X(int i) const { return i >= 0 && i < n_ ? t_[i].lex : nullptr; }
  bool IsNum(int i) const { return i >= 0 && i < n_ && t_[i].kind == kNumTok; }
  bool IsWord(int i) const { return i >= 0 && i < n_ && t_[i].kind == kWordTok; }

  // Tense of the clause around tokens [b, e): +1 future, -1 past, 0 unknown/present.
  // Returns +2 for a weak future ("would": future seen from a past point), which weekdays read as
  // future and months as neutral, and -2 for a weak past (a reporting verb such as "said": what was
  // said may be about a date still ahead, "said the deal closes in December").
  int Tense(int b, int e, bool* from_left = nullptr) const {
    if (from_left) *from_left = false;
    if (!opt_.use_tense) return -1;
    const int sent = T(b).sent;
    // The words before a modified expression: "since [mid-]February", "by [the end of] July".
    int pb = b;
    if (P(pb - 1, '-') && W(pb - 2, "mid")) {
      pb -= 2;
    } else if (X(pb - 1) && X(pb - 1)->mod) {
      pb -= 1;
    } else if (W(pb - 1, "of") && W(pb - 3, "the") &&
               (W(pb - 2, "end") || W(pb - 2, "beginning") || W(pb - 2, "start") || W(pb - 2, "middle"))) {
      pb -= 3;
    }
    if ((P(pb - 1, '/') || P(pb - 1, '-')) && X(pb - 2) && X(pb - 2)->month) pb -= 2;  // "October/December"
    if (W(pb - 1, "the")) --pb;
    // Markers right before the expression: "as early as Tuesday", "as soon as", "until", "by".
    if (W(pb - 1, "until") || W(pb - 1, "till") || (W(pb - 1, "on") && W(pb - 2, "until"))) {
      // "Until Thursday, they had not called": a past perfect after it keeps the date behind.
      for (int r = e; r < n_ && r < e + 8 && t_[r].sent == sent; ++r) {
        if (W(r, "had") || (W(r, "were") && W(r + 1, "not")) || (W(r, "was") && W(r + 1, "not"))) return -1;
      }
      return 1;
    }
    if ((W(b - 1, "as") && (W(b - 2, "early") || W(b - 2, "soon")) && W(b - 3, "as")) || W(b - 1, "next") ||
        (W(b - 1, "of") && W(b - 2, "ahead")) || (W(b - 2, "of") && W(b - 3, "ahead") && W(b - 1, "the")))
      return 1;
    if (W(pb - 1, "since")) return -1;  // "since mid-February": behind, whatever follows
    // A deadline or a target ("rescheduled the meeting to June 18", "August to December shipment").
    if (W(pb - 1, "by") || W(pb - 1, "through") || W(pb - 1, "effective") ||
        (W(pb - 1, "to") && !(P(e, '\'') && W(e + 1, "s")))) {
      // A deadline: ahead when the clause is future ("will double its flights by August"), else
      // no direction (a past verb before a deadline may still look ahead).
      for (int l = pb - 2; l >= 0 && l >= pb - 24 && t_[l].sent == sent; --l) {
        if (t_[l].kind == kPunctTok && (t_[l].ch == ';' || t_[l].ch == '"')) break;
        const int c = CueAt(l);
        if (c != 0) return c == 1 ? 1 : 0;
      }
      return 0;
    }
    // Inside a noun phrase ("figures for the October/December quarter", "Figures for February are
    // expected to show …") the verbs around tell nothing about the date.
    if ((W(pb - 1, "of") || W(pb - 1, "for")) && !T(pb - 1).cap && IsWord(pb - 2) && T(pb - 2).sent == sent &&
        T(pb - 2).cue == kNoCue && !X(pb - 2))
      return 0;
    bool weak_past = false;
    // The verb governing the expression usually precedes it in the clause; look left first, up to the
    // start of the clause the expression sits in. A relative clause takes nothing from outside it
    // ("banks which in December were asked": not the "will" before); a "when", "if", "because" clause
    // takes only a future ("is due to elect a director when it reconvenes Friday"), a past verb before
    // it tells nothing ("appointed Bevan to replace Dundas when he retires in December").
    bool crossed = false;
    for (int l = b - 1; l >= 0 && l >= b - 24 && t_[l].sent == sent; --l) {
      if (t_[l].kind == kPunctTok && (t_[l].ch == ';' || t_[l].ch == '"')) break;
      if (IsWord(l) && (T(l).w == "which" || T(l).w == "who" || T(l).w == "whom" || T(l).w == "whose")) break;
      if (IsWord(l) && (T(l).w == "where" || T(l).w == "when" || T(l).w == "while" || T(l).w == "because" ||
                        T(l).w == "although" || T(l).w == "though" || T(l).w == "if" || T(l).w == "but")) {
        crossed = true;
        continue;
      }
      int c = CueAt(l);
      if (c != 0) {
        if (crossed && c != 1 && c != 2) break;
        if (from_left) *from_left = true;
        if (c == -2 && l >= pb - 2) return -1;  // "said Tuesday", "said on June 3": the saying is dated
        if (c == -2) {
          weak_past = true;  // what was said: its own verb, after the date, may tell more
          break;
        }
        return c == 3 ? 0 : c;
      }
    }
    // A fronted expression ("In January, a week after …, a bomb killed …") waits longer for its verb.
    const int right = P(e, ',') ? 30 : 10;
    // Fronted: the expression (or its preposition) opens the sentence or follows a comma.
    auto opens = [&](int k) { return k <= 0 || t_[k - 1].sent != sent || P(k - 1, ',') || P(k - 1, '"'); };
    const bool fronted = opens(pb) || (IsWord(pb - 1) && X(pb - 1) && X(pb - 1)->prep && opens(pb - 1));
    bool later_comma = false;  // a comma other than the one that closes a fronted expression
    for (int r = e; r < n_ && r < e + right && t_[r].sent == sent; ++r) {
      const Tok& k = t_[r];
      if (P(r, ',') && (r > e || !fronted)) later_comma = true;
      // A new clause starts; "a week after the anniversary" is a phrase inside this one, no clause.
      if (k.kind == kWordTok && (k.w == "that" || k.w == "which" || k.w == "who" || k.w == "because" ||
                                 k.w == "but" || k.w == "while" || k.w == "when" || k.w == "if" ||
                                 ((k.w == "after" || k.w == "before" || k.w == "since") &&
                                  !(X(r - 1) && X(r - 1)->unit) && !W(r - 1, "shortly") && !W(r - 1, "just"))))
        break;
      if (k.kind == kPunctTok && (k.ch == ';' || k.ch == '"')) break;
      if (W(r, "and") && P(r - 1, ',')) break;  // ", and are expected to open …": another clause
      // A future verb after the expression is a weak cue (+2): "In April, elections will be held"
      // looks ahead, but "February's trade data are due for release" names a month gone.
      // A reporting verb after the date is dated by it ("On Sept 25, Allied disclosed …"): past; but
      // not one closing the sentence after a comma ("… when the commission meets Wednesday, officials
      // said").
      int c = CueAt(r, /*before_verb=*/true);
      if (c == -2 && later_comma) break;
      if (c != 0) return c == 3 ? (weak_past ? -2 : 0) : c == 1 ? 2 : c == -2 ? -1 : c;
    }
    return weak_past ? -2 : 0;
  }
  // "to" at i starts an infinitive: a lowercase word follows that is no determiner, number or date word.
  bool ToVerb(int i) const {
    if (!IsWord(i + 1) || T(i + 1).cap || X(i + 1)) return false;
    const std::string_view w = T(i + 1).w;
    return !(w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" ||
             w == "our" || w == "my" || w == "your" || w == "these" || w == "those");
  }

  // The tense cue of word i (see Tense for the values). before_verb: the time expression stands before
  // this verb ("On Friday, the government planned to pay"): it dates the verb itself, so an intention
  // verb in the past tense is past, not the future its infinitive looks at ("agreed to return Monday").
  int CueAt(int i, bool before_verb = false) const {
    const Tok& k = t_[i];
    switch (k.cue) {
      case kFuture:
        if (k.w == "ll" && !P(i - 1, '\'')) return 0;
        if (k.w == "wo" && !W(i + 1, "n")) return 0;
        if (k.w == "would") return 2;
        return 1;
      case kPast:
        // "be held", "to be signed", "will be paid": a participle after be/to is no past tense.
        if (W(i - 1, "be") && W(i - 2, "to")) return 2;  // "to be distributed July 12": ahead
        // A passive takes the tense of its auxiliary: "is covered by an agreement that expires June 30".
        if (W(i - 1, "is") || W(i - 1, "are") || W(i - 1, "am")) return 3;
        if (W(i - 1, "be") || W(i - 1, "being") || W(i - 1, "to")) return 0;
        // "an unspecified date", "the expanded plan": an -ed word after a determiner is an adjective.
        // "agreed to buy", "vowed to return": an intention, seen ahead of a past moment.
        // ("agreed to a ceasefire": "to" before an article or a possessive is a preposition, the agreement past.)
        if (W(i + 1, "to") && IsWord(i + 2) && !T(i + 2).cap && !X(i + 2) && !W(i + 2, "a") && !W(i + 2, "an") &&
            !W(i + 2, "the") && !W(i + 2, "its") && !W(i + 2, "their") && !W(i + 2, "his") && !W(i + 2, "her") &&
            (k.w == "agreed" || k.w == "decided" || k.w == "promised" || k.w == "pledged" || k.w == "vowed" ||
             k.w == "threatened" || k.w == "offered" || k.w == "voted" || k.w == "sought" || k.w == "hoped" ||
             k.w == "wanted" || k.w == "intended" || k.w == "proposed"))
          return before_verb ? -1 : 2;
        if (!k.lex && (W(i - 1, "a") || W(i - 1, "an") || W(i - 1, "the") || W(i - 1, "still") ||
                       W(i - 1, "its") || W(i - 1, "their") || W(i - 1, "his") || W(i - 1, "her")))
          return 0;
        if (k.w == "said" || k.w == "told" || k.w == "announced" || k.w == "reported" || k.w == "added" ||
            k.w == "stated" || k.w == "wrote" || k.w == "noted" || k.w == "predicted" || k.w == "warned" ||
            k.w == "confirmed" || k.w == "disclosed" || k.w == "indicated")
          return -2;
        return -1;
      case kPresent:
        if ((k.w == "is" || k.w == "are") && W(i + 1, "to")) return 1;  // "is to resume", "are to meet"
        // "is expected to visit", "are scheduled to meet", "is due to", "is set to": ahead.
        if ((k.w == "is" || k.w == "are" || k.w == "am") && IsWord(i + 1) && T(i + 1).cue == kFutureIfTo &&
            (W(i + 2, "to") || W(i + 2, "for")))
          return 1;
        return 3;
      case kFutureIfTo: {
        // "due to the strike", "its plan to 56 creditors": "to" before no verb is no intention.
        if (W(i + 1, "to") && !ToVerb(i + 1)) return 0;
        if (W(i - 1, "been") || W(i - 1, "had")) {
          if (W(i + 1, "to") || W(i + 1, "for")) return -1;
        }
        // "as previously planned", "originally scheduled": the plan is behind.
        if (W(i - 1, "previously") || W(i - 1, "originally")) return -1;
        // "the government planned to pay" after a fronted date: a finite past verb (no be before it).
        if (before_verb && (k.w == "planned" || k.w == "expected" || k.w == "intended") &&
            !(W(i - 1, "is") || W(i - 1, "are") || W(i - 1, "was") || W(i - 1, "were") || W(i - 1, "be") ||
              W(i - 1, "being") || W(i - 1, "not")))
          return -1;
        if (W(i + 1, "to") || W(i + 1, "for")) return 1;
        if (k.w == "expected" || k.w == "planned" || k.w == "scheduled" || k.w == "slated") return 1;
        return (k.w == "set" || k.w == "due" || k.w == "plans" || k.w == "plan" || k.w == "going" ||
                k.w == "ready" || k.w == "hopes" || k.w == "wants" || k.w == "aims" || k.w == "intends" ||
                k.w == "intend" || k.w == "planning" || k.w == "poised" || k.w == "slated" || k.w == "expects" ||
                k.w == "expect")
                   ? 0
                   : -1;
      }
      default: return 0;
    }
  }

  // --- anchoring ---
  // Without a tense cue, how many months ahead of the publication month a bare month still reads as
  // a coming one (further ahead it is the past one). Half a year: the nearer reading. (4 suits general
  // news slightly better on TBAQ, but Reuters business news names many coming months: delivery
  // periods, expiries, "books close August 3 to 10".)
  static constexpr int kNoCueMonthsAhead = 6;
  int InferYear(int month, int day, int tense) const {
    const int cmp = (month * 32 + day) - (dct_.month * 32 + (day ? dct_.day : 0));
    if (tense == 2 || tense == -2) {
      // "would": a future seen from the past; "said" further back: what was said may look either way.
      // The nearer reading, up to half a year either way.
      const int diff = month - dct_.month;
      return diff > 6 ? dct_.year - 1 : diff < -6 ? dct_.year + 1 : dct_.year;
    }
    // A past clause can still name a date a few weeks ahead (a deadline, a scheduled hearing), and a
    // future one a date just gone: flip the year only when the date is over two months away.
    const int ahead = (month - dct_.month) * 31 + (day ? day - dct_.day : 0);
    if (tense < 0 && cmp > 0 && (ahead > 62 || !day)) return dct_.year - 1;
    if (tense > 0 && cmp < 0 && (ahead < -62 || !day)) return dct_.year + 1;
    if (tense == 0) {
      // No cue: the nearer reading ("payable in January" in a November article is next January,
      // "in August" in a March article last August).
      const int diff = month - dct_.month;
      if (diff > kNoCueMonthsAhead) return dct_.year - 1;
      if (diff + 12 < kNoCueMonthsAhead) return dct_.year + 1;
    }
    return dct_.year;
  }

  // The season of the publication date: 1 spring (March-May) … 4 winter (December); 0 for January and
  // February (the winter that began the year before).
  int CurrentSeason() const { return dct_.month == 12 ? 4 : dct_.month <= 2 ? 0 : dct_.month / 3; }

  Date WeekdayDate(int wd, int tense, char rel) const {
    const int dw = dct_.Weekday();
    if (rel == 'T') return dct_.AddDays(wd - dw);  // "this Friday": the Friday of this (ISO) week
    if (rel == 'L') {
      int back = (dw - wd + 7) % 7;
      return dct_.AddDays(-(back == 0 ? 7 : back));
    }
    if (rel == 'N') {
      int fwd = (wd - dw + 7) % 7;
      return dct_.AddDays(fwd == 0 ? 7 : fwd);
    }
    if (tense >= 1) return dct_.AddDays((wd - dw + 7) % 7);  // "will", "would" (+2) look ahead
    return dct_.AddDays(-((dw - wd + 7) % 7));
  }

  void SetDay(Found* f, const Date& d, const char* anchor) {
    f->date = d;
    f->value = d.ToString();
    f->anchor = anchor;
  }

  // Number at i: digits, number words ("twenty-four", "twenty four"), "a"/"an" (1 when allow_article),
  // vague ("several", "a few", "a couple of") as -1. Returns the token after it, or -1.
  int Number(int i, int* value, bool allow_article) const {
    const Tok& k = T(i);
    if (k.kind == kNumTok) {
      if (k.nd > 6 || k.num == 0) return -1;
      if (P(i - 1, ',') && !k.sp && IsNum(i - 2)) return -1;  // the "000" of "1,000"
      // "1,000" or "2.5" are not durations we normalise
      if ((P(i + 1, ',') || P(i + 1, '.')) && !T(i + 1).sp && IsNum(i + 2) && !T(i + 2).sp) return -1;
      *value = static_cast<int>(k.num);
      return i + 1;
    }
    if (k.kind != kWordTok) return -1;
    if (k.w == "a" || k.w == "an") {
      if (X(i + 1) && X(i + 1)->vague) {  // "a few", "a couple of"
        int j = i + 2;
        if (W(j, "of")) ++j;
        *value = W(i + 1, "couple") ? 2 : -1;
        return j;
      }
      if (!allow_article) return -1;
      *value = 1;
      return i + 1;
    }
    if (!k.lex) return -1;
    if (k.lex->vague) {
      *value = -1;
      int j = i + 1;
      if (k.w == "couple" && W(j, "of")) ++j;
      return j;
    }
    if (k.lex->num < 0) return -1;
    int v = k.lex->num;
    int j = i + 1;
    if (v >= 20 && v < 100 && v % 10 == 0) {
      int k2 = j;
      if (P(k2, '-') && !T(k2).sp) ++k2;
      if (X(k2) && X(k2)->num > 0 && X(k2)->num < 10) {
        v += X(k2)->num;
        j = k2 + 1;
      }
    }
    if (W(j, "hundred") && v < 100) {
      v *= 100;
      ++j;
    }
    *value = v;
    return j;
  }

  // A four-digit year (or "nineteen ninety-seven") at i. Returns the token after it, or -1.
  int Year(int i, int* year) const {
    const Tok& k = T(i);
    if (k.kind == kNumTok && k.nd == 4 && k.num >= 1000 && k.num <= 2199) {
      if (P(i + 1, '%') || W(i + 1, "percent")) return -1;
      if ((P(i + 1, ',') || P(i + 1, '.') || P(i + 1, ':')) && !T(i + 1).sp && IsNum(i + 2) && !T(i + 2).sp)
        return -1;
      if (P(i - 1, '$') || (P(i - 1, ',') && !k.sp && IsNum(i - 2))) return -1;
      // A clock time ("1100 GMT", "0930 local time", "at 1530") is not a year.
      for (const char* z : {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "local",
                            "hours", "hrs", "hour", "am", "pm", "a.m.", "p.m."})
        if (W(i + 1, z)) return -1;
      if (k.num < 1900 && k.num % 100 < 60 && W(i - 1, "at")) return -1;
      *year = static_cast<int>(k.num);
      return i + 1;
    }
    if (W(i, "nineteen") || (W(i, "two") && W(i + 1, "thousand"))) {
      int j = i + 1;
      int base = 1900;
      if (W(i, "two")) {
        base = 2000;
        j = i + 2;
        if (W(j, "and")) ++j;
      }
      int v = 0;
      int e = Number(j, &v, false);
      if (e < 0 || v < 0 || v >= 100) {
        if (base == 2000) {
          *year = 2000;
          return j;
        }
        return -1;
      }
      *year = base + v;
      return e;
    }
    return -1;
  }

  // Day of month at i: "8", "8th", "eighth". Returns the token after it, or -1.
  int DayOfMonth(int i, int* day) const {
    const Tok& k = T(i);
    if (k.kind == kNumTok && k.nd <= 2 && k.num >= 1 && k.num <= 31) {
      int j = i + 1;
      if (IsWord(j) && !T(j).sp &&
          (T(j).w == "st" || T(j).w == "nd" || T(j).w == "rd" || T(j).w == "th"))
        ++j;
      else if (IsWord(j) && !T(j).sp)
        return -1;  // "8am", "3D"
      *day = static_cast<int>(k.num);
      return j;
    }
    if (k.lex && k.lex->ordinal > 0) {
      *day = k.lex->ordinal;
      return i + 1;
    }
    return -1;
  }

  // Month name at i ("Feb.", "February"); checks capitalisation and, for words that are also verbs or
  // nouns ("May", "March"), that a date follows or a date preposition precedes. Returns next token or -1.
  int MonthName(int i, int* month, bool strict_context) const {
    const Tok& k = T(i);
    if (k.kind != kWordTok || !k.lex || !k.lex->month) return -1;
    if (!k.cap) return -1;
    int j = i + 1;
    if (k.lex->abbrev) {
      if (Glued(j, '.')) ++j;
      else if (k.w.size() > 3 && k.w != "sept") return -1;
    }
    if (k.lex->ambiguous_month || strict_context) {
      int d = 0, y = 0;
      bool date_after = DayOfMonth(j, &d) >= 0 || Year(j, &y) >= 0 ||
                        (P(j, ',') && Year(j + 1, &y) >= 0) ||
                        ((P(j, '/') || P(j, '-')) && X(j + 1) && X(j + 1)->month && T(j + 1).cap);  // "March/April"
      const Tok& p = T(i - 1);
      bool prep_before = p.kind == kWordTok && p.lex && (p.lex->prep || p.lex->mod || p.lex->rel) &&
                         !(p.w == "to" || p.w == "and" || p.w == "or");
      if (P(i - 1, '-') && W(i - 2, "mid")) prep_before = true;
      if (!date_after && !prep_before) return -1;
      if (k.upper && k.w.size() > 3 && !date_after) return -1;
    }
    *month = k.lex->month;
    return j;
  }

  // ------------------------------------------------------------------------------------------------
  // Patterns. Each returns true and fills f when a time expression starts at token i.

  bool MatchAt(int i, Found* f) {
    cur_ = i;
    Found best;
    bool ok = false;
    auto consider = [&](bool matched, Found& c) {
      if (matched && (!ok || c.e > best.e)) {
        best = c;
        ok = true;
      }
    };
    std::vector<Found> saved;
    auto attempt = [&](bool (Matcher::*fn)(int, Found*)) {
      Found c;
      size_t before = extra_.size();
      bool m = (this->*fn)(i, &c);
      if (m && (!ok || c.e > best.e)) {
        saved.assign(extra_.begin() + static_cast<long>(before), extra_.end());
      }
      extra_.resize(before);
      consider(m, c);
    };
    const Tok& k = t_[i];
    if (k.kind == kNumTok) {
      attempt(&Matcher::NumericDate);
      attempt(&Matcher::DayMonth);
      attempt(&Matcher::Clock);
      attempt(&Matcher::YearExpr);
      attempt(&Matcher::Ago);
      attempt(&Matcher::Duration);
    } else {
      attempt(&Matcher::Modified);
      attempt(&Matcher::MonthExpr);
      attempt(&Matcher::DayMonth);
      attempt(&Matcher::WeekdayExpr);
      attempt(&Matcher::DeicticExpr);
      attempt(&Matcher::RelUnit);
      attempt(&Matcher::Ago);
      attempt(&Matcher::Duration);
      attempt(&Matcher::YearExpr);
      attempt(&Matcher::QuarterExpr);
      attempt(&Matcher::SeasonExpr);
      attempt(&Matcher::SetExpr);
      attempt(&Matcher::Clock);
      attempt(&Matcher::RefDay);
      attempt(&Matcher::Holiday);
      attempt(&Matcher::YearEarlier);
      attempt(&Matcher::Weekend);
      attempt(&Matcher::ThatUnit);
      attempt(&Matcher::Period);
      attempt(&Matcher::DecadeWord);
      attempt(&Matcher::TheYear);
      attempt(&Matcher::Century);
      if (W(i + 1, "week")) attempt(&Matcher::WeekOf);
    }
    if (k.kind == kNumTok) attempt(&Matcher::Century);
    if (!ok) return false;
    *f = best;
    extra_ = saved;
    return true;
  }

  // "2022-02-08", "2/8/2022", "08/02/22".
  bool NumericDate(int i, Found* f) {
    const Tok& a = T(i);
    auto glued = [&](int j) { return j < n_ && !t_[j].sp; };
    if (a.nd == 4 && P(i + 1, '-') && IsNum(i + 2) && P(i + 3, '-') && IsNum(i + 4) && glued(i + 1) &&
        glued(i + 2) && glued(i + 3) && glued(i + 4)) {
      int y = static_cast<int>(a.num), m = static_cast<int>(T(i + 2).num), d = static_cast<int>(T(i + 4).num);
      if (!IsValidDate(y, m, d)) return false;
      f->b = i;
      f->e = i + 5;
      SetDay(f, Date::Day(y, m, d), "");
      return true;
    }
    if (a.nd <= 2 && P(i + 1, '/') && IsNum(i + 2) && T(i + 2).nd <= 2 && P(i + 3, '/') && IsNum(i + 4) &&
        (T(i + 4).nd == 2 || T(i + 4).nd == 4) && glued(i + 1) && glued(i + 2) && glued(i + 3) && glued(i + 4)) {
      int m = static_cast<int>(a.num), d = static_cast<int>(T(i + 2).num), y = static_cast<int>(T(i + 4).num);
      if (T(i + 4).nd == 2) y += y >= 50 ? 1900 : 2000;
      if (m > 12 && d <= 12) std::swap(m, d);
      if (!IsValidDate(y, m, d)) return false;
      f->b = i;
      f->e = i + 5;
      SetDay(f, Date::Day(y, m, d), "");
      return true;
    }
    return false;
  }

  // Year after a month/day: "[,] 2022" or "of 2022". Returns the token after it or `j` unchanged.
  int OptionalYear(int j, int* year) const {
    int y = 0, e;
    if ((e = Year(j, &y)) >= 0) {
      *year = y;
      return e;
    }
    if ((P(j, ',') || W(j, "of")) && (e = Year(j + 1, &y)) >= 0) {
      *year = y;
      return e;
    }
    return j;
  }

  void FinishDay(Found* f, int month, int day, int year, int b, int e) {
    f->b = b;
    f->e = e;
    if (year) {
      if (!IsValidDate(year, month, day)) {
        f->value = Fmt("%04d-%02d", year, month);
        f->date = Date::Month(year, month);
      } else {
        SetDay(f, Date::Day(year, month, day), "");
      }
      return;
    }
    if (!have_dct_) {
      f->value = Fmt("XXXX-%02d-%02d", month, day);
      return;
    }
    int y = InferYear(month, day, Tense(b, e));
    if (const int split = SplitYearEnding(b)) y = split;
    if (W(b - 1, "last") || W(b - 1, "past")) {
      y = (month * 32 + day) < (dct_.month * 32 + dct_.day) ? dct_.year : dct_.year - 1;
    }
    if (!IsValidDate(y, month, day)) {
      f->value = Fmt("XXXX-%02d-%02d", month, day);
      return;
    }
    SetDay(f, Date::Day(y, month, day), "dct");
  }

  // Day lists after a date: "February 14-15", "8 and 9". Adds one expression per further day.
  void DayList(int j, int month, int year, int* end_out) {
    if (!opt_.split_day_lists) return;
    while (true) {
      bool dash = P(j, '-');
      if (!(dash || W(j, "and") || W(j, "or") || W(j, "to") || W(j, "through"))) return;
      int d = 0;
      int e = DayOfMonth(j + 1, &d);
      if (e < 0 || !IsNum(j + 1)) return;
      if (IsWord(e) && X(e) && (X(e)->unit || X(e)->month)) return;  // "14-15 days", "8 and 9 March"
      if (IsNum(e) || (P(e, '%'))) return;
      Found x;
      int y = year;
      e = OptionalYear(e, &y);
      FinishDay(&x, month, d, y, j + 1, e);
      extra_.push_back(x);
      *end_out = e;
      j = e;
    }
  }

  // "8 February 2022", "3rd of March", "28 and 31 January" (emits "28" with January), "the 3 February call".
  bool DayMonth(int i, Found* f) {
    int day = 0, month = 0, year = 0;
    int j = DayOfMonth(i, &day);
    if (j < 0) return false;
    if (T(i).kind == kWordTok && !W(i - 1, "the")) return false;  // ordinal words: "the third of May"
    int k = j;
    if (W(k, "of")) ++k;
    int e = MonthName(k, &month, false);
    if (e < 0) {
      // "28 and 31 January": this day takes the month of the next one.
      if (T(i).kind == kNumTok && (W(j, "and") || W(j, "or") || P(j, '-') || W(j, "to")) && IsNum(j + 1)) {
        int d2 = 0, j2 = DayOfMonth(j + 1, &d2);
        if (j2 < 0) return false;
        if (W(j2, "of")) ++j2;
        int m2 = 0;
        int e2 = MonthName(j2, &m2, false);
        if (e2 < 0) return false;
        int y2 = 0;
        OptionalYear(e2, &y2);
        FinishDay(f, m2, day, y2, i, j);
        return true;
      }
      return false;
    }
    e = OptionalYear(e, &year);
    if (!IsValidDate(year ? year : 2000, month, day)) return false;
    FinishDay(f, month, day, year, i, e);
    return true;
  }

  // "February 8", "Feb. 8, 2022", "February 2022", "February", "February this year".
  bool MonthExpr(int i, Found* f) {
    int month = 0;
    int j = MonthName(i, &month, false);
    if (j < 0) return false;
    int day = 0, year = 0;
    int e = DayOfMonth(j, &day);
    if (e >= 0 && T(j).kind == kNumTok && !(IsWord(e) && X(e) && X(e)->unit) && !(P(e, '%'))) {
      if (T(j).nd == 2 && T(j).w[0] == '0') {
      }
      int e2 = OptionalYear(e, &year);
      if (!IsValidDate(year ? year : 2000, month, day)) return false;
      FinishDay(f, month, day, year, i, e2);
      int end = e2;
      DayList(e2, month, year, &end);
      if (!year && f->date.known() && !extra_.empty()) {
        // keep the list in the year inferred for the first day
        for (Found& x : extra_) {
          if (x.date.precision == DatePrecision::kDay && x.date.year != f->date.year &&
              IsValidDate(f->date.year, x.date.month, x.date.day)) {
            SetDay(&x, Date::Day(f->date.year, x.date.month, x.date.day), "dct");
          }
        }
      }
      return true;
    }
    e = OptionalYear(j, &year);
    if (year) {
      f->b = i;
      f->e = e;
      f->date = Date::Month(year, month);
      f->value = f->date.ToString();
      return true;
    }
    // "January this year", "June last year"
    if ((W(j, "this") || W(j, "last") || W(j, "next")) && W(j + 1, "year")) {
      int y = dct_.year + (W(j, "last") ? -1 : W(j, "next") ? 1 : 0);
      f->b = i;
      f->e = j + 2;
      if (!have_dct_) {
        f->value = Fmt("XXXX-%02d", month);
        return true;
      }
      f->date = Date::Month(y, month);
      f->value = f->date.ToString();
      f->anchor = "dct";
      return true;
    }
    // Bare month: needs a date context unless the name is unambiguous and capitalised.
    if (T(i).lex->abbrev && !Glued(i + 1, '.') && T(i).w != "sept") return false;
    if (T(i).lex->abbrev && !(T(i - 1).lex && (T(i - 1).lex->prep || T(i - 1).lex->mod))) return false;
    if (W(i - 1, "the") && !W(j, "of") && (T(i).lex->ambiguous_month || !IsWord(j) || T(j).cap)) return false;
    f->b = i;
    f->e = j;
    MonthOnly(f, month, 0);
    return true;
  }

  // "the 1986/87 sugar year ending September 30", "fiscal 1986/87 ended June 30": a month that ends
  // a split year belongs to its second year. Returns that year, or 0.
  int SplitYearEnding(int b) const {
    if (!(W(b - 1, "ending") || W(b - 1, "ended"))) return 0;
    for (int k = b - 2; k >= 2 && k >= b - 10 && T(k).sent == T(b).sent; --k) {
      if (IsNum(k) && T(k).nd == 2 && Glued(k - 1, '/') && IsNum(k - 2) && T(k - 2).nd == 4 && !T(k).sp) {
        const int first = static_cast<int>(T(k - 2).num);
        const int second = first / 100 * 100 + static_cast<int>(T(k).num);
        return second == first + 1 ? second : second + 100 == first + 1 ? second + 100 : 0;
      }
    }
    return 0;
  }

  // A month naming a contract or a delivery period ("June bonds closed at", "for July/August
  // shipment", "the September contract"): markets trade months still to come. e is the token after
  // the month; a range ("July/August", "May-June", "May and June") is skipped.
  bool ContractMonth(int e) const {
    int k = e;
    while ((P(k, '/') || P(k, '-') || W(k, "and") || W(k, "or")) && X(k + 1) && X(k + 1)->month) {
      k += 2;
      if (Glued(k, '.')) ++k;
    }
    if (!IsWord(k) || T(k).cap) return false;
    // (Plural "shipments" and "deliveries" are usually a month's statistics: "a drop in January
    // shipments".)
    static const char* kNouns[] = {"bonds", "bond", "futures", "contract", "contracts", "delivery", "shipment",
                                   "options", "expiry", "expiration", "loading", "arrival"};
    for (const char* w : kNouns) {
      if (T(k).w == w) return true;
    }
    return false;
  }

  void MonthOnly(Found* f, int month, char rel) {
    if (!have_dct_) {
      f->value = Fmt("XXXX-%02d", month);
      return;
    }
    int y;
    if (rel == 'L') y = month < dct_.month ? dct_.year : dct_.year - 1;
    else if (rel == 'N') y = month > dct_.month ? dct_.year : dct_.year + 1;
    else if (rel == 'T') y = dct_.year;
    else if (const int split = SplitYearEnding(f->b)) y = split;
    else if (ContractMonth(f->e)) y = month >= dct_.month ? dct_.year : dct_.year + 1;
    else {
      const int raw_tense = Tense(f->b, f->e);
      const int tense = raw_tense == 2 || raw_tense == -2 ? 0 : raw_tense;
      y = dct_.year;
      if (tense < 0 && month > dct_.month + 2) y = dct_.year - 1;
      // …and a future one a month just gone ("is expected to show an increase after a January gain"
      // in March is this January).
      else if (tense > 0 && month < dct_.month - 2) y = dct_.year + 1;
      else if (tense == 0) y = InferYear(month, 0, raw_tense);
    }
    f->date = Date::Month(y, month);
    f->value = f->date.ToString();
    f->anchor = "dct";
  }

  // Weekdays: "Thursday", "last Friday", "Tuesday night", "Friday, Oct. 23", "Mondays" (a set).
  bool WeekdayExpr(int i, Found* f) {
    char rel = 0;
    int j = i;
    bool from_ref = false;  // "the previous Friday": the Friday before the date last mentioned
    if (X(i) && X(i)->rel && X(i + 1) && X(i + 1)->weekday) {
      rel = X(i)->rel;
      ++j;
    } else if (W(i, "the") && (W(i + 1, "previous") || W(i + 1, "preceding") || W(i + 1, "following")) &&
               X(i + 2) && X(i + 2)->weekday && !X(i + 2)->plural) {
      rel = X(i + 1)->rel;
      j += 2;
      from_ref = opt_.anchor_to_previous;
    }
    const Tok& k = T(j);
    if (!k.lex || !k.lex->weekday || !k.cap) return false;
    if (k.lex->abbrev) {
      if (!Glued(j + 1, '.')) return false;
    }
    int wd = k.lex->weekday;
    int e = j + 1;
    if (k.lex->abbrev) ++e;
    if (k.lex->plural) {
      // "on Mondays", "Tuesday nights" → a set
      if (!(W(i - 1, "on") || W(i - 1, "every") || W(i - 1, "most") || W(i - 1, "some"))) return false;
      f->b = i;
      f->e = e;
      f->type = TimexType::kSet;
      f->value = Fmt("XXXX-WXX-%d", wd);
      return true;
    }
    // "Sunday Times", "Monday Night Football": a capitalised name follows and nothing marks a date.
    const Tok& nx = T(e);
    if (!rel && nx.kind == kWordTok && nx.cap && !nx.nl && !(nx.lex && (nx.lex->month || nx.lex->daypart)) &&
        !(T(i - 1).lex && (T(i - 1).lex->prep)) && !P(e, ',')) {
      if (W(i - 1, "the") || !T(i).nl) {
        bool known_next = nx.w == "president" || nx.w == "prime";
        if (!known_next && (W(i - 1, "the") || nx.w == "times" || nx.w == "telegraph" || nx.w == "mirror" ||
                            nx.w == "express" || nx.w == "post" || nx.w == "herald" || nx.w == "night" ||
                            nx.w == "independent" || nx.w == "mail" || nx.w == "tribune" || nx.w == "sport" ||
                            nx.w == "school" || nx.w == "star" || nx.w == "review" || nx.w == "edition")) {
          return false;
        }
      }
    }
    if (W(i - 1, "the") && !rel && !P(e, ',') && !(nx.lex && nx.lex->daypart)) {
      // "the Sunday before": leave it (rare in news, often a name).
      if (nx.kind == kWordTok && nx.cap) return false;
    }
    f->b = i;
    // "Friday, Oct. 23" / "Friday Oct. 13" / "Tuesday 8 February": take the explicit date.
    {
      int s = e;
      if (P(s, ',')) ++s;
      Found g;
      if (MonthExpr(s, &g) && g.date.precision == DatePrecision::kDay) {
        *f = g;
        f->b = i;
        return true;
      }
      if (IsNum(s) && DayMonth(s, &g) && g.date.precision == DatePrecision::kDay) {
        *f = g;
        f->b = i;
        return true;
      }
      extra_.clear();
    }
    int part = 0;
    if (X(e) && X(e)->daypart && !T(e).sp == false && !X(e)->plural) {
      part = X(e)->daypart;
      ++e;
    } else if (W(e, "overnight")) {
      part = 4;
      ++e;
    }
    f->e = e;
    if (part) f->type = TimexType::kTime;
    if (!have_dct_) {
      f->value = Fmt("XXXX-WXX-%d", wd);
      if (part) f->value += std::string("T") + kPartCode[part];
      return true;
    }
    if (from_ref && ref_.precision == DatePrecision::kDay) {
      const int rw = ref_.Weekday();
      const int back = (rw - wd + 7) % 7, fwd = (wd - rw + 7) % 7;
      SetDay(f, ref_.AddDays(rel == 'L' ? -(back == 0 ? 7 : back) : (fwd == 0 ? 7 : fwd)), "previous");
    } else {
      bool from_left = false;
      int tense = Tense(i, e, &from_left);
      // "Wednesday's ruling" names a known event: "would" around it does not move it ahead, nor does a
      // verb before the noun phrase it sits in ("ready to deal with any response to Monday's attack").
      const bool possessive = P(e, '\'') && W(e + 1, "s") && !T(e).sp;
      if (possessive && from_left && tense > 0) tense = 0;
      SetDay(f, WeekdayDate(wd, tense, rel), "dct");
    }
    if (part) f->value += std::string("T") + kPartCode[part];
    // "Friday's" keeps the date; the possessive is not part of the span.
    return true;
  }

  // "today", "yesterday morning", "tonight", "now", "recently", "the future", "this morning", "last night".
  bool DeicticExpr(int i, Found* f) {
    const Tok& k = T(i);
    if (k.kind != kWordTok) return false;
    f->b = i;
    if (k.lex && k.lex->deictic) {
      int e = i + 1;
      switch (k.lex->deictic) {
        case kToday:
        case kYesterday:
        case kTomorrow: {
          int off = k.lex->deictic == kToday ? 0 : k.lex->deictic == kYesterday ? -1 : 1;
          int part = 0;
          if (X(e) && X(e)->daypart && !X(e)->plural) {
            part = X(e)->daypart;
            ++e;
          }
          f->e = e;
          if (!have_dct_) {
            f->value = off == 0 ? "PRESENT_REF" : off < 0 ? "PAST_REF" : "FUTURE_REF";
            return true;
          }
          SetDay(f, dct_.AddDays(off), "dct");
          if (part) {
            f->type = TimexType::kTime;
            f->value += std::string("T") + kPartCode[part];
          }
          return true;
        }
        case kTonight:
          f->e = e;
          f->type = TimexType::kTime;
          if (!have_dct_) {
            f->value = "XXXX-XX-XXTNI";
            return true;
          }
          SetDay(f, dct_, "dct");
          f->value += "TNI";
          return true;
        case kNow:
        case kCurrently:
        case kNowadays:
          if (!opt_.vague_references) return false;
          if (k.lex->deictic == kNow && P(i - 1, '-')) return false;
          f->e = e;
          f->value = "PRESENT_REF";
          f->anchor = "dct";
          return true;
        case kRecently:
          if (!opt_.vague_references) return false;
          f->e = e;
          f->value = "PAST_REF";
          f->anchor = "dct";
          return true;
        default: return false;
      }
    }
    if (!opt_.vague_references) return false;
    // "the future", "the past" (not followed by a unit or number), "these days"
    if (k.w == "the" && (W(i + 1, "future") || W(i + 1, "past"))) {
      int v = 0;
      const Tok& nx = T(i + 2);
      if (W(i + 1, "past") &&
          (Number(i + 2, &v, true) >= 0 || (nx.lex && (nx.lex->unit || nx.lex->vague || nx.lex->num >= 0))))
        return false;
      if (nx.kind == kWordTok && !nx.cap && !(nx.lex && nx.lex->prep) && nx.w != "as" && nx.w != "is" &&
          nx.w != "was" && nx.w != "will" && nx.w != "if" && nx.w != "when" && nx.w != "but" &&
          nx.w != "because" && nx.w != "unless" && nx.w != "than" && nx.w != "where" && nx.w != "while" &&
          !(W(i - 1, "in") && (nx.w == "it" || nx.w == "he" || nx.w == "she" || nx.w == "they" ||
                               nx.w == "we" || nx.w == "i" || nx.w == "you" || nx.w == "there")))
        return false;  // "the future president"
      if (W(i + 2, "of")) return false;  // "the future of Europe": the fate, not a time
      f->e = i + 2;
      f->value = W(i + 1, "future") ? "FUTURE_REF" : "PAST_REF";
      f->anchor = "dct";
      return true;
    }
    // "Islam will one day be …": some day ahead, not a duration.
    if (k.w == "one" && W(i + 1, "day") && (W(i - 1, "will") || W(i - 1, "would") || W(i - 1, "may") ||
                                           W(i - 1, "might") || W(i - 1, "could") || W(i - 1, "can"))) {
      f->e = i + 2;
      f->value = "FUTURE_REF";
      f->anchor = "dct";
      return true;
    }
    // "future quarters", "in future years"; "these days".
    if (k.w == "future" && X(i + 1) && X(i + 1)->unit && X(i + 1)->plural && !W(i - 1, "the")) {
      f->e = i + 2;
      f->value = "FUTURE_REF";
      f->anchor = "dct";
      return true;
    }
    if (k.w == "these" && W(i + 1, "days") && !IsWord(i + 2)) {
      f->e = i + 2;
      f->value = "PRESENT_REF";
      f->anchor = "dct";
      return true;
    }
    // "the near future", "in the near term", "over the short term"; "soon" in a clause not told in the past.
    if (k.w == "the" && ((W(i + 1, "near") && (W(i + 2, "future") || W(i + 2, "term"))) ||
                         (W(i + 1, "short") && W(i + 2, "term") && (W(i - 1, "in") || W(i - 1, "over")))) &&
        !P(i + 3, '-')) {
      f->e = i + 3;
      f->value = "FUTURE_REF";
      f->anchor = "dct";
      return true;
    }
    if (k.w == "soon" && !W(i - 1, "as") && !W(i + 1, "as") && !W(i + 1, "after") && !W(i + 1, "afterwards") &&
        !W(i - 1, "too") && !W(i - 1, "how") && !W(i - 1, "so") && Tense(i, i + 1) >= 0) {
      f->e = i + 1;
      f->value = "FUTURE_REF";
      f->anchor = "dct";
      return true;
    }
    // "current" before a noun ("the current crisis", "his current wife"): the present.
    if (k.w == "current" && !W(i - 1, "then") && IsWord(i + 1) && !T(i + 1).cap && !P(i - 1, '-')) {
      const Tok& nx = T(i + 1);
      const bool skip = (nx.lex && (nx.lex->unit || nx.lex->prep || nx.lex->cue || nx.lex->season ||
                                    nx.lex->daypart || nx.lex->rel)) ||
                        nx.w == "account" || nx.w == "accounts" || nx.w == "affairs" || nx.w == "assets" ||
                        nx.w == "liabilities" || nx.w == "fiscal" || nx.w == "and" || nx.w == "s" ||
                        P(i + 2, '-');
      if (!skip) {
        f->e = i + 1;
        f->value = "PRESENT_REF";
        f->anchor = "dct";
        return true;
      }
    }
    if ((k.w == "this" || k.w == "last") && X(i + 1) && X(i + 1)->daypart && !X(i + 1)->plural) {
      int part = X(i + 1)->daypart;
      if (k.w == "last" && part != 4 && part != 3) return false;
      f->e = i + 2;
      f->type = TimexType::kTime;
      if (!have_dct_) {
        f->value = std::string("XXXX-XX-XXT") + kPartCode[part];
        return true;
      }
      SetDay(f, k.w == "last" ? dct_.AddDays(-1) : dct_, "dct");
      f->value += std::string("T") + kPartCode[part];
      return true;
    }
    if (k.w == "overnight" && (P(i + 1, '.') || P(i + 1, ',') || W(i + 1, "and"))) {
      f->e = i + 1;
      f->type = TimexType::kTime;
      if (!have_dct_) {
        f->value = "XXXX-XX-XXTNI";
        return true;
      }
      SetDay(f, dct_.AddDays(-1), "dct");
      f->value += "TNI";
      return true;
    }
    return false;
  }

  // "last week", "this month", "next year", "the past week", "last December", "next quarter", "this fall".
  bool RelUnit(int i, Found* f) {
    int j = i;
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    const Lex* r = X(j);
    if (!r || !r->rel) return false;
    if (the && r->rel == 'T') return false;
    const char rel = r->rel;
    const Lex* u = X(j + 1);
    if (!u) return false;
    f->b = i;
    f->e = j + 2;
    if (u->month && T(j + 1).cap && !the) {
      int m = 0, d = 0;
      int e = MonthName(j + 1, &m, false);
      if (e < 0) return false;
      if (DayOfMonth(e, &d) >= 0 && IsNum(e)) return false;  // "last Oct. 23": MonthExpr reads the day
      f->e = e;
      MonthOnly(f, m, rel == 'T' ? 'T' : rel);
      return true;
    }
    if (u->season && !u->plural && !the) {
      int y = dct_.year;
      const int cur = CurrentSeason();
      if (rel == 'L') y = u->season < cur ? dct_.year : dct_.year - 1;
      if (rel == 'N') y = u->season > cur ? dct_.year : dct_.year + 1;
      f->value = have_dct_ ? Fmt("%04d-", y) + kSeasonCode[u->season]
                           : std::string("XXXX-") + kSeasonCode[u->season];
      f->anchor = "dct";
      return true;
    }
    if (!u->unit || u->plural) return false;
    if (T(j + 1).cap && !T(j + 1).upper) return false;  // "This Week" (a programme), not this week
    const int unit = u->unit;
    if (the && (T(j).w == "following" || T(j).w == "previous" || T(j).w == "preceding") &&
        (unit == kMonthU || unit == kYear))
      return false;  // ThatUnit reads these from the last mentioned date
    if (the || (T(j).w == "past" || T(j).w == "coming" || T(j).w == "following" || T(j).w == "previous" ||
                T(j).w == "preceding")) {
      // "the past week", "the coming year", "the previous day", "the next day"
      if (unit == kDay || (unit == kWeek && (T(j).w == "following" || T(j).w == "previous"))) {
        if (!the) return false;
        int off = rel == 'L' ? -1 : 1;
        Date base = opt_.anchor_to_previous ? ref_ : dct_;
        if (!base.known() || base.precision != DatePrecision::kDay) {
          f->value = off < 0 ? "PAST_REF" : "FUTURE_REF";
          return true;
        }
        if (unit == kDay) {
          SetDay(f, base.AddDays(off), "previous");
        } else {
          Date d = base.AddDays(7 * off);
          f->value = IsoWeekString(d);
          f->anchor = "previous";
        }
        return true;
      }
      if (unit == kYear && have_dct_ && (rel == 'L' || rel == 'N')) {
        // "the past year", "over the next year": TimeBank reads these as the calendar year before
        // or after the publication date, like "last year" ("the past decade" stays a duration).
        f->anchor = "dct";
        f->date = Date::Year(dct_.year + (rel == 'L' ? -1 : 1));
        f->value = f->date.ToString();
        return true;
      }
      f->type = TimexType::kDuration;
      f->value = DurationValue(1, unit);
      return true;
    }
    if (!have_dct_) {
      f->value = rel == 'L' ? "PAST_REF" : rel == 'N' ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    const int off = rel == 'L' ? -1 : rel == 'N' ? 1 : 0;
    f->anchor = "dct";
    switch (unit) {
      case kDay:
        if (rel != 'T') return false;
        SetDay(f, dct_, "dct");
        return true;
      case kWeek: f->value = IsoWeekString(dct_.AddDays(7 * off)); return true;
      case kWeekend: {
        f->value = WeekendValue(off == 0 ? (Tense(i, j + 2) > 0 ? 1 : -1) : off, off != 0);
        return true;
      }
      case kMonthU:
        f->date = AddMonths(dct_, off);
        f->value = f->date.ToString();
        return true;
      case kQuarter: {
        int q = (dct_.year * 4 + (dct_.month - 1) / 3) + off;
        f->value = Fmt("%04d-Q%d", q / 4, q % 4 + 1);
        return true;
      }
      case kYear:
        f->date = Date::Year(dct_.year + off);
        f->value = f->date.ToString();
        return true;
      case kDecade: f->value = Fmt("%03d", (dct_.year / 10 + off)); return true;
      case kCentury: f->value = Fmt("%02d", dct_.year / 100 + off); return true;
      default: return false;
    }
  }

  // The weekend before (dir < 0) or after (dir > 0) DCT: "2022-W05-WE". strict: "last weekend".
  std::string WeekendValue(int dir, bool strict) const {
    const int wd = dct_.Weekday();
    Date sat;
    if (dir < 0) {
      int back = (wd - 6 + 7) % 7;  // days since Saturday
      if (strict && back <= 1) back += 7;
      sat = dct_.AddDays(-back);
    } else {
      int fwd = (6 - wd + 7) % 7;
      if (wd == 7) fwd = 0, sat = dct_.AddDays(-1);
      else sat = dct_.AddDays(fwd);
      if (strict && wd >= 6) sat = sat.AddDays(7);
    }
    return IsoWeekString(sat) + "-WE";
  }

  // "two days ago", "a year earlier", "three weeks later", "a few years ago", "two days after".
  bool Ago(int i, Found* f) {
    int n = 0;
    int j = Number(i, &n, true);
    if (j < 0) return false;
    if (n == 0) return false;
    // "nearly/about two years ago" keeps the span from the number.
    const Lex* u = X(j);
    if (!u || !u->unit) return false;
    int unit = u->unit;
    int k = j + 1;
    if (W(k, "or") && W(k + 1, "so") && (W(k + 2, "ago") || W(k + 2, "earlier") || W(k + 2, "later"))) k += 2;
    const bool ago = W(k, "ago") || (W(k, "from") && W(k + 1, "now"));
    const bool earlier = W(k, "earlier") || W(k, "before") || W(k, "previously");
    const bool later = W(k, "later") || W(k, "after") || W(k, "afterwards") || W(k, "hence");
    if (!ago && !earlier && !later) return false;
    if ((W(k, "before") || W(k, "after")) && IsWord(k + 1) && !(P(k + 1, '.') || P(k + 1, ','))) {
      // "two days before the vote": the duration and a signal, not an anchored date
      return false;
    }
    f->b = i;
    f->e = k + 1 + ((W(k, "from") && W(k + 1, "now")) ? 1 : 0);
    int dir = (ago && W(k, "ago")) || earlier ? -1 : 1;
    const bool from_ref = !ago && opt_.anchor_to_previous;
    Date base = from_ref ? ref_ : dct_;
    f->anchor = from_ref ? "previous" : "dct";
    if (n < 0 || !have_dct_ || !base.known()) {
      f->value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
      return true;
    }
    const int d = dir * n;
    // "a year earlier" right after a quarter: the same quarter a year before.
    if (unit == kYear && !Focus().empty() && i > 0 && (T(i).w == "a" || T(i).w == "one")) {
      int y = std::atoi(Focus().substr(0, 4).c_str());
      f->value = Fmt("%04d", y + d) + Focus().substr(4);
      f->anchor = "previous";
      return true;
    }
    switch (unit) {
      case kSecond:
      case kMinute:
      case kHour:
        f->type = TimexType::kTime;
        SetDay(f, base, f->anchor.c_str());
        return true;
      case kDay: SetDay(f, base.AddDays(d), f->anchor.c_str()); return true;
      case kWeekend:
      case kWeek: f->value = IsoWeekString(base.AddDays(7 * d)); return true;
      case kFortnight: f->value = IsoWeekString(base.AddDays(14 * d)); return true;
      case kMonthU:
        f->date = AddMonths(base, d);
        f->value = f->date.ToString();
        return true;
      case kQuarter: {
        int q = base.year * 4 + (base.month - 1) / 3 + d;
        f->value = Fmt("%04d-Q%d", q / 4, q % 4 + 1);
        return true;
      }
      case kYear:
        f->date = Date::Year(base.year + d);
        f->value = f->date.ToString();
        return true;
      case kDecade:
        f->date = Date::Year(base.year + 10 * d);
        f->value = f->date.ToString();
        return true;
      case kCentury: f->value = Fmt("%02d", (base.year + 100 * d) / 100); return true;
      default: return false;
    }
  }

  // Durations: "five hours", "the past two months", "the first nine months", "five-hour", "several years",
  // "a week" (after for/within/…), "weeks" (after for/within/over), "recent months".
  bool Duration(int i, Found* f) {
    // "half an hour", "half a day", "half a year"
    if (W(i, "half") && (W(i + 1, "a") || W(i + 1, "an")) && X(i + 2) && X(i + 2)->unit && !X(i + 2)->plural &&
        X(i + 2)->unit != kWeekend) {
      f->b = i;
      f->e = i + 3;
      f->type = TimexType::kDuration;
      f->value = HalfDurationValue(0, X(i + 2)->unit);
      return true;
    }
    int j = i;
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    bool qualifier = false;
    if (IsWord(j) && X(j) &&
        ((X(j)->rel && X(j)->rel != 'T') || T(j).w == "first" || T(j).w == "last" || T(j).w == "final" ||
         T(j).w == "initial")) {
      qualifier = true;
      ++j;
    } else if (W(j, "recent")) {
      qualifier = true;
      ++j;
    }
    if (the && !qualifier && X(j) && X(j)->unit && X(j)->plural && X(j)->unit != kWeekend && W(j + 1, "ahead")) {
      // "in the weeks ahead", "the months ahead": an unspecified stretch from now on.
      f->b = i;
      f->e = j + 2;
      f->type = TimexType::kDuration;
      f->value = DurationValue(-1, X(j)->unit);
      return true;
    }
    if (the && !qualifier) {
      // "the nine months", "the six months"
      int v = 0;
      int e = Number(j, &v, false);
      if (e < 0 || v < 0 || !X(e) || !X(e)->unit || !X(e)->plural) return false;
    }
    int n = -1;
    int e = Number(j, &n, true);
    bool article = false;
    if (e >= 0 && (W(j, "a") || W(j, "an")) && n == 1) article = true;
    if (e < 0 && !qualifier && (W(i - 1, "within") || (W(i - 1, "in") && IsWord(i - 2) && T(i - 2).w == "time")) &&
        X(i) && X(i)->plural && X(i)->unit && X(i)->unit != kWeekend &&
        (!IsWord(i + 1) || (W(i + 1, "or") && X(i + 2) && X(i + 2)->unit && X(i + 2)->plural))) {
      // "within weeks", "within weeks or months", "for the first time in years": an unspecified number
      // of units (the first unit gives the value).
      f->b = i;
      f->e = W(i + 1, "or") ? i + 3 : i + 1;
      f->type = TimexType::kDuration;
      f->value = DurationValue(-1, X(i)->unit);
      return true;
    }
    if (e < 0) {
      // A bare plural ("for years", "months of talks") is rarely annotated: leave it.
      if (!qualifier) return false;
      e = j;
      n = -1;
    }
    // A half: "5 1/2 hours", "two and a half years" (and, after the unit, "a year and a half").
    bool half = false;
    if (n > 0 && IsNum(e) && T(e).num == 1 && Glued(e + 1, '/') && IsNum(e + 2) && T(e + 2).num == 2 &&
        !T(e + 2).sp) {
      half = true;
      e += 3;
    } else if (n > 0 && W(e, "and") && W(e + 1, "a") && W(e + 2, "half")) {
      half = true;
      e += 3;
    }
    // "20 more years", "an additional year", "two full days"
    if (W(e, "more") || W(e, "additional") || W(e, "extra") || W(e, "further") || W(e, "full") ||
        W(e, "straight") || W(e, "consecutive"))
      ++e;
    // "eight trading days", "three business days", "ten working days": still days.
    if (n != 0 && (W(e, "trading") || W(e, "business") || W(e, "working") || W(e, "calendar")) && X(e + 1) &&
        X(e + 1)->unit == kDay && X(e + 1)->plural)
      ++e;
    // hyphenated: "five-hour", "30-year", "two-week"
    bool hyphen = false;
    if (P(e, '-') && !T(e).sp && !T(e + 1).sp && X(e + 1) && X(e + 1)->unit && !X(e + 1)->plural) {
      hyphen = true;
      ++e;
    }
    const Lex* u = X(e);
    if (!u || !u->unit || u->unit == kWeekend) return false;
    if (T(e).nl && !hyphen) return false;  // a table heading on the next line, not "N years"
    if (T(e).cap && !T(e).upper && !hyphen && !T(e).nl) return false;  // a title: CBS's "60 Minutes"
    if (!hyphen && !T(e).sp && T(e).kind == kWordTok && IsNum(e - 1)) return false;
    // "a five year low", "a two day rally": a singular unit after a number modifies the next noun.
    if (!hyphen && n > 1 && !u->plural && !(IsWord(e + 1) && !T(e + 1).cap && !X(e + 1))) return false;
    if (n == 1 && u->plural && !half) return false;
    if (!half && n > 0 && !u->plural && W(e + 1, "and") && W(e + 2, "a") && W(e + 3, "half")) {
      half = true;  // "a year and a half": the unit's end moves past "and a half" below
    }
    if (n < 0 && !u->plural) return false;
    if (hyphen && P(e + 1, '-') && W(e + 2, "old")) return false;  // ages
    if (u->unit == kQuarter && !u->plural && W(e + 1, "of")) return false;  // "a quarter of the market"
    if (W(e + 1, "old")) return false;
    if (W(e + 1, "ago") || W(e + 1, "later") || W(e + 1, "earlier")) return false;
    if (article && !qualifier && !hyphen && (u->unit == kDay || u->unit == kWeek || u->unit == kMonthU ||
                                             u->unit == kYear || u->unit == kHour)) {
      // "$33 million a year", "three times a day", "interviews a day": a rate, TimeML's SET.
      const Tok& pv = T(i - 1);
      bool rate = pv.kind == kNumTok || P(i - 1, '%') || W(i - 1, "percent") || W(i - 1, "million") ||
                  W(i - 1, "billion") || W(i - 1, "thousand") || W(i - 1, "times") || W(i - 1, "twice") ||
                  W(i - 1, "once") || W(i - 1, "dozen") || W(i - 1, "hundred");
      if (!rate && pv.kind == kWordTok && !pv.cap && pv.w.size() > 3 && pv.w.back() == 's' && !pv.lex &&
          pv.w != "this" && pv.w != "was" && pv.w != "has" && pv.w != "its" && pv.w != "his" &&
          pv.w != "less" && pv.w != "across" && pv.w != "perhaps" && pv.w != "unless")
        rate = true;
      if (rate) {
        f->b = i;
        f->e = e + 1;
        f->type = TimexType::kSet;
        f->value = DurationValue(1, u->unit);
        return true;
      }
    }
    if (article && !qualifier) {
      // "a year" on its own is a duration only after for/within/over/…
      if (!(W(i - 1, "for") || W(i - 1, "within") || W(i - 1, "over") || W(i - 1, "about") ||
            W(i - 1, "nearly") || W(i - 1, "almost") || W(i - 1, "than") || W(i - 1, "least") ||
            W(i - 1, "after") || W(i - 1, "in") || W(i - 1, "take") || W(i - 1, "takes") ||
            W(i - 1, "lasted") || W(i - 1, "spent") || W(i - 1, "barely") || W(i - 1, "just") ||
            W(i - 1, "only") || (W(i - 1, "as") && W(i - 2, "long"))))
        return false;
    }
    if (!qualifier && T(j).kind == kNumTok && T(j).nd == 4 && u->plural) return false;
    if (!qualifier && n < 0 && !(W(j, "several") || W(j, "few") || W(j, "a") || W(j, "couple") ||
                                 W(j, "many")))
      return false;
    f->b = i;
    f->e = e + 1;
    f->type = TimexType::kDuration;
    f->value = half ? HalfDurationValue(n, u->unit) : DurationValue(n, u->unit);
    if (half && W(e + 1, "and") && W(e + 2, "a") && W(e + 3, "half")) f->e = e + 4;
    if (W(f->e, "or") && W(f->e + 1, "so")) f->e += 2;  // "the next two years or so"
    if (W(i, "the") && !qualifier && T(j).kind == kWordTok && X(j) && X(j)->num < 0 && !X(j)->vague) return false;
    return true;
  }

  // Years and decades: "2021", "fiscal 1989", "the 1990s", "the '90s", "1990s".
  bool YearExpr(int i, Found* f) {
    int j = i;
    bool fiscal = false;
    if (W(j, "fiscal")) {
      fiscal = true;
      ++j;
      if (W(j, "year")) ++j;
    }
    if (W(j, "the") && !fiscal) ++j;
    // "the '90s"
    if (P(j, '\'') && IsNum(j + 1) && T(j + 1).nd == 2 && W(j + 2, "s") && !T(j + 2).sp) {
      int v = static_cast<int>(T(j + 1).num);
      f->b = i;
      f->e = j + 3;
      f->value = Fmt("%03d", (v >= 30 ? 190 : 200) + v / 10);
      return true;
    }
    int y = 0;
    int e = Year(j, &y);
    if (e < 0) return false;
    if (T(j).kind != kNumTok && !fiscal) {
      // "nineteen ninety-seven"
    }
    if (W(e, "s") && !T(e).sp && T(j).kind == kNumTok) {
      f->b = i;
      f->e = e + 1;
      if (y % 10 != 0) return false;
      f->value = Fmt("%03d", y / 10);
      return true;
    }
    if (W(i, "the") && !fiscal) return false;
    if (T(j).kind == kNumTok) {
      // Not a year: "2021 troops", "1990 to 1995"? Years sit next to date words, prepositions or punctuation.
      const Tok& nx = T(e);
      if (nx.kind == kWordTok && !nx.cap && !(nx.lex && (nx.lex->prep || nx.lex->cue)) && !fiscal) {
        // "the 1987 crash", "his 1996 campaign" are years; "2000 troops", "about 1950 people" are not.
        if (nx.lex && nx.lex->unit) return false;
        if (y % 50 == 0 && nx.w.size() > 3 && nx.w.back() == 's' && nx.w[nx.w.size() - 2] != 's') return false;
        if (W(j - 1, "about") || W(j - 1, "some") || W(j - 1, "nearly") || W(j - 1, "than") ||
            W(j - 1, "almost") || W(j - 1, "over") || W(j - 1, "approximately"))
          return false;
        static const char* kNouns[] = {"people", "troops", "soldiers", "votes", "cars", "jobs", "units",
                                       "shares", "tons", "tonnes", "miles", "feet", "meters", "metres",
                                       "points", "km", "kilometers", "dollars", "euros", "workers", "members"};
        for (const char* s : kNouns) {
          if (nx.w == s) return false;
        }
      }
      if (y < 1900 && !fiscal && !(T(j - 1).lex && T(j - 1).lex->prep)) return false;
      if (W(j - 1, "no") || W(j - 1, "number") || W(j - 1, "flight") || W(j - 1, "resolution") ||
          W(j - 1, "route") || W(j - 1, "room") || P(j - 1, '#') || P(j - 1, '$'))
        return false;
    }
    f->b = i;
    f->e = e;
    f->date = Date::Year(y);
    f->value = f->date.ToString();
    return true;
  }

  // Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter", "Q3",
  // "the first half of 1990", "the quarter", "the latest quarter".
  bool QuarterExpr(int i, Found* f) {
    int j = i;
    int pre_year = 0;
    if (X(j) && X(j)->rel && (X(j)->rel == 'T' || W(j, "last") || W(j, "next")) && W(j + 1, "year") &&
        P(j + 2, '\'') && W(j + 3, "s")) {
      // "this year's third quarter", "next year's first quarter"
      pre_year = dct_.year + (W(j, "last") ? -1 : W(j, "next") ? 1 : 0);
      j += 4;
      if (!have_dct_) return false;
    } else if (int y = 0, e = W(j, "fiscal") ? Year(j + 1, &y) : -1;
               e >= 0 && P(e, '\'') && W(e + 1, "s") && X(e + 2) && X(e + 2)->ordinal > 0) {
      pre_year = y;  // "fiscal 1987's third quarter"
      j = e + 2;
    } else if (W(j, "the") || W(j, "its") || W(j, "a")) {
      ++j;
      int y = 0, e = Year(j, &y);  // "the 1988 third quarter"
      if (e >= 0 && X(e) && X(e)->ordinal > 0) {
        pre_year = y;
        j = e;
      }
    }
    if (W(j, "fiscal")) ++j;
    int q = 0;
    bool half = false;
    if (X(j) && X(j)->ordinal > 0 && X(j)->ordinal <= 4) {
      q = X(j)->ordinal;
      ++j;
      if (P(j, '-') && !T(j).sp) ++j;
      if (W(j, "fiscal")) ++j;
      if (W(j, "quarter")) {
        ++j;
      } else if (W(j, "half") && q <= 2) {
        half = true;
        ++j;
      } else {
        return false;
      }
    } else if (T(j).kind == kWordTok && T(j).upper && T(j).w.size() == 2 && T(j).w[0] == 'q' &&
               false) {
      return false;
    } else if (W(j, "latest") || W(j, "current") || W(j, "recent")) {
      // "the latest quarter" is the last one completed (the one a report covers); "the current
      // quarter" the one the publication date falls in.
      q = W(j, "current") ? -3 : -2;
      ++j;
      if (!W(j, "quarter")) return false;
      ++j;
    } else if (W(j, "quarter") && j > i && W(i, "the") && !(Glued(j + 1, '-') && W(j + 2, "to"))) {
      ++j;
      q = -1;
    } else {
      return false;
    }
    int year = pre_year;
    int e = j;
    if (year) {
    } else if (W(e, "of") && W(e + 1, "fiscal") && IsNum(e + 2)) {
      int y = 0, e2 = Year(e + 2, &y);  // "the third quarter of fiscal 1987"
      if (e2 >= 0) {
        year = y;
        e = e2;
      }
    } else if (W(e, "of") || P(e, ',')) {
      int y = 0, e2 = Year(e + 1, &y);
      if (e2 >= 0) {
        year = y;
        e = e2;
      }
    } else {
      int y = 0, e2 = Year(e, &y);
      if (e2 >= 0) {
        year = y;
        e = e2;
      }
    }
    f->b = i;
    f->e = e;
    f->anchor = year ? "" : "dct";
    if ((q == -2 || q == -3) && have_dct_) {
      const int cur = dct_.year * 4 + (dct_.month - 1) / 3 - (q == -2 ? 1 : 0);
      f->value = Fmt("%04d-Q%d", cur / 4, cur % 4 + 1);
      f->anchor = "dct";
      return true;
    }
    if (q < 0) {
      if (!Focus().empty()) {
        f->value = Focus();
        f->anchor = "previous";
        return true;
      }
      if (!have_dct_) {
        f->value = "XXXX-QX";
        return true;
      }
      int cq = (dct_.month - 1) / 3 + 1;
      int y = dct_.year;
      if ((dct_.month - 1) % 3 == 0 && W(j - 1, "quarter") && !W(j - 2, "current")) {
        if (--cq == 0) cq = 4, --y;
      }
      f->value = Fmt("%04d-Q%d", y, cq);
      return true;
    }
    if (!year) {
      if (!have_dct_) {
        f->value = half ? Fmt("XXXX-H%d", q) : Fmt("XXXX-Q%d", q);
        return true;
      }
      year = dct_.year;
      int cq = half ? (dct_.month - 1) / 6 + 1 : (dct_.month - 1) / 3 + 1;
      const int raw = Tense(i, e);
      const int tense = raw == 2 || raw == -2 ? 0 : raw;  // weak cues: the nearer reading
      // A later quarter in a past clause is last year's; with no cue, a quarter two or more ahead of
      // the current one is last year's too ("profits for the fourth quarter" in January), three or
      // more after "would" ("said it would cut fourth-quarter output" in June: this year's).
      if (q > cq && (tense < 0 || (tense == 0 && !half && q - cq >= (raw == 2 ? 3 : 2)))) --year;
    }
    f->value = half ? Fmt("%04d-H%d", year, q) : Fmt("%04d-Q%d", year, q);
    return true;
  }

  // Seasons: "this summer" (RelUnit), "summer 2021", "the summer of 2021", "in the spring", "last fall".
  bool SeasonExpr(int i, Found* f) {
    int j = i;
    bool the = false;
    if (W(j, "the")) {
      the = true;
      ++j;
    }
    char mod = 0;  // "the early summer", "the late spring"
    if (the && X(j) && X(j)->mod && X(j + 1) && X(j + 1)->season) {
      mod = X(j)->mod;
      ++j;
    }
    const Lex* s = X(j);
    if (!s || !s->season || s->plural) return false;
    int y = 0;
    int e = j + 1;
    if (W(e, "of")) {
      int e2 = Year(e + 1, &y);
      if (e2 < 0) return false;
      e = e2;
    } else {
      int e2 = Year(e, &y);
      if (e2 >= 0) e = e2;
    }
    if (!y) {
      // "fall" and "spring" are verbs and nouns too: need "in the", "this", "during the" …
      if (!the) return false;
      if (!(W(i - 1, "in") || W(i - 1, "during") || W(i - 1, "over") || W(i - 1, "by") || W(i - 1, "until") ||
            W(i - 1, "into") || (mod && W(i - 1, "of")) ||
            W(i - 1, "since") || W(i - 1, "through")))
        return false;
      if (P(e, '-') || (IsWord(e) && !(X(e) && (X(e)->prep)))) {
        if (!(P(e, '.') || P(e, ',')) && IsWord(e) && !T(e).lex) return false;
      }
    }
    f->b = i;
    f->e = e;
    if (mod) f->mod = mod == 'S' ? "START" : mod == 'M' ? "MID" : "END";
    if (y) {
      f->value = Fmt("%04d-", y) + kSeasonCode[s->season];
      return true;
    }
    if (!have_dct_) {
      f->value = std::string("XXXX-") + kSeasonCode[s->season];
      return true;
    }
    // A past clause flips a season to last year only when it lies two seasons or more ahead ("did not
    // improve over the summer" in March is this summer): from March to November the season after
    // the current one still counts as this year's.
    const int cur = dct_.month == 12 || dct_.month <= 2 ? CurrentSeason() : CurrentSeason() + 1;
    int tense = Tense(i, e);
    int yy = dct_.year;
    if (tense < 0 && s->season > cur) --yy;
    if (tense > 0 && s->season < CurrentSeason()) ++yy;  // a future clause: a season already over
    f->value = Fmt("%04d-", yy) + kSeasonCode[s->season];
    f->anchor = "dct";
    return true;
  }

  // Sets: "daily", "weekly", "every Monday", "each year", "every month".
  bool SetExpr(int i, Found* f) {
    const Tok& k = T(i);
    if (k.lex && k.lex->set_unit) {
      if (IsWord(i + 1) && T(i + 1).cap && !T(i + 1).nl) return false;  // "the party daily Granma"
      f->b = i;
      f->e = i + 1;
      f->type = TimexType::kSet;
      f->value = DurationValue(1, k.lex->set_unit);
      return true;
    }
    if (!(k.w == "every" || k.w == "each")) return false;
    int j = i + 1;
    if (X(j) && X(j)->weekday && !X(j)->abbrev && T(j).cap) {
      f->b = i;
      f->e = j + 1;
      f->type = TimexType::kSet;
      f->value = Fmt("XXXX-WXX-%d", X(j)->weekday);
      return true;
    }
    if (X(j) && X(j)->month && T(j).cap && !X(j)->ambiguous_month) {
      f->b = i;
      f->e = j + 1;
      f->type = TimexType::kSet;
      f->value = Fmt("XXXX-%02d", X(j)->month);
      return true;
    }
    int n = 1;
    int e = j;
    int v = 0;
    int e2 = Number(j, &v, false);
    if (e2 >= 0 && v > 0) {
      n = v;
      e = e2;
    }
    if (X(e) && X(e)->unit && X(e)->unit != kWeekend) {
      if ((n == 1) == X(e)->plural) return false;
      f->b = i;
      f->e = e + 1;
      f->type = TimexType::kSet;
      f->value = DurationValue(n, X(e)->unit);
      return true;
    }
    return false;
  }

  // Clock times: "10 p.m.", "10:35 a.m.", "9 a.m. EST Tuesday", "noon Thursday", "midnight".
  bool Clock(int i, Found* f) {
    int hour = -1, minute = 0;
    int j = i;
    const Tok& k = T(i);
    if (k.kind == kWordTok) {
      if (W(i - 1, "high")) return false;
      if (k.w == "noon" || k.w == "midday") hour = 12;
      else if (k.w == "midnight") hour = 24;
      else return false;
      ++j;
    } else if (k.nd == 4) {
      // Military/wire style "1100 GMT", "0930 local time", "at 1530": a zone, "local time" or
      // "hours" must follow, or "at" precede a number that Year() refuses as a year.
      const int hh = static_cast<int>(k.num / 100), mm = static_cast<int>(k.num % 100);
      if (hh > 24 || mm > 59 || (hh == 24 && mm != 0)) return false;
      if ((P(i + 1, ',') || P(i + 1, '.') || P(i + 1, ':')) && !T(i + 1).sp && IsNum(i + 2)) return false;
      ++j;
      const bool zone = IsWord(j) && X(j) && X(j)->tz && T(j).upper;
      const bool local = W(j, "local") && W(j + 1, "time");
      const bool hours = W(j, "hours") || W(j, "hrs");
      int y = 0;
      const bool at = (W(i - 1, "at") || W(i - 1, "by") || W(i - 1, "until") || W(i - 1, "around")) &&
                      Year(i, &y) < 0;
      if (!zone && !local && !hours && !at) return false;
      if (hours) ++j;
      hour = hh;
      minute = mm;
    } else {
      if (k.nd > 2 || k.num > 24) return false;
      hour = static_cast<int>(k.num);
      ++j;
      if (P(j, ':') && !T(j).sp && IsNum(j + 1) && T(j + 1).nd == 2 && !T(j + 1).sp) {
        minute = static_cast<int>(T(j + 1).num);
        if (minute > 59) return false;
        j += 2;
      }
      // am/pm: "a.m.", "am", "a.m", "p.m."
      bool pm = false, am = false;
      if (W(j, "a") || W(j, "p") || W(j, "am") || W(j, "pm")) {
        bool short_form = T(j).w.size() == 1;
        if (short_form) {
          if (!(Glued(j + 1, '.') && W(j + 2, "m") && !T(j + 2).sp)) return false;
          pm = T(j).w == "p";
          am = !pm;
          j += 3;
          if (Glued(j, '.')) ++j;
        } else {
          pm = T(j).w == "pm";
          am = !pm;
          ++j;
        }
      } else if (W(j, "o") && P(j + 1, '\'') && W(j + 2, "clock")) {
        j += 3;
      } else if (hour >= 1 && hour <= 12 && ((W(j, "in") && W(j + 1, "the") && X(j + 2) && X(j + 2)->daypart &&
                                              X(j + 2)->daypart <= 3 && !X(j + 2)->plural) ||
                                             (W(j, "at") && W(j + 1, "night")))) {
        // "4 in the morning", "8 in the evening", "11 at night"
        const int part = W(j, "at") ? 4 : X(j + 2)->daypart;
        am = part == 1;
        pm = !am && !(part == 4 && hour <= 4);  // "2 at night" is early morning
        j += W(j, "at") ? 2 : 3;
      } else if (minute == 0 || k.nd > 2) {
        return false;
      } else if (!(W(i - 1, "at") || W(i - 1, "by") || W(i - 1, "around") || W(i - 1, "until"))) {
        return false;
      }
      if (hour > 12 && (am || pm)) return false;
      if (pm && hour < 12) hour += 12;
      if (am && hour == 12) hour = 0;
    }
    if (IsWord(j) && X(j) && X(j)->tz && (T(j).upper)) ++j;
    else if (W(j, "local") && W(j + 1, "time")) j += 2;
    f->b = i;
    f->type = TimexType::kTime;
    // Day it belongs to: a following weekday / today / yesterday / month-day, else the day last
    // mentioned (news gives the day once, then the times), else DCT.
    Date day = opt_.anchor_to_previous && ref_.precision == DatePrecision::kDay ? ref_ : dct_;
    int e = j;
    {
      int s = j;
      // "10:35 a.m. (0735 GMT) Friday": the day after a bracketed restatement belongs to this time
      // too, but the span stays the clock time itself.
      bool bracket = false;
      if (P(s, '(')) {
        for (int r = s + 1; r < n_ && r <= s + 6; ++r) {
          if (P(r, ')')) {
            bracket = IsNum(s + 1);
            if (bracket) s = r + 1;
            break;
          }
        }
      }
      if (P(s, ',') || W(s, "on")) ++s;
      Found g;
      if (X(s) && X(s)->weekday && !X(s)->plural && T(s).cap && WeekdayExpr(s, &g) && g.date.known()) {
        day = g.date;
        e = g.e;
        // A bare weekday takes the tense of the clause around the whole expression ("until 9 a.m.
        // Tuesday" looks ahead even though no cue sits right before "Tuesday").
        if (g.e <= s + 2 && g.anchor == "dct" && g.value.size() == 10 && have_dct_)
          day = WeekdayDate(X(s)->weekday, Tense(i, g.e), 0);
      } else if (X(s) && X(s)->deictic && X(s)->deictic <= kTomorrow && have_dct_) {
        int off = X(s)->deictic == kToday ? 0 : X(s)->deictic == kYesterday ? -1 : 1;
        day = dct_.AddDays(off);
        e = s + 1;
      } else if (X(s) && X(s)->month && MonthExpr(s, &g) && g.date.precision == DatePrecision::kDay) {
        day = g.date;
        e = g.e;
      }
      extra_.clear();
      if (bracket) e = j;
    }
    f->e = e;
    if (!day.known() || day.precision != DatePrecision::kDay) {
      f->value = hour == 24 ? "XXXX-XX-XXT24:00" : Fmt("XXXX-XX-XXT%02d:%02d", hour, minute);
      return true;
    }
    f->date = day;
    f->anchor = e > j ? "dct" : "dct";
    f->value = day.ToString() + (hour == 24 ? std::string("T24:00") : Fmt("T%02d:%02d", hour, minute));
    return true;
  }

  // "the next day", "the following day", "the previous day", "the day before", "the same day"; a part
  // of such a day: "the next morning", "the previous night", "that evening".
  bool RefDay(int i, Found* f) {
    // "in the morning" after a day was named: that day's morning.
    const bool the_part = W(i, "the") && (W(i - 1, "in") || W(i - 1, "during")) && !W(i + 2, "of") &&
                          !P(i + 2, '-') && !IsNum(i - 2);
    const int rel_part = (W(i, "the") && (W(i + 1, "next") || W(i + 1, "following") || W(i + 1, "previous")))
                             ? 2
                             : (W(i, "that") || the_part) ? 1 : 0;
    if (rel_part && X(i + rel_part) && X(i + rel_part)->daypart && !X(i + rel_part)->plural &&
        !(IsWord(i + rel_part + 1) && X(i + rel_part + 1) && X(i + rel_part + 1)->unit)) {
      const int part = X(i + rel_part)->daypart;
      const int off = rel_part == 1 ? 0 : W(i + 1, "previous") ? -1 : 1;
      // "that night" needs a date context before it ("on that night", ", that night", "later that night").
      if (rel_part == 1 && !the_part && !(W(i - 1, "on") || W(i - 1, "later") || W(i - 1, "earlier") || W(i - 1, "until") ||
                             W(i - 1, "by") || W(i - 1, "of") || P(i - 1, ',') || T(i).nl || P(i + 2, '.') ||
                             P(i + 2, ',')))
        return false;
      f->b = i;
      f->e = i + rel_part + 1;
      f->type = TimexType::kTime;
      const Date base = opt_.anchor_to_previous ? ref_ : dct_;
      if (!base.known() || base.precision != DatePrecision::kDay) {
        f->value = std::string("XXXX-XX-XXT") + kPartCode[part];
        return true;
      }
      SetDay(f, base.AddDays(off), "previous");
      f->value += std::string("T") + kPartCode[part];
      return true;
    }
    if (!W(i, "the")) return false;
    int off;
    int e;
    if (W(i + 1, "week") && !W(i + 2, "of") && !P(i + 2, '-') &&
        (W(i - 1, "for") || W(i - 1, "during") || W(i - 1, "in") || W(i - 1, "over") || W(i - 1, "through") ||
         (P(i + 2, '\'') && W(i + 3, "s")))) {
      // "For the week, the index fell", "the week's most active session": the week of the day last
      // mentioned (the trading day a market report is about), else of the publication date.
      if (W(i + 2, "before") || W(i + 2, "after") || W(i + 2, "ahead") || W(i + 2, "following") ||
          W(i + 2, "ended") || W(i + 2, "ending"))
        return false;
      f->b = i;
      f->e = i + 2;
      const Date base = opt_.anchor_to_previous && ref_.precision == DatePrecision::kDay ? ref_ : dct_;
      if (!base.known() || base.precision != DatePrecision::kDay) {
        f->value = "XXXX-WXX";
        return true;
      }
      f->value = IsoWeekString(base);
      f->anchor = base == dct_ ? "dct" : "previous";
      return true;
    }
    if (W(i + 1, "same") && W(i + 2, "day")) {
      off = 0;
      e = i + 3;
    } else if (W(i + 1, "day") && (W(i + 2, "before") || W(i + 2, "after")) &&
               (P(i + 3, '.') || P(i + 3, ',') || P(i + 3, ';'))) {
      off = W(i + 2, "before") ? -1 : 1;
      e = i + 3;
    } else {
      return false;
    }
    f->b = i;
    f->e = e;
    Date base = opt_.anchor_to_previous ? ref_ : dct_;
    if (!base.known() || base.precision != DatePrecision::kDay) {
      f->value = off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return true;
    }
    SetDay(f, base.AddDays(off), "previous");
    return true;
  }

  // Named days: "Christmas (Eve/Day)", "New Year's Day/Eve", "Thanksgiving", "Election Day",
  // "Valentine's Day", "Halloween", "Veterans Day", "Memorial Day", "Easter (Sunday/Monday)",
  // "Good Friday". Without a year they take the DCT's, moved by the tense of the clause.
  bool Holiday(int i, Found* f) {
    enum Rule { kFixed, kThanksgiving, kElection, kMemorial, kEaster };
    int m = 0, d = 0, e = i + 1, easter_offset = 0;
    bool week = false;  // "Easter week": the ISO week holding the day
    Rule rule = kFixed;
    const Tok& k = T(i);
    if (!k.cap) return false;
    auto capword = [&](int j, const char* w) { return W(j, w) && T(j).cap; };
    if (k.w == "christmas") {
      m = 12, d = 25;
      if (W(e, "day")) ++e;
      else if (W(e, "eve")) ++e, d = 24;
    } else if (k.w == "new" && W(i + 1, "year") && P(i + 2, '\'') && W(i + 3, "s") &&
               (W(i + 4, "day") || W(i + 4, "eve")) && T(i + 4).cap) {
      m = W(i + 4, "day") ? 1 : 12;
      d = m == 1 ? 1 : 31;
      e = i + 5;
    } else if (k.w == "thanksgiving") {
      m = 11, rule = kThanksgiving;
      if (W(e, "day")) ++e;
    } else if (k.w == "election" && capword(i + 1, "day")) {
      m = 11, rule = kElection, e = i + 2;
    } else if (k.w == "valentine" && P(i + 1, '\'') && W(i + 2, "s") && capword(i + 3, "day")) {
      m = 2, d = 14, e = i + 4;
    } else if (k.w == "halloween") {
      m = 10, d = 31;
    } else if (k.w == "veterans" && (capword(i + 1, "day") || (P(i + 1, '\'') && capword(i + 2, "day")))) {
      m = 11, d = 11, e = W(i + 1, "day") ? i + 2 : i + 3;
    } else if (k.w == "memorial" && capword(i + 1, "day")) {
      m = 5, rule = kMemorial, e = i + 2;
    } else if (k.w == "easter" && !(IsWord(i + 1) && T(i + 1).cap && !W(i + 1, "sunday") && !W(i + 1, "monday"))) {
      m = 4, rule = kEaster;
      if (capword(e, "sunday")) ++e;
      else if (capword(e, "monday")) ++e, easter_offset = 1;
      else if (W(e, "week")) ++e, week = true;
    } else if (k.w == "good" && capword(i + 1, "friday")) {
      m = 4, rule = kEaster, easter_offset = -2, e = i + 2;
    } else {
      return false;
    }
    f->b = i;
    f->e = e;
    int year = 0;
    e = OptionalYear(e, &year);
    f->e = e;
    const bool from_dct = year == 0;
    if (!year) {
      if (!have_dct_) {
        f->value = d ? Fmt("XXXX-%02d-%02d", m, d) : Fmt("XXXX-%02d", m);
        return true;
      }
      int tense = Tense(i, e);
      year = dct_.year;
      if (tense < 0 && (m > dct_.month)) --year;
      if (tense > 0 && (m < dct_.month)) ++year;
    }
    Date day;
    switch (rule) {
      case kFixed: day = Date::Day(year, m, d); break;
      case kThanksgiving: {  // fourth Thursday of November
        const int wd = Date::Day(year, 11, 1).Weekday();
        day = Date::Day(year, 11, 1 + (4 - wd + 7) % 7 + 21);
        break;
      }
      case kElection: {  // the Tuesday after the first Monday of November
        const int wd = Date::Day(year, 11, 1).Weekday();
        day = Date::Day(year, 11, 1 + (1 - wd + 7) % 7 + 1);
        break;
      }
      case kMemorial: {  // last Monday of May
        const int wd = Date::Day(year, 5, 31).Weekday();
        day = Date::Day(year, 5, 31 - (wd - 1 + 7) % 7);
        break;
      }
      case kEaster: {  // Gregorian computus (anonymous algorithm)
        const int a = year % 19, b = year / 100, c = year % 100, dd = b / 4, ee = b % 4;
        const int g = (8 * b + 13) / 25, h = (19 * a + b - dd - g + 15) % 30, ii = c / 4, kk = c % 4;
        const int l = (32 + 2 * ee + 2 * ii - h - kk) % 7, mm = (a + 11 * h + 22 * l) / 451;
        const int month = (h + l - 7 * mm + 114) / 31, dom = (h + l - 7 * mm + 114) % 31 + 1;
        day = Date::Day(year, month, dom).AddDays(easter_offset);
        break;
      }
    }
    SetDay(f, day, from_dct ? "dct" : "");
    if (week) {
      f->value = IsoWeekString(day);
      f->date = Date();
    }
    return true;
  }

  // "year-earlier" / "year-ago" (period): the same period a year before.
  // Also "the year-ago third quarter", "the comparable period last year", "last year's quarter".
  bool YearEarlier(int i, Found* f) {
    int j = i;
    const bool the = W(j, "the");
    if (the) ++j;
    bool comparable = false;
    if (the && (W(j, "comparable") || W(j, "corresponding") || W(j, "same") || W(j, "prior"))) {
      comparable = true;
      ++j;
    }
    int e = 0, q = 0;
    bool period = false;
    if (W(j, "year") && P(j + 1, '-') && !T(j + 1).sp && (W(j + 2, "earlier") || W(j + 2, "ago"))) {
      e = j + 3;
      if (X(e) && X(e)->ordinal > 0 && X(e)->ordinal <= 4) {
        int k = e + 1;
        if (P(k, '-') && !T(k).sp) ++k;
        if (W(k, "quarter")) {
          q = X(e)->ordinal;
          e = k + 1;
          period = true;
        }
      }
      if (!q && (W(e, "quarter") || W(e, "period"))) {
        period = true;
        ++e;
      }
      int n = 0;
      const int ne = Number(e, &n, false);
      if (!q && !period && ne >= 0 && n > 0 && X(ne) && X(ne)->unit && X(ne)->plural) {
        // "the year-earlier nine months": the length of that period
        f->b = i;
        f->e = ne + 1;
        f->type = TimexType::kDuration;
        f->value = DurationValue(n, X(ne)->unit);
        return true;
      }
      if (the && !period) return false;
    } else if (comparable && (W(j, "period") || W(j, "quarter")) &&
               ((W(j + 1, "last") && W(j + 2, "year")) ||
                (W(j + 1, "a") && W(j + 2, "year") && (W(j + 3, "ago") || W(j + 3, "earlier"))))) {
      period = true;
      e = W(j + 1, "last") ? j + 3 : j + 4;
    } else if (!the && W(j, "last") && W(j + 1, "year") && P(j + 2, '\'') && W(j + 3, "s") &&
               (W(j + 4, "quarter") || W(j + 4, "period"))) {
      period = true;
      e = j + 5;
    } else {
      return false;
    }
    f->b = i;
    f->e = e;
    f->anchor = "dct";
    if (!have_dct_) {
      f->value = "PAST_REF";
      return true;
    }
    if (q) {
      const int y = Focus().empty() ? dct_.year - 1 : std::atoi(Focus().substr(0, 4).c_str()) - 1;
      f->value = Fmt("%04d-Q%d", y, q);
      return true;
    }
    if (!Focus().empty() && (W(e - 1, "quarter") || W(e - 1, "period") || !period)) {
      int y = std::atoi(Focus().substr(0, 4).c_str());
      f->value = Fmt("%04d", y - 1) + Focus().substr(4);
      f->anchor = "previous";
      return true;
    }
    f->date = Date::Year(dct_.year - 1);
    f->value = f->date.ToString();
    return true;
  }

  // "the weekend", "over the weekend": the weekend before DCT, or the coming one in a future clause.
  bool Weekend(int i, Found* f) {
    if (!(W(i, "the") && W(i + 1, "weekend")) || W(i + 2, "of")) return false;
    f->b = i;
    f->e = i + 2;
    if (!have_dct_) {
      f->value = "XXXX-WXX-WE";
      return true;
    }
    f->value = WeekendValue(Tense(i, i + 2) > 0 ? 1 : -1, false);
    f->anchor = "dct";
    return true;
  }

  // Units read against the time last mentioned: "that day", "earlier that day", "later that year",
  // "that same day", "the following year", "the previous month".
  bool ThatUnit(int i, Found* f) {
    int j = i;
    char mod = 0;
    if (W(j, "earlier") || W(j, "later")) {
      mod = W(j, "earlier") ? 'S' : 'E';
      ++j;
    }
    int off = 0;
    if (W(j, "that")) {
      ++j;
      if (W(j, "same")) ++j;
    } else if (W(j, "the") && (W(j + 1, "following") || W(j + 1, "previous") || W(j + 1, "preceding"))) {
      off = W(j + 1, "following") ? 1 : -1;
      j += 2;
    } else {
      return false;
    }
    const Lex* u = X(j);
    if (off == 0 && !mod && W(i, "that") && W(j, "quarter") && !quarter_mentioned_.empty() && !P(j + 1, '-')) {
      // "Results for that quarter": the quarter in focus.
      f->b = i;
      f->e = j + 1;
      f->value = quarter_mentioned_;
      f->anchor = "previous";
      return true;
    }
    if (!u || u->plural || !(u->unit == kDay || u->unit == kYear || u->unit == kMonthU || u->unit == kWeek))
      return false;
    const int unit = u->unit;
    if (off == 0 && W(i, "that") && !(W(i - 1, "on") || W(i - 1, "in") || W(i - 1, "by") || W(i - 1, "of") ||
                                       W(i - 1, "until") || W(i - 1, "later") || P(i - 1, ',') ||
                                       W(i - 1, "during") || W(i - 1, "for") || P(j + 1, '.') || P(j + 1, ',')))
      return false;
    if (off != 0 && (unit == kDay || unit == kWeek)) return false;  // RelUnit reads these from the last day
    const Date& base = unit == kDay || unit == kWeek ? ref_ : ref_any_;
    f->b = i;
    f->e = j + 1;
    f->anchor = "previous";
    if (mod) f->mod = mod == 'S' ? "START" : "END";
    if (!base.known() || (unit == kDay && base.precision != DatePrecision::kDay) ||
        (unit == kMonthU && base.precision < DatePrecision::kMonth) ||
        (unit == kWeek && base.precision != DatePrecision::kDay)) {
      f->value = off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PAST_REF";
      return true;
    }
    switch (unit) {
      case kDay: f->date = base; break;
      case kWeek: f->value = IsoWeekString(base); return true;
      case kMonthU: f->date = AddMonths(base, off); break;
      default: f->date = Date::Year(base.year + off); break;
    }
    f->value = f->date.ToString();
    return true;
  }

  // Reporting periods: "the latest period", "the 1988 period", "the 1988 quarter".
  bool Period(int i, Found* f) {
    if (!W(i, "the")) return false;
    int j = i + 1;
    if ((W(j, "latest") || W(j, "recent") || W(j, "current")) && W(j + 1, "period")) {
      f->b = i;
      f->e = j + 2;
      f->anchor = "previous";
      if (!Focus().empty()) {
        f->value = Focus();
      } else if (have_dct_) {
        int q = dct_.year * 4 + (dct_.month - 1) / 3 - 1;
        f->value = Fmt("%04d-Q%d", q / 4, q % 4 + 1);
        f->anchor = "dct";
      } else {
        f->value = "XXXX-QX";
      }
      return true;
    }
    int y = 0;
    int e = Year(j, &y);
    if (e < 0 || !(W(e, "period") || W(e, "quarter"))) return false;
    f->b = i;
    f->e = e + 1;
    if (!Focus().empty()) {
      f->value = Fmt("%04d", y) + Focus().substr(4);
      f->anchor = "previous";
    } else {
      f->date = Date::Year(y);
      f->value = f->date.ToString();
    }
    return true;
  }

  // Fiscal and calendar years named by reference: "the year ended June 30" (a duration), "for the full
  // year", "the current fiscal year" (this year), "year-end", "year's end".
  bool TheYear(int i, Found* f) {
    int j = i;
    if (W(j, "the")) {
      ++j;
      if (W(j, "full") || W(j, "current") || W(j, "latest")) ++j;
      if (W(j, "fiscal")) ++j;
      if (!W(j, "year")) return false;
      if (P(j + 1, '-') && !T(j + 1).sp) return false;  // "the year-earlier …", "the year-end …"
      f->b = i;
      f->e = j + 1;
      if (W(j + 1, "ended") || W(j + 1, "ending") || W(j + 1, "ends") || W(j + 1, "to")) {
        f->type = TimexType::kDuration;
        f->value = "P1Y";
        return true;
      }
      if (!(W(i - 1, "for") || W(i - 1, "in") || W(i - 1, "throughout") || W(i - 1, "during") ||
            (W(i - 1, "of") && (W(i - 2, "months") || W(i - 2, "half") || W(i - 2, "end") || W(i - 2, "rest")))))
        return false;
      if (W(j + 1, "'") || P(j + 1, '\'') || W(j + 1, "before") || W(j + 1, "after")) return false;
      if (!have_dct_) {
        f->value = "XXXX";
        return true;
      }
      f->date = Date::Year(dct_.year);
      f->value = f->date.ToString();
      f->anchor = "dct";
      return true;
    }
    // "year-end", "year end", "year's end"
    int e;
    if (W(j, "year") && ((P(j + 1, '-') && W(j + 2, "end")) || (P(j + 1, '\'') && W(j + 2, "s") && W(j + 3, "end"))))
      e = W(j + 2, "end") ? j + 3 : j + 4;
    else if (W(j, "year") && W(j + 1, "end") && (W(i - 1, "by") || W(i - 1, "at") || W(i - 1, "around") ||
                                                W(i - 1, "since") || W(i - 1, "before") || W(i - 1, "until")))
      e = j + 2;
    else
      return false;
    f->b = i;
    f->e = e;
    if (!have_dct_) {
      f->value = "XXXX";
      return true;
    }
    f->date = Date::Year(W(i - 1, "since") ? dct_.year - 1 : dct_.year);
    f->value = f->date.ToString();
    f->anchor = "dct";
    return true;
  }

  // "the week of March 6": the ISO week holding that day.
  bool WeekOf(int i, Found* f) {
    if (!(W(i, "the") && W(i + 1, "week") && W(i + 2, "of"))) return false;
    Found g;
    const size_t before = extra_.size();
    const bool ok = (MonthExpr(i + 3, &g) || DayMonth(i + 3, &g)) && g.date.precision == DatePrecision::kDay;
    extra_.resize(before);
    if (!ok) return false;
    f->b = i;
    f->e = g.e;
    f->value = IsoWeekString(g.date);
    f->anchor = g.anchor;
    return true;
  }

  // "the nineties", "the sixties".
  bool DecadeWord(int i, Found* f) {
    if (!W(i, "the")) return false;
    static const char* kDecades[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                     "eighties", "nineties"};
    for (int d = 0; d < 8; ++d) {
      if (W(i + 1, kDecades[d])) {
        f->b = i;
        f->e = i + 2;
        f->value = Fmt("19%d", d + 2);
        return true;
      }
    }
    return false;
  }

  // "the 20th century", "the eleventh century" → "19", "10".
  bool Century(int i, Found* f) {
    int j = i;
    if (W(j, "the")) ++j;
    int c = 0;
    if (IsNum(j) && T(j).nd <= 2 && IsWord(j + 1) && !T(j + 1).sp &&
        (T(j + 1).w == "st" || T(j + 1).w == "nd" || T(j + 1).w == "rd" || T(j + 1).w == "th")) {
      c = static_cast<int>(T(j).num);
      j += 2;
    } else if (X(j) && X(j)->ordinal > 0) {
      c = X(j)->ordinal;
      ++j;
    } else {
      return false;
    }
    if (P(j, '-') && !T(j).sp) ++j;
    if (!W(j, "century") || c < 1) return false;
    f->b = i;
    f->e = j + 1;
    f->value = Fmt("%02d", c - 1);
    return true;
  }

  // Modifiers around another expression: "early 2021", "mid-February", "late Tuesday", "earlier this
  // month", "the end of 1990", "the beginning of next year", "later this year".
  bool Modified(int i, Found* f) {
    const Tok& k = T(i);
    char mod = 0;
    int j = i + 1;
    if (k.lex && k.lex->mod) {
      mod = k.lex->mod;
      if (P(j, '-') && !T(j).sp) ++j;
    } else if (k.w == "earlier" || k.w == "later") {
      if (!(W(j, "this") || W(j, "today") || W(j, "yesterday") || W(j, "tomorrow") || W(j, "that") ||
            W(j, "in")))
        return false;
      if (W(j, "in") && !(W(j + 1, "the") && X(j + 2) && X(j + 2)->unit)) return false;
      mod = k.w == "earlier" ? 'S' : 'E';
      if (W(j, "in")) {
        // "earlier in the year" / "later in the month": the current unit
        int u = X(j + 2)->unit;
        f->b = i;
        f->e = j + 3;
        f->mod = mod == 'S' ? "START" : "END";
        f->anchor = "dct";
        if (!have_dct_) {
          f->value = "PRESENT_REF";
          return true;
        }
        if (u == kYear) f->value = Fmt("%04d", dct_.year);
        else if (u == kMonthU) f->value = Fmt("%04d-%02d", dct_.year, dct_.month);
        else if (u == kWeek) f->value = IsoWeekString(dct_);
        else if (u == kDay) f->value = dct_.ToString();
        else return false;
        return true;
      }
    } else if (k.w == "the" && (W(j, "end") || W(j, "beginning") || W(j, "start") || W(j, "middle") ||
                                W(j, "turn")) && W(j + 1, "of")) {
      mod = W(j, "middle") ? 'M' : (W(j, "end")) ? 'E' : 'S';
      j += 2;
    } else if (k.w == "mid" || k.w == "midway") {
      mod = 'M';
    } else {
      return false;
    }
    if (j >= n_) return false;
    // "mid-afternoon", "early morning yesterday", "late Tuesday night" (the weekday form goes through
    // WeekdayExpr below): a part of the publication day or of the deictic day that follows.
    if (k.w != "the" && X(j) && X(j)->daypart && !X(j)->plural) {
      const int part = X(j)->daypart;
      int e = j + 1, off = 0;
      if (X(e) && X(e)->deictic >= kToday && X(e)->deictic <= kTomorrow) {
        off = X(e)->deictic == kToday ? 0 : X(e)->deictic == kYesterday ? -1 : 1;
        ++e;
      } else if (!(W(i - 1, "by") || W(i - 1, "in") || W(i - 1, "at") || W(i - 1, "until") ||
                   W(i - 1, "since") || W(i - 1, "before") || W(i - 1, "after") || W(i - 1, "around"))) {
        return false;
      }
      f->b = i;
      f->e = e;
      f->type = TimexType::kTime;
      f->mod = mod == 'S' ? "START" : mod == 'M' ? "MID" : "END";
      if (!have_dct_) {
        f->value = std::string("XXXX-XX-XXT") + kPartCode[part];
        return true;
      }
      SetDay(f, dct_.AddDays(off), "dct");
      f->value += std::string("T") + kPartCode[part];
      return true;
    }
    Found g;
    bool ok = false;
    if (W(j, "the") && X(j + 1) && X(j + 1)->unit && !X(j + 1)->plural && mod && k.w == "the") {
      // "the end of the year/month/week/day": the current one
      int u = X(j + 1)->unit;
      g.b = j;
      g.e = j + 2;
      g.anchor = "dct";
      if (!have_dct_) g.value = "PRESENT_REF";
      else if (u == kYear) g.value = Fmt("%04d", dct_.year);
      else if (u == kMonthU) g.value = Fmt("%04d-%02d", dct_.year, dct_.month);
      else if (u == kWeek) g.value = IsoWeekString(dct_);
      else if (u == kDay) g.value = dct_.ToString();
      else if (u == kQuarter) g.value = Fmt("%04d-Q%d", dct_.year, (dct_.month - 1) / 3 + 1);
      else if (u == kDecade) g.value = Fmt("%03d", dct_.year / 10);
      else return false;
      ok = true;
    } else {
      const size_t before = extra_.size();
      ok = MonthExpr(j, &g) || YearExpr(j, &g) || RelUnit(j, &g) || SeasonExpr(j, &g) ||
           WeekdayExpr(j, &g) || DeicticExpr(j, &g) || QuarterExpr(j, &g);
      extra_.resize(before);
      if (ok && (g.type != TimexType::kDate && g.type != TimexType::kTime)) ok = false;
      if (ok && (g.value == "PRESENT_REF" || g.value == "PAST_REF" || g.value == "FUTURE_REF")) ok = false;
    }
    if (!ok || g.b != j) return false;
    *f = g;
    f->b = i;
    f->mod = mod == 'S' ? "START" : mod == 'M' ? "MID" : "END";
    return true;
  }

  const std::vector<Tok>& t_;
  const int n_;
  const Date dct_;
  const TimexOptions& opt_;
  const bool have_dct_;
  Date ref_;
  Date ref_any_;  // last DATE with a calendar reading, any precision
  std::string last_quarter_;       // the quarter in focus (see IsFocusQuarter)
  std::string quarter_mentioned_;  // the quarter last named, whatever its role ("that quarter")
  int quarter_mentioned_end_ = 0;  // token after it
  int cur_ = 0;                    // token where the expression being matched starts
  std::vector<Found> extra_;
};

}  // namespace

std::string IsoWeekString(const Date& d) {
  if (d.precision != DatePrecision::kDay) return "";
  const Date thursday = d.AddDays(4 - d.Weekday());
  const int week = static_cast<int>((thursday.ToDays() - Date::Day(thursday.year, 1, 1).ToDays()) / 7) + 1;
  return Fmt("%04d-W%02d", thursday.year, week);
}

std::vector<TimeExpression> TagTimexes(std::string_view text, const Date& dct, const TimexOptions& options,
                                       const std::vector<Sentence>* sentences) {
  std::vector<TimeExpression> result;
  if (text.empty()) return result;
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  std::vector<Tok> toks;
  toks.reserve(text.size() / 5 + 8);
  Scan(text, lower, &toks);
  const bool segmented = sentences && !sentences->empty();
  if (segmented) {
    // Sentence numbers and part-of-speech cues from the Document's own layers.
    size_t s = 0, ti = 0;
    for (Tok& t : toks) {
      while (s + 1 < sentences->size() && t.start >= (*sentences)[s].end) {
        ++s;
        ti = 0;
      }
      t.sent = static_cast<int>(s);
      const auto& stoks = (*sentences)[s].tokens;
      while (ti < stoks.size() && stoks[ti].start < t.start) ++ti;
      if (ti < stoks.size() && stoks[ti].start == t.start && !stoks[ti].xpos.empty() && t.kind == kWordTok) {
        const std::string& x = stoks[ti].xpos;
        if (x == "VBD") t.cue = kPast;
        else if (x == "VBN") t.cue = t.cue == kFutureIfTo ? kFutureIfTo : kPast;
        else if (x == "MD") t.cue = (t.w == "will" || t.w == "shall" || t.w == "ll" || t.w == "wo" ||
                                     t.w == "would") ? kFuture : kNoCue;
        else if (x == "VBZ" || x == "VBP") t.cue = (t.w == "has" || t.w == "have") ? kPast : kPresent;
        else if (t.cue == kPast && x.size() >= 2 && x[0] == 'J') t.cue = kNoCue;  // "alleged", "armed"
        else if (t.cue == kPast && x[0] == 'N') t.cue = kNoCue;
      }
    }
  } else {
    NumberSentences(&toks);
  }
  std::vector<Found> found;
  Matcher(toks, dct, options).Run(&found);
  result.reserve(found.size());
  for (Found& f : found) {
    TimeExpression x;
    x.start = toks[f.b].start;
    x.end = toks[f.e - 1].end;
    // trailing abbreviation dot is part of the span ("Feb." keeps it, a sentence-final one too: fine)
    x.sentence = segmented ? toks[f.b].sent : -1;
    x.type = f.type;
    x.value = std::move(f.value);
    x.mod = std::move(f.mod);
    x.anchor = std::move(f.anchor);
    if (x.type == TimexType::kDate || x.type == TimexType::kTime) x.date = f.date;
    result.push_back(std::move(x));
  }
  return result;
}

}  // namespace dateline
