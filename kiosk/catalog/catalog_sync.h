#pragma once
// Keeps the CatalogStore in step with the gateway: a conditional, delta request (ETag +
// since_version), applied in one transaction; details fetched for what changed. When the
// gateway cannot be reached the cache stays as it was and keeps answering; cacheAge() says
// how old it is.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "catalog/catalog_store.h"
#include "common/result.h"
#include "portal/portal_client.h"

namespace dvc::catalog {

struct SyncReport {
    bool notModified = false;  // 304: the copy was already current
    bool full = false;         // the gateway sent the whole catalogue
    int upserted = 0;
    int removed = 0;
    int version = 0;
    int detailsFetched = 0;
    int detailsFailed = 0;
};

struct SyncError {
    std::optional<PortalError> portal;  // the gateway's failure; empty: the local database's
    std::string message;                // for the technician's log
};

class CatalogSync {
  public:
    using EpochClock = std::function<std::int64_t()>;

    CatalogSync(CatalogStore& store, PortalClient& portal, EpochClock clock = systemEpoch);

    // One round: catalogue first, then up to maxDetails details that are missing or stale.
    // Blocking (HTTP): call from a worker.
    Result<SyncReport, SyncError> sync(std::size_t maxDetails = 200);

    // Seconds since the gateway last confirmed the cached catalogue; nullopt if it never did.
    std::optional<std::int64_t> cacheAgeSeconds();

    // The detail to show: the cached one if current, else fetched (and cached); when the
    // gateway is unreachable, a stale cached copy (current = false) rather than nothing.
    Result<CachedDetail, PortalError> detail(const std::string& code);

    static std::int64_t systemEpoch();

  private:
    CatalogStore& store_;
    PortalClient& portal_;
    EpochClock clock_;
};

}  // namespace dvc::catalog
