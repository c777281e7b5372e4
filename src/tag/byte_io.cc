#include "tag/byte_io.h"

namespace dateline {

Status ByteReader::Str(std::string* s) {
  uint32_t n = 0;
  RETURN_IF_ERROR(U32(&n));
  if (n > in_.size() - pos_) return Truncated();
  s->assign(in_.data() + pos_, n);
  pos_ += n;
  return Status::OK();
}

Status ByteReader::Strings(std::vector<std::string>* v) {
  uint32_t n = 0;
  RETURN_IF_ERROR(U32(&n));
  if (n > in_.size() - pos_) return Truncated();  // each string takes at least 4 bytes
  v->resize(n);
  for (auto& s : *v) RETURN_IF_ERROR(Str(&s));
  return Status::OK();
}

Status ByteReader::Truncated() const {
  return Status::Corruption("model payload truncated at byte " + std::to_string(pos_) + " of " +
                            std::to_string(in_.size()));
}

}  // namespace dateline
