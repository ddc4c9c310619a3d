#include "forms/validation.h"

#include <climits>
#include <set>

#include "common/utf8.h"
#include "forms/field_rules.h"
#include "forms/pattern_match.h"
#include "i18n/translations.h"
#include "identity/province_codes.h"
#include "input/numeric_entry.h"

namespace dvc::forms {

namespace {

using json = nlohmann::json;
using Params = std::vector<std::pair<std::string, std::string>>;

enum class Mode { Review, Typing };

const json* member(const json* obj, const std::string& key) {
    if (!obj || !obj->is_object()) return nullptr;
    auto it = obj->find(key);
    return it == obj->end() ? nullptr : &*it;
}

const json* lookupCondition(const Condition& c, const json& values, const json* item) {
    if (const json* v = member(item, c.field)) return v;
    return member(&values, c.field);
}

bool holds(const Condition& c, const json& values, const json* item) {
    const json* v = lookupCondition(c, values, item);
    return v && *v == c.equals;
}

class Checker {
  public:
    Checker(const FormSchema& schema, const json& root, const ValidationContext& ctx, Mode mode,
            std::vector<FieldProblem>& out)
        : schema_(schema), root_(root), ctx_(ctx), mode_(mode), out_(out) {}

    void form() {
        if (!root_.is_object()) {
            out_.push_back({"", "invalid_type", "form.error.not_object", {}, {}});
            return;
        }
        std::set<std::string> known;
        for (const FormField* f : schema_.fields()) {
            known.insert(f->id);
            field(*f, member(&root_, f->id), f->id, nullptr);
        }
        for (const auto& [key, value] : root_.items())
            if (!known.count(key))
                out_.push_back({key, "not_allowed", "form.error.unknown_field", {}, {}});
    }

    void field(const FormField& f, const json* value, const std::string& path, const json* item) {
        bool empty = !value || isEmptyValue(*value);
        if (!isVisible(f, root_, item)) {
            if (!empty && mode_ == Mode::Review)
                add(f, path, "not_allowed", "form.error.hidden_value");
            return;
        }
        if (empty) {
            if (mode_ == Mode::Typing) return;
            if (f.type == FieldType::Group && f.minItems > 0)
                add(f, path, "too_few_items", "form.error.group.too_few",
                    {{"min", std::to_string(f.minItems)}});
            else if (isRequired(f, root_, item))
                add(f, path, "required", requiredKey(f.type));
            return;
        }
        typed(f, *value, path);
    }

    void typed(const FormField& f, const json& v, const std::string& path) {
        switch (f.type) {
            case FieldType::Text:
                return text(f, v, path);
            case FieldType::PersonName:
                return stringRule(f, v, path,
                                  checkPersonName(stringOf(v), f.maxLength.value_or(100)));
            case FieldType::Date:
                return date(f, v, path);
            case FieldType::CccdNumber:
                return stringRule(f, v, path,
                                  checkCccdNumber(stringOf(v), mode_ == Mode::Typing, ctx_.today));
            case FieldType::Phone:
                return stringRule(f, v, path, checkPhone(stringOf(v), mode_ == Mode::Typing));
            case FieldType::Email:
                return stringRule(f, v, path, checkEmail(stringOf(v), mode_ == Mode::Typing));
            case FieldType::Address:
                return address(f, v, path);
            case FieldType::Select:
                return select(f, v, path);
            case FieldType::Checkbox:
                if (!v.is_boolean()) add(f, path, "invalid_type", "form.error.invalid_type");
                return;
            case FieldType::Number:
            case FieldType::Money:
                return number(f, v, path);
            case FieldType::Group:
                return group(f, v, path);
        }
    }

  private:
    static std::string stringOf(const json& v) { return v.is_string() ? v.get<std::string>() : ""; }

    static const char* requiredKey(FieldType type) {
        switch (type) {
            case FieldType::Checkbox:
                return "form.error.required_checkbox";
            case FieldType::Select:
            case FieldType::Address:
                return "form.error.required_choice";
            default:
                return "form.error.required";
        }
    }

    void add(const FormField& f, const std::string& path, std::string code, std::string key,
             Params params = {}) {
        if (auto it = f.messages.find(code); it != f.messages.end()) key = it->second;
        out_.push_back({path, std::move(code), std::move(key), f.label, std::move(params)});
    }

    void stringRule(const FormField& f, const json& v, const std::string& path,
                    std::optional<RuleFailure> failure) {
        if (!v.is_string()) return add(f, path, "invalid_type", "form.error.invalid_type");
        if (failure) add(f, path, failure->code, failure->messageKey, failure->params);
    }

    void text(const FormField& f, const json& v, const std::string& path) {
        if (!v.is_string()) return add(f, path, "invalid_type", "form.error.invalid_type");
        auto s = v.get<std::string>();
        if (auto failure = checkPlainText(s, f.maxLength.value_or(500)))
            return add(f, path, failure->code, failure->messageKey, failure->params);
        if (!f.pattern.empty() && mode_ == Mode::Review && !matchesPattern(f.pattern, trimmed(s)))
            add(f, path, "invalid_format",
                f.patternMessageKey.empty() ? "form.error.pattern" : f.patternMessageKey);
    }

    void date(const FormField& f, const json& v, const std::string& path) {
        if (!v.is_string()) return add(f, path, "invalid_type", "form.error.invalid_type");
        if (auto failure =
                checkDate(v.get<std::string>(), ctx_.today, f.allowFuture, f.minAge, f.maxAge))
            add(f, path, failure->code, failure->messageKey, failure->params);
    }

    void select(const FormField& f, const json& v, const std::string& path) {
        if (v.is_string())
            for (const auto& o : f.options)
                if (o.value == v.get<std::string>()) return;
        add(f, path, "invalid_option", "form.error.select.option");
    }

    void number(const FormField& f, const json& v, const std::string& path) {
        bool money = f.type == FieldType::Money;
        if (v.is_number_float())
            return add(f, path, "invalid_format",
                       money ? "form.error.money.decimals" : "form.error.number.integer");
        if (!v.is_number_integer()) return add(f, path, "invalid_type", "form.error.invalid_type");
        long long n = v.is_number_unsigned() && v.get<unsigned long long>() > LLONG_MAX
                          ? LLONG_MAX
                          : v.get<long long>();
        auto show = [money](long long x) { return money ? groupThousands(x) : std::to_string(x); };
        std::optional<long long> min = f.min;
        if (money && (!min || *min < 0)) min = 0;
        if (money && n < 0) return add(f, path, "out_of_range", "form.error.money.negative");
        if (min && n < *min)
            return add(f, path, "out_of_range",
                       money ? "form.error.money.min" : "form.error.number.min",
                       {{"min", show(*min)}});
        if (f.max && n > *f.max)
            add(f, path, "out_of_range", money ? "form.error.money.max" : "form.error.number.max",
                {{"max", show(*f.max)}});
    }

    void address(const FormField& f, const json& v, const std::string& path) {
        if (!v.is_object()) return add(f, path, "invalid_type", "form.error.invalid_type");
        for (const auto& [key, part] : v.items()) {
            if (key != "province" && key != "district" && key != "commune" && key != "detail")
                add(f, path + "." + key, "not_allowed", "form.error.unknown_field");
            else if (!part.is_string() && !part.is_null())
                add(f, path + "." + key, "invalid_type", "form.error.invalid_type");
        }
        auto part = [&](const char* key) {
            const json* p = member(&v, key);
            return p && p->is_string() ? trimmed(p->get<std::string>()) : std::string();
        };
        std::string province = part("province"), district = part("district"),
                    commune = part("commune"), detail = part("detail");
        bool review = mode_ == Mode::Review;
        bool wantsDistrict = f.addressLevel != AddressLevel::Province;
        bool wantsDetail = f.addressLevel == AddressLevel::Full;

        const Province* listed = nullptr;
        if (province.empty()) {
            if (review) add(f, path + ".province", "required", "form.error.address.province");
        } else if (ctx_.adminUnits ? !(listed = ctx_.adminUnits->province(province))
                                   : !provinceName(province)) {
            add(f, path + ".province", "unknown_province", "form.error.address.unknown_province");
            return;
        }
        if (!wantsDistrict) return;
        const District* listedDistrict = nullptr;
        if (district.empty()) {
            if (review) add(f, path + ".district", "required", "form.error.address.district");
        } else if (listed && !listed->districts.empty()) {
            listedDistrict = ctx_.adminUnits->district(province, district);
            if (!listedDistrict)
                return add(f, path + ".district", "unknown_district",
                           "form.error.address.unknown_district");
        } else if (auto failure = checkPlainText(district, 100)) {
            add(f, path + ".district", failure->code, failure->messageKey, failure->params);
        }
        if (commune.empty()) {
            if (review) add(f, path + ".commune", "required", "form.error.address.commune");
        } else if (listedDistrict && !listedDistrict->communes.empty()) {
            if (!ctx_.adminUnits->commune(province, district, commune))
                add(f, path + ".commune", "unknown_commune", "form.error.address.unknown_commune");
        } else if (auto failure = checkPlainText(commune, 100)) {
            add(f, path + ".commune", failure->code, failure->messageKey, failure->params);
        }
        if (!wantsDetail) {
            if (!detail.empty() && review)
                add(f, path + ".detail", "not_allowed", "form.error.unknown_field");
            return;
        }
        if (detail.empty()) {
            if (review) add(f, path + ".detail", "required", "form.error.address.detail");
        } else if (auto failure = checkPlainText(detail, f.maxLength.value_or(200))) {
            add(f, path + ".detail", failure->code, failure->messageKey, failure->params);
        }
    }

    void group(const FormField& f, const json& v, const std::string& path) {
        if (!v.is_array()) return add(f, path, "invalid_type", "form.error.invalid_type");
        if (v.size() > f.maxItems)
            return add(f, path, "too_many_items", "form.error.group.too_many",
                       {{"max", std::to_string(f.maxItems)}});
        if (v.size() < f.minItems && mode_ == Mode::Review)
            add(f, path, "too_few_items", "form.error.group.too_few",
                {{"min", std::to_string(f.minItems)}});
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string itemPath = path + "[" + std::to_string(i) + "]";
            const json& item = v[i];
            if (!item.is_object()) {
                add(f, itemPath, "invalid_type", "form.error.invalid_type");
                continue;
            }
            for (const auto& sub : f.fields)
                field(sub, member(&item, sub.id), itemPath + "." + sub.id, &item);
            for (const auto& [key, value] : item.items())
                if (!f.subField(key))
                    out_.push_back(
                        {itemPath + "." + key, "not_allowed", "form.error.unknown_field", {}, {}});
        }
    }

    const FormSchema& schema_;
    const json& root_;
    const ValidationContext& ctx_;
    Mode mode_;
    std::vector<FieldProblem>& out_;
};

}  // namespace

std::chrono::year_month_day vietnamToday() {
    using namespace std::chrono;
    return year_month_day{floor<days>(system_clock::now() + hours(7))};
}

bool isVisible(const FormField& field, const json& values, const json* item) {
    return !field.visibleIf || holds(*field.visibleIf, values, item);
}

bool isRequired(const FormField& field, const json& values, const json* item) {
    if (field.required) return true;
    return field.requiredIf && holds(*field.requiredIf, values, item);
}

std::vector<FieldProblem> validateSubmission(const FormSchema& schema, const json& values,
                                             const ValidationContext& context) {
    std::vector<FieldProblem> out;
    Checker(schema, values, context, Mode::Review, out).form();
    return out;
}

std::vector<FieldProblem> validateSubmission(const FormSchema& schema, const json& values) {
    return validateSubmission(schema, values, ValidationContext{vietnamToday(), nullptr});
}

std::vector<FieldProblem> checkWhileTyping(const FormSchema& schema, const FormField& field,
                                           const json& value, const ValidationContext& context) {
    std::vector<FieldProblem> out;
    static const json kNoValues = json::object();
    if (field.type == FieldType::Group || isEmptyValue(value)) return out;
    Checker(schema, kNoValues, context, Mode::Typing, out).typed(field, value, field.id);
    return out;
}

BilingualText explain(const FieldProblem& problem, const Translations& translations) {
    BilingualText out;
    for (Language lang : {Language::Vietnamese, Language::English}) {
        std::string s = translations.text(lang, problem.messageKey);
        Params params = problem.params;
        params.emplace_back("label", problem.label.in(lang));
        for (const auto& [name, value] : params) {
            std::string token = "{" + name + "}";
            for (auto pos = s.find(token); pos != std::string::npos;
                 pos = s.find(token, pos + value.size()))
                s.replace(pos, token.size(), value);
        }
        (lang == Language::Vietnamese ? out.vi : out.en) = s;
    }
    return out;
}

json fieldErrorsJson(const std::vector<FieldProblem>& problems, const Translations& translations) {
    json out = json::array();
    for (const auto& p : problems) {
        auto message = explain(p, translations);
        out.push_back({{"field", p.field.empty() ? "form" : "form." + p.field},
                       {"code", p.code},
                       {"message", {{"vi", message.vi}, {"en", message.en}}}});
    }
    return out;
}

std::string formatHintKey(const FormField& field) {
    if (!field.patternMessageKey.empty()) return field.patternMessageKey;
    return std::string("form.format.") + apiName(field.type);
}

}  // namespace dvc::forms
