#include "store/store.h"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <map>

#include "merge/event_json.h"
#include "merge/merge.h"

namespace dateline {
namespace {

const char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL,
  title TEXT NOT NULL, origin TEXT NOT NULL, published TEXT NOT NULL, published_precision TEXT NOT NULL,
  text TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (
  rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, headline INTEGER NOT NULL, text TEXT NOT NULL,
  UNIQUE (doc, idx));
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content='sentences', content_rowid='rowid');
CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, code TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_mentions (
  doc TEXT NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL, start INTEGER NOT NULL,
  end INTEGER NOT NULL, actor TEXT NOT NULL REFERENCES actors(id), how TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
  id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger TEXT NOT NULL,
  source_actor TEXT NOT NULL, target_actor TEXT NOT NULL,
  source_start INTEGER NOT NULL, source_end INTEGER NOT NULL, target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL, location TEXT NOT NULL, instrument TEXT NOT NULL,
  cameo TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, type TEXT NOT NULL,
  mode TEXT NOT NULL, date TEXT NOT NULL, date_precision TEXT NOT NULL, date_basis TEXT NOT NULL,
  date_text TEXT NOT NULL, status TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
  attribution TEXT NOT NULL, confidence REAL NOT NULL, event_id TEXT);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, date TEXT NOT NULL, date_precision TEXT NOT NULL, status TEXT NOT NULL,
  type TEXT NOT NULL, mode TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL, source_actor TEXT NOT NULL, source_name TEXT NOT NULL,
  source_country TEXT NOT NULL, source_code TEXT NOT NULL, target_actor TEXT NOT NULL,
  target_name TEXT NOT NULL, target_country TEXT NOT NULL, target_code TEXT NOT NULL,
  location TEXT NOT NULL, num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL, confidence REAL NOT NULL, has_conflict INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS conflicts (
  event_id TEXT NOT NULL REFERENCES events(id), field TEXT NOT NULL, value TEXT NOT NULL,
  chosen INTEGER NOT NULL, docs TEXT NOT NULL, PRIMARY KEY (event_id, field, value));
CREATE TABLE IF NOT EXISTS event_links (
  event_id TEXT NOT NULL REFERENCES events(id), kind TEXT NOT NULL, other_id TEXT NOT NULL REFERENCES events(id),
  PRIMARY KEY (event_id, kind, other_id));
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, sentence);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS actor_mentions_doc ON actor_mentions(doc, sentence);
CREATE INDEX IF NOT EXISTS actor_mentions_actor ON actor_mentions(actor);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_source ON events(source_country);
CREATE INDEX IF NOT EXISTS events_target ON events(target_country);
)sql";

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A prepared statement that finalizes itself. Bind helpers take 1-based indexes.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Int(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& Real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Null(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  int Step() { return sqlite3_step(stmt_); }
  // Runs a statement that returns no rows and resets it for the next use.
  bool Run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string ColText(int i) const {
    const unsigned char* t = sqlite3_column_text(stmt_, i);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_, i)) : std::string();
  }
  int64_t ColInt(int i) const { return sqlite3_column_int64(stmt_, i); }
  double ColReal(int i) const { return sqlite3_column_double(stmt_, i); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IOError(what + ": " + sqlite3_errmsg(db));
}

Date ParseStoredDate(const std::string& s) {
  if (s.empty()) return Date{};
  auto d = ParseIsoDate(s);
  return d.ok() ? *d : Date{};
}

// Rolls a transaction back unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    ok_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (ok_ && !done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool begun() const { return ok_; }
  bool Commit() {
    done_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return done_;
  }

 private:
  sqlite3* db_;
  bool ok_ = false, done_ = false;
};

}  // namespace

std::string ContentHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The stored hash covers the text and the pipeline that annotated it.
std::string Store::DocumentHash(std::string_view text) const {
  std::string h = ContentHash(text);
  if (!fingerprint_.empty()) h += ":" + fingerprint_;
  return h;
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  sqlite3* db = nullptr;
  const int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::IOError("cannot open database " + path + ": " + msg);
  }
  std::unique_ptr<Store> store(new Store(db));
  store->fingerprint_ = options.pipeline_fingerprint;
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // A file that is not SQLite fails on the first read.
  {
    Stmt probe(db, "SELECT count(*) FROM sqlite_master");
    if (!probe.ok() || probe.Step() != SQLITE_ROW) {
      return Status::Corruption(path + " is not a SQLite database: " + sqlite3_errmsg(db));
    }
  }
  if (!options.read_only) {
    RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL"));
    RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL"));
    RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys=OFF"));
    RETURN_IF_ERROR(store->Exec(kSchema));
  }
  Stmt version(db, "SELECT value FROM meta WHERE key='schema_version'");
  if (!version.ok()) return Status::Corruption(path + " is not a Dateline database (no meta table)");
  if (version.Step() == SQLITE_ROW) {
    const int v = std::atoi(version.ColText(0).c_str());
    if (v > kSchemaVersion) {
      return Status::Corruption(path + " has schema version " + std::to_string(v) + "; this dateline reads up to " +
                                std::to_string(kSchemaVersion) + ": upgrade dateline or use a new output directory");
    }
  } else if (!options.read_only) {
    Stmt put(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    put.Text(1, "schema_version").Text(2, std::to_string(kSchemaVersion)).Run();
    put.Text(1, "created_at").Text(2, NowUtc()).Run();
    put.Text(1, "events_stale").Text(2, "0").Run();
  }
  return store;
}

Store::~Store() { sqlite3_close(db_); }

Status Store::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Status::IOError(std::string("sqlite: ") + msg);
  }
  return Status::OK();
}

StatusOr<bool> Store::HasDocument(const std::string& id, std::string_view text) {
  Stmt q(db_, "SELECT content_hash FROM documents WHERE id = ?");
  if (!q.ok()) return SqlError(db_, "query documents");
  q.Text(1, id);
  return q.Step() == SQLITE_ROW && q.ColText(0) == DocumentHash(text);
}

StatusOr<AddResult> Store::AddDocuments(const std::vector<const Document*>& docs) {
  AddResult result;
  Transaction tx(db_);
  if (!tx.begun()) return SqlError(db_, "begin transaction");
  Stmt find(db_, "SELECT content_hash FROM documents WHERE id = ?");
  Stmt del_fts(db_,
               "INSERT INTO sentences_fts(sentences_fts, rowid, text) SELECT 'delete', rowid, text FROM sentences "
               "WHERE doc = ?");
  Stmt del_sent(db_, "DELETE FROM sentences WHERE doc = ?");
  Stmt del_am(db_, "DELETE FROM actor_mentions WHERE doc = ?");
  Stmt del_m(db_, "DELETE FROM mentions WHERE doc = ?");
  Stmt put_doc(db_,
               "INSERT OR REPLACE INTO documents(id, content_hash, source, url, title, origin, published, "
               "published_precision, text, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
  Stmt put_sent(db_, "INSERT INTO sentences(doc, idx, start, end, headline, text) VALUES (?,?,?,?,?,?)");
  Stmt put_fts(db_, "INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)");
  Stmt put_actor(db_, "INSERT OR IGNORE INTO actors(id, name, country, code, role) VALUES (?,?,?,?,?)");
  Stmt put_am(db_, "INSERT INTO actor_mentions(doc, sentence, start, end, actor, how) VALUES (?,?,?,?,?,?)");
  Stmt put_m(db_,
             "INSERT INTO mentions(doc, sentence, trigger_start, trigger_end, trigger, source_actor, target_actor, "
             "source_start, source_end, target_start, target_end, location, instrument, cameo, quad_class, "
             "goldstein, type, mode, date, date_precision, date_basis, date_text, status, negated, modality, "
             "attribution, confidence, event_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)");
  Stmt stale(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('events_stale', '1')");
  for (Stmt* s : {&find, &del_fts, &del_sent, &del_am, &del_m, &put_doc, &put_sent, &put_fts, &put_actor, &put_am,
                  &put_m, &stale}) {
    if (!s->ok()) return SqlError(db_, "prepare");
  }
  const std::string now = NowUtc();
  auto actor_id = [](const Actor& a) {
    if (!a.id.empty()) return a.id;
    if (!a.country.empty() || !a.code.empty()) return "code:" + (a.code.empty() ? a.country : a.code);
    return std::string();
  };
  auto put_actor_row = [&](const Actor& a) {
    const std::string id = actor_id(a);
    if (id.empty()) return true;
    return put_actor.Text(1, id).Text(2, a.name).Text(3, a.country).Text(4, a.code).Text(5, a.role).Run();
  };
  for (const Document* doc : docs) {
    const std::string hash = DocumentHash(doc->text);
    find.Text(1, doc->id);
    const bool exists = find.Step() == SQLITE_ROW;
    const bool same = exists && find.ColText(0) == hash;
    find.Reset();
    if (same) {
      result.unchanged++;
      continue;
    }
    if (exists) {
      for (Stmt* s : {&del_fts, &del_sent, &del_am, &del_m}) {
        if (!s->Text(1, doc->id).Run()) return SqlError(db_, "replace document " + doc->id);
      }
      result.replaced++;
    } else {
      result.added++;
    }
    put_doc.Text(1, doc->id).Text(2, hash).Text(3, doc->source).Text(4, doc->url).Text(5, doc->title);
    put_doc.Text(6, doc->origin).Text(7, doc->published.ToString()).Text(8, DatePrecisionName(doc->published.precision));
    put_doc.Text(9, doc->text).Text(10, now);
    if (!put_doc.Run()) return SqlError(db_, "insert document " + doc->id);
    for (const Sentence& s : doc->sentences) {
      const std::string_view text = s.end <= doc->text.size() && s.start <= s.end
                                        ? std::string_view(doc->text).substr(s.start, s.end - s.start)
                                        : std::string_view();
      put_sent.Text(1, doc->id).Int(2, s.index).Int(3, s.start).Int(4, s.end).Int(5, s.headline).Text(6, text);
      if (!put_sent.Run()) return SqlError(db_, "insert sentence of " + doc->id);
      put_fts.Int(1, sqlite3_last_insert_rowid(db_)).Text(2, text);
      if (!put_fts.Run()) return SqlError(db_, "index sentence of " + doc->id);
    }
    for (const ActorMention& am : doc->actors) {
      if (!put_actor_row(am.actor)) return SqlError(db_, "insert actor");
      put_am.Text(1, doc->id).Int(2, am.sentence).Int(3, am.start).Int(4, am.end).Text(5, actor_id(am.actor));
      if (!put_am.Text(6, am.how).Run()) return SqlError(db_, "insert actor mention");
    }
    for (const EventMention& m : doc->events) {
      if (!put_actor_row(m.source.actor) || !put_actor_row(m.target.actor)) return SqlError(db_, "insert actor");
      put_m.Text(1, doc->id).Int(2, m.sentence).Int(3, m.trigger_start).Int(4, m.trigger_end).Text(5, m.trigger);
      put_m.Text(6, actor_id(m.source.actor)).Text(7, actor_id(m.target.actor));
      put_m.Int(8, m.source.start).Int(9, m.source.end).Int(10, m.target.start).Int(11, m.target.end);
      put_m.Text(12, m.location).Text(13, m.instrument).Text(14, m.cameo).Int(15, m.quad_class);
      put_m.Real(16, m.goldstein).Text(17, m.type).Text(18, m.mode).Text(19, m.date.ToString());
      put_m.Text(20, DatePrecisionName(m.date.precision)).Text(21, m.date_basis).Text(22, m.date_text);
      put_m.Text(23, EventStatusName(m.status)).Int(24, m.negated).Text(25, m.modality).Text(26, m.attribution);
      if (!put_m.Real(27, m.confidence).Run()) return SqlError(db_, "insert event mention of " + doc->id);
    }
  }
  if (result.added + result.replaced > 0 && !stale.Run()) return SqlError(db_, "mark events stale");
  if (!tx.Commit()) return SqlError(db_, "commit documents");
  return result;
}

StatusOr<std::vector<MentionRecord>> Store::LoadMentions() {
  Stmt q(db_,
         "SELECT m.doc, m.sentence, m.trigger_start, m.trigger_end, m.trigger, "
         "sa.id, sa.name, sa.country, sa.code, sa.role, ta.id, ta.name, ta.country, ta.code, ta.role, "
         "m.source_start, m.source_end, m.target_start, m.target_end, m.location, m.instrument, m.cameo, "
         "m.quad_class, m.goldstein, m.type, m.mode, m.date, m.date_basis, m.date_text, m.status, m.negated, "
         "m.modality, m.attribution, m.confidence, d.source, d.url, d.published, s.start, s.end, s.text, m.id "
         "FROM mentions m JOIN documents d ON d.id = m.doc "
         "LEFT JOIN actors sa ON sa.id = m.source_actor LEFT JOIN actors ta ON ta.id = m.target_actor "
         "LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence "
         "ORDER BY m.doc, m.sentence, m.trigger_start, m.id");
  if (!q.ok()) return SqlError(db_, "query mentions");
  std::vector<MentionRecord> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    MentionRecord r;
    EventMention& m = r.mention;
    m.doc = q.ColText(0);
    m.sentence = static_cast<int>(q.ColInt(1));
    m.trigger_start = static_cast<uint32_t>(q.ColInt(2));
    m.trigger_end = static_cast<uint32_t>(q.ColInt(3));
    m.trigger = q.ColText(4);
    auto actor = [&](int c, Actor* a) {
      a->id = q.ColText(c);
      a->name = q.ColText(c + 1);
      a->country = q.ColText(c + 2);
      a->code = q.ColText(c + 3);
      a->role = q.ColText(c + 4);
      if (a->id.rfind("code:", 0) == 0) a->id.clear();
    };
    actor(5, &m.source.actor);
    actor(10, &m.target.actor);
    m.source.start = static_cast<uint32_t>(q.ColInt(15));
    m.source.end = static_cast<uint32_t>(q.ColInt(16));
    m.target.start = static_cast<uint32_t>(q.ColInt(17));
    m.target.end = static_cast<uint32_t>(q.ColInt(18));
    m.location = q.ColText(19);
    m.instrument = q.ColText(20);
    m.cameo = q.ColText(21);
    m.quad_class = static_cast<int>(q.ColInt(22));
    m.goldstein = q.ColReal(23);
    m.type = q.ColText(24);
    m.mode = q.ColText(25);
    m.date = ParseStoredDate(q.ColText(26));
    m.date_basis = q.ColText(27);
    m.date_text = q.ColText(28);
    ParseEventStatus(q.ColText(29), &m.status);
    m.negated = q.ColInt(30) != 0;
    m.modality = q.ColText(31);
    m.attribution = q.ColText(32);
    m.confidence = q.ColReal(33);
    Document d;
    d.source = q.ColText(34);
    d.url = q.ColText(35);
    r.outlet = OutletOf(d);
    r.url = d.url;
    r.published = ParseStoredDate(q.ColText(36));
    r.sentence_start = static_cast<uint32_t>(q.ColInt(37));
    r.sentence_end = static_cast<uint32_t>(q.ColInt(38));
    r.sentence_text = q.ColText(39);
    r.store_row = q.ColInt(40);
    out.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return SqlError(db_, "read mentions");
  return out;
}

Status Store::ReplaceEvents(const std::vector<Event>& events) {
  Transaction tx(db_);
  if (!tx.begun()) return SqlError(db_, "begin transaction");
  RETURN_IF_ERROR(Exec("DELETE FROM event_links; DELETE FROM conflicts; DELETE FROM events; "
                       "UPDATE mentions SET event_id = NULL"));
  Stmt put_e(db_,
             "INSERT INTO events(id, date, date_precision, status, type, mode, cameo, quad_class, goldstein, "
             "source_actor, source_name, source_country, source_code, target_actor, target_name, target_country, "
             "target_code, location, num_mentions, num_sources, num_articles, confidence, has_conflict, json) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  Stmt put_c(db_, "INSERT OR REPLACE INTO conflicts(event_id, field, value, chosen, docs) VALUES (?,?,?,?,?)");
  Stmt put_l(db_, "INSERT OR IGNORE INTO event_links(event_id, kind, other_id) VALUES (?,?,?)");
  // Mentions loaded from this store are pointed at by row id (two mentions of one sentence can share a
  // trigger and type yet belong to different events); others by their position and type.
  Stmt point_row(db_, "UPDATE mentions SET event_id = ? WHERE id = ?");
  Stmt point(db_, "UPDATE mentions SET event_id = ? WHERE doc = ? AND sentence = ? AND trigger_start = ? "
                  "AND trigger_end = ? AND type = ?");
  Stmt fresh(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('events_stale', '0')");
  Stmt updated(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES ('updated_at', ?)");
  for (Stmt* s : {&put_e, &put_c, &put_l, &point_row, &point, &fresh, &updated}) {
    if (!s->ok()) return SqlError(db_, "prepare");
  }
  std::string json;
  for (const Event& e : events) {
    json.clear();
    AppendEventJson(e, &json);
    put_e.Text(1, e.id).Text(2, e.date.ToString()).Text(3, DatePrecisionName(e.date.precision));
    put_e.Text(4, EventStatusName(e.status)).Text(5, e.type).Text(6, e.mode).Text(7, e.cameo);
    put_e.Int(8, e.quad_class).Real(9, e.goldstein);
    put_e.Text(10, e.source.id).Text(11, e.source.name).Text(12, e.source.country).Text(13, e.source.code);
    put_e.Text(14, e.target.id).Text(15, e.target.name).Text(16, e.target.country).Text(17, e.target.code);
    put_e.Text(18, e.location).Int(19, e.num_mentions).Int(20, e.num_sources).Int(21, e.num_articles);
    put_e.Real(22, e.confidence).Int(23, e.conflicts.empty() ? 0 : 1).Text(24, json);
    if (!put_e.Run()) return SqlError(db_, "insert event " + e.id);
    for (const Conflict& c : e.conflicts) {
      for (const SupportedValue& v : c.values) {
        std::string docs;
        for (const auto& d : v.docs) docs += (docs.empty() ? "" : ",") + d;
        put_c.Text(1, e.id).Text(2, c.field).Text(3, v.value).Int(4, v.value == c.chosen).Text(5, docs);
        if (!put_c.Run()) return SqlError(db_, "insert conflict");
      }
    }
    for (const EventLink& l : e.links) {
      if (!put_l.Text(1, e.id).Text(2, l.kind).Text(3, l.event_id).Run()) return SqlError(db_, "insert link");
    }
    for (const MentionRecord& r : e.mentions) {
      const EventMention& m = r.mention;
      if (r.store_row > 0) {
        if (!point_row.Text(1, e.id).Int(2, r.store_row).Run()) return SqlError(db_, "link mention");
        continue;
      }
      point.Text(1, e.id).Text(2, m.doc).Int(3, m.sentence).Int(4, m.trigger_start).Int(5, m.trigger_end);
      if (!point.Text(6, m.type).Run()) return SqlError(db_, "link mention");
    }
  }
  if (!fresh.Run() || !updated.Text(1, NowUtc()).Run()) return SqlError(db_, "update meta");
  if (!tx.Commit()) return SqlError(db_, "commit events");
  return Status::OK();
}

StatusOr<std::vector<Event>> Store::LoadEvents() {
  Stmt q(db_, "SELECT json FROM events ORDER BY date, id");
  if (!q.ok()) return SqlError(db_, "query events");
  std::vector<Event> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    auto e = ParseEventJson(q.ColText(0));
    if (!e.ok()) return Status::Corruption("events.json of a stored event: " + e.status().message());
    out.push_back(std::move(e).value());
  }
  if (rc != SQLITE_DONE) return SqlError(db_, "read events");
  return out;
}

StatusOr<int64_t> Store::Count(const std::string& table) {
  static const char* kTables[] = {"documents", "sentences", "mentions", "events", "conflicts", "actors",
                                  "actor_mentions", "event_links"};
  bool known = false;
  for (const char* t : kTables) known |= table == t;
  if (!known) return Status::InvalidArgument("unknown table " + table);
  Stmt q(db_, ("SELECT count(*) FROM " + table).c_str());
  if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db_, "count " + table);
  return q.ColInt(0);
}

}  // namespace dateline
