// The container every Dateline statistical model is stored in (tagger, parser, NER).
//
// A model file is self-describing: an 8-byte magic "DLNMODEL", the format version of its kind, the kind
// ("tagger", "parser", "ner"), then one zstd frame holding a manifest (ordered key/value pairs: training
// corpus, licence, parameters, code version, feature templates, dev scores) and the kind's own payload.
// See doc/formats/models.md. Functions here are thread-safe (no shared state).
#ifndef DATELINE_TAG_MODEL_FILE_H_
#define DATELINE_TAG_MODEL_FILE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace dateline {

inline constexpr char kModelMagic[8] = {'D', 'L', 'N', 'M', 'O', 'D', 'E', 'L'};

// What a model says about itself. Keys are free-form; the trainers write "corpus", "licence",
// "params", "code_version", "features", "dev_*" scores and "trained_at".
struct ModelManifest {
  std::string kind;
  uint32_t format_version = 0;
  std::vector<std::pair<std::string, std::string>> entries;

  // The value of `key`, or "" when absent.
  std::string Get(const std::string& key) const;
  // Sets (or replaces) `key`.
  void Set(const std::string& key, std::string value);
};

// Compresses the manifest and payload and writes them to `path`. Fails with IOError.
Status WriteModelFile(const std::string& path, const ModelManifest& manifest, std::string_view payload);

// Parses a whole model file held in memory. Fails with Corruption on a bad magic, bad frame or truncated
// data, and with InvalidArgument when the kind differs from `kind` or the version is newer than
// `max_version` (the message says which versions this build reads). `origin` names the file in messages.
Status ParseModelBytes(std::string_view bytes, const std::string& kind, uint32_t max_version,
                       const std::string& origin, ModelManifest* manifest, std::string* payload);

// Reads `path` and parses it as ParseModelBytes does.
Status ReadModelFile(const std::string& path, const std::string& kind, uint32_t max_version,
                     ModelManifest* manifest, std::string* payload);

// The verdict of a model's self-test at load: Corruption naming `origin` when fewer than min_percent of the
// `total` recorded words came out as recorded (`same`); OK otherwise. `what` names the model ("tagger").
Status CheckSelfTest(const std::string& origin, const char* what, size_t same, size_t total, int min_percent);

// Loads the model at `path` once per process with M::Load and shares it; later calls with the same path
// return the same object. Thread-safe.
template <typename M>
StatusOr<std::shared_ptr<const M>> LoadShared(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const M>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = loaded[path];
  if (!slot) {
    ASSIGN_OR_RETURN(auto m, M::Load(path));
    slot = std::move(m);
  }
  return slot;
}

}  // namespace dateline

#endif  // DATELINE_TAG_MODEL_FILE_H_
