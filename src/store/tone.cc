#include "store/tone.h"

#include <cctype>
#include <fstream>

#include "core/paths.h"
#include "store/optional_table.h"

namespace dateline {
namespace {

bool IsLetter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || u >= 0x80;  // bytes of non-ASCII letters count as letters
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

StatusOr<ToneLexicon> ToneLexicon::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot read " + path + " (is the data directory complete?)");
  ToneLexicon lex;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos) {
      return Status::InvalidArgument(where + "expected 'word<TAB>+1' or 'word<TAB>-1'");
    }
    std::string word = line.substr(0, tab);
    const std::string polarity = line.substr(tab + 1);
    if (polarity != "+1" && polarity != "-1")
      return Status::InvalidArgument(where + "polarity must be +1 or -1");
    for (char c : word) {
      if (!std::islower(static_cast<unsigned char>(c))) {
        return Status::InvalidArgument(where + "'" + word + "' is not a lower-case word");
      }
    }
    if (word.empty()) return Status::InvalidArgument(where + "empty word");
    if (lex.polarity_.count(word)) return Status::InvalidArgument(where + "'" + word + "' listed twice");
    lex.polarity_[std::move(word)] = polarity == "+1" ? 1 : -1;
  }
  return lex;
}

const ToneLexicon& ToneLexicon::Default() {
  static const ToneLexicon* const kLexicon =
      LoadedOrEmpty(Load(DataPath("tone/tone.tsv")), "tone lexicon not loaded, AvgTone stays 0");
  return *kLexicon;
}

int ToneLexicon::Polarity(std::string_view word) const {
  std::string w;
  w.reserve(word.size());
  for (char c : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0) w.resize(w.size() - 2);
  if (int p = Lookup(w)) return p;
  auto ends = [&](const char* suffix) {
    const std::string_view s(suffix);
    return w.size() >= s.size() + 3 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  auto stem = [&](size_t cut) { return w.substr(0, w.size() - cut); };
  // A base whose final consonant was doubled before the ending ("stopped", "planning").
  auto undouble = [&](const std::string& base) {
    const size_t n = base.size();
    if (n >= 4 && base[n - 1] == base[n - 2] && !IsVowel(base[n - 1])) return Lookup(base.substr(0, n - 1));
    return 0;
  };
  if (ends("ies") || ends("ied")) {
    if (int p = Lookup(stem(3) + "y")) return p;
  }
  for (const char* suffix : {"ing", "ed"}) {
    if (!ends(suffix)) continue;
    const std::string base = stem(std::string_view(suffix).size());
    if (int p = Lookup(base)) return p;
    if (int p = Lookup(base + "e")) return p;
    if (int p = undouble(base)) return p;
  }
  if (ends("es")) {
    if (int p = Lookup(stem(2))) return p;
  }
  if (ends("s") || ends("d")) {
    if (int p = Lookup(stem(1))) return p;
  }
  if (ends("ly")) {
    if (int p = Lookup(stem(2))) return p;
  }
  return 0;
}

double ToneLexicon::Score(std::string_view text) const {
  int words = 0, positive = 0, negative = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    // A word: letters, with apostrophes and hyphens inside it ("Russia's", "cease-fire").
    while (e < text.size() && (IsLetter(text[e]) || ((text[e] == '\'' || text[e] == '-') &&
                                                     e + 1 < text.size() && IsLetter(text[e + 1])))) {
      ++e;
    }
    ++words;
    const int p = Polarity(text.substr(i, e - i));
    positive += p > 0;
    negative += p < 0;
    i = e;
  }
  return words == 0 ? 0.0 : 100.0 * (positive - negative) / words;
}

}  // namespace dateline
