#pragma once
#include <optional>
#include <string>

#include "common/result.h"
#include "domain/dossier.h"
#include "domain/kiosk_health.h"
#include "domain/procedure.h"
#include "domain/queue.h"
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

    // Queue (lấy số thứ tự). Not pure, so fakes written before the queue existed still build;
    // the defaults answer that the operation is not available.
    virtual Result<std::vector<QueueService>, PortalError> queueServices();
    virtual Result<QueueTicket, PortalError> issueTicket(const TicketRequest& request);
    virtual Result<QueueTicket, PortalError> queueTicket(const std::string& ticketId);
};

}  // namespace dvc
