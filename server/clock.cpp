#include "server/clock.h"

#include <chrono>

namespace dvc::gateway {

namespace {
constexpr long kVietnamOffsetSeconds = 7 * 3600;

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// Parses "YYYY-MM-DD" at the start of text.
bool parseDate(std::string_view text, int& y, int& m, int& d) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
    if (!digits(text, 0, 4, y) || !digits(text, 5, 2, m) || !digits(text, 8, 2, d)) return false;
    using namespace std::chrono;
    return y >= 1900 && y <= 2199 &&
           year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}
               .ok();
}
}  // namespace

std::string isoVietnamTime(std::time_t t) {
    std::time_t local = t + kVietnamOffsetSeconds;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
    return buf;
}

bool isIsoDate(std::string_view text) {
    int y = 0, m = 0, d = 0;
    return text.size() == 10 && parseDate(text, y, m, d);
}

std::optional<std::time_t> parseIsoDateTime(std::string_view text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!parseDate(text, y, mo, d)) return std::nullopt;
    if (text.size() < 20 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
        text[16] != ':')
        return std::nullopt;
    if (!digits(text, 11, 2, h) || !digits(text, 14, 2, mi) || !digits(text, 17, 2, s))
        return std::nullopt;
    if (h > 23 || mi > 59 || s > 60) return std::nullopt;
    std::size_t pos = 19;
    if (text[pos] == '.') {
        ++pos;
        std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
    }
    long offset = 0;
    std::string_view zone = text.substr(pos);
    if (zone == "Z") {
        offset = 0;
    } else {
        int oh = 0, om = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            !digits(zone, 1, 2, oh) || !digits(zone, 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = (oh * 3600L + om * 60L) * (zone[0] == '-' ? -1 : 1);
    }
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm) - offset;
}

}  // namespace dvc::gateway
