// Low-level pieces of the readers, exposed for tests and fuzzers: the seed date header, Reuters-21578
// SGML (dates, entity references, <REUTERS> records) and RFC 4180 CSV. Stateless functions; thread-safe.
#ifndef DATELINE_INGEST_FORMATS_H_
#define DATELINE_INGEST_FORMATS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dateline {

// The seed header: optional spaces, "date", spaces, a date token ("2022-02-04" or "2022-02"), spaces.
struct SeedHeader {
  Date date;
  size_t text_start = 0;  // where the article starts (after the date token and the spaces that follow)
};
// True when `content` starts like a seed file (optional spaces, "date", a space, a digit).
bool LooksLikeSeed(std::string_view content);
// Parses the header; InvalidArgument names the bad date ("impossible date '2022-02-30'").
StatusOr<SeedHeader> ParseSeedHeader(std::string_view content);

// Decodes SGML/HTML entity references: &lt; &gt; &amp; &quot; &apos; &#NN; &#xHH;. Unknown references
// stay as written; control characters other than tab and newline (Reuters' &#2; &#3; …) are dropped.
std::string DecodeEntities(std::string_view s);

// Reuters-21578 dates: "26-FEB-1987 15:01:01.79" (leading spaces allowed) → day precision.
StatusOr<Date> ParseReutersDate(std::string_view s);

// One <REUTERS …> … </REUTERS> record of an .sgm file.
struct ReutersRecord {
  size_t line = 0;       // 1-based line of the opening tag
  std::string newid;     // NEWID attribute ("" when missing)
  std::string date;      // raw <DATE> content
  std::string title;     // decoded <TITLE>
  std::string body;      // decoded <BODY>; for unprocessed stories, the decoded <TEXT> without tags
  bool complete = true;  // false when the closing tag is missing (file cut short)
};
// Splits an .sgm file into its records, in order.
std::vector<ReutersRecord> ParseReutersSgml(std::string_view content);

// One CSV record with the 1-based line where it starts.
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};
// Parses RFC 4180 CSV (quoted fields, "" escapes, line breaks inside quotes, CRLF or LF). Stops at an
// unterminated quoted field and returns Corruption naming its line, with the records before it in *out.
Status ParseCsv(std::string_view content, std::vector<CsvRecord>* out);

// The host of a URL ("https://en.wikinews.org/wiki/X" → "en.wikinews.org"), or "" when there is none.
std::string UrlHost(std::string_view url);

}  // namespace dateline

#endif  // DATELINE_INGEST_FORMATS_H_
