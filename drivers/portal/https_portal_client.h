#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "config/config.h"
#include "portal/portal_client.h"

namespace dvc {

// The Kiosk API over HTTPS with libcurl. The gateway's certificate must chain to the
// configured CA (peer and host verified; no fallback to plain HTTP, no "insecure" switch).
// One connection is kept and reused; calls are serialised, so it is safe from any thread.
class HttpsPortalClient final : public PortalClient {
public:
    HttpsPortalClient(BackendConfig config, std::string kioskId);
    ~HttpsPortalClient() override;

    Result<DossierStatus, PortalError> dossierStatus(const std::string& code) override;
    Result<CatalogPage, PortalError> catalog(std::optional<int> sinceVersion) override;
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat& beat) override;
    Result<std::optional<CatalogPage>, PortalError> catalogIfChanged(
        std::optional<int> sinceVersion, const std::string& etag) override;
    Result<ProcedureDetail, PortalError> procedureDetail(const std::string& code) override;
    Result<forms::FormSchema, PortalError> formSchema(const std::string& code) override;
    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission& request,
                                                      const std::string& idempotencyKey) override;
    Result<std::vector<QueueService>, PortalError> queueServices() override;
    Result<QueueTicket, PortalError> issueTicket(const TicketRequest& request) override;
    Result<QueueTicket, PortalError> queueTicket(const std::string& ticketId) override;

    struct Response {
        long status = 0;
        std::string body;
        std::string contentType;
    };
    // One request; the error covers transport failures only (any HTTP status is a Response).
    Result<Response, PortalError> request(const std::string& method, const std::string& path,
                                          const std::string& body = {},
                                          const std::vector<std::string>& extraHeaders = {});

private:
    struct Handle;
    BackendConfig config_;
    std::string kioskId_;
    std::mutex mutex_;
    std::unique_ptr<Handle> handle_;
};

}  // namespace dvc
