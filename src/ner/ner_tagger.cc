#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstdio>

#include "core/paths.h"

namespace dateline {
namespace {

const uint64_t kStart = HashBytes("<s>");
const uint64_t kEnd = HashBytes("</s>");

}  // namespace

NerTokenInfo ComputeNerTokenInfo(std::string_view word, std::string_view xpos) {
  NerTokenInfo t;
  char buf[64];
  const size_t n = std::min(word.size(), sizeof(buf));
  for (size_t i = 0; i < n; ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view lower(buf, n);
  t.form = HashBytes(word);
  t.lower = HashBytes(lower);
  t.shape = ShapeHash(word);
  t.xpos = HashBytes(xpos);
  for (size_t k = 2; k <= 4; ++k) t.suf[k - 2] = k <= n ? HashBytes(lower.substr(n - k)) : t.lower;
  for (size_t k = 2; k <= 3; ++k) t.pre[k - 2] = k <= n ? HashBytes(lower.substr(0, k)) : t.lower;
  t.cap = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  return t;
}

void NerFeatures(const NerTokenInfo* toks, int n, int i, int prev, int prev2, bool uses_pos,
                 FeatureBuffer<48>* out) {
  const NerTokenInfo& w = toks[i];
  auto low = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].lower); };
  auto shape = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].shape); };
  auto pos = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].xpos); };
  auto gaz = [&](int k) { return k < 0 || k >= n ? uint64_t{99} : uint64_t{toks[k].gaz}; };
  const uint64_t pl = static_cast<uint64_t>(prev + 2), p2l = static_cast<uint64_t>(prev2 + 2);
  uint32_t t = 100;
  out->Add(Feat(++t, 0));
  out->Add(Feat(++t, w.lower));
  out->Add(Feat(++t, w.form));
  out->Add(Feat(++t, w.shape));
  out->Add(Feat(++t, w.suf[0]));
  out->Add(Feat(++t, w.suf[1]));
  out->Add(Feat(++t, w.suf[2]));
  out->Add(Feat(++t, w.pre[0]));
  out->Add(Feat(++t, w.pre[1]));
  out->Add(Feat(++t, low(i - 1)));
  out->Add(Feat(++t, low(i - 2)));
  out->Add(Feat(++t, low(i + 1)));
  out->Add(Feat(++t, low(i + 2)));
  out->Add(Feat(++t, shape(i - 1)));
  out->Add(Feat(++t, shape(i + 1)));
  out->Add(Feat(++t, shape(i - 1), w.shape));
  out->Add(Feat(++t, w.shape, shape(i + 1)));
  out->Add(Feat(++t, low(i - 1), w.lower));
  out->Add(Feat(++t, w.lower, low(i + 1)));
  out->Add(Feat(++t, pl));
  out->Add(Feat(++t, pl, p2l));
  out->Add(Feat(++t, pl, w.shape));
  out->Add(Feat(++t, pl, w.lower));
  out->Add(Feat(++t, pl, low(i + 1)));
  out->Add(Feat(++t, i == 0 ? 1 : 0, w.shape));
  out->Add(Feat(++t, i == 0 ? 1 : 0, w.lower));
  if (uses_pos) {
    out->Add(Feat(++t, w.xpos));
    out->Add(Feat(++t, pos(i - 1)));
    out->Add(Feat(++t, pos(i + 1)));
    out->Add(Feat(++t, w.xpos, w.shape));
    out->Add(Feat(++t, pos(i - 1), w.xpos));
    out->Add(Feat(++t, w.xpos, pos(i + 1)));
    out->Add(Feat(++t, pl, w.xpos));
    out->Add(Feat(++t, w.xpos, low(i - 1)));
  } else {
    t += 8;
  }
  out->Add(Feat(++t, gaz(i)));
  out->Add(Feat(++t, gaz(i - 1)));
  out->Add(Feat(++t, gaz(i + 1)));
  out->Add(Feat(++t, gaz(i), w.shape));
  out->Add(Feat(++t, gaz(i), pl));
}

bool BilouAllowed(const std::vector<std::string>& labels, int prev, int next) {
  const std::string& nx = labels[next];
  const char np = nx[0];
  const bool prev_open = prev >= 0 && (labels[prev][0] == 'B' || labels[prev][0] == 'I');
  if (prev_open) {
    return (np == 'I' || np == 'L') && nx.substr(2) == labels[prev].substr(2);
  }
  return np == 'O' || np == 'B' || np == 'U';
}

std::string NerModel::Payload() const {
  ByteWriter out;
  out.Strings(labels);
  weights.Write(&out);
  out.U8(uses_pos ? 1 : 0);
  out.Str(gazetteer);
  out.U64(gazetteer_fingerprint);
  WriteSelfTests(self_tests, &out);
  return out.Release();
}

Status NerModel::ReadPayload(std::string_view payload) {
  ByteReader in(payload);
  RETURN_IF_ERROR(in.Strings(&labels));
  if (labels.empty() || labels.size() > 64) return Status::Corruption("ner: bad label count");
  bool has_o = false;
  for (const auto& l : labels) {
    if (l == "O") {
      has_o = true;
      continue;
    }
    if (l.size() < 3 || l[1] != '-' || std::string("BILU").find(l[0]) == std::string::npos) {
      return Status::Corruption("ner: bad label '" + l + "'");
    }
  }
  if (!has_o) return Status::Corruption("ner: no O label");
  RETURN_IF_ERROR(weights.Read(&in));
  if (weights.num_classes() != labels.size()) return Status::Corruption("ner: class count mismatch");
  uint8_t pos = 0;
  RETURN_IF_ERROR(in.U8(&pos));
  uses_pos = pos != 0;
  RETURN_IF_ERROR(in.Str(&gazetteer));
  RETURN_IF_ERROR(in.U64(&gazetteer_fingerprint));
  RETURN_IF_ERROR(ReadSelfTests(&in, &self_tests));
  if (!in.done()) return Status::Corruption("ner: trailing bytes in payload");
  return Status::OK();
}

NerTagger::NerTagger(NerModel model, const Gazetteer* gazetteer)
    : model_(std::move(model)), gazetteer_(gazetteer) {
  const int nc = static_cast<int>(model_.labels.size());
  allowed_.assign(nc + 1, std::vector<uint8_t>(nc, 0));
  can_end_.assign(nc, 0);
  for (int c = 0; c < nc; ++c) {
    if (model_.labels[c] == "O") outside_ = c;
  }
  for (int p = -1; p < nc; ++p) {
    for (int c = 0; c < nc; ++c) allowed_[p + 1][c] = BilouAllowed(model_.labels, p, c);
  }
  for (int c = 0; c < nc; ++c) {
    const char k = model_.labels[c][0];
    can_end_[c] = k == 'O' || k == 'L' || k == 'U';
  }
}

// Versions:
//   1  (2026-11) first format: BILOU labels, quantised linear model, POS flag, gazetteer name and
//      fingerprint, self-tests.
StatusOr<std::unique_ptr<NerTagger>> NerTagger::FromBytes(std::string_view bytes, const std::string& origin,
                                                          const Gazetteer* gazetteer) {
  NerModel model;
  std::string payload;
  RETURN_IF_ERROR(ParseModelBytes(bytes, "ner", kNerFormatVersion, origin, &model.manifest, &payload));
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(origin + ": " + s.message());
  if (!model.gazetteer.empty() && (!gazetteer || gazetteer->fingerprint() != model.gazetteer_fingerprint)) {
    return Status::InvalidArgument(origin + ": model was trained with gazetteer '" + model.gazetteer +
                                   "'; load it with the same gazetteer file");
  }
  auto tagger = std::make_unique<NerTagger>(std::move(model), gazetteer);
  RETURN_IF_ERROR(tagger->SelfCheck(origin));
  return tagger;
}

StatusOr<std::unique_ptr<NerTagger>> NerTagger::Load(const std::string& path, const Gazetteer* gazetteer) {
  std::string bytes;
  {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Status::NotFound("cannot open model file " + path);
    char buf[1 << 16];
    size_t k;
    while ((k = std::fread(buf, 1, sizeof(buf), f)) > 0) bytes.append(buf, k);
    std::fclose(f);
  }
  return FromBytes(bytes, path, gazetteer);
}

void NerTagger::Tag(Sentence* sentence) const {
  thread_local std::vector<NerTokenInfo> info;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint8_t> gaz;
  thread_local std::vector<int> pred;
  const int n = static_cast<int>(sentence->tokens.size());
  words.clear();
  for (const Token& t : sentence->tokens) words.emplace_back(t.norm.empty() ? t.text : t.norm);
  info.resize(n);
  for (int i = 0; i < n; ++i) info[i] = ComputeNerTokenInfo(words[i], sentence->tokens[i].xpos);
  if (gazetteer_) {
    gazetteer_->Match(words, &gaz);
    for (int i = 0; i < n; ++i) info[i].gaz = gaz[i];
  }
  const int nc = static_cast<int>(model_.labels.size());
  float scores[64];
  FeatureBuffer<48> fb;
  pred.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    fb.Clear();
    const int prev = i > 0 ? pred[i - 1] : -1;
    NerFeatures(info.data(), n, i, prev, i > 1 ? pred[i - 2] : -1, model_.uses_pos, &fb);
    std::fill(scores, scores + nc, 0.0f);
    model_.weights.Score(fb.f, fb.n, scores);
    const auto& ok = allowed_[prev + 1];
    int best = -1;
    for (int c = 0; c < nc; ++c) {
      if (!ok[c] || (i + 1 == n && !can_end_[c])) continue;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    pred[i] = best < 0 ? outside_ : best;
  }
  for (int i = 0; i < n; ++i) sentence->tokens[i].ner = model_.labels[pred[i]];
}

Status NerTagger::SelfCheck(const std::string& origin) const {
  size_t total = 0, same = 0;
  Sentence s;
  for (const SelfTest& test : model_.self_tests) {
    s.tokens.assign(test.words.size(), Token());
    for (size_t i = 0; i < test.words.size(); ++i) {
      const std::string& w = test.words[i];
      size_t tab = w.find('\t');
      s.tokens[i].text = w.substr(0, tab);
      s.tokens[i].xpos = tab == std::string::npos ? std::string() : w.substr(tab + 1);
    }
    Tag(&s);
    for (size_t i = 0; i < test.words.size(); ++i) {
      ++total;
      same += test.expected[i] == s.tokens[i].ner;
    }
  }
  return CheckSelfTest(origin, "NER", same, total, 95);
}

StatusOr<std::unique_ptr<Annotator>> MakeNerAnnotator() {
  ASSIGN_OR_RETURN(auto ner, LoadShared<NerTagger>(DataPath("models/ner.dlm")));
  return std::unique_ptr<Annotator>(
      new SentenceModelAnnotator<NerTagger, &NerTagger::Tag>("ner", std::move(ner)));
}

}  // namespace dateline
