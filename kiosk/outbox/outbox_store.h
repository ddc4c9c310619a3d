#pragma once
// The kiosk's outbox: submissions waiting for the back end, in SQLite (WAL).
//
// A submission is enqueued in one transaction committed with synchronous=FULL, so when
// enqueue() returns the row is on disk (fsync'd) and the citizen may be told "submitted". Each
// row carries its idempotency key (a random UUID made at enqueue and never changed), so every
// retry is the same request to the gateway. Personal data (the request body) is encrypted at
// rest with the outbox key and deleted once the gateway acknowledges the dossier.
// Thread-safe: one connection behind a mutex (the UI enqueues, the delivery worker sends).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "api/problem.h"
#include "common/bilingual.h"
#include "common/result.h"
#include "domain/dossier_submission.h"
#include "outbox/outbox_key.h"

struct sqlite3;

namespace dvc {

using OutboxClock = std::chrono::system_clock;
using OutboxTime = OutboxClock::time_point;

enum class OutboxState { Pending, Delivered, Rejected };
const char* outboxStateName(OutboxState state);

struct OutboxEntry {
    std::int64_t id = 0;
    std::string idempotencyKey;  // UUID, sent as Idempotency-Key on every attempt
    std::string localRef;        // provisional receipt number shown to the citizen
    std::string procedureCode;
    OutboxState state = OutboxState::Pending;
    int attempts = 0;  // failed attempts so far
    OutboxTime createdAt;
    OutboxTime nextAttemptAt;
    std::string lastError;                  // kind and detail of the last failure (technician)
    std::optional<DossierReceipt> receipt;  // when delivered
    std::string rejectCode;                 // when rejected: the gateway's problem code
    BilingualText rejectMessage;            //   and its message, for staff
    std::vector<FieldError> rejectErrors = {};  //   and, for 422, field by field
    bool hasPayload = false;                // false once the personal data is deleted
};

// Nothing to return but success.
struct Done {};

class OutboxStore {
  public:
    static Result<std::unique_ptr<OutboxStore>, std::string> open(const std::filesystem::path& file,
                                                                  OutboxKey key);
    ~OutboxStore();
    OutboxStore(const OutboxStore&) = delete;
    OutboxStore& operator=(const OutboxStore&) = delete;

    // Durable when it returns: the row is committed and fsync'd.
    Result<OutboxEntry, std::string> enqueue(const DossierSubmission& submission, OutboxTime now);

    // Pending rows whose next attempt is due at `now`, oldest first.
    Result<std::vector<OutboxEntry>, std::string> due(OutboxTime now, int limit);
    // The earliest next attempt of any pending row.
    std::optional<OutboxTime> nextAttemptAt();
    // The decrypted request of a row that still has its payload.
    Result<DossierSubmission, std::string> payload(const OutboxEntry& entry);

    // Acknowledged: keeps the receipt, deletes the personal payload.
    Result<Done, std::string> markDelivered(std::int64_t id, const DossierReceipt& receipt,
                                            OutboxTime now);
    // Transient failure: counts the attempt, schedules the next one.
    Result<Done, std::string> scheduleRetry(std::int64_t id, OutboxTime next, std::string error,
                                            OutboxTime now);
    // Permanent failure: kept (payload included, still encrypted) for staff to resolve, with
    // the gateway's per-field errors when it named any (422 validation_failed).
    Result<Done, std::string> markRejected(std::int64_t id, std::string code, BilingualText message,
                                           std::string detail, OutboxTime now,
                                           std::vector<FieldError> fieldErrors = {});

    std::optional<OutboxEntry> byLocalRef(const std::string& localRef);
    std::optional<OutboxEntry> byIdempotencyKey(const std::string& key);
    std::vector<OutboxEntry> all();
    int countIn(OutboxState state);

  private:
    OutboxStore(sqlite3* db, OutboxKey key);
    std::vector<OutboxEntry> select(const std::string& where, const std::vector<std::string>& args,
                                    int limit);
    Result<Done, std::string> update(const std::string& sql, std::int64_t id,
                                     const std::vector<std::string>& args);

    std::mutex mutex_;
    sqlite3* db_;
    OutboxKey key_;
};

// "2026-11-23T08:15:30+07:00": the instant in Vietnam time, as the Kiosk API writes times.
std::string isoVietnamTime(OutboxTime t);

// A fresh idempotency key: a random (version 4) UUID, 122 random bits from libsodium.
std::string newIdempotencyKey();

}  // namespace dvc
