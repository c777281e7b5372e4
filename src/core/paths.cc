#include "core/paths.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>
#include <filesystem>
#include <system_error>

namespace dateline {

namespace fs = std::filesystem;

const std::string& DataDir() {
  static const std::string dir = [] {
    if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return std::string(env);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      for (const char* rel : {"../data", "../../data", "../share/dateline/data"}) {
        fs::path p = exe.parent_path() / rel;
        if (fs::exists(p / "README.md", ec)) return fs::weakly_canonical(p, ec).string();
      }
    }
    return std::string(DATELINE_SOURCE_DIR) + "/data";
  }();
  return dir;
}

std::string DataPath(const std::string& relative) { return DataDir() + "/" + relative; }

const std::string& DataFingerprint() {
  static const std::string digest = [] {
    uint64_t h = 1469598103934665603ull;  // FNV-1a, 64-bit
    auto mix = [&h](const char* p, size_t n) {
      for (size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(p[i]);
        h *= 1099511628211ull;
      }
    };
    const std::string version = DATELINE_VERSION;
    mix(version.data(), version.size());
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(DataDir(), ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    std::vector<char> buf(1 << 16);
    for (const auto& f : files) {
      const std::string rel = fs::relative(f, DataDir(), ec).string();
      mix(rel.data(), rel.size() + 1);
      std::ifstream in(f, std::ios::binary);
      while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
        mix(buf.data(), static_cast<size_t>(in.gcount()));
      }
    }
    char out[20];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return std::string(out);
  }();
  return digest;
}

}  // namespace dateline
