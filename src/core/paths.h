// Where Dateline finds its data files (lexicons, knowledge base, models).
// Order: $DATELINE_DATA, then <executable dir>/../data and <executable dir>/../../data, then the source
// tree the binary was built from. Thread-safe (computed once).
#ifndef DATELINE_CORE_PATHS_H_
#define DATELINE_CORE_PATHS_H_

#include <string>

namespace dateline {

// The data directory, without a trailing slash. Never empty (falls back to the build's source tree).
const std::string& DataDir();
// DataDir() + "/" + relative.
std::string DataPath(const std::string& relative);

// A short hex digest of the Dateline version and the content of every file under DataDir() (models,
// lexicons, knowledge base): two runs with the same fingerprint annotate a document the same way.
// Computed once per process (reads the data files: tens of milliseconds).
const std::string& DataFingerprint();

}  // namespace dateline

#endif  // DATELINE_CORE_PATHS_H_
