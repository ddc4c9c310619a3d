// POST /api/v1/dossiers: dossier creation with Idempotency-Key (docs/api/openapi.yaml).
#include <openssl/evp.h>

#include <ctime>
#include <stdexcept>

#include "api/json_mapping.h"
#include "api/submission_json.h"
#include "domain/dossier_code.h"
#include "log/log.h"
#include "server/clock.h"
#include "server/dossier_validation.h"
#include "server/form_rules.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/reply.h"

namespace dvc::gateway::handlers {

namespace {

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// 8-4-4-4-12 hexadecimal digits (any UUID version: the key is the kiosk's choice).
bool isUuid(const std::string& s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i])) return false;
    }
    return true;
}

std::string sha256Hex(const std::string& data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0F];
    }
    return out;
}

// Two bodies are "identical" when they are the same JSON value: member order and whitespace
// do not matter (nlohmann's objects are sorted, so the dump is canonical).
std::string canonicalHash(const nlohmann::json& body) {
    return sha256Hex(dumpJson(body));
}

void sendValidationProblem(httplib::Response& res, const std::vector<FieldError>& errors) {
    nlohmann::json body = problems::validationFailed();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors) list.push_back(e);
    body["errors"] = std::move(list);
    res.status = 422;
    res.set_content(dumpJson(body), kProblemType);
}

void sendReceipt(httplib::Response& res, const DossierReceipt& receipt, int status) {
    sendJson(res, receipt, status);
}

std::string today() {
    return isoVietnamNow().substr(0, 10);
}

// The procedure's form schema as stored at start (already checked strictly by seedForms);
// nullopt when the procedure has no e-form. A stored schema that no longer parses is a server
// fault, not the kiosk's: it throws, and the route answers 500.
std::optional<forms::FormSchema> storedSchema(GatewayStore& store, const std::string& code) {
    auto doc = store.form(code);
    if (!doc) return std::nullopt;
    auto schema = forms::parseFormSchema(*doc, true);
    if (!schema) throw std::runtime_error("stored form of " + code + ": " + schema.error().text());
    return std::move(schema).value();
}

}  // namespace

void createDossier(GatewayStore& store, const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > kMaxDossierRequestBytes) {
        sendProblem(res, problems::payloadTooLarge(kMaxDossierRequestBytes));
        return;
    }
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0) {
        sendProblem(res, problems::unsupportedMediaType("expected application/json"));
        return;
    }
    if (!req.has_header("Idempotency-Key")) {
        sendProblem(res, problems::missingField("Idempotency-Key"));
        return;
    }
    const std::string key = req.get_header_value("Idempotency-Key");
    if (!isUuid(key)) {
        sendProblem(res,
                    problems::invalidField("Idempotency-Key", "Idempotency-Key must be a UUID"));
        return;
    }
    auto body = parseJsonBody(req, res);
    if (!body) return;
    const std::string hash = canonicalHash(*body);

    // A key seen before answers before validation: a replay gets its receipt back even if the
    // rules changed since, and a conflicting body is a conflict whatever it holds.
    if (auto earlier = store.submissionByKey(key)) {
        if (earlier->first != hash) {
            sendProblem(res, problems::idempotencyConflict());
            return;
        }
        sendReceipt(res, earlier->second, 200);
        return;
    }

    std::optional<ProcedureRecord> procedure;
    std::optional<forms::FormSchema> schema;
    if (body->is_object())
        if (auto it = body->find("procedure_code"); it != body->end() && it->is_string()) {
            procedure = store.procedure(it->get<std::string>());
            if (procedure) schema = storedSchema(store, procedure->summary.code);
        }
    const auto& assets = formAssets();
    if (!assets) {
        // main() refuses to start without them; a server embedded elsewhere (tests) may not.
        log::error("dossiers", "form rules unavailable: " + assets.error());
        sendProblem(res, problems::internalError());
        return;
    }
    FormRules rules{schema ? &*schema : nullptr, &assets->translations,
                    assets->adminUnits ? &*assets->adminUnits : nullptr};
    auto check = validateDossierRequest(*body, procedure ? &*procedure : nullptr, today(), rules);
    if (check.malformed) {
        sendProblem(res, *check.malformed);
        return;
    }
    if (!check.errors.empty()) {
        sendValidationProblem(res, check.errors);
        return;
    }
    NewDossier dossier;
    dossier.idempotencyKey = key;
    dossier.bodySha256 = hash;
    dossier.submission = body->get<DossierSubmission>();
    dossier.receivedAt = std::time(nullptr);
    if (req.has_header("X-Kiosk-Id") &&
        req.get_header_value("X-Kiosk-Id") != dossier.submission.kioskId) {
        sendProblem(res, problems::kioskMismatch("kiosk_id differs from X-Kiosk-Id"));
        return;
    }

    auto created = store.createDossier(dossier, *procedure);
    switch (created.outcome) {
        case CreateOutcome::Conflict:
            sendProblem(res, problems::idempotencyConflict());
            return;
        case CreateOutcome::Replayed:
            sendReceipt(res, created.receipt, 200);
            return;
        case CreateOutcome::Created:
            log::info("dossiers", "created " + redactDossierCode(created.receipt.code) +
                                      " for procedure " + created.receipt.procedureCode);
            sendReceipt(res, created.receipt, 201);
            return;
    }
}

}  // namespace dvc::gateway::handlers
