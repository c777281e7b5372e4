// libFuzzer target for the time-expression recogniser and the TimeML reader/writer: no crash, no hang,
// and spans stay inside the input whatever the bytes.
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc fuzz/timex_fuzz.cc \
//       src/timex/timex.cc src/timex/timeml.cc src/core/date.cc src/core/document.cc src/core/status.cc \
//       -o timex_fuzz && ./timex_fuzz -max_total_time=60 -max_len=4096
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "timex/timeml.h"
#include "timex/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first byte picks the publication date (or none), so anchoring paths are exercised too.
  dateline::Date dct;
  if (size > 0 && data[0] % 4 != 0)
    dct = dateline::Date::Day(1990 + data[0] % 40, 1 + data[0] % 12, 1 + data[0] % 28);
  dateline::TimexOptions options;
  options.use_tense = size % 2 == 0;
  const auto xs = dateline::TagTimexes(text, dct, options);
  for (const auto& x : xs) {
    if (x.start >= x.end || x.end > size || x.value.empty()) std::abort();
  }
  auto doc = dateline::ParseTimeml(std::string(text), "fuzz");
  if (doc.ok()) {
    const auto ys = dateline::TagTimexes(doc->text, doc->dct);
    const std::string out = dateline::WriteTimeml(*doc, ys);
    auto again = dateline::ParseTimeml(out, "fuzz");
    if (!again.ok() || again->text != doc->text) std::abort();
    (void)dateline::ExtractTimexes(out);
  }
  return 0;
}
