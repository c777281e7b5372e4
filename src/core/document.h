// Document → Sentence → Token, and the annotation layers every stage adds to them.
//
// A Document is one article: its metadata, its original text (UTF-8, never modified after ingest) and
// the layers the pipeline fills in, in order: sentences/tokens (text), tags and dependencies (tag,
// parse), named entities (ner), time expressions (timex), actor mentions (actors) and event mentions
// (events). Every span is a pair of byte offsets [start, end) into Document::text, so any annotation can
// be traced back to the exact bytes of the source. Plain data; thread-compatible: one thread annotates a
// document at a time, many documents can be annotated in parallel.
#ifndef DATELINE_CORE_DOCUMENT_H_
#define DATELINE_CORE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"

namespace dateline {

struct Token {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  std::string text;    // the original bytes [start, end)
  std::string norm;    // normalised for matching (straight quotes and dashes, NFKC); same as text when clean
  // Filled by tag/ and parse/:
  std::string upos, xpos, lemma;
  int head = -1;       // index of the head token in the sentence; -1 for the root (or not parsed)
  std::string deprel;  // Universal Dependencies relation ("root" for the root)
  // Filled by ner/: BILOU tag such as "B-PER", "L-PER", "U-LOC" or "O".
  std::string ner;
};

struct Sentence {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  int index = 0;       // position in the document, from 0
  bool headline = false;  // a title-like line without final punctuation
  std::vector<Token> tokens;
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
const char* TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// A TIMEX3 time expression, normalised as TimeML does.
struct TimeExpression {
  uint32_t start = 0, end = 0;   // byte offsets into Document::text
  int sentence = -1;             // sentence index, -1 when not segmented
  TimexType type = TimexType::kDate;
  std::string value;             // TIMEX3 value: "2022-02-03", "2022-W05", "P5D", "PRESENT_REF", "XXXX-WXX-1" …
  std::string mod;               // TIMEX3 mod: "START", "MID", "END", "APPROX" … or ""
  std::string anchor;            // what a relative value was resolved against: "dct", "previous", "" (absolute)
  Date date;                     // calendar reading of a DATE/TIME value (day/month/year), unknown otherwise
};

// A resolved actor: who, in CAMEO and ISO terms.
struct Actor {
  std::string id;       // stable id: "person:emmanuel-macron", "country:FRA", "org:NATO", "text:<name>"
  std::string name;     // canonical display name
  std::string country;  // ISO 3166-1 alpha-3, or "" (e.g. for NATO)
  std::string code;     // CAMEO actor code: "FRAGOV", "USAMIL", "IGOWSTNAT", "RUS"
  std::string role;     // CAMEO sector/role: "GOV", "MIL", "IGO", … or ""
  bool empty() const { return id.empty() && country.empty() && code.empty(); }
};

// One mention of an actor in the text.
struct ActorMention {
  uint32_t start = 0, end = 0;   // byte offsets into Document::text
  int sentence = -1;
  int token_begin = -1, token_end = -1;  // token span [begin, end) in the sentence
  Actor actor;
  std::string how;               // "kb", "title", "metonym", "demonym", "coref", "compound", …
};

enum class EventStatus : uint8_t { kHappened, kPlanned, kHypothetical, kDenied };
const char* EventStatusName(EventStatus s);  // "happened", "planned", "hypothetical", "denied"

// A participant of an event mention: the actor and where it is named.
struct Participant {
  Actor actor;
  uint32_t start = 0, end = 0;   // byte offsets of the words naming it; 0,0 when implicit
  bool present() const { return !actor.empty(); }
};

// One event as one sentence of one document reports it (before merging across reports).
struct EventMention {
  std::string doc;               // Document::id
  int sentence = -1;
  uint32_t trigger_start = 0, trigger_end = 0;
  std::string trigger;           // trigger words as written
  Participant source, target;
  std::string location;          // place named for the event (country code or place name), or ""
  std::string instrument;        // instrument / amount where stated ("80 tons of ammunition"), or ""
  // Coding.
  std::string cameo;             // CAMEO event code, e.g. "042"
  int quad_class = 0;            // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  std::string type;              // PLOVER event type, e.g. "CONSULT"
  std::string mode;              // PLOVER mode, e.g. "phone", or ""
  // When.
  Date date;
  std::string date_basis;        // "text" (from a time expression) or "publication"
  std::string date_text;         // the time expression used, or ""
  // How the report qualifies it.
  EventStatus status = EventStatus::kHappened;
  bool negated = false;
  std::string modality;          // cue that set a non-happened status ("will", "if", "denied", …) or ""
  std::string attribution;       // who says so ("the Kremlin", "White House"), or ""
  double confidence = 1.0;
};

struct Document {
  std::string id;        // file name without extension, or the JSONL "id"
  std::string source;    // outlet or host, "" when unknown
  std::string url;
  std::string title;
  std::string origin;    // where it was read: "path" or "path:line"
  Date published;        // document creation time; precision kUnknown when not given
  std::string text;      // original article text, UTF-8 (repaired at ingest if it was invalid)
  std::vector<std::string> warnings;  // problems found and repaired while reading

  std::vector<Sentence> sentences;
  std::vector<TimeExpression> timexes;
  std::vector<ActorMention> actors;
  std::vector<EventMention> events;
};

}  // namespace dateline

#endif  // DATELINE_CORE_DOCUMENT_H_
