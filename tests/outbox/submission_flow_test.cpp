// SubmissionFlow, the core API the review screen calls, against the real gateway.
#include <catch2/catch.hpp>

#include "domain/dossier_code.h"
#include "gateway_process.h"
#include "https_portal_client.h"
#include "outbox/submission_flow.h"
#include "sample_submission.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

struct Kiosk {
    std::filesystem::path dir = test::freshTempDir("flow");
    std::unique_ptr<OutboxStore> store;
    std::unique_ptr<HttpsPortalClient> portal;
    std::unique_ptr<OutboxDelivery> delivery;
    std::unique_ptr<SubmissionFlow> flow;

    Kiosk(const std::string& url, const std::filesystem::path& ca) {
        auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
        REQUIRE(key);
        auto s = OutboxStore::open(dir / "outbox.db", key.value());
        REQUIRE(s);
        store = std::move(s).value();
        BackendConfig b;
        b.url = url;
        b.caFile = ca;
        b.connectTimeoutMs = 500;
        b.requestTimeoutMs = 3000;
        portal = std::make_unique<HttpsPortalClient>(b, "KIOSK-OB-01");
        delivery = std::make_unique<OutboxDelivery>(*store, *portal);
        flow = std::make_unique<SubmissionFlow>(*store, *delivery);
        delivery->start();
    }
    ~Kiosk() {
        delivery->stop();
        flow.reset();
        delivery.reset();
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

TEST_CASE("submit: durable acknowledgement, then the receipt from the gateway") {
    test::GatewayProcess gw("flow-up");
    Kiosk kiosk(gw.url(), gw.caFile());
    std::mutex m;
    std::vector<SubmissionOutcome> heard;
    kiosk.flow->setOnUpdate([&](const SubmissionOutcome& o) {
        std::lock_guard lock(m);
        heard.push_back(o);
    });
    auto ack = kiosk.flow->submit(test::sampleSubmission(1));
    REQUIRE(ack);
    CHECK(ack->provisional.localRef == ack->localRef);
    auto outcome = kiosk.flow->awaitOutcome(ack->localRef, 10s);
    REQUIRE(outcome);
    REQUIRE(outcome->phase == SubmissionPhase::Delivered);
    REQUIRE(outcome->receipt);
    CHECK(isValidDossierCode(outcome->receipt->code));

    auto content = finalReceiptContent(*outcome->receipt, "Đăng ký khai sinh",
                                       isoVietnamTime(OutboxClock::now()));
    CHECK(content.qrText == outcome->receipt->code);
    CHECK(extractDossierCode(content.qrText) == outcome->receipt->code);
    REQUIRE(content.lines.size() == 4);
    CHECK(content.lines[0].value == outcome->receipt->code);
    CHECK(content.lines[1].value == "Đăng ký khai sinh");
    CHECK(content.lines[3].labelKey == "receipt.appointment");
    CHECK(content.lines[3].value.size() == 10);  // dd/mm/yyyy
    std::lock_guard lock(m);
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].phase == SubmissionPhase::Delivered);
}

TEST_CASE("submit with the gateway down: stored, with a provisional receipt") {
    auto gw = std::make_unique<test::GatewayProcess>("flow-down");
    std::string url = gw->url();
    auto ca = gw->caFile();
    auto dataDir = gw->dataDir();
    int port = gw->port();
    REQUIRE(gw->stop() == 0);
    Kiosk kiosk(url, ca);
    auto ack = kiosk.flow->submit(test::sampleSubmission(2));
    REQUIRE(ack);
    auto outcome = kiosk.flow->awaitOutcome(ack->localRef, 500ms);
    REQUIRE(outcome);
    CHECK(outcome->phase == SubmissionPhase::Stored);
    auto content = provisionalReceiptContent(ack->provisional, "");
    CHECK(content.titleKey == "receipt.provisional_title");
    CHECK(content.noteKey == "receipt.provisional_explanation");
    CHECK(content.lines[0].value.find(ack->localRef) == 0);
    CHECK(content.lines[1].value == "1.001193");

    // Back up: the worker's next attempt (2 s backoff, less jitter) delivers it.
    test::GatewayProcess back(dataDir, port);
    outcome = kiosk.flow->awaitOutcome(ack->localRef, 15s);
    REQUIRE(outcome);
    CHECK(outcome->phase == SubmissionPhase::Delivered);
    back.stop();
    gw.reset();
    std::error_code ec;
    std::filesystem::remove_all(dataDir, ec);
}
