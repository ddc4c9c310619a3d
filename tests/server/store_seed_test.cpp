#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "gateway_fixture.h"
#include "server/seed_loader.h"
#include "server/store.h"

using namespace dvc;
using namespace dvc::gateway;
using dvc::gateway::test::TempDir;
using dvc::gateway::test::testSeedDir;

namespace {

std::unique_ptr<GatewayStore> openStore(const std::filesystem::path& file) {
    auto s = GatewayStore::open(file);
    INFO((s.ok() ? std::string() : s.error()));
    REQUIRE(s.ok());
    return std::move(s).value();
}

struct Counts {
    std::int64_t procedures, dossiers, history, notices;
    bool operator==(const Counts&) const = default;
};

Counts counts(GatewayStore& store) {
    return {store.countRows("procedures"), store.countRows("dossiers"),
            store.countRows("dossier_history"), store.countRows("maintenance_notices")};
}

void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("seeding happens once across restarts", "[store]") {
    TempDir dir;
    const auto db = dir.path() / "gateway.db";
    {
        auto store = openStore(db);
        CHECK_FALSE(store->isSeeded());
        auto first = seedOnce(*store, testSeedDir());
        REQUIRE(first.ok());
        CHECK(first->seeded);
        CHECK(first->procedures == 3);
        CHECK(first->dossiers == 3);
        CHECK(first->notices == 2);
        CHECK(first->warnings.empty());
        CHECK(counts(*store) == Counts{3, 3, 5, 2});
        CHECK(store->meta("seeded_at").has_value());

        auto again = seedOnce(*store, testSeedDir());
        REQUIRE(again.ok());
        CHECK_FALSE(again->seeded);
        CHECK(counts(*store) == Counts{3, 3, 5, 2});
    }
    auto reopened = openStore(db);
    CHECK(reopened->isSeeded());
    // Even a missing seed directory is fine once seeded: it is not read again.
    auto third = seedOnce(*reopened, dir.path() / "no-such-dir");
    REQUIRE(third.ok());
    CHECK_FALSE(third->seeded);
    CHECK(counts(*reopened) == Counts{3, 3, 5, 2});
}

TEST_CASE("the database runs in WAL mode with the expected tables", "[store]") {
    TempDir dir;
    auto store = openStore(dir.path() / "gateway.db");
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir.path() / "gateway.db").c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
    sqlite3_finalize(st);
    sqlite3_close(raw);
    for (auto table :
         {"procedures", "dossiers", "dossier_history", "kiosks", "maintenance_notices", "meta"})
        CHECK(store->countRows(table) >= 0);
    CHECK_THROWS(store->countRows("sqlite_master; DROP TABLE dossiers"));
}

TEST_CASE("store reads give masked names and chronological history", "[store]") {
    TempDir dir;
    auto store = openStore(dir.path() / "gateway.db");
    REQUIRE(seedOnce(*store, testSeedDir()).ok());

    auto d = store->dossier("000.00.19.H42-261123-0001");
    REQUIRE(d);
    CHECK(d->applicantName == "Nguyễn V*** A**");
    CHECK(d->procedureName == "Thủ tục đăng ký khai sinh");
    REQUIRE(d->history.size() == 2);
    CHECK(d->history[0].state == DossierState::Received);
    CHECK(d->history[1].state == DossierState::Processing);
    CHECK_FALSE(d->finishedAt.has_value());
    CHECK_FALSE(store->dossier("000.00.19.H42-261123-0099"));

    auto mine = store->dossiersOf("001090000123", "1990-05-14");
    REQUIRE(mine.size() == 2);
    CHECK(mine[0].code == "000.00.19.H42-261124-0002");  // newest first
    CHECK(mine[0].finishedAt == std::optional<std::string>("2026-11-24T15:00:00+07:00"));
    CHECK(mine[0].history.empty());
    CHECK(store->dossiersOf("001090000123", "1990-05-15").empty());

    CHECK(store->catalogVersion() == 3);
    CHECK(store->procedures(0).size() == 3);
    CHECK(store->procedures(2).size() == 1);
    auto p = store->procedure("2.001711");
    REQUIRE(p);
    CHECK(p->summary.tier == Tier::Province);
    CHECK(p->summary.feeVnd == 200000);
    CHECK(p->detail.at("forms").at(0) == "Mẫu số 03/2013/TT-LLTP");
}

TEST_CASE("a bad seed is refused as a whole and names the field, not the data", "[store]") {
    TempDir dir;
    const auto seed = dir.path() / "seed";
    std::filesystem::create_directories(seed);
    std::filesystem::copy_file(testSeedDir() / "procedures.json", seed / "procedures.json");
    writeFile(seed / "dossiers.json", R"([
      {"code": "000.00.19.H42-261123-0007", "procedure_code": "1.001193", "agency": "UBND",
       "applicant_name": "Lê Thị Hoa", "applicant_id": "12345", "applicant_dob": "1990-01-01",
       "applicant_gender": "nu", "received_at": "2026-11-23T08:00:00+07:00",
       "due_at": "2026-11-23T17:00:00+07:00", "status": "dang_xu_ly", "finished_at": null,
       "history": []}
    ])");
    auto store = openStore(dir.path() / "gateway.db");
    auto r = seedOnce(*store, seed);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("dossiers.json[0]") && Catch::Contains("applicant_id") &&
                              Catch::Contains("261123-****"));
    CHECK_THAT(r.error(),
               !Catch::Contains("12345") && !Catch::Contains("Hoa") && !Catch::Contains("0007"));
    CHECK_FALSE(store->isSeeded());
    CHECK(counts(*store) == Counts{0, 0, 0, 0});

    writeFile(seed / "dossiers.json", "[]");
    writeFile(seed / "procedures.json", R"([{"code": "1.1", "name": "x", "tier": "quan",
        "field": "f", "service_level": 3, "online": "khong", "time_limit_days": 1,
        "fee_vnd": 0}])");
    auto bad = seedOnce(*store, seed);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error(), Catch::Contains("procedures.json[0] (1.1)") && Catch::Contains("tier"));
    CHECK_FALSE(seedOnce(*store, dir.path() / "missing").ok());
}

TEST_CASE("the project's own seed loads", "[store][seed]") {
    const std::filesystem::path seed = DVC_SOURCE_SEED;
    if (!std::filesystem::exists(seed / "procedures.json")) {
        WARN("no " << seed << "/procedures.json yet; skipped");
        return;
    }
    std::vector<std::string> warnings;
    auto data = loadSeedDir(seed, &warnings);
    INFO((data.ok() ? std::string() : data.error()));
    REQUIRE(data.ok());
    CHECK(data->procedures.size() >= 10);
    for (const auto& w : warnings) WARN(w);
}

TEST_CASE("heartbeats are recorded per kiosk", "[store]") {
    TempDir dir;
    auto store = openStore(dir.path() / "gateway.db");
    Heartbeat hb;
    hb.kioskId = "KIOSK-HT-01";
    hb.appVersion = "0.1.0";
    hb.uptimeSeconds = 42;
    hb.printer = {DeviceHealth::Warning, "Sắp hết giấy in"};
    store->recordHeartbeat(hb, "2026-11-23T08:00:00+07:00");
    hb.uptimeSeconds = 102;
    store->recordHeartbeat(hb, "2026-11-23T08:01:00+07:00");
    auto k = store->kiosk("KIOSK-HT-01");
    REQUIRE(k);
    CHECK(k->heartbeats == 2);
    CHECK(k->uptimeSeconds == 102);
    CHECK(k->lastSeenAt == "2026-11-23T08:01:00+07:00");
    CHECK(k->devices.at("printer").at("status") == "warning");
    CHECK_FALSE(store->kiosk("KIOSK-HT-02"));
}
