// Static assets of the web page (web/*), compiled into the binary by src/serve/embed_assets.cmake.
//
// Lookup is by exact name only ("index.html", "app.js"): there is no file system access, so no request
// path can reach a file outside the page. Thread-safe (immutable tables).
#ifndef DATELINE_SERVE_ASSETS_H_
#define DATELINE_SERVE_ASSETS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dateline::serve {

struct Asset {
  std::string_view name;  // file name under web/, e.g. "app.js"
  std::string_view data;  // file contents
};

// The embedded asset called `name`, or nullptr.
const Asset* FindEmbeddedAsset(std::string_view name);
// Every embedded asset, in name order.
const std::vector<Asset>& EmbeddedAssets();
// The Content-Type for a file name by its extension ("text/html; charset=utf-8", …;
// "application/octet-stream" when unknown).
const char* ContentTypeFor(std::string_view name);

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_ASSETS_H_
