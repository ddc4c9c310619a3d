#pragma once
// A form being filled in on the kiosk: the values, which came from the card, which of those
// the citizen may not change, and what to send. The UI edits through it; the Session owns it.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/admin_units.h"
#include "identity/citizen_identity.h"
#include "forms/form_schema.h"
#include "forms/validation.h"

namespace dvc::forms {

// Data the law lets a citizen correct on a declaration is editable; data of the population
// database is not (docs/forms.md). True for the number, name, date of birth, gender,
// nationality, ethnicity, hometown, parents, old ID number and issue date; false for residence
// (it may have changed since the card was issued), religion and spouse.
bool locksWhenVerified(PrefillSource source);

struct PrefillMark {
    PrefillSource source = PrefillSource::None;
    IdentitySource from = IdentitySource::QrCode;
    bool locked = false;  // only for verified chip data and a source that locks
};

struct Prefill {
    nlohmann::json values = nlohmann::json::object();
    std::map<std::string, PrefillMark> marks;  // by top-level field id
};

// Values for the schema's top-level fields that name a prefill source the identity has.
// Addresses are split into picker codes where the names match (splitAddress).
Prefill prefillFrom(const FormSchema& schema, const CitizenIdentity& identity,
                    const AdminUnits* units);

enum class EditResult { Applied, Locked, UnknownField, NoSuchItem };

class FormDraft {
  public:
    explicit FormDraft(FormSchema schema);

    void prefill(const CitizenIdentity& identity, const AdminUnits* units);

    // A top-level field's value; a locked field refuses (EditResult::Locked). Editing a
    // pre-filled, unlocked field keeps its mark as "changed by the citizen".
    EditResult set(const std::string& fieldId, nlohmann::json value);
    EditResult setInGroup(const std::string& groupId, std::size_t index, const std::string& subId,
                          nlohmann::json value);
    // Adds an empty entry; false when the group is full (max_items) or not a group.
    bool addGroupItem(const std::string& groupId);
    bool removeGroupItem(const std::string& groupId, std::size_t index);
    std::size_t groupSize(const std::string& groupId) const;

    const FormSchema& schema() const { return schema_; }
    const nlohmann::json& values() const { return values_; }
    const PrefillMark* mark(const std::string& fieldId) const;
    bool isLocked(const std::string& fieldId) const;
    bool wasChanged(const std::string& fieldId) const;  // pre-filled, then edited

    // What to send as the dossier's `form`: visible, filled-in values only.
    nlohmann::json submission() const;
    // Every problem of submission(), as the gateway will judge it.
    std::vector<FieldProblem> review(const ValidationContext& context) const;

    // Drops every value and mark (end of session, idle timeout).
    void wipe();

  private:
    FormSchema schema_;
    nlohmann::json values_ = nlohmann::json::object();
    std::map<std::string, PrefillMark> marks_;
    std::map<std::string, bool> changed_;
};

}  // namespace dvc::forms
