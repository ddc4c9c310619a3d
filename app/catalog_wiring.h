#pragma once
// The procedure catalogue of the kiosk: the SQLite cache at [paths] catalog_db and the
// service the Session's catalogue flow uses (sync every [kiosk] catalog_sync_s, search, detail).
#include <memory>

#include "catalog/catalog_service.h"
#include "catalog/catalog_store.h"
#include "config/config.h"
#include "portal/portal_client.h"
#include "session/session.h"

namespace dvc::app {

struct CatalogWiring {
    std::unique_ptr<catalog::CatalogStore> store;      // null: the cache could not be opened
    std::unique_ptr<catalog::CatalogService> service;  // null with it
};

// Opens (creating its folder) the cache; on failure logs why and returns an empty wiring: the
// kiosk still starts, without the catalogue tiles' content. Declare it before the worker pool
// in main so queued catalogue work finishes before it goes.
CatalogWiring openCatalog(const KioskConfig& config, PortalClient& portal);

// Gives the Session the catalogue (nothing if the cache could not be opened).
void attachCatalog(Session& session, CatalogWiring& wiring, const KioskConfig& config);

}  // namespace dvc::app
