#include "catalog/catalog_sync.h"

#include <chrono>

#include "log/log.h"

namespace dvc::catalog {

std::int64_t CatalogSync::systemEpoch() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

CatalogSync::CatalogSync(CatalogStore& store, PortalClient& portal, EpochClock clock)
    : store_(store), portal_(portal), clock_(std::move(clock)) {}

Result<SyncReport, SyncError> CatalogSync::sync(std::size_t maxDetails) {
    auto held = store_.state();
    std::optional<int> since;
    std::string etag;
    if (held.version > 0) {
        since = held.version;
        etag = held.etag;
    }
    auto answer = portal_.catalogIfChanged(since, etag);
    if (!answer) {
        log::warn("catalog", std::string("sync failed: ") + kindName(answer.error().kind) + " " +
                                 answer.error().detail);
        return fail(SyncError{answer.error(), answer.error().detail});
    }
    SyncReport report;
    const auto now = clock_();
    if (!answer->has_value()) {
        report.notModified = true;
        report.version = held.version;
        if (auto ok = store_.markConfirmed(now); !ok) return fail(SyncError{{}, ok.error()});
    } else {
        const CatalogPage& page = **answer;
        auto applied = store_.apply(page, now);
        if (!applied) return fail(SyncError{{}, applied.error()});
        report.full = applied->full;
        report.upserted = applied->upserted;
        report.removed = applied->removed;
        report.version = applied->version;
    }
    for (const auto& code : store_.codesNeedingDetail(maxDetails)) {
        auto d = portal_.procedureDetail(code);
        if (!d) {
            ++report.detailsFailed;
            // Unreachable now means unreachable for the rest: try again at the next sync.
            auto kind = d.error().kind;
            if (kind == PortalErrorKind::Unreachable || kind == PortalErrorKind::Timeout ||
                kind == PortalErrorKind::TlsFailure)
                break;
            continue;
        }
        if (store_.storeDetail(*d)) ++report.detailsFetched;
    }
    log::info("catalog",
              "sync: version " + std::to_string(report.version) +
                  (report.notModified
                       ? " not modified"
                       : (report.full ? " full, " : " delta, ") + std::to_string(report.upserted) +
                             " changed, " + std::to_string(report.removed) + " removed") +
                  ", " + std::to_string(report.detailsFetched) + " details");
    return report;
}

std::optional<std::int64_t> CatalogSync::cacheAgeSeconds() {
    auto s = store_.state();
    if (!s.lastSyncEpoch) return std::nullopt;
    return std::max<std::int64_t>(0, clock_() - *s.lastSyncEpoch);
}

Result<CachedDetail, PortalError> CatalogSync::detail(const std::string& code) {
    auto cached = store_.detail(code);
    if (cached && cached->current) return *cached;
    auto fetched = portal_.procedureDetail(code);
    if (!fetched) {
        if (cached) return *cached;
        return fail(fetched.error());
    }
    // Only a procedure still in the catalogue is cached; the answer is shown either way.
    store_.storeDetail(*fetched);
    auto summary = store_.procedure(code);
    CachedDetail out{*fetched, !summary || summary->version <= fetched->summary.version};
    return out;
}

}  // namespace dvc::catalog
