#include "actors/mention_json.h"

#include <string_view>

#include "core/json.h"

namespace dateline {

void AppendActorMentionJson(const Document& doc, const ActorMention& m, std::string* out) {
  out->append("{\"doc\":");
  AppendJsonString(out, doc.id);
  out->append(",\"start\":").append(std::to_string(m.start));
  out->append(",\"end\":").append(std::to_string(m.end));
  out->append(",\"text\":");
  AppendJsonString(out, std::string_view(doc.text).substr(m.start, m.end - m.start));
  out->append(",\"actor\":{\"id\":");
  AppendJsonString(out, m.actor.id);
  out->append(",\"name\":");
  AppendJsonString(out, m.actor.name);
  out->append(",\"country\":");
  AppendJsonString(out, m.actor.country);
  out->append(",\"code\":");
  AppendJsonString(out, m.actor.code);
  out->append(",\"role\":");
  AppendJsonString(out, m.actor.role);
  out->append("},\"how\":");
  AppendJsonString(out, m.how);
  out->append("}\n");
}

}  // namespace dateline
