#include "identity/personal_number.h"

#include "identity/province_codes.h"

namespace dvc {

const char* errorName(PersonalNumberError error) {
    switch (error) {
        case PersonalNumberError::NotTwelveDigits: return "not_twelve_digits";
        case PersonalNumberError::UnknownProvince: return "unknown_province";
        case PersonalNumberError::CenturyMismatch: return "century_mismatch";
        case PersonalNumberError::YearMismatch: return "year_mismatch";
        case PersonalNumberError::GenderMismatch: return "gender_mismatch";
    }
    return "unknown";
}

bool isAsciiDigits(std::string_view s, std::size_t n) {
    if (s.size() != n) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

std::optional<PersonalNumberError> checkPersonalNumber(std::string_view number, int birthYear,
                                                       Gender gender) {
    if (!isAsciiDigits(number, 12)) return PersonalNumberError::NotTwelveDigits;
    if (!provinceName(number.substr(0, 3))) return PersonalNumberError::UnknownProvince;

    const int g = number[3] - '0';
    const int yy = (number[4] - '0') * 10 + (number[5] - '0');
    // 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s; 6–9 name no century we can check.
    const int century = g <= 5 ? 1900 + (g / 2) * 100 : -1;
    if (century < 0 || birthYear < century || birthYear > century + 99) {
        return PersonalNumberError::CenturyMismatch;
    }
    if (birthYear % 100 != yy) return PersonalNumberError::YearMismatch;
    const Gender coded = (g % 2 == 0) ? Gender::Male : Gender::Female;
    if (coded != gender) return PersonalNumberError::GenderMismatch;
    return std::nullopt;
}

}  // namespace dvc
