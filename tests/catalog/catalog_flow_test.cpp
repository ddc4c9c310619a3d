// The catalogue screens' flow (session/catalog_flow.h) over the real CatalogService and a
// SQLite cache filled from the seed, with a portal fake that can go down, and a Background
// whose tasks the test finishes in any order (stale results must be dropped).
#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <map>
#include <set>

#include "catalog/catalog_service.h"
#include "catalog_fixture.h"
#include "session/catalog_flow.h"

using namespace dvc;
using namespace dvc::catalog;
using namespace dvc::catalog::test;
using namespace std::chrono_literals;

namespace {

class SeedPortal final : public PortalClient {
  public:
    bool down = false;
    std::set<std::string> withdrawn;
    std::map<std::string, ProcedureDetail> details;
    int detailCalls = 0;

    SeedPortal() {
        for (auto& d : seedDetails()) details[d.summary.code] = d;
    }
    static PortalError unreachable() {
        PortalError e;
        e.kind = PortalErrorKind::Unreachable;
        e.detail = "connection refused";
        return e;
    }
    Result<DossierStatus, PortalError> dossierStatus(const std::string&) override {
        return fail(unreachable());
    }
    Result<CatalogPage, PortalError> catalog(std::optional<int>) override {
        if (down) return fail(unreachable());
        return seedPage();
    }
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat&) override {
        return fail(unreachable());
    }
    Result<ProcedureDetail, PortalError> procedureDetail(const std::string& code) override {
        ++detailCalls;
        if (down) return fail(unreachable());
        if (withdrawn.count(code) || !details.count(code)) {
            PortalError e;
            e.kind = PortalErrorKind::NotFound;
            e.httpStatus = 404;
            return fail(e);
        }
        return details.at(code);
    }
    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission&,
                                                      const std::string&) override {
        return fail(unreachable());
    }
};

// Work waits until the test finishes it: finish(i) runs task i's work and applies its result,
// as the Session does on the UI thread.
class HeldBackground final : public Background {
  public:
    std::deque<std::function<std::function<void()>()>> tasks;
    void run(std::function<std::function<void()>()> work) override {
        tasks.push_back(std::move(work));
    }
    std::function<void()> uiWaker() override {
        return [] {};
    }
    void finish(std::size_t i) {
        auto work = std::move(tasks.at(i));
        tasks.erase(tasks.begin() + static_cast<long>(i));
        work()();
    }
    void finishAll() {
        while (!tasks.empty()) finish(0);
    }
};

struct Fixture {
    std::filesystem::path dir = freshDir("flow");
    std::unique_ptr<CatalogStore> store = openStore(dir / "catalog.db");
    SeedPortal portal;
    CatalogService service{*store, portal, [] { return std::int64_t{1'764'000'000}; }};
    HeldBackground background;
    CatalogFlow flow{background, service, CatalogSettings{120s, 8}};
    CatalogFlow::TimePoint t0 = std::chrono::steady_clock::now();

    // Load the cache and run the first sync.
    void start() {
        REQUIRE(flow.tick(t0));
        background.finishAll();  // load
        REQUIRE(flow.tick(t0));
        background.finishAll();  // sync
        REQUIRE(flow.loaded());
        REQUIRE(flow.syncsCompleted() == 1);
    }
    ~Fixture() {
        store.reset();
        std::filesystem::remove_all(dir);
    }
};

const BrowseChoice& choiceNamed(const CatalogFlow& flow, const std::string& label) {
    for (const auto& c : flow.choices())
        if (c.label == label) return c;
    FAIL("no choice named " << label);
    return flow.choices().front();
}

}  // namespace

TEST_CASE("catalog flow: browse tier → field → procedure and back, one screen at a time") {
    Fixture f;
    f.start();
    f.flow.openTier(Tier::Commune);
    REQUIRE(f.flow.view() == CatalogView::Browse);
    CHECK(f.flow.place().level == BrowseLevel::Tier);
    REQUIRE_FALSE(f.flow.choices().empty());
    const BrowseChoice field = choiceNamed(f.flow, "Hộ tịch");
    f.flow.choose(field);
    CHECK(f.flow.place().level == BrowseLevel::Field);
    CHECK(f.flow.place().field == "Hộ tịch");

    const BrowseChoice* birth = nullptr;
    for (const auto& c : f.flow.choices())
        if (c.procedureCode == "1.001193") birth = &c;
    REQUIRE(birth != nullptr);
    f.flow.choose(*birth);
    CHECK(f.flow.view() == CatalogView::Detail);
    CHECK(f.flow.detailPhase() == DetailPhase::Loading);
    f.background.finishAll();
    REQUIRE(f.flow.detailPhase() == DetailPhase::Shown);
    CHECK(f.flow.detail()->detail.summary.code == "1.001193");
    CHECK_FALSE(f.flow.detail()->fromCache);

    REQUIRE(f.flow.back());
    CHECK(f.flow.view() == CatalogView::Browse);
    CHECK(f.flow.place().field == "Hộ tịch");
    REQUIRE(f.flow.back());
    CHECK(f.flow.place().level == BrowseLevel::Tier);
    CHECK(f.flow.choices().size() >= 2);
    CHECK_FALSE(f.flow.back());
    CHECK_FALSE(f.flow.active());
}

TEST_CASE("catalog flow: an older keystroke's results never replace a newer one's") {
    Fixture f;
    f.start();
    f.flow.openSearch();
    f.flow.setQuery("xay");
    f.flow.setQuery("dang ky khai sinh");
    REQUIRE(f.background.tasks.size() == 2);
    CHECK(f.flow.searching());
    f.background.finish(1);  // the newer search answers first
    REQUIRE_FALSE(f.flow.results().empty());
    CHECK(f.flow.results().front().code == "1.001193");
    CHECK(f.flow.resultsQuery() == "dang ky khai sinh");
    f.background.finish(0);  // then the stale one
    CHECK(f.flow.resultsQuery() == "dang ky khai sinh");
    CHECK(f.flow.results().front().code == "1.001193");
    CHECK_FALSE(f.flow.searching());
    CHECK(f.flow.results().size() <= 8);

    f.flow.setQuery("xay nha");
    f.background.finishAll();
    REQUIRE_FALSE(f.flow.results().empty());
    CHECK(f.flow.results().front().code == "1.013225");

    f.flow.setQuery("   ");  // nothing to search: no work, no results
    CHECK(f.background.tasks.empty());
    CHECK(f.flow.results().empty());
    CHECK_FALSE(f.flow.searching());
}

TEST_CASE("catalog flow: with the gateway down the detail comes from the cache, and says so") {
    Fixture f;
    f.start();  // the sync saved every seed procedure's detail
    f.portal.down = true;
    f.flow.openProcedure("1.000894");
    f.background.finishAll();
    REQUIRE(f.flow.detailPhase() == DetailPhase::Shown);
    CHECK(f.flow.detail()->fromCache);
    CHECK(f.flow.detail()->detail.summary.code == "1.000894");
    REQUIRE(f.flow.detail()->cachedEpoch);
    CHECK(*f.flow.detail()->cachedEpoch == 1'764'000'000);
    CHECK(f.flow.offline());

    // A sync while down changes nothing and marks the flow offline; browsing still works.
    REQUIRE(f.flow.tick(f.t0 + 121s));
    f.background.finishAll();
    CHECK(f.flow.offline());
    CHECK(f.flow.cache().procedures > 30);
    f.flow.openTier(Tier::District);
    CHECK_FALSE(f.flow.choices().empty());
}

TEST_CASE("catalog flow: no saved copy and no gateway, or a withdrawn procedure, are explained") {
    Fixture f;
    f.portal.down = true;
    REQUIRE(f.flow.tick(f.t0));
    f.background.finishAll();  // load: an empty cache
    f.flow.openProcedure("1.001193");
    f.background.finishAll();
    CHECK(f.flow.detailPhase() == DetailPhase::Failed);
    CHECK(f.flow.errorKey() == "error.catalog.detail_unavailable");

    f.portal.down = false;
    f.portal.withdrawn.insert("1.001193");
    f.flow.retryDetail();
    f.background.finishAll();
    CHECK(f.flow.detailPhase() == DetailPhase::Failed);
    CHECK(f.flow.errorKey() == "error.catalog.procedure_withdrawn");

    f.portal.withdrawn.clear();
    f.flow.retryDetail();
    f.background.finishAll();
    CHECK(f.flow.detailPhase() == DetailPhase::Shown);
    CHECK_FALSE(f.flow.offline());
}

TEST_CASE("catalog flow: wipe forgets the visit, drops work in flight, keeps the catalogue") {
    Fixture f;
    f.start();
    f.flow.openSearch();
    f.flow.setQuery("sao y");
    f.flow.openProcedure("2.000815");
    REQUIRE(f.background.tasks.size() == 2);
    f.flow.wipe();
    f.background.finishAll();
    CHECK_FALSE(f.flow.active());
    CHECK(f.flow.query().empty());
    CHECK(f.flow.results().empty());
    CHECK(f.flow.detail() == nullptr);
    CHECK(f.flow.loaded());
    f.flow.openTier(Tier::Province);
    CHECK_FALSE(f.flow.choices().empty());
}

TEST_CASE("catalog flow: the sync runs at start, then every catalog_sync_s, one at a time") {
    Fixture f;
    CHECK_FALSE(f.flow.nextWake());
    REQUIRE(f.flow.tick(f.t0));      // load
    CHECK_FALSE(f.flow.tick(f.t0));  // still loading
    f.background.finishAll();
    REQUIRE(f.flow.tick(f.t0));             // first sync at once
    CHECK_FALSE(f.flow.tick(f.t0 + 500s));  // one at a time
    CHECK_FALSE(f.flow.nextWake());
    f.background.finishAll();
    REQUIRE(f.flow.nextWake());
    CHECK(*f.flow.nextWake() == f.t0 + 120s);
    CHECK_FALSE(f.flow.tick(f.t0 + 119s));
    CHECK(f.flow.tick(f.t0 + 120s));
    f.background.finishAll();
    CHECK(f.flow.syncsCompleted() == 2);
    CHECK_FALSE(f.flow.offline());
    CHECK(f.flow.cache().confirmedEpoch == std::optional<std::int64_t>(1'764'000'000));
}
