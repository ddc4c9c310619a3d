// The Session against in-test implementations of its ports (the real gateway is exercised in
// tests/integration). Work runs on a real WorkerPool, as in the kiosk.
#include <catch2/catch.hpp>

#include "printing/printer_status.h"

#include <mutex>

#include "session/session.h"
#include "session/worker_pool.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

class DossierRegistry final : public PortalClient {
  public:
    std::mutex mutex;
    std::optional<PortalError> failure;  // when set, every call fails with it
    int heartbeats = 0;
    DeviceReport lastPrinter;
    std::vector<std::string> asked;

    Result<DossierStatus, PortalError> dossierStatus(const std::string& code) override {
        std::lock_guard lock(mutex);
        asked.push_back(code);
        if (failure) return fail(*failure);
        if (code != "000.00.19.H42-261123-0001")
            return fail(PortalError{PortalErrorKind::NotFound, 404, "dossier_not_found", {}, ""});
        DossierStatus d;
        d.code = code;
        d.applicantName = "Nguyễn Văn An";
        d.state = DossierState::Processing;
        return d;
    }
    Result<CatalogPage, PortalError> catalog(std::optional<int>) override { return CatalogPage{}; }
    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission&,
                                                      const std::string&) override {
        return fail(PortalError{PortalErrorKind::ServerError, 501, "not_implemented", {}, ""});
    }
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat& beat) override {
        std::lock_guard lock(mutex);
        ++heartbeats;
        lastPrinter = beat.printer;
        if (failure) return fail(*failure);
        HeartbeatReply r;
        r.maintenance.push_back({"m1",
                                 "2026-11-30T22:00:00+07:00",
                                 "2026-11-30T23:00:00+07:00",
                                 {"Bảo trì", "Maintenance"},
                                 false});
        return r;
    }
};

class ScriptedQr final : public QrSource {
  public:
    std::optional<Result<std::string, QrScanFailure>> next;
    Result<std::string, QrScanFailure> scan(std::chrono::milliseconds timeout,
                                            const std::atomic<bool>& cancel) override {
        auto until = std::chrono::steady_clock::now() + timeout;
        while (!cancel && std::chrono::steady_clock::now() < until) {
            if (next) return *next;
            std::this_thread::sleep_for(5ms);
        }
        return fail(cancel ? QrScanFailure::Cancelled : QrScanFailure::NoCode);
    }
};

struct Fixture {
    DossierRegistry portal;
    ScriptedQr qr;
    WorkerPool pool{2};
    SessionSettings settings{"KIOSK-TEST", Language::Vietnamese, 60s, 10s, 3600s, 2000ms};
    Session session{settings, portal, pool, &qr};
    TimePoint t0 = Clock::now();
};

}  // namespace

TEST_CASE_METHOD(Fixture, "a typed code finds the dossier") {
    session.openStatusLookup();
    session.appendToCode("000.00.19.h42-261123-0001");
    CHECK(session.codeInput() == "000.00.19.H42-261123-0001");
    session.submitCode();
    CHECK(session.lookupPhase() == LookupPhase::Loading);
    REQUIRE(session.waitForPendingWork(5s));
    REQUIRE(session.screen() == Screen::StatusResult);
    CHECK(session.dossier()->state == DossierState::Processing);
}

TEST_CASE_METHOD(Fixture, "each failure has its own message and a way back") {
    session.openStatusLookup();
    session.appendToCode("000.00.19.H42-261123-0002");
    session.submitCode();
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.lookupPhase() == LookupPhase::Failed);
    CHECK(session.errorKey() == "error.not_found");

    portal.failure = PortalError{PortalErrorKind::TlsFailure, 0, "", {}, "untrusted"};
    session.submitCode();
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.errorKey() == "error.tls_failure");
    CHECK_FALSE(session.gatewayReachable());

    session.retryLookup();
    CHECK(session.lookupPhase() == LookupPhase::Entering);
    CHECK(session.codeInput() == "000.00.19.H42-261123-0002");
}

TEST_CASE_METHOD(Fixture, "a malformed code never reaches the gateway") {
    session.openStatusLookup();
    session.appendToCode("12345");
    session.submitCode();
    CHECK(session.lookupPhase() == LookupPhase::Failed);
    CHECK(session.errorKey() == "error.invalid_code");
    CHECK(portal.asked.empty());
    session.appendToCode("6");  // typing again clears the error
    CHECK(session.lookupPhase() == LookupPhase::Entering);
}

TEST_CASE_METHOD(Fixture, "a receipt QR starts the lookup; a foreign QR is explained") {
    session.openStatusLookup();
    qr.next = std::string("https://dvc.example/tra-cuu?ma=000.00.19.H42-261123-0001");
    session.startQrScan();
    CHECK(session.lookupPhase() == LookupPhase::Scanning);
    REQUIRE(session.waitForPendingWork(5s));
    REQUIRE(session.screen() == Screen::StatusResult);

    session.retryLookup();
    qr.next = std::string("00020101021238570010A00000072701270006970403");  // a VietQR
    session.startQrScan();
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.errorKey() == "error.qr_not_dossier");
}

TEST_CASE_METHOD(Fixture, "cancelling a scan returns to the keypad and drops its result") {
    session.openStatusLookup();
    session.startQrScan();
    session.cancelQrScan();
    CHECK(session.lookupPhase() == LookupPhase::Entering);
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.lookupPhase() == LookupPhase::Entering);
    CHECK(session.errorKey().empty());
}

TEST_CASE_METHOD(Fixture, "a result arriving after the citizen left is dropped") {
    session.openStatusLookup();
    session.appendToCode("000.00.19.H42-261123-0001");
    session.submitCode();
    session.goHome();
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.screen() == Screen::Home);
    CHECK(session.dossier() == nullptr);
}

TEST_CASE_METHOD(Fixture, "idle: countdown after the timeout, then wipe and home") {
    session.noteActivity(t0);
    session.openStatusLookup();
    session.setLanguage(Language::English);
    session.appendToCode("000.00.19.H42-261123-0001");
    session.submitCode();
    REQUIRE(session.waitForPendingWork(5s));
    REQUIRE(session.dossier() != nullptr);

    CHECK_FALSE(session.idleSecondsLeft(t0 + 59s).has_value());
    CHECK(session.idleSecondsLeft(t0 + 60s) == 10);
    CHECK(session.idleSecondsLeft(t0 + 65500ms) == 5);
    session.update(t0 + 65s);
    CHECK(session.screen() == Screen::StatusResult);  // still counting down

    session.noteActivity(t0 + 66s);  // "Tiếp tục" resets the timer
    CHECK_FALSE(session.idleSecondsLeft(t0 + 67s).has_value());
    session.update(t0 + 100s);
    CHECK(session.screen() == Screen::StatusResult);

    CHECK(session.update(t0 + 66s + 70s));
    CHECK(session.screen() == Screen::Home);
    CHECK(session.dossier() == nullptr);
    CHECK(session.codeInput().empty());
    CHECK(session.language() == Language::Vietnamese);
}

TEST_CASE_METHOD(Fixture, "the loop is woken for the countdown and nothing else while home") {
    session.update(t0);  // first update sends a heartbeat and schedules the next one
    auto homeDeadline = session.nextDeadline(t0);
    REQUIRE(homeDeadline.has_value());
    CHECK(*homeDeadline >= t0 + 3599s);  // only the next heartbeat

    session.noteActivity(t0);
    session.openStatusLookup();
    auto deadline = session.nextDeadline(t0 + 1s);
    REQUIRE(deadline.has_value());
    CHECK(*deadline == t0 + 60s);  // the countdown starts
    // In the countdown: wake when the number changes, never at a time already past.
    CHECK(session.nextDeadline(t0 + 60s) == t0 + 61s);
    CHECK(session.nextDeadline(t0 + 63500ms) == t0 + 64s);
    CHECK(session.nextDeadline(t0 + 69900ms) == t0 + 70s);
}

TEST_CASE_METHOD(Fixture, "heartbeats carry maintenance notices back") {
    session.update(t0);
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(portal.heartbeats == 1);
    REQUIRE(session.maintenance().size() == 1);
    CHECK(session.maintenance()[0].message.vi == "Bảo trì");
}

TEST_CASE_METHOD(
    Fixture, "identify by the card's QR: confirm, then the visit holds the identity until finish") {
    session.openIdentify();
    CHECK(session.screen() == Screen::Identify);
    CHECK(session.identity().phase() == IdentifyPhase::Choose);
    qr.next = std::string(
        "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ "
        "Chí "
        "Minh|15082024||||");
    session.identity().scanQr();
    CHECK(session.identity().phase() == IdentifyPhase::ScanningQr);
    REQUIRE(session.waitForPendingWork(5s));
    REQUIRE(session.identity().phase() == IdentifyPhase::Confirming);
    const auto* pending = session.identity().pending();
    REQUIRE(pending);
    CHECK(pending->fullName == "Trần Thị Bích Ngọc");
    CHECK_FALSE(pending->verified);
    CHECK(pending->verificationKey == "identity.verdict.qr_unverified");
    CHECK(session.identity().confirmed() == nullptr);

    session.confirmIdentity();
    CHECK(session.screen() == Screen::Home);
    REQUIRE(session.identity().confirmed());
    CHECK(session.identity().confirmed()->personalNumber == "079304012345");
    // An identified citizen on the home screen is still a visit: the idle countdown runs.
    session.noteActivity(t0);
    CHECK(session.idleSecondsLeft(t0 + 61s).has_value());
    session.update(t0 + 71s);
    CHECK(session.identity().confirmed() == nullptr);
}

TEST_CASE_METHOD(Fixture,
                 "identify: a foreign QR is refused with its own message; not-me forgets") {
    session.openIdentify();
    qr.next = std::string("00020101021138570010A000000727012700069704070113VQRQ00012345");
    session.identity().scanQr();
    REQUIRE(session.waitForPendingWork(5s));
    CHECK(session.identity().phase() == IdentifyPhase::Failed);
    CHECK(session.identity().errorKey() == "error.cccd_qr.vietqr");
    CHECK(session.identity().pending() == nullptr);

    qr.next = std::string("042090001234|123456789|Nguyễn Văn An|12051990|Nam|Hà Tĩnh|01012021");
    session.identity().retry();
    REQUIRE(session.waitForPendingWork(5s));
    REQUIRE(session.identity().phase() == IdentifyPhase::Confirming);
    session.identity().reject();
    CHECK(session.identity().pending() == nullptr);
    CHECK(session.identity().phase() == IdentifyPhase::Choose);
}

TEST_CASE_METHOD(Fixture, "identify by chip without a reader configured says so") {
    session.openIdentify();
    session.identity().chooseChip();
    CHECK(session.identity().phase() == IdentifyPhase::Failed);
    CHECK(session.identity().errorKey() == "error.chip.no_reader");
}

TEST_CASE_METHOD(Fixture, "heartbeats carry the printer's status to staff") {
    PrinterStatus out;
    out.paperOut = true;
    session.setPrinterReport(printerDeviceReport(out));
    session.update(t0);
    REQUIRE(session.waitForPendingWork(5s));
    std::lock_guard lock(portal.mutex);
    CHECK(portal.lastPrinter.health == DeviceHealth::Error);
    CHECK(portal.lastPrinter.detail == "Hết giấy in");
}
