#pragma once
// Server-side checks of POST /api/v1/dossiers. The gateway never trusts the kiosk: everything
// the kiosk validated is validated again here.
//
// Two outcomes, as the contract distinguishes them:
//  * a malformed request (not an object, a required member missing, a member of the wrong JSON
//    type): 400 with one problem (missing_field / invalid_field / invalid_json);
//  * a well-formed request whose values break the rules: 422 validation_failed with one entry
//    per offending field (dotted path: "applicant.phone", "form.noi_sinh").
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/problem.h"
#include "common/bilingual.h"
#include "server/store.h"

namespace dvc::gateway {

// Only the members of the request, not attachments' content (uploaded separately).
inline constexpr std::size_t kMaxDossierRequestBytes = 64 * 1024;

struct FieldError {
    std::string field;  // dotted path
    std::string code;   // required, invalid_format, too_long, out_of_range, not_allowed, not_found
    BilingualText message;
};

struct DossierRequestCheck {
    std::optional<Problem> malformed;  // 400 when set
    std::vector<FieldError> errors;    // 422 when not empty
    bool ok() const { return !malformed && errors.empty(); }
};

// `procedure` is the catalogue entry named by body["procedure_code"] (nullptr when unknown).
// `today` is the gateway's date (YYYY-MM-DD, Vietnam time), for dates that cannot be future.
DossierRequestCheck validateDossierRequest(const nlohmann::json& body,
                                           const ProcedureRecord* procedure,
                                           const std::string& today);

}  // namespace dvc::gateway
