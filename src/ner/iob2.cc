#include "ner/iob2.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dateline {
namespace {

bool KnownType(std::string_view t) { return t == "PER" || t == "ORG" || t == "LOC" || t == "MISC"; }

}  // namespace

std::vector<std::string> Iob2ToBilou(const std::vector<std::string>& iob2) {
  const size_t n = iob2.size();
  // Normalise first: unknown types → O, stray I- → B-.
  std::vector<std::string> tags(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& t = iob2[i];
    if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-' || !KnownType(t.substr(2))) {
      tags[i] = "O";
      continue;
    }
    const std::string type = t.substr(2);
    if (t[0] == 'I' && (i == 0 || tags[i - 1] == "O" || tags[i - 1].substr(2) != type)) {
      tags[i] = "B-" + type;
    } else {
      tags[i] = t;
    }
  }
  std::vector<std::string> out(n, "O");
  for (size_t i = 0; i < n; ++i) {
    if (tags[i] == "O") continue;
    const std::string type = tags[i].substr(2);
    const bool next_inside = i + 1 < n && tags[i + 1] == "I-" + type;
    if (tags[i][0] == 'B') out[i] = (next_inside ? "B-" : "U-") + type;
    else out[i] = (next_inside ? "I-" : "L-") + type;
  }
  return out;
}

std::vector<std::string> BilouToIob2(const std::vector<std::string>& bilou) {
  std::vector<std::string> tags(bilou.size(), "O");
  for (const Span& s : SpansFromBilou(bilou)) {
    for (int k = s.begin; k < s.end; ++k) tags[k] = (k == s.begin ? "B-" : "I-") + s.type;
  }
  return tags;
}

std::vector<Span> SpansFromBilou(const std::vector<std::string>& bilou) {
  std::vector<Span> spans;
  int open = -1;
  std::string open_type;
  auto close = [&](int end) {
    if (open >= 0) spans.push_back(Span{open, end, open_type});
    open = -1;
  };
  for (int i = 0; i < static_cast<int>(bilou.size()); ++i) {
    const std::string& t = bilou[i];
    if (t.size() < 3 || t[1] != '-') {
      close(i);
      continue;
    }
    const char p = t[0];
    const std::string type = t.substr(2);
    if (p == 'U') {
      close(i);
      spans.push_back(Span{i, i + 1, type});
    } else if (p == 'B') {
      close(i);
      open = i;
      open_type = type;
    } else {  // I or L
      if (open < 0 || open_type != type) {
        close(i);
        open = i;
        open_type = type;
      }
      if (p == 'L') close(i + 1);
    }
  }
  close(static_cast<int>(bilou.size()));
  return spans;
}

StatusOr<Iob2Corpus> ParseIob2(std::string_view text, const std::string& origin) {
  Iob2Corpus corpus;
  Document& doc = corpus.doc;
  doc.id = origin;
  std::vector<std::string> words, tags, comments;
  size_t line_no = 0;
  auto flush = [&]() {
    if (words.empty()) {
      comments.clear();
      return;
    }
    Sentence s;
    // Position within its document: a "# newdoc" comment starts a new document at 0.
    bool newdoc = doc.sentences.empty();
    for (const std::string& c : comments) newdoc |= c.rfind("# newdoc", 0) == 0;
    s.index = newdoc ? 0 : doc.sentences.back().index + 1;
    s.start = static_cast<uint32_t>(doc.text.size());
    std::vector<std::string> bilou = Iob2ToBilou(tags);
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) doc.text += ' ';
      Token t;
      t.start = static_cast<uint32_t>(doc.text.size());
      doc.text += words[i];
      t.end = static_cast<uint32_t>(doc.text.size());
      t.text = words[i];
      t.ner = bilou[i];
      s.tokens.push_back(std::move(t));
    }
    s.end = static_cast<uint32_t>(doc.text.size());
    doc.text += '\n';
    doc.sentences.push_back(std::move(s));
    corpus.comments.push_back(std::move(comments));
    words.clear();
    tags.clear();
    comments.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      comments.emplace_back(line);
      continue;
    }
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) {
      return Status::Corruption(origin + ": line " + std::to_string(line_no) + ": expected id, word and tag");
    }
    size_t t3 = line.find('\t', t2 + 1);
    words.emplace_back(line.substr(t1 + 1, t2 - t1 - 1));
    tags.emplace_back(line.substr(t2 + 1, t3 == std::string_view::npos ? std::string_view::npos : t3 - t2 - 1));
  }
  flush();
  return corpus;
}

StatusOr<Iob2Corpus> ReadIob2(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseIob2(ss.str(), path);
}

std::string WriteIob2(const Document& doc, const std::vector<std::vector<std::string>>* comments) {
  std::string out;
  std::vector<std::string> bilou;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (comments && si < comments->size()) {
      for (const auto& c : (*comments)[si]) out += c + "\n";
    }
    bilou.clear();
    for (const Token& t : s.tokens) bilou.push_back(t.ner.empty() ? "O" : t.ner);
    std::vector<std::string> iob = BilouToIob2(bilou);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      out += std::to_string(i + 1) + "\t" + s.tokens[i].text + "\t" + iob[i] + "\t-\t-\n";
    }
    out += "\n";
  }
  return out;
}

StatusOr<NerScores> EvaluateNer(const Document& gold, const Document& system) {
  if (gold.sentences.size() != system.sentences.size()) {
    return Status::InvalidArgument("gold has " + std::to_string(gold.sentences.size()) + " sentences, system " +
                                   std::to_string(system.sentences.size()));
  }
  NerScores scores;
  std::vector<std::string> g, p;
  for (size_t i = 0; i < gold.sentences.size(); ++i) {
    const auto& gt = gold.sentences[i].tokens;
    const auto& pt = system.sentences[i].tokens;
    if (gt.size() != pt.size()) {
      return Status::InvalidArgument("sentence " + std::to_string(i + 1) + ": token counts differ");
    }
    g.clear();
    p.clear();
    for (const Token& t : gt) g.push_back(t.ner);
    for (const Token& t : pt) p.push_back(t.ner);
    std::vector<Span> gs = SpansFromBilou(g), ps = SpansFromBilou(p);
    std::sort(gs.begin(), gs.end());
    std::sort(ps.begin(), ps.end());
    for (const Span& s : gs) {
      scores.all.gold++;
      scores.by_type[s.type].gold++;
    }
    for (const Span& s : ps) {
      scores.all.system++;
      scores.by_type[s.type].system++;
      if (std::binary_search(gs.begin(), gs.end(), s)) {
        scores.all.correct++;
        scores.by_type[s.type].correct++;
      }
    }
  }
  return scores;
}

}  // namespace dateline
