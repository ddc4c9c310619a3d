#include "forms/form_schema.h"

#include <array>
#include <climits>
#include <set>
#include <utility>

#include "forms/pattern_match.h"

namespace dvc::forms {

namespace {

using json = nlohmann::json;

constexpr std::array<std::pair<FieldType, const char*>, 12> kTypeNames{{
    {FieldType::Text, "text"},
    {FieldType::PersonName, "person_name"},
    {FieldType::Date, "date"},
    {FieldType::CccdNumber, "cccd_number"},
    {FieldType::Phone, "phone"},
    {FieldType::Email, "email"},
    {FieldType::Address, "address"},
    {FieldType::Select, "select"},
    {FieldType::Checkbox, "checkbox"},
    {FieldType::Number, "number"},
    {FieldType::Money, "money"},
    {FieldType::Group, "group"},
}};

constexpr std::array<std::pair<PrefillSource, const char*>, 15> kPrefillNames{{
    {PrefillSource::None, "none"},
    {PrefillSource::FullName, "full_name"},
    {PrefillSource::DateOfBirth, "date_of_birth"},
    {PrefillSource::Gender, "gender"},
    {PrefillSource::IdNumber, "id_number"},
    {PrefillSource::Residence, "residence"},
    {PrefillSource::Hometown, "hometown"},
    {PrefillSource::Nationality, "nationality"},
    {PrefillSource::Ethnicity, "ethnicity"},
    {PrefillSource::Religion, "religion"},
    {PrefillSource::FatherName, "father_name"},
    {PrefillSource::MotherName, "mother_name"},
    {PrefillSource::SpouseName, "spouse_name"},
    {PrefillSource::OldIdNumber, "old_id_number"},
    {PrefillSource::IssueDate, "issue_date"},
}};

// A schema fault at a path; caught in parseFormSchema and returned as a SchemaError value.
struct Fault {
    std::string path;
    std::string message;
};

bool isSnakeId(const std::string& s) {
    if (s.empty() || s.size() > 64 || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

void checkKeys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed,
               bool strict) {
    if (!strict) return;
    for (const auto& [key, value] : obj.items()) {
        bool known = false;
        for (const char* a : allowed) known = known || key == a;
        if (!known) throw Fault{path, "unknown key '" + key + "'"};
    }
}

const json& member(const json& obj, const char* key, const std::string& path) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) throw Fault{path, std::string("missing '") + key + "'"};
    return *it;
}

std::string stringMember(const json& obj, const char* key, const std::string& path) {
    const json& v = member(obj, key, path);
    if (!v.is_string()) throw Fault{path + "." + key, "must be a string"};
    return v.get<std::string>();
}

BilingualText text(const json& v, const std::string& path) {
    if (!v.is_object()) throw Fault{path, "must be an object {vi, en}"};
    BilingualText t;
    t.vi = stringMember(v, "vi", path);
    t.en = stringMember(v, "en", path);
    if (t.vi.empty() || t.en.empty()) throw Fault{path, "vi and en must not be empty"};
    return t;
}

template <class T>
std::optional<T> optionalInteger(const json& obj, const char* key, const std::string& path,
                                 long long lowest) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) throw Fault{path + "." + key, "must be an integer"};
    auto v = it->get<long long>();
    if (v < lowest) throw Fault{path + "." + key, "must be at least " + std::to_string(lowest)};
    return static_cast<T>(v);
}

Condition condition(const json& v, const std::string& path, bool strict) {
    if (!v.is_object()) throw Fault{path, "must be an object {field, equals}"};
    checkKeys(v, path, {"field", "equals"}, strict);
    Condition c;
    c.field = stringMember(v, "field", path);
    c.equals = member(v, "equals", path);
    if (!c.equals.is_string() && !c.equals.is_number() && !c.equals.is_boolean())
        throw Fault{path + ".equals", "must be a string, number or boolean"};
    return c;
}

FormField parseField(const json& j, const std::string& path, bool strict, bool insideGroup);

std::vector<FormField> parseFields(const json& arr, const std::string& path, bool strict,
                                   bool insideGroup) {
    if (!arr.is_array() || arr.empty()) throw Fault{path, "must be a non-empty array"};
    std::vector<FormField> out;
    for (std::size_t i = 0; i < arr.size(); ++i)
        out.push_back(
            parseField(arr[i], path + "[" + std::to_string(i) + "]", strict, insideGroup));
    return out;
}

FormField parseField(const json& j, const std::string& path, bool strict, bool insideGroup) {
    if (!j.is_object()) throw Fault{path, "a field must be an object"};
    checkKeys(
        j, path,
        {"id",        "type",       "label",       "required", "prefill",         "help",
         "options",   "visible_if", "required_if", "pattern",  "pattern_message", "max_length",
         "min",       "max",        "min_age",     "max_age",  "allow_future",    "address_level",
         "min_items", "max_items",  "fields",      "messages"},
        strict);
    FormField f;
    f.id = stringMember(j, "id", path);
    if (!isSnakeId(f.id)) throw Fault{path + ".id", "'" + f.id + "' is not a snake_case id"};
    std::string where = path + " (" + f.id + ")";
    auto type = fieldTypeFromApi(stringMember(j, "type", where));
    if (!type) throw Fault{where + ".type", "unknown type '" + j["type"].get<std::string>() + "'"};
    f.type = *type;
    f.label = text(member(j, "label", where), where + ".label");
    const json& required = member(j, "required", where);
    if (!required.is_boolean()) throw Fault{where + ".required", "must be true or false"};
    f.required = required.get<bool>();
    if (j.contains("prefill")) {
        auto p = prefillSourceFromApi(stringMember(j, "prefill", where));
        if (!p) throw Fault{where + ".prefill", "unknown prefill source"};
        f.prefill = *p;
    }
    if (j.contains("help")) f.help = text(j["help"], where + ".help");
    if (j.contains("visible_if"))
        f.visibleIf = condition(j["visible_if"], where + ".visible_if", strict);
    if (j.contains("required_if"))
        f.requiredIf = condition(j["required_if"], where + ".required_if", strict);
    if (j.contains("pattern")) {
        f.pattern = stringMember(j, "pattern", where);
        if (auto err = patternError(f.pattern)) throw Fault{where + ".pattern", *err};
    }
    if (j.contains("pattern_message"))
        f.patternMessageKey = stringMember(j, "pattern_message", where);
    f.maxLength = optionalInteger<std::size_t>(j, "max_length", where, 1);
    f.min = optionalInteger<long long>(j, "min", where, LLONG_MIN);
    f.max = optionalInteger<long long>(j, "max", where, LLONG_MIN);
    if (f.min && f.max && *f.min > *f.max) throw Fault{where, "min is greater than max"};
    f.minAge = optionalInteger<int>(j, "min_age", where, 0);
    f.maxAge = optionalInteger<int>(j, "max_age", where, 0);
    if (j.contains("allow_future")) {
        if (!j["allow_future"].is_boolean())
            throw Fault{where + ".allow_future", "must be a boolean"};
        f.allowFuture = j["allow_future"].get<bool>();
    }
    if (j.contains("address_level")) {
        auto level = stringMember(j, "address_level", where);
        if (level == "province")
            f.addressLevel = AddressLevel::Province;
        else if (level == "commune")
            f.addressLevel = AddressLevel::Commune;
        else if (level == "full")
            f.addressLevel = AddressLevel::Full;
        else
            throw Fault{where + ".address_level", "must be province, commune or full"};
    }
    if (j.contains("messages")) {
        const json& m = j["messages"];
        if (!m.is_object()) throw Fault{where + ".messages", "must be an object code → i18n key"};
        for (const auto& [code, key] : m.items()) {
            if (!key.is_string()) throw Fault{where + ".messages." + code, "must be a string"};
            f.messages[code] = key.get<std::string>();
        }
    }

    bool numeric = f.type == FieldType::Number || f.type == FieldType::Money;
    if ((f.min || f.max) && !numeric) throw Fault{where, "min/max apply to number and money only"};
    if ((f.minAge || f.maxAge || f.allowFuture) && f.type != FieldType::Date)
        throw Fault{where, "min_age/max_age/allow_future apply to dates only"};
    if (!f.pattern.empty() && f.type != FieldType::Text)
        throw Fault{where + ".pattern", "pattern applies to text fields only"};
    if (f.type == FieldType::Money && f.min && *f.min < 0)
        throw Fault{where + ".min", "money cannot be negative"};

    if (f.type == FieldType::Select) {
        const json& opts = member(j, "options", where);
        if (!opts.is_array() || opts.empty())
            throw Fault{where + ".options", "must be a non-empty array"};
        std::set<std::string> values;
        for (std::size_t i = 0; i < opts.size(); ++i) {
            std::string op = where + ".options[" + std::to_string(i) + "]";
            if (!opts[i].is_object()) throw Fault{op, "must be an object {value, label}"};
            checkKeys(opts[i], op, {"value", "label"}, strict);
            FormOption o{stringMember(opts[i], "value", op),
                         text(member(opts[i], "label", op), op + ".label")};
            if (o.value.empty()) throw Fault{op + ".value", "must not be empty"};
            if (!values.insert(o.value).second)
                throw Fault{op, "duplicate value '" + o.value + "'"};
            f.options.push_back(std::move(o));
        }
    } else if (j.contains("options")) {
        throw Fault{where + ".options", "options apply to select fields only"};
    }

    if (f.type == FieldType::Group) {
        if (insideGroup) throw Fault{where, "groups cannot be nested"};
        f.minItems = optionalInteger<std::size_t>(j, "min_items", where, 0).value_or(0);
        f.maxItems = optionalInteger<std::size_t>(j, "max_items", where, 1).value_or(10);
        if (f.maxItems > 50) throw Fault{where + ".max_items", "must be at most 50"};
        if (f.minItems > f.maxItems) throw Fault{where, "min_items is greater than max_items"};
        if (f.required && f.minItems == 0) f.minItems = 1;
        f.fields = parseFields(member(j, "fields", where), where + ".fields", strict, true);
        std::set<std::string> ids;
        for (const auto& sub : f.fields)
            if (!ids.insert(sub.id).second)
                throw Fault{where + ".fields", "duplicate field id '" + sub.id + "'"};
    } else if (j.contains("fields") || j.contains("min_items") || j.contains("max_items")) {
        throw Fault{where, "fields/min_items/max_items apply to groups only"};
    }
    return f;
}

// A condition must name an existing field (a sibling first, then a top-level one) other than
// the field itself, and a select's condition must name one of its options.
void checkCondition(const Condition& c, const FormField& owner,
                    const std::vector<FormField>* siblings, const FormSchema& schema,
                    const std::string& path) {
    if (c.field == owner.id) throw Fault{path, "a field cannot depend on itself"};
    const FormField* target = nullptr;
    if (siblings)
        for (const auto& s : *siblings)
            if (s.id == c.field) target = &s;
    if (!target) target = schema.field(c.field);
    if (!target) throw Fault{path, "refers to unknown field '" + c.field + "'"};
    if (target->type == FieldType::Group) throw Fault{path, "cannot depend on a group"};
    if (target->type == FieldType::Select) {
        bool found = false;
        for (const auto& o : target->options)
            found = found || (c.equals.is_string() && o.value == c.equals);
        if (!found)
            throw Fault{path, "'" + c.equals.dump() + "' is not an option of '" + c.field + "'"};
    }
    if (target->type == FieldType::Checkbox && !c.equals.is_boolean())
        throw Fault{path, "a checkbox condition must compare with true or false"};
}

void checkConditions(const FormField& f, const std::vector<FormField>* siblings,
                     const FormSchema& schema, const std::string& path) {
    if (f.visibleIf) checkCondition(*f.visibleIf, f, siblings, schema, path + ".visible_if");
    if (f.requiredIf) checkCondition(*f.requiredIf, f, siblings, schema, path + ".required_if");
    for (const auto& sub : f.fields) checkConditions(sub, &f.fields, schema, path + "." + sub.id);
}

}  // namespace

const char* apiName(FieldType type) {
    for (const auto& [t, name] : kTypeNames)
        if (t == type) return name;
    return "text";
}

const char* apiName(PrefillSource source) {
    for (const auto& [s, name] : kPrefillNames)
        if (s == source) return name;
    return "none";
}

std::optional<FieldType> fieldTypeFromApi(std::string_view name) {
    for (const auto& [t, n] : kTypeNames)
        if (name == n) return t;
    return std::nullopt;
}

std::optional<PrefillSource> prefillSourceFromApi(std::string_view name) {
    for (const auto& [s, n] : kPrefillNames)
        if (name == n) return s;
    return std::nullopt;
}

const FormField* FormField::subField(std::string_view fieldId) const {
    for (const auto& f : fields)
        if (f.id == fieldId) return &f;
    return nullptr;
}

const FormField* FormSchema::field(std::string_view fieldId) const {
    for (const auto& s : sections)
        for (const auto& f : s.fields)
            if (f.id == fieldId) return &f;
    return nullptr;
}

std::vector<const FormField*> FormSchema::fields() const {
    std::vector<const FormField*> out;
    for (const auto& s : sections)
        for (const auto& f : s.fields) out.push_back(&f);
    return out;
}

Result<FormSchema, SchemaError> parseFormSchema(const json& doc, bool strictKeys) {
    try {
        if (!doc.is_object()) throw Fault{"", "a form schema must be a JSON object"};
        checkKeys(doc, "", {"procedure_code", "version", "title", "sections"}, strictKeys);
        FormSchema schema;
        schema.procedureCode = stringMember(doc, "procedure_code", "");
        if (schema.procedureCode.empty() || schema.procedureCode.size() > 40)
            throw Fault{"procedure_code", "must have 1–40 characters"};
        const json& version = member(doc, "version", "");
        if (!version.is_number_integer() || version.get<long long>() < 0)
            throw Fault{"version", "must be a non-negative integer"};
        schema.version = version.get<long long>();
        if (doc.contains("title")) schema.title = text(doc["title"], "title");
        const json& sections = member(doc, "sections", "");
        if (!sections.is_array() || sections.empty())
            throw Fault{"sections", "must be a non-empty array"};
        std::set<std::string> sectionIds, fieldIds;
        for (std::size_t i = 0; i < sections.size(); ++i) {
            std::string path = "sections[" + std::to_string(i) + "]";
            const json& s = sections[i];
            if (!s.is_object()) throw Fault{path, "a section must be an object"};
            checkKeys(s, path, {"id", "title", "fields"}, strictKeys);
            FormSection section;
            section.id = stringMember(s, "id", path);
            if (!isSnakeId(section.id)) throw Fault{path + ".id", "not a snake_case id"};
            if (!sectionIds.insert(section.id).second)
                throw Fault{path + ".id", "duplicate section id '" + section.id + "'"};
            section.title = text(member(s, "title", path), path + ".title");
            section.fields =
                parseFields(member(s, "fields", path), path + ".fields", strictKeys, false);
            for (const auto& f : section.fields)
                if (!fieldIds.insert(f.id).second)
                    throw Fault{path, "duplicate field id '" + f.id + "'"};
            schema.sections.push_back(std::move(section));
        }
        for (const auto& s : schema.sections)
            for (const auto& f : s.fields) checkConditions(f, nullptr, schema, s.id + "." + f.id);
        return schema;
    } catch (const Fault& f) {
        return fail(SchemaError{f.path, f.message});
    } catch (const json::exception& e) {
        return fail(SchemaError{"", e.what()});
    }
}

Result<FormSchema, SchemaError> parseFormSchemaText(std::string_view text, bool strictKeys) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) return fail(SchemaError{"", "not valid JSON"});
    return parseFormSchema(doc, strictKeys);
}

}  // namespace dvc::forms
