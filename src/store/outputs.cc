#include "store/outputs.h"

#include <cstdio>
#include <ctime>

#include "merge/event_json.h"
#include "store/gdelt_tsv.h"

namespace dateline {

Status WriteFileAtomic(const std::string& path, std::string_view content) {
  const std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return Status::IOError("cannot write " + tmp);
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  if (std::fclose(f) != 0 || !ok) return Status::IOError("cannot write " + tmp + " (disk full?)");
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError("cannot rename " + tmp + " to " + path);
  return Status::OK();
}

Status WriteEventsJsonl(const std::string& path, const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    AppendEventJson(e, &out);
    out.push_back('\n');
  }
  return WriteFileAtomic(path, out);
}

uint64_t GdeltEventId(const std::string& event_id) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : event_id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h & ((1ull << 53) - 1);
}

Status WriteEventsTsv(const std::string& path, const std::vector<Event>& events, const std::string& date_added) {
  std::string out;
  for (const Event& e : events) AppendGdeltRow(e, GdeltEventId(e.id), date_added, &out);
  return WriteFileAtomic(path, out);
}

std::string GdeltTimestampNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

}  // namespace dateline
