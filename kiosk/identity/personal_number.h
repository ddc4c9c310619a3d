#pragma once
// The 12-digit personal number PPP G YY RRRRRR (Decree 137/2015, Circular 07/2016):
// PPP province of birth registration, G century and gender, YY last two digits of the birth year.
#include <cstddef>
#include <optional>
#include <string_view>

namespace dvc {

enum class Gender { Male, Female };

enum class PersonalNumberError {
    NotTwelveDigits,  // not exactly 12 ASCII digits
    UnknownProvince,  // PPP is not a code of Circular 07/2016
    CenturyMismatch,  // G names another century than the birth year's (or G is 6–9)
    YearMismatch,     // YY is not the last two digits of the birth year
    GenderMismatch,   // parity of G disagrees with the gender
};

// Stable snake_case name: "not_twelve_digits", "unknown_province", …
const char* errorName(PersonalNumberError error);

// True if s is exactly n ASCII digits.
bool isAsciiDigits(std::string_view s, std::size_t n);

// Checks the number against the holder's birth year and gender; nullopt if consistent.
// Checks in order: digits, province, century, year, gender (the first failure is returned).
// PPP is the province of birth registration: never compare it with the address.
std::optional<PersonalNumberError> checkPersonalNumber(std::string_view number, int birthYear,
                                                       Gender gender);

}  // namespace dvc
