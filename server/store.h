#pragma once
// The gateway's SQLite database (WAL): procedures, dossiers and their history, kiosks' last
// heartbeat, maintenance notices, and a meta table (seed marker, config version).
// One connection guarded by a mutex; the gateway's load is a handful of kiosks.
// Database failures after open() throw SqliteError; the HTTP layer turns them into 500s.
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/dossier.h"
#include "domain/dossier_submission.h"
#include "domain/kiosk_health.h"
#include "domain/procedure.h"
#include "domain/queue.h"

namespace dvc::gateway {

class SqliteDb;

// A procedure as published: the summary the catalog lists plus the detail fields
// (time_limit, fee_text, applicants, steps, …) kept as one JSON object.
struct ProcedureRecord {
    ProcedureSummary summary;
    nlohmann::json detail = nlohmann::json::object();
};

// A dossier with the applicant's identity, as the back office holds it. Only the seed writes
// these; reads hand out DossierStatus with the name already masked.
struct DossierRecord {
    DossierStatus status;         // applicantName unmasked here; procedureName is ignored
    std::string applicantId;      // CCCD, 12 digits
    std::string applicantDob;     // YYYY-MM-DD
    std::string applicantGender;  // nam | nu
};

struct SeedData {
    std::vector<ProcedureRecord> procedures;
    std::vector<DossierRecord> dossiers;
    std::vector<MaintenanceNotice> notices;
};

// A dossier submitted through POST /api/v1/dossiers, already validated.
struct NewDossier {
    std::string idempotencyKey;
    std::string bodySha256;  // of the canonical JSON body, to tell a replay from a conflict
    DossierSubmission submission;
    std::time_t receivedAt = 0;
};

enum class CreateOutcome { Created, Replayed, Conflict };

struct CreateDossierResult {
    CreateOutcome outcome = CreateOutcome::Created;
    DossierReceipt receipt;  // the stored receipt (Created, Replayed)
};

struct KioskRecord {
    std::string kioskId;
    std::string lastSeenAt;
    std::string appVersion;
    std::string uiState;
    long long uptimeSeconds = 0;
    int outboxPending = 0;
    nlohmann::json devices;
    long long heartbeats = 0;
};

// Queue configuration (server/seed/queue_services.json): counters with the letter their
// numbers start with, and the services each counter serves.
struct QueueCounterSeed {
    std::string name;    // "Quầy 3"
    std::string letter;  // "C": numbers C001…C999, so no two counters share a number
};
struct QueueServiceSeed {
    std::string id;
    BilingualText name;
    std::vector<std::string> counters;
    bool priorityAllowed = false;
    int minutesPerTicket = 5;
};
enum class TicketIssueError { UnknownService, PriorityNotAllowed, CounterFull };

class GatewayStore {
  public:
    static Result<std::unique_ptr<GatewayStore>, std::string> open(
        const std::filesystem::path& file);
    ~GatewayStore();
    GatewayStore(const GatewayStore&) = delete;
    GatewayStore& operator=(const GatewayStore&) = delete;

    bool isSeeded();
    // Writes everything in one transaction and records that the seed ran. Returns false (and
    // writes nothing) if the database was already seeded.
    bool seed(const SeedData& data, std::string_view source);

    int catalogVersion();
    // Procedures whose version is greater than afterVersion (0: all), ordered by code.
    std::vector<ProcedureSummary> procedures(int afterVersion);
    std::optional<ProcedureRecord> procedure(std::string_view code);
    // Publishes new or changed procedures as one new catalogue version (returned), in one
    // transaction; kiosks get exactly these in their next delta.
    int publishProcedures(const std::vector<ProcedureRecord>& records);
    // Withdraws a procedure in a new catalogue version (returned); later deltas list its code
    // in `removed`. Returns 0 if there was no such procedure.
    int withdrawProcedure(std::string_view code);
    // Codes withdrawn after afterVersion (procedure_removals), for a delta's `removed`.
    std::vector<std::string> removedProcedures(int afterVersion);

    // Status with history (oldest first); the applicant name comes back masked.
    std::optional<DossierStatus> dossier(std::string_view code);
    // Dossiers of one applicant, both identity fields matching; masked, without history.
    std::vector<DossierStatus> dossiersOf(std::string_view idNumber, std::string_view dateOfBirth);

    // Dossier creation with idempotency (store_submissions.cpp). The key is checked and the
    // dossier, its first history entry and the key written in one transaction, committed with
    // synchronous=FULL: a receipt the gateway has answered survives a power cut.
    CreateDossierResult createDossier(const NewDossier& dossier, const ProcedureRecord& procedure);
    // The earlier request with this key: its body hash and receipt.
    std::optional<std::pair<std::string, DossierReceipt>> submissionByKey(std::string_view key);
    // The agency code prefix of new dossier codes (meta "agency_code").
    std::string agencyCode();

    void recordHeartbeat(const Heartbeat& heartbeat, std::string_view receivedAt);
    std::optional<KioskRecord> kiosk(std::string_view kioskId);

    // Notices that have not ended at `now` (current and upcoming), by start time.
    std::vector<MaintenanceNotice> maintenanceNotices(std::time_t now);

    // Queue (store_queue.cpp). Numbers are per counter and per day (Vietnam time), issued in
    // a BEGIN IMMEDIATE transaction so concurrent kiosks never get the same one.
    bool seedQueue(const std::vector<QueueCounterSeed>& counters,
                   const std::vector<QueueServiceSeed>& services);  // false if already seeded
    std::vector<QueueService> queueServices(std::time_t now);
    Result<QueueTicket, TicketIssueError> issueTicket(const TicketRequest& request,
                                                      std::string_view kioskId, std::time_t now,
                                                      std::string_view followBaseUrl);
    std::optional<QueueTicket> queueTicket(std::string_view ticketId, std::string_view followBaseUrl);

    int configVersion();
    std::string centreName();

    // Form schemas (GET /procedures/{code}/form; docs/forms.md), one per procedure, kept as
    // the validated JSON. putForm replaces a stored schema only with a higher version and says
    // whether it wrote. Defined in store_forms.cpp.
    bool putForm(std::string_view procedureCode, long long version, const nlohmann::json& schema);
    std::optional<nlohmann::json> form(std::string_view procedureCode);

    std::optional<std::string> meta(std::string_view key);
    void setMeta(std::string_view key, std::string_view value);
    // Row count of one of the gateway's tables (for tests and the technician).
    std::int64_t countRows(std::string_view table);

  private:
    explicit GatewayStore(std::unique_ptr<SqliteDb> db);
    void migrate();
    void migrateSubmissions();  // store_submissions.cpp
    void migrateQueue();
    std::optional<std::string> metaLocked(std::string_view key);

    std::mutex mutex_;
    std::unique_ptr<SqliteDb> db_;
};

}  // namespace dvc::gateway
