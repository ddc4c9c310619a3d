#pragma once
// The rule of each field type on its own, as pure functions over one value: the table tests
// check them directly, validation.cpp applies them to a whole form.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace dvc::forms {

struct RuleFailure {
    std::string code;        // FieldProblem::code
    std::string messageKey;  // i18n key of the explanation
    std::vector<std::pair<std::string, std::string>> params;
};

std::string trimmed(std::string_view s);
// null, blank text, false, [] and objects whose members are all empty count as not filled in.
bool isEmptyValue(const nlohmann::json& v);

// At most maxLength code points, no control characters, valid UTF-8.
std::optional<RuleFailure> checkPlainText(std::string_view s, std::size_t maxLength);
// Letters (Vietnamese or other Latin), spaces, apostrophe and hyphen; NFC (no combining marks).
std::optional<RuleFailure> checkPersonName(std::string_view s, std::size_t maxLength);
// YYYY-MM-DD, a real calendar day from 1900 on, not after today unless allowFuture, and the
// age at today (full years, "đủ tuổi") within minAge/maxAge.
std::optional<RuleFailure> checkDate(std::string_view s, std::chrono::year_month_day today,
                                     bool allowFuture, std::optional<int> minAge,
                                     std::optional<int> maxAge);
// 12 digits, a province code of Circular 07/2016, a century digit that is not in the future.
// typing: a shorter number is not an error yet.
std::optional<RuleFailure> checkCccdNumber(std::string_view s, bool typing,
                                           std::chrono::year_month_day today);
// A Vietnamese mobile number: 10 digits (or +84 and 9), a network prefix in use.
std::optional<RuleFailure> checkPhone(std::string_view s, bool typing);
std::optional<RuleFailure> checkEmail(std::string_view s, bool typing);

// Full years from birth to day ("đủ tuổi": the birthday must have come).
int ageOn(std::chrono::year_month_day birth, std::chrono::year_month_day day);

}  // namespace dvc::forms
