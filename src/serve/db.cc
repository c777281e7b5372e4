#include "serve/db.h"

#include <sqlite3.h>

#include <filesystem>

namespace dateline::serve {

struct ReadOnlyDatabase::Connection {
  sqlite3* db = nullptr;
  std::chrono::steady_clock::time_point deadline;
  ~Connection() {
    if (db != nullptr) sqlite3_close_v2(db);
  }
};

namespace {

// Called by SQLite every few thousand VM steps; a non-zero return interrupts the statement.
int ProgressHandler(void* arg) {
  auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(arg);
  return std::chrono::steady_clock::now() > *deadline ? 1 : 0;
}

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

}  // namespace

ReadOnlyDatabase::ReadOnlyDatabase(std::string path, DatabaseOptions options)
    : path_(std::move(path)), options_(options) {
  if (options_.max_connections < 1) options_.max_connections = 1;
}

ReadOnlyDatabase::~ReadOnlyDatabase() = default;

StatusOr<std::unique_ptr<ReadOnlyDatabase>> ReadOnlyDatabase::Open(const std::string& path,
                                                                   const DatabaseOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path + ": no such database file (run `dateline run INPUT -o DIR` first)");
  }
  std::unique_ptr<ReadOnlyDatabase> db(new ReadOnlyDatabase(path, options));
  auto tables = db->Query("SELECT name FROM sqlite_master WHERE type IN ('table','view') ORDER BY name");
  if (!tables.ok()) {
    return Status::Corruption(path + ": not a readable SQLite database: " + tables.status().message());
  }
  for (const auto& row : *tables) {
    std::string name = row["name"].get<std::string>();
    std::vector<std::string> cols;
    // Table names come from sqlite_master itself; pragma_table_info takes the name as a bound value.
    auto info = db->Query("SELECT name FROM pragma_table_info(?)", {name});
    if (info.ok()) {
      for (const auto& c : *info) cols.push_back(c["name"].get<std::string>());
    }
    db->tables_.emplace_back(std::move(name), std::move(cols));
  }
  return db;
}

StatusOr<ReadOnlyDatabase::Connection*> ReadOnlyDatabase::OpenConnection() const {
  auto c = std::make_unique<Connection>();
  int rc = sqlite3_open_v2(path_.c_str(), &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    return Status::IOError(path_ + ": cannot open read-only: " + msg);
  }
  sqlite3_busy_timeout(c->db, static_cast<int>(options_.query_timeout.count()));
  char* err = nullptr;
  if (sqlite3_exec(c->db, "PRAGMA query_only = 1", nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError(path_ + ": cannot set query_only: " + msg);
  }
  sqlite3_progress_handler(c->db, 1000, ProgressHandler, &c->deadline);
  Connection* raw = c.get();
  all_.push_back(std::move(c));  // caller holds mu_
  return raw;
}

StatusOr<ReadOnlyDatabase::Connection*> ReadOnlyDatabase::Acquire() const {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      Connection* c = idle_.back();
      idle_.pop_back();
      return c;
    }
    if (static_cast<int>(all_.size()) < options_.max_connections) return OpenConnection();
    if (!cv_.wait_for(lock, options_.query_timeout, [this] { return !idle_.empty(); })) {
      return Status::IOError("all database connections busy for " +
                             std::to_string(options_.query_timeout.count()) + " ms");
    }
  }
}

void ReadOnlyDatabase::Release(Connection* c) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(c);
  }
  cv_.notify_one();
}

StatusOr<nlohmann::json> ReadOnlyDatabase::Query(const std::string& sql,
                                                 const std::vector<SqlParam>& params) const {
  ASSIGN_OR_RETURN(Connection * c, Acquire());
  struct Releaser {
    const ReadOnlyDatabase* self;
    Connection* c;
    ~Releaser() { self->Release(c); }
  } releaser{this, c};
  c->deadline = std::chrono::steady_clock::now() + options_.query_timeout;

  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(c->db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    return Status::InvalidArgument(std::string("SQL error: ") + sqlite3_errmsg(c->db));
  }
  std::unique_ptr<sqlite3_stmt, StmtCloser> stmt(raw);
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i) + 1;
    const SqlParam& p = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(p)) {
      rc = sqlite3_bind_null(stmt.get(), idx);
    } else if (auto* v = std::get_if<int64_t>(&p)) {
      rc = sqlite3_bind_int64(stmt.get(), idx, *v);
    } else if (auto* d = std::get_if<double>(&p)) {
      rc = sqlite3_bind_double(stmt.get(), idx, *d);
    } else {
      const std::string& s = std::get<std::string>(p);
      rc = sqlite3_bind_text(stmt.get(), idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return Status::InvalidArgument(std::string("bind: ") + sqlite3_errmsg(c->db));
  }

  nlohmann::json rows = nlohmann::json::array();
  const int ncol = sqlite3_column_count(stmt.get());
  std::vector<std::string> names(ncol);
  for (int i = 0; i < ncol; ++i) names[i] = sqlite3_column_name(stmt.get(), i);
  for (;;) {
    int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_INTERRUPT) {
      return Status::IOError("query interrupted after " + std::to_string(options_.query_timeout.count()) +
                             " ms (narrow the filters)");
    }
    if (rc != SQLITE_ROW) return Status::InvalidArgument(std::string("SQL error: ") + sqlite3_errmsg(c->db));
    nlohmann::json row = nlohmann::json::object();
    for (int i = 0; i < ncol; ++i) {
      switch (sqlite3_column_type(stmt.get(), i)) {
        case SQLITE_INTEGER:
          row[names[i]] = static_cast<int64_t>(sqlite3_column_int64(stmt.get(), i));
          break;
        case SQLITE_FLOAT:
          row[names[i]] = sqlite3_column_double(stmt.get(), i);
          break;
        case SQLITE_NULL:
          row[names[i]] = nullptr;
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), i));
          int n = sqlite3_column_bytes(stmt.get(), i);
          row[names[i]] = std::string(text ? text : "", static_cast<size_t>(n));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

bool ReadOnlyDatabase::HasTable(const std::string& name) const {
  for (const auto& t : tables_) {
    if (t.first == name) return true;
  }
  return false;
}

const std::vector<std::string>& ReadOnlyDatabase::Columns(const std::string& name) const {
  static const std::vector<std::string> kNone;
  for (const auto& t : tables_) {
    if (t.first == name) return t.second;
  }
  return kNone;
}

bool ReadOnlyDatabase::HasColumn(const std::string& table, const std::string& column) const {
  for (const auto& c : Columns(table)) {
    if (c == column) return true;
  }
  return false;
}

}  // namespace dateline::serve
