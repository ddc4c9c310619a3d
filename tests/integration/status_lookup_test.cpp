// Status lookup end to end: Session → HttpsPortalClient → TLS → dvc-gateway → SQLite seed.
#include <catch2/catch.hpp>

#include "gateway_process.h"
#include "https_portal_client.h"
#include "session/session.h"
#include "session/worker_pool.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

constexpr const char* kDemoCode = "000.00.19.H42-261123-0001";

BackendConfig backendFor(const test::GatewayProcess& gw) {
    BackendConfig b;
    b.url = gw.url();
    b.caFile = gw.caFile();
    b.connectTimeoutMs = 1000;
    b.requestTimeoutMs = 3000;
    return b;
}

struct Kiosk {
    HttpsPortalClient portal;
    WorkerPool pool{2};
    Session session;
    explicit Kiosk(BackendConfig backend)
        : portal(std::move(backend), "KIOSK-IT-001"),
          session(SessionSettings{"KIOSK-IT-001", Language::Vietnamese, 60s, 10s, 3600s, 1000ms},
                  portal, pool, nullptr) {}

    void lookup(const std::string& code) {
        session.openStatusLookup();
        session.clearCode();
        session.appendToCode(code);
        session.submitCode();
        REQUIRE(session.waitForPendingWork(10s));
    }
};

}  // namespace

TEST_CASE("found: the demo dossier comes back with its history, name masked") {
    test::GatewayProcess gw("found");
    Kiosk kiosk(backendFor(gw));
    kiosk.lookup(kDemoCode);
    REQUIRE(kiosk.session.screen() == Screen::StatusResult);
    const DossierStatus* d = kiosk.session.dossier();
    REQUIRE(d != nullptr);
    CHECK(d->code == kDemoCode);
    CHECK(d->state == DossierState::Processing);
    CHECK(d->applicantName == "Nguyễn V*** A**");
    CHECK(d->history.size() >= 3);
    CHECK(d->history.front().state == DossierState::Received);
    CHECK_FALSE(d->procedureName.empty());
    CHECK(d->dueAt > d->receivedAt);
}

TEST_CASE("not found: a valid code the gateway does not know") {
    test::GatewayProcess gw("notfound");
    Kiosk kiosk(backendFor(gw));
    kiosk.lookup("000.00.19.H42-261123-9999");
    CHECK(kiosk.session.lookupPhase() == LookupPhase::Failed);
    CHECK(kiosk.session.errorKey() == "error.not_found");
    CHECK(kiosk.session.gatewayReachable());
}

TEST_CASE("gateway stopped: unreachable, and the session recovers when it is back") {
    auto gw = std::make_unique<test::GatewayProcess>("stopped");
    Kiosk kiosk(backendFor(*gw));
    CHECK(gw->stop() == 0);  // SIGTERM is a clean stop
    kiosk.lookup(kDemoCode);
    CHECK(kiosk.session.errorKey() == "error.unreachable");
    CHECK_FALSE(kiosk.session.gatewayReachable());
    kiosk.session.retryLookup();
    CHECK(kiosk.session.lookupPhase() == LookupPhase::Entering);
    CHECK(kiosk.session.codeInput() == kDemoCode);
}

TEST_CASE("wrong CA: the certificate is refused, nothing is read") {
    test::GatewayProcess gw("wrongca");
    test::GatewayProcess other("otherca");  // another dev CA, not the one gw's cert chains to
    BackendConfig b = backendFor(gw);
    b.caFile = other.caFile();
    Kiosk kiosk(b);
    kiosk.lookup(kDemoCode);
    CHECK(kiosk.session.errorKey() == "error.tls_failure");
    CHECK(kiosk.session.dossier() == nullptr);
}

TEST_CASE("heartbeat and catalog answer over the same channel") {
    test::GatewayProcess gw("heartbeat");
    HttpsPortalClient client(backendFor(gw), "KIOSK-IT-001");
    Heartbeat beat;
    beat.kioskId = "KIOSK-IT-001";
    beat.appVersion = "test";
    auto reply = client.heartbeat(beat);
    REQUIRE(reply.ok());
    CHECK_FALSE(reply->serverTime.empty());
    auto catalog = client.catalog(std::nullopt);
    REQUIRE(catalog.ok());
    CHECK(catalog->procedures.size() >= 30);
    auto delta = client.catalog(catalog->version);
    REQUIRE(delta.ok());
    CHECK(delta->procedures.empty());
}
