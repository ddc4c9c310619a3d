#pragma once
// Server-side checks of POST /api/v1/dossiers. The gateway never trusts the kiosk: everything
// the kiosk validated is validated again here.
//
// Two outcomes, as the contract distinguishes them:
//  * a malformed request (not an object, a required member missing, a member of the wrong JSON
//    type): 400 with one problem (missing_field / invalid_field / invalid_json);
//  * a well-formed request whose values break the rules: 422 validation_failed with one entry
//    per offending field (path: "applicant.phone", "form.noi_sinh", "form.tre[0].ho_ten").
//
// The form is judged by the procedure's form schema with the kiosk's own function
// (forms::validateSubmission), so both sides apply the same rules (docs/forms.md).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/problem.h"
#include "common/bilingual.h"
#include "forms/admin_units.h"
#include "forms/form_schema.h"
#include "i18n/translations.h"
#include "server/store.h"

namespace dvc::gateway {

// Only the members of the request, not attachments' content (uploaded separately).
inline constexpr std::size_t kMaxDossierRequestBytes = 64 * 1024;

// The API's FieldError (api/problem.h), so the kiosk parses what the gateway writes.
using FieldError = dvc::FieldError;

// The form's rules for one request.
struct FormRules {
    // The procedure's form schema; nullptr when the procedure has no e-form, in which case only
    // an empty form is accepted (nothing to judge the values by, so nothing is stored).
    const forms::FormSchema* schema = nullptr;
    // The explanations (assets/i18n); required for readable messages (else the keys show).
    const Translations* translations = nullptr;
    // Address codes are checked against these lists; nullptr: province codes only.
    const forms::AdminUnits* adminUnits = nullptr;
};

struct DossierRequestCheck {
    std::optional<Problem> malformed;  // 400 when set
    std::vector<FieldError> errors;    // 422 when not empty
    bool ok() const { return !malformed && errors.empty(); }
};

// `procedure` is the catalogue entry named by body["procedure_code"] (nullptr when unknown).
// `today` is the gateway's date (YYYY-MM-DD, Vietnam time), for dates that cannot be future
// and ages. `rules` judge body["form"] once the rest is well-formed.
DossierRequestCheck validateDossierRequest(const nlohmann::json& body,
                                           const ProcedureRecord* procedure,
                                           const std::string& today, const FormRules& rules);

}  // namespace dvc::gateway
