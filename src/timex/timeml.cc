#include "timex/timeml.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dateline {
namespace {

bool IsNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// A tag as score_timex.py's TAG pattern sees it: '<', optional '/', a name, attributes up to '>'.
struct Tag {
  size_t begin = 0, end = 0;  // [begin, end) in the scanned string, '<' … '>'
  bool closing = false;
  std::string_view name, attrs;
};

// Finds the next tag at or after pos; returns false when none.
bool NextTag(std::string_view s, size_t pos, Tag* t) {
  while (true) {
    size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) return false;
    size_t i = lt + 1;
    bool closing = false;
    if (i < s.size() && s[i] == '/') {
      closing = true;
      ++i;
    }
    size_t ns = i;
    while (i < s.size() && IsNameChar(s[i])) ++i;
    if (i == ns) {
      pos = lt + 1;
      continue;
    }
    size_t gt = s.find('>', i);
    if (gt == std::string_view::npos) return false;
    t->begin = lt;
    t->end = gt + 1;
    t->closing = closing;
    t->name = s.substr(ns, i - ns);
    t->attrs = s.substr(i, gt - i);
    return true;
  }
}

std::string Attr(std::string_view attrs, std::string_view key) {
  size_t pos = 0;
  while ((pos = attrs.find(key, pos)) != std::string_view::npos) {
    bool start_ok = pos == 0 || !(IsNameChar(attrs[pos - 1]) || attrs[pos - 1] == ':');
    size_t i = pos + key.size();
    while (i < attrs.size() && (attrs[i] == ' ' || attrs[i] == '\t')) ++i;
    if (start_ok && i < attrs.size() && attrs[i] == '=') {
      ++i;
      while (i < attrs.size() && (attrs[i] == ' ' || attrs[i] == '\t')) ++i;
      if (i < attrs.size() && attrs[i] == '"') {
        size_t q = attrs.find('"', i + 1);
        if (q != std::string_view::npos) return std::string(attrs.substr(i + 1, q - i - 1));
      }
    }
    pos += key.size();
  }
  return "";
}

// Number of characters s holds once entities are decoded (UTF-8 code points; "&amp;" counts 1).
size_t DecodedLength(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '&') {
      size_t j = i + 1;
      while (j < s.size() && j - i < 12 && (IsNameChar(s[j]) || s[j] == '#')) ++j;
      if (j < s.size() && s[j] == ';' && j > i + 1) {
        ++n;
        i = j + 1;
        continue;
      }
    }
    if ((c & 0xC0) != 0x80) ++n;
    ++i;
  }
  return n;
}

bool FindText(std::string_view raw, size_t* b, size_t* e) {
  size_t open = raw.find("<TEXT>");
  if (open == std::string_view::npos) return false;
  size_t close = raw.find("</TEXT>", open + 6);
  if (close == std::string_view::npos) return false;
  *b = open + 6;
  *e = close;
  return true;
}

}  // namespace

StatusOr<TimemlDocument> ParseTimeml(std::string raw, std::string name) {
  TimemlDocument d;
  d.name = std::move(name);
  d.raw = std::move(raw);
  if (!FindText(d.raw, &d.text_begin, &d.text_end)) {
    return Status::InvalidArgument(d.name + ": no <TEXT>…</TEXT> element");
  }
  const std::string_view body = std::string_view(d.raw).substr(d.text_begin, d.text_end - d.text_begin);
  size_t pos = 0;
  Tag t;
  while (NextTag(body, pos, &t)) {
    d.text.append(body.substr(pos, t.begin - pos));
    pos = t.end;
  }
  d.text.append(body.substr(pos));
  // A '<' that opens a tag name but never closes would swallow the tags we insert when the output is
  // read back: such TEXT is not well-formed XML, so refuse it rather than write an ambiguous file.
  for (size_t i = d.text.find('<'); i != std::string::npos; i = d.text.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < d.text.size() && d.text[j] == '/') ++j;
    if (j < d.text.size() && IsNameChar(d.text[j])) {
      return Status::InvalidArgument(d.name + ": unterminated tag or unescaped '<' in <TEXT> (text byte " +
                                     std::to_string(i) + ")");
    }
  }
  // DCT: the CREATION_TIME TIMEX3 (normally inside <DCT>).
  const std::string_view all(d.raw);
  pos = 0;
  while (NextTag(all, pos, &t)) {
    pos = t.end;
    if (t.closing || t.name != "TIMEX3") continue;
    if (Attr(t.attrs, "functionInDocument") != "CREATION_TIME") continue;
    auto date = ParseIsoDate(Attr(t.attrs, "value"));
    if (date.ok()) d.dct = *date;
    break;
  }
  if (!d.dct.known()) {
    size_t dct = all.find("<DCT>");
    if (dct != std::string_view::npos && NextTag(all, dct + 5, &t) && t.name == "TIMEX3") {
      auto date = ParseIsoDate(Attr(t.attrs, "value"));
      if (date.ok()) d.dct = *date;
    }
  }
  return d;
}

StatusOr<TimemlDocument> ReadTimeml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path + " for reading");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string name = std::filesystem::path(path).filename().string();
  for (const char* ext : {".tml.TE3input", ".TE3input", ".tml", ".xml"}) {
    const size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) {
      name.resize(name.size() - n);
      break;
    }
  }
  return ParseTimeml(ss.str(), name);
}

std::string WriteTimeml(const TimemlDocument& doc, const std::vector<TimeExpression>& timexes) {
  std::string out;
  out.reserve(doc.raw.size() + timexes.size() * 80);
  out.append(doc.raw, 0, doc.text_begin);
  std::vector<const TimeExpression*> sorted;
  for (const auto& x : timexes) {
    if (x.start < x.end && x.end <= doc.text.size()) sorted.push_back(&x);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const TimeExpression* a, const TimeExpression* b) { return a->start < b->start; });
  size_t pos = 0;
  int tid = 1;
  for (const TimeExpression* x : sorted) {
    if (x->start < pos) continue;  // overlaps the previous one
    out.append(doc.text, pos, x->start - pos);
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" + TimexTypeName(x->type) + "\" value=\"" +
           x->value + "\"";
    if (!x->mod.empty()) out += " mod=\"" + x->mod + "\"";
    out += ">";
    out.append(doc.text, x->start, x->end - x->start);
    out += "</TIMEX3>";
    pos = x->end;
  }
  out.append(doc.text, pos, std::string::npos);
  out.append(doc.raw, doc.text_end, std::string::npos);
  return out;
}

std::vector<ScoredTimex> ExtractTimexes(std::string_view raw) {
  std::vector<ScoredTimex> out;
  size_t b, e;
  if (!FindText(raw, &b, &e)) return out;
  const std::string_view body = raw.substr(b, e - b);
  struct Open {
    size_t start;
    std::string type, value;
    bool creation;
  };
  std::vector<Open> stack;
  size_t pos = 0, offset = 0;
  Tag t;
  while (NextTag(body, pos, &t)) {
    offset += DecodedLength(body.substr(pos, t.begin - pos));
    pos = t.end;
    if (t.name != "TIMEX3") continue;
    if (!t.closing) {
      std::string_view a = t.attrs;
      while (!a.empty() && (a.back() == ' ' || a.back() == '\t' || a.back() == '\n')) a.remove_suffix(1);
      if (!a.empty() && a.back() == '/') continue;  // empty (non-consuming) timex
      stack.push_back({offset, Attr(t.attrs, "type"), Attr(t.attrs, "value"),
                       Attr(t.attrs, "functionInDocument") == "CREATION_TIME"});
    } else if (!stack.empty()) {
      Open o = std::move(stack.back());
      stack.pop_back();
      if (o.creation) continue;
      out.push_back({o.start, offset, std::move(o.type), std::move(o.value)});
    }
  }
  return out;
}

void ScoreTimexDocument(const std::vector<ScoredTimex>& gold, const std::vector<ScoredTimex>& system,
                        const std::string& name, bool verbose, TimexScores* s) {
  s->gold += gold.size();
  s->system += system.size();
  std::vector<bool> used(system.size(), false);
  char buf[512];
  for (const auto& g : gold) {
    int best = -1;
    for (size_t j = 0; j < system.size(); ++j) {
      const auto& x = system[j];
      if (used[j] || x.end <= g.start || x.start >= g.end) continue;
      const bool exact = x.start == g.start && x.end == g.end;
      if (best < 0 || exact) {
        best = static_cast<int>(j);
        if (exact) break;
      }
    }
    if (best < 0) {
      if (verbose) {
        std::snprintf(buf, sizeof buf, "MISS %s %zu-%zu %s %s", name.c_str(), g.start, g.end, g.type.c_str(),
                      g.value.c_str());
        s->details.push_back(buf);
      }
      continue;
    }
    used[best] = true;
    const auto& x = system[best];
    ++s->relaxed;
    s->strict += x.start == g.start && x.end == g.end;
    s->type += x.type == g.type;
    s->value += x.value == g.value;
    if (verbose && x.value != g.value) {
      std::snprintf(buf, sizeof buf, "VALUE %s %zu-%zu gold=%s sys=%s", name.c_str(), g.start, g.end,
                    g.value.c_str(), x.value.c_str());
      s->details.push_back(buf);
    }
  }
  if (verbose) {
    for (size_t j = 0; j < system.size(); ++j) {
      if (used[j]) continue;
      std::snprintf(buf, sizeof buf, "EXTRA %s %zu-%zu %s %s", name.c_str(), system[j].start, system[j].end,
                    system[j].type.c_str(), system[j].value.c_str());
      s->details.push_back(buf);
    }
  }
}

void FinishScores(TimexScores* s) {
  auto prf = [&](size_t c) {
    PRF r;
    r.p = s->system ? static_cast<double>(c) / s->system : 0.0;
    r.r = s->gold ? static_cast<double>(c) / s->gold : 0.0;
    r.f1 = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0.0;
    return r;
  };
  s->strict_prf = prf(s->strict);
  s->relaxed_prf = prf(s->relaxed);
  s->type_prf = prf(s->type);
  s->value_prf = prf(s->value);
}

StatusOr<TimexScores> ScoreTimexDirs(const std::string& gold_dir, const std::string& system_dir, bool verbose) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> names;
  for (fs::directory_iterator it(gold_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string n = it->path().filename().string();
    if (n.size() > 4 && n.compare(n.size() - 4, 4, ".tml") == 0) names.push_back(n);
  }
  if (ec) return Status::IOError("cannot list gold folder " + gold_dir + ": " + ec.message());
  std::sort(names.begin(), names.end());
  TimexScores s;
  auto slurp = [](const fs::path& p, std::string* out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
  };
  for (const std::string& n : names) {
    std::string graw, sraw;
    if (!slurp(fs::path(gold_dir) / n, &graw)) return Status::IOError("cannot read " + gold_dir + "/" + n);
    std::vector<ScoredTimex> sys;
    if (slurp(fs::path(system_dir) / n, &sraw)) sys = ExtractTimexes(sraw);
    ScoreTimexDocument(ExtractTimexes(graw), sys, n, verbose, &s);
  }
  FinishScores(&s);
  return s;
}

std::string FormatScores(const TimexScores& s) {
  std::string out;
  char buf[160];
  const std::pair<const char*, const PRF*> rows[] = {
      {"strict", &s.strict_prf}, {"relaxed", &s.relaxed_prf}, {"type", &s.type_prf}, {"value", &s.value_prf}};
  for (const auto& [name, r] : rows) {
    std::snprintf(buf, sizeof buf, "%-8s P %.4f R %.4f F1 %.4f\n", name, r->p, r->r, r->f1);
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "timexes: gold %zu, system %zu; value F1 %.4f\n", s.gold, s.system,
                s.value_prf.f1);
  out += buf;
  return out;
}

}  // namespace dateline
