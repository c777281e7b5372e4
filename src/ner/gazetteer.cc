#include "ner/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tag/features.h"

namespace dateline {
namespace {

uint64_t WordHash(std::string_view w) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return Mix(h, w.size());
}

}  // namespace

const char* Gazetteer::TypeName(int type) {
  static const char* kNames[] = {"PER", "ORG", "LOC", "MISC"};
  return type >= 0 && type < kTypes ? kNames[type] : "?";
}

StatusOr<Gazetteer> Gazetteer::Parse(std::string_view tsv, const std::string& origin) {
  Gazetteer g;
  size_t pos = 0, line_no = 0;
  while (pos < tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return Status::InvalidArgument(origin + ":" + std::to_string(line_no) + ": expected phrase<TAB>TYPE");
    }
    std::string_view type = line.substr(tab + 1);
    int t = -1;
    for (int k = 0; k < kTypes; ++k) {
      if (type == TypeName(k)) t = k;
    }
    if (t < 0) {
      return Status::InvalidArgument(origin + ":" + std::to_string(line_no) + ": unknown type '" +
                                     std::string(type) + "' (PER, ORG, LOC or MISC)");
    }
    std::string_view phrase = line.substr(0, tab);
    uint64_t h = 0x9e37;
    uint64_t first = 0;
    size_t len = 0, start = 0;
    while (start <= phrase.size()) {
      size_t sp = phrase.find(' ', start);
      if (sp == std::string_view::npos) sp = phrase.size();
      std::string_view w = phrase.substr(start, sp - start);
      start = sp + 1;
      if (w.empty()) continue;
      uint64_t wh = WordHash(w);
      if (len == 0) first = wh;
      h = Mix(h, wh);
      ++len;
    }
    if (len == 0 || len > 255) continue;
    g.tsv_.append(line);
    g.tsv_ += '\n';
    g.phrases_[h] = static_cast<uint8_t>(t);
    uint8_t& m = g.max_len_[first];
    m = std::max<uint8_t>(m, static_cast<uint8_t>(len));
    g.fingerprint_ = Mix(g.fingerprint_ ^ h, static_cast<uint64_t>(t));
  }
  return g;
}

StatusOr<Gazetteer> Gazetteer::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open gazetteer " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(ss.str(), path);
}

void Gazetteer::Match(const std::vector<std::string_view>& words, std::vector<uint8_t>* codes) const {
  const size_t n = words.size();
  codes->assign(n, 0);
  if (phrases_.empty()) return;
  size_t i = 0;
  while (i < n) {
    auto m = max_len_.find(WordHash(words[i]));
    size_t best = 0;
    int type = -1;
    if (m != max_len_.end()) {
      uint64_t h = 0x9e37;
      const size_t limit = std::min<size_t>(m->second, n - i);
      for (size_t len = 1; len <= limit; ++len) {
        h = Mix(h, WordHash(words[i + len - 1]));
        auto p = phrases_.find(h);
        if (p != phrases_.end()) {
          best = len;
          type = p->second;
        }
      }
    }
    if (best == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < best; ++k) {
      int position = best == 1 ? 3 : (k == 0 ? 0 : (k + 1 == best ? 2 : 1));
      (*codes)[i + k] = static_cast<uint8_t>(1 + type * 4 + position);
    }
    i += best;
  }
}

}  // namespace dateline
