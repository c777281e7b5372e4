#include "text/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

#include "text/utf8.h"

namespace dateline {
namespace {

// Code points with a fixed ASCII replacement (looked up before NFKC, which would keep most of them).
const char* SimpleReplacement(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
    case 0x0060:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x1680:
    case '\t':
    case '\r':
    case '\n':
    case 0x85:
    case 0x2028:
    case 0x2029:
      return " ";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
    case 0xFB06:
      return "st";
    default:
      return nullptr;
  }
}

}  // namespace

void AppendNormalized(char32_t cp, std::string* out) {
  if (cp < 0x80 && cp != '\t' && cp != '\r' && cp != '\n' && cp != 0x60) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  if (const char* r = SimpleReplacement(cp)) {
    out->append(r);
    return;
  }
  if (cp < 0xA0) {  // other controls and ASCII
    out->push_back(cp < 0x80 ? static_cast<char>(cp) : ' ');
    return;
  }
  // NFKC of a single code point (compatibility forms: fullwidth letters, superscripts, ﬅ, ㎞, …).
  utf8proc_int32_t buf[16];
  const utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 16,
                              static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE), nullptr);
  if (n <= 0 || n > 16) {
    AppendUtf8(out, cp);
    return;
  }
  if (n == 1) {
    AppendUtf8(out, static_cast<char32_t>(buf[0]));
    return;
  }
  utf8proc_ssize_t len =
      utf8proc_reencode(buf, n, static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (len < 0) {
    AppendUtf8(out, cp);
    return;
  }
  for (utf8proc_ssize_t i = 0; i < len; ++i) {
    // utf8proc_reencode writes UTF-8 bytes into the buffer in place.
    out->push_back(reinterpret_cast<const char*>(buf)[i]);
  }
}

std::string NormalizeForMatching(std::string_view s) {
  bool plain = true;
  for (unsigned char c : s) {
    if (c >= 0x80 || c == '\t' || c == '\r' || c == '\n' || c == 0x60) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += DecodeUtf8(s, i, &cp);
    AppendNormalized(cp, &out);
  }
  return out;
}

NormalizedText NormalizeWithOffsets(std::string_view s) {
  NormalizedText r;
  r.text.reserve(s.size());
  r.offsets.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    const size_t n = DecodeUtf8(s, i, &cp);
    const size_t before = r.text.size();
    AppendNormalized(cp, &r.text);
    r.offsets.insert(r.offsets.end(), r.text.size() - before, static_cast<uint32_t>(i));
    i += n;
  }
  r.offsets.push_back(static_cast<uint32_t>(s.size()));
  return r;
}

}  // namespace dateline
