#include "server/store.h"

#include <array>

#include "api/json_mapping.h"
#include "privacy/mask.h"
#include "server/clock.h"
#include "server/sqlite_db.h"

namespace dvc::gateway {

namespace {

constexpr int kSchemaVersion = 1;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS procedures (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  tier            TEXT NOT NULL,
  field           TEXT NOT NULL,
  agency          TEXT NOT NULL,
  service_level   INTEGER NOT NULL,
  online          TEXT NOT NULL,
  time_limit_days INTEGER NOT NULL,
  fee_vnd         INTEGER NOT NULL,
  keywords_json   TEXT NOT NULL,
  detail_json     TEXT NOT NULL,
  version         INTEGER NOT NULL
);
-- Procedures withdrawn from the catalogue, so a delta can tell kiosks to drop them.
CREATE TABLE IF NOT EXISTS procedure_removals (
  code    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS dossiers (
  code             TEXT PRIMARY KEY,
  procedure_code   TEXT NOT NULL,
  agency           TEXT NOT NULL,
  applicant_name   TEXT NOT NULL,
  applicant_id     TEXT NOT NULL,
  applicant_dob    TEXT NOT NULL,
  applicant_gender TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  due_at           TEXT NOT NULL,
  status           TEXT NOT NULL,
  finished_at      TEXT
);
CREATE INDEX IF NOT EXISTS dossiers_by_applicant ON dossiers (applicant_id, applicant_dob);
CREATE TABLE IF NOT EXISTS dossier_history (
  dossier_code TEXT NOT NULL REFERENCES dossiers (code),
  seq          INTEGER NOT NULL,
  at           TEXT NOT NULL,
  at_epoch     INTEGER NOT NULL,
  status       TEXT NOT NULL,
  actor        TEXT NOT NULL,
  note         TEXT NOT NULL,
  PRIMARY KEY (dossier_code, seq)
);
CREATE TABLE IF NOT EXISTS kiosks (
  kiosk_id       TEXT PRIMARY KEY,
  last_seen_at   TEXT NOT NULL,
  app_version    TEXT NOT NULL,
  uptime_s       INTEGER NOT NULL,
  ui_state       TEXT NOT NULL,
  outbox_pending INTEGER NOT NULL,
  devices_json   TEXT NOT NULL,
  heartbeats     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS maintenance_notices (
  id                TEXT PRIMARY KEY,
  starts_at         TEXT NOT NULL,
  ends_at           TEXT NOT NULL,
  starts_epoch      INTEGER NOT NULL,
  ends_epoch        INTEGER NOT NULL,
  message_vi        TEXT NOT NULL,
  message_en        TEXT NOT NULL,
  blocks_submission INTEGER NOT NULL
);
)sql";

constexpr std::array<std::string_view, 7> kTables{
    "procedures", "dossiers", "dossier_history", "kiosks", "maintenance_notices", "meta",
    "dossier_submissions"};

std::string toJsonText(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

DossierState stateOf(const std::string& name) {
    auto s = dossierStateFromApi(name);
    if (!s) throw SqliteError("unknown dossier status in database: " + name);
    return *s;
}

// Reads the columns selected by kDossierColumns starting at column 0.
constexpr std::string_view kDossierColumns =
    "d.code, d.procedure_code, COALESCE(p.name, ''), d.agency, d.applicant_name, d.received_at, "
    "d.due_at, d.finished_at, d.status";

DossierStatus readDossier(const Statement& st) {
    DossierStatus d;
    d.code = st.text(0);
    d.procedureCode = st.text(1);
    d.procedureName = st.text(2);
    d.agency = st.text(3);
    // The name leaves the database only masked (Decree 13/2023).
    d.applicantName = maskPersonName(st.text(4));
    d.receivedAt = st.text(5);
    d.dueAt = st.text(6);
    d.finishedAt = st.optionalText(7);
    d.state = stateOf(st.text(8));
    return d;
}

}  // namespace

GatewayStore::GatewayStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
GatewayStore::~GatewayStore() = default;

Result<std::unique_ptr<GatewayStore>, std::string> GatewayStore::open(
    const std::filesystem::path& file) {
    try {
        auto db = std::make_unique<SqliteDb>(file);
        sqlite3_busy_timeout(db->handle(), 5000);
        {
            auto mode = db->prepare("PRAGMA journal_mode=WAL");
            if (!mode.step() || mode.text(0) != "wal")
                return fail(std::string("cannot switch ") + file.string() + " to WAL mode");
        }
        db->exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        std::unique_ptr<GatewayStore> store(new GatewayStore(std::move(db)));
        store->migrate();
        store->migrateQueue();
        return store;
    } catch (const SqliteError& e) {
        return fail(std::string(e.what()));
    }
}

void GatewayStore::migrate() {
    std::lock_guard lock(mutex_);
    std::int64_t version = 0;
    {
        auto v = db_->prepare("PRAGMA user_version");
        v.step();
        version = v.integer(0);
    }
    if (version > kSchemaVersion)
        throw SqliteError("database schema version " + std::to_string(version) +
                          " is newer than this gateway understands");
    Transaction tx(*db_);
    db_->exec(kSchema);
    migrateSubmissions();
    db_->exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
    db_->exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('config_version', '1')");
    db_->exec(
        "INSERT OR IGNORE INTO meta (key, value) VALUES "
        "('centre_name', 'Trung tâm Phục vụ hành chính công')");
    tx.commit();
}

std::optional<std::string> GatewayStore::metaLocked(std::string_view key) {
    auto st = db_->prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::optional<std::string> GatewayStore::meta(std::string_view key) {
    std::lock_guard lock(mutex_);
    return metaLocked(key);
}

void GatewayStore::setMeta(std::string_view key, std::string_view value) {
    std::lock_guard lock(mutex_);
    db_->prepare(
           "INSERT INTO meta (key, value) VALUES (?, ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

bool GatewayStore::isSeeded() {
    std::lock_guard lock(mutex_);
    return metaLocked("seeded_at").has_value();
}

bool GatewayStore::seed(const SeedData& data, std::string_view source) {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    // Checked inside the write transaction, so two gateways starting together seed once.
    if (metaLocked("seeded_at")) return false;

    auto insProc = db_->prepare(
        "INSERT INTO procedures (code, name, tier, field, agency, service_level, online, "
        "time_limit_days, fee_vnd, keywords_json, detail_json, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& rec : data.procedures) {
        const auto& p = rec.summary;
        insProc.bind(1, p.code).bind(2, p.name).bind(3, apiName(p.tier)).bind(4, p.field);
        insProc.bind(5, p.agency).bind(6, p.serviceLevel).bind(7, apiName(p.online));
        insProc.bind(8, p.timeLimitDays).bind(9, static_cast<std::int64_t>(p.feeVnd));
        insProc.bind(10, toJsonText(p.keywords))
            .bind(11, toJsonText(rec.detail))
            .bind(12, p.version);
        insProc.run();
    }

    auto insDossier = db_->prepare(
        "INSERT INTO dossiers (code, procedure_code, agency, applicant_name, applicant_id, "
        "applicant_dob, applicant_gender, received_at, due_at, status, finished_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto insHistory = db_->prepare(
        "INSERT INTO dossier_history (dossier_code, seq, at, at_epoch, status, actor, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& rec : data.dossiers) {
        const auto& d = rec.status;
        insDossier.bind(1, d.code).bind(2, d.procedureCode).bind(3, d.agency);
        insDossier.bind(4, d.applicantName).bind(5, rec.applicantId).bind(6, rec.applicantDob);
        insDossier.bind(7, rec.applicantGender).bind(8, d.receivedAt).bind(9, d.dueAt);
        insDossier.bind(10, apiName(d.state)).bindOptional(11, d.finishedAt);
        insDossier.run();
        int seq = 0;
        for (const auto& h : d.history) {
            insHistory.bind(1, d.code).bind(2, seq++).bind(3, h.at);
            insHistory.bind(4, static_cast<std::int64_t>(parseIsoDateTime(h.at).value_or(0)));
            insHistory.bind(5, apiName(h.state)).bind(6, h.actor).bind(7, h.note);
            insHistory.run();
        }
    }

    auto insNotice = db_->prepare(
        "INSERT INTO maintenance_notices (id, starts_at, ends_at, starts_epoch, ends_epoch, "
        "message_vi, message_en, blocks_submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& n : data.notices) {
        insNotice.bind(1, n.id).bind(2, n.startsAt).bind(3, n.endsAt);
        insNotice.bind(4, static_cast<std::int64_t>(parseIsoDateTime(n.startsAt).value_or(0)));
        insNotice.bind(5, static_cast<std::int64_t>(parseIsoDateTime(n.endsAt).value_or(0)));
        insNotice.bind(6, n.message.vi).bind(7, n.message.en).bind(8, n.blocksSubmission ? 1 : 0);
        insNotice.run();
    }

    auto mark = db_->prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
    mark.bind(1, "seeded_at").bind(2, isoVietnamNow()).run();
    mark.bind(1, "seed_source").bind(2, source).run();
    tx.commit();
    return true;
}

int GatewayStore::catalogVersion() {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT MAX((SELECT COALESCE(MAX(version), 0) FROM procedures), "
        "(SELECT COALESCE(MAX(version), 0) FROM procedure_removals))");
    st.step();
    return static_cast<int>(st.integer(0));
}

std::vector<ProcedureSummary> GatewayStore::procedures(int afterVersion) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT code, name, tier, field, agency, service_level, online, time_limit_days, "
        "fee_vnd, keywords_json, version FROM procedures WHERE version > ? ORDER BY code");
    st.bind(1, afterVersion);
    std::vector<ProcedureSummary> out;
    while (st.step()) {
        // The core's mapping validates the enums; rows were written from the same mapping.
        nlohmann::json j{
            {"code", st.text(0)},       {"name", st.text(1)},
            {"tier", st.text(2)},       {"field", st.text(3)},
            {"agency", st.text(4)},     {"service_level", st.integer(5)},
            {"online", st.text(6)},     {"time_limit_days", st.integer(7)},
            {"fee_vnd", st.integer(8)}, {"keywords", nlohmann::json::parse(st.text(9))},
            {"version", st.integer(10)}};
        out.push_back(j.get<ProcedureSummary>());
    }
    return out;
}

namespace {
int nextCatalogVersion(SqliteDb& db) {
    auto st = db.prepare(
        "SELECT MAX((SELECT COALESCE(MAX(version), 0) FROM procedures), "
        "(SELECT COALESCE(MAX(version), 0) FROM procedure_removals)) + 1");
    st.step();
    return static_cast<int>(st.integer(0));
}
}  // namespace

int GatewayStore::publishProcedures(const std::vector<ProcedureRecord>& records) {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    const int version = nextCatalogVersion(*db_);
    auto up = db_->prepare(
        "INSERT INTO procedures (code, name, tier, field, agency, service_level, online, "
        "time_limit_days, fee_vnd, keywords_json, detail_json, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "name = excluded.name, tier = excluded.tier, field = excluded.field, "
        "agency = excluded.agency, service_level = excluded.service_level, "
        "online = excluded.online, time_limit_days = excluded.time_limit_days, "
        "fee_vnd = excluded.fee_vnd, keywords_json = excluded.keywords_json, "
        "detail_json = excluded.detail_json, version = excluded.version");
    for (const auto& rec : records) {
        const auto& p = rec.summary;
        up.bind(1, p.code).bind(2, p.name).bind(3, apiName(p.tier)).bind(4, p.field);
        up.bind(5, p.agency).bind(6, p.serviceLevel).bind(7, apiName(p.online));
        up.bind(8, p.timeLimitDays).bind(9, static_cast<std::int64_t>(p.feeVnd));
        up.bind(10, toJsonText(p.keywords)).bind(11, toJsonText(rec.detail)).bind(12, version);
        up.run();
    }
    db_->prepare("DELETE FROM procedure_removals WHERE code IN (SELECT code FROM procedures)")
        .run();
    tx.commit();
    return version;
}

int GatewayStore::withdrawProcedure(std::string_view code) {
    std::lock_guard lock(mutex_);
    Transaction tx(*db_);
    auto exists = db_->prepare("SELECT 1 FROM procedures WHERE code = ?");
    exists.bind(1, code);
    if (!exists.step()) return 0;
    const int version = nextCatalogVersion(*db_);
    db_->prepare("DELETE FROM procedures WHERE code = ?").bind(1, code).run();
    db_->prepare(
           "INSERT INTO procedure_removals (code, version) VALUES (?, ?) "
           "ON CONFLICT (code) DO UPDATE SET version = excluded.version")
        .bind(1, code)
        .bind(2, version)
        .run();
    tx.commit();
    return version;
}

std::vector<std::string> GatewayStore::removedProcedures(int afterVersion) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT code FROM procedure_removals WHERE version > ? "
        "AND code NOT IN (SELECT code FROM procedures) ORDER BY code");
    st.bind(1, afterVersion);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::optional<ProcedureRecord> GatewayStore::procedure(std::string_view code) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT code, name, tier, field, agency, service_level, online, time_limit_days, "
        "fee_vnd, keywords_json, version, detail_json FROM procedures WHERE code = ?");
    st.bind(1, code);
    if (!st.step()) return std::nullopt;
    nlohmann::json j{{"code", st.text(0)},       {"name", st.text(1)},
                     {"tier", st.text(2)},       {"field", st.text(3)},
                     {"agency", st.text(4)},     {"service_level", st.integer(5)},
                     {"online", st.text(6)},     {"time_limit_days", st.integer(7)},
                     {"fee_vnd", st.integer(8)}, {"keywords", nlohmann::json::parse(st.text(9))},
                     {"version", st.integer(10)}};
    ProcedureRecord rec;
    rec.summary = j.get<ProcedureSummary>();
    rec.detail = nlohmann::json::parse(st.text(11));
    return rec;
}

std::optional<DossierStatus> GatewayStore::dossier(std::string_view code) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT " + std::string(kDossierColumns) +
                           " FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code"
                           " WHERE d.code = ?");
    st.bind(1, code);
    if (!st.step()) return std::nullopt;
    DossierStatus d = readDossier(st);
    auto hist = db_->prepare(
        "SELECT at, status, actor, note FROM dossier_history WHERE dossier_code = ? "
        "ORDER BY at_epoch, seq");
    hist.bind(1, code);
    while (hist.step()) {
        HistoryEntry h;
        h.at = hist.text(0);
        h.state = stateOf(hist.text(1));
        h.actor = hist.text(2);
        h.note = hist.text(3);
        d.history.push_back(std::move(h));
    }
    return d;
}

std::vector<DossierStatus> GatewayStore::dossiersOf(std::string_view idNumber,
                                                    std::string_view dateOfBirth) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT " + std::string(kDossierColumns) +
                           " FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code"
                           " WHERE d.applicant_id = ? AND d.applicant_dob = ?"
                           " ORDER BY d.received_at DESC, d.code");
    st.bind(1, idNumber).bind(2, dateOfBirth);
    std::vector<DossierStatus> out;
    while (st.step()) out.push_back(readDossier(st));
    return out;
}

void GatewayStore::recordHeartbeat(const Heartbeat& hb, std::string_view receivedAt) {
    std::lock_guard lock(mutex_);
    nlohmann::json devices{{"card_reader", hb.cardReader},
                           {"qr", hb.qr},
                           {"printer", hb.printer},
                           {"scanner", hb.scanner}};
    db_->prepare(
           "INSERT INTO kiosks (kiosk_id, last_seen_at, app_version, uptime_s, ui_state, "
           "outbox_pending, devices_json, heartbeats) VALUES (?, ?, ?, ?, ?, ?, ?, 1) "
           "ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, "
           "app_version = excluded.app_version, uptime_s = excluded.uptime_s, "
           "ui_state = excluded.ui_state, outbox_pending = excluded.outbox_pending, "
           "devices_json = excluded.devices_json, heartbeats = kiosks.heartbeats + 1")
        .bind(1, hb.kioskId)
        .bind(2, receivedAt)
        .bind(3, hb.appVersion)
        .bind(4, static_cast<std::int64_t>(hb.uptimeSeconds))
        .bind(5, hb.uiState)
        .bind(6, hb.outboxPending)
        .bind(7, toJsonText(devices))
        .run();
}

std::optional<KioskRecord> GatewayStore::kiosk(std::string_view kioskId) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT kiosk_id, last_seen_at, app_version, uptime_s, ui_state, outbox_pending, "
        "devices_json, heartbeats FROM kiosks WHERE kiosk_id = ?");
    st.bind(1, kioskId);
    if (!st.step()) return std::nullopt;
    KioskRecord k;
    k.kioskId = st.text(0);
    k.lastSeenAt = st.text(1);
    k.appVersion = st.text(2);
    k.uptimeSeconds = st.integer(3);
    k.uiState = st.text(4);
    k.outboxPending = static_cast<int>(st.integer(5));
    k.devices = nlohmann::json::parse(st.text(6));
    k.heartbeats = st.integer(7);
    return k;
}

std::vector<MaintenanceNotice> GatewayStore::maintenanceNotices(std::time_t now) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(
        "SELECT id, starts_at, ends_at, message_vi, message_en, blocks_submission "
        "FROM maintenance_notices WHERE ends_epoch > ? ORDER BY starts_epoch, id");
    st.bind(1, static_cast<std::int64_t>(now));
    std::vector<MaintenanceNotice> out;
    while (st.step()) {
        MaintenanceNotice n;
        n.id = st.text(0);
        n.startsAt = st.text(1);
        n.endsAt = st.text(2);
        n.message = {st.text(3), st.text(4)};
        n.blocksSubmission = st.integer(5) != 0;
        out.push_back(std::move(n));
    }
    return out;
}

int GatewayStore::configVersion() {
    auto v = meta("config_version");
    try {
        return v ? std::stoi(*v) : 1;
    } catch (const std::exception&) {
        return 1;
    }
}

std::string GatewayStore::centreName() {
    return meta("centre_name").value_or("");
}

std::int64_t GatewayStore::countRows(std::string_view table) {
    bool known = false;
    for (auto t : kTables) known = known || t == table;
    if (!known) throw SqliteError("unknown table " + std::string(table));
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT COUNT(*) FROM " + std::string(table));
    st.step();
    return st.integer(0);
}

}  // namespace dvc::gateway
