#include "tag/conllu.h"

#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>

namespace dateline {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      break;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return cols;
}

bool ParseInt(std::string_view s, int* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string Field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

}  // namespace

StatusOr<ConlluCorpus> ParseConllu(std::string_view text, const std::string& origin) {
  ConlluCorpus corpus;
  Document& doc = corpus.doc;
  doc.id = origin;
  Sentence sent;
  ConlluExtras extra;
  std::vector<int> raw_heads;
  size_t line_no = 0;
  auto flush = [&]() -> Status {
    if (sent.tokens.empty() && extra.comments.empty()) return Status::OK();
    if (sent.tokens.empty()) {
      extra = ConlluExtras();
      return Status::OK();
    }
    const int n = static_cast<int>(sent.tokens.size());
    for (int i = 0; i < n; ++i) {
      int h = raw_heads[i];
      if (h < -1 || h > n) {
        return Status::Corruption(origin + ": line " + std::to_string(line_no) + ": head out of range");
      }
      sent.tokens[i].head = h <= 0 ? -1 : h - 1;
    }
    sent.index = static_cast<int>(doc.sentences.size());
    sent.start = static_cast<uint32_t>(doc.text.size());
    for (int i = 0; i < n; ++i) {
      if (i) doc.text += ' ';
      Token& t = sent.tokens[i];
      t.start = static_cast<uint32_t>(doc.text.size());
      doc.text += t.text;
      t.end = static_cast<uint32_t>(doc.text.size());
    }
    sent.end = static_cast<uint32_t>(doc.text.size());
    doc.text += '\n';
    doc.sentences.push_back(std::move(sent));
    corpus.extras.push_back(std::move(extra));
    sent = Sentence();
    extra = ConlluExtras();
    raw_heads.clear();
    return Status::OK();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      RETURN_IF_ERROR(flush());
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      extra.comments.emplace_back(line);
      continue;
    }
    auto cols = SplitTabs(line);
    if (cols.size() != 10) {
      return Status::Corruption(origin + ": line " + std::to_string(line_no) + ": expected 10 columns, found " +
                                std::to_string(cols.size()));
    }
    if (cols[0].find_first_of("-.") != std::string_view::npos) {
      extra.ranges.emplace_back(static_cast<int>(sent.tokens.size()), std::string(line));
      continue;
    }
    int id = 0, head = 0;
    if (!ParseInt(cols[0], &id) || id != static_cast<int>(sent.tokens.size()) + 1) {
      return Status::Corruption(origin + ": line " + std::to_string(line_no) + ": bad word id '" +
                                std::string(cols[0]) + "'");
    }
    if (cols[6] == "_") {
      head = -1;
    } else if (!ParseInt(cols[6], &head)) {
      return Status::Corruption(origin + ": line " + std::to_string(line_no) + ": bad head");
    }
    Token t;
    t.text = std::string(cols[1]);
    t.norm = t.text;
    t.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
    t.upos = Field(cols[3]);
    t.xpos = Field(cols[4]);
    t.deprel = Field(cols[7]);
    extra.feats.emplace_back(cols[5]);
    extra.misc.emplace_back(cols[9]);
    raw_heads.push_back(head);
    sent.tokens.push_back(std::move(t));
    if (nl == text.size()) break;
  }
  RETURN_IF_ERROR(flush());
  return corpus;
}

StatusOr<ConlluCorpus> ReadConllu(const std::string& path) {
  std::stringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::NotFound("cannot open " + path);
    ss << in.rdbuf();
  }
  return ParseConllu(ss.str(), path);
}

std::string WriteConllu(const Document& doc, const std::vector<ConlluExtras>* extras) {
  std::string out;
  auto put = [&out](const std::string& s) { out += s.empty() ? "_" : s; };
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    const ConlluExtras* ex = extras && si < extras->size() ? &(*extras)[si] : nullptr;
    if (ex) {
      for (const auto& c : ex->comments) out += c + "\n";
    } else {
      out += "# sent_id = " + (doc.id.empty() ? std::string("s") : doc.id) + "-" + std::to_string(si + 1) + "\n";
      std::string text = doc.text.substr(s.start, s.end - s.start);
      for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      out += "# text = " + text + "\n";
    }
    size_t r = 0;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      while (ex && r < ex->ranges.size() && ex->ranges[r].first == static_cast<int>(i)) {
        out += ex->ranges[r++].second + "\n";
      }
      const Token& t = s.tokens[i];
      out += std::to_string(i + 1) + "\t" + t.text + "\t";
      put(t.lemma);
      out += "\t";
      put(t.upos);
      out += "\t";
      put(t.xpos);
      out += "\t";
      out += ex && i < ex->feats.size() ? ex->feats[i] : "_";
      out += "\t";
      out += t.deprel.empty() ? "_" : std::to_string(t.head + 1);
      out += "\t";
      put(t.deprel);
      out += "\t_\t";
      if (ex && i < ex->misc.size()) {
        out += ex->misc[i];
      } else {
        const bool space = i + 1 < s.tokens.size() && t.end < s.tokens[i + 1].start;
        out += space || i + 1 == s.tokens.size() ? "_" : "SpaceAfter=No";
      }
      out += "\n";
    }
    while (ex && r < ex->ranges.size()) out += ex->ranges[r++].second + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace dateline
