// OptionalTable: a process-wide, read-only data table that the outputs can do without (geography for the
// GDELT geo columns, the tone lexicon for AvgTone). A table that fails to load is reported once on stderr
// and replaced by an empty one, so the run goes on with those columns empty. The returned object lives for
// the whole process and is immutable, hence thread-safe to read.
#ifndef DATELINE_STORE_OPTIONAL_TABLE_H_
#define DATELINE_STORE_OPTIONAL_TABLE_H_

#include <cstdio>
#include <utility>

#include "core/status.h"

namespace dateline {

// The loaded table, or an empty T after printing "dateline: <consequence>: <error>" on stderr.
template <typename T>
const T* LoadedOrEmpty(StatusOr<T> loaded, const char* consequence) {
  if (!loaded.ok()) {
    std::fprintf(stderr, "dateline: %s: %s\n", consequence, loaded.status().ToString().c_str());
    return new T();
  }
  return new T(std::move(loaded).value());
}

}  // namespace dateline

#endif  // DATELINE_STORE_OPTIONAL_TABLE_H_
