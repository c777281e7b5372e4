#include "ingest/formats.h"

#include <cstdlib>

#include "text/utf8.h"

namespace dateline {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The content between <tag ...> and </tag> in rec (to the end when unclosed); false when there is no such
// tag.
bool FindElement(std::string_view rec, std::string_view tag, std::string_view* inner) {
  std::string open = "<";
  open.append(tag);
  size_t p = rec.find(open);
  while (p != std::string_view::npos) {
    const size_t after = p + open.size();
    if (after < rec.size() && (rec[after] == '>' || rec[after] == ' ')) break;
    p = rec.find(open, after);
  }
  if (p == std::string_view::npos) return false;
  const size_t gt = rec.find('>', p);
  if (gt == std::string_view::npos) return false;
  std::string close = "</";
  close.append(tag);
  close.push_back('>');
  size_t ce = rec.find(close, gt + 1);
  if (ce == std::string_view::npos) ce = rec.size();
  *inner = rec.substr(gt + 1, ce - gt - 1);
  return true;
}

std::string Attribute(std::string_view open_tag, std::string_view name) {
  std::string key = " ";
  key.append(name);
  key.append("=\"");
  const size_t p = open_tag.find(key);
  if (p == std::string_view::npos) return "";
  const size_t s = p + key.size();
  const size_t e = open_tag.find('"', s);
  if (e == std::string_view::npos) return "";
  return std::string(open_tag.substr(s, e - s));
}

std::string StripTags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_tag = false;
  for (char c : s) {
    if (c == '<')
      in_tag = true;
    else if (c == '>' && in_tag)
      in_tag = false;
    else if (!in_tag)
      out.push_back(c);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

bool LooksLikeSeed(std::string_view content) {
  size_t i = 0;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t')) ++i;
  if (content.substr(i, 4) != "date") return false;
  i += 4;
  if (i >= content.size() || (content[i] != ' ' && content[i] != '\t')) return false;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t')) ++i;
  return i < content.size() && IsDigit(content[i]);
}

StatusOr<SeedHeader> ParseSeedHeader(std::string_view content) {
  if (!LooksLikeSeed(content)) return Status::InvalidArgument("no 'date YYYY-MM-DD' header on line 1");
  size_t i = content.find("date") + 4;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\t')) ++i;
  size_t e = i;
  while (e < content.size() && !IsSpace(content[e])) ++e;
  const std::string_view token = content.substr(i, e - i);
  // Only "YYYY-MM-DD" and "YYYY-MM" are accepted as seed dates.
  const bool shape = (token.size() == 10 || token.size() == 7) && IsDigit(token[0]) && token[4] == '-';
  auto date = ParseIsoDate(token);
  if (!shape || !date.ok()) {
    return Status::InvalidArgument("impossible date '" + std::string(token.substr(0, 40)) + "' on line 1");
  }
  SeedHeader h;
  h.date = *date;
  while (e < content.size() && (content[e] == ' ' || content[e] == '\t')) ++e;
  h.text_start = e;
  return h;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c != '&') {
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') continue;
      out.push_back(c);
      continue;
    }
    const size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back(c);
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    bool ok = true;
    if (name == "lt")
      cp = '<';
    else if (name == "gt")
      cp = '>';
    else if (name == "amp")
      cp = '&';
    else if (name == "quot")
      cp = '"';
    else if (name == "apos")
      cp = '\'';
    else if (name == "nbsp")
      cp = 0xA0;
    else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const long v = digits.empty() ? -1 : std::strtol(digits.c_str(), &end, hex ? 16 : 10);
      ok = !digits.empty() && end && *end == '\0' && v >= 0 && v <= 0x10FFFF;
      cp = ok ? static_cast<char32_t>(v) : 0;
    } else {
      ok = false;
    }
    if (!ok) {
      out.push_back(c);
      continue;
    }
    i = semi;
    if (cp < 0x20 && cp != '\n' && cp != '\t') continue;  // control characters (Reuters &#2; &#3;)
    if (cp == 0x7F) continue;
    AppendUtf8(&out, cp);
  }
  return out;
}

StatusOr<Date> ParseReutersDate(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  int day = 0;
  while (i < s.size() && IsDigit(s[i]) && i < 2) day = day * 10 + (s[i++] - '0');
  if (i == 0 || i >= s.size() || s[i] != '-')
    return Status::InvalidArgument("bad date '" + std::string(s) + "'");
  ++i;
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  int month = 0;
  if (i + 3 <= s.size()) {
    std::string m(s.substr(i, 3));
    for (char& c : m)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (int k = 0; k < 12; ++k)
      if (m == kMonths[k]) month = k + 1;
  }
  if (month == 0 || i + 3 >= s.size() || s[i + 3] != '-') {
    return Status::InvalidArgument("bad date '" + std::string(s) + "'");
  }
  i += 4;
  int year = 0, digits = 0;
  while (i < s.size() && IsDigit(s[i]) && digits < 4) year = year * 10 + (s[i++] - '0'), ++digits;
  if (digits != 4 || !IsValidDate(year, month, day)) {
    return Status::InvalidArgument("impossible date '" + std::string(s.substr(0, 40)) + "'");
  }
  return Date::Day(year, month, day);
}

std::vector<ReutersRecord> ParseReutersSgml(std::string_view content) {
  std::vector<ReutersRecord> out;
  size_t pos = 0;
  size_t line = 1;
  size_t line_pos = 0;  // content offset up to which `line` is counted
  while (true) {
    size_t p = content.find("<REUTERS", pos);
    if (p == std::string_view::npos) break;
    for (; line_pos < p; ++line_pos)
      if (content[line_pos] == '\n') ++line;
    ReutersRecord r;
    r.line = line;
    const size_t gt = content.find('>', p);
    const size_t close = content.find("</REUTERS>", p);
    const size_t next_open = content.find("<REUTERS", p + 8);
    size_t end;
    if (close != std::string_view::npos && (next_open == std::string_view::npos || close < next_open)) {
      end = close;
      pos = close + 10;
    } else {
      r.complete = false;
      end = next_open == std::string_view::npos ? content.size() : next_open;
      pos = end;
    }
    const std::string_view open_tag =
        content.substr(p, (gt == std::string_view::npos || gt > end ? end : gt) - p);
    r.newid = Attribute(open_tag, "NEWID");
    const std::string_view rec = content.substr(p, end - p);
    std::string_view inner;
    if (FindElement(rec, "DATE", &inner)) r.date = std::string(Trim(inner));
    if (FindElement(rec, "TITLE", &inner)) r.title = std::string(Trim(DecodeEntities(inner)));
    if (FindElement(rec, "BODY", &inner)) {
      r.body = std::string(Trim(DecodeEntities(inner)));
    } else if (r.title.empty() && FindElement(rec, "TEXT", &inner)) {
      r.body = std::string(Trim(DecodeEntities(StripTags(inner))));
    }
    out.push_back(std::move(r));
    if (pos >= content.size()) break;
  }
  return out;
}

Status ParseCsv(std::string_view content, std::vector<CsvRecord>* out) {
  size_t i = 0;
  size_t line = 1;
  const size_t n = content.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool record_done = false;
    while (!record_done) {
      field.clear();
      if (i < n && content[i] == '"') {
        const size_t quote_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = content[i];
          if (c == '"') {
            if (i + 1 < n && content[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (!closed) {
          return Status::Corruption("unterminated quoted field starting on line " +
                                    std::to_string(quote_line));
        }
        // Anything between the closing quote and the separator is kept (lenient).
        while (i < n && content[i] != ',' && content[i] != '\n' && content[i] != '\r')
          field.push_back(content[i++]);
      } else {
        while (i < n && content[i] != ',' && content[i] != '\n' && content[i] != '\r')
          field.push_back(content[i++]);
      }
      rec.fields.push_back(field);
      if (i >= n) {
        record_done = true;
      } else if (content[i] == ',') {
        ++i;
      } else {
        if (content[i] == '\r') ++i;
        if (i < n && content[i] == '\n') ++i;
        ++line;
        record_done = true;
      }
    }
    if (rec.fields.size() == 1 && rec.fields[0].empty()) continue;  // blank line
    out->push_back(std::move(rec));
  }
  return Status::OK();
}

std::string UrlHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  const size_t end = rest.find_first_of("/?#:");
  rest = rest.substr(0, end);
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  std::string host(rest);
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return host;
}

}  // namespace dateline
