// Readers: turn inputs (files, directories, stdin) into Documents, accounting for every one.
//
// Formats: the seed format (first line " date YYYY-MM-DD " or "date YYYY-MM", then the article),
// JSON Lines (one article per line: id, date, text, optional title, url, source), plain text (publication
// date unknown unless ReadOptions::dct is set). Directories are walked recursively in sorted order.
// Every input ends up either passed to on_document or to on_rejection with a reason: never dropped.
// Functions here are reentrant; the callbacks run on the calling thread, in input order.
#ifndef DATELINE_INGEST_READER_H_
#define DATELINE_INGEST_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct ReadOptions {
  std::optional<Date> dct;            // publication date for inputs that carry none (--dct)
  std::string format = "auto";        // "auto" (by extension/content), "seed", "jsonl", "text"
  size_t max_document_bytes = 16u << 20;  // larger documents are rejected
  size_t max_line_bytes = 1u << 20;   // longer JSONL lines are rejected
};

// One input that could not be turned into a Document.
struct Rejection {
  std::string source;  // "path" or "path:line"
  std::string reason;
};

struct ReadStats {
  size_t documents_read = 0;      // documents attempted (accepted + rejected)
  size_t documents_accepted = 0;
  size_t documents_rejected = 0;
  size_t warnings = 0;
};

using DocumentCallback = std::function<void(Document&&)>;
using RejectionCallback = std::function<void(Rejection&&)>;

// Reads every input ("-" is stdin). Per-document problems go to on_rejection (and a message to
// stderr); the returned Status is non-OK only when reading cannot go on at all.
Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                  const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                  ReadStats* stats = nullptr);

}  // namespace dateline

#endif  // DATELINE_INGEST_READER_H_
