#pragma once
// The kiosk's copy of the procedure catalogue (SQLite, WAL): summaries and cached details,
// the catalogue version and ETag it corresponds to, when it was last confirmed with the
// gateway, and an FTS5 index over folded text (vietnamese_fold.h) for the search.
// Every method is safe from any thread (one connection behind a mutex).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/procedure.h"
#include "domain/procedure_detail.h"

namespace dvc::catalog {

class SqliteConnection;

struct CatalogState {
    int version = 0;                            // 0: never synced
    std::string etag;                           // as the gateway sent it
    std::optional<std::int64_t> lastSyncEpoch;  // last time the gateway confirmed the copy
    std::size_t procedureCount = 0;
};

struct AppliedChange {
    bool full = false;  // the page replaced the whole catalogue
    int upserted = 0;
    int removed = 0;
    int version = 0;
};

struct CachedDetail {
    ProcedureDetail detail;
    bool current = false;  // false: the procedure changed since; shown only when offline
};

// One procedure as the search sees it: its row id in the FTS index and its summary.
struct IndexedProcedure {
    std::int64_t rowid = 0;
    ProcedureSummary summary;
};

class CatalogStore {
  public:
    static constexpr int kSchemaVersion = 1;

    // Opens or creates the database; refuses a file whose schema is newer than this build.
    static Result<std::unique_ptr<CatalogStore>, std::string> open(
        const std::filesystem::path& file);
    ~CatalogStore();
    CatalogStore(const CatalogStore&) = delete;
    CatalogStore& operator=(const CatalogStore&) = delete;

    CatalogState state();

    // Applies a catalogue page in one transaction: a full page replaces everything, a delta
    // upserts its procedures and deletes its removed codes. Nothing changes on failure.
    Result<AppliedChange, std::string> apply(const CatalogPage& page, std::int64_t nowEpoch);
    // The gateway said "not modified": only the confirmation time changes.
    Result<bool, std::string> markConfirmed(std::int64_t nowEpoch);

    std::vector<ProcedureSummary> procedures();  // by code
    std::optional<ProcedureSummary> procedure(const std::string& code);
    std::vector<IndexedProcedure> indexedProcedures();

    std::optional<CachedDetail> detail(const std::string& code);
    // Stores a detail fetched from the gateway (ignored if the procedure is not in the catalogue).
    Result<bool, std::string> storeDetail(const ProcedureDetail& detail);
    // Procedures whose cached detail is missing or older than their summary.
    std::vector<std::string> codesNeedingDetail(std::size_t limit);

    // Row ids matching an FTS5 MATCH expression over folded text, at most `limit`.
    Result<std::vector<std::int64_t>, std::string> match(const std::string& ftsExpression,
                                                         std::size_t limit);

    // Changes each time the catalogue content changes (caches built from it compare this).
    std::uint64_t generation() const;

  private:
    explicit CatalogStore(std::unique_ptr<SqliteConnection> db);
    void migrate();
    void upsertLocked(const ProcedureSummary& p);
    void removeLocked(const std::string& code);
    std::optional<std::string> metaLocked(const std::string& key);
    void setMetaLocked(const std::string& key, const std::string& value);

    mutable std::mutex mutex_;
    std::unique_ptr<SqliteConnection> db_;
    std::uint64_t generation_ = 1;
};

}  // namespace dvc::catalog
