#include "catalog/catalog_service.h"

#include "log/log.h"

namespace dvc::catalog {

namespace {

// Failures that mean "the gateway is not there", as opposed to "it answered no".
bool unreachable(PortalErrorKind kind) {
    return kind == PortalErrorKind::Unreachable || kind == PortalErrorKind::Timeout ||
           kind == PortalErrorKind::TlsFailure || kind == PortalErrorKind::ServerError ||
           kind == PortalErrorKind::BadResponse;
}

}  // namespace

CatalogService::CatalogService(CatalogStore& store, PortalClient& portal,
                               CatalogSync::EpochClock clock)
    : store_(store), portal_(portal), sync_(store, portal, std::move(clock)), search_(store) {}

CatalogCacheState CatalogService::cacheState() {
    const CatalogState s = store_.state();
    return CatalogCacheState{s.procedureCount, s.lastSyncEpoch};
}

void CatalogService::rebuildBrowser() {
    auto browser = std::make_shared<const CatalogBrowser>(store_.procedures());
    std::lock_guard lock(browserMutex_);
    browser_ = std::move(browser);
}

CatalogCacheState CatalogService::load() {
    rebuildBrowser();
    search_.prepare();  // so the first keystroke does not pay for the ranking data
    return cacheState();
}

CatalogSyncOutcome CatalogService::sync() {
    CatalogSyncOutcome outcome;
    auto report = sync_.sync();
    if (!report) {
        outcome.reachable = !(report.error().portal && unreachable(report.error().portal->kind));
        log::warn("catalog", "sync failed: " + report.error().message);
    } else {
        outcome.changed =
            !report->notModified && (report->upserted > 0 || report->removed > 0 || report->full);
        if (outcome.changed) {
            rebuildBrowser();
            search_.prepare();
        }
    }
    outcome.cache = cacheState();
    return outcome;
}

std::vector<ProcedureSummary> CatalogService::search(const std::string& query, std::size_t limit) {
    std::vector<ProcedureSummary> out;
    for (auto& hit : search_.search(query, limit)) out.push_back(std::move(hit.procedure));
    return out;
}

Result<ProcedureDetailView, DetailFailure> CatalogService::detail(const std::string& code) {
    auto fetched = portal_.procedureDetail(code);
    if (fetched) {
        if (auto stored = store_.storeDetail(fetched.value()); !stored)
            log::warn("catalog", "detail not saved: " + stored.error());
        return ProcedureDetailView{std::move(fetched).value(), false, std::nullopt};
    }
    if (fetched.error().kind == PortalErrorKind::NotFound) return fail(DetailFailure::Withdrawn);
    if (!unreachable(fetched.error().kind)) {
        log::warn("catalog", std::string("detail refused: ") + kindName(fetched.error().kind));
    }
    auto cached = store_.detail(code);
    if (!cached) return fail(DetailFailure::Unavailable);
    return ProcedureDetailView{std::move(cached->detail), true, store_.state().lastSyncEpoch};
}

std::vector<BrowseChoice> CatalogService::choices(const BrowsePlace& place) {
    std::shared_ptr<const CatalogBrowser> browser;
    {
        std::lock_guard lock(browserMutex_);
        browser = browser_;
    }
    if (!browser) return {};
    return browser->choices(place);
}

}  // namespace dvc::catalog
