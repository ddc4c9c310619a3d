// HttpsPortalClient::formSchema and the dossier flow against the real dvc-gateway over TLS.
#include <catch2/catch.hpp>

#include "domain/dossier_code.h"
#include "dossier_test_support.h"
#include "gateway_process.h"
#include "https_portal_client.h"

using namespace dvc;
using namespace dvc::test;
using namespace std::chrono_literals;

namespace {

BackendConfig backendFor(const GatewayProcess& gw) {
    BackendConfig b;
    b.url = gw.url();
    b.caFile = gw.caFile();
    b.connectTimeoutMs = 1000;
    b.requestTimeoutMs = 5000;
    return b;
}

}  // namespace

TEST_CASE("portal: formSchema fetches every seed form; unknown codes are NotFound") {
    GatewayProcess gw("dossier-forms");
    HttpsPortalClient client(backendFor(gw), "KIOSK-IT-FORM");
    for (const char* code : {"1.001193", "1.000894", "1.004873", "2.000635", "2.000815", "1.004222",
                             "1.013225", "2.000720"}) {
        auto schema = client.formSchema(code);
        INFO(code);
        REQUIRE(schema);
        CHECK(schema->procedureCode == code);
        CHECK_FALSE(schema->sections.empty());
        CHECK_FALSE(schema->title.vi.empty());
    }
    auto missing = client.formSchema("9.999999");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == PortalErrorKind::NotFound);
    auto bad = client.formSchema("../../etc");
    REQUIRE_FALSE(bad);
}

TEST_CASE("portal: the dossier flow end to end gives the final receipt with the dossier code") {
    GatewayProcess gw("dossier-e2e");
    HttpsPortalClient client(backendFor(gw), "KIOSK-IT-FORM");
    auto dir = freshTempDir("dossier-e2e-kiosk");
    auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
    REQUIRE(key);
    auto store = OutboxStore::open(dir / "outbox.db", key.value());
    REQUIRE(store);
    OutboxDelivery delivery(**store, client);
    SubmissionFlow submissions(**store, delivery);
    delivery.start();
    {
        ManualBackground background;
        DossierFlow flow(background, client, &submissions, &adminUnits(),
                         DossierSettings{"KIOSK-IT-FORM", 10s});
        flow.start("1.001193", nullptr);
        background.drain();
        REQUIRE(flow.phase() == DossierPhase::Filling);
        CHECK(flow.procedureName().find("khai sinh") != std::string::npos);
        fillBirthRegistration(flow);
        flow.openReview();
        REQUIRE(flow.reviewProblems().empty());
        flow.submit();
        background.drain();
        REQUIRE(flow.phase() == DossierPhase::Receipt);
        REQUIRE(flow.receipt());
        REQUIRE_FALSE(flow.receipt()->provisional);
        const auto& content = flow.receipt()->content;
        CHECK(isValidDossierCode(content.qrText));
        REQUIRE(content.lines.size() == 4);
        CHECK(content.lines[0].value == content.qrText);
        CHECK(content.lines[3].labelKey == "receipt.appointment");
        // The gateway has it, once.
        auto status = client.dossierStatus(content.qrText);
        REQUIRE(status);
        CHECK(status->procedureCode == "1.001193");
    }
    delivery.stop();
}
