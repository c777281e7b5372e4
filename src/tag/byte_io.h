// Little-endian binary serialisation used by every model file (tagger, parser, NER).
//
// ByteWriter appends fixed-width integers, floats, strings and vectors to a growing buffer; ByteReader
// reads them back with bounds checks, so a truncated or corrupted payload yields a Status, never a crash
// (model loading is fuzzed). Both are plain values, thread-compatible.
#ifndef DATELINE_TAG_BYTE_IO_H_
#define DATELINE_TAG_BYTE_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dateline {

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Raw(&v, 2); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void Strings(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) Str(s);
  }
  // Writes a vector of trivially copyable values: count, then the raw bytes.
  template <typename T>
  void Pod(const std::vector<T>& v) {
    U64(v.size());
    if (!v.empty()) Raw(v.data(), v.size() * sizeof(T));
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  const std::string& data() const { return out_; }
  std::string Release() { return std::move(out_); }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  Status U8(uint8_t* v) { return Raw(v, 1); }
  Status U16(uint16_t* v) { return Raw(v, 2); }
  Status U32(uint32_t* v) { return Raw(v, 4); }
  Status U64(uint64_t* v) { return Raw(v, 8); }
  Status F32(float* v) { return Raw(v, 4); }
  Status Str(std::string* s);
  Status Strings(std::vector<std::string>* v);
  template <typename T>
  Status Pod(std::vector<T>* v) {
    uint64_t n = 0;
    RETURN_IF_ERROR(U64(&n));
    if (n > (in_.size() - pos_) / sizeof(T)) return Truncated();
    v->resize(n);
    if (n) RETURN_IF_ERROR(Raw(v->data(), n * sizeof(T)));
    return Status::OK();
  }
  Status Raw(void* p, size_t n) {
    if (n > in_.size() - pos_) return Truncated();
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return Status::OK();
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  Status Truncated() const;
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_TAG_BYTE_IO_H_
