#include "catalog_wiring.h"

#include <filesystem>

#include "log/log.h"

namespace dvc::app {

CatalogWiring openCatalog(const KioskConfig& config, PortalClient& portal) {
    CatalogWiring w;
    std::error_code ec;
    if (config.catalogDb.has_parent_path())
        std::filesystem::create_directories(config.catalogDb.parent_path(), ec);
    auto store = catalog::CatalogStore::open(config.catalogDb);
    if (!store) {
        log::error("catalog",
                   "cache " + config.catalogDb.string() + " not available: " + store.error());
        return w;
    }
    w.store = std::move(store).value();
    w.service = std::make_unique<catalog::CatalogService>(*w.store, portal);
    return w;
}

void attachCatalog(Session& session, CatalogWiring& wiring, const KioskConfig& config) {
    if (!wiring.service) return;
    CatalogSettings settings;
    settings.syncInterval = std::chrono::seconds(config.catalogSyncSeconds);
    session.attachCatalog(*wiring.service, settings);
}

}  // namespace dvc::app
