#include "merge/event_json.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/json.h"
#include "merge/merge.h"

namespace dateline {
namespace {

using nlohmann::json;

void AppendNumber(std::string* out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  out->append(buf);
}

void AppendKey(std::string* out, const char* key) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendField(std::string* out, const char* key, std::string_view value, bool comma = true) {
  if (comma) out->push_back(',');
  AppendKey(out, key);
  AppendJsonString(out, value);
}

void AppendInt(std::string* out, const char* key, long long value) {
  out->push_back(',');
  AppendKey(out, key);
  out->append(std::to_string(value));
}

void AppendDouble(std::string* out, const char* key, double value) {
  out->push_back(',');
  AppendKey(out, key);
  AppendNumber(out, value);
}

void AppendDate(std::string* out, const char* key, const Date& d) {
  out->push_back(',');
  AppendKey(out, key);
  if (d.known()) {
    AppendJsonString(out, d.ToString());
  } else {
    out->append("null");
  }
}

void AppendActor(std::string* out, const char* key, const Actor& a, uint32_t start, uint32_t end,
                 bool with_offsets) {
  out->push_back(',');
  AppendKey(out, key);
  if (a.empty()) {
    out->append("null");
    return;
  }
  out->push_back('{');
  AppendField(out, "name", a.name, false);
  AppendField(out, "country", a.country);
  AppendField(out, "code", a.code);
  AppendField(out, "id", a.id);
  if (!a.role.empty()) AppendField(out, "role", a.role);
  if (with_offsets) {
    AppendInt(out, "start", start);
    AppendInt(out, "end", end);
  }
  out->push_back('}');
}

// Typed getters that never throw: a missing or mistyped field gives the default.
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
long long Int(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<long long>() : 0;
}
double Num(const json& j, const char* key, double def = 0.0) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : def;
}
bool Bool(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

Date ParseDate(const json& j, const char* key) {
  const std::string s = Str(j, key);
  if (s.empty()) return Date{};
  auto d = ParseIsoDate(s);
  return d.ok() ? *d : Date{};
}

Participant ParseParticipant(const json& j, const char* key) {
  Participant p;
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return p;
  p.actor.name = Str(*it, "name");
  p.actor.country = Str(*it, "country");
  p.actor.code = Str(*it, "code");
  p.actor.id = Str(*it, "id");
  p.actor.role = Str(*it, "role");
  if (p.actor.country == "-") p.actor.country.clear();
  p.start = static_cast<uint32_t>(Int(*it, "start"));
  p.end = static_cast<uint32_t>(Int(*it, "end"));
  return p;
}

MentionRecord ParseMention(const json& j) {
  MentionRecord r;
  EventMention& m = r.mention;
  m.doc = Str(j, "doc");
  r.outlet = Str(j, "source_name");
  r.published = ParseDate(j, "published");
  r.url = Str(j, "url");
  m.sentence = static_cast<int>(j.contains("sentence") && j["sentence"].is_number() ? Int(j, "sentence") : -1);
  r.sentence_start = static_cast<uint32_t>(Int(j, "sentence_start"));
  r.sentence_end = static_cast<uint32_t>(Int(j, "sentence_end"));
  r.sentence_text = Str(j, "text");
  m.trigger = Str(j, "trigger");
  m.trigger_start = static_cast<uint32_t>(Int(j, "trigger_start"));
  m.trigger_end = static_cast<uint32_t>(Int(j, "trigger_end"));
  m.source = ParseParticipant(j, "source");
  m.target = ParseParticipant(j, "target");
  m.location = Str(j, "location");
  m.instrument = Str(j, "instrument");
  m.cameo = Str(j, "cameo");
  m.quad_class = static_cast<int>(Int(j, "quad_class"));
  m.goldstein = Num(j, "goldstein");
  m.type = Str(j, "type");
  m.mode = Str(j, "mode");
  m.date = ParseDate(j, "date");
  m.date_basis = Str(j, "date_basis");
  m.date_text = Str(j, "date_text");
  if (!ParseEventStatus(Str(j, "status"), &m.status)) m.status = EventStatus::kHappened;
  m.negated = Bool(j, "negated");
  m.modality = Str(j, "modality");
  m.attribution = Str(j, "attribution");
  m.confidence = Num(j, "confidence", 1.0);
  return r;
}

}  // namespace

void AppendMentionJson(const MentionRecord& r, std::string* out) {
  const EventMention& m = r.mention;
  out->push_back('{');
  AppendField(out, "doc", m.doc, false);
  AppendField(out, "source_name", r.outlet);
  AppendDate(out, "published", r.published);
  if (!r.url.empty()) AppendField(out, "url", r.url);
  AppendInt(out, "sentence", m.sentence);
  AppendInt(out, "sentence_start", r.sentence_start);
  AppendInt(out, "sentence_end", r.sentence_end);
  AppendField(out, "text", r.sentence_text);
  AppendField(out, "trigger", m.trigger);
  AppendInt(out, "trigger_start", m.trigger_start);
  AppendInt(out, "trigger_end", m.trigger_end);
  AppendActor(out, "source", m.source.actor, m.source.start, m.source.end, true);
  AppendActor(out, "target", m.target.actor, m.target.start, m.target.end, true);
  AppendField(out, "location", m.location);
  AppendField(out, "instrument", m.instrument);
  AppendField(out, "cameo", m.cameo);
  AppendInt(out, "quad_class", m.quad_class);
  AppendDouble(out, "goldstein", m.goldstein);
  AppendField(out, "type", m.type);
  AppendField(out, "mode", m.mode);
  AppendDate(out, "date", m.date);
  AppendField(out, "date_precision", DatePrecisionName(m.date.precision));
  AppendField(out, "date_basis", m.date_basis);
  AppendField(out, "date_text", m.date_text);
  AppendField(out, "status", EventStatusName(m.status));
  out->append(",\"negated\":");
  out->append(m.negated ? "true" : "false");
  AppendField(out, "modality", m.modality);
  AppendField(out, "attribution", m.attribution);
  AppendDouble(out, "confidence", m.confidence);
  out->push_back('}');
}

void AppendEventJson(const Event& e, std::string* out) {
  out->push_back('{');
  AppendField(out, "id", e.id, false);
  AppendDate(out, "date", e.date);
  AppendField(out, "date_precision", DatePrecisionName(e.date.precision));
  AppendField(out, "date_basis", e.date_basis);
  AppendField(out, "status", EventStatusName(e.status));
  AppendField(out, "type", e.type);
  AppendField(out, "mode", e.mode);
  AppendField(out, "cameo", e.cameo);
  AppendInt(out, "quad_class", e.quad_class);
  AppendDouble(out, "goldstein", e.goldstein);
  AppendActor(out, "source", e.source, 0, 0, false);
  AppendActor(out, "target", e.target, 0, 0, false);
  AppendField(out, "location", e.location);
  AppendInt(out, "num_mentions", e.num_mentions);
  AppendInt(out, "num_sources", e.num_sources);
  AppendInt(out, "num_articles", e.num_articles);
  AppendDouble(out, "confidence", e.confidence);
  out->append(",\"conflicts\":[");
  for (size_t i = 0; i < e.conflicts.size(); ++i) {
    const Conflict& c = e.conflicts[i];
    if (i) out->push_back(',');
    out->push_back('{');
    AppendField(out, "field", c.field, false);
    AppendField(out, "chosen", c.chosen);
    out->append(",\"values\":[");
    for (size_t v = 0; v < c.values.size(); ++v) {
      if (v) out->push_back(',');
      out->push_back('{');
      AppendField(out, "value", c.values[v].value, false);
      out->append(",\"docs\":[");
      for (size_t d = 0; d < c.values[v].docs.size(); ++d) {
        if (d) out->push_back(',');
        AppendJsonString(out, c.values[v].docs[d]);
      }
      out->append("]}");
    }
    out->append("]}");
  }
  out->append("],\"links\":[");
  for (size_t i = 0; i < e.links.size(); ++i) {
    if (i) out->push_back(',');
    out->push_back('{');
    AppendField(out, "kind", e.links[i].kind, false);
    AppendField(out, "event", e.links[i].event_id);
    out->push_back('}');
  }
  out->append("],\"mentions\":[");
  for (size_t i = 0; i < e.mentions.size(); ++i) {
    if (i) out->push_back(',');
    AppendMentionJson(e.mentions[i], out);
  }
  out->append("]}");
}

std::string EventToJson(const Event& e) {
  std::string out;
  AppendEventJson(e, &out);
  return out;
}

Status ParseMentionsJson(std::string_view line, std::vector<MentionRecord>* out) {
  if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::OK();
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("not a JSON object");
  // An events.jsonl line carries its mentions; an extract line may carry a "mentions" stub too (so that the
  // event scorer can read it), but it has a trigger of its own.
  auto ms = j.find("mentions");
  if (ms != j.end() && (j.contains("num_mentions") || !j.contains("trigger"))) {
    if (!ms->is_array()) return Status::InvalidArgument("\"mentions\" is not an array");
    for (const json& m : *ms) {
      if (m.is_object()) out->push_back(ParseMention(m));
    }
    return Status::OK();
  }
  if (!j.contains("doc") || !j.contains("type")) {
    return Status::InvalidArgument("neither an event mention (doc, type) nor an event (mentions)");
  }
  out->push_back(ParseMention(j));
  return Status::OK();
}

StatusOr<Event> ParseEventJson(std::string_view line) {
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("not a JSON object");
  Event e;
  e.id = Str(j, "id");
  e.date = ParseDate(j, "date");
  e.date_basis = Str(j, "date_basis");
  if (!ParseEventStatus(Str(j, "status"), &e.status)) e.status = EventStatus::kHappened;
  e.type = Str(j, "type");
  e.mode = Str(j, "mode");
  e.cameo = Str(j, "cameo");
  e.quad_class = static_cast<int>(Int(j, "quad_class"));
  e.goldstein = Num(j, "goldstein");
  e.source = ParseParticipant(j, "source").actor;
  e.target = ParseParticipant(j, "target").actor;
  e.location = Str(j, "location");
  e.num_mentions = static_cast<int>(Int(j, "num_mentions"));
  e.num_sources = static_cast<int>(Int(j, "num_sources"));
  e.num_articles = static_cast<int>(Int(j, "num_articles"));
  e.confidence = Num(j, "confidence");
  if (auto c = j.find("conflicts"); c != j.end() && c->is_array()) {
    for (const json& cj : *c) {
      if (!cj.is_object()) continue;
      Conflict conflict{Str(cj, "field"), Str(cj, "chosen"), {}};
      if (auto v = cj.find("values"); v != cj.end() && v->is_array()) {
        for (const json& vj : *v) {
          if (!vj.is_object()) continue;
          SupportedValue sv{Str(vj, "value"), {}};
          if (auto d = vj.find("docs"); d != vj.end() && d->is_array()) {
            for (const json& dj : *d) {
              if (dj.is_string()) sv.docs.push_back(dj.get<std::string>());
            }
          }
          conflict.values.push_back(std::move(sv));
        }
      }
      e.conflicts.push_back(std::move(conflict));
    }
  }
  if (auto l = j.find("links"); l != j.end() && l->is_array()) {
    for (const json& lj : *l) {
      if (lj.is_object()) e.links.push_back({Str(lj, "kind"), Str(lj, "event")});
    }
  }
  if (auto ms = j.find("mentions"); ms != j.end() && ms->is_array()) {
    for (const json& m : *ms) {
      if (m.is_object()) e.mentions.push_back(ParseMention(m));
    }
  }
  return e;
}

Status ReadMentionsFile(const std::string& path, std::vector<MentionRecord>* out,
                        std::vector<std::string>* errors) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot open " + path);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    Status s = ParseMentionsJson(line, out);
    if (!s.ok() && errors) errors->push_back(path + ":" + std::to_string(n) + ": " + s.message());
  }
  return Status::OK();
}

StatusOr<std::vector<Event>> ReadEventsFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot open " + path);
  std::vector<Event> events;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    auto e = ParseEventJson(line);
    if (!e.ok()) return Status::InvalidArgument(path + ":" + std::to_string(n) + ": " + e.status().message());
    events.push_back(std::move(e).value());
  }
  return events;
}

}  // namespace dateline
