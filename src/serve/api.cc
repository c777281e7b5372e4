#include "serve/api.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

namespace dateline::serve {
namespace {

using nlohmann::json;

// A request parameter was malformed: becomes a 400 answer.
struct BadRequest {
  std::string message;
};

const std::string* Param(const QueryParams& params, const std::string& key) {
  auto it = params.find(key);
  if (it == params.end() || it->second.empty()) return nullptr;
  return &it->second;
}

// Parses a whole decimal integer in [lo, hi] or throws BadRequest naming the parameter.
int64_t ParseInt(const std::string& key, const std::string& value, int64_t lo, int64_t hi) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
  if (ec != std::errc() || ptr != value.data() + value.size()) {
    throw BadRequest{"parameter '" + key + "' must be an integer, got '" + value.substr(0, 40) + "'"};
  }
  if (v < lo || v > hi) {
    throw BadRequest{"parameter '" + key + "' must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi)};
  }
  return v;
}

int64_t IntParam(const QueryParams& params, const std::string& key, int64_t def, int64_t lo, int64_t hi) {
  const std::string* v = Param(params, key);
  return v == nullptr ? def : ParseInt(key, *v, lo, hi);
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool IsIsoDatePrefix(const std::string& s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10) return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// Escapes LIKE wildcards; used with ESCAPE '\'.
std::string LikePattern(const std::string& s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// Turns free text into an FTS5 query that cannot be a syntax error: each word becomes a quoted string
// (quotes doubled), all words required; a trailing '*' on a word asks for a prefix match.
std::string FtsQuery(const std::string& text) {
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.pop_back();
    std::string quoted = "\"";
    for (char c : word) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    quoted += '"';
    if (prefix) quoted += '*';
    if (!out.empty()) out += ' ';
    out += quoted;
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) || c == '*' || c == '\'' || c == '-') {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Moves a byte offset back to the start of a UTF-8 code point.
size_t CodePointStart(const std::string& s, size_t i) {
  if (i >= s.size()) return s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

struct Span {
  int64_t start, end;  // byte offsets relative to the text being split
  std::string mark;    // "evidence", "trigger", "source", "target"
  std::string event;   // event id, or ""
};

// Splits `text` at every span boundary: [{"text", "marks": [...], "events": [...]}], so a client can
// highlight without handling byte offsets. Spans outside the text are dropped.
json SplitIntoParts(const std::string& text, const std::vector<Span>& spans) {
  std::set<size_t> cuts = {0, text.size()};
  std::vector<Span> ok;
  for (const Span& s : spans) {
    if (s.start < 0 || s.end <= s.start || s.end > static_cast<int64_t>(text.size())) continue;
    Span t = s;
    t.start = static_cast<int64_t>(CodePointStart(text, static_cast<size_t>(s.start)));
    t.end = static_cast<int64_t>(CodePointStart(text, static_cast<size_t>(s.end)));
    if (t.end <= t.start) continue;
    cuts.insert(static_cast<size_t>(t.start));
    cuts.insert(static_cast<size_t>(t.end));
    ok.push_back(std::move(t));
  }
  json parts = json::array();
  for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
    size_t a = *it, b = *std::next(it);
    if (b <= a) continue;
    std::set<std::string> marks, events;
    for (const Span& s : ok) {
      if (static_cast<size_t>(s.start) <= a && b <= static_cast<size_t>(s.end)) {
        marks.insert(s.mark);
        if (!s.event.empty()) events.insert(s.event);
      }
    }
    json part = {{"text", text.substr(a, b - a)}};
    if (!marks.empty()) part["marks"] = marks;
    if (!events.empty()) part["events"] = events;
    parts.push_back(std::move(part));
  }
  return parts;
}

// Filters shared by /api/events, /api/network and /api/timeline, as SQL over `events e`.
struct EventFilter {
  std::string where = "1";
  std::vector<SqlParam> params;
};

EventFilter BuildEventFilter(const QueryParams& p, const ApiOptions& options, bool fts_available) {
  EventFilter f;
  auto add = [&](const std::string& clause) { f.where += " AND (" + clause + ")"; };
  if (const std::string* from = Param(p, "from")) {
    if (!IsIsoDatePrefix(*from)) throw BadRequest{"parameter 'from' must be YYYY, YYYY-MM or YYYY-MM-DD"};
    // Compare at the coarser of the two precisions, so a month-precise event overlaps a day window.
    add("e.date <> '' AND substr(?, 1, length(e.date)) <= substr(e.date, 1, 10)");
    f.params.push_back(*from);
  }
  if (const std::string* to = Param(p, "to")) {
    if (!IsIsoDatePrefix(*to)) throw BadRequest{"parameter 'to' must be YYYY, YYYY-MM or YYYY-MM-DD"};
    add("e.date <> '' AND substr(e.date, 1, length(?)) <= ?");
    f.params.push_back(*to);
    f.params.push_back(*to);
  }
  if (const std::string* actor = Param(p, "actor")) {
    if (actor->size() > 100) throw BadRequest{"parameter 'actor' is longer than 100 characters"};
    add("e.source_actor = ? OR e.target_actor = ? OR e.source_country = ? OR e.target_country = ? OR "
        "e.source_code = ? OR e.target_code = ? OR "
        "e.source_name LIKE ? ESCAPE '\\' OR e.target_name LIKE ? ESCAPE '\\'");
    for (int i = 0; i < 6; ++i) f.params.push_back(*actor);
    f.params.push_back(LikePattern(*actor));
    f.params.push_back(LikePattern(*actor));
  }
  auto in_list = [&](const std::string& key, const std::string& column,
                     const std::set<std::string>* allowed) {
    const std::string* v = Param(p, key);
    if (v == nullptr) return;
    auto values = SplitCommas(*v);
    if (values.empty() || values.size() > 20)
      throw BadRequest{"parameter '" + key + "' needs 1 to 20 values"};
    std::string clause = column + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      if (allowed != nullptr && !allowed->count(values[i])) {
        throw BadRequest{"parameter '" + key + "': unknown value '" + values[i].substr(0, 40) + "'"};
      }
      clause += i ? ",?" : "?";
      f.params.push_back(values[i]);
    }
    add(clause + ")");
  };
  static const std::set<std::string> kStatuses = {"happened", "planned", "hypothetical", "denied"};
  in_list("type", "e.type", nullptr);
  in_list("status", "e.status", &kStatuses);
  in_list("cameo", "e.cameo", nullptr);
  if (const std::string* quad = Param(p, "quad")) {
    std::string clause = "e.quad_class IN (";
    auto values = SplitCommas(*quad);
    if (values.empty() || values.size() > 4) throw BadRequest{"parameter 'quad' needs 1 to 4 values in 1..4"};
    for (size_t i = 0; i < values.size(); ++i) {
      clause += i ? ",?" : "?";
      f.params.push_back(ParseInt("quad", values[i], 0, 4));
    }
    add(clause + ")");
  }
  if (const std::string* ms = Param(p, "min_sources")) {
    add("e.num_sources >= ?");
    f.params.push_back(ParseInt("min_sources", *ms, 0, 1000000));
  }
  if (const std::string* c = Param(p, "conflicts")) {
    add("e.has_conflict = ?");
    f.params.push_back(ParseInt("conflicts", *c, 0, 1));
  }
  if (const std::string* q = Param(p, "q")) {
    if (static_cast<int>(q->size()) > options.max_query_chars) {
      throw BadRequest{"parameter 'q' is longer than " + std::to_string(options.max_query_chars) + " bytes"};
    }
    std::string fts = FtsQuery(*q);
    if (fts.empty()) throw BadRequest{"parameter 'q' has no words to search for"};
    if (!fts_available) throw BadRequest{"this database has no full-text index (sentences_fts)"};
    add("e.id IN (SELECT m.event_id FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid "
        "JOIN mentions m ON m.doc = s.doc AND m.sentence = s.idx WHERE sentences_fts MATCH ?)");
    f.params.push_back(fts);
  }
  return f;
}

// Columns of an event summary, from `events e`.
const char* kEventColumns =
    "e.id, e.date, e.date_precision, e.status, e.type, e.mode, e.cameo, e.quad_class, e.goldstein, "
    "e.source_actor, e.source_name, e.source_country, e.source_code, "
    "e.target_actor, e.target_name, e.target_country, e.target_code, e.location, "
    "e.num_mentions, e.num_sources, e.num_articles, e.confidence, e.has_conflict, "
    "(SELECT s.text FROM mentions m JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence "
    " WHERE m.event_id = e.id ORDER BY m.confidence DESC, m.doc, m.sentence LIMIT 1) AS sentence";

// Reshapes a flat events row into the API's event summary, moving the values out of `row`.
json EventSummary(json&& row) {
  auto take = [&](const char* key) -> json {
    auto it = row.find(key);
    return it == row.end() ? json("") : std::move(*it);
  };
  auto actor = [&](const std::string& prefix) {
    return json{{"id", take((prefix + "_actor").c_str())},
                {"name", take((prefix + "_name").c_str())},
                {"country", take((prefix + "_country").c_str())},
                {"code", take((prefix + "_code").c_str())}};
  };
  json e = json::object();
  for (const char* key :
       {"id", "date", "date_precision", "status", "type", "mode", "cameo", "quad_class", "goldstein"}) {
    e[key] = take(key);
  }
  e["source"] = actor("source");
  e["target"] = actor("target");
  for (const char* key : {"location", "num_mentions", "num_sources", "num_articles", "confidence"}) {
    e[key] = take(key);
  }
  e["has_conflict"] = row.value("has_conflict", 0) != 0;
  if (row.contains("sentence")) e["sentence"] = row["sentence"].is_null() ? json("") : take("sentence");
  return e;
}

std::string OrderBy(const QueryParams& p) {
  const std::string* sort = Param(p, "sort");
  if (sort == nullptr || *sort == "date") return "e.date, e.id";
  if (*sort == "-date") return "e.date DESC, e.id";
  if (*sort == "sources") return "e.num_sources DESC, e.num_mentions DESC, e.date, e.id";
  if (*sort == "importance") return "e.num_sources DESC, e.num_mentions DESC, abs(e.goldstein) DESC, e.id";
  throw BadRequest{"parameter 'sort' must be date, -date, sources or importance"};
}

// Thrown by Must() to turn a database error into an answer.
struct DbError {
  Status status;
};

json Must(StatusOr<json> r) {
  if (!r.ok()) throw DbError{r.status()};
  return std::move(r).value();
}

ApiResponse Ok(json body) { return {200, std::move(body)}; }

}  // namespace

Api::Api(const ReadOnlyDatabase* db, ApiOptions options) : db_(db), options_(options) {}

json Api::ErrorBody(int status, const std::string& message) {
  return {{"error", {{"status", status}, {"message", message}}}};
}

Status CheckSchema(const ReadOnlyDatabase& db) {
  for (const char* table : {"meta", "documents", "sentences", "mentions", "events", "conflicts"}) {
    if (!db.HasTable(table)) {
      return Status::Corruption(db.path() + ": not a Dateline database (no table '" + table + "')");
    }
  }
  auto v = db.Query("SELECT value FROM meta WHERE key = 'schema_version'");
  if (!v.ok()) return v.status();
  if (v->empty()) return Status::Corruption(db.path() + ": no schema_version in meta");
  int version = std::atoi((*v)[0]["value"].get<std::string>().c_str());
  if (version > kMaxSchemaVersion) {
    return Status::Corruption(db.path() + ": schema version " + std::to_string(version) +
                              " is newer than this dateline reads (" + std::to_string(kMaxSchemaVersion) +
                              "); upgrade dateline");
  }
  return Status::OK();
}

ApiResponse Api::Handle(const std::string& path, const QueryParams& params) const {
  try {
    if (path == "/health") return Health();
    if (path == "/api/meta") return Meta();
    if (path == "/api/events") return Events(params);
    if (path.rfind("/api/events/", 0) == 0) return Event(path.substr(12));
    if (path == "/api/actors") return Actors(params);
    if (path == "/api/network") return Network(params);
    if (path == "/api/timeline") return Timeline(params);
    if (path == "/api/documents") return Documents(params);
    if (path.rfind("/api/documents/", 0) == 0) return DocumentById(path.substr(15), params);
    return {404, ErrorBody(404, "no API endpoint " + path.substr(0, 100) + " (see /api/meta)")};
  } catch (const BadRequest& e) {
    return {400, ErrorBody(400, e.message)};
  } catch (const DbError& e) {
    int status = e.status.code() == Status::Code::kIOError ? 503 : 500;
    return {status, ErrorBody(status, e.status.message())};
  } catch (const std::exception& e) {
    return {500, ErrorBody(500, std::string("internal error: ") + e.what())};
  }
}

ApiResponse Api::Health() const {
  auto counts = db_->Query(
      "SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM documents) AS documents, "
      "(SELECT value FROM meta WHERE key = 'events_stale') AS stale, "
      "(SELECT value FROM meta WHERE key = 'schema_version') AS schema_version");
  if (!counts.ok()) {
    return {503, {{"status", "error"}, {"error", {{"status", 503}, {"message", counts.status().message()}}}}};
  }
  const json& row = (*counts)[0];
  return Ok({{"status", "ok"},
             {"events", row["events"]},
             {"documents", row["documents"]},
             {"events_stale", row["stale"].is_string() && row["stale"].get<std::string>() == "1"},
             {"schema_version", row["schema_version"]},
             {"version", DATELINE_VERSION}});
}

ApiResponse Api::Meta() const {
  json counts = Must(db_->Query(
      "SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM documents) AS documents, "
      "(SELECT COUNT(*) FROM mentions) AS mentions, (SELECT COUNT(*) FROM actors) AS actors, "
      "(SELECT COUNT(DISTINCT event_id) FROM conflicts) AS events_with_conflicts, "
      "(SELECT MIN(date) FROM events WHERE date <> '') AS first_date, "
      "(SELECT MAX(date) FROM events WHERE date <> '') AS last_date"))[0];
  json types = Must(db_->Query("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"));
  json statuses =
      Must(db_->Query("SELECT status, COUNT(*) AS n FROM events GROUP BY status ORDER BY n DESC"));
  json quads =
      Must(db_->Query("SELECT quad_class, COUNT(*) AS n FROM events GROUP BY quad_class ORDER BY 1"));
  return Ok({{"counts", counts},
             {"types", types},
             {"statuses", statuses},
             {"quad_classes", quads},
             {"limits",
              {{"default_page_size", options_.default_page_size},
               {"max_page_size", options_.max_page_size},
               {"max_query_chars", options_.max_query_chars}}},
             {"endpoints",
              {"/health", "/api/meta", "/api/events", "/api/events/{id}", "/api/actors", "/api/network",
               "/api/timeline", "/api/documents", "/api/documents/{id}"}}});
}

ApiResponse Api::Events(const QueryParams& params) const {
  int64_t limit = IntParam(params, "limit", options_.default_page_size, 1, options_.max_page_size);
  int64_t offset = IntParam(params, "offset", 0, 0, 10000000);
  EventFilter f = BuildEventFilter(params, options_, db_->HasTable("sentences_fts"));
  std::string order = OrderBy(params);
  json total = Must(db_->Query("SELECT COUNT(*) AS n FROM events e WHERE " + f.where, f.params));
  auto page_params = f.params;
  page_params.push_back(limit);
  page_params.push_back(offset);
  json rows = Must(db_->Query(std::string("SELECT ") + kEventColumns + " FROM events e WHERE " + f.where +
                                  " ORDER BY " + order + " LIMIT ? OFFSET ?",
                              page_params));
  json events = json::array();
  for (json& r : rows) events.push_back(EventSummary(std::move(r)));
  return Ok({{"total", total[0]["n"]}, {"limit", limit}, {"offset", offset}, {"events", std::move(events)}});
}

ApiResponse Api::Event(const std::string& id) const {
  if (id.empty() || id.size() > 64) return {404, ErrorBody(404, "no such event")};
  json rows = Must(
      db_->Query(std::string("SELECT ") + kEventColumns + ", e.json FROM events e WHERE e.id = ?", {id}));
  if (rows.empty()) return {404, ErrorBody(404, "no event with id '" + id + "'")};
  json record;
  if (rows[0]["json"].is_string()) record = json::parse(rows[0]["json"].get<std::string>(), nullptr, false);
  json event = EventSummary(std::move(rows[0]));
  if (!record.is_null() && !record.is_discarded()) event["record"] = std::move(record);

  // The evidence is the event's own record (its events.jsonl line lists exactly its mentions) when it
  // has one; otherwise the mention rows that point at the event. (Rows alone can mislead: the store links a
  // row to an event by doc, sentence, trigger and type, which two mentions of one sentence may share.)
  json mentions = json::array();
  const json* recorded = nullptr;
  if (event.contains("record") && event["record"].is_object() && event["record"].contains("mentions") &&
      event["record"]["mentions"].is_array() && !event["record"]["mentions"].empty()) {
    recorded = &event["record"]["mentions"];
  }
  if (recorded != nullptr) {
    std::map<std::string, json> docs;
    for (const json& rm : *recorded) {
      if (!rm.is_object()) continue;
      json m = json::object();
      for (auto it = rm.begin(); it != rm.end(); ++it) {
        if (!it.value().is_object() && !it.value().is_array()) m[it.key()] = it.value();
      }
      if (rm.contains("text")) m["sentence_text"] = rm["text"];
      m.erase("text");
      for (const char* side : {"source", "target"}) {
        const std::string prefix(side);
        if (rm.contains(side) && rm[side].is_object()) {
          const json& a = rm[side];
          m[prefix + "_actor"] = a.value("id", "");
          if (a.contains("start") && a.contains("end")) {
            m[prefix + "_start"] = a["start"];
            m[prefix + "_end"] = a["end"];
          }
        }
      }
      std::string doc = m.value("doc", "");
      if (!docs.count(doc)) {
        json d = Must(db_->Query(
            "SELECT title AS doc_title, source AS doc_source, url AS doc_url, published AS doc_published "
            "FROM documents WHERE id = ?",
            {doc}));
        docs[doc] = d.empty() ? json::object() : d[0];
      }
      for (auto it = docs[doc].begin(); it != docs[doc].end(); ++it) m[it.key()] = it.value();
      mentions.push_back(std::move(m));
    }
  } else {
    mentions = Must(db_->Query(
        "SELECT m.id, m.doc, m.sentence, m.trigger_start, m.trigger_end, m.trigger, m.source_actor, "
        "m.target_actor, m.source_start, m.source_end, m.target_start, m.target_end, m.cameo, m.type, m.mode, "
        "m.date, m.date_precision, m.date_basis, m.date_text, m.status, m.negated, m.modality, m.attribution, "
        "m.confidence, s.text AS sentence_text, s.start AS sentence_start, s.end AS sentence_end, "
        "d.title AS doc_title, d.source AS doc_source, d.url AS doc_url, d.published AS doc_published "
        "FROM mentions m LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence "
        "LEFT JOIN documents d ON d.id = m.doc WHERE m.event_id = ? ORDER BY m.doc, m.sentence, "
        "m.trigger_start",
        {id}));
  }
  // Highlight spans of a mention, relative to its sentence.
  auto spans_of = [](const json& m) {
    int64_t base = m["sentence_start"].is_number() ? m["sentence_start"].get<int64_t>() : 0;
    std::vector<Span> spans;
    auto add = [&](const char* s, const char* e, const char* mark) {
      if (m[s].is_number() && m[e].is_number() && m[e].get<int64_t>() > m[s].get<int64_t>()) {
        spans.push_back({m[s].get<int64_t>() - base, m[e].get<int64_t>() - base, mark, ""});
      }
    };
    add("source_start", "source_end", "source");
    add("target_start", "target_end", "target");
    add("trigger_start", "trigger_end", "trigger");
    return spans;
  };
  auto text_of = [](const json& m) {
    return m["sentence_text"].is_string() ? m["sentence_text"].get<std::string>() : std::string();
  };
  // One entry per evidence sentence: several mentions of the event in one sentence are shown together.
  json sentences = json::array();
  std::vector<Span> sentence_spans;
  for (size_t i = 0; i < mentions.size(); ++i) {
    json& m = mentions[i];
    std::vector<Span> spans = spans_of(m);
    m["parts"] = SplitIntoParts(text_of(m), spans);
    bool same = !sentences.empty() && sentences.back()["doc"] == m["doc"] &&
                sentences.back()["sentence"] == m["sentence"];
    if (!same) {
      if (!sentences.empty())
        sentences.back()["parts"] = SplitIntoParts(sentences.back()["sentence_text"], sentence_spans);
      sentence_spans.clear();
      sentences.push_back({{"doc", m["doc"]},
                           {"doc_title", m["doc_title"]},
                           {"doc_source", m["doc_source"]},
                           {"doc_url", m["doc_url"]},
                           {"doc_published", m["doc_published"]},
                           {"sentence", m["sentence"]},
                           {"sentence_text", text_of(m)},
                           {"mentions", json::array()}});
    }
    sentences.back()["mentions"].push_back(i);
    sentence_spans.insert(sentence_spans.end(), spans.begin(), spans.end());
  }
  if (!sentences.empty())
    sentences.back()["parts"] = SplitIntoParts(sentences.back()["sentence_text"], sentence_spans);
  event["mentions"] = std::move(mentions);
  event["sentences"] = std::move(sentences);

  json crow = Must(
      db_->Query("SELECT field, value, chosen, docs FROM conflicts WHERE event_id = ? "
                 "ORDER BY field, chosen DESC, length(docs) - length(replace(docs, ',', '')) DESC, value",
                 {id}));
  json conflicts = json::array();
  for (const json& r : crow) {
    const std::string field = r["field"].get<std::string>();
    if (conflicts.empty() || conflicts.back()["field"] != field) {
      conflicts.push_back({{"field", field}, {"chosen", ""}, {"values", json::array()}});
    }
    json& c = conflicts.back();
    bool chosen = r["chosen"].is_number() && r["chosen"].get<int64_t>() != 0;
    if (chosen) c["chosen"] = r["value"];
    c["values"].push_back({{"value", r["value"]},
                           {"chosen", chosen},
                           {"docs", SplitCommas(r["docs"].is_string() ? r["docs"].get<std::string>() : "")}});
  }
  event["conflicts"] = std::move(conflicts);

  json links = json::array();
  if (db_->HasTable("event_links")) {
    json lrows = Must(db_->Query(std::string("SELECT l.kind AS link_kind, ") + kEventColumns +
                                     " FROM event_links l JOIN events e ON e.id = l.other_id "
                                     "WHERE l.event_id = ? ORDER BY l.kind, e.date, e.id",
                                 {id}));
    for (json& r : lrows) {
      json kind = r["link_kind"];
      links.push_back({{"kind", std::move(kind)}, {"event", EventSummary(std::move(r))}});
    }
  }
  event["links"] = std::move(links);
  return Ok(std::move(event));
}

ApiResponse Api::Actors(const QueryParams& params) const {
  int64_t limit = IntParam(params, "limit", options_.default_page_size, 1, options_.max_page_size);
  int64_t offset = IntParam(params, "offset", 0, 0, 10000000);
  std::string where = "1";
  std::vector<SqlParam> args;
  if (const std::string* q = Param(params, "q")) {
    if (static_cast<int>(q->size()) > options_.max_query_chars) throw BadRequest{"parameter 'q' is too long"};
    where += " AND (a.name LIKE ? ESCAPE '\\' OR a.id = ? OR a.country = ? OR a.code = ?)";
    args.push_back(LikePattern(*q));
    args.push_back(*q);
    args.push_back(*q);
    args.push_back(*q);
  }
  if (const std::string* c = Param(params, "country")) {
    where += " AND a.country = ?";
    args.push_back(*c);
  }
  json total = Must(db_->Query("SELECT COUNT(*) AS n FROM actors a WHERE " + where, args));
  args.push_back(limit);
  args.push_back(offset);
  json rows = Must(db_->Query(
      // Counted once per actor (not per row), so the cost stays linear in events + mentions.
      "WITH ev AS (SELECT source_actor AS actor, id FROM events WHERE source_actor <> '' "
      "            UNION SELECT target_actor, id FROM events WHERE target_actor <> ''), "
      "ec AS MATERIALIZED (SELECT actor, COUNT(*) AS n FROM ev GROUP BY actor), "
      "mc AS MATERIALIZED (SELECT actor, COUNT(*) AS n FROM actor_mentions GROUP BY actor) "
      "SELECT a.id, a.name, a.country, a.code, a.role, COALESCE(ec.n, 0) AS num_events, "
      "       COALESCE(mc.n, 0) AS num_mentions "
      "FROM actors a LEFT JOIN ec ON ec.actor = a.id LEFT JOIN mc ON mc.actor = a.id WHERE " +
          where + " ORDER BY num_events DESC, num_mentions DESC, a.name LIMIT ? OFFSET ?",
      args));
  return Ok({{"total", total[0]["n"]}, {"limit", limit}, {"offset", offset}, {"actors", std::move(rows)}});
}

ApiResponse Api::Network(const QueryParams& params) const {
  EventFilter f = BuildEventFilter(params, options_, db_->HasTable("sentences_fts"));
  auto args = f.params;
  int64_t max_edges = IntParam(params, "limit", options_.max_network_edges, 1, options_.max_network_edges);
  args.push_back(max_edges);
  json rows = Must(db_->Query(
      "SELECT e.source_actor AS source, MAX(e.source_name) AS source_name, MAX(e.source_country) AS "
      "source_country, e.target_actor AS target, MAX(e.target_name) AS target_name, MAX(e.target_country) AS "
      "target_country, COUNT(*) AS events, SUM(e.num_sources) AS sources, AVG(e.goldstein) AS goldstein, "
      "SUM(e.quad_class IN (1, 2)) AS cooperation, SUM(e.quad_class IN (3, 4)) AS conflict "
      "FROM events e WHERE " +
          f.where +
          " AND e.source_actor <> '' AND e.target_actor <> '' "
          "AND e.source_actor <> e.target_actor GROUP BY e.source_actor, e.target_actor "
          "ORDER BY events DESC, sources DESC, source, target LIMIT ?",
      args));
  std::map<std::string, json> nodes;
  json edges = json::array();
  for (const json& r : rows) {
    for (const char* side : {"source", "target"}) {
      std::string id = r[side].get<std::string>();
      auto [it, fresh] = nodes.try_emplace(id, json::object());
      if (fresh) {
        it->second = {{"id", id},
                      {"name", r[std::string(side) + "_name"]},
                      {"country", r[std::string(side) + "_country"]},
                      {"events", 0}};
      }
      it->second["events"] = it->second["events"].get<int64_t>() + r["events"].get<int64_t>();
    }
    edges.push_back(r);
  }
  json node_list = json::array();
  for (auto& [id, n] : nodes) node_list.push_back(std::move(n));
  return Ok({{"nodes", std::move(node_list)}, {"edges", std::move(edges)}});
}

ApiResponse Api::Timeline(const QueryParams& params) const {
  int64_t per_day = IntParam(params, "per_day", 10, 1, 100);
  EventFilter f = BuildEventFilter(params, options_, db_->HasTable("sentences_fts"));
  const int64_t cap = 5000;  // events read at most; the answer says when it was cut
  auto args = f.params;
  args.push_back(cap + 1);
  json rows = Must(db_->Query(std::string("SELECT ") + kEventColumns + " FROM events e WHERE " + f.where +
                                  " ORDER BY e.date, e.num_sources DESC, e.num_mentions DESC, "
                                  "abs(e.goldstein) DESC, e.id LIMIT ?",
                              args));
  bool truncated = static_cast<int64_t>(rows.size()) > cap;
  if (truncated) rows.erase(rows.end() - 1);
  json days = json::array();
  json ahead = json::array();
  json undated = json::array();
  for (json& r : rows) {
    json e = EventSummary(std::move(r));
    if (e["status"] == "planned") {
      ahead.push_back(std::move(e));
      continue;
    }
    const std::string date = e["date"].get<std::string>();
    if (date.empty()) {
      undated.push_back(std::move(e));
      continue;
    }
    if (days.empty() || days.back()["date"] != date) {
      days.push_back({{"date", date}, {"events", json::array()}, {"more", 0}});
    }
    json& day = days.back();
    if (static_cast<int64_t>(day["events"].size()) < per_day) {
      day["events"].push_back(std::move(e));
    } else {
      day["more"] = day["more"].get<int64_t>() + 1;
    }
  }
  return Ok({{"days", std::move(days)},
             {"ahead", std::move(ahead)},
             {"undated", std::move(undated)},
             {"truncated", truncated}});
}

ApiResponse Api::Documents(const QueryParams& params) const {
  int64_t limit = IntParam(params, "limit", options_.default_page_size, 1, options_.max_page_size);
  int64_t offset = IntParam(params, "offset", 0, 0, 10000000);
  std::string where = "1";
  std::vector<SqlParam> args;
  if (const std::string* q = Param(params, "q")) {
    if (static_cast<int>(q->size()) > options_.max_query_chars) throw BadRequest{"parameter 'q' is too long"};
    where += " AND (d.title LIKE ? ESCAPE '\\' OR d.id = ? OR d.source = ?)";
    args.push_back(LikePattern(*q));
    args.push_back(*q);
    args.push_back(*q);
  }
  json total = Must(db_->Query("SELECT COUNT(*) AS n FROM documents d WHERE " + where, args));
  args.push_back(limit);
  args.push_back(offset);
  json rows = Must(
      db_->Query("SELECT d.id, d.title, d.source, d.url, d.published, length(CAST(d.text AS BLOB)) AS bytes, "
                 "(SELECT COUNT(*) FROM mentions m WHERE m.doc = d.id) AS num_mentions "
                 "FROM documents d WHERE " +
                     where + " ORDER BY d.published, d.id LIMIT ? OFFSET ?",
                 args));
  return Ok({{"total", total[0]["n"]}, {"limit", limit}, {"offset", offset}, {"documents", std::move(rows)}});
}

ApiResponse Api::DocumentById(const std::string& id, const QueryParams& params) const {
  if (id.empty() || id.size() > 512) return {404, ErrorBody(404, "no such document")};
  json rows =
      Must(db_->Query("SELECT id, title, source, url, published, published_precision, origin, text FROM "
                      "documents WHERE id = ?",
                      {id}));
  if (rows.empty()) return {404, ErrorBody(404, "no document with id '" + id + "'")};
  json doc = rows[0];
  const std::string* focus = Param(params, "event");
  json mentions = Must(db_->Query(
      "SELECT m.event_id, m.trigger_start, m.trigger_end, m.source_start, m.source_end, m.target_start, "
      "m.target_end, s.start AS sentence_start, s.end AS sentence_end FROM mentions m "
      "LEFT JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence WHERE m.doc = ? "
      "ORDER BY m.sentence, m.trigger_start",
      {id}));
  std::vector<Span> spans;
  std::set<std::string> event_ids;
  for (const json& m : mentions) {
    std::string ev = m["event_id"].is_string() ? m["event_id"].get<std::string>() : "";
    if (!ev.empty()) event_ids.insert(ev);
    bool focused = focus != nullptr && *focus == ev;
    auto span = [&](const char* s, const char* e, const std::string& mark) {
      if (m[s].is_number() && m[e].is_number()) {
        spans.push_back({m[s].get<int64_t>(), m[e].get<int64_t>(), mark, ev});
      }
    };
    span("sentence_start", "sentence_end", focused ? "focus" : "evidence");
    span("trigger_start", "trigger_end", "trigger");
    if (focused) {
      span("source_start", "source_end", "source");
      span("target_start", "target_end", "target");
    }
  }
  // The focused event's own record names its sentences in this document even where its mention rows are
  // not linked to it (see Event()).
  if (focus != nullptr && focus->size() <= 64) {
    json r = Must(db_->Query("SELECT json FROM events WHERE id = ?", {*focus}));
    json record = r.empty() || !r[0]["json"].is_string()
                      ? json()
                      : json::parse(r[0]["json"].get<std::string>(), nullptr, false);
    if (record.is_object() && record.contains("mentions") && record["mentions"].is_array()) {
      for (const json& m : record["mentions"]) {
        if (!m.is_object() || m.value("doc", "") != id) continue;
        auto span = [&](const json& o, const char* s, const char* e, const char* mark) {
          if (o.contains(s) && o.contains(e) && o[s].is_number() && o[e].is_number()) {
            spans.push_back({o[s].get<int64_t>(), o[e].get<int64_t>(), mark, *focus});
          }
        };
        span(m, "sentence_start", "sentence_end", "focus");
        span(m, "trigger_start", "trigger_end", "trigger");
        if (m.contains("source") && m["source"].is_object()) span(m["source"], "start", "end", "source");
        if (m.contains("target") && m["target"].is_object()) span(m["target"], "start", "end", "target");
        event_ids.insert(*focus);
      }
    }
  }
  std::string text = doc["text"].is_string() ? doc["text"].get<std::string>() : "";
  doc.erase("text");
  doc["parts"] = SplitIntoParts(text, spans);
  json events = json::array();
  for (const std::string& ev : event_ids) {
    json r = Must(db_->Query(std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.id = ?", {ev}));
    if (!r.empty()) events.push_back(EventSummary(std::move(r[0])));
  }
  doc["events"] = std::move(events);
  return Ok(std::move(doc));
}

}  // namespace dateline::serve
