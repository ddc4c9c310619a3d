#include "api/submission_json.h"

namespace dvc {

namespace {

std::string optionalString(const json& j, const char* key) {
    auto it = j.find(key);
    return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

void putIfSet(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

}  // namespace

void to_json(json& j, const Applicant& a) {
    j = json{
        {"full_name", a.fullName}, {"id_number", a.idNumber}, {"date_of_birth", a.dateOfBirth}};
    // Optional members are left out rather than sent empty: "" is not a valid phone number.
    putIfSet(j, "gender", a.gender);
    putIfSet(j, "phone", a.phone);
    putIfSet(j, "email", a.email);
    putIfSet(j, "address", a.address);
}

void from_json(const json& j, Applicant& a) {
    a.fullName = j.at("full_name").get<std::string>();
    a.idNumber = j.at("id_number").get<std::string>();
    a.dateOfBirth = j.at("date_of_birth").get<std::string>();
    a.gender = optionalString(j, "gender");
    a.phone = optionalString(j, "phone");
    a.email = optionalString(j, "email");
    a.address = optionalString(j, "address");
}

void to_json(json& j, const DossierSubmission& s) {
    j = json{
        {"procedure_code", s.procedureCode}, {"kiosk_id", s.kioskId},
        {"applicant", s.applicant},          {"form", s.form.is_object() ? s.form : json::object()},
        {"attachments", s.attachments},      {"submitted_at", s.submittedAt}};
}

void from_json(const json& j, DossierSubmission& s) {
    s.procedureCode = j.at("procedure_code").get<std::string>();
    s.kioskId = j.at("kiosk_id").get<std::string>();
    s.applicant = j.at("applicant").get<Applicant>();
    s.form = j.at("form");
    if (!s.form.is_object()) throw json::type_error::create(302, "form must be an object", &j);
    s.attachments = j.at("attachments").get<std::vector<std::string>>();
    s.submittedAt = j.at("submitted_at").get<std::string>();
}

void to_json(json& j, const DossierReceipt& r) {
    j = json{{"code", r.code},
             {"procedure_code", r.procedureCode},
             {"received_at", r.receivedAt},
             {"due_at", r.dueAt},
             {"status", apiName(r.state)},
             {"fee_vnd", r.feeVnd},
             {"payment_required", r.paymentRequired}};
}

void from_json(const json& j, DossierReceipt& r) {
    r.code = j.at("code").get<std::string>();
    r.procedureCode = j.at("procedure_code").get<std::string>();
    r.receivedAt = j.at("received_at").get<std::string>();
    r.dueAt = j.at("due_at").get<std::string>();
    auto state = dossierStateFromApi(j.at("status").get_ref<const std::string&>());
    if (!state) throw json::other_error::create(501, "unknown dossier status", &j);
    r.state = *state;
    r.feeVnd = j.at("fee_vnd").get<long long>();
    r.paymentRequired = j.at("payment_required").get<bool>();
}

}  // namespace dvc
