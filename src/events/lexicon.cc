#include "events/lexicon.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/paths.h"

namespace dateline {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = line.find('\t', b);
    out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

std::vector<std::string> SplitChar(std::string_view s, char c) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : s) {
    if (ch == c) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Calls fn(line_number, line) for every non-empty, non-comment line.
template <typename Fn>
Status ForEachLine(const std::string& path, Fn fn) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path + " (set DATELINE_DATA to the data directory)");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    RETURN_IF_ERROR(fn(n, line));
  }
  return Status::OK();
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string Plural(const std::string& w) {
  if (w.empty()) return w;
  const char last = w.back();
  if (last == 'y' && w.size() > 1 && !IsVowel(w[w.size() - 2])) return w.substr(0, w.size() - 1) + "ies";
  if (last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") || w.ends_with("sh")) return w + "es";
  return w + "s";
}

}  // namespace

std::string LowerForm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    // ’ (E2 80 99) and ‘ (E2 80 98) → '
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c));
  }
  return out;
}

StatusOr<std::unique_ptr<EventLexicon>> EventLexicon::Load(const EventLexiconOptions& options) {
  std::string dir = options.dir.empty() ? DataPath("events") : options.dir;
  std::unique_ptr<EventLexicon> lex(new EventLexicon());
  RETURN_IF_ERROR(lex->LoadCodebook(dir + "/cameo.tsv", dir + "/plover.tsv"));
  RETURN_IF_ERROR(lex->LoadIrregular(dir + "/irregular.tsv"));
  RETURN_IF_ERROR(lex->LoadTriggers(dir + "/triggers.tsv"));
  RETURN_IF_ERROR(lex->LoadCues(dir + "/cues.tsv"));
  return lex;
}

Status EventLexicon::LoadCodebook(const std::string& cameo_path, const std::string& plover_path) {
  RETURN_IF_ERROR(ForEachLine(cameo_path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f[0] == "code") return Status::OK();  // header
    if (f.size() != 4) return Status::Corruption(cameo_path + ":" + std::to_string(n) + ": expected 4 fields");
    CameoCode c;
    c.code = f[0];
    c.name = f[1];
    c.quad_class = std::atoi(f[2].c_str());
    c.goldstein = std::strtod(f[3].c_str(), nullptr);
    if (c.quad_class < 1 || c.quad_class > 4) {
      return Status::Corruption(cameo_path + ":" + std::to_string(n) + ": quad_class must be 1..4");
    }
    codes_[c.code] = std::move(c);
    return Status::OK();
  }));
  return ForEachLine(plover_path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f[0] == "cameo") return Status::OK();
    if (f.size() < 2) return Status::Corruption(plover_path + ":" + std::to_string(n) + ": expected 4 fields");
    auto it = codes_.find(f[0]);
    if (it == codes_.end()) {
      return Status::Corruption(plover_path + ":" + std::to_string(n) + ": unknown CAMEO code " + f[0]);
    }
    it->second.type = f[1];
    it->second.mode = f.size() > 2 ? f[2] : "";
    return Status::OK();
  });
}

Status EventLexicon::LoadIrregular(const std::string& path) {
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() != 2) return Status::Corruption(path + ":" + std::to_string(n) + ": expected lemma<TAB>forms");
    irregular_[f[0]] = SplitChar(f[1], ' ');
    return Status::OK();
  });
}

std::vector<std::string> EventLexicon::Forms(const std::string& w) const {
  std::vector<std::string> out{w};
  if (w.empty()) return out;
  auto it = irregular_.find(w);
  if (it != irregular_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  const char last = w.back();
  const bool sibilant = last == 's' || last == 'x' || last == 'z' || (w.size() > 1 && (w.ends_with("ch") || w.ends_with("sh")));
  const bool cons_y = last == 'y' && w.size() > 1 && !IsVowel(w[w.size() - 2]);
  // -s
  if (cons_y) {
    out.push_back(w.substr(0, w.size() - 1) + "ies");
  } else if (sibilant) {
    out.push_back(w + "es");
  } else {
    out.push_back(w + "s");
  }
  // -ed / -ing
  if (cons_y) {
    out.push_back(w.substr(0, w.size() - 1) + "ied");
    out.push_back(w + "ing");
  } else if (last == 'e') {
    out.push_back(w + "d");
    out.push_back(w.substr(0, w.size() - 1) + "ing");
    out.push_back(w + "ing");
  } else {
    out.push_back(w + "ed");
    out.push_back(w + "ing");
    // consonant-vowel-consonant: plan → planned, ship → shipping
    if (w.size() >= 3 && !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(w[w.size() - 2]) &&
        !IsVowel(w[w.size() - 3])) {
      out.push_back(w + last + "ed");
      out.push_back(w + last + "ing");
    }
  }
  return out;
}

Status EventLexicon::LoadTriggers(const std::string& path) {
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    const std::string where = path + ":" + std::to_string(n) + ": ";
    auto f = SplitTabs(line);
    if (line[0] == '@') {
      if (f.size() != 2) return Status::Corruption(where + "expected @class<TAB>words");
      // Class words are nouns (word and plural) except in @light, whose verbs take every form.
      const bool verbs = f[0] == "@light";
      auto& set = classes_[f[0].substr(1)];
      for (const auto& w : SplitChar(f[1], ' ')) {
        const std::string lw = LowerForm(w);
        if (verbs) {
          for (const auto& form : Forms(lw)) set.insert(form);
        } else {
          set.insert(lw);
          const auto forms = Forms(lw);
          set.insert(Plural(lw));
        }
      }
      return Status::OK();
    }
    if (f.size() != 6) return Status::Corruption(where + "expected 6 tab-separated fields");
    TriggerEntry e;
    e.line = n;
    auto words = SplitChar(f[0], ' ');
    if (words.empty()) return Status::Corruption(where + "empty pattern");
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i][0] == '*') {
        e.head = static_cast<int>(i);
        words[i] = words[i].substr(1);
      }
      words[i] = LowerForm(words[i]);
    }
    e.words = std::move(words);
    if (f[1] != "V" && f[1] != "N") return Status::Corruption(where + "pos must be V or N");
    e.noun = f[1] == "N";
    e.cameo = f[2];
    if (!codes_.count(e.cameo)) return Status::Corruption(where + "CAMEO code " + e.cameo + " not in cameo.tsv");
    if (codes_[e.cameo].type.empty()) {
      return Status::Corruption(where + "CAMEO code " + e.cameo + " has no PLOVER type");
    }
    e.mode = f[3] == "-" ? "" : f[3];
    e.roles = SplitChar(f[4], ',');
    if (f[5] != "-") {
      std::string c = f[5];
      if (c[0] == '!') {
        e.cond_negated = true;
        c = c.substr(1);
      }
      if (c.empty() || c[0] != '@') return Status::Corruption(where + "cond must be -, @class or !@class");
      e.cond_class = c.substr(1);
      if (!classes_.count(e.cond_class)) return Status::Corruption(where + "unknown word class @" + e.cond_class);
    }
    const int id = static_cast<int>(entries_.size());
    for (size_t i = 0; i < e.words.size(); ++i) {
      for (const auto& form : Forms(e.words[i])) form_to_lemmas_[form].insert(e.words[i]);
    }
    for (const auto& form : Forms(e.words[e.head])) {
      auto& v = by_head_form_[form];
      if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    }
    entries_.push_back(std::move(e));
    return Status::OK();
  });
}

Status EventLexicon::LoadCues(const std::string& path) {
  return ForEachLine(path, [&](int n, const std::string& line) -> Status {
    const std::string where = path + ":" + std::to_string(n) + ": ";
    auto f = SplitTabs(line);
    if (f.size() != 3) return Status::Corruption(where + "expected status<TAB>scope<TAB>cue");
    Cue c;
    if (f[0] == "planned") c.status = CueStatus::kPlanned;
    else if (f[0] == "hypothetical") c.status = CueStatus::kHypothetical;
    else if (f[0] == "denied") c.status = CueStatus::kDenied;
    else if (f[0] == "attributed") c.status = CueStatus::kAttributed;
    else return Status::Corruption(where + "unknown status '" + f[0] + "'");
    if (f[1] == "near") c.scope = CueScope::kNear;
    else if (f[1] == "left") c.scope = CueScope::kLeft;
    else if (f[1] == "govern") c.scope = CueScope::kGovern;
    else if (f[1] == "right") c.scope = CueScope::kRight;
    else if (f[1] == "next") c.scope = CueScope::kNext;
    else if (f[1] == "start") c.scope = CueScope::kStart;
    else return Status::Corruption(where + "unknown scope '" + f[1] + "'");
    c.words = SplitChar(LowerForm(f[2]), ' ');
    if (c.words.empty()) return Status::Corruption(where + "empty cue");
    cues_.push_back(std::move(c));
    return Status::OK();
  });
}

const CameoCode* EventLexicon::Code(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

const std::vector<int>* EventLexicon::EntriesForHead(std::string_view form) const {
  auto it = by_head_form_.find(std::string(form));
  return it == by_head_form_.end() ? nullptr : &it->second;
}

bool EventLexicon::IsFormOf(std::string_view form, std::string_view lemma) const {
  if (form == lemma) return true;
  auto it = form_to_lemmas_.find(std::string(form));
  return it != form_to_lemmas_.end() && it->second.count(std::string(lemma)) > 0;
}

bool EventLexicon::InClass(std::string_view cls, std::string_view form) const {
  auto it = classes_.find(std::string(cls));
  return it != classes_.end() && it->second.count(std::string(form)) > 0;
}

}  // namespace dateline
