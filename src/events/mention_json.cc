#include "events/mention_json.h"

#include <cstdio>

#include "core/json.h"

namespace dateline {
namespace {

void AppendActor(const Participant& p, std::string* out) {
  if (!p.present()) {
    out->append("null");
    return;
  }
  out->append("{\"name\":");
  AppendJsonString(out, p.actor.name);
  out->append(",\"country\":");
  AppendJsonString(out, p.actor.country);
  out->append(",\"code\":");
  AppendJsonString(out, p.actor.code);
  out->append(",\"id\":");
  AppendJsonString(out, p.actor.id);
  out->append(",\"start\":" + std::to_string(p.start) + ",\"end\":" + std::to_string(p.end) + "}");
}

void Key(const char* k, std::string* out) {
  out->push_back(',');
  out->push_back('"');
  out->append(k);
  out->append("\":");
}

}  // namespace

void AppendMentionJson(const Document& doc, const EventMention& m, const EventLexicon* lexicon, std::string* out) {
  out->append("{\"doc\":");
  AppendJsonString(out, doc.id);
  Key("source_name", out);
  AppendJsonString(out, doc.source);
  Key("published", out);
  if (doc.published.known()) AppendJsonString(out, doc.published.ToString());
  else out->append("null");
  Key("sentence", out);
  out->append(std::to_string(m.sentence));
  uint32_t sb = 0, se = 0;
  if (m.sentence >= 0 && m.sentence < static_cast<int>(doc.sentences.size())) {
    sb = doc.sentences[m.sentence].start;
    se = doc.sentences[m.sentence].end;
  }
  Key("sentence_start", out);
  out->append(std::to_string(sb));
  Key("sentence_end", out);
  out->append(std::to_string(se));
  Key("text", out);
  AppendJsonString(out, se > sb && se <= doc.text.size() ? std::string_view(doc.text).substr(sb, se - sb)
                                                         : std::string_view());
  Key("trigger", out);
  AppendJsonString(out, m.trigger);
  Key("trigger_start", out);
  out->append(std::to_string(m.trigger_start));
  Key("trigger_end", out);
  out->append(std::to_string(m.trigger_end));
  Key("source", out);
  AppendActor(m.source, out);
  Key("target", out);
  AppendActor(m.target, out);
  Key("location", out);
  AppendJsonString(out, m.location);
  Key("instrument", out);
  AppendJsonString(out, m.instrument);
  Key("cameo", out);
  AppendJsonString(out, m.cameo);
  Key("cameo_name", out);
  const CameoCode* c = lexicon ? lexicon->Code(m.cameo) : nullptr;
  AppendJsonString(out, c ? c->name : "");
  Key("quad_class", out);
  out->append(std::to_string(m.quad_class));
  Key("goldstein", out);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", m.goldstein);
  out->append(buf);
  Key("type", out);
  AppendJsonString(out, m.type);
  Key("mode", out);
  AppendJsonString(out, m.mode);
  Key("date", out);
  if (m.date.known()) AppendJsonString(out, m.date.ToString());
  else out->append("null");
  Key("date_precision", out);
  AppendJsonString(out, DatePrecisionName(m.date.precision));
  Key("date_basis", out);
  AppendJsonString(out, m.date_basis);
  Key("date_text", out);
  AppendJsonString(out, m.date_text);
  Key("status", out);
  AppendJsonString(out, EventStatusName(m.status));
  Key("negated", out);
  out->append(m.negated ? "true" : "false");
  Key("modality", out);
  AppendJsonString(out, m.modality);
  Key("attribution", out);
  AppendJsonString(out, m.attribution);
  // One mention per line, shaped like a merged event's evidence so that event scorers read it directly.
  Key("mentions", out);
  out->append("[{\"doc\":");
  AppendJsonString(out, doc.id);
  out->append(",\"sentence\":" + std::to_string(m.sentence) + "}]");
  Key("confidence", out);
  std::snprintf(buf, sizeof buf, "%.2f", m.confidence);
  out->append(buf);
  out->push_back('}');
}

}  // namespace dateline
