#include "api/procedure_detail_json.h"

namespace dvc {

namespace {

std::vector<std::string> stringList(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->get<std::vector<std::string>>();
}

std::string text(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->get<std::string>();
}

}  // namespace

void to_json(json& j, const RequiredDocument& d) {
    j = json{{"name", d.name}, {"originals", d.originals}, {"copies", d.copies}};
}
void from_json(const json& j, RequiredDocument& d) {
    j.at("name").get_to(d.name);
    d.originals = j.value("originals", 0);
    d.copies = j.value("copies", 0);
    if (d.originals < 0 || d.copies < 0)
        throw json::other_error::create(501, "negative document count", &j);
}

void to_json(json& j, const ProcedureDetail& d) {
    j = d.summary;
    j["time_limit"] = d.timeLimit;
    j["fee_text"] = d.feeText;
    j["applicants"] = d.applicants;
    j["steps"] = d.steps;
    j["submit_methods"] = d.submitMethods;
    j["documents"] = d.documents;
    j["forms"] = d.forms;
    j["conditions"] = d.conditions;
    j["result"] = d.result;
    j["result_delivery"] = d.resultDelivery;
    j["legal_basis"] = d.legalBasis;
}
void from_json(const json& j, ProcedureDetail& d) {
    j.get_to(d.summary);
    // The required fields of the contract; the lists may be empty but must be lists.
    d.timeLimit = text(j, "time_limit");
    d.feeText = text(j, "fee_text");
    d.applicants = text(j, "applicants");
    d.steps = stringList(j, "steps");
    d.submitMethods = stringList(j, "submit_methods");
    d.documents.clear();
    if (auto it = j.find("documents"); it != j.end() && !it->is_null()) it->get_to(d.documents);
    d.forms = stringList(j, "forms");
    d.conditions = text(j, "conditions");
    d.result = text(j, "result");
    d.resultDelivery = stringList(j, "result_delivery");
    d.legalBasis = stringList(j, "legal_basis");
}

}  // namespace dvc
