#include "tag/features.h"

namespace dateline {

uint64_t ShapeHash(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ull;
  char prev = 0;
  int run = 0;
  size_t len = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c < 0x80) k = static_cast<char>(c);
    else {
      if ((c & 0xC0) == 0x80) continue;  // continuation byte: one class per code point
      k = 'u';
    }
    run = (k == prev) ? run + 1 : 1;
    prev = k;
    if (run > 2) continue;
    h ^= static_cast<unsigned char>(k);
    h *= 0x100000001b3ull;
    ++len;
  }
  return Mix(h, len > 8 ? 9 : len);
}

}  // namespace dateline
