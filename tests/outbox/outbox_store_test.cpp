// The outbox on its own: key file, encryption at rest, durable enqueue, retries and rejection
// against an in-test PortalClient that records what it was sent (the real gateway is in
// outbox_gateway_test.cpp).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <deque>
#include <fstream>
#include <iterator>

#include "api/submission_json.h"
#include "gateway_process.h"
#include "outbox/outbox_delivery.h"
#include "outbox/outbox_store.h"
#include "outbox/payload_cipher.h"
#include "outbox/provisional_receipt.h"
#include "outbox/retry_schedule.h"
#include "sample_submission.h"

using namespace dvc;
using namespace std::chrono_literals;

namespace {

std::string fileBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct OutboxFiles {
    std::filesystem::path dir = test::freshTempDir("outbox");
    std::filesystem::path db = dir / "outbox.db";
    std::filesystem::path keyFile = dir / "outbox.key";
    ~OutboxFiles() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::unique_ptr<OutboxStore> open() {
        auto key = OutboxKey::loadOrCreate(keyFile);
        REQUIRE(key);
        auto store = OutboxStore::open(db, key.value());
        REQUIRE(store);
        return std::move(store).value();
    }
};

// Answers each call with the next scripted outcome (an error, or success with a receipt).
class ScriptedPortal final : public PortalClient {
  public:
    std::deque<std::optional<PortalError>> script;
    std::vector<std::string> keys;
    std::vector<std::string> bodies;

    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission& request,
                                                      const std::string& key) override {
        keys.push_back(key);
        bodies.push_back(json(request).dump());
        std::optional<PortalError> next;
        if (!script.empty()) {
            next = script.front();
            script.pop_front();
        }
        if (next) return fail(*next);
        DossierReceipt r;
        r.code = "000.00.19.H42-261123-" + std::to_string(1000 + keys.size());
        r.procedureCode = request.procedureCode;
        r.receivedAt = "2026-11-23T08:15:30+07:00";
        r.dueAt = "2026-11-24T17:00:00+07:00";
        return r;
    }
    Result<DossierStatus, PortalError> dossierStatus(const std::string&) override {
        return fail(PortalError{});
    }
    Result<CatalogPage, PortalError> catalog(std::optional<int>) override { return CatalogPage{}; }
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat&) override {
        return HeartbeatReply{};
    }
};

PortalError unreachable() {
    return PortalError{PortalErrorKind::Unreachable, 0, "", {}, "refused"};
}

const OutboxTime kT0 = OutboxTime(std::chrono::seconds(1795400000));  // 2026-11-23, Vietnam

}  // namespace

TEST_CASE("the outbox key is created once, owner-only, and read back the same") {
    OutboxFiles f;
    auto first = OutboxKey::loadOrCreate(f.keyFile);
    REQUIRE(first);
    struct stat st {};
    REQUIRE(::stat(f.keyFile.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    auto again = OutboxKey::loadOrCreate(f.keyFile);
    REQUIRE(again);
    CHECK(std::equal(first->data(), first->data() + 32, again->data()));
}

TEST_CASE("a key file others can read, or of the wrong size, is refused") {
    OutboxFiles f;
    REQUIRE(OutboxKey::loadOrCreate(f.keyFile));
    std::filesystem::permissions(f.keyFile, std::filesystem::perms::group_read,
                                 std::filesystem::perm_options::add);
    auto open = OutboxKey::loadOrCreate(f.keyFile);
    REQUIRE_FALSE(open);
    CHECK(open.error().find("0600") != std::string::npos);

    std::filesystem::remove(f.keyFile);
    std::ofstream(f.keyFile) << "short";
    std::filesystem::permissions(
        f.keyFile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    CHECK_FALSE(OutboxKey::loadOrCreate(f.keyFile));
}

TEST_CASE("a sealed payload opens only with its key and its row's associated data") {
    OutboxFiles f;
    auto key = OutboxKey::loadOrCreate(f.keyFile);
    REQUIRE(key);
    auto sealed = sealPayload("bí mật", key.value(), "row-1");
    CHECK(sealed.size() == 24 + std::string("bí mật").size() + 16);
    auto opened = openPayload(sealed, key.value(), "row-1");
    REQUIRE(opened);
    CHECK(opened.value() == "bí mật");
    CHECK_FALSE(openPayload(sealed, key.value(), "row-2"));
    auto altered = sealed;
    altered[30] ^= 1;
    CHECK_FALSE(openPayload(altered, key.value(), "row-1"));
    CHECK_FALSE(openPayload({1, 2, 3}, key.value(), "row-1"));
    OutboxFiles other;
    auto otherKey = OutboxKey::loadOrCreate(other.keyFile);
    REQUIRE(otherKey);
    CHECK_FALSE(openPayload(sealed, otherKey.value(), "row-1"));
}

TEST_CASE("enqueue is durable: the row and its payload are there after reopening") {
    OutboxFiles f;
    std::string key, ref;
    {
        auto store = f.open();
        auto entry = store->enqueue(test::sampleSubmission(7), kT0);
        REQUIRE(entry);
        key = entry->idempotencyKey;
        ref = entry->localRef;
        CHECK(entry->state == OutboxState::Pending);
        CHECK(ref == "T-KIOSK-OB-01-261123-0001");
        auto second = store->enqueue(test::sampleSubmission(8), kT0 + 1s);
        REQUIRE(second);
        CHECK(second->localRef == "T-KIOSK-OB-01-261123-0002");
        CHECK(second->idempotencyKey != key);
    }
    auto store = f.open();
    auto entry = store->byLocalRef(ref);
    REQUIRE(entry);
    CHECK(entry->idempotencyKey == key);
    CHECK(entry->hasPayload);
    auto payload = store->payload(*entry);
    REQUIRE(payload);
    CHECK(payload->applicant.fullName == test::kApplicantName);
    CHECK(payload->form.at("so_dien_thoai") == test::samplePhone(7));
    CHECK(payload->submittedAt == isoVietnamTime(kT0));
    CHECK(store->countIn(OutboxState::Pending) == 2);
}

TEST_CASE("idempotency keys are version 4 UUIDs and differ") {
    auto a = newIdempotencyKey(), b = newIdempotencyKey();
    REQUIRE(a.size() == 36);
    CHECK(a[8] == '-');
    CHECK(a[14] == '4');
    CHECK(std::string("89ab").find(a[19]) != std::string::npos);
    CHECK(a != b);
}

TEST_CASE("personal data is encrypted at rest and gone after acknowledgement") {
    OutboxFiles f;
    auto store = f.open();
    auto entry = store->enqueue(test::sampleSubmission(1), kT0);
    REQUIRE(entry);
    auto onDisk = fileBytes(f.db) + fileBytes(f.db.string() + "-wal");
    REQUIRE(onDisk.find(entry->idempotencyKey) != std::string::npos);  // the file is readable
    CHECK(onDisk.find(test::kApplicantName) == std::string::npos);
    CHECK(onDisk.find(test::kApplicantId) == std::string::npos);
    CHECK(onDisk.find("Phạm") == std::string::npos);

    ScriptedPortal portal;
    OutboxDelivery delivery(*store, portal);
    CHECK(delivery.deliverDue(kT0).delivered == 1);
    auto done = store->byLocalRef(entry->localRef);
    REQUIRE(done);
    CHECK(done->state == OutboxState::Delivered);
    CHECK_FALSE(done->hasPayload);
    REQUIRE(done->receipt);
    CHECK(done->receipt->code == "000.00.19.H42-261123-1001");
    CHECK_FALSE(store->payload(*done));
}

TEST_CASE("retries send the same key and body, on the backoff schedule") {
    OutboxFiles f;
    auto store = f.open();
    auto entry = store->enqueue(test::sampleSubmission(3), kT0);
    REQUIRE(entry);
    ScriptedPortal portal;
    portal.script = {unreachable(), PortalError{PortalErrorKind::ServerError, 503, "", {}, ""},
                     PortalError{PortalErrorKind::InvalidRequest, 429, "rate_limited", {}, ""},
                     std::nullopt};
    DeliveryOptions options;
    options.jitter = [] { return 0.0; };
    OutboxDelivery delivery(*store, portal, options);

    OutboxTime now = kT0;
    CHECK(delivery.deliverDue(now).retried == 1);
    auto e = store->byLocalRef(entry->localRef);
    CHECK(e->attempts == 1);
    CHECK(e->nextAttemptAt == now + 2s);
    CHECK(e->lastError.find("unreachable") != std::string::npos);
    CHECK(delivery.deliverDue(now + 1s).retried == 0);  // not due yet: nothing sent
    CHECK(portal.keys.size() == 1);

    now += 2s;
    CHECK(delivery.deliverDue(now).retried == 1);
    CHECK(store->byLocalRef(entry->localRef)->nextAttemptAt == now + 4s);
    now += 4s;
    CHECK(delivery.deliverDue(now).retried == 1);  // 429 is the gateway's load: retried
    CHECK(store->byLocalRef(entry->localRef)->nextAttemptAt == now + 8s);
    now += 8s;
    CHECK(delivery.deliverDue(now).delivered == 1);

    REQUIRE(portal.keys.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(portal.keys[i] == entry->idempotencyKey);
        CHECK(portal.bodies[i] == portal.bodies[0]);
    }
    CHECK(store->byLocalRef(entry->localRef)->state == OutboxState::Delivered);
    CHECK(delivery.deliverDue(now + 1h).delivered == 0);  // delivered once, never again
    CHECK(portal.keys.size() == 4);
}

TEST_CASE("a refusal of the content is permanent: rejected, kept for staff") {
    OutboxFiles f;
    auto store = f.open();
    auto entry = store->enqueue(test::sampleSubmission(4), kT0);
    REQUIRE(entry);
    ScriptedPortal portal;
    portal.script = {PortalError{PortalErrorKind::InvalidRequest,
                                 422,
                                 "validation_failed",
                                 {"Thông tin khai chưa hợp lệ.", "Some information is invalid."},
                                 "HTTP 422"}};
    OutboxDelivery delivery(*store, portal);
    std::vector<OutboxEntry> heard;
    delivery.setListener([&](const OutboxEntry& e) { heard.push_back(e); });
    auto pass = delivery.deliverDue(kT0);
    CHECK(pass.rejected == 1);
    auto e = store->byLocalRef(entry->localRef);
    CHECK(e->state == OutboxState::Rejected);
    CHECK(e->rejectCode == "validation_failed");
    CHECK(e->rejectMessage.vi == "Thông tin khai chưa hợp lệ.");
    CHECK(e->hasPayload);  // staff can still see what the citizen filed
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].state == OutboxState::Rejected);
    CHECK(delivery.deliverDue(kT0 + 1h).rejected == 0);
    CHECK(portal.keys.size() == 1);
}

TEST_CASE("which failures are retried") {
    CHECK(isTransient({PortalErrorKind::Unreachable, 0, "", {}, ""}));
    CHECK(isTransient({PortalErrorKind::Timeout, 0, "", {}, ""}));
    CHECK(isTransient({PortalErrorKind::ServerError, 500, "internal_error", {}, ""}));
    CHECK(isTransient({PortalErrorKind::BadResponse, 200, "", {}, ""}));
    CHECK(isTransient({PortalErrorKind::InvalidRequest, 429, "rate_limited", {}, ""}));
    CHECK_FALSE(
        isTransient({PortalErrorKind::InvalidRequest, 409, "idempotency_conflict", {}, ""}));
    CHECK_FALSE(isTransient({PortalErrorKind::InvalidRequest, 400, "missing_field", {}, ""}));
    CHECK_FALSE(isTransient({PortalErrorKind::InvalidRequest, 422, "validation_failed", {}, ""}));
}

TEST_CASE("a payload that cannot be decrypted is rejected, not retried forever") {
    OutboxFiles f;
    std::string ref;
    {
        auto store = f.open();
        auto entry = store->enqueue(test::sampleSubmission(5), kT0);
        REQUIRE(entry);
        ref = entry->localRef;
    }
    std::filesystem::remove(f.keyFile);  // the key is lost: a new one is made
    auto store = f.open();
    ScriptedPortal portal;
    OutboxDelivery delivery(*store, portal);
    CHECK(delivery.deliverDue(kT0).rejected == 1);
    CHECK(store->byLocalRef(ref)->rejectCode == "payload_unreadable");
    CHECK(portal.keys.empty());
}

TEST_CASE("the provisional receipt names the local reference and the key's start") {
    OutboxFiles f;
    auto store = f.open();
    auto entry = store->enqueue(test::sampleSubmission(6), kT0);
    REQUIRE(entry);
    auto r = provisionalReceiptFor(*entry);
    CHECK(r.localRef == entry->localRef);
    CHECK(r.shortKey == entry->idempotencyKey.substr(0, 8));
    CHECK(r.procedureCode == "1.001193");
    CHECK(r.submittedAt == isoVietnamTime(kT0));
    CHECK(r.qrText() == "DVC-TAM:" + entry->localRef + ":" + r.shortKey);
}

TEST_CASE("the background worker delivers what is enqueued after wake()") {
    OutboxFiles f;
    auto store = f.open();
    ScriptedPortal portal;
    OutboxDelivery delivery(*store, portal);
    std::mutex m;
    std::condition_variable cv;
    int delivered = 0;
    delivery.setListener([&](const OutboxEntry& e) {
        std::lock_guard lock(m);
        if (e.state == OutboxState::Delivered) ++delivered;
        cv.notify_all();
    });
    delivery.start();
    REQUIRE(store->enqueue(test::sampleSubmission(9), OutboxClock::now()));
    delivery.wake();
    std::unique_lock lock(m);
    CHECK(cv.wait_for(lock, 10s, [&] { return delivered == 1; }));
    lock.unlock();
    delivery.stop();
    CHECK(store->countIn(OutboxState::Delivered) == 1);
}
