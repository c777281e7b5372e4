// Readers: turn inputs (files, directories, stdin) into Documents, accounting for every one.
//
// Formats: the seed format (first line " date YYYY-MM-DD " or "date YYYY-MM", then the article),
// JSON Lines (one article per line: id, date, text, optional title, url, source), plain text (publication
// date unknown unless ReadOptions::dct is set), Reuters-21578 SGML (*.sgm: one document per <REUTERS>) and
// CSV with a header naming url, date, title, text (and optionally id, source), as the Wikinews dump.
// Directories are walked recursively in sorted order (hidden files skipped; only .txt .text .jsonl .ndjson
// .sgm .csv and extension-less files are taken from directories). Formats are written up in
// doc/formats/input.md.
// Every input ends up either passed to on_document or to on_rejection with a reason: never dropped.
// Functions here are reentrant; the callbacks run on the calling thread, in input order.
#ifndef DATELINE_INGEST_READER_H_
#define DATELINE_INGEST_READER_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct ReadOptions {
  std::optional<Date> dct;      // publication date for inputs that carry none (--dct)
  std::string format = "auto";  // "auto" (by extension/content), "seed", "jsonl", "text", "reuters", "csv"
  size_t max_document_bytes = 16u << 20;  // larger documents are rejected
  size_t max_line_bytes = 1u << 20;       // longer JSONL lines (or text lines) are rejected
  bool quiet = false;                     // true: no messages on stderr (rejections still reach the callback)
};

// One input that could not be turned into a Document.
struct Rejection {
  std::string source;  // "path" or "path:line"
  std::string reason;
};

struct ReadStats {
  size_t documents_read = 0;  // documents attempted (accepted + rejected)
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

// Reads one input given as bytes; `name` plays the role of the path (its extension picks the format when
// options.format is "auto"; "-" or "<stdin>" sniffs the content). Same accounting as ReadInputs.
void ReadBuffer(const std::string& name, std::string_view content, const ReadOptions& options,
                const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                ReadStats* stats = nullptr);

// True when name is one of the formats ReadOptions::format accepts.
bool IsKnownInputFormat(const std::string& name);

}  // namespace dateline

#endif  // DATELINE_INGEST_READER_H_
