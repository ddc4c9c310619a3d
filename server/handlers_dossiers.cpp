#include "api/json_mapping.h"
#include "domain/dossier_code.h"
#include "server/clock.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

bool isTwelveDigits(const std::string& s) {
    if (s.size() != 12) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// A required string member; writes the problem and returns nullopt if absent or not a string.
std::optional<std::string> requiredString(const json& body, const char* field,
                                          httplib::Response& res) {
    auto it = body.find(field);
    if (it == body.end() || it->is_null()) {
        sendProblem(res, problems::missingField(field));
        return std::nullopt;
    }
    if (!it->is_string()) {
        sendProblem(res, problems::invalidField(field, std::string(field) + " must be a string"));
        return std::nullopt;
    }
    return it->get<std::string>();
}

}  // namespace

void dossier(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    // httplib has URL-decoded the path already. Codes are upper-case; a lower-case code is
    // refused rather than silently fixed, so the kiosk's own normalisation stays honest.
    std::string code = req.matches[1];
    if (!isValidDossierCode(code)) {
        sendProblem(res, problems::invalidDossierCode("expected <agency>-<yymmdd>-<nnnn>"));
        return;
    }
    auto status = store.dossier(code);
    if (!status) {
        sendProblem(res, problems::dossierNotFound());
        return;
    }
    sendJson(res, *status);
}

void lookupDossiers(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    auto body = parseJsonBody(req, res);
    if (!body) return;
    if (!body->is_object()) {
        sendProblem(res, problems::invalidJson("expected a JSON object"));
        return;
    }
    auto id = requiredString(*body, "id_number", res);
    if (!id) return;
    if (!isTwelveDigits(*id)) {
        sendProblem(res, problems::invalidField("id_number", "id_number must be 12 digits"));
        return;
    }
    auto dob = requiredString(*body, "date_of_birth", res);
    if (!dob) return;
    if (!isIsoDate(*dob)) {
        sendProblem(res,
                    problems::invalidField("date_of_birth", "date_of_birth must be YYYY-MM-DD"));
        return;
    }
    // No match is an empty list, never 404: the API must not confirm that an identity exists.
    sendJson(res, {{"dossiers", store.dossiersOf(*id, *dob)}});
}

}  // namespace dvc::gateway::handlers
