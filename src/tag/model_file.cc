#include "tag/model_file.h"

#include <zstd.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "tag/byte_io.h"

namespace dateline {

std::string ModelManifest::Get(const std::string& key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return v;
  }
  return "";
}

void ModelManifest::Set(const std::string& key, std::string value) {
  for (auto& [k, v] : entries) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  entries.emplace_back(key, std::move(value));
}

Status WriteModelFile(const std::string& path, const ModelManifest& manifest, std::string_view payload) {
  ByteWriter inner;
  inner.U32(static_cast<uint32_t>(manifest.entries.size()));
  for (const auto& [k, v] : manifest.entries) {
    inner.Str(k);
    inner.Str(v);
  }
  inner.Str(payload);
  const std::string& raw = inner.data();
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), 19);
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  packed.resize(n);

  ByteWriter outer;
  outer.Raw(kModelMagic, sizeof(kModelMagic));
  outer.U32(manifest.format_version);
  outer.Str(manifest.kind);
  outer.U64(raw.size());
  outer.Raw(packed.data(), packed.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IOError("cannot write model file " + path);
  out.write(outer.data().data(), static_cast<std::streamsize>(outer.data().size()));
  if (!out) return Status::IOError("error writing model file " + path);
  return Status::OK();
}

Status ParseModelBytes(std::string_view bytes, const std::string& kind, uint32_t max_version,
                       const std::string& origin, ModelManifest* manifest, std::string* payload) {
  if (bytes.size() < sizeof(kModelMagic) || std::memcmp(bytes.data(), kModelMagic, sizeof(kModelMagic)) != 0) {
    return Status::Corruption(origin + ": not a Dateline model file (bad magic number)");
  }
  ByteReader r(bytes.substr(sizeof(kModelMagic)));
  uint32_t version = 0;
  std::string file_kind;
  uint64_t raw_size = 0;
  RETURN_IF_ERROR(r.U32(&version));
  RETURN_IF_ERROR(r.Str(&file_kind));
  if (file_kind != kind) {
    return Status::InvalidArgument(origin + ": model kind is '" + file_kind + "', expected '" + kind + "'");
  }
  if (version == 0 || version > max_version) {
    return Status::InvalidArgument(origin + ": " + kind + " model format version " + std::to_string(version) +
                                   " is not supported by this build of dateline (reads versions 1.." +
                                   std::to_string(max_version) +
                                   "); update dateline or retrain the model with `dateline train " +
                                   (kind == "tagger" ? std::string("tagger") : kind) + "`");
  }
  RETURN_IF_ERROR(r.U64(&raw_size));
  const size_t header = sizeof(kModelMagic) + 4 + 4 + file_kind.size() + 8;
  std::string_view frame = bytes.substr(header);
  unsigned long long content = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN || content != raw_size ||
      raw_size > (1ull << 28)) {
    return Status::Corruption(origin + ": model payload is not a valid zstd frame");
  }
  std::string raw(raw_size, '\0');
  size_t n = ZSTD_decompress(raw.data(), raw.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != raw_size) {
    return Status::Corruption(origin + ": cannot decompress model payload");
  }
  ByteReader in(raw);
  uint32_t count = 0;
  RETURN_IF_ERROR(in.U32(&count));
  manifest->kind = file_kind;
  manifest->format_version = version;
  manifest->entries.clear();
  for (uint32_t i = 0; i < count; ++i) {
    std::string k, v;
    RETURN_IF_ERROR(in.Str(&k));
    RETURN_IF_ERROR(in.Str(&v));
    manifest->entries.emplace_back(std::move(k), std::move(v));
  }
  RETURN_IF_ERROR(in.Str(payload));
  return Status::OK();
}

Status ReadModelFile(const std::string& path, const std::string& kind, uint32_t max_version,
                     ModelManifest* manifest, std::string* payload) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open model file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseModelBytes(ss.str(), kind, max_version, path, manifest, payload);
}

}  // namespace dateline

namespace dateline {

Status CheckSelfTest(const std::string& origin, const char* what, size_t same, size_t total,
                     int min_percent) {
  if (total == 0 || same * 100 >= total * static_cast<size_t>(min_percent)) return Status::OK();
  return Status::Corruption(origin + ": " + what + " self-test failed (" + std::to_string(same) + " of " +
                            std::to_string(total) + " words as recorded); the file is damaged or was " +
                            "written by an incompatible build");
}

}  // namespace dateline
