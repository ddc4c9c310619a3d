#pragma once
// What the catalogue screens' flow needs from the procedure catalogue, as a port: the Session
// (dvc_core) stays free of SQLite; kiosk/catalog's CatalogService implements it over
// CatalogStore, CatalogSync, CatalogSearch and CatalogBrowser.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_browser.h"
#include "common/result.h"
#include "domain/procedure.h"
#include "domain/procedure_detail.h"

namespace dvc {

// The cache as the screens describe it: how many procedures, and when the gateway last
// confirmed it (epoch seconds; nullopt: never).
struct CatalogCacheState {
    std::size_t procedures = 0;
    std::optional<std::int64_t> confirmedEpoch;
};

struct CatalogSyncOutcome {
    bool reachable = true;  // false: the gateway could not be reached; the cache is unchanged
    bool changed = false;   // the catalogue's content changed (browse lists may differ)
    CatalogCacheState cache;
};

struct ProcedureDetailView {
    ProcedureDetail detail;
    bool fromCache = false;                   // the gateway was unreachable: the kiosk's saved copy
    std::optional<std::int64_t> cachedEpoch;  // fromCache: when the catalogue was confirmed
};

enum class DetailFailure {
    Unavailable,  // gateway unreachable and no saved copy
    Withdrawn,    // the gateway no longer knows the procedure
};

class CatalogAccess {
  public:
    virtual ~CatalogAccess() = default;

    // Blocking (SQLite, HTTPS): the flow calls these on a worker, never on the UI thread.
    // Reads the cache into the browse model and the search's ranking data.
    virtual CatalogCacheState load() = 0;
    // One delta sync round with the gateway; on change, rebuilds the browse model.
    virtual CatalogSyncOutcome sync() = 0;
    // Best first, at most `limit`.
    virtual std::vector<ProcedureSummary> search(const std::string& query, std::size_t limit) = 0;
    // From the gateway (and saved), or the saved copy when the gateway cannot be reached.
    virtual Result<ProcedureDetailView, DetailFailure> detail(const std::string& code) = 0;

    // In memory, quick, any thread: what a browse screen at `place` lists.
    virtual std::vector<catalog::BrowseChoice> choices(const catalog::BrowsePlace& place) = 0;
};

}  // namespace dvc
