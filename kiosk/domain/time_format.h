#pragma once
#include <string>
#include <string_view>

namespace dvc {

// "2026-11-23T08:15:00+07:00" → "08:15 23/11/2026" (the order Vietnamese forms use).
// Text that is not an ISO date-time comes back unchanged.
std::string formatDateTime(std::string_view iso);
// "2026-11-23T08:15:00+07:00" or "2026-11-23" → "23/11/2026".
std::string formatDate(std::string_view iso);

}  // namespace dvc
