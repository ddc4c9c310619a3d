#include "catalog_command.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "api/json_mapping.h"
#include "catalog/catalog_search.h"
#include "catalog/catalog_store.h"
#include "catalog/catalog_sync.h"
#include "exit_codes.h"

namespace dvc::kioskctl {

namespace {

using nlohmann::json;

json cacheJson(catalog::CatalogStore& store, catalog::CatalogSync& sync) {
    auto s = store.state();
    auto age = sync.cacheAgeSeconds();
    return json{{"version", s.version},
                {"etag", s.etag},
                {"procedures", s.procedureCount},
                {"age_s", age ? json(*age) : json(nullptr)}};
}

std::string ageText(std::optional<std::int64_t> age) {
    if (!age) return "never synced";
    if (*age < 120) return "synced " + std::to_string(*age) + " s ago";
    if (*age < 7200) return "synced " + std::to_string(*age / 60) + " min ago";
    if (*age < 172800) return "synced " + std::to_string(*age / 3600) + " h ago";
    return "synced " + std::to_string(*age / 86400) + " days ago";
}

int exitCodeFor(const catalog::SyncError& e) {
    if (!e.portal) return kFailure;  // the local database
    switch (e.portal->kind) {
        case PortalErrorKind::Unreachable:
        case PortalErrorKind::Timeout:
        case PortalErrorKind::TlsFailure:
            return kUnreachable;
        default:
            return kBadResponse;
    }
}

}  // namespace

int catalogSync(PortalClient& portal, const std::filesystem::path& db, bool asJson) {
    auto store = catalog::CatalogStore::open(db);
    if (!store) {
        std::fprintf(stderr, "dvc-kioskctl: catalogue database %s: %s\n", db.c_str(),
                     store.error().c_str());
        return kFailure;
    }
    catalog::CatalogSync sync(**store, portal);
    auto report = sync.sync();
    if (!report) {
        const auto& e = report.error();
        if (asJson) {
            json err{{"kind", e.portal ? kindName(e.portal->kind) : "local_database"},
                     {"detail", e.message}};
            std::printf("%s\n",
                        json{{"ok", false}, {"error", err}, {"cache", cacheJson(**store, sync)}}
                            .dump()
                            .c_str());
        } else {
            auto s = (*store)->state();
            std::fprintf(stderr, "dvc-kioskctl: catalogue sync failed (%s): %s\n",
                         e.portal ? kindName(e.portal->kind) : "local database", e.message.c_str());
            std::printf("cached catalogue kept: version %d, %zu procedures, %s\n", s.version,
                        s.procedureCount, ageText(sync.cacheAgeSeconds()).c_str());
        }
        return exitCodeFor(e);
    }
    const auto& r = report.value();
    auto s = (*store)->state();
    if (asJson) {
        std::printf("%s\n", json{{"ok", true},
                                 {"version", r.version},
                                 {"not_modified", r.notModified},
                                 {"full", r.full},
                                 {"changed", r.upserted},
                                 {"removed", r.removed},
                                 {"details_fetched", r.detailsFetched},
                                 {"details_failed", r.detailsFailed},
                                 {"procedures", s.procedureCount}}
                                .dump()
                                .c_str());
    } else if (r.notModified) {
        std::printf("catalogue version %d not modified, %zu procedures, %d details fetched\n",
                    r.version, s.procedureCount, r.detailsFetched);
    } else {
        std::printf(
            "catalogue version %d (%s: %d changed, %d removed), %zu procedures, %d details "
            "fetched\n",
            r.version, r.full ? "full" : "delta", r.upserted, r.removed, s.procedureCount,
            r.detailsFetched);
    }
    return kOk;
}

int catalogSearch(const std::filesystem::path& db, const std::string& query, int limit,
                  bool asJson) {
    if (!std::filesystem::exists(db)) {
        std::fprintf(stderr,
                     "dvc-kioskctl: no catalogue at %s: run `dvc-kioskctl catalog sync` first\n",
                     db.c_str());
        return kFailure;
    }
    auto store = catalog::CatalogStore::open(db);
    if (!store) {
        std::fprintf(stderr, "dvc-kioskctl: catalogue database %s: %s\n", db.c_str(),
                     store.error().c_str());
        return kFailure;
    }
    catalog::CatalogSearch search(**store);
    auto hits = search.search(query, static_cast<std::size_t>(limit));
    if (asJson) {
        json out = json::array();
        for (const auto& h : hits)
            out.push_back({{"code", h.procedure.code},
                           {"name", h.procedure.name},
                           {"tier", apiName(h.procedure.tier)},
                           {"field", h.procedure.field},
                           {"agency", h.procedure.agency},
                           {"online", apiName(h.procedure.online)},
                           {"score", h.score}});
        std::printf("%s\n", out.dump().c_str());
    } else {
        for (const auto& h : hits)
            std::printf("%s\t%s\n", h.procedure.code.c_str(), h.procedure.name.c_str());
    }
    return hits.empty() ? kNotFound : kOk;
}

}  // namespace dvc::kioskctl
