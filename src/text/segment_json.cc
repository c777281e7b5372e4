#include "text/segment_json.h"

#include <string_view>

#include "core/json.h"

namespace dateline {

void AppendSentenceJson(const Document& doc, const Sentence& s, std::string* out) {
  out->append("{\"doc\":");
  AppendJsonString(out, doc.id);
  out->append(",\"index\":").append(std::to_string(s.index));
  out->append(",\"start\":").append(std::to_string(s.start));
  out->append(",\"end\":").append(std::to_string(s.end));
  if (s.headline) out->append(",\"headline\":true");
  out->append(",\"text\":");
  AppendJsonString(out, std::string_view(doc.text).substr(s.start, s.end - s.start));
  out->append(",\"tokens\":[");
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    if (i) out->push_back(',');
    out->append("{\"start\":").append(std::to_string(t.start));
    out->append(",\"end\":").append(std::to_string(t.end));
    out->append(",\"text\":");
    AppendJsonString(out, t.text);
    out->push_back('}');
  }
  out->append("]}\n");
}

std::string SegmentationJson(const Document& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) AppendSentenceJson(doc, s, &out);
  return out;
}

}  // namespace dateline
