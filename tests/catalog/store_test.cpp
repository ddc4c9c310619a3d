#include <catch2/catch.hpp>

#include <fstream>

#include "catalog/catalog_store.h"
#include "catalog_fixture.h"

using namespace dvc;
using namespace dvc::catalog;
using namespace dvc::catalog::test;

TEST_CASE("store: a full page fills an empty catalogue and survives reopening") {
    auto dir = freshDir("store-full");
    {
        auto store = openStore(dir / "catalog.db");
        CHECK(store->state().version == 0);
        CHECK_FALSE(store->state().lastSyncEpoch.has_value());
        auto applied = store->apply(seedPage(7), 1'700'000'000);
        REQUIRE(applied.ok());
        CHECK(applied->full);
        CHECK(applied->upserted == static_cast<int>(seedDetails().size()));
    }
    auto store = openStore(dir / "catalog.db");
    auto s = store->state();
    CHECK(s.version == 7);
    CHECK(s.etag == "\"catalog-v7\"");
    CHECK(s.lastSyncEpoch == 1'700'000'000);
    CHECK(s.procedureCount == seedDetails().size());
    auto p = store->procedure("1.001193");
    REQUIRE(p);
    CHECK(p->name == "Thủ tục đăng ký khai sinh");
    CHECK(p->keywords.size() >= 3);
    CHECK_FALSE(store->procedure("9.999999"));
}

TEST_CASE("store: a delta upserts and removes only what it names") {
    auto dir = freshDir("store-delta");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(7), 100).ok());
    const auto before = store->state().procedureCount;

    CatalogPage delta;
    delta.version = 9;
    delta.etag = "\"catalog-v9\"";
    delta.full = false;
    auto changed = *store->procedure("1.000894");
    changed.name = "Thủ tục đăng ký kết hôn (sửa đổi)";
    changed.version = 9;
    ProcedureSummary added = changed;
    added.code = "3.000001";
    added.name = "Thủ tục thử nghiệm mới";
    added.keywords = {"thử nghiệm"};
    delta.procedures = {changed, added};
    delta.removed = {"1.000656"};
    auto applied = store->apply(delta, 200);
    REQUIRE(applied.ok());
    CHECK_FALSE(applied->full);
    CHECK(applied->upserted == 2);
    CHECK(applied->removed == 1);
    CHECK(store->state().procedureCount == before + 1 - 1);
    CHECK(store->procedure("1.000894")->name == "Thủ tục đăng ký kết hôn (sửa đổi)");
    CHECK(store->procedure("3.000001"));
    CHECK_FALSE(store->procedure("1.000656"));
    CHECK(store->state().version == 9);
    CHECK(store->state().lastSyncEpoch == 200);
    // The FTS index follows: the removed one is not found, the new one is.
    CHECK(store->match("\"bao tu\"", 10)->empty());  // only 1.000656 says "báo tử"
    CHECK(store->match("\"thu\" AND \"nghiem\"", 10)->size() == 1);
}

TEST_CASE("store: a full page drops procedures it no longer lists") {
    auto dir = freshDir("store-replace");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(7), 100).ok());
    auto page = seedPage(8);
    page.procedures.resize(5);
    auto applied = store->apply(page, 300);
    REQUIRE(applied.ok());
    CHECK(applied->removed == static_cast<int>(seedDetails().size()) - 5);
    CHECK(store->state().procedureCount == 5);
}

TEST_CASE("store: details are cached per version and go stale when the procedure changes") {
    auto dir = freshDir("store-detail");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(7), 100).ok());
    CHECK(store->codesNeedingDetail(1000).size() == seedDetails().size());
    auto detail = seedDetails().front();
    REQUIRE(store->storeDetail(detail).ok());
    auto cached = store->detail(detail.summary.code);
    REQUIRE(cached);
    CHECK(cached->current);
    CHECK(cached->detail.documents.size() == detail.documents.size());
    CHECK(cached->detail.legalBasis == detail.legalBasis);
    CHECK(store->codesNeedingDetail(1000).size() == seedDetails().size() - 1);

    CatalogPage delta;
    delta.version = 8;
    delta.full = false;
    auto changed = detail.summary;
    changed.version = 8;
    delta.procedures = {changed};
    REQUIRE(store->apply(delta, 200).ok());
    cached = store->detail(detail.summary.code);
    REQUIRE(cached);
    CHECK_FALSE(cached->current);
    CHECK(store->codesNeedingDetail(1000).size() == seedDetails().size());
}

TEST_CASE("store: a bad FTS expression is an error value, not a crash") {
    auto dir = freshDir("store-badquery");
    auto store = openStore(dir / "catalog.db");
    REQUIRE(store->apply(seedPage(7), 100).ok());
    auto r = store->match("AND OR (", 10);
    CHECK_FALSE(r.ok());
}

TEST_CASE("store: a file that is not a database is refused with a message") {
    auto dir = freshDir("store-garbage");
    std::ofstream(dir / "catalog.db") << "this is not an SQLite database, not at all, really";
    auto store = CatalogStore::open(dir / "catalog.db");
    REQUIRE_FALSE(store.ok());
    CHECK_FALSE(store.error().empty());
}
