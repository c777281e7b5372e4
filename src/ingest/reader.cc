#include "ingest/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "ingest/formats.h"
#include "text/utf8.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string_view TrimView(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

// File name without directory and extension ("seeds/000_x.txt" → "000_x").
std::string Stem(const std::string& name) {
  if (name == "-" || name == "<stdin>") return "stdin";
  return fs::path(name).stem().string();
}

// Shared state of one ReadInputs / ReadBuffer call: callbacks, options, counts.
class Reader {
 public:
  Reader(const ReadOptions& options, const DocumentCallback& on_document,
         const RejectionCallback& on_rejection, ReadStats* stats)
      : options_(options), on_document_(on_document), on_rejection_(on_rejection), stats_(stats) {}

  void Reject(const std::string& source, const std::string& reason) {
    if (!options_.quiet) std::cerr << "dateline: " << source << ": rejected: " << reason << "\n";
    if (stats_) ++stats_->documents_read, ++stats_->documents_rejected;
    if (on_rejection_) on_rejection_(Rejection{source, reason});
  }

  void Warn(Document* doc, const std::string& message) {
    if (!options_.quiet) std::cerr << "dateline: " << doc->origin << ": warning: " << message << "\n";
    doc->warnings.push_back(message);
    if (stats_) ++stats_->warnings;
  }

  // Checks and completes a document, then hands it on or rejects it.
  void Finish(Document&& doc) {
    if (doc.text.find('\0') != std::string::npos) {
      return Reject(doc.origin,
                    "binary content (NUL byte at text offset " + std::to_string(doc.text.find('\0')) + ")");
    }
    if (TrimView(doc.text).empty()) return Reject(doc.origin, "missing text (the article is empty)");
    if (doc.text.size() > options_.max_document_bytes) {
      return Reject(doc.origin, "document too large (" + std::to_string(doc.text.size()) + " bytes, limit " +
                                    std::to_string(options_.max_document_bytes) + ")");
    }
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i <= doc.text.size(); ++i) {
      if (i == doc.text.size() || doc.text[i] == '\n') {
        if (i - line_start > options_.max_line_bytes) {
          return Reject(doc.origin, "line " + std::to_string(line) + " of the text is absurdly long (" +
                                        std::to_string(i - line_start) + " bytes, limit " +
                                        std::to_string(options_.max_line_bytes) + ")");
        }
        ++line;
        line_start = i + 1;
      }
    }
    size_t first_bad = 0;
    if (const size_t bad = RepairUtf8(&doc.text, &first_bad); bad > 0) {
      Warn(&doc, "invalid UTF-8 repaired with U+FFFD (" + std::to_string(bad) +
                     " byte(s), first at text offset " + std::to_string(first_bad) + ")");
    }
    for (std::string* field : {&doc.id, &doc.title, &doc.url, &doc.source}) RepairUtf8(field);
    if (!doc.published.known()) {
      if (options_.dct) {
        doc.published = *options_.dct;
      } else {
        Warn(&doc, "publication date unknown (no date given; set one with --dct YYYY-MM-DD)");
      }
    }
    if (stats_) ++stats_->documents_read, ++stats_->documents_accepted;
    if (on_document_) on_document_(std::move(doc));
  }

  void ReadContent(const std::string& name, std::string_view content) {
    const std::string shown = name == "-" ? "<stdin>" : name;
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // UTF-8 byte order mark
    if (TrimView(content).empty())
      return Reject(shown, content.empty() ? "empty file" : "empty file (only whitespace)");
    if (const size_t nul = content.find('\0'); nul != std::string_view::npos) {
      return Reject(shown, "binary file (NUL byte at offset " + std::to_string(nul) + ")");
    }
    const std::string format = DetectFormat(name, content);
    if (format == "jsonl") return ReadJsonl(shown, content);
    if (format == "reuters") return ReadReuters(shown, content);
    if (format == "csv") return ReadCsv(shown, content);
    Document doc;
    doc.id = Stem(name);
    doc.origin = shown;
    if (format == "seed") {
      auto header = ParseSeedHeader(content);
      if (!header.ok()) return Reject(shown + ":1", header.status().message());
      doc.published = header->date;
      doc.text = std::string(TrimView(content.substr(header->text_start)));
    } else {
      doc.text = std::string(TrimView(content));
    }
    Finish(std::move(doc));
  }

 private:
  std::string DetectFormat(const std::string& name, std::string_view content) const {
    if (options_.format != "auto") return options_.format;
    const std::string ext = Lower(fs::path(name).extension().string());
    if (ext == ".jsonl" || ext == ".ndjson") return "jsonl";
    if (ext == ".sgm" || ext == ".sgml") return "reuters";
    if (ext == ".csv") return "csv";
    const std::string_view head = TrimView(content.substr(0, 4096));
    if (LooksLikeSeed(content)) return "seed";
    if (ext == ".txt" || ext == ".text") return "text";
    if (!head.empty() && head.front() == '{') return "jsonl";
    if (head.substr(0, 8) == "<REUTERS" || head.substr(0, 15) == "<!DOCTYPE lewis") return "reuters";
    return "text";
  }

  void ReadJsonl(const std::string& name, std::string_view content) {
    simdjson::dom::parser parser;
    size_t line_no = 0;
    size_t pos = 0;
    const std::string stem = Stem(name);
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view line = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      const std::string source = name + ":" + std::to_string(line_no);
      if (TrimView(line).empty()) continue;
      if (line.size() > options_.max_line_bytes) {
        Reject(source, "line is absurdly long (" + std::to_string(line.size()) + " bytes, limit " +
                           std::to_string(options_.max_line_bytes) + ")");
        continue;
      }
      ReadJsonLine(parser, line, source, stem + ":" + std::to_string(line_no));
    }
  }

  void ReadJsonLine(simdjson::dom::parser& parser, std::string_view line, const std::string& source,
                    const std::string& default_id) {
    simdjson::dom::element root;
    if (auto err = parser.parse(line.data(), line.size(), true).get(root); err) {
      return Reject(source, std::string("broken JSON line: ") + simdjson::error_message(err));
    }
    simdjson::dom::object obj;
    if (root.get(obj)) return Reject(source, "JSON line is not an object");
    auto get_string = [&](const char* key, std::string* out) -> bool {
      simdjson::dom::element e;
      if (obj[key].get(e)) return false;
      std::string_view v;
      if (!e.get(v)) {
        *out = std::string(v);
        return true;
      }
      int64_t i;
      if (!e.get(i)) {
        *out = std::to_string(i);
        return true;
      }
      return false;
    };
    Document doc;
    doc.origin = source;
    if (!get_string("text", &doc.text)) return Reject(source, "missing text (no \"text\" string field)");
    if (!get_string("id", &doc.id) || doc.id.empty()) doc.id = default_id;
    get_string("title", &doc.title);
    get_string("url", &doc.url);
    get_string("source", &doc.source);
    if (doc.source.empty() && !doc.url.empty()) doc.source = UrlHost(doc.url);
    std::string date;
    if (get_string("date", &date) && !TrimView(date).empty()) {
      auto d = ParseIsoDate(TrimView(date));
      if (!d.ok()) return Reject(source, "impossible date '" + date.substr(0, 40) + "'");
      doc.published = *d;
    }
    Finish(std::move(doc));
  }

  void ReadReuters(const std::string& name, std::string_view content) {
    const std::vector<ReutersRecord> records = ParseReutersSgml(content);
    if (records.empty()) return Reject(name, "no <REUTERS> record in an SGML file");
    for (const ReutersRecord& r : records) {
      const std::string source = name + ":" + std::to_string(r.line);
      if (!r.complete) {
        Reject(source, "<REUTERS> record without its closing tag (file cut short?)");
        continue;
      }
      Document doc;
      doc.id = r.newid.empty() ? Stem(name) + ":" + std::to_string(r.line) : r.newid;
      doc.origin = source;
      doc.source = "Reuters";
      doc.title = r.title;
      auto d = ParseReutersDate(r.date);
      if (!d.ok()) {
        Reject(source, "impossible date '" + r.date.substr(0, 40) + "'");
        continue;
      }
      doc.published = *d;
      if (!r.title.empty() && !r.body.empty()) {
        doc.text = r.title + "\n\n" + r.body;
      } else {
        doc.text = r.title.empty() ? r.body : r.title;
      }
      Finish(std::move(doc));
    }
  }

  void ReadCsv(const std::string& name, std::string_view content) {
    std::vector<CsvRecord> records;
    const Status s = ParseCsv(content, &records);
    if (records.empty()) return Reject(name, s.ok() ? "CSV without a header" : s.message());
    const std::vector<std::string>& header = records[0].fields;
    auto column = [&](const char* key) -> int {
      for (size_t i = 0; i < header.size(); ++i)
        if (Lower(std::string(TrimView(header[i]))) == key) return static_cast<int>(i);
      return -1;
    };
    const int c_text = column("text"), c_date = column("date"), c_url = column("url"),
              c_title = column("title"), c_id = column("id"), c_source = column("source");
    if (c_text < 0) {
      Reject(name + ":1", "CSV header has no 'text' column");
    } else {
      for (size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        const std::string source = name + ":" + std::to_string(rec.line);
        if (rec.fields.size() != header.size()) {
          Reject(source, "CSV record has " + std::to_string(rec.fields.size()) + " fields, the header " +
                             std::to_string(header.size()));
          continue;
        }
        auto field = [&](int c) { return c < 0 ? std::string() : rec.fields[static_cast<size_t>(c)]; };
        Document doc;
        doc.origin = source;
        doc.url = field(c_url);
        doc.title = std::string(TrimView(field(c_title)));
        doc.text = std::string(TrimView(field(c_text)));
        doc.source = c_source >= 0 ? field(c_source) : UrlHost(doc.url);
        doc.id = field(c_id);
        if (doc.id.empty() && !doc.url.empty()) {
          std::string_view u = TrimView(doc.url);
          while (!u.empty() && u.back() == '/') u.remove_suffix(1);
          doc.id = std::string(u.substr(u.rfind('/') == std::string_view::npos ? 0 : u.rfind('/') + 1));
        }
        if (doc.id.empty()) doc.id = Stem(name) + ":" + std::to_string(rec.line);
        const std::string date(TrimView(field(c_date)));
        if (!date.empty()) {
          auto d = ParseIsoDate(date);
          if (!d.ok()) {
            Reject(source, "impossible date '" + date.substr(0, 40) + "'");
            continue;
          }
          doc.published = *d;
        }
        Finish(std::move(doc));
      }
    }
    if (!s.ok()) Reject(name, s.message() + " (the rest of the file is skipped)");
  }

  const ReadOptions& options_;
  const DocumentCallback& on_document_;
  const RejectionCallback& on_rejection_;
  ReadStats* stats_;
};

bool TakeFromDirectory(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return false;
  const std::string ext = Lower(p.extension().string());
  return ext.empty() || ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".ndjson" ||
         ext == ".sgm" || ext == ".csv";
}

void ReadFile(Reader& reader, const std::string& path, const ReadOptions& options) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return reader.Reject(path, "cannot read: " + ec.message());
  // Container formats may hold many documents; single-document files are bounded by max_document_bytes.
  const size_t limit = std::max<size_t>(options.max_document_bytes, size_t{1} << 30);
  if (size > limit) return reader.Reject(path, "file too large (" + std::to_string(size) + " bytes)");
  std::ifstream in(path, std::ios::binary);
  if (!in) return reader.Reject(path, "cannot open for reading");
  std::string content(static_cast<size_t>(size), '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<size_t>(in.gcount()));
  reader.ReadContent(path, content);
}

}  // namespace

bool IsKnownInputFormat(const std::string& name) {
  return name == "auto" || name == "seed" || name == "jsonl" || name == "text" || name == "reuters" ||
         name == "csv";
}

void ReadBuffer(const std::string& name, std::string_view content, const ReadOptions& options,
                const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                ReadStats* stats) {
  Reader reader(options, on_document, on_rejection, stats);
  reader.ReadContent(name, content);
}

Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                  const DocumentCallback& on_document, const RejectionCallback& on_rejection,
                  ReadStats* stats) {
  if (!IsKnownInputFormat(options.format)) {
    return Status::InvalidArgument("unknown input format '" + options.format +
                                   "' (use auto, seed, jsonl, text, reuters or csv)");
  }
  Reader reader(options, on_document, on_rejection, stats);
  bool stdin_done = false;
  for (const std::string& input : inputs) {
    if (input == "-") {
      if (stdin_done) continue;
      stdin_done = true;
      std::string content((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      if (std::cin.bad()) return Status::IOError("cannot read standard input");
      reader.ReadContent("-", content);
      continue;
    }
    std::error_code ec;
    const auto st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      reader.Reject(input, "no such file or directory");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<std::string> files;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        reader.Reject(input, "cannot list directory: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        const std::string fname = it->path().filename().string();
        if (it->is_directory(ec) && !fname.empty() && fname[0] == '.') {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && TakeFromDirectory(it->path())) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      for (const std::string& f : files) ReadFile(reader, f, options);
      continue;
    }
    ReadFile(reader, input, options);
  }
  return Status::OK();
}

}  // namespace dateline
