// Fuzzes the article readers (ingest/): seed, JSONL, plain text, Reuters SGML and CSV. The first byte picks
// the input's name (and so its format); the rest is the content. Checks the accounting invariant and that
// every accepted document is valid UTF-8 whose segmentation has offsets inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/reader.h"
#include "text/segmenter.h"
#include "text/utf8.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"a.txt", "a.jsonl", "a.sgm", "a.csv", "-", "noext"};
  const std::string name = kNames[data[0] % 6];
  const std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  dateline::ReadOptions options;
  options.quiet = true;
  options.max_line_bytes = 4096;
  options.max_document_bytes = 1 << 16;
  dateline::ReadStats stats;
  size_t docs = 0, rejected = 0;
  dateline::ReadBuffer(
      name, content, options,
      [&](dateline::Document&& doc) {
        ++docs;
        Check(dateline::IsValidUtf8(doc.text));
        Check(!doc.id.empty());
        Check(!doc.origin.empty());
        for (const auto& s : dateline::SegmentText(doc.text)) {
          Check(s.start < s.end && s.end <= doc.text.size());
          for (const auto& t : s.tokens) Check(t.text == doc.text.substr(t.start, t.end - t.start));
        }
      },
      [&](dateline::Rejection&& r) {
        ++rejected;
        Check(!r.source.empty() && !r.reason.empty());
      },
      &stats);
  Check(stats.documents_read == stats.documents_accepted + stats.documents_rejected);
  Check(stats.documents_accepted == docs && stats.documents_rejected == rejected);
  Check(stats.documents_read >= 1);
  return 0;
}
