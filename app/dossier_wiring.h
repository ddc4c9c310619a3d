#pragma once
// "Nộp hồ sơ" wiring: the outbox (durable, encrypted), its delivery worker running for the
// kiosk's lifetime (pending dossiers from before a restart go out first), the SubmissionFlow
// and the address data, attached to the Session.
#include <filesystem>
#include <memory>

#include "config/config.h"
#include "forms/admin_units.h"
#include "https_portal_client.h"
#include "outbox/submission_flow.h"
#include "session/session.h"

namespace dvc::app {

class DossierWiring {
  public:
    // Never fails the kiosk: without an outbox (unwritable folder, bad key file) forms still
    // open and the review says the dossier cannot be stored; the reason is logged.
    // Delivery has its own HTTPS client: its retries against a gateway that is away never hold
    // up the screen's requests, which share one connection.
    DossierWiring(const KioskConfig& config, const std::filesystem::path& assets);
    ~DossierWiring();  // stops the delivery worker
    DossierWiring(const DossierWiring&) = delete;
    DossierWiring& operator=(const DossierWiring&) = delete;

    void attachTo(Session& session);

  private:
    HttpsPortalClient deliveryPortal_;
    std::unique_ptr<OutboxStore> store_;
    std::unique_ptr<OutboxDelivery> delivery_;
    std::unique_ptr<SubmissionFlow> submissions_;
    std::unique_ptr<forms::AdminUnits> units_;
};

}  // namespace dvc::app
