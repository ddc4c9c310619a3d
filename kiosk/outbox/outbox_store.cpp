#include "outbox/outbox_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

#include "api/submission_json.h"
#include "outbox/payload_cipher.h"

namespace dvc {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key     TEXT NOT NULL UNIQUE,
  local_ref           TEXT NOT NULL UNIQUE,
  procedure_code      TEXT NOT NULL,
  payload             BLOB,
  created_at_ms       INTEGER NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms  INTEGER NOT NULL,
  state               TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'rejected')),
  last_error          TEXT NOT NULL DEFAULT '',
  updated_at_ms       INTEGER NOT NULL,
  receipt_json        TEXT,
  reject_code         TEXT NOT NULL DEFAULT '',
  reject_message_vi   TEXT NOT NULL DEFAULT '',
  reject_message_en   TEXT NOT NULL DEFAULT '',
  reject_errors_json  TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at_ms);
)sql";

constexpr const char* kColumns =
    "id, idempotency_key, local_ref, procedure_code, state, attempts, created_at_ms, "
    "next_attempt_at_ms, last_error, receipt_json, reject_code, reject_message_vi, "
    "reject_message_en, payload IS NOT NULL, reject_errors_json";

std::int64_t toMs(OutboxTime t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
OutboxTime fromMs(std::int64_t ms) {
    return OutboxTime(std::chrono::milliseconds(ms));
}

std::string sqliteError(sqlite3* db, const std::string& what) {
    return what + ": " + sqlite3_errmsg(db);
}

// A prepared statement; finalised on destruction.
class Stmt {
  public:
    Stmt(sqlite3* db, const std::string& sql) : db_(db) {
        ok_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) == SQLITE_OK;
    }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return ok_; }
    Stmt& bind(int i, const std::string& s) {
        ok_ = ok_ && sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()),
                                       SQLITE_TRANSIENT) == SQLITE_OK;
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        ok_ = ok_ && sqlite3_bind_int64(st_, i, v) == SQLITE_OK;
        return *this;
    }
    Stmt& bindBlob(int i, const std::vector<unsigned char>& b) {
        ok_ = ok_ && sqlite3_bind_blob(st_, i, b.data(), static_cast<int>(b.size()),
                                       SQLITE_TRANSIENT) == SQLITE_OK;
        return *this;
    }
    // SQLITE_ROW → true; SQLITE_DONE → false; errors set !ok().
    bool step() {
        if (!ok_) return false;
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        ok_ = rc == SQLITE_DONE;
        return false;
    }
    std::string text(int c) const {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, c));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, c)))
                 : std::string();
    }
    bool isNull(int c) const { return sqlite3_column_type(st_, c) == SQLITE_NULL; }
    std::int64_t integer(int c) const { return sqlite3_column_int64(st_, c); }
    std::vector<unsigned char> blob(int c) const {
        auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(st_, c));
        return p ? std::vector<unsigned char>(p, p + sqlite3_column_bytes(st_, c))
                 : std::vector<unsigned char>();
    }

  private:
    sqlite3* db_;
    sqlite3_stmt* st_ = nullptr;
    bool ok_ = false;
};

bool exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

OutboxState stateFrom(const std::string& s) {
    if (s == "delivered") return OutboxState::Delivered;
    if (s == "rejected") return OutboxState::Rejected;
    return OutboxState::Pending;
}

OutboxEntry readEntry(const Stmt& st) {
    OutboxEntry e;
    e.id = st.integer(0);
    e.idempotencyKey = st.text(1);
    e.localRef = st.text(2);
    e.procedureCode = st.text(3);
    e.state = stateFrom(st.text(4));
    e.attempts = static_cast<int>(st.integer(5));
    e.createdAt = fromMs(st.integer(6));
    e.nextAttemptAt = fromMs(st.integer(7));
    e.lastError = st.text(8);
    if (!st.isNull(9)) {
        auto receipt = parseJson<DossierReceipt>(st.text(9));
        if (receipt) e.receipt = std::move(receipt).value();
    }
    e.rejectCode = st.text(10);
    e.rejectMessage = {st.text(11), st.text(12)};
    e.hasPayload = st.integer(13) != 0;
    auto errors = json::parse(st.text(14), nullptr, false);
    if (errors.is_array())
        for (const auto& fe : errors)
            if (fe.is_object() && fe.contains("field") && fe.contains("code"))
                e.rejectErrors.push_back(fe.get<FieldError>());
    return e;
}

// "YYMMDD" of `now` in Vietnam (UTC+7, no daylight saving).
std::string vietnamYymmdd(OutboxTime now) {
    std::string iso = isoVietnamTime(now);
    return iso.substr(2, 2) + iso.substr(5, 2) + iso.substr(8, 2);
}

// The transaction's guard: rolls back unless committed.
class WriteTransaction {
  public:
    explicit WriteTransaction(sqlite3* db) : db_(db) { began_ = exec(db, "BEGIN IMMEDIATE"); }
    ~WriteTransaction() {
        if (began_ && !done_) exec(db_, "ROLLBACK");
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    bool began() const { return began_; }
    bool commit() {
        done_ = exec(db_, "COMMIT");
        return done_;
    }

  private:
    sqlite3* db_;
    bool began_ = false;
    bool done_ = false;
};

}  // namespace

std::string isoVietnamTime(OutboxTime t) {
    std::time_t local = OutboxClock::to_time_t(t) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
    return buf;
}

const char* outboxStateName(OutboxState state) {
    switch (state) {
        case OutboxState::Pending:
            return "pending";
        case OutboxState::Delivered:
            return "delivered";
        case OutboxState::Rejected:
            return "rejected";
    }
    return "pending";
}

std::string newIdempotencyKey() {
    ensureSodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                  b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                  b[14], b[15]);
    return out;
}

OutboxStore::OutboxStore(sqlite3* db, OutboxKey key) : db_(db), key_(std::move(key)) {}

OutboxStore::~OutboxStore() {
    sqlite3_close_v2(db_);
}

Result<std::unique_ptr<OutboxStore>, std::string> OutboxStore::open(
    const std::filesystem::path& file, OutboxKey key) {
    if (!ensureSodium()) return fail(std::string("libsodium cannot be initialised"));
    // Created 0600 before SQLite opens it; SQLite gives the -wal and -shm files the same mode.
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return fail("cannot create " + file.string());
    ::close(fd);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.c_str(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string e = sqliteError(db, "cannot open " + file.string());
        sqlite3_close_v2(db);
        return fail(e);
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<OutboxStore> store(new OutboxStore(db, std::move(key)));
    {
        Stmt mode(db, "PRAGMA journal_mode=WAL");
        if (!mode.step() || mode.text(0) != "wal")
            return fail("cannot switch " + file.string() + " to WAL mode");
    }
    // FULL: in WAL mode every commit fsyncs the log, so a committed row survives a power cut
    // (NORMAL would only survive a crash of the process). secure_delete zeroes freed content.
    if (!exec(db, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;") ||
        !exec(db, kSchema))
        return fail(sqliteError(db, "cannot prepare the outbox"));
    // Outboxes made before field errors were kept gain the column (rows keep '[]').
    Stmt hasErrors(db,
                   "SELECT 1 FROM pragma_table_info('outbox') WHERE name = "
                   "'reject_errors_json'");
    if (!hasErrors.step() &&
        !exec(db, "ALTER TABLE outbox ADD COLUMN reject_errors_json TEXT NOT NULL DEFAULT '[]'"))
        return fail(sqliteError(db, "cannot add reject_errors_json to the outbox"));
    return store;
}

Result<OutboxEntry, std::string> OutboxStore::enqueue(const DossierSubmission& submission,
                                                      OutboxTime now) {
    DossierSubmission body = submission;
    // The submission time is part of the body, fixed here so every retry sends the same bytes.
    if (body.submittedAt.empty()) body.submittedAt = isoVietnamTime(now);
    std::string plain = json(body).dump(-1, ' ', false, json::error_handler_t::replace);
    wipe(body);

    OutboxEntry entry;
    entry.idempotencyKey = newIdempotencyKey();
    entry.procedureCode = submission.procedureCode;
    entry.createdAt = fromMs(toMs(now));
    entry.nextAttemptAt = entry.createdAt;
    entry.hasPayload = true;
    auto sealed = sealPayload(plain, key_, entry.idempotencyKey);
    sodium_memzero(plain.data(), plain.size());

    std::lock_guard lock(mutex_);
    WriteTransaction tx(db_);
    if (!tx.began()) return fail(sqliteError(db_, "cannot begin"));
    // Local reference: T-<kiosk>-<yymmdd>-<n>, numbered per kiosk and day.
    const std::string prefix =
        "T-" + (submission.kioskId.empty() ? std::string("KIOSK") : submission.kioskId) + "-" +
        vietnamYymmdd(now) + "-";
    std::int64_t n = 1;
    {
        Stmt st(db_, "SELECT COUNT(*) FROM outbox WHERE substr(local_ref, 1, ?) = ?");
        st.bind(1, static_cast<std::int64_t>(prefix.size())).bind(2, prefix);
        if (st.step()) n = st.integer(0) + 1;
        if (!st.ok()) return fail(sqliteError(db_, "cannot number the receipt"));
    }
    char seq[24];
    std::snprintf(seq, sizeof seq, "%04lld", static_cast<long long>(n));
    entry.localRef = prefix + seq;

    Stmt ins(db_,
             "INSERT INTO outbox (idempotency_key, local_ref, procedure_code, payload, "
             "created_at_ms, next_attempt_at_ms, state, updated_at_ms) "
             "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)");
    ins.bind(1, entry.idempotencyKey)
        .bind(2, entry.localRef)
        .bind(3, entry.procedureCode)
        .bindBlob(4, sealed)
        .bind(5, toMs(now))
        .bind(6, toMs(now))
        .bind(7, toMs(now));
    ins.step();
    if (!ins.ok()) return fail(sqliteError(db_, "cannot enqueue"));
    entry.id = sqlite3_last_insert_rowid(db_);
    if (!tx.commit()) return fail(sqliteError(db_, "cannot commit"));
    return entry;
}

std::vector<OutboxEntry> OutboxStore::select(const std::string& where,
                                             const std::vector<std::string>& args, int limit) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM outbox " + where;
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    Stmt st(db_, sql);
    for (std::size_t i = 0; i < args.size(); ++i) st.bind(static_cast<int>(i + 1), args[i]);
    std::vector<OutboxEntry> out;
    while (st.step()) out.push_back(readEntry(st));
    return out;
}

Result<std::vector<OutboxEntry>, std::string> OutboxStore::due(OutboxTime now, int limit) {
    std::lock_guard lock(mutex_);
    auto rows =
        select("WHERE state = 'pending' AND next_attempt_at_ms <= CAST(? AS INTEGER) ORDER BY id",
               {std::to_string(toMs(now))}, limit);
    return rows;
}

std::optional<OutboxTime> OutboxStore::nextAttemptAt() {
    std::lock_guard lock(mutex_);
    Stmt st(db_, "SELECT MIN(next_attempt_at_ms) FROM outbox WHERE state = 'pending'");
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return fromMs(st.integer(0));
}

Result<DossierSubmission, std::string> OutboxStore::payload(const OutboxEntry& entry) {
    std::vector<unsigned char> sealed;
    {
        std::lock_guard lock(mutex_);
        Stmt st(db_, "SELECT payload FROM outbox WHERE id = ? AND payload IS NOT NULL");
        st.bind(1, entry.id);
        if (!st.step()) return fail(std::string("no payload for this entry"));
        sealed = st.blob(0);
    }
    auto plain = openPayload(sealed, key_, entry.idempotencyKey);
    if (!plain) return fail(plain.error());
    auto parsed = parseJson<DossierSubmission>(plain.value());
    sodium_memzero(plain.value().data(), plain.value().size());
    if (!parsed) return fail("payload is not a dossier request: " + parsed.error());
    return std::move(parsed).value();
}

Result<Done, std::string> OutboxStore::update(const std::string& sql, std::int64_t id,
                                              const std::vector<std::string>& args) {
    std::lock_guard lock(mutex_);
    Stmt st(db_, sql);
    int i = 1;
    for (const auto& a : args) st.bind(i++, a);
    st.bind(i, id);
    st.step();
    if (!st.ok()) return fail(sqliteError(db_, "cannot update the outbox"));
    if (sqlite3_changes(db_) != 1) return fail(std::string("no pending outbox entry with this id"));
    return Done{};
}

Result<Done, std::string> OutboxStore::markDelivered(std::int64_t id, const DossierReceipt& receipt,
                                                     OutboxTime now) {
    // The payload goes (NULL, zeroed on disk by secure_delete); the receipt stays.
    return update(
        "UPDATE outbox SET state = 'delivered', payload = NULL, receipt_json = ?, "
        "last_error = '', updated_at_ms = CAST(? AS INTEGER) WHERE id = ? AND state = 'pending'",
        id,
        {json(receipt).dump(-1, ' ', false, json::error_handler_t::replace),
         std::to_string(toMs(now))});
}

Result<Done, std::string> OutboxStore::scheduleRetry(std::int64_t id, OutboxTime next,
                                                     std::string error, OutboxTime now) {
    return update(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at_ms = CAST(? AS INTEGER), "
        "last_error = ?, updated_at_ms = CAST(? AS INTEGER) WHERE id = ? AND state = 'pending'",
        id, {std::to_string(toMs(next)), std::move(error), std::to_string(toMs(now))});
}

Result<Done, std::string> OutboxStore::markRejected(std::int64_t id, std::string code,
                                                    BilingualText message, std::string detail,
                                                    OutboxTime now,
                                                    std::vector<FieldError> fieldErrors) {
    return update(
        "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, reject_code = ?, "
        "reject_message_vi = ?, reject_message_en = ?, last_error = ?, "
        "updated_at_ms = CAST(? AS INTEGER), reject_errors_json = ? "
        "WHERE id = ? AND state = 'pending'",
        id,
        {std::move(code), std::move(message.vi), std::move(message.en), std::move(detail),
         std::to_string(toMs(now)),
         json(fieldErrors).dump(-1, ' ', false, json::error_handler_t::replace)});
}

std::optional<OutboxEntry> OutboxStore::byLocalRef(const std::string& localRef) {
    std::lock_guard lock(mutex_);
    auto rows = select("WHERE local_ref = ?", {localRef}, 1);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<OutboxEntry> OutboxStore::byIdempotencyKey(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto rows = select("WHERE idempotency_key = ?", {key}, 1);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<OutboxEntry> OutboxStore::all() {
    std::lock_guard lock(mutex_);
    return select("ORDER BY id", {}, 0);
}

int OutboxStore::countIn(OutboxState state) {
    std::lock_guard lock(mutex_);
    Stmt st(db_, "SELECT COUNT(*) FROM outbox WHERE state = ?");
    st.bind(1, std::string(outboxStateName(state)));
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace dvc
