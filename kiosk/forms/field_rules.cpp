#include "forms/field_rules.h"

#include "identity/province_codes.h"
#include "input/vietnamese_letters.h"

namespace dvc::forms {

namespace {

using json = nlohmann::json;
using namespace std::chrono;

RuleFailure failure(std::string code, std::string key,
                    std::vector<std::pair<std::string, std::string>> params = {}) {
    return RuleFailure{std::move(code), std::move(key), std::move(params)};
}

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone,
// Vietnamobile, Gmobile, Itelecom, Reddi): 03x, 05x, 07x, 08x, 09x.
bool isMobilePrefix(std::string_view three) {
    static constexpr std::string_view kPrefixes[] = {
        "032", "033", "034", "035", "036", "037", "038", "039", "052", "055", "056", "058",
        "059", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086",
        "087", "088", "089", "090", "091", "092", "093", "094", "096", "097", "098", "099"};
    for (auto p : kPrefixes)
        if (p == three) return true;
    return false;
}

bool isNameLetter(char32_t cp) {
    if (vn::decompose(cp)) return true;
    // Other Latin letters (Latin-1 Supplement, Extended-A/B, Extended Additional): foreign
    // parents' names in procedures with a foreign element.
    if (cp == 0xD7 || cp == 0xF7) return false;
    return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

}  // namespace

std::string trimmed(std::string_view s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

bool isEmptyValue(const json& v) {
    if (v.is_null()) return true;
    if (v.is_string()) return trimmed(v.get<std::string>()).empty();
    if (v.is_boolean()) return !v.get<bool>();
    if (v.is_array()) return v.empty();
    if (v.is_object()) {
        for (const auto& [key, member] : v.items())
            if (!isEmptyValue(member)) return false;
        return true;
    }
    return false;
}

std::optional<RuleFailure> checkPlainText(std::string_view s, std::size_t maxLength) {
    auto cps = vn::decodeUtf8(s);
    for (char32_t cp : cps)
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD)
            return failure("invalid_characters", "form.error.text.characters");
    if (cps.size() > maxLength)
        return failure("too_long", "form.error.too_long", {{"max", std::to_string(maxLength)}});
    return std::nullopt;
}

std::optional<RuleFailure> checkPersonName(std::string_view s, std::size_t maxLength) {
    if (auto f = checkPlainText(s, maxLength)) return f;
    bool anyLetter = false;
    for (char32_t cp : vn::decodeUtf8(s)) {
        if (vn::isCombiningMark(cp)) return failure("invalid_characters", "form.error.name.nfc");
        if (isNameLetter(cp)) {
            anyLetter = true;
            continue;
        }
        if (cp == U' ' || cp == U'\'' || cp == U'-') continue;
        return failure("invalid_characters", "form.error.name.characters");
    }
    if (!anyLetter) return failure("invalid_characters", "form.error.name.characters");
    return std::nullopt;
}

int ageOn(year_month_day birth, year_month_day day) {
    int age = static_cast<int>(day.year()) - static_cast<int>(birth.year());
    if (std::pair{static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day())} <
        std::pair{static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day())})
        --age;
    return age;
}

std::optional<RuleFailure> checkDate(std::string_view s, year_month_day today, bool allowFuture,
                                     std::optional<int> minAge, std::optional<int> maxAge) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s.substr(0, 4)) ||
        !allDigits(s.substr(5, 2)) || !allDigits(s.substr(8, 2)))
        return failure("invalid_format", "form.error.date.format");
    int y = std::stoi(std::string(s.substr(0, 4)));
    unsigned m = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
    unsigned d = static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))));
    year_month_day date{year{y}, month{m}, day{d}};
    if (!date.ok()) return failure("invalid_format", "form.error.date.not_real");
    if (y < 1900) return failure("out_of_range", "form.error.date.before_1900");
    if (!allowFuture && sys_days(date) > sys_days(today))
        return failure("in_future", "form.error.date.future");
    int age = ageOn(date, today);
    if (minAge && age < *minAge)
        return failure("too_young", "form.error.date.min_age",
                       {{"min_age", std::to_string(*minAge)}});
    if (maxAge && age > *maxAge)
        return failure("too_old", "form.error.date.max_age",
                       {{"max_age", std::to_string(*maxAge)}});
    return std::nullopt;
}

std::optional<RuleFailure> checkCccdNumber(std::string_view s, bool typing, year_month_day today) {
    if (!allDigits(s) || s.size() > 12) return failure("invalid_format", "form.error.cccd.digits");
    if (s.size() >= 3 && !provinceName(s.substr(0, 3)))
        return failure("unknown_province", "form.error.cccd.province",
                       {{"code", std::string(s.substr(0, 3))}});
    if (s.size() >= 6) {
        // G: 0/1 born 1900s, 2/3 2000s, 4/5 2100s; the birth year it names must have come.
        int g = s[3] - '0';
        int birthYear = 1900 + (g / 2) * 100 + std::stoi(std::string(s.substr(4, 2)));
        if (g > 5 || birthYear > static_cast<int>(today.year()))
            return failure("invalid_format", "form.error.cccd.century");
    }
    if (s.size() < 12 && !typing) return failure("invalid_format", "form.error.cccd.digits");
    return std::nullopt;
}

std::optional<RuleFailure> checkPhone(std::string_view s, bool typing) {
    std::string digits(s);
    if (digits.rfind("+84", 0) == 0) digits = "0" + digits.substr(3);
    if (!allDigits(digits) || digits.size() > 10 || (!digits.empty() && digits[0] != '0'))
        return failure("invalid_format", "form.error.phone.digits");
    if (digits.size() >= 3 && !isMobilePrefix(std::string_view(digits).substr(0, 3)))
        return failure("invalid_format", "form.error.phone.prefix",
                       {{"prefix", digits.substr(0, 3)}});
    if (digits.size() < 10 && !typing) return failure("invalid_format", "form.error.phone.digits");
    return std::nullopt;
}

std::optional<RuleFailure> checkEmail(std::string_view s, bool typing) {
    auto bad = [] { return failure("invalid_format", "form.error.email"); };
    if (s.size() > 254) return bad();
    for (char c : s)
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F)
            return bad();  // no spaces, no accented letters (the kiosk types ASCII here)
    if (typing) return std::nullopt;
    auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at > 64 ||
        s.find('@', at + 1) != std::string_view::npos)
        return bad();
    auto domain = s.substr(at + 1);
    auto dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) return bad();
    // Domain labels: letters, digits, hyphens; no empty label.
    char prev = '.';
    for (char c : domain) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '.';
        if (!ok || (c == '.' && prev == '.')) return bad();
        prev = c;
    }
    if (s.substr(0, at).find("..") != std::string_view::npos || s[0] == '.' || s[at - 1] == '.')
        return bad();
    return std::nullopt;
}

}  // namespace dvc::forms
