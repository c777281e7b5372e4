#include "ner/ner_tagger.h"

#include <algorithm>
#include <atomic>
#include <cstdio>

#include "core/paths.h"

namespace dateline {
namespace {

const uint64_t kStart = HashBytes("<s>");
const uint64_t kEnd = HashBytes("</s>");
std::atomic<uint64_t> next_ner_instance{1};  // NerTagger::instance_

// The name keywords of MarkNameKeywords: open addressing (hash → kind, linear probing, key 0 = empty),
// one probe per token and small enough to stay in cache.
struct NameKeyTable {
  static constexpr size_t kSlots = 512;
  std::array<std::pair<uint64_t, uint8_t>, kSlots> slots{};
  uint8_t& operator[](uint64_t h) {
    size_t s = h & (kSlots - 1);
    while (slots[s].first != 0 && slots[s].first != h) s = (s + 1) & (kSlots - 1);
    slots[s].first = h;
    return slots[s].second;
  }
  uint8_t Find(uint64_t h) const {
    for (size_t s = h & (kSlots - 1);; s = (s + 1) & (kSlots - 1)) {
      if (slots[s].first == h) return slots[s].second;
      if (slots[s].first == 0) return 0;
    }
  }
};

}  // namespace

NerTokenInfo ComputeNerTokenInfo(std::string_view word, std::string_view xpos, bool case_only) {
  NerTokenInfo t;
  char buf[64];
  char shape[12];
  const size_t n = std::min(word.size(), sizeof(buf));
  size_t upper = 0, lower_letters = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = word[i];
    const bool up = c >= 'A' && c <= 'Z';
    upper += up;
    lower_letters += c >= 'a' && c <= 'z';
    buf[i] = up ? static_cast<char>(c - 'A' + 'a') : c;
    if (i < sizeof(shape)) {
      shape[i] = up ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd' : (c & 0x80) ? 'u' : c;
    }
  }
  std::string_view lower(buf, n);
  t.lower = HashBytes(lower);
  t.alpha = upper + lower_letters > 0;
  const bool initial = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  if (initial && upper > 1 && lower_letters == 0) {
    t.cap = 2;
  } else if (initial) {
    t.cap = 1;
  } else if (upper > 0) {
    t.cap = 3;
  }
  if (case_only) return t;
  t.form = HashBytes(word);
  t.shape = ShapeHash(word);
  t.long_shape = HashBytes(std::string_view(shape, std::min(n, sizeof(shape))));
  t.xpos = HashBytes(xpos);
  for (size_t k = 1; k <= 4; ++k) t.suf[k - 1] = k <= n ? HashBytes(lower.substr(n - k)) : t.lower;
  for (size_t k = 1; k <= 4; ++k) t.pre[k - 1] = k <= n ? HashBytes(lower.substr(0, k)) : t.lower;
  return t;
}

void NerDocumentWords::Add(const NerTokenInfo& t, bool initial) {
  if (!t.alpha) return;
  auto& c = counts_[t.lower];
  if (!initial && (t.cap == 1 || t.cap == 2) && c[0] < 0xffff) ++c[0];
  if (t.cap == 0 && c[1] < 0xffff) ++c[1];
}

uint8_t NerDocumentWords::Code(const NerTokenInfo& t, bool initial) const {
  int capitalised = 0, lower = 0;
  auto it = counts_.find(t.lower);
  if (it != counts_.end()) {  // other occurrences: leave this one out
    capitalised = it->second[0] - (!initial && (t.cap == 1 || t.cap == 2) ? 1 : 0);
    lower = it->second[1] - (t.cap == 0 ? 1 : 0);
  }
  auto bucket = [](int k) { return k <= 0 ? 0 : (k == 1 ? 1 : 2); };
  return static_cast<uint8_t>(1 + bucket(capitalised) * 3 + bucket(lower));
}

void MarkNameKeywords(NerTokenInfo* toks, int n) {
  // Words that end or head names of organisations and of places (lowercased).
  static const auto* const kKeys = [] {
    auto* keys = new NameKeyTable;
    for (const char* w :
         {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc", "company",
          "bank", "party", "ministry", "council", "university", "agency", "association", "group", "institute",
          "college", "school", "department", "committee", "commission", "foundation", "society", "union",
          "club", "church", "hospital", "airlines", "airways", "news", "times", "post", "press", "journal",
          "authority", "board", "court", "services", "systems", "partners", "industries", "motors", "energy",
          "insurance", "bureau", "league", "federation", "organization", "organisation", "assembly", "army",
          "navy", "police", "office", "network", "technologies", "international", "enterprises", "holdings"}) {
      (*keys)[HashBytes(w)] = 1;
    }
    for (const char* w : {"street", "st.", "avenue", "ave", "ave.", "road", "rd", "boulevard", "river", "lake",
                          "mountain", "mountains", "mount", "island", "islands", "county", "city", "bay", "beach",
                          "valley", "airport", "bridge", "park", "province", "state", "region", "desert", "sea",
                          "ocean", "gulf", "canyon", "coast", "peninsula", "square", "district", "village"}) {
      (*keys)[HashBytes(w)] = 2;
    }
    return keys;
  }();
  static const uint64_t kConnectors[] = {HashBytes("of"), HashBytes("and"), HashBytes("&"), HashBytes("for"),
                                         HashBytes("the"), HashBytes("de")};
  auto capitalised = [&](int i) { return i >= 0 && i < n && (toks[i].cap == 1 || toks[i].cap == 2); };
  auto connector = [&](int i) {
    if (toks[i].cap != 0 || !capitalised(i - 1) || !capitalised(i + 1)) return false;
    for (uint64_t c : kConnectors) {
      if (toks[i].lower == c) return true;
    }
    return false;
  };
  for (int i = 0; i < n; ++i) {
    toks[i].key = kKeys->Find(toks[i].lower);
    toks[i].run_key = 0;
    toks[i].run_wn = 0;
  }
  int i = 0;
  while (i < n) {
    if (!capitalised(i)) {
      ++i;
      continue;
    }
    int end = i + 1;  // the run: capitalised tokens, bridged by connectors
    while (end < n && (capitalised(end) || connector(end))) ++end;
    uint8_t key = 0;
    for (int k = i; k < end; ++k) {
      if (capitalised(k) && toks[k].key) key = toks[k].key;
    }
    const uint8_t wn = toks[end - 1].wn;
    for (int k = i; k < end; ++k) {
      toks[k].run_key = key;
      toks[k].run_wn = wn;
    }
    i = end;
  }
}

int NerSentenceCase(const NerTokenInfo* toks, int n) {
  int words = 0, capitalised = 0, all_caps = 0;
  for (int i = 0; i < n; ++i) {
    if (!toks[i].alpha) continue;
    ++words;
    capitalised += toks[i].cap == 1 || toks[i].cap == 2;
    all_caps += toks[i].cap == 2;
  }
  if (words < 3) return 0;
  if (all_caps * 4 >= words * 3) return 3;
  if (capitalised * 4 >= words * 3) return 2;
  if (capitalised == 0) return 1;
  return 0;
}

void NerFeatures(const NerTokenInfo* toks, int n, int i, int prev, int prev2, bool uses_pos, int sentence_case,
                 NerFeatureBuffer* out) {
  const NerTokenInfo& w = toks[i];
  auto low = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].lower); };
  auto shape = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].shape); };
  auto pos = [&](int k) { return k < 0 ? kStart : (k >= n ? kEnd : toks[k].xpos); };
  auto gaz = [&](int k) { return k < 0 || k >= n ? uint64_t{99} : uint64_t{toks[k].gaz}; };
  auto cap = [&](int k) { return k < 0 || k >= n ? uint64_t{9} : uint64_t{toks[k].cap}; };
  const uint64_t pl = static_cast<uint64_t>(prev + 2), p2l = static_cast<uint64_t>(prev2 + 2);
  const uint64_t sc = static_cast<uint64_t>(sentence_case);
  const uint64_t known = w.lower_known;
  const uint64_t first = i == 0 ? 1 : 0;
  uint32_t t = 100;
  out->Add(Feat(++t, 0));
  out->Add(Feat(++t, w.lower));
  out->Add(Feat(++t, w.form));
  out->Add(Feat(++t, w.shape));
  out->Add(Feat(++t, w.long_shape));
  for (int k = 0; k < 4; ++k) out->Add(Feat(++t, w.suf[k]));
  for (int k = 0; k < 4; ++k) out->Add(Feat(++t, w.pre[k]));
  out->Add(Feat(++t, low(i - 1)));
  out->Add(Feat(++t, low(i - 2)));
  out->Add(Feat(++t, low(i + 1)));
  out->Add(Feat(++t, low(i + 2)));
  out->Add(Feat(++t, shape(i - 1)));
  out->Add(Feat(++t, shape(i + 1)));
  out->Add(Feat(++t, shape(i - 2)));
  out->Add(Feat(++t, shape(i + 2)));
  out->Add(Feat(++t, shape(i - 1), w.shape));
  out->Add(Feat(++t, w.shape, shape(i + 1)));
  out->Add(Feat(++t, shape(i - 1), w.shape, shape(i + 1)));
  out->Add(Feat(++t, low(i - 1), w.lower));
  out->Add(Feat(++t, w.lower, low(i + 1)));
  out->Add(Feat(++t, low(i - 1), w.shape));
  out->Add(Feat(++t, w.shape, low(i + 1)));
  out->Add(Feat(++t, low(i + 1), low(i + 2)));
  out->Add(Feat(++t, low(i - 2), low(i - 1)));
  out->Add(Feat(++t, pl));
  out->Add(Feat(++t, pl, p2l));
  out->Add(Feat(++t, pl, w.shape));
  out->Add(Feat(++t, pl, w.lower));
  out->Add(Feat(++t, pl, low(i + 1)));
  out->Add(Feat(++t, pl, cap(i), cap(i + 1)));
  out->Add(Feat(++t, first, w.shape));
  out->Add(Feat(++t, first, w.lower));
  out->Add(Feat(++t, first, known, w.cap));
  out->Add(Feat(++t, known, w.cap));
  out->Add(Feat(++t, known, w.cap, pl));
  out->Add(Feat(++t, sc, w.cap));
  out->Add(Feat(++t, sc, w.cap, known));
  out->Add(Feat(++t, sc, w.lower));
  out->Add(Feat(++t, cap(i - 1), w.cap, cap(i + 1)));
  if (uses_pos) {
    out->Add(Feat(++t, w.xpos));
    out->Add(Feat(++t, pos(i - 1)));
    out->Add(Feat(++t, pos(i + 1)));
    out->Add(Feat(++t, w.xpos, w.shape));
    out->Add(Feat(++t, pos(i - 1), w.xpos));
    out->Add(Feat(++t, w.xpos, pos(i + 1)));
    out->Add(Feat(++t, pl, w.xpos));
    out->Add(Feat(++t, w.xpos, low(i - 1)));
    out->Add(Feat(++t, w.xpos, known, w.cap));
    out->Add(Feat(++t, sc, w.xpos));
  } else {
    t += 10;
  }
  out->Add(Feat(++t, gaz(i)));
  out->Add(Feat(++t, gaz(i - 1)));
  out->Add(Feat(++t, gaz(i + 1)));
  out->Add(Feat(++t, gaz(i), w.cap));
  out->Add(Feat(++t, gaz(i), pl));
  out->Add(Feat(++t, gaz(i), known, w.cap));
  out->Add(Feat(++t, gaz(i), sc));
  out->Add(Feat(++t, w.doc, w.cap));
  out->Add(Feat(++t, w.doc, w.cap, first));
  out->Add(Feat(++t, w.doc, w.cap, known));
  out->Add(Feat(++t, w.doc, pl));
  out->Add(Feat(++t, w.doc, gaz(i)));
  auto run_key = [&](int k) { return k < 0 || k >= n ? uint64_t{9} : uint64_t{toks[k].run_key}; };
  out->Add(Feat(++t, w.key, w.cap));
  out->Add(Feat(++t, w.run_key, w.cap));
  out->Add(Feat(++t, w.run_key, pl));
  out->Add(Feat(++t, w.run_key, run_key(i - 1), run_key(i + 1)));
  // Word clusters learned from unlabeled news: bit-string prefixes of the word's path, its neighbours'.
  auto cl = [&](int k) {
    return k < 0 ? uint64_t{0xfffffff0u} : (k >= n ? uint64_t{0xfffffff1u} : toks[k].cluster);
  };
  auto mid = [&](int k) {
    return k < 0 ? uint64_t{0xfffffff0u} : (k >= n ? uint64_t{0xfffffff1u} : toks[k].cluster_prefix[1]);
  };
  const uint64_t c = w.cluster, c1 = w.cluster_prefix[1];
  out->Add(Feat(++t, w.cluster_prefix[0]));
  out->Add(Feat(++t, c1));
  out->Add(Feat(++t, c));
  out->Add(Feat(++t, pl, c1));
  out->Add(Feat(++t, cl(i - 1)));
  out->Add(Feat(++t, cl(i + 1)));
  out->Add(Feat(++t, c1, mid(i + 1)));
  // WordNet classes of common nouns in and around a name.
  auto wn = [&](int k) { return k < 0 || k >= n ? uint64_t{99} : uint64_t{toks[k].wn}; };
  out->Add(Feat(++t, w.wn, w.cap));
  out->Add(Feat(++t, wn(i + 1), w.cap));
  out->Add(Feat(++t, w.run_wn, w.cap));
  out->Add(Feat(++t, w.run_wn, pl));
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
  out.U8(uses_document ? 1 : 0);
  out.Str(gazetteer);
  out.U64(gazetteer_fingerprint);
  out.Str(gazetteer_tsv);
  out.Strings(lower_words);
  out.Str(clusters_name);
  out.Str(clusters_payload);
  out.Strings(wordnet_words);
  out.Pod(wordnet_classes);
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
  uint8_t document = 0;
  RETURN_IF_ERROR(in.U8(&document));
  uses_document = document != 0;
  RETURN_IF_ERROR(in.Str(&gazetteer));
  RETURN_IF_ERROR(in.U64(&gazetteer_fingerprint));
  RETURN_IF_ERROR(in.Str(&gazetteer_tsv));
  RETURN_IF_ERROR(in.Strings(&lower_words));
  RETURN_IF_ERROR(in.Str(&clusters_name));
  RETURN_IF_ERROR(in.Str(&clusters_payload));
  RETURN_IF_ERROR(in.Strings(&wordnet_words));
  RETURN_IF_ERROR(in.Pod(&wordnet_classes));
  if (wordnet_words.size() != wordnet_classes.size())
    return Status::Corruption("ner: WordNet table sizes differ");
  if (!clusters_payload.empty()) {
    auto c = WordClusters::FromPayload(clusters_payload);
    if (!c.ok()) return Status::Corruption("ner: " + c.status().message());
  }
  RETURN_IF_ERROR(ReadSelfTests(&in, &self_tests));
  if (!in.done()) return Status::Corruption("ner: trailing bytes in payload");
  return Status::OK();
}

NerTagger::NerTagger(NerModel model, const Gazetteer* gazetteer)
    : model_(std::move(model)), gazetteer_(gazetteer), instance_(next_ner_instance++) {
  if (!model_.gazetteer_tsv.empty()) {
    auto own = Gazetteer::Parse(model_.gazetteer_tsv, "model gazetteer");
    if (own.ok()) own_gazetteer_ = std::move(*own);  // FromBytes refuses a model whose gazetteer fails
    gazetteer_ = &own_gazetteer_;
  }
  for (const std::string& w : model_.lower_words) lower_words_.insert(HashBytes(w));
  if (!model_.clusters_payload.empty()) {
    auto c = WordClusters::FromPayload(model_.clusters_payload);  // FromBytes refuses a bad table
    if (c.ok()) clusters_ = std::move(*c);
  }
  wordnet_.reserve(model_.wordnet_words.size());
  for (size_t i = 0; i < model_.wordnet_words.size() && i < model_.wordnet_classes.size(); ++i) {
    wordnet_.emplace(HashBytes(model_.wordnet_words[i]), model_.wordnet_classes[i]);
  }
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
//   2  (2026-11) feature set 2 (affixes 1-4, long shape, sentence case, lowercase vocabulary); the
//      gazetteer's entries and the lowercase vocabulary are stored in the model. Version 1 models are
//      refused (their features differ): retrain with `dateline train ner`.
//   3  (2026-11) word clusters (the clusters table is stored in the model), WordNet noun classes
//      (lemma list and classes stored in the model); version 2 models are refused likewise.
StatusOr<std::unique_ptr<NerTagger>> NerTagger::FromBytes(std::string_view bytes, const std::string& origin,
                                                          const Gazetteer* gazetteer) {
  NerModel model;
  std::string payload;
  RETURN_IF_ERROR(ParseModelBytes(bytes, "ner", kNerFormatVersion, origin, &model.manifest, &payload));
  if (model.manifest.format_version < kNerFormatVersion) {
    return Status::InvalidArgument(origin + ": NER model format " + std::to_string(model.manifest.format_version) +
                                   " predates this build's features (format " + std::to_string(kNerFormatVersion) +
                                   "); retrain it with `dateline train ner` (doc/formats/models.md)");
  }
  Status s = model.ReadPayload(payload);
  if (!s.ok()) return Status::Corruption(origin + ": " + s.message());
  if (!model.gazetteer_tsv.empty()) {
    auto own = Gazetteer::Parse(model.gazetteer_tsv, origin + " (gazetteer)");
    if (!own.ok()) return Status::Corruption(own.status().message());
    if (own->fingerprint() != model.gazetteer_fingerprint) {
      return Status::Corruption(origin + ": stored gazetteer does not match its fingerprint");
    }
    if (gazetteer && gazetteer->fingerprint() != model.gazetteer_fingerprint) {
      return Status::InvalidArgument(origin + ": model was trained with gazetteer '" + model.gazetteer +
                                     "', not the one given");
    }
    gazetteer = nullptr;  // the model's own copy is used
  } else if (!model.gazetteer.empty() &&
             (!gazetteer || gazetteer->fingerprint() != model.gazetteer_fingerprint)) {
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

void NerTagger::ComputeInfo(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
                            std::vector<NerTokenInfo>* info) const {
  thread_local std::vector<uint8_t> gaz;
  const size_t n = words.size();
  info->resize(n);
  for (size_t i = 0; i < n; ++i) {
    NerTokenInfo& t = (*info)[i];
    t = ComputeNerTokenInfo(words[i], i < xpos.size() ? xpos[i] : std::string_view());
    LookupWord(words[i], &t);
  }
  MarkNameKeywords(info->data(), static_cast<int>(n));
  if (gazetteer_) {
    gazetteer_->Match(words, &gaz);
    for (size_t i = 0; i < n; ++i) (*info)[i].gaz = gaz[i];
  }
}

uint8_t NerTagger::WordNetClass(std::string_view word) const {
  char buf[48];
  if (word.size() > sizeof(buf)) return 0;
  const size_t n = word.size();
  for (size_t i = 0; i < n; ++i) {
    const char ch = word[i];
    buf[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  auto find = [&](std::string_view w) -> uint8_t {
    auto it = wordnet_.find(HashBytes(w));
    return it == wordnet_.end() ? 0 : it->second;
  };
  const std::string_view lower(buf, n);
  uint8_t c = find(lower);
  if (c || n < 4 || buf[n - 1] != 's') return c;
  // Regular plurals: "ministries" → "ministry", "churches" → "church", "banks" → "bank".
  if (lower.substr(n - 3) == "ies") {
    buf[n - 3] = 'y';
    c = find(std::string_view(buf, n - 2));
    buf[n - 3] = 'i';
    if (c) return c;
  }
  if (buf[n - 2] == 'e' && (c = find(lower.substr(0, n - 2)))) return c;
  return buf[n - 2] == 's' ? 0 : find(lower.substr(0, n - 1));
}

namespace {

// The per-thread cache of NerTagger::LookupWord: direct-mapped by form hash, owned by one tagger at a time.
struct NerWordCache {
  struct Entry {
    uint64_t form = 0;
    uint32_t cluster = 0;
    uint8_t wn = 0, lower_known = 0, valid = 0;
  };
  static constexpr size_t kSize = 4096;
  uint64_t owner = 0;
  std::vector<Entry> entries;
};

}  // namespace

void NerTagger::LookupWord(std::string_view word, NerTokenInfo* t, bool use_cache) const {
  thread_local NerWordCache cache;
  NerWordCache::Entry fresh;
  NerWordCache::Entry* e = &fresh;
  if (use_cache) {
    if (cache.owner != instance_ || cache.entries.empty()) {
      cache.entries.assign(NerWordCache::kSize, NerWordCache::Entry());
      cache.owner = instance_;
    }
    e = &cache.entries[t->form & (NerWordCache::kSize - 1)];
  }
  if (!e->valid || e->form != t->form) {  // the word itself is checked, not only its slot
    e->form = t->form;
    e->valid = 1;
    e->lower_known = lower_words_.count(t->lower) > 0;
    e->cluster = clusters_.size() ? clusters_.Lookup(t->form, t->lower) : 0;
    e->wn = !wordnet_.empty() && t->alpha ? WordNetClass(word) : 0;
  }
  t->lower_known = e->lower_known;
  t->cluster = e->cluster;
  t->wn = e->wn;
  const auto& prefixes = clusters_.prefixes();
  for (size_t k = 0; k < prefixes.size(); ++k) t->cluster_prefix[k] = ClusterPrefix(t->cluster, prefixes[k]);
}

void NerTagger::Tag(Sentence* sentence) const {
  thread_local NerDocumentWords doc;
  doc.Clear();
  CountDocumentWords(*sentence, &doc);
  TagInDocument(sentence, doc);
}

void NerTagger::CountDocumentWords(const Sentence& sentence, NerDocumentWords* doc) const {
  const auto& toks = sentence.tokens;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    doc->Add(ComputeNerTokenInfo(t.norm.empty() ? t.text : t.norm, std::string_view(), true), i == 0);
  }
}

void NerTagger::TagDocument(Document* doc) const {
  thread_local NerDocumentWords words;
  size_t begin = 0;
  while (begin < doc->sentences.size()) {
    size_t end = begin + 1;
    while (end < doc->sentences.size() && doc->sentences[end].index != 0) ++end;
    words.Clear();
    for (size_t i = begin; i < end; ++i) CountDocumentWords(doc->sentences[i], &words);
    for (size_t i = begin; i < end; ++i) TagInDocument(&doc->sentences[i], words);
    begin = end;
  }
}

void NerTagger::TagInDocument(Sentence* sentence, const NerDocumentWords& doc) const {
  thread_local std::vector<NerTokenInfo> info;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<int> pred;
  thread_local std::vector<std::string_view> xpos;
  const int n = static_cast<int>(sentence->tokens.size());
  words.clear();
  xpos.clear();
  for (const Token& t : sentence->tokens) {
    words.emplace_back(t.norm.empty() ? t.text : t.norm);
    xpos.emplace_back(t.xpos);
  }
  ComputeInfo(words, xpos, &info);
  for (int i = 0; i < n; ++i) info[i].doc = model_.uses_document ? doc.Code(info[i], i == 0) : 1;
  const int sentence_case = NerSentenceCase(info.data(), n);
  const int nc = static_cast<int>(model_.labels.size());
  float scores[64];
  NerFeatureBuffer fb;
  pred.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    fb.Clear();
    const int prev = i > 0 ? pred[i - 1] : -1;
    NerFeatures(info.data(), n, i, prev, i > 1 ? pred[i - 2] : -1, model_.uses_pos, sentence_case, &fb);
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

namespace {

// The "ner" stage: one article is one document, so its sentences see how their words are written in
// the rest of the article. Thread-safe (NerTagger::TagDocument is).
class NerAnnotator final : public Annotator {
 public:
  explicit NerAnnotator(std::shared_ptr<const NerTagger> ner) : ner_(std::move(ner)) {}
  const char* name() const override { return "ner"; }
  Status Annotate(Document* doc) const override {
    ner_->TagDocument(doc);
    return Status::OK();
  }

 private:
  std::shared_ptr<const NerTagger> ner_;
};

}  // namespace

StatusOr<std::unique_ptr<Annotator>> MakeNerAnnotator() {
  ASSIGN_OR_RETURN(auto ner, LoadShared<NerTagger>(DataPath("models/ner.dlm")));
  return std::unique_ptr<Annotator>(new NerAnnotator(std::move(ner)));
}

}  // namespace dateline
