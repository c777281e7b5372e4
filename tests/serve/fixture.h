// A small Dateline database for the serve tests, written with the schema of doc/formats/sqlite.md.
//
// Three invented articles about one invented week: a ministers' meeting reported with two different
// dates (a date conflict), a summit announced for the following month (planned), street clashes, and a
// claim with its denial (linked events). One article contains non-ASCII text so byte offsets matter.
#ifndef DATELINE_TESTS_SERVE_FIXTURE_H_
#define DATELINE_TESTS_SERVE_FIXTURE_H_

#include <string>

#include "core/status.h"

namespace dateline::serve::testing {

// Creates (overwriting) a fixture database at `path`. Fails with IOError.
Status WriteFixtureDatabase(const std::string& path);

// Ids used by the fixture, for assertions.
inline constexpr const char* kMeetingEvent = "ev-00000000000000a1";  // CAN → JPN, date conflict, 2 sources
inline constexpr const char* kSummitEvent = "ev-00000000000000b2";   // planned, month precision
inline constexpr const char* kClashEvent = "ev-00000000000000c3";    // material conflict (quad 4)
inline constexpr const char* kClaimEvent = "ev-00000000000000d4";    // accusation, denied_by kDenialEvent
inline constexpr const char* kDenialEvent = "ev-00000000000000e5";   // denial
inline constexpr int kFixtureEvents = 5;
inline constexpr int kFixtureDocuments = 3;

}  // namespace dateline::serve::testing

#endif  // DATELINE_TESTS_SERVE_FIXTURE_H_
