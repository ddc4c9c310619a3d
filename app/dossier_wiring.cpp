#include "dossier_wiring.h"

#include "log/log.h"
#include "session/dossier_flow.h"

namespace dvc::app {

DossierWiring::DossierWiring(const KioskConfig& config, const std::filesystem::path& assets)
    : deliveryPortal_(config.backend, config.kioskId) {
    auto units = forms::AdminUnits::load(assets / "data" / "admin_units.json");
    if (units)
        units_ = std::make_unique<forms::AdminUnits>(std::move(units).value());
    else
        log::error("dossier", "address data not available: " + units.error());

    std::error_code ec;
    std::filesystem::create_directories(config.outboxDb.parent_path(), ec);
    auto key = OutboxKey::loadOrCreate(config.outboxKey);
    if (!key) {
        log::error("dossier", "outbox key not available: " + key.error());
        return;
    }
    auto store = OutboxStore::open(config.outboxDb, key.value());
    if (!store) {
        log::error("dossier", "outbox not available: " + store.error());
        return;
    }
    store_ = std::move(store).value();
    delivery_ = std::make_unique<OutboxDelivery>(*store_, deliveryPortal_);
    submissions_ = std::make_unique<SubmissionFlow>(*store_, *delivery_);
    const int pending = store_->countIn(OutboxState::Pending);
    if (pending > 0)
        log::info("dossier", std::to_string(pending) + " dossier(s) waiting in the outbox");
    delivery_->start();  // its first pass sends what a previous run left pending
}

DossierWiring::~DossierWiring() {
    if (delivery_) delivery_->stop();
    submissions_.reset();
    delivery_.reset();
    store_.reset();
}

void DossierWiring::attachTo(Session& session) {
    session.attachSubmissions(submissions_.get(), units_.get());
}

}  // namespace dvc::app
