#pragma once
// Province codes of birth registration (Circular 07/2016/TT-BCA, Appendix 1): the first three
// digits of the 12-digit personal number. Kept as data so the list can grow; the 2025 merger
// into 34 provinces changed no existing number.
#include <optional>
#include <span>
#include <string_view>

namespace dvc {

struct ProvinceCode {
    std::string_view code;  // three ASCII digits, "001"
    std::string_view name;  // NFC Vietnamese, "Hà Nội"
};

// The 63 codes, in ascending order.
std::span<const ProvinceCode> provinceCodes();

// The province's name for a three-digit code; nullopt for a code not in the list.
std::optional<std::string_view> provinceName(std::string_view code3);

}  // namespace dvc
