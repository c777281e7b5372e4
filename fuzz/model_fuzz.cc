// libFuzzer target: model loading. Feeds arbitrary bytes to the tagger, parser and NER model parsers;
// they must fail with a Status (never crash, hang or allocate without bound). Seed the corpus with the
// files in data/models/.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ner/ner_tagger.h"
#include "parse/parser.h"
#include "tag/tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)dateline::Tagger::FromBytes(bytes, "fuzz");
  (void)dateline::Parser::FromBytes(bytes, "fuzz");
  (void)dateline::NerTagger::FromBytes(bytes, "fuzz");
  return 0;
}
