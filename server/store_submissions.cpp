// Dossier creation through the Kiosk API: idempotency keys, dossier codes, appointment dates.
#include <chrono>
#include <cstdio>

#include "api/submission_json.h"
#include "server/clock.h"
#include "server/sqlite_db.h"
#include "server/store.h"
#include "server/working_days.h"

namespace dvc::gateway {

namespace {

// Agency prefix of codes the reference gateway issues when meta "agency_code" is unset.
constexpr std::string_view kDefaultAgencyCode = "000.00.19.H42";
// The appointment is at the end of the working day.
constexpr std::string_view kDueTime = "T17:00:00+07:00";
constexpr long kVietnamOffsetSeconds = 7 * 3600;

constexpr std::string_view kSubmissionSchema = R"sql(
CREATE TABLE IF NOT EXISTS dossier_submissions (
  idempotency_key  TEXT PRIMARY KEY,
  body_sha256      TEXT NOT NULL,
  dossier_code     TEXT NOT NULL UNIQUE REFERENCES dossiers (code),
  kiosk_id         TEXT NOT NULL,
  form_json        TEXT NOT NULL,
  attachments_json TEXT NOT NULL,
  submitted_at     TEXT NOT NULL,
  receipt_json     TEXT NOT NULL,
  created_epoch    INTEGER NOT NULL
);
)sql";

std::chrono::year_month_day vietnamDate(std::time_t t) {
    using namespace std::chrono;
    return year_month_day{floor<days>(sys_seconds{seconds{t + kVietnamOffsetSeconds}})};
}

std::string isoDate(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string yymmdd(std::chrono::year_month_day d) {
    return isoDate(d).substr(2, 2) + isoDate(d).substr(5, 2) + isoDate(d).substr(8, 2);
}

std::string dumpText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Sets synchronous=FULL for the lifetime of the guard (outside any transaction).
class FullSync {
  public:
    explicit FullSync(SqliteDb& db) : db_(db) { db_.exec("PRAGMA synchronous=FULL"); }
    ~FullSync() {
        try {
            db_.exec("PRAGMA synchronous=NORMAL");
        } catch (const SqliteError&) {
        }
    }
    FullSync(const FullSync&) = delete;
    FullSync& operator=(const FullSync&) = delete;

  private:
    SqliteDb& db_;
};

}  // namespace

void GatewayStore::migrateSubmissions() {
    db_->exec(kSubmissionSchema);
}

std::string GatewayStore::agencyCode() {
    return meta("agency_code").value_or(std::string(kDefaultAgencyCode));
}

std::optional<std::pair<std::string, DossierReceipt>> GatewayStore::submissionByKey(
    std::string_view key) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT body_sha256, receipt_json FROM dossier_submissions WHERE idempotency_key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return std::make_pair(st.text(0), nlohmann::json::parse(st.text(1)).get<DossierReceipt>());
}

CreateDossierResult GatewayStore::createDossier(const NewDossier& d,
                                                const ProcedureRecord& procedure) {
    const std::string agency = agencyCode();
    std::lock_guard lock(mutex_);
    FullSync fullSync(*db_);
    Transaction tx(*db_);

    // Checked again inside the write transaction: two requests with one key racing each other
    // create one dossier; the second sees the first's row.
    {
        auto st = db_->prepare(
            "SELECT body_sha256, receipt_json FROM dossier_submissions WHERE idempotency_key = ?");
        st.bind(1, d.idempotencyKey);
        if (st.step()) {
            CreateDossierResult r;
            r.outcome =
                st.text(0) == d.bodySha256 ? CreateOutcome::Replayed : CreateOutcome::Conflict;
            r.receipt = nlohmann::json::parse(st.text(1)).get<DossierReceipt>();
            return r;
        }
    }

    const auto receivedDay = vietnamDate(d.receivedAt);
    const std::string prefix = agency + "-" + yymmdd(receivedDay) + "-";
    std::int64_t sequence = 1;
    {
        auto st = db_->prepare(
            "SELECT COALESCE(MAX(CAST(substr(code, ?) AS INTEGER)), 0) FROM dossiers "
            "WHERE substr(code, 1, ?) = ?");
        st.bind(1, static_cast<std::int64_t>(prefix.size() + 1))
            .bind(2, static_cast<std::int64_t>(prefix.size()))
            .bind(3, prefix);
        st.step();
        sequence = st.integer(0) + 1;
    }
    char seq[24];
    std::snprintf(seq, sizeof seq, "%04lld", static_cast<long long>(sequence));

    DossierReceipt receipt;
    receipt.code = prefix + seq;
    receipt.procedureCode = procedure.summary.code;
    receipt.receivedAt = isoVietnamTime(d.receivedAt);
    receipt.dueAt =
        isoDate(dueDate(receivedDay, procedure.summary.timeLimitDays)) + std::string(kDueTime);
    receipt.state = DossierState::Received;
    receipt.feeVnd = procedure.summary.feeVnd;
    receipt.paymentRequired = procedure.summary.feeVnd > 0;

    const auto& a = d.submission.applicant;
    db_->prepare(
           "INSERT INTO dossiers (code, procedure_code, agency, applicant_name, applicant_id, "
           "applicant_dob, applicant_gender, received_at, due_at, status, finished_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")
        .bind(1, receipt.code)
        .bind(2, receipt.procedureCode)
        .bind(3, procedure.summary.agency)
        .bind(4, a.fullName)
        .bind(5, a.idNumber)
        .bind(6, a.dateOfBirth)
        .bind(7, a.gender)
        .bind(8, receipt.receivedAt)
        .bind(9, receipt.dueAt)
        .bind(10, apiName(receipt.state))
        .run();
    db_->prepare(
           "INSERT INTO dossier_history (dossier_code, seq, at, at_epoch, status, actor, note) "
           "VALUES (?, 0, ?, ?, ?, ?, ?)")
        .bind(1, receipt.code)
        .bind(2, receipt.receivedAt)
        .bind(3, static_cast<std::int64_t>(d.receivedAt))
        .bind(4, apiName(receipt.state))
        .bind(5, "Ki-ốt tự phục vụ " + d.submission.kioskId)
        .bind(6, "Tiếp nhận hồ sơ nộp tại ki-ốt")
        .run();
    db_->prepare(
           "INSERT INTO dossier_submissions (idempotency_key, body_sha256, dossier_code, "
           "kiosk_id, form_json, attachments_json, submitted_at, receipt_json, created_epoch) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, d.idempotencyKey)
        .bind(2, d.bodySha256)
        .bind(3, receipt.code)
        .bind(4, d.submission.kioskId)
        .bind(5, dumpText(d.submission.form))
        .bind(6, dumpText(d.submission.attachments))
        .bind(7, d.submission.submittedAt)
        .bind(8, dumpText(nlohmann::json(receipt)))
        .bind(9, static_cast<std::int64_t>(d.receivedAt))
        .run();
    tx.commit();
    return {CreateOutcome::Created, receipt};
}

}  // namespace dvc::gateway
