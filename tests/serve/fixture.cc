#include "tests/serve/fixture.h"

#include <sqlite3.h>

#include <cstdio>
#include <string>
#include <vector>

namespace dateline::serve::testing {
namespace {

// Schema of doc/formats/sqlite.md, version 1.
const char* kSchema = R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, source TEXT NOT NULL,
  url TEXT NOT NULL, title TEXT NOT NULL, origin TEXT NOT NULL, published TEXT NOT NULL,
  published_precision TEXT NOT NULL, text TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE sentences (rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, headline INTEGER NOT NULL,
  text TEXT NOT NULL, UNIQUE (doc, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='rowid');
CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, code TEXT NOT NULL,
  role TEXT NOT NULL);
CREATE TABLE actor_mentions (doc TEXT NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, actor TEXT NOT NULL REFERENCES actors(id), how TEXT NOT NULL);
CREATE TABLE mentions (id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
  sentence INTEGER NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
  trigger TEXT NOT NULL, source_actor TEXT NOT NULL, target_actor TEXT NOT NULL,
  source_start INTEGER NOT NULL, source_end INTEGER NOT NULL, target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL, location TEXT NOT NULL, instrument TEXT NOT NULL, cameo TEXT NOT NULL,
  quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL,
  date TEXT NOT NULL, date_precision TEXT NOT NULL, date_basis TEXT NOT NULL, date_text TEXT NOT NULL,
  status TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL, attribution TEXT NOT NULL,
  confidence REAL NOT NULL, event_id TEXT);
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, date_precision TEXT NOT NULL,
  status TEXT NOT NULL, type TEXT NOT NULL, mode TEXT NOT NULL, cameo TEXT NOT NULL,
  quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, source_actor TEXT NOT NULL,
  source_name TEXT NOT NULL, source_country TEXT NOT NULL, source_code TEXT NOT NULL,
  target_actor TEXT NOT NULL, target_name TEXT NOT NULL, target_country TEXT NOT NULL,
  target_code TEXT NOT NULL, location TEXT NOT NULL, num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL, confidence REAL NOT NULL,
  has_conflict INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE conflicts (event_id TEXT NOT NULL REFERENCES events(id), field TEXT NOT NULL,
  value TEXT NOT NULL, chosen INTEGER NOT NULL, docs TEXT NOT NULL, PRIMARY KEY (event_id, field, value));
CREATE TABLE event_links (event_id TEXT NOT NULL REFERENCES events(id), kind TEXT NOT NULL,
  other_id TEXT NOT NULL REFERENCES events(id), PRIMARY KEY (event_id, kind, other_id));
INSERT INTO meta VALUES ('schema_version', '1'), ('events_stale', '0');
)SQL";

struct Doc {
  const char* id;
  const char* source;
  const char* published;
  const char* title;
  std::vector<const char*> sentences;  // joined with one space
};

// Invented articles (written for these tests).
const Doc kDocs[] = {
    {"harbor-0310",
     "Harbor Times",
     "2023-03-10",
     "Ministers meet in Ottawa",
     {"Ministers meet in Ottawa",
      "The finance ministers of Canada and Japan met in Ottawa on Thursday to talk about lumber tariffs.",
      "Canada will host a regional trade summit in April, the ministry said.",
      "In Lima, protesters clashed with riot police near the Congress building."}},
    {"coastal-0311",
     "Coastal Wire",
     "2023-03-11",
     "Tariff talks continue",
     {"Canada's finance minister met his Japanese counterpart on Friday, officials said.",
      "Peru's interior ministry accused the protesters of burning two buses."}},
    {"andes-0312",
     "Andes Señal",
     "2023-03-12",
     "Protest leaders reject accusation",
     {"Protest leaders in Perú denied burning the buses on Saturday.",
      "Riot police and demonstrators clashed again in Lima late on Friday."}},
};

class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}
  Status Exec(const std::string& sql, const std::vector<std::string>& args) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      return Status::IOError(std::string("fixture: ") + sqlite3_errmsg(db_) + " in " + sql);
    }
    for (size_t i = 0; i < args.size(); ++i) {
      sqlite3_bind_text(st, static_cast<int>(i) + 1, args[i].c_str(), -1, SQLITE_TRANSIENT);
    }
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return Status::IOError(std::string("fixture: ") + sqlite3_errmsg(db_));
    return Status::OK();
  }

 private:
  sqlite3* db_;
};

struct Placed {
  std::string text;
  std::vector<std::pair<int, int>> sentences;  // byte [start, end)
};

Placed Place(const Doc& d) {
  Placed p;
  for (const char* s : d.sentences) {
    if (!p.text.empty()) p.text += (p.sentences.size() == 1 ? "\n" : " ");
    int start = static_cast<int>(p.text.size());
    p.text += s;
    p.sentences.push_back({start, static_cast<int>(p.text.size())});
  }
  return p;
}

struct Mention {
  int doc;  // index into kDocs
  int sentence;
  const char* trigger;
  const char* source_words;  // words naming the source in that sentence, or ""
  const char* source_actor;
  const char* target_words;
  const char* target_actor;
  const char* date;
  const char* status;
  const char* event;
};

const Mention kMentions[] = {
    {0, 1, "met", "finance ministers of Canada", "country:CAN", "Japan", "country:JPN", "2023-03-09",
     "happened", kMeetingEvent},
    {1, 0, "met", "Canada's finance minister", "country:CAN", "Japanese counterpart", "country:JPN",
     "2023-03-10", "happened", kMeetingEvent},
    {0, 2, "host", "Canada", "country:CAN", "", "", "2023-04", "planned", kSummitEvent},
    {0, 3, "clashed", "protesters", "text:protesters", "riot police", "country:PER", "2023-03-09", "happened",
     kClashEvent},
    {2, 1, "clashed", "Riot police", "country:PER", "demonstrators", "text:protesters", "2023-03-10",
     "happened", kClashEvent},
    {1, 1, "accused", "Peru's interior ministry", "country:PER", "protesters", "text:protesters",
     "2023-03-11", "happened", kClaimEvent},
    {2, 0, "denied", "Protest leaders", "text:protesters", "", "", "2023-03-11", "denied", kDenialEvent},
};

}  // namespace

Status WriteFixtureDatabase(const std::string& path) {
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return Status::IOError("fixture: cannot create " + path);
  }
  struct Closer {
    sqlite3* db;
    ~Closer() { sqlite3_close(db); }
  } closer{db};
  char* err = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    return Status::IOError("fixture schema: " + msg);
  }
  Writer w(db);
  RETURN_IF_ERROR(w.Exec("BEGIN", {}));
  std::vector<Placed> placed;
  for (const Doc& d : kDocs) {
    Placed p = Place(d);
    RETURN_IF_ERROR(
        w.Exec("INSERT INTO documents VALUES (?, '0000000000000000', ?, '', ?, 'fixture', ?, 'day', ?, "
               "'2023-03-13T00:00:00Z')",
               {d.id, d.source, d.title, d.published, p.text}));
    for (size_t i = 0; i < p.sentences.size(); ++i) {
      auto [s, e] = p.sentences[i];
      RETURN_IF_ERROR(
          w.Exec("INSERT INTO sentences (doc, idx, start, end, headline, text) VALUES (?, ?, ?, ?, ?, ?)",
                 {d.id, std::to_string(i), std::to_string(s), std::to_string(e), i == 0 ? "1" : "0",
                  p.text.substr(s, e - s)}));
    }
    placed.push_back(std::move(p));
  }
  RETURN_IF_ERROR(w.Exec("INSERT INTO sentences_fts (rowid, text) SELECT rowid, text FROM sentences", {}));
  RETURN_IF_ERROR(
      w.Exec("INSERT INTO actors VALUES ('country:CAN', 'Canada', 'CAN', 'CAN', ''), "
             "('country:JPN', 'Japan', 'JPN', 'JPN', ''), ('country:PER', 'Peru', 'PER', 'PER', ''), "
             "('text:protesters', 'protesters', 'PER', 'PEROPP', 'OPP')",
             {}));

  for (const Mention& m : kMentions) {
    const Placed& p = placed[m.doc];
    auto [ss, se] = p.sentences[m.sentence];
    std::string sentence = p.text.substr(ss, se - ss);
    auto locate = [&](const char* words) -> std::pair<int, int> {
      if (*words == '\0') return {0, 0};
      size_t at = sentence.find(words);
      if (at == std::string::npos) return {0, 0};
      return {ss + static_cast<int>(at), ss + static_cast<int>(at + std::string(words).size())};
    };
    auto [ts, te] = locate(m.trigger);
    auto [as, ae] = locate(m.source_words);
    auto [bs, be] = locate(m.target_words);
    std::string precision = std::string(m.date).size() == 10 ? "day" : "month";
    RETURN_IF_ERROR(w.Exec(
        "INSERT INTO mentions (doc, sentence, trigger_start, trigger_end, trigger, source_actor, "
        "target_actor, "
        "source_start, source_end, target_start, target_end, location, instrument, cameo, quad_class, "
        "goldstein, "
        "type, mode, date, date_precision, date_basis, date_text, status, negated, modality, attribution, "
        "confidence, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 0, 0, '', '', ?, ?, "
        "'text', "
        "'', ?, 0, '', '', 0.9, ?)",
        {kDocs[m.doc].id, std::to_string(m.sentence), std::to_string(ts), std::to_string(te), m.trigger,
         m.source_actor, m.target_actor, std::to_string(as), std::to_string(ae), std::to_string(bs),
         std::to_string(be), m.date, precision, m.status, m.event}));
  }

  const char* events_sql =
      "INSERT INTO events VALUES "
      "('ev-00000000000000a1', '2023-03-09', 'day', 'happened', 'CONSULT', 'visit', '043', 1, 2.8, "
      " 'country:CAN', 'Canada', 'CAN', 'CAN', 'country:JPN', 'Japan', 'JPN', 'JPN', 'CAN', 2, 2, 2, 0.8, 1, "
      " '{\"id\":\"ev-00000000000000a1\",\"type\":\"CONSULT\"}'),"
      "('ev-00000000000000b2', '2023-04', 'month', 'planned', 'CONSULT', 'host', '046', 1, 7.0, "
      " 'country:CAN', 'Canada', 'CAN', 'CAN', '', '', '', '', 'CAN', 1, 1, 1, 0.6, 0, "
      " '{\"id\":\"ev-00000000000000b2\",\"mentions\":[{\"doc\":\"harbor-0310\",\"sentence\":2,"
      "\"sentence_start\":123,\"sentence_end\":192,\"text\":\"Canada will host a regional trade summit in April, the ministry said.\","
      "\"trigger\":\"host\",\"trigger_start\":135,\"trigger_end\":139,"
      "\"source\":{\"id\":\"country:CAN\",\"name\":\"Canada\",\"start\":123,\"end\":129},"
      "\"status\":\"planned\",\"date\":\"2023-04\"}]}'),"
      "('ev-00000000000000c3', '2023-03-09', 'day', 'happened', 'PROTEST', 'riot', '145', 4, -7.5, "
      " 'text:protesters', 'protesters', 'PER', 'PEROPP', 'country:PER', 'Peru', 'PER', 'PER', 'PER', 2, 2, "
      "2, "
      " 0.7, 1, '{}'),"
      "('ev-00000000000000d4', '2023-03-11', 'day', 'happened', 'ACCUSE', '', '112', 3, -2.0, "
      " 'country:PER', 'Peru', 'PER', 'PER', 'text:protesters', 'protesters', 'PER', 'PEROPP', 'PER', 1, 1, "
      "1, "
      " 0.5, 0, '{}'),"
      "('ev-00000000000000e5', '2023-03-11', 'day', 'denied', 'ACCUSE', '', '112', 3, -2.0, "
      " 'text:protesters', 'protesters', 'PER', 'PEROPP', '', '', '', '', 'PER', 1, 1, 1, 0.5, 0, '{}')";
  RETURN_IF_ERROR(w.Exec(events_sql, {}));
  // The summit's mention row is left unlinked, as the store can leave a row whose key another mention of
  // the same sentence shares: the API must take the evidence from the event's record.
  RETURN_IF_ERROR(w.Exec("UPDATE mentions SET event_id = NULL WHERE event_id = 'ev-00000000000000b2'", {}));
  RETURN_IF_ERROR(
      w.Exec("INSERT INTO conflicts VALUES ('ev-00000000000000a1', 'date', '2023-03-09', 1, 'harbor-0310'), "
             "('ev-00000000000000a1', 'date', '2023-03-10', 0, 'coastal-0311'), "
             "('ev-00000000000000c3', 'date', '2023-03-09', 1, 'harbor-0310'), "
             "('ev-00000000000000c3', 'date', '2023-03-10', 0, 'andes-0312')",
             {}));
  RETURN_IF_ERROR(
      w.Exec("INSERT INTO event_links VALUES ('ev-00000000000000d4', 'denied_by', 'ev-00000000000000e5'), "
             "('ev-00000000000000e5', 'denies', 'ev-00000000000000d4')",
             {}));
  RETURN_IF_ERROR(
      w.Exec("INSERT INTO actor_mentions (doc, sentence, start, end, actor, how) "
             "SELECT doc, sentence, source_start, source_end, source_actor, 'kb' FROM mentions WHERE "
             "source_actor <> ''",
             {}));
  return w.Exec("COMMIT", {});
}

}  // namespace dateline::serve::testing
