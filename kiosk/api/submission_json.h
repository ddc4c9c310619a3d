#pragma once
// JSON shapes of dossier creation (DossierCreateRequest, DossierReceipt), shared by the kiosk's
// client, its outbox and the reference gateway.
#include "api/json_mapping.h"
#include "domain/dossier_submission.h"

namespace dvc {

void to_json(json& j, const Applicant& a);
void from_json(const json& j, Applicant& a);
void to_json(json& j, const DossierSubmission& s);
void from_json(const json& j, DossierSubmission& s);
void to_json(json& j, const DossierReceipt& r);
void from_json(const json& j, DossierReceipt& r);

}  // namespace dvc
