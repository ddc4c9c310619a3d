#include "forms/form_draft.h"

#include <cstdio>

#include "forms/field_rules.h"

namespace dvc::forms {

namespace {

using json = nlohmann::json;

std::string isoDate(const std::optional<std::chrono::year_month_day>& date) {
    if (!date || !date->ok()) return {};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date->year()),
                  static_cast<unsigned>(date->month()), static_cast<unsigned>(date->day()));
    return text;
}

// The card's value for a pre-fill source, as the form's text (dates as YYYY-MM-DD).
std::optional<std::string> identityText(const CitizenIdentity& id, PrefillSource source) {
    switch (source) {
        case PrefillSource::FullName:
            return id.fullName;
        case PrefillSource::DateOfBirth:
            return isoDate(id.dateOfBirth);
        case PrefillSource::IdNumber:
            return id.personalNumber;
        case PrefillSource::Residence:
            return id.residence;
        case PrefillSource::Hometown:
            return id.placeOfOrigin;
        case PrefillSource::Nationality:
            return id.nationality;
        case PrefillSource::Ethnicity:
            return id.ethnicity;
        case PrefillSource::Religion:
            return id.religion;
        case PrefillSource::FatherName:
            return id.fatherName;
        case PrefillSource::MotherName:
            return id.motherName;
        case PrefillSource::SpouseName:
            return id.spouseName;
        case PrefillSource::OldIdNumber:
            return id.oldIdNumber;
        case PrefillSource::IssueDate:
            return isoDate(id.issueDate);
        case PrefillSource::None:
        case PrefillSource::Gender:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<json> prefillValue(const FormField& field, const CitizenIdentity& id,
                                 const AdminUnits* units) {
    if (field.prefill == PrefillSource::Gender) {
        if (!id.gender || field.type != FieldType::Select) return std::nullopt;
        std::string value = *id.gender == Gender::Male ? "nam" : "nu";
        for (const auto& o : field.options)
            if (o.value == value) return json(value);
        return std::nullopt;
    }
    const auto text = identityText(id, field.prefill);
    if (!text || trimmed(*text).empty()) return std::nullopt;
    if (field.type == FieldType::Address) {
        json parts = splitAddress(*text, units);
        if (field.addressLevel != AddressLevel::Full) parts.erase("detail");
        if (field.addressLevel == AddressLevel::Province) {
            parts.erase("district");
            parts.erase("commune");
        }
        return parts;
    }
    return json(*text);
}

}  // namespace

bool locksWhenVerified(PrefillSource source) {
    switch (source) {
        case PrefillSource::Residence:
        case PrefillSource::Religion:
        case PrefillSource::SpouseName:
        case PrefillSource::None:
            return false;
        default:
            return true;
    }
}

Prefill prefillFrom(const FormSchema& schema, const CitizenIdentity& identity,
                    const AdminUnits* units) {
    Prefill out;
    for (const FormField* f : schema.fields()) {
        if (f->prefill == PrefillSource::None) continue;
        auto value = prefillValue(*f, identity, units);
        if (!value) continue;
        out.values[f->id] = *value;
        out.marks[f->id] =
            PrefillMark{f->prefill, identity.source,
                        identity.verified && identity.source == IdentitySource::Chip &&
                            locksWhenVerified(f->prefill)};
    }
    return out;
}

FormDraft::FormDraft(FormSchema schema) : schema_(std::move(schema)) {}

void FormDraft::prefill(const CitizenIdentity& identity, const AdminUnits* units) {
    Prefill p = prefillFrom(schema_, identity, units);
    for (auto& [id, value] : p.values.items()) values_[id] = value;
    for (auto& [id, mark] : p.marks) {
        marks_[id] = mark;
        changed_.erase(id);
    }
}

EditResult FormDraft::set(const std::string& fieldId, json value) {
    const FormField* f = schema_.field(fieldId);
    if (!f || f->type == FieldType::Group) return EditResult::UnknownField;
    if (isLocked(fieldId)) return EditResult::Locked;
    if (marks_.count(fieldId) && values_.value(fieldId, json()) != value) changed_[fieldId] = true;
    values_[fieldId] = std::move(value);
    return EditResult::Applied;
}

EditResult FormDraft::setInGroup(const std::string& groupId, std::size_t index,
                                 const std::string& subId, json value) {
    const FormField* g = schema_.field(groupId);
    if (!g || g->type != FieldType::Group || !g->subField(subId)) return EditResult::UnknownField;
    if (index >= groupSize(groupId)) return EditResult::NoSuchItem;
    values_[groupId][index][subId] = std::move(value);
    return EditResult::Applied;
}

bool FormDraft::addGroupItem(const std::string& groupId) {
    const FormField* g = schema_.field(groupId);
    if (!g || g->type != FieldType::Group || groupSize(groupId) >= g->maxItems) return false;
    if (!values_.contains(groupId) || !values_[groupId].is_array())
        values_[groupId] = json::array();
    values_[groupId].push_back(json::object());
    return true;
}

bool FormDraft::removeGroupItem(const std::string& groupId, std::size_t index) {
    if (index >= groupSize(groupId)) return false;
    values_[groupId].erase(index);
    return true;
}

std::size_t FormDraft::groupSize(const std::string& groupId) const {
    auto it = values_.find(groupId);
    return it != values_.end() && it->is_array() ? it->size() : 0;
}

const PrefillMark* FormDraft::mark(const std::string& fieldId) const {
    auto it = marks_.find(fieldId);
    return it == marks_.end() ? nullptr : &it->second;
}

bool FormDraft::isLocked(const std::string& fieldId) const {
    const PrefillMark* m = mark(fieldId);
    return m && m->locked;
}

bool FormDraft::wasChanged(const std::string& fieldId) const {
    auto it = changed_.find(fieldId);
    return it != changed_.end() && it->second;
}

json FormDraft::submission() const {
    json out = json::object();
    for (const FormField* f : schema_.fields()) {
        auto it = values_.find(f->id);
        if (it == values_.end() || isEmptyValue(*it) || !isVisible(*f, values_, nullptr)) continue;
        if (f->type != FieldType::Group || !it->is_array()) {
            out[f->id] = *it;
            continue;
        }
        json items = json::array();
        for (const auto& item : *it) {
            json kept = json::object();
            for (const auto& sub : f->fields) {
                auto v = item.find(sub.id);
                if (v != item.end() && !isEmptyValue(*v) && isVisible(sub, values_, &item))
                    kept[sub.id] = *v;
            }
            items.push_back(std::move(kept));
        }
        out[f->id] = std::move(items);
    }
    return out;
}

std::vector<FieldProblem> FormDraft::review(const ValidationContext& context) const {
    return validateSubmission(schema_, submission(), context);
}

void FormDraft::wipe() {
    values_ = json::object();
    marks_.clear();
    changed_.clear();
}

}  // namespace dvc::forms
