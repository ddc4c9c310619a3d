// The catalogue end to end: CatalogSync → HttpsPortalClient → TLS → dvc-gateway, then the
// gateway publishes a change (delta), then it stops (offline: the cache keeps answering).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "catalog/catalog_search.h"
#include "catalog/catalog_store.h"
#include "catalog/catalog_sync.h"
#include "gateway_process.h"
#include "https_portal_client.h"
#include "server/store.h"

using namespace dvc;
using namespace dvc::catalog;
using dvc::test::GatewayProcess;
using dvc::test::runCommand;

namespace {

BackendConfig backendFor(const GatewayProcess& gw) {
    BackendConfig b;
    b.url = gw.url();
    b.caFile = gw.caFile();
    b.connectTimeoutMs = 1000;
    b.requestTimeoutMs = 3000;
    return b;
}

// Publishes through the gateway's own store, as its administration would.
void publishChange(const GatewayProcess& gw) {
    auto store = gateway::GatewayStore::open(gw.dataDir() / "gateway.db");
    REQUIRE(store.ok());
    auto marriage = (*store)->procedure("1.000894");
    REQUIRE(marriage);
    marriage->summary.name = "Thủ tục đăng ký kết hôn (sửa đổi 2026)";
    gateway::ProcedureRecord bees;
    bees.summary.code = "3.000777";
    bees.summary.name = "Cấp giấy chứng nhận cơ sở nuôi ong mật";
    bees.summary.tier = Tier::District;
    bees.summary.field = "Chăn nuôi";
    bees.summary.agency = "Ủy ban nhân dân cấp huyện";
    bees.summary.keywords = {"nuôi ong", "mật ong"};
    bees.detail = {{"time_limit", "05 ngày làm việc"}, {"steps", {"Nộp hồ sơ", "Nhận kết quả"}}};
    CHECK((*store)->publishProcedures({*marriage, bees}) > 0);
    CHECK((*store)->withdrawProcedure("1.000656") > 0);
}

}  // namespace

TEST_CASE("catalog: full sync, 304, delta after a change, then offline from the cache") {
    GatewayProcess gw("catalog-sync");
    HttpsPortalClient client(backendFor(gw), "KIOSK-IT-CAT");
    auto dir = test::freshTempDir("catalog-sync-kiosk");
    auto opened = CatalogStore::open(dir / "catalog.db");
    REQUIRE(opened.ok());
    auto& store = **opened;
    std::int64_t now = 1'800'000'000;
    CatalogSync sync(store, client, [&] { return now; });
    CatalogSearch search(store);
    CHECK_FALSE(sync.cacheAgeSeconds().has_value());

    auto first = sync.sync();
    REQUIRE(first.ok());
    CHECK(first->full);
    CHECK(first->upserted == 38);
    CHECK(first->detailsFetched == 38);
    CHECK(store.state().procedureCount == 38);
    const int v1 = store.state().version;
    CHECK(store.state().etag == "\"catalog-v" + std::to_string(v1) + "\"");

    now += 60;
    auto again = sync.sync();
    REQUIRE(again.ok());
    CHECK(again->notModified);  // ETag matched: 304, nothing transferred
    CHECK(again->detailsFetched == 0);
    CHECK(sync.cacheAgeSeconds() == 0);

    publishChange(gw);
    now += 60;
    auto delta = sync.sync();
    REQUIRE(delta.ok());
    CHECK_FALSE(delta->full);
    CHECK(delta->upserted == 2);  // only what changed
    CHECK(delta->removed == 1);
    CHECK(delta->detailsFetched == 2);
    CHECK(delta->version > v1);
    CHECK(store.state().procedureCount == 38 + 1 - 1);
    CHECK_FALSE(store.procedure("1.000656"));
    CHECK(store.procedure("1.000894")->name == "Thủ tục đăng ký kết hôn (sửa đổi 2026)");
    auto bees = search.search("nuoi ong", 3);
    REQUIRE_FALSE(bees.empty());
    CHECK(bees.front().procedure.code == "3.000777");
    auto beeDetail = store.detail("3.000777");
    REQUIRE(beeDetail);
    CHECK(beeDetail->current);
    CHECK(beeDetail->detail.timeLimit == "05 ngày làm việc");

    gw.stop();
    now += 3600;
    auto offline = sync.sync();
    REQUIRE_FALSE(offline.ok());
    REQUIRE(offline.error().portal);
    CHECK(offline.error().portal->kind == PortalErrorKind::Unreachable);
    CHECK(sync.cacheAgeSeconds() == 3600);
    CHECK(store.state().procedureCount == 38);
    auto hits = search.search("dang ky khai sinh", 3);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.front().procedure.code == "1.001193");
    auto detail = sync.detail("1.001193");  // from the cache, no gateway needed
    REQUIRE(detail.ok());
    CHECK(detail->current);
    CHECK_FALSE(detail->detail.documents.empty());
    CHECK_FALSE(detail->detail.legalBasis.empty());
}

TEST_CASE("kioskctl catalog sync and search: output formats, exit codes, offline") {
    GatewayProcess gw("kioskctl-catalog");
    const std::string ca = gw.caFile().string();
    const std::string db = (test::freshTempDir("kioskctl-catalog") / "catalog.db").string();

    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "khai sinh"}).exitCode ==
          1);  // nothing synced yet
    auto synced = runCommand({DVC_KIOSKCTL_BIN, "--gateway", gw.url(), "--ca", ca, "--db", db,
                              "catalog", "sync", "--json"});
    REQUIRE(synced.exitCode == 0);
    auto s = nlohmann::json::parse(synced.out);
    CHECK(s["ok"] == true);
    CHECK(s["full"] == true);
    CHECK(s["procedures"] == 38);

    auto json = runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "dăng ki kết hon",
                            "--limit", "3", "--json"});
    REQUIRE(json.exitCode == 0);
    auto hits = nlohmann::json::parse(json.out);
    REQUIRE(hits.is_array());
    REQUIRE_FALSE(hits.empty());
    CHECK(hits.size() <= 3);
    CHECK(hits[0]["code"] == "1.000894");
    CHECK(hits[0]["name"] == "Thủ tục đăng ký kết hôn");

    auto text = runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "xây nhà"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.rfind("1.013225\t", 0) == 0);  // best first, one line per result

    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "zzzzqqqq"}).exitCode ==
          3);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "x", "--limit", "0"})
              .exitCode == 2);
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search"}).exitCode == 2);

    const std::string url = gw.url();
    gw.stop();
    auto down = runCommand(
        {DVC_KIOSKCTL_BIN, "--gateway", url, "--ca", ca, "--db", db, "catalog", "sync", "--json"});
    CHECK(down.exitCode == 4);
    auto d = nlohmann::json::parse(down.out);
    CHECK(d["ok"] == false);
    CHECK(d["error"]["kind"] == "unreachable");
    CHECK(d["cache"]["procedures"] == 38);
    CHECK(d["cache"]["age_s"].is_number());
    CHECK(runCommand({DVC_KIOSKCTL_BIN, "--db", db, "catalog", "search", "sao y"}).exitCode == 0);
}
