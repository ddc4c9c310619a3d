#pragma once
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/dossier.h"
#include "domain/dossier_submission.h"
#include "domain/kiosk_health.h"
#include "domain/procedure.h"
#include "portal/portal_error.h"

namespace dvc {

// The Kiosk API as the core sees it (docs/api/openapi.yaml). Implementations must be safe to
// call from worker threads; calls block, so the UI thread never makes them.
class PortalClient {
public:
    virtual ~PortalClient() = default;
    virtual Result<DossierStatus, PortalError> dossierStatus(const std::string& code) = 0;
    virtual Result<CatalogPage, PortalError> catalog(std::optional<int> sinceVersion) = 0;
    virtual Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat& beat) = 0;
    // POST /api/v1/dossiers. The same idempotencyKey (a UUID, one per submission) is sent on
    // every retry, so the back end creates the dossier once; a replay returns the same receipt.
    virtual Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission& request,
                                                              const std::string& idempotencyKey) = 0;
};

}  // namespace dvc
