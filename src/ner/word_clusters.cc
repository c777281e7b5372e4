#include "ner/word_clusters.h"

#include "tag/byte_io.h"
#include "tag/features.h"

namespace dateline {
namespace {

std::string Lowercase(std::string_view w) {
  std::string s(w);
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

}  // namespace

std::string ClusterPath(uint32_t code) {
  std::string path;
  if (code == 0) return path;
  const int len = 31 - __builtin_clz(code);
  for (int b = len - 1; b >= 0; --b) path.push_back((code >> b) & 1 ? '1' : '0');
  return path;
}

WordClusters::WordClusters(std::vector<std::string> words, std::vector<uint32_t> codes,
                           std::vector<uint8_t> prefixes)
    : words_(std::move(words)), codes_(std::move(codes)), prefixes_(std::move(prefixes)) {
  Index();
}

void WordClusters::Index() {
  by_form_.clear();
  by_lower_.clear();
  by_form_.reserve(words_.size());
  for (size_t i = 0; i < words_.size() && i < codes_.size(); ++i) {
    by_form_.emplace(HashBytes(words_[i]), codes_[i]);
    // The first (most frequent) casing of a lowercased form gives its fallback cluster.
    by_lower_.emplace(HashBytes(Lowercase(words_[i])), codes_[i]);
  }
}

uint32_t WordClusters::Lookup(uint64_t form_hash, uint64_t lower_hash) const {
  auto it = by_form_.find(form_hash);
  if (it != by_form_.end()) return it->second;
  it = by_lower_.find(lower_hash);
  return it == by_lower_.end() ? 0 : it->second;
}

std::string WordClusters::Payload() const {
  ByteWriter out;
  out.Strings(words_);
  out.Pod(codes_);
  out.Pod(prefixes_);
  return out.Release();
}

StatusOr<WordClusters> WordClusters::FromPayload(std::string_view payload) {
  ByteReader in(payload);
  WordClusters c;
  RETURN_IF_ERROR(in.Strings(&c.words_));
  RETURN_IF_ERROR(in.Pod(&c.codes_));
  RETURN_IF_ERROR(in.Pod(&c.prefixes_));
  if (c.prefixes_.size() > 2) return Status::Corruption("clusters: more than 2 prefix lengths");
  if (!in.done()) return Status::Corruption("clusters: trailing bytes in payload");
  if (c.words_.size() != c.codes_.size()) return Status::Corruption("clusters: word and code counts differ");
  for (uint32_t code : c.codes_) {
    if (code == 0) return Status::Corruption("clusters: a word without a cluster");
  }
  c.Index();
  return c;
}

// Versions:
//   1  (2026-11) first format: words (most frequent first), their cluster codes, the prefix lengths.
StatusOr<WordClusters> WordClusters::Load(const std::string& path) {
  ModelManifest manifest;
  std::string payload;
  RETURN_IF_ERROR(ReadModelFile(path, "clusters", kClustersFormatVersion, &manifest, &payload));
  auto c = FromPayload(payload);
  if (!c.ok()) return Status::Corruption(path + ": " + c.status().message());
  c->manifest_ = std::move(manifest);
  return c;
}

Status WordClusters::Save(const std::string& path, ModelManifest manifest) const {
  manifest.kind = "clusters";
  manifest.format_version = kClustersFormatVersion;
  return WriteModelFile(path, manifest, Payload());
}

}  // namespace dateline
