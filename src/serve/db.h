// ReadOnlyDatabase: a Dateline SQLite database opened for reading only, shared by the server's threads.
//
// Every connection is opened with SQLITE_OPEN_READONLY and `PRAGMA query_only = 1`, so nothing the server
// runs can change the file. Statements are always prepared with bound parameters (no SQL is ever built
// from request text). Each query runs under a deadline enforced by a progress handler: a statement still
// running when it passes is interrupted and the query fails. Thread-safe: connections come from a small
// pool, one connection per running query, so any number of threads may call Query() at once.
#ifndef DATELINE_SERVE_DB_H_
#define DATELINE_SERVE_DB_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "core/status.h"

struct sqlite3;

namespace dateline::serve {

struct DatabaseOptions {
  int max_connections = 8;                        // pool size; callers beyond it wait for a free one
  std::chrono::milliseconds query_timeout{2000};  // wall-clock limit of one Query()
};

// A value bound to a `?` placeholder.
using SqlParam = std::variant<std::nullptr_t, int64_t, double, std::string>;

class ReadOnlyDatabase {
 public:
  // Opens `path` read-only (the file must exist) and checks it is a SQLite database.
  // Fails with NotFound when the file is missing, Corruption when it is not a database.
  static StatusOr<std::unique_ptr<ReadOnlyDatabase>> Open(const std::string& path,
                                                          const DatabaseOptions& options = {});
  ~ReadOnlyDatabase();
  ReadOnlyDatabase(const ReadOnlyDatabase&) = delete;  // owns sqlite handles
  ReadOnlyDatabase& operator=(const ReadOnlyDatabase&) = delete;

  // Runs one statement with `params` bound in order; returns its rows as an array of JSON objects keyed
  // by column name (INTEGER → number, REAL → number, TEXT → string, NULL → null, BLOB → string).
  // Fails with InvalidArgument on SQL errors, IOError when the deadline interrupted it.
  StatusOr<nlohmann::json> Query(const std::string& sql, const std::vector<SqlParam>& params = {}) const;

  // True when the database has a table or view named `name`. Cached after Open().
  bool HasTable(const std::string& name) const;
  // Column names of table `name` (empty when there is no such table). Cached after Open().
  const std::vector<std::string>& Columns(const std::string& name) const;
  bool HasColumn(const std::string& table, const std::string& column) const;

  const std::string& path() const { return path_; }

 private:
  struct Connection;
  ReadOnlyDatabase(std::string path, DatabaseOptions options);
  StatusOr<Connection*> Acquire() const;
  void Release(Connection* c) const;
  StatusOr<Connection*> OpenConnection() const;

  std::string path_;
  DatabaseOptions options_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable std::vector<std::unique_ptr<Connection>> all_;                  // guarded by mu_
  mutable std::vector<Connection*> idle_;                                 // guarded by mu_
  std::vector<std::pair<std::string, std::vector<std::string>>> tables_;  // set in Open(), then read-only
};

}  // namespace dateline::serve

#endif  // DATELINE_SERVE_DB_H_
