#include "core/document.h"

namespace dateline {

const char* TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

const char* EventStatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kHappened: return "happened";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kHypothetical: return "hypothetical";
    case EventStatus::kDenied: return "denied";
  }
  return "happened";
}

}  // namespace dateline
