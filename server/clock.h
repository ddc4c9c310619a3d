#pragma once
// Times as the Kiosk API writes them: ISO 8601 with the Vietnamese offset (+07:00, no DST).
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace dvc::gateway {

// "2026-11-23T08:15:30+07:00" for the given instant.
std::string isoVietnamTime(std::time_t t);
inline std::string isoVietnamNow() {
    return isoVietnamTime(std::time(nullptr));
}

// Parses "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)" to an instant; nullopt if malformed.
std::optional<std::time_t> parseIsoDateTime(std::string_view text);

// True for a real calendar date written "YYYY-MM-DD" (years 1900–2199).
bool isIsoDate(std::string_view text);

}  // namespace dvc::gateway
