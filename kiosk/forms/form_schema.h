#pragma once
// The e-form (tờ khai) of a procedure as the gateway serves it (docs/api/openapi.yaml,
// FormSchema; docs/forms.md): sections of typed fields, conditions, repeated groups. One parser
// for the kiosk and the gateway, so both read the same rules.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/bilingual.h"
#include "common/result.h"

namespace dvc::forms {

enum class FieldType {
    Text,
    PersonName,  // Vietnamese (or Latin) letters and spaces
    Date,        // YYYY-MM-DD
    CccdNumber,  // 12-digit personal number
    Phone,       // Vietnamese mobile, 10 digits
    Email,
    Address,   // {province, district, commune, detail} with pickers
    Select,    // one of options
    Checkbox,  // true/false; required means it must be ticked
    Number,    // integer
    Money,     // integer đồng, no decimals
    Group,     // repeated group: an array of objects of sub-fields
};

// The CCCD data element a field is pre-filled from (docs/forms.md says which ones lock).
enum class PrefillSource {
    None,
    FullName,
    DateOfBirth,
    Gender,
    IdNumber,
    Residence,
    Hometown,
    Nationality,
    Ethnicity,
    Religion,
    FatherName,
    MotherName,
    SpouseName,
    OldIdNumber,
    IssueDate,
};

// How much of an address a field asks for: a province only, down to the commune (quê quán),
// or the full address with house number and street (nơi cư trú).
enum class AddressLevel { Province, Commune, Full };

const char* apiName(FieldType type);
const char* apiName(PrefillSource source);
std::optional<FieldType> fieldTypeFromApi(std::string_view name);
std::optional<PrefillSource> prefillSourceFromApi(std::string_view name);

// "Shown / required only when field `field` (a sibling in the same group item, else a
// top-level field) equals `equals`" (a string, number or boolean).
struct Condition {
    std::string field;
    nlohmann::json equals;
};

struct FormOption {
    std::string value;
    BilingualText label;
};

struct FormField {
    std::string id;
    FieldType type = FieldType::Text;
    BilingualText label;
    bool required = false;
    PrefillSource prefill = PrefillSource::None;
    BilingualText help;
    std::vector<FormOption> options;       // select
    std::optional<Condition> visibleIf;    // hidden (and not validated) otherwise
    std::optional<Condition> requiredIf;   // shown always, required only when it holds
    std::string pattern;                   // ECMAScript regex over the whole value (text)
    std::string patternMessageKey;         // i18n key explaining the pattern
    std::optional<std::size_t> maxLength;  // code points (text, person_name, address detail)
    std::optional<long long> min, max;     // number, money
    std::optional<int> minAge, maxAge;     // date: full years at the day of submission
    bool allowFuture = false;              // date: false means not after today
    AddressLevel addressLevel = AddressLevel::Full;
    std::size_t minItems = 0, maxItems = 1;  // group
    std::vector<FormField> fields;           // group
    // Per-field explanation overrides: problem code → i18n key (e.g. too_young →
    // "form.error.marriage_age_male").
    std::map<std::string, std::string> messages;

    const FormField* subField(std::string_view fieldId) const;
};

struct FormSection {
    std::string id;
    BilingualText title;
    std::vector<FormField> fields;
};

struct FormSchema {
    std::string procedureCode;
    long long version = 0;
    BilingualText title;
    std::vector<FormSection> sections;

    // A top-level field (not a group's sub-field) by id.
    const FormField* field(std::string_view fieldId) const;
    // Every top-level field, in order.
    std::vector<const FormField*> fields() const;
};

// Where a schema is malformed: a JSON-pointer-like path ("sections[1].fields[3].options") and
// what is wrong with it.
struct SchemaError {
    std::string path;
    std::string message;
    std::string text() const { return path.empty() ? message : path + ": " + message; }
};

// strictKeys: unknown keys are errors (the gateway's seed check, so a typo such as "requried"
// never reaches a kiosk); the kiosk parses leniently, so a newer gateway may add keys.
Result<FormSchema, SchemaError> parseFormSchema(const nlohmann::json& doc, bool strictKeys = true);
Result<FormSchema, SchemaError> parseFormSchemaText(std::string_view text, bool strictKeys = true);

}  // namespace dvc::forms
