#include "core/paths.h"

#include <cstdlib>
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

}  // namespace dateline
