#include "actors/simple_segmenter.h"

#include <cstring>

namespace dateline {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of a UTF-8 punctuation sign at text[i] that must stand alone (curly quotes, dashes, NBSP), or 0.
size_t PunctLen(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    const unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
    if (c2 == 0x9C || c2 == 0x9D || c2 == 0x93 || c2 == 0x94 || c2 == 0x98 || c2 == 0x99 || c2 == 0xA6) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size() && (static_cast<unsigned char>(t[i + 1]) == 0xA0 ||
                                         static_cast<unsigned char>(t[i + 1]) == 0xAB ||
                                         static_cast<unsigned char>(t[i + 1]) == 0xBB)) {
    return 2;
  }
  return 0;
}

bool IsRightQuote(std::string_view t, size_t i) {
  return t[i] == '\'' || (i + 2 < t.size() && t.compare(i, 3, "\xE2\x80\x99") == 0);
}

bool WordChar(std::string_view t, size_t i) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  return IsAlnum(c) || (c >= 0x80 && PunctLen(t, i) == 0);
}

bool KeepsPeriod(std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // initial
  if (word.find('.') != std::string_view::npos) return true;             // U.S
  static const char* kAbbrev[] = {"Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
                                   "Sgt", "St", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No"};
  for (const char* a : kAbbrev)
    if (word == a) return true;
  return false;
}

void AddToken(std::string_view text, size_t b, size_t e, Sentence* s) {
  Token t;
  t.start = static_cast<uint32_t>(b);
  t.end = static_cast<uint32_t>(e);
  t.text = std::string(text.substr(b, e - b));
  t.norm = t.text;
  s->tokens.push_back(std::move(t));
}

}  // namespace

std::vector<Sentence> SimpleSegment(std::string_view text) {
  std::vector<Sentence> out;
  Sentence cur;
  auto close = [&](size_t end) {
    if (cur.tokens.empty()) return;
    cur.start = cur.tokens.front().start;
    cur.end = cur.tokens.back().end;
    (void)end;
    cur.index = static_cast<int>(out.size());
    out.push_back(std::move(cur));
    cur = Sentence();
  };
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsSpace(c)) {
      if (c == '\n') close(i);  // a line break ends a sentence (headlines, paragraphs)
      ++i;
      continue;
    }
    if (size_t pl = PunctLen(text, i); pl > 0) {
      if (pl == 2 && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // NBSP is a space
        i += 2;
        continue;
      }
      // ’s after a word is a clitic.
      if (pl == 3 && IsRightQuote(text, i) && !cur.tokens.empty() && cur.tokens.back().end == i &&
          i + 3 < n && text[i + 3] == 's' && (i + 4 >= n || !WordChar(text, i + 4))) {
        AddToken(text, i, i + 4, &cur);
        i += 4;
        continue;
      }
      AddToken(text, i, i + pl, &cur);
      i += pl;
      continue;
    }
    if (WordChar(text, i)) {
      size_t e = i;
      while (e < n) {
        if (WordChar(text, e)) {
          e += (static_cast<unsigned char>(text[e]) >= 0x80) ? 1 : 1;
          continue;
        }
        // Inner hyphen, apostrophe (not a clitic 's) or period between word characters.
        const bool inner = e + 1 < n && WordChar(text, e + 1);
        if ((text[e] == '-' || text[e] == '.') && inner) {
          ++e;
          continue;
        }
        if (text[e] == '\'' && inner && !(text[e + 1] == 's' && (e + 2 >= n || !WordChar(text, e + 2)))) {
          ++e;
          continue;
        }
        if (e + 3 < n && text.compare(e, 3, "\xE2\x80\x99") == 0 && WordChar(text, e + 3) &&
            !(text[e + 3] == 's' && (e + 4 >= n || !WordChar(text, e + 4)))) {
          e += 3;
          continue;
        }
        break;
      }
      if (e < n && text[e] == '.' && KeepsPeriod(text.substr(i, e - i))) ++e;
      AddToken(text, i, e, &cur);
      i = e;
      continue;
    }
    // ASCII punctuation; 's clitic.
    if (c == '\'' && !cur.tokens.empty() && cur.tokens.back().end == i && i + 1 < n && text[i + 1] == 's' &&
        (i + 2 >= n || !WordChar(text, i + 2))) {
      AddToken(text, i, i + 2, &cur);
      i += 2;
      continue;
    }
    AddToken(text, i, i + 1, &cur);
    ++i;
    if ((c == '.' || c == '!' || c == '?')) {
      size_t j = i;
      while (j < n && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) {
        AddToken(text, j, j + 1, &cur);
        ++j;
      }
      if (j + 2 < n && text.compare(j, 3, "\xE2\x80\x9D") == 0) {
        AddToken(text, j, j + 3, &cur);
        j += 3;
      }
      i = j;
      if (i >= n || IsSpace(static_cast<unsigned char>(text[i]))) close(i);
    }
  }
  close(n);
  return out;
}

}  // namespace dateline
