// WordNet noun classes for the NER tagger's features (training code; the classes are stored in the model).
//
// Reads the Debian `wordnet-base` database (index.noun and data.noun under /usr/share/wordnet) and gives
// each single-word noun lemma the lexicographer file of its first, most frequent sense: 14 noun.group,
// 15 noun.location, 18 noun.person, 6 noun.artifact … (see wninput(5WN)). Pure function: thread-safe.
#ifndef DATELINE_NER_WORDNET_CLASSES_H_
#define DATELINE_NER_WORDNET_CLASSES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace dateline {

inline constexpr char kDefaultWordNetDir[] = "/usr/share/wordnet";

struct WordNetNounClasses {
  std::vector<std::string> lemmas;  // sorted, lowercase, no multi-word lemmas
  std::vector<uint8_t> classes;     // lexicographer file number of each lemma's first sense (3-28)
};

// Reads `dir`/index.noun and `dir`/data.noun. Fails with NotFound when a file is missing and Corruption
// on lines that do not parse.
StatusOr<WordNetNounClasses> ReadWordNetNounClasses(const std::string& dir = kDefaultWordNetDir);

}  // namespace dateline

#endif  // DATELINE_NER_WORDNET_CLASSES_H_
