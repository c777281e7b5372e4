#include "serve/assets.h"

#include <algorithm>

namespace dateline::serve {

const Asset* FindEmbeddedAsset(std::string_view name) {
  for (const Asset& a : EmbeddedAssets()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const char* ContentTypeFor(std::string_view name) {
  struct Entry {
    std::string_view ext;
    const char* type;
  };
  static constexpr Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const Entry& e : kTypes) {
    if (name.size() >= e.ext.size() && name.substr(name.size() - e.ext.size()) == e.ext) return e.type;
  }
  return "application/octet-stream";
}

}  // namespace dateline::serve
