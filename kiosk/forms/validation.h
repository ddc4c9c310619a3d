#pragma once
// The rules of a form, applied to the values a citizen typed: the same function on the kiosk
// (as they type, and again on review) and on the gateway (never trust the kiosk).
// Every problem carries a stable code (the API's FieldError.code) and an i18n key whose text
// explains the rule in plain Vietnamese and English (assets/i18n/{vi,en}.json).
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/bilingual.h"
#include "forms/admin_units.h"
#include "forms/form_schema.h"

namespace dvc {
class Translations;
}

namespace dvc::forms {

struct FieldProblem {
    // Path of the value in the form object: "noi_sinh", "noi_cu_tru.province",
    // "thanh_vien[1].ngay_sinh"; "" for the form as a whole.
    std::string field;
    // Stable snake_case reason: required, invalid_type, invalid_format, invalid_characters,
    // too_long, out_of_range, in_future, too_young, too_old, invalid_option, unknown_province,
    // unknown_district, unknown_commune, too_few_items, too_many_items, not_allowed.
    std::string code;
    std::string messageKey;  // i18n key of the explanation
    BilingualText label;     // the field's label, for "{label}" in the explanation
    std::vector<std::pair<std::string, std::string>> params;  // {min}, {max}, {min_age}, …
};

struct ValidationContext {
    std::chrono::year_month_day today;  // the submission's day (Vietnam time)
    // Checks district and commune codes where the data lists them; without it, province codes
    // are still checked against the 63 of Circular 07/2016.
    const AdminUnits* adminUnits = nullptr;
};

// Today in Vietnam (UTC+7, no daylight saving).
std::chrono::year_month_day vietnamToday();

// Every problem of a submission's `form` object, in schema order. Unknown keys and values of
// hidden fields are problems too (code not_allowed): the gateway stores only what the form asks.
std::vector<FieldProblem> validateSubmission(const FormSchema& schema, const nlohmann::json& values,
                                             const ValidationContext& context);
// The same with today's date in Vietnam and no administrative-unit data.
std::vector<FieldProblem> validateSubmission(const FormSchema& schema,
                                             const nlohmann::json& values);

// One field while the citizen types: what is already wrong, without complaining about what is
// missing or not finished yet ("0912" is a fine start of a phone number). `item` is the group
// entry the field belongs to (for its conditions), or nullptr for a top-level field.
std::vector<FieldProblem> checkWhileTyping(const FormSchema& schema, const FormField& field,
                                           const nlohmann::json& value,
                                           const ValidationContext& context);

// Whether a field is shown given the values (its visible_if), and whether it must be filled
// (required, or its required_if holds). `item`: the group entry, or nullptr at top level.
bool isVisible(const FormField& field, const nlohmann::json& values, const nlohmann::json* item);
bool isRequired(const FormField& field, const nlohmann::json& values, const nlohmann::json* item);

// The explanation in both languages, placeholders filled ("{label}", "{min}", …).
BilingualText explain(const FieldProblem& problem, const Translations& translations);

// The API's FieldError list (docs/api/openapi.yaml): field "form.<path>", code, message {vi,en}.
nlohmann::json fieldErrorsJson(const std::vector<FieldProblem>& problems,
                               const Translations& translations);

// The i18n key of the format hint shown under an empty field of this type
// ("form.format.cccd_number": "12 chữ số; 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh").
std::string formatHintKey(const FormField& field);

}  // namespace dvc::forms
