#include "domain/queue.h"

#include <array>
#include <charconv>

namespace dvc {

namespace {
constexpr std::array<std::pair<PriorityCategory, const char*>, 5> kNames{{
    {PriorityCategory::None, "none"},
    {PriorityCategory::Elderly, "elderly"},
    {PriorityCategory::Disabled, "disabled"},
    {PriorityCategory::Pregnant, "pregnant"},
    {PriorityCategory::ChildUnder6, "child_under_6"},
}};

struct Ymd {
    int y = 0, m = 0, d = 0;
};

std::optional<Ymd> parseYmd(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    Ymd out;
    auto num = [&](std::size_t pos, std::size_t len, int& v) {
        auto r = std::from_chars(s.data() + pos, s.data() + pos + len, v);
        return r.ec == std::errc() && r.ptr == s.data() + pos + len;
    };
    if (!num(0, 4, out.y) || !num(5, 2, out.m) || !num(8, 2, out.d)) return std::nullopt;
    if (out.m < 1 || out.m > 12 || out.d < 1 || out.d > 31) return std::nullopt;
    return out;
}
}  // namespace

const char* priorityApiName(PriorityCategory p) {
    for (auto& [value, name] : kNames)
        if (value == p) return name;
    return "none";
}

std::optional<PriorityCategory> priorityFromApi(std::string_view name) {
    for (auto& [value, n] : kNames)
        if (name == n) return value;
    return std::nullopt;
}

PriorityCategory priorityForAge(std::string_view dateOfBirth, std::string_view today) {
    auto dob = parseYmd(dateOfBirth);
    auto now = parseYmd(today);
    if (!dob || !now) return PriorityCategory::None;
    int age = now->y - dob->y;
    if (now->m < dob->m || (now->m == dob->m && now->d < dob->d)) --age;
    return age >= 60 ? PriorityCategory::Elderly : PriorityCategory::None;
}

}  // namespace dvc
