#include "catalog/catalog_store.h"

#include <set>

#include "api/json_mapping.h"
#include "api/procedure_detail_json.h"
#include "catalog/sqlite_connection.h"
#include "catalog/vietnamese_fold.h"
#include "log/log.h"

namespace dvc::catalog {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS procedures (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  version        INTEGER NOT NULL,
  summary_json   TEXT NOT NULL,
  detail_json    TEXT,
  detail_version INTEGER
);
CREATE VIRTUAL TABLE IF NOT EXISTS procedure_fts USING fts5(
  name, keywords, field, agency,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '1 2 3'
);
)sql";

std::string keywordsText(const ProcedureSummary& p) {
    std::string text;
    for (const auto& k : p.keywords) text += foldForSearch(k) + " , ";
    return text;
}

template <class F>
auto guarded(const char* what, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SqliteError& e) {
        log::error("catalog", std::string(what) + ": " + e.what());
        return fail(std::string(what) + ": " + e.what());
    } catch (const json::exception& e) {
        log::error("catalog", std::string(what) + ": " + e.what());
        return fail(std::string(what) + ": stored JSON unreadable: " + e.what());
    }
}

}  // namespace

Result<std::unique_ptr<CatalogStore>, std::string> CatalogStore::open(
    const std::filesystem::path& file) {
    try {
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        auto db = std::make_unique<SqliteConnection>(file);
        db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = NORMAL");
        std::unique_ptr<CatalogStore> store(new CatalogStore(std::move(db)));
        store->migrate();
        return store;
    } catch (const SqliteError& e) {
        return fail(std::string(e.what()));
    } catch (const std::filesystem::filesystem_error& e) {
        return fail(std::string(e.what()));
    } catch (const std::runtime_error& e) {
        return fail(std::string(e.what()));
    }
}

CatalogStore::CatalogStore(std::unique_ptr<SqliteConnection> db) : db_(std::move(db)) {}
CatalogStore::~CatalogStore() = default;

void CatalogStore::migrate() {
    std::lock_guard lock(mutex_);
    SqliteTransaction tx(*db_);
    db_->exec(kSchema);
    auto stored = metaLocked("schema_version");
    if (stored && std::stoi(*stored) > kSchemaVersion)
        throw std::runtime_error("catalogue database schema " + *stored +
                                 " is newer than this kiosk (" + std::to_string(kSchemaVersion) +
                                 ")");
    // Later schema versions migrate here, step by step, from *stored.
    setMetaLocked("schema_version", std::to_string(kSchemaVersion));
    tx.commit();
}

std::optional<std::string> CatalogStore::metaLocked(const std::string& key) {
    auto st = db_->prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void CatalogStore::setMetaLocked(const std::string& key, const std::string& value) {
    db_->prepare(
           "INSERT INTO meta (key, value) VALUES (?, ?) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

CatalogState CatalogStore::state() {
    std::lock_guard lock(mutex_);
    CatalogState s;
    try {
        if (auto v = metaLocked("catalog_version")) s.version = std::stoi(*v);
        if (auto e = metaLocked("etag")) s.etag = *e;
        if (auto t = metaLocked("last_sync_epoch")) s.lastSyncEpoch = std::stoll(*t);
        auto count = db_->prepare("SELECT COUNT(*) FROM procedures");
        count.step();
        s.procedureCount = static_cast<std::size_t>(count.integer(0));
    } catch (const std::exception& e) {
        log::error("catalog", std::string("state: ") + e.what());
    }
    return s;
}

void CatalogStore::upsertLocked(const ProcedureSummary& p) {
    auto up = db_->prepare(
        "INSERT INTO procedures (code, version, summary_json) VALUES (?, ?, ?) "
        "ON CONFLICT (code) DO UPDATE SET version = excluded.version, "
        "summary_json = excluded.summary_json RETURNING id");
    up.bind(1, p.code).bind(2, p.version).bind(3, json(p).dump());
    up.step();
    std::int64_t id = up.integer(0);
    up.reset();
    db_->prepare("DELETE FROM procedure_fts WHERE rowid = ?").bind(1, id).run();
    db_->prepare(
           "INSERT INTO procedure_fts (rowid, name, keywords, field, agency) "
           "VALUES (?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, foldForSearch(p.name))
        .bind(3, keywordsText(p))
        .bind(4, foldForSearch(p.field))
        .bind(5, foldForSearch(p.agency))
        .run();
}

void CatalogStore::removeLocked(const std::string& code) {
    auto find = db_->prepare("SELECT id FROM procedures WHERE code = ?");
    find.bind(1, code);
    if (!find.step()) return;
    std::int64_t id = find.integer(0);
    db_->prepare("DELETE FROM procedure_fts WHERE rowid = ?").bind(1, id).run();
    db_->prepare("DELETE FROM procedures WHERE id = ?").bind(1, id).run();
}

Result<AppliedChange, std::string> CatalogStore::apply(const CatalogPage& page,
                                                       std::int64_t nowEpoch) {
    std::lock_guard lock(mutex_);
    return guarded("apply catalogue", [&]() -> Result<AppliedChange, std::string> {
        AppliedChange change;
        change.full = page.full;
        change.version = page.version;
        SqliteTransaction tx(*db_);
        if (page.full) {
            std::set<std::string> keep;
            for (const auto& p : page.procedures) keep.insert(p.code);
            std::vector<std::string> gone;
            auto all = db_->prepare("SELECT code FROM procedures");
            while (all.step())
                if (!keep.count(all.text(0))) gone.push_back(all.text(0));
            for (const auto& code : gone) removeLocked(code);
            change.removed = static_cast<int>(gone.size());
        } else {
            for (const auto& code : page.removed) {
                removeLocked(code);
                ++change.removed;
            }
        }
        for (const auto& p : page.procedures) {
            upsertLocked(p);
            ++change.upserted;
        }
        setMetaLocked("catalog_version", std::to_string(page.version));
        setMetaLocked("etag", page.etag);
        setMetaLocked("last_sync_epoch", std::to_string(nowEpoch));
        tx.commit();
        ++generation_;
        return change;
    });
}

Result<bool, std::string> CatalogStore::markConfirmed(std::int64_t nowEpoch) {
    std::lock_guard lock(mutex_);
    return guarded("confirm catalogue", [&]() -> Result<bool, std::string> {
        setMetaLocked("last_sync_epoch", std::to_string(nowEpoch));
        return true;
    });
}

std::vector<ProcedureSummary> CatalogStore::procedures() {
    std::vector<ProcedureSummary> out;
    for (auto& p : indexedProcedures()) out.push_back(std::move(p.summary));
    return out;
}

std::vector<IndexedProcedure> CatalogStore::indexedProcedures() {
    std::lock_guard lock(mutex_);
    std::vector<IndexedProcedure> out;
    try {
        auto st = db_->prepare("SELECT id, summary_json FROM procedures ORDER BY code");
        while (st.step())
            out.push_back({st.integer(0), json::parse(st.text(1)).get<ProcedureSummary>()});
    } catch (const std::exception& e) {
        log::error("catalog", std::string("read procedures: ") + e.what());
    }
    return out;
}

std::optional<ProcedureSummary> CatalogStore::procedure(const std::string& code) {
    std::lock_guard lock(mutex_);
    try {
        auto st = db_->prepare("SELECT summary_json FROM procedures WHERE code = ?");
        st.bind(1, code);
        if (!st.step()) return std::nullopt;
        return json::parse(st.text(0)).get<ProcedureSummary>();
    } catch (const std::exception& e) {
        log::error("catalog", std::string("read procedure: ") + e.what());
        return std::nullopt;
    }
}

std::optional<CachedDetail> CatalogStore::detail(const std::string& code) {
    std::lock_guard lock(mutex_);
    try {
        auto st = db_->prepare(
            "SELECT summary_json, detail_json, detail_version, version FROM procedures "
            "WHERE code = ?");
        st.bind(1, code);
        if (!st.step() || st.isNull(1)) return std::nullopt;
        CachedDetail cached;
        cached.detail = json::parse(st.text(1)).get<ProcedureDetail>();
        // The summary is always the newest we know; the detail keeps its own fields.
        cached.detail.summary = json::parse(st.text(0)).get<ProcedureSummary>();
        cached.current = st.integer(2) == st.integer(3);
        return cached;
    } catch (const std::exception& e) {
        log::error("catalog", std::string("read detail: ") + e.what());
        return std::nullopt;
    }
}

Result<bool, std::string> CatalogStore::storeDetail(const ProcedureDetail& detail) {
    std::lock_guard lock(mutex_);
    return guarded("store detail", [&]() -> Result<bool, std::string> {
        auto st = db_->prepare(
            "UPDATE procedures SET detail_json = ?, detail_version = ? WHERE code = ?");
        st.bind(1, json(detail).dump())
            .bind(2, detail.summary.version)
            .bind(3, detail.summary.code)
            .run();
        return true;
    });
}

std::vector<std::string> CatalogStore::codesNeedingDetail(std::size_t limit) {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    try {
        auto st = db_->prepare(
            "SELECT code FROM procedures WHERE detail_version IS NULL OR detail_version < version "
            "ORDER BY code LIMIT ?");
        st.bind(1, static_cast<std::int64_t>(limit));
        while (st.step()) out.push_back(st.text(0));
    } catch (const SqliteError& e) {
        log::error("catalog", std::string("details to fetch: ") + e.what());
    }
    return out;
}

Result<std::vector<std::int64_t>, std::string> CatalogStore::match(const std::string& ftsExpression,
                                                                   std::size_t limit) {
    std::lock_guard lock(mutex_);
    return guarded("search", [&]() -> Result<std::vector<std::int64_t>, std::string> {
        auto st =
            db_->prepare("SELECT rowid FROM procedure_fts WHERE procedure_fts MATCH ? LIMIT ?");
        st.bind(1, ftsExpression).bind(2, static_cast<std::int64_t>(limit));
        std::vector<std::int64_t> rows;
        while (st.step()) rows.push_back(st.integer(0));
        return rows;
    });
}

std::uint64_t CatalogStore::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

}  // namespace dvc::catalog
