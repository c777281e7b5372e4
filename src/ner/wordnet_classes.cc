#include "ner/wordnet_classes.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <numeric>
#include <sstream>

namespace dateline {
namespace {

StatusOr<std::string> ReadAll(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::NotFound("cannot open " + path + " (install the Debian package wordnet-base)");
  std::string bytes;
  char buf[1 << 16];
  size_t k;
  while ((k = std::fread(buf, 1, sizeof(buf), f)) > 0) bytes.append(buf, k);
  std::fclose(f);
  return bytes;
}

}  // namespace

StatusOr<WordNetNounClasses> ReadWordNetNounClasses(const std::string& dir) {
  ASSIGN_OR_RETURN(std::string index, ReadAll(dir + "/index.noun"));
  ASSIGN_OR_RETURN(std::string data, ReadAll(dir + "/data.noun"));
  WordNetNounClasses out;
  std::istringstream lines(index);
  std::string line;
  size_t line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.empty() || line[0] == ' ') continue;  // licence header
    std::istringstream f(line);
    std::string lemma, pos, offset;
    size_t synsets = 0, pointers = 0;
    f >> lemma >> pos >> synsets >> pointers;
    std::string skip;
    for (size_t i = 0; i < pointers; ++i) f >> skip;
    f >> skip >> skip >> offset;  // sense_cnt, tagsense_cnt, first synset
    if (!f || synsets == 0) {
      return Status::Corruption(dir + "/index.noun:" + std::to_string(line_no) + ": cannot parse");
    }
    if (lemma.find('_') != std::string::npos) continue;
    // data.noun lines start at their byte offset: "offset lex_filenum ss_type …".
    const size_t at = std::strtoull(offset.c_str(), nullptr, 10);
    if (at + 12 > data.size() || data.compare(at, offset.size(), offset) != 0) {
      return Status::Corruption(dir + "/data.noun: no synset at offset " + offset + " (" + lemma + ")");
    }
    const int lex = std::atoi(data.c_str() + at + offset.size() + 1);
    if (lex <= 0 || lex > 255) continue;
    out.lemmas.push_back(lemma);
    out.classes.push_back(static_cast<uint8_t>(lex));
  }
  // index.noun is sorted already; make sure of it (callers search the lemmas).
  std::vector<size_t> order(out.lemmas.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return out.lemmas[a] < out.lemmas[b]; });
  WordNetNounClasses sorted;
  for (size_t i : order) {
    if (!sorted.lemmas.empty() && sorted.lemmas.back() == out.lemmas[i]) continue;
    sorted.lemmas.push_back(out.lemmas[i]);
    sorted.classes.push_back(out.classes[i]);
  }
  return sorted;
}

}  // namespace dateline
