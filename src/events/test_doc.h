// Test helper: builds a Document by hand — whitespace/punctuation tokens, actor mentions for given names,
// time expressions for given phrases — so the event rules can be tested without the upstream stages.
// Test-only; not thread-safe (builds one document at a time).
#ifndef DATELINE_EVENTS_TEST_DOC_H_
#define DATELINE_EVENTS_TEST_DOC_H_

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace dateline::testing {

struct ActorSpec {
  std::string surface;  // every occurrence becomes a mention
  std::string id, name, country, code;
};

struct TimexSpec {
  std::string surface;  // first occurrence
  Date date;
};

inline Actor MakeActor(const ActorSpec& a) {
  Actor r;
  r.id = a.id;
  r.name = a.name;
  r.country = a.country;
  r.code = a.code;
  return r;
}

// Common actors for the tests.
inline std::vector<ActorSpec> WorldActors() {
  return {
      {"Putin", "person:vladimir-putin", "Vladimir Putin", "RUS", "RUSGOV"},
      {"Macron", "person:emmanuel-macron", "Emmanuel Macron", "FRA", "FRAGOV"},
      {"Biden", "person:joe-biden", "Joe Biden", "USA", "USAGOV"},
      {"Scholz", "person:olaf-scholz", "Olaf Scholz", "DEU", "DEUGOV"},
      {"Zelensky", "person:volodymyr-zelensky", "Volodymyr Zelensky", "UKR", "UKRGOV"},
      {"Russia", "country:RUS", "Russia", "RUS", "RUS"},
      {"Russian", "country:RUS", "Russia", "RUS", "RUS"},
      {"Moscow", "country:RUS", "Russia", "RUS", "RUSGOV"},
      {"Ukraine", "country:UKR", "Ukraine", "UKR", "UKR"},
      {"Kyiv", "country:UKR", "Ukraine", "UKR", "UKRGOV"},
      {"Poland", "country:POL", "Poland", "POL", "POL"},
      {"France", "country:FRA", "France", "FRA", "FRA"},
      {"Germany", "country:DEU", "Germany", "DEU", "DEU"},
      {"Washington", "country:USA", "United States", "USA", "USAGOV"},
      {"US troops", "country:USA", "United States", "USA", "USAMIL"},
      {"the United States", "country:USA", "United States", "USA", "USA"},
      {"China", "country:CHN", "China", "CHN", "CHN"},
      {"Japan", "country:JPN", "Japan", "JPN", "JPN"},
      {"Israel", "country:ISR", "Israel", "ISR", "ISR"},
      {"Iran", "country:IRN", "Iran", "IRN", "IRN"},
  };
}

// One sentence per line of `text`. Tokens: runs of letters/digits/'-'/'.' inside words, "'s" and "n't"
// split off, every other non-space byte its own token.
inline Document MakeDoc(const std::string& text, Date published, const std::vector<ActorSpec>& actors,
                        const std::vector<TimexSpec>& timexes = {}) {
  Document d;
  d.id = "test";
  d.published = published;
  d.text = text;
  size_t pos = 0;
  int idx = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    Sentence s;
    s.start = static_cast<uint32_t>(pos);
    s.end = static_cast<uint32_t>(eol);
    s.index = idx;
    size_t i = pos;
    auto word = [&](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || (c & 0x80); };
    while (i < eol) {
      if (text[i] == ' ') {
        ++i;
        continue;
      }
      size_t j = i;
      if (word(text[i])) {
        while (j < eol && (word(text[j]) || (text[j] == '.' && j + 1 < eol && std::isalpha(static_cast<unsigned char>(text[j + 1]))))) ++j;
        if (j - i > 3 && text.compare(j - 3, 3, "n't") == 0) j -= 3;
      } else if (text[i] == '\'' && i + 1 < eol && text[i + 1] == 's') {
        j = i + 2;
      } else if (text[i] == 'n' && text.compare(i, 3, "n't") == 0) {
        j = i + 3;
      } else {
        j = i + 1;
      }
      if (text.compare(i, 3, "n't") == 0) j = i + 3;
      Token t;
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(j);
      t.text = text.substr(i, j - i);
      t.norm = t.text;
      s.tokens.push_back(t);
      i = j;
    }
    d.sentences.push_back(s);
    ++idx;
    pos = eol + 1;
  }
  // Actor mentions: every occurrence on token boundaries, longest surfaces first, no overlaps.
  std::vector<ActorSpec> sorted = actors;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ActorSpec& a, const ActorSpec& b) { return a.surface.size() > b.surface.size(); });
  std::vector<std::pair<size_t, size_t>> taken;
  for (const auto& a : sorted) {
    size_t p = 0;
    while ((p = text.find(a.surface, p)) != std::string::npos) {
      size_t e = p + a.surface.size();
      bool overlap = false;
      for (auto& [tb, te] : taken) overlap = overlap || (p < te && e > tb);
      bool boundary = (p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]))) &&
                      (e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e])));
      if (!overlap && boundary) {
        taken.push_back({p, e});
        ActorMention m;
        m.start = static_cast<uint32_t>(p);
        m.end = static_cast<uint32_t>(e);
        for (const auto& s : d.sentences) {
          if (p >= s.start && p < s.end) {
            m.sentence = s.index;
            for (int k = 0; k < static_cast<int>(s.tokens.size()); ++k) {
              if (s.tokens[k].start <= p && s.tokens[k].end > p && m.token_begin < 0) m.token_begin = k;
              if (s.tokens[k].start < e) m.token_end = k + 1;
            }
          }
        }
        m.actor = MakeActor(a);
        d.actors.push_back(m);
      }
      p = e;
    }
  }
  std::sort(d.actors.begin(), d.actors.end(), [](const ActorMention& a, const ActorMention& b) { return a.start < b.start; });
  for (const auto& t : timexes) {
    size_t p = text.find(t.surface);
    if (p == std::string::npos) continue;
    TimeExpression x;
    x.start = static_cast<uint32_t>(p);
    x.end = static_cast<uint32_t>(p + t.surface.size());
    x.date = t.date;
    x.value = t.date.ToString();
    for (const auto& s : d.sentences) {
      if (p >= s.start && p < s.end) x.sentence = s.index;
    }
    d.timexes.push_back(x);
  }
  std::sort(d.timexes.begin(), d.timexes.end(), [](auto& a, auto& b) { return a.start < b.start; });
  return d;
}

}  // namespace dateline::testing

#endif  // DATELINE_EVENTS_TEST_DOC_H_
