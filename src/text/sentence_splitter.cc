#include "text/sentence_splitter.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "text/utf8.h"

namespace dateline {
namespace {

// Capitalised words that usually open a sentence; after an abbreviation that may end one ("U.S.",
// "Inc."), one of these starts a new sentence, any other capitalised word continues ("U.S. Embassy").
constexpr std::string_view kOpeners[] = {
    "A",      "According", "After", "Also", "Although", "An",    "And",       "As",   "At",
    "But",    "Earlier",   "For",   "He",   "Her",      "His",   "However",   "I",    "If",
    "In",     "It",        "Its",   "Last", "Later",    "Many",  "Meanwhile", "Most", "Next",
    "No",     "On",        "One",   "Our",  "She",      "Since", "So",        "Some", "Still",
    "That",   "The",       "Their", "Then", "There",    "These", "They",      "This", "Those",
    "Though", "Today",     "Two",   "We",   "When",     "While", "Yesterday", "You",
};

// Words that cannot end a headline (a paragraph ending on one was cut, not titled).
constexpr std::string_view kFunctionWords[] = {
    "a",    "an",  "and", "as",   "at",  "by",  "for",   "from", "in",  "into", "of", "on",  "or",
    "that", "the", "to",  "with", "but", "its", "their", "his",  "her", "was",  "is", "are", "were",
};

template <size_t N>
bool Contains(std::string_view w, const std::string_view (&table)[N]) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

char32_t FirstCp(std::string_view text, const TokenSpan& t) {
  char32_t cp;
  DecodeUtf8(text.substr(0, t.end), t.start, &cp);
  return cp;
}

std::string_view TextOf(std::string_view text, const TokenSpan& t) {
  return text.substr(t.start, t.end - t.start);
}

bool IsTerminal(std::string_view s, TokenKind k) {
  if (k != TokenKind::kPunct) return false;
  // Also the Devanagari danda and the ideographic and fullwidth full stops, ! and ?.
  return s == "." || s.find_first_not_of("?!") == std::string_view::npos || s == "\xE0\xA5\xA4" ||
         s == "\xE3\x80\x82" || s == "\xEF\xBC\x81" || s == "\xEF\xBC\x9F";
}

// Closing quotes and brackets that stay with the sentence they close.
bool IsCloser(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}" || s == "\xE2\x80\x9D" ||
         s == "\xE2\x80\x99" || s == "\xC2\xBB";
}

// Number of '\n' in the gap between two tokens.
int NewlinesIn(std::string_view gap) { return static_cast<int>(std::count(gap.begin(), gap.end(), '\n')); }

// A line whose words of four letters or more are mostly capitalised ("BAHIA COCOA REVIEW", "Putin Meets
// Macron in Moscow").
bool IsTitleLike(std::string_view text, const std::vector<TokenSpan>& tokens, size_t b, size_t e) {
  int long_words = 0, capitalised = 0;
  for (size_t i = b; i < e; ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    if (tokens[i].end - tokens[i].start < 4) continue;
    ++long_words;
    if (IsUpperLetter(FirstCp(text, tokens[i]))) ++capitalised;
  }
  return long_words >= 2 && capitalised * 4 >= long_words * 3;
}

// No lower-case letter in the line, and at least one upper-case one ("BAHIA COCOA REVIEW").
bool IsAllCaps(std::string_view text, const std::vector<TokenSpan>& tokens, size_t b, size_t e) {
  bool upper = false;
  for (size_t i = b; i < e; ++i) {
    const std::string_view w = TextOf(text, tokens[i]);
    for (size_t p = 0; p < w.size();) {
      char32_t cp;
      p += DecodeUtf8(w, p, &cp);
      if (IsLowerLetter(cp)) return false;
      upper |= IsUpperLetter(cp);
    }
  }
  return upper;
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, const std::vector<TokenSpan>& tokens,
                                         const SentenceSplitterOptions& options) {
  std::vector<SentenceSpan> out;
  const size_t n = tokens.size();
  if (n == 0) return out;
  size_t begin = 0;                // first token of the current sentence
  bool at_paragraph_start = true;  // the current sentence opens a paragraph
  bool at_line_start = true;       // the current sentence opens a line

  auto gap_after = [&](size_t i) -> std::string_view {
    if (i + 1 >= n) return text.substr(tokens[i].end);
    return text.substr(tokens[i].end, tokens[i + 1].start - tokens[i].end);
  };
  auto close = [&](size_t end_token, bool paragraph_end, bool headline) {
    SentenceSpan s;
    s.token_begin = static_cast<uint32_t>(begin);
    s.token_end = static_cast<uint32_t>(end_token);
    s.start = tokens[begin].start;
    s.end = tokens[end_token - 1].end;
    s.headline = headline;
    out.push_back(s);
    begin = end_token;
    at_paragraph_start = paragraph_end;
  };
  // Whether tokens[b, e) form a paragraph-sized sentence without final punctuation.
  auto headline_shape = [&](size_t b, size_t e) {
    if (e - b > options.max_headline_tokens) return false;
    const TokenSpan& last = tokens[e - 1];
    if (last.kind != TokenKind::kWord && last.kind != TokenKind::kNumber && last.kind != TokenKind::kHandle &&
        !IsCloser(TextOf(text, last)))
      return false;
    if (IsCloser(TextOf(text, last)) && e - b >= 2) {
      const TokenSpan& before = tokens[e - 2];
      if (before.kind == TokenKind::kPunct || before.kind == TokenKind::kEllipsis ||
          before.kind == TokenKind::kAbbrev)
        return false;
    }
    std::string lower(TextOf(text, last));
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return !Contains(lower, kFunctionWords);
  };

  for (size_t i = 0; i < n; ++i) {
    const std::string_view gap = gap_after(i);
    const int newlines = NewlinesIn(gap);
    const bool last_token = i + 1 == n;
    // Paragraph break or end of text.
    if (last_token || newlines >= 2) {
      const bool headline = at_paragraph_start && headline_shape(begin, i + 1);
      close(i + 1, true, headline);
      at_line_start = true;
      continue;
    }
    const TokenSpan& t = tokens[i];
    const std::string_view s = TextOf(text, t);
    size_t end_token = 0;  // sentence ends after tokens[end_token - 1] when set
    if (IsTerminal(s, t.kind) || t.kind == TokenKind::kEllipsis ||
        (t.kind == TokenKind::kAbbrev && !IsNonFinalAbbreviation(s))) {
      // Take closing quotes and brackets along (a straight quote only when it touches the mark).
      size_t j = i + 1;
      while (j < n && IsCloser(TextOf(text, tokens[j])) && NewlinesIn(gap_after(j - 1)) < 2) {
        if ((TextOf(text, tokens[j]) == "\"" || TextOf(text, tokens[j]) == "'") &&
            tokens[j].start != tokens[j - 1].end)
          break;
        ++j;
      }
      if (j >= n) {
        // The closers run to the end of the text; the final paragraph rule handles it.
      } else {
        const char32_t next = FirstCp(text, tokens[j]);
        const std::string_view next_text = TextOf(text, tokens[j]);
        bool boundary;
        if (t.kind == TokenKind::kAbbrev) {
          boundary = Contains(next_text, kOpeners) || next_text == "\xE2\x80\x9C";
        } else if (t.kind == TokenKind::kEllipsis) {
          boundary = IsUpperLetter(next) || next_text == "\xE2\x80\x9C";
        } else {
          boundary = !IsLowerLetter(next) && next_text != "," && next_text != ";" && next_text != ":" &&
                     next_text != ")" && next_text != "]";
        }
        if (boundary) end_token = j;
      }
    }
    // A title-like line ended by a single line break.
    // Only for the document's first line or an all-capitals line: hard-wrapped newswire has title-like
    // lines inside sentences ("Standard Oil Co and BP North America\nInc said ...").
    if (end_token == 0 && newlines == 1 && at_line_start && !IsTerminal(s, t.kind) &&
        (out.empty() || IsAllCaps(text, tokens, begin, i + 1)) &&
        IsUpperLetter(FirstCp(text, tokens[i + 1])) && IsTitleLike(text, tokens, begin, i + 1) &&
        headline_shape(begin, i + 1)) {
      close(i + 1, true, true);
      at_line_start = true;
      continue;
    }
    if (end_token == 0 && i + 1 - begin >= options.max_sentence_tokens) end_token = i + 1;
    if (end_token != 0) {
      // The closers taken along may themselves end a paragraph.
      const bool para = NewlinesIn(gap_after(end_token - 1)) >= 2 || end_token == n;
      close(end_token, para, false);
      at_line_start = NewlinesIn(gap_after(end_token - 1)) >= 1;
      i = end_token - 1;
      continue;
    }
    if (newlines >= 1) {
      at_line_start = begin == i + 1;
    }
  }
  return out;
}

}  // namespace dateline
