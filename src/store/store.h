// Store: the SQLite database of a Dateline run (dateline.db) — documents, sentences, actors, event
// mentions, merged events and their conflicts, with FTS5 full-text search over sentences.
//
// The schema is documented in doc/formats/sqlite.md (readers such as `dateline serve` rely on it).
// Documents are keyed by id and content hash: adding a document already stored (same id, same hash) is a
// no-op, the same id with a new hash replaces the old document and its layers. Every write is one
// transaction (WAL mode), so a process killed half-way leaves the database as it was after the last
// completed call. Events are derived data: ReplaceEvents() swaps them all at once after a re-merge of
// every stored mention (LoadMentions()).
// A Store is one connection: not thread-safe; use one per thread (SQLite handles concurrent readers).
#ifndef DATELINE_STORE_STORE_H_
#define DATELINE_STORE_STORE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "merge/event.h"

struct sqlite3;

namespace dateline {

struct StoreOptions {
  bool read_only = false;   // open an existing database for reading only (no schema creation)
  int busy_timeout_ms = 5000;
  // Identifies the code and data that annotated the documents (see DataFingerprint() in core/paths.h).
  // A document stored by a different pipeline counts as changed and is annotated and stored again, so
  // re-running a newer Dateline into an old database never keeps stale mentions. "" = ignore.
  std::string pipeline_fingerprint;
};

// Result of adding a batch of documents.
struct AddResult {
  size_t added = 0;      // new documents
  size_t replaced = 0;   // same id, different content: old layers removed, new ones stored
  size_t unchanged = 0;  // same id and content hash: skipped
};

class Store {
 public:
  // Schema version written in meta('schema_version'); Open refuses databases with a newer version.
  // Versions: 1 — first schema.
  static constexpr int kSchemaVersion = 1;

  // Opens (creating when needed and !read_only) the database at path and its schema.
  // Fails with IOError when the file cannot be opened, Corruption when it is not a Dateline database
  // or was written by a newer schema version.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});

  ~Store();
  Store(const Store&) = delete;  // owns a database connection
  Store& operator=(const Store&) = delete;

  // Stores documents with their sentences, actor mentions and event mentions, in one transaction.
  // Documents whose (id, content hash) is already stored are skipped. All or nothing on failure.
  StatusOr<AddResult> AddDocuments(const std::vector<const Document*>& docs);

  // True when a document with this id and exactly this text is stored.
  StatusOr<bool> HasDocument(const std::string& id, std::string_view text);

  // Every stored event mention with its document facts, in (doc, sentence, trigger_start) order.
  StatusOr<std::vector<MentionRecord>> LoadMentions();

  // Replaces all events, conflicts and links with `events` in one transaction, and points each
  // mention row at its event.
  Status ReplaceEvents(const std::vector<Event>& events);

  // Every stored event, mentions included, ordered by date then id.
  StatusOr<std::vector<Event>> LoadEvents();

  // Counts of rows: "documents", "sentences", "mentions", "events", "conflicts".
  StatusOr<int64_t> Count(const std::string& table);

  // The raw connection, for read-only queries by other modules (serve). Owned by the Store.
  sqlite3* handle() const { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  std::string DocumentHash(std::string_view text) const;
  Status Exec(const char* sql);
  sqlite3* db_ = nullptr;
  std::string fingerprint_;
};

// Content hash used to key documents: 16 lowercase hex digits (64-bit FNV-1a over the text). Thread-safe.
std::string ContentHash(std::string_view text);

}  // namespace dateline

#endif  // DATELINE_STORE_STORE_H_
