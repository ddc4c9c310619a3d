#pragma once
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/dossier.h"
#include "domain/dossier_submission.h"
#include "domain/kiosk_health.h"
#include "domain/procedure.h"
#include "domain/procedure_detail.h"
#include "domain/queue.h"
#include "forms/form_schema.h"
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

    // Conditional catalogue fetch (If-None-Match): nullopt when `etag` is still current (304).
    // The default ignores the ETag, for clients that cannot send it.
    virtual Result<std::optional<CatalogPage>, PortalError> catalogIfChanged(
        std::optional<int> sinceVersion, const std::string& etag) {
        (void)etag;
        auto page = catalog(sinceVersion);
        if (!page) return fail(page.error());
        return std::optional<CatalogPage>(std::move(page).value());
    }
    // GET /api/v1/procedures/{code}: every Circular 32 item of one procedure.
    virtual Result<ProcedureDetail, PortalError> procedureDetail(const std::string& code) {
        (void)code;
        PortalError e;
        e.kind = PortalErrorKind::InvalidRequest;
        e.detail = "procedure detail not supported by this client";
        return fail(std::move(e));
    }
    // GET /api/v1/procedures/{code}/form: the procedure's e-form (docs/forms.md), parsed
    // leniently (a newer gateway may add keys). NotFound when the procedure has no e-form.
    virtual Result<forms::FormSchema, PortalError> formSchema(const std::string& code) {
        (void)code;
        PortalError e;
        e.kind = PortalErrorKind::InvalidRequest;
        e.detail = "form schema not supported by this client";
        return fail(std::move(e));
    }
    // POST /api/v1/dossiers. The same idempotencyKey (a UUID, one per submission) is sent on
    // every retry, so the back end creates the dossier once; a replay returns the same receipt.
    virtual Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission& request,
                                                              const std::string& idempotencyKey) = 0;
    // Queue (lấy số thứ tự). Not pure, so fakes written before the queue existed still build;
    // the defaults answer that the operation is not available.
    virtual Result<std::vector<QueueService>, PortalError> queueServices();
    virtual Result<QueueTicket, PortalError> issueTicket(const TicketRequest& request);
    virtual Result<QueueTicket, PortalError> queueTicket(const std::string& ticketId);
};

}  // namespace dvc
