// The "actors" stage: finds who acts in an article and resolves each mention to an Actor (ISO country,
// CAMEO code and role, and the person where known), valid at the article's publication date.
//
// It reads Document::sentences/tokens (and Token::ner when a named-entity tagger ran; capitalisation
// otherwise) and fills Document::actors, sorted by position. Mentions come from the knowledge base
// (countries, demonyms, capitals and seats of power, organisations, people in office), from titles and
// appositions in the text ("Ukrainian Defence Minister Oleksii Reznikov", "X, the German chancellor"),
// and from within-document coreference (surnames, "the French leader", "his French counterpart").
// Possessives, hyphenated pairs ("Macron-Putin talks") and compound actors ("Russian and Chinese
// diplomats") give one mention per actor with exact byte offsets. A document without sentences is first
// split by the built-in SimpleSegment(). The annotator is immutable after construction: Annotate() is
// const and thread-safe.
#ifndef DATELINE_ACTORS_ACTOR_ANNOTATOR_H_
#define DATELINE_ACTORS_ACTOR_ANNOTATOR_H_

#include <memory>

#include "actors/knowledge_base.h"
#include "core/annotator.h"
#include "core/document.h"
#include "core/status.h"

namespace dateline {

struct ActorOptions {
  KbOptions kb;
  // Emit mentions of bare places (capitals, countries) that act as locations too ("in Kyiv"); the
  // events stage tells agents from locations. false keeps only mentions that can be agents.
  bool emit_places = true;
};

class ActorAnnotator : public Annotator {
 public:
  // Uses a loaded knowledge base (shared, must outlive nothing: the annotator keeps it alive).
  ActorAnnotator(std::shared_ptr<const KnowledgeBase> kb, ActorOptions options = {});
  const char* name() const override { return "actors"; }
  // Replaces doc->actors. Never fails on content; InvalidArgument for texts of 4 GiB or more.
  Status Annotate(Document* doc) const override;
  const KnowledgeBase& kb() const { return *kb_; }

 private:
  std::shared_ptr<const KnowledgeBase> kb_;
  ActorOptions options_;
};

// Loads the knowledge base (KnowledgeBase::Load) and wraps it as the pipeline's "actors" stage.
StatusOr<std::unique_ptr<Annotator>> MakeActorAnnotator(const ActorOptions& options = {});

}  // namespace dateline

#endif  // DATELINE_ACTORS_ACTOR_ANNOTATOR_H_
