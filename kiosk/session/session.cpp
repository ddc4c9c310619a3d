#include "session/session.h"

#include <condition_variable>

#include "domain/dossier_code.h"
#include "log/log.h"
#include "privacy/wipe.h"
#include "session/user_message.h"

namespace dvc {

// Results travelling from workers to the UI thread. Shared, so a task finishing after the
// Session is gone writes into an orphaned inbox instead of freed memory.
struct Session::Inbox {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::function<void(Session&)>> results;
    int pending = 0;  // tasks posted and not yet delivered
    std::function<void()> wake;

    void expect() {
        std::lock_guard lock(mutex);
        ++pending;
    }
    // Called on a worker: queues `apply` for the UI thread and wakes it.
    void deliver(std::function<void(Session&)> apply) {
        std::function<void()> wakeUi;
        {
            std::lock_guard lock(mutex);
            results.push_back(std::move(apply));
            --pending;
            wakeUi = wake;
        }
        changed.notify_all();
        if (wakeUi) wakeUi();
    }
};

// The flows' Background: work on the task runner, results through the inbox.
class Session::Worker final : public Background {
  public:
    Worker(TaskRunner& tasks, std::shared_ptr<Inbox> inbox)
        : tasks_(tasks), inbox_(std::move(inbox)) {}
    void run(std::function<std::function<void()>()> work) override {
        inbox_->expect();
        tasks_.post([work = std::move(work), inbox = inbox_] {
            auto apply = work();
            inbox->deliver([apply = std::move(apply)](Session&) { apply(); });
        });
    }
    std::function<void()> uiWaker() override {
        return [inbox = inbox_] {
            std::function<void()> wake;
            {
                std::lock_guard lock(inbox->mutex);
                wake = inbox->wake;
            }
            if (wake) wake();
        };
    }

  private:
    TaskRunner& tasks_;
    std::shared_ptr<Inbox> inbox_;
};

Session::Session(SessionSettings settings, PortalClient& portal, TaskRunner& tasks, QrSource* qr,
                 ChipIdentityReader* chip)
    : settings_(std::move(settings)),
      portal_(portal),
      tasks_(tasks),
      qr_(qr),
      inbox_(std::make_shared<Inbox>()),
      worker_(std::make_unique<Worker>(tasks_, inbox_)),
      identity_(*worker_, qr, chip, IdentitySettings{settings_.qrScanTimeout, settings_.cardWait}),
      printJobs_(*worker_),
      queue_(*worker_, portal_, printJobs_, identity_),
      language_(settings_.defaultLanguage) {}

Session::~Session() {
    if (scanCancel_) *scanCancel_ = true;
    wipe();
}

Background& Session::flowBackground() {
    return *worker_;
}

void Session::setWakeCallback(std::function<void()> wake) {
    std::lock_guard lock(inbox_->mutex);
    inbox_->wake = std::move(wake);
}

void Session::openStatusLookup() {
    screen_ = Screen::StatusLookup;
    phase_ = LookupPhase::Entering;
    errorKey_.clear();
}

void Session::appendToCode(std::string_view text) {
    if (phase_ == LookupPhase::Loading || phase_ == LookupPhase::Scanning) return;
    if (phase_ == LookupPhase::Failed) {
        phase_ = LookupPhase::Entering;
        errorKey_.clear();
    }
    for (char c : text) {
        if (codeInput_.size() >= 40) break;
        char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        bool allowed = (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || u == '.' || u == '-';
        if (allowed) codeInput_ += u;
    }
}

void Session::backspaceCode() {
    if (phase_ == LookupPhase::Loading || phase_ == LookupPhase::Scanning) return;
    if (!codeInput_.empty()) codeInput_.pop_back();
    if (phase_ == LookupPhase::Failed) {
        phase_ = LookupPhase::Entering;
        errorKey_.clear();
    }
}

void Session::clearCode() {
    if (phase_ == LookupPhase::Loading || phase_ == LookupPhase::Scanning) return;
    wipeString(codeInput_);
    phase_ = LookupPhase::Entering;
    errorKey_.clear();
}

void Session::submitCode() {
    if (phase_ == LookupPhase::Loading || phase_ == LookupPhase::Scanning) return;
    auto code = extractDossierCode(codeInput_);
    if (!code) {
        phase_ = LookupPhase::Failed;
        errorKey_ = "error.invalid_code";
        return;
    }
    codeInput_ = *code;
    startLookup(*code);
}

void Session::startLookup(const std::string& code) {
    screen_ = Screen::StatusLookup;
    phase_ = LookupPhase::Loading;
    errorKey_.clear();
    const std::uint64_t gen = ++generation_;
    inbox_->expect();
    log::info("lookup", "status lookup " + redactDossierCode(code));
    PortalClient* portal = &portal_;
    tasks_.post([portal, code, gen, inbox = inbox_] {
        auto result = portal->dossierStatus(code);
        inbox->deliver([gen, result = std::move(result)](Session& s) mutable {
            if (gen != s.generation_) return;  // the citizen moved on
            ++s.lookupsCompleted_;
            if (result) {
                s.dossier_ = std::move(result).value();
                s.screen_ = Screen::StatusResult;
                s.gatewayReachable_ = true;
                return;
            }
            const PortalError& e = result.error();
            s.phase_ = LookupPhase::Failed;
            s.errorKey_ = messageKeyFor(e.kind);
            s.gatewayReachable_ =
                e.kind == PortalErrorKind::NotFound || e.kind == PortalErrorKind::InvalidRequest;
            log::warn("lookup", std::string("failed: ") + kindName(e.kind) + " http=" +
                                    std::to_string(e.httpStatus) + " " + e.code + " " + e.detail);
        });
    });
}

void Session::startQrScan() {
    if (phase_ == LookupPhase::Loading || phase_ == LookupPhase::Scanning) return;
    if (!qr_) {
        phase_ = LookupPhase::Failed;
        errorKey_ = messageKeyFor(QrScanFailure::DeviceError);
        return;
    }
    screen_ = Screen::StatusLookup;
    phase_ = LookupPhase::Scanning;
    errorKey_.clear();
    const std::uint64_t gen = ++generation_;
    scanCancel_ = std::make_shared<std::atomic<bool>>(false);
    inbox_->expect();
    QrSource* qr = qr_;
    auto timeout = settings_.qrScanTimeout;
    tasks_.post([qr, gen, timeout, cancel = scanCancel_, inbox = inbox_] {
        auto result = qr->scan(timeout, *cancel);
        inbox->deliver([gen, result = std::move(result)](Session& s) mutable {
            if (gen != s.generation_) return;
            s.scanCancel_.reset();
            if (!result) {
                if (result.error() == QrScanFailure::Cancelled) {
                    s.phase_ = LookupPhase::Entering;
                    return;
                }
                s.phase_ = LookupPhase::Failed;
                s.errorKey_ = messageKeyFor(result.error());
                log::warn("qr", std::string("scan failed: ") + qrScanFailureName(result.error()));
                return;
            }
            auto code = extractDossierCode(result.value());
            wipeString(result.value());
            if (!code) {
                s.phase_ = LookupPhase::Failed;
                s.errorKey_ = "error.qr_not_dossier";
                log::warn("qr", "scanned code holds no dossier code");
                return;
            }
            s.codeInput_ = *code;
            s.startLookup(*code);
        });
    });
}

void Session::cancelQrScan() {
    if (phase_ != LookupPhase::Scanning) return;
    if (scanCancel_) *scanCancel_ = true;
    scanCancel_.reset();
    ++generation_;
    phase_ = LookupPhase::Entering;
}

void Session::retryLookup() {
    screen_ = Screen::StatusLookup;
    phase_ = LookupPhase::Entering;
    errorKey_.clear();
    if (dossier_) {
        dvc::wipe(*dossier_);
        dossier_.reset();
    }
}

void Session::openIdentify() {
    screen_ = Screen::Identify;
    identity_.begin();
}

void Session::confirmIdentity() {
    if (identity_.confirm()) screen_ = Screen::Home;
}

void Session::attachPrinter(TicketPrinter* printer, std::string centreName) {
    printJobs_.attach(printer, std::move(centreName));
}

void Session::openQueue() {
    screen_ = Screen::Queue;
    queue_.begin();
}

void Session::printDossierReceipt(DossierReceiptData data) {
    printJobs_.printDossierReceipt(std::move(data));
}

bool Session::hasVisitState() const {
    return screen_ != Screen::Home || language_ != settings_.defaultLanguage ||
           identity_.confirmed() != nullptr;
}

void Session::goHome() {
    log::info("session", "finished; personal data wiped");
    wipe();
}

void Session::setLanguage(Language lang) {
    language_ = lang;
}

void Session::noteActivity(TimePoint now) {
    lastActivity_ = now;
}

void Session::wipe() {
    if (scanCancel_) *scanCancel_ = true;
    scanCancel_.reset();
    ++generation_;
    wipeString(codeInput_);
    if (dossier_) {
        dvc::wipe(*dossier_);
        dossier_.reset();
    }
    errorKey_.clear();
    identity_.wipe();
    if (dossierFlow_) dossierFlow_->wipe();
    if (catalog_) catalog_->wipe();
    queue_.wipe();
    printJobs_.wipe();
    screen_ = Screen::Home;
    phase_ = LookupPhase::Entering;
    language_ = settings_.defaultLanguage;
}

std::optional<int> Session::idleSecondsLeft(TimePoint now) const {
    bool hasState = hasVisitState();
    if (!hasState) return std::nullopt;
    auto idle = now - lastActivity_;
    if (idle < settings_.idleTimeout) return std::nullopt;
    auto left = settings_.idleTimeout + settings_.idleCountdown - idle;
    auto secs = std::chrono::ceil<std::chrono::seconds>(left).count();
    return static_cast<int>(secs < 0 ? 0 : secs);
}

bool Session::applyResults() {
    std::vector<std::function<void(Session&)>> results;
    {
        std::lock_guard lock(inbox_->mutex);
        results.swap(inbox_->results);
    }
    for (auto& apply : results) apply(*this);
    return !results.empty();
}

bool Session::update(TimePoint now) {
    bool changed = applyResults();
    if (catalog_) catalog_->tick(now);  // loads the cache, then the timed sync

    bool hasState = hasVisitState();
    if (hasState && now - lastActivity_ >= settings_.idleTimeout + settings_.idleCountdown) {
        log::info("session", "idle timeout; personal data wiped");
        wipe();
        changed = true;
    }

    if (!nextHeartbeat_ || (now >= *nextHeartbeat_ && !heartbeatInFlight_)) sendHeartbeat(now);
    return changed;
}

void Session::sendHeartbeat(TimePoint now) {
    nextHeartbeat_ = now + settings_.heartbeatInterval;
    heartbeatInFlight_ = true;
    Heartbeat beat;
    beat.kioskId = settings_.kioskId;
    beat.appVersion = DVC_VERSION;
    if (!startedAt_) startedAt_ = now;
    beat.uptimeSeconds =
        std::chrono::duration_cast<std::chrono::seconds>(now - *startedAt_).count();
    beat.uiState = screen_ == Screen::Home       ? "home"
                   : screen_ == Screen::Identify ? "identify"
                   : screen_ == Screen::Dossier  ? "dossier"
                                                 : "status_lookup";
    beat.qr.health = qr_ ? DeviceHealth::Ok : DeviceHealth::Absent;
    if (screen_ == Screen::Queue) beat.uiState = "queue";
    beat.printer = printerReport_;
    inbox_->expect();
    PortalClient* portal = &portal_;
    TicketPrinter* printer = printJobs_.printer();
    tasks_.post([portal, printer, beat, inbox = inbox_]() mutable {
        // The printer's state as of now, asked here on the worker (never on the UI thread).
        std::optional<PrinterPoll> polled;
        if (printer) {
            polled = printer->status();
            beat.printer = printerReportFor(*polled);
        }
        auto reply = portal->heartbeat(beat);
        inbox->deliver([reply = std::move(reply), polled = std::move(polled),
                        report = beat.printer](Session& s) {
            s.heartbeatInFlight_ = false;
            if (polled) {
                s.printerReport_ = report;
                s.printJobs_.noteStatus(*polled);
            }
            if (reply) {
                s.maintenance_ = reply->maintenance;
                s.gatewayReachable_ = true;
            } else {
                s.gatewayReachable_ = false;
                log::warn("heartbeat", std::string("failed: ") + kindName(reply.error().kind) +
                                           " " + reply.error().detail);
            }
        });
    });
}

std::optional<TimePoint> Session::nextDeadline(TimePoint now) const {
    std::optional<TimePoint> next;
    auto earliest = [&](TimePoint t) {
        if (t > now && (!next || t < *next)) next = t;
    };
    if (nextHeartbeat_) earliest(*nextHeartbeat_);
    if (catalog_)
        if (auto sync = catalog_->nextWake()) earliest(*sync);
    bool hasState = hasVisitState();
    if (hasState) {
        const TimePoint countdownStart = lastActivity_ + settings_.idleTimeout;
        const TimePoint wipeAt = countdownStart + settings_.idleCountdown;
        if (now < countdownStart) {
            earliest(countdownStart);
        } else {
            // During the countdown, wake when the shown number changes, and at the wipe.
            auto into = std::chrono::ceil<std::chrono::seconds>(now - countdownStart);
            if (countdownStart + into == now) into += std::chrono::seconds(1);
            earliest(countdownStart + into);
            earliest(wipeAt);
        }
        if (now >= wipeAt) next = now;  // overdue: update() must run now
    }
    return next;
}

bool Session::waitForPendingWork(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    for (;;) {
        {
            std::unique_lock lock(inbox_->mutex);
            bool done = inbox_->changed.wait_until(lock, deadline, [this] {
                return inbox_->pending <= 0 || !inbox_->results.empty();
            });
            if (!done) return false;
        }
        applyResults();  // may start follow-up work (a scanned code starts a lookup)
        std::lock_guard lock(inbox_->mutex);
        if (inbox_->pending <= 0 && inbox_->results.empty()) return true;
    }
}

// --- procedure catalogue ---

void Session::attachCatalog(CatalogAccess& access, CatalogSettings settings) {
    catalog_ = std::make_unique<CatalogFlow>(*worker_, access, settings);
}

void Session::followCatalog() {
    if (!catalog_ || !catalog_->active()) {
        screen_ = Screen::Home;
        return;
    }
    switch (catalog_->view()) {
        case CatalogView::Browse: screen_ = Screen::CatalogBrowse; break;
        case CatalogView::Search: screen_ = Screen::CatalogSearch; break;
        case CatalogView::Detail: screen_ = Screen::ProcedureDetail; break;
    }
}

void Session::openCatalogTier(Tier tier) {
    if (!catalog_) return;
    catalog_->openTier(tier);
    followCatalog();
}

void Session::openCatalogSearch() {
    if (!catalog_) return;
    catalog_->openSearch();
    followCatalog();
}

void Session::chooseCatalogEntry(const catalog::BrowseChoice& choice) {
    if (!catalog_) return;
    catalog_->choose(choice);
    followCatalog();
}

void Session::openProcedure(const std::string& code) {
    if (!catalog_) return;
    catalog_->openProcedure(code);
    followCatalog();
}

void Session::catalogBack() {
    if (!catalog_) return;
    catalog_->back();
    followCatalog();
}

}  // namespace dvc
