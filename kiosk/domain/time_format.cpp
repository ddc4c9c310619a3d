#include "domain/time_format.h"

namespace dvc {

namespace {
bool digitsAt(std::string_view s, std::size_t pos, std::size_t n) {
    if (s.size() < pos + n) return false;
    for (std::size_t i = pos; i < pos + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}
bool isIsoDate(std::string_view s) {
    return digitsAt(s, 0, 4) && s.size() >= 10 && s[4] == '-' && digitsAt(s, 5, 2) &&
           s[7] == '-' && digitsAt(s, 8, 2);
}
}  // namespace

std::string formatDate(std::string_view iso) {
    if (!isIsoDate(iso)) return std::string(iso);
    return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
           std::string(iso.substr(0, 4));
}

std::string formatDateTime(std::string_view iso) {
    if (!isIsoDate(iso)) return std::string(iso);
    if (iso.size() < 16 || iso[10] != 'T' || !digitsAt(iso, 11, 2) || iso[13] != ':' ||
        !digitsAt(iso, 14, 2))
        return formatDate(iso);
    return std::string(iso.substr(11, 5)) + " " + formatDate(iso);
}

}  // namespace dvc
