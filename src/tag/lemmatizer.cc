#include "tag/lemmatizer.h"

#include <algorithm>

namespace dateline {
namespace {

// Scratch key buffer per thread: lookups build their key here instead of allocating per token.
std::string& Scratch() {
  thread_local std::string key;
  return key;
}

void LowerInto(std::string_view s, std::string* out) {
  out->assign(s.data(), s.size());
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace

std::string Lemmatizer::Base(std::string_view form, std::string_view xpos) const {
  std::string out;
  if (keep_case.count(std::string(xpos))) out.assign(form);
  else LowerInto(form, &out);
  return out;
}

char Lemmatizer::WordNetPos(std::string_view xpos) {
  if (xpos.substr(0, 2) == "VB") return 'v';
  if (xpos == "NNS" || xpos == "NNPS") return 'n';
  if (xpos == "JJR" || xpos == "JJS") return 'a';
  if (xpos == "RBR" || xpos == "RBS") return 'r';
  return 0;
}

void Lemmatizer::ApplyRules(std::string_view form, std::string_view xpos, std::string* lemma) const {
  std::string& key = Scratch();
  const bool keep = !keep_case.empty() && keep_case.count(key.assign(xpos)) > 0;
  if (keep) lemma->assign(form);
  else LowerInto(form, lemma);
  if (char p = WordNetPos(xpos)) {
    key.assign(1, p);
    key += '\t';
    const size_t at = key.size();
    key.append(*lemma);
    for (size_t i = at; i < key.size(); ++i) {
      if (key[i] >= 'A' && key[i] <= 'Z') key[i] = static_cast<char>(key[i] - 'A' + 'a');
    }
    auto it = wordnet.find(key);
    if (it != wordnet.end()) {
      lemma->assign(it->second);
      return;
    }
  }
  const size_t len = lemma->size();
  for (size_t k = std::min<size_t>(max_suffix, len);; --k) {
    key.assign(xpos);
    key += '\t';
    key.append(*lemma, len - k, k);
    auto it = suffix.find(key);
    if (it != suffix.end()) {
      const Rule& r = rules[it->second];
      if (r.strip <= len) {
        lemma->resize(len - r.strip);
        lemma->append(r.append);
        return;
      }
    }
    if (k == 0) break;
  }
}

void Lemmatizer::Lemmatize(std::string_view form, std::string_view xpos, std::string* lemma) const {
  if (!dict.empty()) {
    std::string& key = Scratch();
    const bool keep = keep_case.count(key.assign(xpos)) > 0;
    if (keep) key.assign(form);
    else LowerInto(form, &key);
    key += '\t';
    key.append(xpos);
    auto it = dict.find(key);
    if (it != dict.end()) {
      lemma->assign(it->second);
      return;
    }
  }
  ApplyRules(form, xpos, lemma);
}

namespace {

void WriteMap(ByteWriter* out, const std::unordered_map<std::string, std::string>& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  out->U32(static_cast<uint32_t>(v.size()));
  for (const auto& [k, val] : v) {
    out->Str(k);
    out->Str(val);
  }
}

Status ReadMap(ByteReader* in, std::unordered_map<std::string, std::string>* m) {
  uint32_t n = 0;
  RETURN_IF_ERROR(in->U32(&n));
  m->clear();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k, v;
    RETURN_IF_ERROR(in->Str(&k));
    RETURN_IF_ERROR(in->Str(&v));
    (*m)[std::move(k)] = std::move(v);
  }
  return Status::OK();
}

}  // namespace

void Lemmatizer::Write(ByteWriter* out) const {
  out->U32(max_suffix);
  std::vector<std::string> kc(keep_case.begin(), keep_case.end());
  std::sort(kc.begin(), kc.end());
  out->Strings(kc);
  out->U32(static_cast<uint32_t>(rules.size()));
  for (const Rule& r : rules) {
    out->U32(r.strip);
    out->Str(r.append);
  }
  std::vector<std::pair<std::string, uint32_t>> sv(suffix.begin(), suffix.end());
  std::sort(sv.begin(), sv.end());
  out->U32(static_cast<uint32_t>(sv.size()));
  for (const auto& [k, v] : sv) {
    out->Str(k);
    out->U32(v);
  }
  WriteMap(out, dict);
  WriteMap(out, wordnet);
}

Status Lemmatizer::Read(ByteReader* in) {
  RETURN_IF_ERROR(in->U32(&max_suffix));
  if (max_suffix > 32) return Status::Corruption("lemmatizer: bad suffix length");
  std::vector<std::string> kc;
  RETURN_IF_ERROR(in->Strings(&kc));
  keep_case = std::unordered_set<std::string>(kc.begin(), kc.end());
  uint32_t n = 0;
  RETURN_IF_ERROR(in->U32(&n));
  rules.clear();
  for (uint32_t i = 0; i < n; ++i) {
    Rule r;
    RETURN_IF_ERROR(in->U32(&r.strip));
    RETURN_IF_ERROR(in->Str(&r.append));
    rules.push_back(std::move(r));
  }
  RETURN_IF_ERROR(in->U32(&n));
  suffix.clear();
  for (uint32_t i = 0; i < n; ++i) {
    std::string k;
    uint32_t v = 0;
    RETURN_IF_ERROR(in->Str(&k));
    RETURN_IF_ERROR(in->U32(&v));
    if (v >= rules.size()) return Status::Corruption("lemmatizer: rule index out of range");
    suffix[std::move(k)] = v;
  }
  RETURN_IF_ERROR(ReadMap(in, &dict));
  RETURN_IF_ERROR(ReadMap(in, &wordnet));
  return Status::OK();
}

}  // namespace dateline
