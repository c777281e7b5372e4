// EventLexicon: the data the event stage runs on — the CAMEO codebook, the CAMEO → PLOVER table, the
// trigger lexicon with its word classes, and the status cues (formats in doc/formats/events.md).
//
// Loaded once, then read-only: every const method is thread-safe. Heavy (hash tables over every
// inflected trigger form), so not copyable; share it by pointer.
#ifndef DATELINE_EVENTS_LEXICON_H_
#define DATELINE_EVENTS_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace dateline {

// One CAMEO code with its coding (cameo.tsv joined with plover.tsv).
struct CameoCode {
  std::string code;       // "042"
  std::string name;       // "Make a visit"
  int quad_class = 0;     // 1..4
  double goldstein = 0;   // -10..10
  std::string type;       // PLOVER type, "" for codes PLOVER does not cover (01x statements)
  std::string mode;       // default PLOVER mode, or ""
};

// One trigger entry of triggers.tsv.
struct TriggerEntry {
  std::vector<std::string> words;  // pattern lemmas in text order
  int head = 0;                    // index of the head word in `words`
  bool noun = false;               // pos N (else V)
  std::string cameo;
  std::string mode;                // "" = from the codebook
  std::vector<std::string> roles;  // target search order: "obj", "with", "to", …, "recv", "none"
  std::string cond_class;          // word class that must (or must not) be near, or ""
  bool cond_negated = false;
  int line = 0;                    // line in triggers.tsv (earlier wins)
};

enum class CueStatus : uint8_t { kPlanned, kHypothetical, kDenied, kAttributed };
enum class CueScope : uint8_t { kNear, kLeft, kGovern, kRight, kNext, kStart };

struct Cue {
  std::vector<std::string> words;  // lower-case tokens
  CueStatus status = CueStatus::kPlanned;
  CueScope scope = CueScope::kLeft;
};

struct EventLexiconOptions {
  std::string dir;  // directory holding cameo.tsv, plover.tsv, triggers.tsv, cues.tsv, irregular.tsv;
                    // "" = DataPath("events")
};

class EventLexicon {
 public:
  // Reads the five tables. Fails with NotFound when a file is missing and Corruption (naming file and
  // line) on a malformed line or a trigger whose CAMEO code is not in the codebook.
  static StatusOr<std::unique_ptr<EventLexicon>> Load(const EventLexiconOptions& options = {});

  EventLexicon(const EventLexicon&) = delete;  // large hash tables: share by pointer
  EventLexicon& operator=(const EventLexicon&) = delete;

  // The codebook entry for a CAMEO code, or nullptr.
  const CameoCode* Code(std::string_view code) const;
  size_t num_codes() const { return codes_.size(); }

  // Trigger entries whose head word has `form` (a lower-case word form or lemma) among its forms.
  // Returns nullptr when none.
  const std::vector<int>* EntriesForHead(std::string_view form) const;
  const TriggerEntry& entry(int i) const { return entries_[i]; }
  size_t num_entries() const { return entries_.size(); }

  // True when `form` is a form of `lemma` (the lemma itself, a generated inflection or an irregular form).
  bool IsFormOf(std::string_view form, std::string_view lemma) const;
  // True when the lower-case form belongs to word class `cls` (without the '@').
  bool InClass(std::string_view cls, std::string_view form) const;

  const std::vector<Cue>& cues() const { return cues_; }

 private:
  EventLexicon() = default;
  Status LoadCodebook(const std::string& cameo_path, const std::string& plover_path);
  Status LoadIrregular(const std::string& path);
  Status LoadTriggers(const std::string& path);
  Status LoadCues(const std::string& path);
  // All forms of a word: itself, regular inflections, irregular forms.
  std::vector<std::string> Forms(const std::string& lemma) const;

  std::unordered_map<std::string, CameoCode> codes_;
  std::vector<TriggerEntry> entries_;
  std::unordered_map<std::string, std::vector<int>> by_head_form_;
  std::unordered_map<std::string, std::unordered_set<std::string>> form_to_lemmas_;
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
  std::unordered_map<std::string, std::unordered_set<std::string>> classes_;  // class → forms
  std::vector<Cue> cues_;
};

// Lower-cases ASCII letters and maps typographic apostrophes (’ ‘) to '.
std::string LowerForm(std::string_view s);

}  // namespace dateline

#endif  // DATELINE_EVENTS_LEXICON_H_
