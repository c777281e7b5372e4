#include "pipeline/pipeline.h"

#include <ctime>

// Each stage's factory. A stage adds its include and its block in Load() below, in pipeline order.
// [stage includes]
#include "text/segmenter.h"
#include "tag/tagger.h"
#include "parse/parser.h"
#include "ner/ner_tagger.h"
#include "timex/timex_annotator.h"
#include "actors/actor_annotator.h"
#include "events/event_annotator.h"
#include "pipeline/parse_filter.h"

namespace dateline {

void StageTimings::Add(const std::string& stage, double s) {
  for (auto& [name, secs] : seconds) {
    if (name == stage) {
      secs += s;
      return;
    }
  }
  seconds.emplace_back(stage, s);
}

void StageTimings::Merge(const StageTimings& other) {
  for (const auto& [name, secs] : other.seconds) Add(name, secs);
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Load(const PipelineOptions& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  static const char* kOrder[] = {"segment", "tag", "parse", "ner", "timex", "actors", "events"};
  bool known = false;
  for (const char* s : kOrder) known |= options.until == s;
  if (!known) return Status::InvalidArgument("unknown pipeline stage '" + options.until + "'");
  auto wants = [&](const char* stage) {
    for (const char* s : kOrder) {
      if (std::string(s) == stage) return true;
      if (options.until == s) return false;
    }
    return false;
  };
  (void)wants;
  // The events stage is loaded first: its trigger lexicon decides which sentences the parse stage parses.
  std::unique_ptr<EventAnnotator> events;
  if (wants("events")) { ASSIGN_OR_RETURN(events, EventAnnotator::Load()); }
  ParseAnnotatorOptions parse_options;
  if (events && !options.parse_all) {
    const EventLexicon* lexicon = &events->lexicon();  // owned by the events stage, which outlives parse's use
    parse_options.only_if = [lexicon](const Sentence& s) { return HasTriggerCandidate(*lexicon, s); };
  }
  // [stage blocks] Each block: if (wants("name")) { ASSIGN_OR_RETURN(auto a, MakeXxx()); p->stages_.push_back(std::move(a)); }
  if (wants("segment")) { ASSIGN_OR_RETURN(auto a, MakeSegmenter()); p->stages_.push_back(std::move(a)); }
  if (wants("tag")) { ASSIGN_OR_RETURN(auto a, MakeTagAnnotator()); p->stages_.push_back(std::move(a)); }
  if (wants("parse")) { ASSIGN_OR_RETURN(auto a, MakeParseAnnotator(parse_options)); p->stages_.push_back(std::move(a)); }
  if (wants("ner")) { ASSIGN_OR_RETURN(auto a, MakeNerAnnotator()); p->stages_.push_back(std::move(a)); }
  if (wants("timex")) { ASSIGN_OR_RETURN(auto a, MakeTimexAnnotator()); p->stages_.push_back(std::move(a)); }
  if (wants("actors")) { ASSIGN_OR_RETURN(auto a, MakeActorAnnotator()); p->stages_.push_back(std::move(a)); }
  if (wants("events")) { p->stages_.push_back(std::move(events)); }
  return p;
}

namespace {

// CPU time of the calling thread in seconds (what a stage costs, whatever else runs on the machine).
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

Status Pipeline::Process(Document* doc, StageTimings* timings) const {
  for (const auto& stage : stages_) {
    const double t0 = timings ? ThreadCpuSeconds() : 0.0;
    Status s = stage->Annotate(doc);
    if (timings) timings->Add(stage->name(), ThreadCpuSeconds() - t0);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const auto& s : stages_) names.push_back(s->name());
  return names;
}

}  // namespace dateline
