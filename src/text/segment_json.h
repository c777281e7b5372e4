// The JSON Lines form of segmentation written by `dateline segment` (doc/formats/segment.md):
//   {"doc","index","start","end",["headline":true,]"text","tokens":[{"start","end","text"},…]}
// Stateless; thread-safe.
#ifndef DATELINE_TEXT_SEGMENT_JSON_H_
#define DATELINE_TEXT_SEGMENT_JSON_H_

#include <string>

#include "core/document.h"

namespace dateline {

// Appends one line (with its '\n') for sentence s of doc; offsets are bytes of doc.text.
void AppendSentenceJson(const Document& doc, const Sentence& s, std::string* out);

// All sentences of doc, one line each.
std::string SegmentationJson(const Document& doc);

}  // namespace dateline

#endif  // DATELINE_TEXT_SEGMENT_JSON_H_
