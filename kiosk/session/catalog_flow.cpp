#include "session/catalog_flow.h"

#include "log/log.h"

namespace dvc {

namespace {

bool blank(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

const catalog::BrowsePlace kHomePlace{};

}  // namespace

CatalogFlow::CatalogFlow(Background& background, CatalogAccess& access, CatalogSettings settings)
    : background_(background), access_(access), settings_(settings) {}

CatalogView CatalogFlow::view() const {
    return stack_.empty() ? CatalogView::Browse : stack_.back().view;
}

const catalog::BrowsePlace& CatalogFlow::place() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
        if (it->view == CatalogView::Browse) return it->place;
    return kHomePlace;
}

void CatalogFlow::refreshChoices() {
    choices_ = loaded_ ? access_.choices(place()) : std::vector<catalog::BrowseChoice>{};
    ++revision_;
}

void CatalogFlow::openTier(Tier tier) {
    stack_.clear();
    Entry e;
    e.place.level = catalog::BrowseLevel::Tier;
    e.place.tier = tier;
    stack_.push_back(e);
    refreshChoices();
}

void CatalogFlow::openSearch() {
    Entry e;
    e.view = CatalogView::Search;
    stack_.push_back(e);
    ++revision_;
}

void CatalogFlow::choose(const catalog::BrowseChoice& choice) {
    if (choice.kind == catalog::BrowseChoice::Kind::Procedure)
        return openProcedure(choice.procedureCode);
    Entry e;
    e.place = choice.place;
    stack_.push_back(e);
    refreshChoices();
}

void CatalogFlow::openProcedure(const std::string& code) {
    if (code.empty()) return;
    Entry e;
    e.view = CatalogView::Detail;
    e.code = code;
    stack_.push_back(e);
    showTop();
}

void CatalogFlow::showTop() {
    if (stack_.empty()) return;
    const Entry& top = stack_.back();
    if (top.view == CatalogView::Browse) return refreshChoices();
    if (top.view == CatalogView::Detail) {
        if (detailCode_ != top.code || detailPhase_ == DetailPhase::Failed || !detail_) {
            detailCode_ = top.code;
            startDetail();
        }
    }
    ++revision_;
}

bool CatalogFlow::back() {
    if (!stack_.empty()) stack_.pop_back();
    if (stack_.empty()) return false;
    showTop();
    return true;
}

void CatalogFlow::retryDetail() {
    if (view() != CatalogView::Detail || detailPhase_ != DetailPhase::Failed) return;
    startDetail();
}

void CatalogFlow::startDetail() {
    const auto gen = ++detailGeneration_;
    detail_.reset();
    errorKey_.clear();
    detailPhase_ = DetailPhase::Loading;
    ++revision_;
    background_.run([this, gen, code = detailCode_, access = &access_] {
        auto got = access->detail(code);
        return std::function<void()>([this, gen, got = std::move(got)]() mutable {
            if (gen != detailGeneration_) return;  // the citizen moved on
            ++revision_;
            if (!got) {
                detailPhase_ = DetailPhase::Failed;
                errorKey_ = got.error() == DetailFailure::Withdrawn
                                ? "error.catalog.procedure_withdrawn"
                                : "error.catalog.detail_unavailable";
                if (got.error() == DetailFailure::Unavailable) offline_ = true;
                log::warn("catalog", "procedure detail unavailable: " + detailCode_);
                return;
            }
            offline_ = got.value().fromCache;
            detail_ = std::move(got).value();
            detailPhase_ = DetailPhase::Shown;
        });
    });
}

void CatalogFlow::setQuery(std::string query) {
    if (query == query_) return;
    query_ = std::move(query);
    const auto gen = ++searchGeneration_;
    ++revision_;
    if (blank(query_)) {
        results_.clear();
        resultsQuery_.clear();
        searching_ = false;
        return;
    }
    searching_ = true;
    background_.run(
        [this, gen, query = query_, limit = settings_.searchResults, access = &access_] {
            auto hits = access->search(query, limit);
            return std::function<void()>([this, gen, query, hits = std::move(hits)]() mutable {
                if (gen != searchGeneration_) return;  // an older keystroke's answer
                results_ = std::move(hits);
                resultsQuery_ = query;
                searching_ = false;
                ++revision_;
            });
        });
}

void CatalogFlow::wipe() {
    stack_.clear();
    choices_.clear();
    query_.clear();
    results_.clear();
    resultsQuery_.clear();
    searching_ = false;
    ++searchGeneration_;
    ++detailGeneration_;
    detailCode_.clear();
    detail_.reset();
    detailPhase_ = DetailPhase::Loading;
    errorKey_.clear();
    ++revision_;
}

bool CatalogFlow::tick(TimePoint now) {
    if (!loaded_) {
        if (loading_) return false;
        startLoad();
        return true;
    }
    if (syncing_ || (nextSync_ && now < *nextSync_)) return false;
    nextSync_ = now + settings_.syncInterval;
    startSync();
    return true;
}

std::optional<CatalogFlow::TimePoint> CatalogFlow::nextWake() const {
    if (!loaded_ || syncing_) return std::nullopt;  // a result will wake the loop
    return nextSync_;
}

void CatalogFlow::startLoad() {
    loading_ = true;
    background_.run([this, access = &access_] {
        auto state = access->load();
        return std::function<void()>([this, state] {
            loading_ = false;
            loaded_ = true;
            cache_ = state;
            log::info("catalog",
                      "cache loaded: " + std::to_string(state.procedures) + " procedures");
            if (!stack_.empty()) refreshChoices();
            ++revision_;
        });
    });
}

void CatalogFlow::startSync() {
    syncing_ = true;
    background_.run([this, access = &access_] {
        auto outcome = access->sync();
        return std::function<void()>([this, outcome] {
            syncing_ = false;
            ++syncsCompleted_;
            offline_ = !outcome.reachable;
            cache_ = outcome.cache;
            // Between keystrokes nothing moves: results shown stay until the next search;
            // only the browse list shown is refreshed from the new model.
            if (outcome.changed && active() && view() == CatalogView::Browse) refreshChoices();
            ++revision_;
        });
    });
}

}  // namespace dvc
