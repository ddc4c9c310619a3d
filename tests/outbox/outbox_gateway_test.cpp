// The outbox and the HTTPS client against the real dvc-gateway over TLS on 127.0.0.1.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <set>

#include "api/submission_json.h"
#include "domain/dossier_code.h"
#include "gateway_process.h"
#include "https_portal_client.h"
#include "outbox/outbox_delivery.h"
#include "outbox/provisional_receipt.h"
#include "outbox/submission_flow.h"
#include "sample_submission.h"
#include "server/working_days.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

BackendConfig backendFor(const std::string& url, const std::filesystem::path& ca) {
    BackendConfig b;
    b.url = url;
    b.caFile = ca;
    b.connectTimeoutMs = 1000;
    b.requestTimeoutMs = 5000;
    return b;
}

// Rows of a table in the gateway's database (read while it runs: WAL allows a reader).
long long gatewayCount(const std::filesystem::path& dataDir, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((dataDir / "gateway.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

std::string todayInVietnam() {
    return isoVietnamTime(OutboxClock::now()).substr(0, 10);
}

std::string expectedDue(int workingDays) {
    int y = 0;
    unsigned m = 0, d = 0;
    std::sscanf(todayInVietnam().c_str(), "%d-%u-%u", &y, &m, &d);
    auto due =
        gateway::dueDate(std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                                     std::chrono::day{d}},
                         workingDays);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(due.year()),
                  static_cast<unsigned>(due.month()), static_cast<unsigned>(due.day()));
    return buf;
}

struct Outbox {
    std::filesystem::path dir = test::freshTempDir("outbox-it");
    std::unique_ptr<OutboxStore> store;
    Outbox() {
        auto key = OutboxKey::loadOrCreate(dir / "outbox.key");
        REQUIRE(key);
        auto s = OutboxStore::open(dir / "outbox.db", key.value());
        REQUIRE(s);
        store = std::move(s).value();
    }
    ~Outbox() {
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

TEST_CASE("submit: the gateway answers with a dossier code and the appointment") {
    test::GatewayProcess gw("submit");
    HttpsPortalClient client(backendFor(gw.url(), gw.caFile()), "KIOSK-OB-01");
    auto sub = test::sampleSubmission(1);
    sub.submittedAt = isoVietnamTime(OutboxClock::now());
    const std::string key = newIdempotencyKey();
    auto receipt = client.submitDossier(sub, key);
    REQUIRE(receipt);
    CHECK(isValidDossierCode(receipt->code));
    CHECK(receipt->code.find("-" + todayInVietnam().substr(2, 2) + todayInVietnam().substr(5, 2) +
                             todayInVietnam().substr(8, 2) + "-") != std::string::npos);
    CHECK(receipt->procedureCode == "1.001193");
    CHECK(receipt->state == DossierState::Received);
    CHECK(receipt->dueAt == expectedDue(1) + "T17:00:00+07:00");  // khai sinh: 1 working day
    CHECK(receipt->receivedAt.substr(0, 10) == todayInVietnam());

    // Visible at once through the status lookup, name masked, received by this kiosk.
    auto status = client.dossierStatus(receipt->code);
    REQUIRE(status);
    CHECK(status->state == DossierState::Received);
    CHECK(status->applicantName == "Phạm T*** H*** N**");
    REQUIRE(status->history.size() == 1);
    CHECK(status->history[0].actor.find("KIOSK-OB-01") != std::string::npos);
    CHECK(status->dueAt == receipt->dueAt);

    // A second dossier the same day takes the next sequence number.
    auto next = client.submitDossier(sub, newIdempotencyKey());
    REQUIRE(next);
    CHECK(next->code != receipt->code);
    CHECK(next->code.substr(0, next->code.size() - 4) ==
          receipt->code.substr(0, receipt->code.size() - 4));
}

TEST_CASE("same key twice: one dossier, the same receipt") {
    test::GatewayProcess gw("replay");
    HttpsPortalClient client(backendFor(gw.url(), gw.caFile()), "KIOSK-OB-01");
    auto sub = test::sampleSubmission(2);
    sub.submittedAt = "2026-11-23T08:15:02+07:00";
    const std::string key = newIdempotencyKey();
    auto first = client.submitDossier(sub, key);
    auto second = client.submitDossier(sub, key);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->code == first->code);
    CHECK(second->dueAt == first->dueAt);
    CHECK(gatewayCount(gw.dataDir(), "SELECT COUNT(*) FROM dossier_submissions") == 1);

    // Over raw HTTP the replay is a 200, the first a 201 (checked with a fresh key).
    auto raw = client.request("POST", "/api/v1/dossiers", json(sub).dump(),
                              {"Idempotency-Key: " + newIdempotencyKey()});
    REQUIRE(raw);
    CHECK(raw->status == 201);
}

TEST_CASE("same key, different body: 409, and the outbox rejects it for good") {
    test::GatewayProcess gw("conflict");
    HttpsPortalClient client(backendFor(gw.url(), gw.caFile()), "KIOSK-OB-01");
    Outbox outbox;
    auto entry = outbox.store->enqueue(test::sampleSubmission(3), OutboxClock::now());
    REQUIRE(entry);
    // Someone else used the key first with another body.
    auto other = test::sampleSubmission(99);
    other.submittedAt = "2026-11-23T08:00:00+07:00";
    REQUIRE(client.submitDossier(other, entry->idempotencyKey));

    auto direct = client.submitDossier(test::sampleSubmission(3), entry->idempotencyKey);
    REQUIRE_FALSE(direct);
    CHECK(direct.error().httpStatus == 409);
    CHECK(direct.error().code == "idempotency_conflict");

    OutboxDelivery delivery(*outbox.store, client);
    auto pass = delivery.deliverDue(OutboxClock::now());
    CHECK(pass.rejected == 1);
    auto e = outbox.store->byLocalRef(entry->localRef);
    CHECK(e->state == OutboxState::Rejected);
    CHECK(e->rejectCode == "idempotency_conflict");
    CHECK(gatewayCount(gw.dataDir(), "SELECT COUNT(*) FROM dossier_submissions") == 1);
}

TEST_CASE("the gateway refuses invalid content with 422 and bad requests with 400/415") {
    test::GatewayProcess gw("invalid");
    HttpsPortalClient client(backendFor(gw.url(), gw.caFile()), "KIOSK-OB-01");
    auto sub = test::sampleSubmission(4);
    sub.submittedAt = "2026-11-23T08:15:02+07:00";
    sub.applicant.phone = "123";
    auto r = client.submitDossier(sub, newIdempotencyKey());
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 422);
    CHECK(r.error().code == "validation_failed");
    CHECK_FALSE(isTransient(r.error()));

    auto raw =
        client.request("POST", "/api/v1/dossiers", json(test::sampleSubmission(4)).dump(), {});
    REQUIRE(raw);
    CHECK(raw->status == 400);  // no Idempotency-Key
    CHECK(raw->body.find("Idempotency-Key") != std::string::npos);
    raw = client.request("POST", "/api/v1/dossiers", "{}", {"Idempotency-Key: not-a-uuid"});
    REQUIRE(raw);
    CHECK(raw->status == 400);
    raw = client.request("POST", "/api/v1/dossiers", "{",
                         {"Idempotency-Key: " + newIdempotencyKey()});
    REQUIRE(raw);
    CHECK(raw->status == 400);
    CHECK(raw->body.find("invalid_json") != std::string::npos);
    raw = client.request("POST", "/api/v1/dossiers", "a=b",
                         {"Idempotency-Key: " + newIdempotencyKey(), "Content-Type: text/plain"});
    REQUIRE(raw);
    CHECK(raw->status == 415);
    sub.applicant.phone = "";
    sub.procedureCode = "2.000884";  // online: khong
    r = client.submitDossier(sub, newIdempotencyKey());
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 422);
    CHECK(gatewayCount(gw.dataDir(), "SELECT COUNT(*) FROM dossier_submissions") == 0);
}

TEST_CASE("gateway down: a provisional receipt, then delivered exactly once when it is back") {
    auto gw = std::make_unique<test::GatewayProcess>("down");
    const auto dataDir = gw->dataDir();
    const int port = gw->port();
    const auto ca = gw->caFile();
    const std::string url = gw->url();
    REQUIRE(gw->stop() == 0);

    HttpsPortalClient client(backendFor(url, ca), "KIOSK-OB-01");
    Outbox outbox;
    auto entry = outbox.store->enqueue(test::sampleSubmission(5), OutboxClock::now());
    REQUIRE(entry);
    auto provisional = provisionalReceiptFor(*entry);
    CHECK(provisional.localRef.rfind("T-KIOSK-OB-01-", 0) == 0);

    DeliveryOptions options;
    options.jitter = [] { return 0.0; };
    OutboxDelivery delivery(*outbox.store, client, options);
    auto now = OutboxClock::now();
    CHECK(delivery.deliverDue(now).retried == 1);
    auto e = outbox.store->byLocalRef(entry->localRef);
    CHECK(e->state == OutboxState::Pending);
    CHECK(e->lastError.rfind("unreachable", 0) == 0);
    CHECK(delivery.deliverDue(now + 10s).retried == 1);
    CHECK(outbox.store->byLocalRef(entry->localRef)->attempts == 2);

    test::GatewayProcess back(dataDir, port);  // same data, same port, same CA
    CHECK(delivery.deliverDue(now + 1h).delivered == 1);
    e = outbox.store->byLocalRef(entry->localRef);
    CHECK(e->state == OutboxState::Delivered);
    REQUIRE(e->receipt);
    CHECK(isValidDossierCode(e->receipt->code));
    CHECK(delivery.deliverDue(now + 2h).delivered == 0);
    CHECK(gatewayCount(dataDir, "SELECT COUNT(*) FROM dossier_submissions") == 1);
    back.stop();
    std::error_code ec;
    std::filesystem::remove_all(dataDir, ec);
}

TEST_CASE("a form the gateway refuses is rejected with its field errors, kept for the counter") {
    test::GatewayProcess gw("refused");
    HttpsPortalClient client(backendFor(gw.url(), gw.caFile()), "KIOSK-OB-01");
    Outbox outbox;
    // Rules changed since the kiosk checked (or a kiosk that did not): the gateway decides.
    auto sub = test::sampleSubmission(6);
    sub.form["tre"][0]["ngay_sinh"] = "2099-01-15";
    sub.form.erase("ho_ten_me");
    auto entry = outbox.store->enqueue(sub, OutboxClock::now());
    REQUIRE(entry);

    OutboxDelivery delivery(*outbox.store, client);
    auto pass = delivery.deliverDue(OutboxClock::now());
    CHECK(pass.rejected == 1);
    auto e = outbox.store->byLocalRef(entry->localRef);
    REQUIRE(e);
    CHECK(e->state == OutboxState::Rejected);
    CHECK(e->rejectCode == "validation_failed");
    CHECK_FALSE(e->rejectMessage.vi.empty());
    CHECK(e->hasPayload);  // kept, encrypted, for staff
    std::set<std::pair<std::string, std::string>> errors;
    for (const auto& fe : e->rejectErrors) {
        errors.insert({fe.field, fe.code});
        CHECK_FALSE(fe.message.vi.empty());
        CHECK_FALSE(fe.message.en.empty());
    }
    CHECK(errors == std::set<std::pair<std::string, std::string>>{
                        {"form.ho_ten_me", "required"}, {"form.tre[0].ngay_sinh", "in_future"}});
    // The citizen-facing outcome carries them too.
    auto outcome = outcomeOf(*e);
    CHECK(outcome.phase == SubmissionPhase::Rejected);
    CHECK(outcome.rejectErrors.size() == 2);
    CHECK(gatewayCount(gw.dataDir(), "SELECT COUNT(*) FROM dossier_submissions") == 0);
    CHECK(gw.stop() == 0);
}
