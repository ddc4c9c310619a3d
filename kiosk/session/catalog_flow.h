#pragma once
// The catalogue screens (docs/catalog.md, "Screens"): browse by tier → field (→ agency) →
// procedure with a back stack, search as you type, and a procedure's detail; plus the timed
// catalogue sync that keeps the kiosk's copy current. Blocking work (SQLite, HTTPS) runs
// through Background; results of superseded requests are dropped by generation counters.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "session/background.h"
#include "session/catalog_access.h"

namespace dvc {

enum class CatalogView { Browse, Search, Detail };
enum class DetailPhase { Loading, Shown, Failed };

struct CatalogSettings {
    std::chrono::seconds syncInterval{900};  // [kiosk] catalog_sync_s
    std::size_t searchResults = 8;           // shown as the citizen types
};

class CatalogFlow {
  public:
    using TimePoint = std::chrono::steady_clock::time_point;

    CatalogFlow(Background& background, CatalogAccess& access, CatalogSettings settings = {});
    CatalogFlow(const CatalogFlow&) = delete;
    CatalogFlow& operator=(const CatalogFlow&) = delete;

    // --- intents (UI thread) ---
    void openTier(Tier tier);  // from home: the stack restarts at the tier
    void openSearch();         // from home: restarts the stack; from a screen: on top of it
    void choose(const catalog::BrowseChoice& choice);  // a place → its list; a procedure → detail
    void openProcedure(const std::string& code);
    void setQuery(std::string query);  // each keystroke; searches on a worker
    // One screen back; false when there is nothing left (the Session returns home).
    bool back();
    void retryDetail();
    // The visit ends: the stack, the query, results and the detail go; the catalogue stays.
    void wipe();

    // --- timed sync (UI thread, from Session::update / nextDeadline) ---
    // Loads the cache on the first call, then syncs at start and every syncInterval. Returns
    // true if it started work.
    bool tick(TimePoint now);
    std::optional<TimePoint> nextWake() const;

    // --- state ---
    bool active() const { return !stack_.empty(); }
    CatalogView view() const;
    const catalog::BrowsePlace& place() const;  // the browse screen shown (or last shown)
    const std::vector<catalog::BrowseChoice>& choices() const { return choices_; }
    const std::string& query() const { return query_; }
    // The results shown, and the query they answer (may lag query() while searching).
    const std::vector<ProcedureSummary>& results() const { return results_; }
    const std::string& resultsQuery() const { return resultsQuery_; }
    bool searching() const { return searching_; }
    DetailPhase detailPhase() const { return detailPhase_; }
    const std::string& detailCode() const { return detailCode_; }
    const ProcedureDetailView* detail() const { return detail_ ? &*detail_ : nullptr; }
    const std::string& errorKey() const { return errorKey_; }
    bool loaded() const { return loaded_; }
    // The gateway could not be reached by the last sync or detail request.
    bool offline() const { return offline_; }
    const CatalogCacheState& cache() const { return cache_; }
    std::uint64_t syncsCompleted() const { return syncsCompleted_; }
    // Changes whenever anything shown changes (the UI loop redraws on it).
    std::uint64_t revision() const { return revision_; }

  private:
    struct Entry {
        CatalogView view = CatalogView::Browse;
        catalog::BrowsePlace place;
        std::string code;  // Detail
    };
    void refreshChoices();
    void startLoad();
    void startSync();
    void startDetail();
    void showTop();

    Background& background_;
    CatalogAccess& access_;
    CatalogSettings settings_;

    std::vector<Entry> stack_;
    std::vector<catalog::BrowseChoice> choices_;
    std::string query_;
    std::vector<ProcedureSummary> results_;
    std::string resultsQuery_;
    bool searching_ = false;
    std::string detailCode_;
    DetailPhase detailPhase_ = DetailPhase::Loading;
    std::optional<ProcedureDetailView> detail_;
    std::string errorKey_;

    bool loaded_ = false;
    bool loading_ = false;
    bool syncing_ = false;
    bool offline_ = false;
    std::optional<TimePoint> nextSync_;
    CatalogCacheState cache_;
    std::uint64_t syncsCompleted_ = 0;

    std::uint64_t searchGeneration_ = 0;
    std::uint64_t detailGeneration_ = 0;
    std::uint64_t revision_ = 0;
};

}  // namespace dvc
