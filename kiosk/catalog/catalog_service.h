#pragma once
// The catalogue screens' port (session/catalog_access.h) over the kiosk's SQLite copy: the
// sync, the search and the browse model, rebuilt after each change and swapped under a lock
// so the UI thread's choices() never waits for a sync.
#include <memory>
#include <mutex>

#include "catalog/catalog_browser.h"
#include "catalog/catalog_search.h"
#include "catalog/catalog_store.h"
#include "catalog/catalog_sync.h"
#include "portal/portal_client.h"
#include "session/catalog_access.h"

namespace dvc::catalog {

class CatalogService final : public CatalogAccess {
  public:
    CatalogService(CatalogStore& store, PortalClient& portal,
                   CatalogSync::EpochClock clock = CatalogSync::systemEpoch);

    CatalogCacheState load() override;
    CatalogSyncOutcome sync() override;
    std::vector<ProcedureSummary> search(const std::string& query, std::size_t limit) override;
    Result<ProcedureDetailView, DetailFailure> detail(const std::string& code) override;
    std::vector<BrowseChoice> choices(const BrowsePlace& place) override;

  private:
    CatalogCacheState cacheState();
    void rebuildBrowser();

    CatalogStore& store_;
    PortalClient& portal_;
    CatalogSync sync_;
    CatalogSearch search_;
    std::mutex browserMutex_;
    std::shared_ptr<const CatalogBrowser> browser_;
};

}  // namespace dvc::catalog
