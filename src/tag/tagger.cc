#include "tag/tagger.h"

#include <algorithm>
#include <atomic>

#include "core/paths.h"

namespace dateline {
namespace {

enum TaggerTemplate : uint32_t {
  kBias, kLower, kForm, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre2, kPre3, kShape, kPrevW, kPrev2W, kNextW,
  kNext2W, kPrevT, kPrevT2, kPrevTW, kPrevSuf3, kNextSuf3, kPrevWW, kWNextW, kPrevShape, kNextShape, kAmb,
  kNextAmb, kNext2Amb, kPrevTNextAmb, kFirstShape, kAmbNextAmb, kPrevTSuf3
};

const uint64_t kPadStart = HashBytes("<s>");
const uint64_t kPadEnd = HashBytes("</s>");
const uint64_t kNoAmb = HashBytes("<unk-amb>");

}  // namespace

void WriteSelfTests(const std::vector<SelfTest>& tests, ByteWriter* out) {
  out->U32(static_cast<uint32_t>(tests.size()));
  for (const auto& t : tests) {
    out->Strings(t.words);
    out->Strings(t.expected);
  }
}

Status ReadSelfTests(ByteReader* in, std::vector<SelfTest>* tests) {
  uint32_t n = 0;
  RETURN_IF_ERROR(in->U32(&n));
  if (n > 1000) return Status::Corruption("too many self-test sentences");
  tests->resize(n);
  for (auto& t : *tests) {
    RETURN_IF_ERROR(in->Strings(&t.words));
    RETURN_IF_ERROR(in->Strings(&t.expected));
    if (t.words.size() != t.expected.size()) return Status::Corruption("self-test size mismatch");
  }
  return Status::OK();
}

TagTokenInfo ComputeTagTokenInfo(std::string_view word, const TaggerModel& model) {
  TagTokenInfo t;
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
  for (size_t k = 1; k <= 4; ++k) t.suf[k - 1] = k <= n ? HashBytes(lower.substr(n - k)) : t.lower;
  for (size_t k = 1; k <= 3; ++k) t.pre[k - 1] = k <= n ? HashBytes(lower.substr(0, k)) : t.lower;
  auto it = model.ambiguity.find(t.lower);
  t.amb = it == model.ambiguity.end() ? kNoAmb : it->second;
  return t;
}

void TaggerWordFeatures(const TagTokenInfo& w, FeatureBuffer<48>* out) {
  out->Add(Feat(kBias, 0));
  out->Add(Feat(kLower, w.lower));
  out->Add(Feat(kForm, w.form));
  out->Add(Feat(kSuf1, w.suf[0]));
  out->Add(Feat(kSuf2, w.suf[1]));
  out->Add(Feat(kSuf3, w.suf[2]));
  out->Add(Feat(kSuf4, w.suf[3]));
  out->Add(Feat(kPre1, w.pre[0]));
  out->Add(Feat(kPre2, w.pre[1]));
  out->Add(Feat(kPre3, w.pre[2]));
  out->Add(Feat(kShape, w.shape));
}

void TaggerContextFeatures(const TagTokenInfo* toks, int n, int i, int prev, int prev2, FeatureBuffer<48>* out) {
  const TagTokenInfo& w = toks[i];
  const uint64_t pw = i > 0 ? toks[i - 1].lower : kPadStart;
  const uint64_t p2w = i > 1 ? toks[i - 2].lower : kPadStart;
  const uint64_t nw = i + 1 < n ? toks[i + 1].lower : kPadEnd;
  const uint64_t n2w = i + 2 < n ? toks[i + 2].lower : kPadEnd;
  const uint64_t namb = i + 1 < n ? toks[i + 1].amb : kPadEnd;
  const uint64_t n2amb = i + 2 < n ? toks[i + 2].amb : kPadEnd;
  const uint64_t pt = static_cast<uint64_t>(prev + 2);
  const uint64_t p2t = static_cast<uint64_t>(prev2 + 2);
  out->Add(Feat(kPrevW, pw));
  out->Add(Feat(kPrev2W, p2w));
  out->Add(Feat(kNextW, nw));
  out->Add(Feat(kNext2W, n2w));
  out->Add(Feat(kPrevT, pt));
  out->Add(Feat(kPrevT2, pt, p2t));
  out->Add(Feat(kPrevTW, pt, w.lower));
  out->Add(Feat(kPrevSuf3, i > 0 ? toks[i - 1].suf[2] : kPadStart));
  out->Add(Feat(kNextSuf3, i + 1 < n ? toks[i + 1].suf[2] : kPadEnd));
  out->Add(Feat(kPrevWW, pw, w.lower));
  out->Add(Feat(kWNextW, w.lower, nw));
  out->Add(Feat(kPrevShape, i > 0 ? toks[i - 1].shape : kPadStart));
  out->Add(Feat(kNextShape, i + 1 < n ? toks[i + 1].shape : kPadEnd));
  out->Add(Feat(kAmb, w.amb));
  out->Add(Feat(kNextAmb, namb));
  out->Add(Feat(kNext2Amb, n2amb));
  out->Add(Feat(kPrevTNextAmb, pt, namb));
  if (i == 0) out->Add(Feat(kFirstShape, w.shape));
  out->Add(Feat(kAmbNextAmb, w.amb, namb));
  out->Add(Feat(kPrevTSuf3, pt, w.suf[2]));
}

void TaggerFeatures(const TagTokenInfo* toks, int n, int i, int prev, int prev2, FeatureBuffer<48>* out) {
  TaggerWordFeatures(toks[i], out);
  TaggerContextFeatures(toks, n, i, prev, prev2, out);
}

std::string TaggerModel::Payload() const {
  ByteWriter out;
  out.Strings(classes);
  weights.Write(&out);
  std::vector<std::pair<uint64_t, uint16_t>> td(tagdict.begin(), tagdict.end());
  std::sort(td.begin(), td.end());
  std::vector<uint64_t> tk;
  std::vector<uint16_t> tv;
  for (auto& [k, v] : td) {
    tk.push_back(k);
    tv.push_back(v);
  }
  out.Pod(tk);
  out.Pod(tv);
  std::vector<std::pair<uint64_t, uint64_t>> am(ambiguity.begin(), ambiguity.end());
  std::sort(am.begin(), am.end());
  std::vector<uint64_t> ak, av;
  for (auto& [k, v] : am) {
    ak.push_back(k);
    av.push_back(v);
  }
  out.Pod(ak);
  out.Pod(av);
  lemmatizer.Write(&out);
  WriteSelfTests(self_tests, &out);
  return out.Release();
}

Status TaggerModel::ReadPayload(std::string_view payload) {
  ByteReader in(payload);
  RETURN_IF_ERROR(in.Strings(&classes));
  if (classes.empty() || classes.size() > 256) return Status::Corruption("tagger: bad class count");
  for (const auto& c : classes) {
    if (c.find('\t') == std::string::npos) return Status::Corruption("tagger: bad class name");
  }
  RETURN_IF_ERROR(weights.Read(&in));
  if (weights.num_classes() != classes.size()) return Status::Corruption("tagger: class count mismatch");
  std::vector<uint64_t> tk, ak, av;
  std::vector<uint16_t> tv;
  RETURN_IF_ERROR(in.Pod(&tk));
  RETURN_IF_ERROR(in.Pod(&tv));
  if (tk.size() != tv.size()) return Status::Corruption("tagger: tag dictionary size mismatch");
  tagdict.clear();
  for (size_t i = 0; i < tk.size(); ++i) {
    if (tv[i] >= classes.size()) return Status::Corruption("tagger: tag dictionary class out of range");
    tagdict[tk[i]] = tv[i];
  }
  RETURN_IF_ERROR(in.Pod(&ak));
  RETURN_IF_ERROR(in.Pod(&av));
  if (ak.size() != av.size()) return Status::Corruption("tagger: ambiguity table size mismatch");
  ambiguity.clear();
  for (size_t i = 0; i < ak.size(); ++i) ambiguity[ak[i]] = av[i];
  RETURN_IF_ERROR(lemmatizer.Read(&in));
  RETURN_IF_ERROR(ReadSelfTests(&in, &self_tests));
  if (!in.done()) return Status::Corruption("tagger: trailing bytes in payload");
  return Status::OK();
}

namespace {

// Per-thread cache of what the tagger computes for a word on its own: its hashed attributes, its tag
// dictionary class, the class scores of its word features (TaggerWordFeatures, scored from zero in feature
// order: the scoring of the other features then continues from them exactly as if scored in one pass) and
// the lemmas of its last two classes (words such as 'said' or 'that' alternate). News repeats words, so
// most tokens are found here. Two-way set associative (a word may sit in either entry of its pair; the
// least recently used one is replaced). Entries are checked against the word itself, so results are the
// same as without the cache; the cache belongs to one Tagger instance at a time. About 16384 x (200 bytes
// + 4 per class) per thread.
struct WordCache {
  struct Entry {
    std::string word;
    TagTokenInfo info;
    int dict = -1;
    bool scored = false;   // own scores below hold the word features' scores
    uint32_t used = 0;     // tick of the last use
    int lemma_class[2] = {-1, -1};  // classes the lemmas below were made for, -1 none; [0] the latest
    std::string lemma[2];
  };
  static constexpr size_t kSize = 16384;  // a power of two
  uint64_t owner = 0;
  size_t num_classes = 0;
  uint32_t tick = 0;
  std::vector<Entry> entries;
  std::vector<float> scores;  // kSize rows of num_classes word-feature scores
  float* Own(const Entry& e) { return scores.data() + static_cast<size_t>(&e - entries.data()) * num_classes; }
  // The entry holding `word` (hash h), or nullptr.
  Entry* Find(std::string_view word, uint64_t h) {
    Entry* pair = &entries[h & (kSize - 2)];
    for (int k = 0; k < 2; ++k) {
      if (pair[k].word == word) {
        pair[k].used = ++tick;
        return &pair[k];
      }
    }
    return nullptr;
  }
  // The entry to fill for a word not in the cache: the less recently used of its pair.
  Entry* Victim(uint64_t h) {
    Entry* pair = &entries[h & (kSize - 2)];
    Entry* e = pair[0].used <= pair[1].used ? &pair[0] : &pair[1];
    e->used = ++tick;
    return e;
  }
};

WordCache& ThreadWordCache(uint64_t owner, size_t num_classes) {
  thread_local WordCache cache;
  if (cache.owner != owner) {
    cache.owner = owner;
    cache.num_classes = num_classes;
    cache.entries.assign(WordCache::kSize, WordCache::Entry());
    cache.scores.assign(WordCache::kSize * num_classes, 0.0f);
  }
  return cache;
}

std::atomic<uint64_t> next_instance{1};

}  // namespace

Tagger::Tagger(TaggerModel model) : model_(std::move(model)), instance_(next_instance++) { Prepare(); }

int Tagger::DictClass(uint64_t form_hash) const {
  auto td = model_.tagdict.find(form_hash);
  return td == model_.tagdict.end() ? -1 : td->second;
}

void Tagger::Prepare() {
  upos_.clear();
  xpos_.clear();
  for (const auto& c : model_.classes) {
    size_t tab = c.find('\t');
    upos_.push_back(c.substr(0, tab));
    xpos_.push_back(tab == std::string::npos ? std::string() : c.substr(tab + 1));
  }
}

// Versions:
//   1  (2026-11) first format: classes, quantised linear model, tag dictionary, ambiguity classes,
//      lemmatizer tables, self-tests.
StatusOr<std::unique_ptr<Tagger>> Tagger::FromBytes(std::string_view bytes, const std::string& origin) {
  TaggerModel model;
  std::string payload;
  RETURN_IF_ERROR(ParseModelBytes(bytes, "tagger", kTaggerFormatVersion, origin, &model.manifest, &payload));
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(origin + ": " + s.message());
  auto tagger = std::make_unique<Tagger>(std::move(model));
  RETURN_IF_ERROR(tagger->SelfCheck(origin));
  return tagger;
}

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  ModelManifest manifest;
  std::string payload;
  TaggerModel model;
  RETURN_IF_ERROR(ReadModelFile(path, "tagger", kTaggerFormatVersion, &model.manifest, &payload));
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(path + ": " + s.message());
  auto tagger = std::make_unique<Tagger>(std::move(model));
  RETURN_IF_ERROR(tagger->SelfCheck(path));
  return tagger;
}

void Tagger::TagClasses(const std::vector<std::string_view>& words, std::vector<int>* classes) const {
  thread_local std::vector<TagTokenInfo> info;
  thread_local std::vector<int> dict;
  thread_local std::vector<float> rows;  // per word to score: its class scores, from its word features on
  const int nc = static_cast<int>(model_.classes.size());
  WordCache& cache = ThreadWordCache(instance_, nc);
  const int n = static_cast<int>(words.size());
  info.resize(n);
  dict.resize(n);
  if (rows.size() < static_cast<size_t>(n) * nc) rows.resize(static_cast<size_t>(n) * nc);
  FeatureBuffer<48> fb;
  for (int i = 0; i < n; ++i) {
    const uint64_t h = HashBytes(words[i]);
    WordCache::Entry* found = cache.Find(words[i], h);
    if (found == nullptr) {
      found = cache.Victim(h);
      WordCache::Entry& e = *found;
      e.word.assign(words[i]);
      e.info = ComputeTagTokenInfo(words[i], model_);
      e.dict = DictClass(e.info.form);
      e.scored = false;
      e.lemma_class[0] = e.lemma_class[1] = -1;
    }
    WordCache::Entry& e = *found;
    info[i] = e.info;
    dict[i] = e.dict;
    if (e.dict >= 0) continue;
    float* own = cache.Own(e);
    if (!e.scored) {
      fb.Clear();
      TaggerWordFeatures(e.info, &fb);
      std::fill(own, own + nc, 0.0f);
      model_.weights.Score(fb.f, fb.n, own);
      e.scored = true;
    }
    std::copy(own, own + nc, rows.data() + static_cast<size_t>(i) * nc);
  }
  classes->assign(n, 0);
  for (int i = 0; i < n; ++i) {
    if (dict[i] >= 0) {
      (*classes)[i] = dict[i];
      continue;
    }
    fb.Clear();
    TaggerContextFeatures(info.data(), n, i, i > 0 ? (*classes)[i - 1] : -1, i > 1 ? (*classes)[i - 2] : -1, &fb);
    float* scores = rows.data() + static_cast<size_t>(i) * nc;
    model_.weights.Score(fb.f, fb.n, scores);
    (*classes)[i] = static_cast<int>(std::max_element(scores, scores + nc) - scores);
  }
}

void Tagger::Tag(Sentence* sentence) const {
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<int> classes;
  words.clear();
  for (const Token& t : sentence->tokens) words.emplace_back(t.norm.empty() ? t.text : t.norm);
  TagClasses(words, &classes);
  WordCache& cache = ThreadWordCache(instance_, model_.classes.size());
  for (size_t i = 0; i < sentence->tokens.size(); ++i) {
    Token& t = sentence->tokens[i];
    t.upos = upos_[classes[i]];
    t.xpos = xpos_[classes[i]];
    // The entry TagClasses just filled for this word, unless a later word of the sentence took its place.
    if (WordCache::Entry* found = cache.Find(words[i], HashBytes(words[i]))) {
      WordCache::Entry& e = *found;
      if (e.lemma_class[0] != classes[i]) {
        std::swap(e.lemma_class[0], e.lemma_class[1]);
        std::swap(e.lemma[0], e.lemma[1]);
        if (e.lemma_class[0] != classes[i]) {
          model_.lemmatizer.Lemmatize(words[i], t.xpos, &e.lemma[0]);
          e.lemma_class[0] = classes[i];
        }
      }
      t.lemma = e.lemma[0];
    } else {
      model_.lemmatizer.Lemmatize(words[i], t.xpos, &t.lemma);
    }
  }
}

Status Tagger::SelfCheck(const std::string& origin) const {
  size_t total = 0, same = 0;
  Sentence s;
  for (const SelfTest& test : model_.self_tests) {
    s.tokens.assign(test.words.size(), Token());
    for (size_t i = 0; i < test.words.size(); ++i) s.tokens[i].text = test.words[i];
    Tag(&s);
    for (size_t i = 0; i < test.words.size(); ++i) {
      ++total;
      same += test.expected[i] == s.tokens[i].upos + "\t" + s.tokens[i].xpos + "\t" + s.tokens[i].lemma;
    }
  }
  return CheckSelfTest(origin, "tagger", same, total, 95);
}

StatusOr<std::shared_ptr<const Tagger>> SharedTagger() {
  return LoadShared<Tagger>(DataPath("models/tagger.dlm"));
}

StatusOr<std::unique_ptr<Annotator>> MakeTagAnnotator() {
  ASSIGN_OR_RETURN(auto tagger, SharedTagger());
  return std::unique_ptr<Annotator>(
      new SentenceModelAnnotator<Tagger, &Tagger::Tag>("tag", std::move(tagger)));
}

}  // namespace dateline
