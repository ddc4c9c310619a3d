#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/bilingual.h"
#include "domain/dossier.h"
#include "domain/kiosk_health.h"
#include "portal/portal_client.h"
#include "ports/qr_source.h"
#include "session/attached_flow.h"
#include "session/catalog_flow.h"
#include "session/identity_flow.h"
#include "session/print_jobs.h"
#include "session/queue_flow.h"
#include "session/task_runner.h"

namespace dvc {

class DossierFlow;
class SubmissionFlow;
namespace forms {
class AdminUnits;
}

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;

enum class Screen {
    Home,
    StatusLookup,
    StatusResult,
    Identify,
    CatalogBrowse,
    CatalogSearch,
    ProcedureDetail,
    Queue,  // "Lấy số thứ tự" (QueueFlow)
    Dossier,  // "Nộp hồ sơ": DossierFlow's phases (form, review, receipt)
};

// Where the status lookup is while Screen::StatusLookup is shown.
enum class LookupPhase { Entering, Scanning, Loading, Failed };

struct SessionSettings {
    std::string kioskId;
    Language defaultLanguage = Language::Vietnamese;
    std::chrono::seconds idleTimeout{60};
    std::chrono::seconds idleCountdown{10};
    std::chrono::seconds heartbeatInterval{60};
    std::chrono::milliseconds qrScanTimeout{30000};
    std::chrono::milliseconds cardWait{30000};  // "no card in 30 s" ends the chip read
};

// The citizen's visit as a state machine. Owned by the UI thread: the UI reads it and calls
// intents; blocking work runs on the TaskRunner and its result is applied in update().
// Every personal datum it holds is wiped on goHome(), finish and idle timeout.
class Session {
  public:
    Session(SessionSettings settings, PortalClient& portal, TaskRunner& tasks, QrSource* qr,
            ChipIdentityReader* chip = nullptr);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Called from a worker thread when a result is waiting (the UI posts an SDL event).
    void setWakeCallback(std::function<void()> wake);

    // --- intents ---
    void openStatusLookup();
    void appendToCode(std::string_view text);
    void backspaceCode();
    void clearCode();
    void submitCode();
    void startQrScan();
    void cancelQrScan();
    void retryLookup();  // back to entering, the code kept
    void openIdentify();
    void confirmIdentity();  // the citizen confirmed who the card says they are
    IdentityFlow& identity() { return identity_; }
    void goHome();  // finish: wipe and return home

    // --- dossier (issue 4; kiosk/session/session_dossier_entry.cpp, library dvc_dossier) ---
    // App wiring gives the Session the outbox's front door and the address data; without it
    // the form still opens but cannot be submitted (tests, a kiosk without an outbox).
    void attachSubmissions(SubmissionFlow* submissions, const forms::AdminUnits* units);
    // "Nộp hồ sơ trực tuyến" on a procedure: its form, pre-filled from the confirmed card.
    void startDossier(const std::string& procedureCode);
    // "Quay lại" on the form: the previous section; from the first one, out (asking first
    // when something was typed).
    void dossierBack();
    void discardDossier();  // the citizen confirmed: draft dropped, back where they came from
    void finishDossier();   // from the receipt: home, the visit (identity) goes on
    DossierFlow& dossierFlow();
    const DossierFlow* dossierFlowIfAttached() const;
    void setLanguage(Language lang);
    void noteActivity(TimePoint now);  // any touch or key

    // --- frame ---
    // Applies finished work and runs the idle timeout. Returns true if anything changed.
    bool update(TimePoint now);
    // The next time after `now` the UI must wake even without input (countdown tick, wipe,
    // heartbeat); nullopt if nothing is scheduled.
    std::optional<TimePoint> nextDeadline(TimePoint now) const;
    // Blocks until pending work has finished and applies its results, without running the idle
    // timeout (tests and the CLI, never the UI). False if work was still pending at the limit.
    bool waitForPendingWork(std::chrono::milliseconds limit);

    // --- state ---
    Screen screen() const { return screen_; }
    LookupPhase lookupPhase() const { return phase_; }
    Language language() const { return language_; }
    const std::string& codeInput() const { return codeInput_; }
    const DossierStatus* dossier() const { return dossier_ ? &*dossier_ : nullptr; }
    const std::string& errorKey() const { return errorKey_; }  // i18n key, empty if none
    // Seconds left before the wipe while the countdown shows; nullopt otherwise.
    std::optional<int> idleSecondsLeft(TimePoint now) const;
    const std::vector<MaintenanceNotice>& maintenance() const { return maintenance_; }
    bool gatewayReachable() const { return gatewayReachable_; }
    std::uint64_t lookupsCompleted() const { return lookupsCompleted_; }
    const IdentityFlow& identity() const { return identity_; }
    // The printer's last known state (printerDeviceReport), sent with every heartbeat so staff
    // see paper out / cover open. Whoever prints or polls the printer updates it.
    void setPrinterReport(DeviceReport report) { printerReport_ = std::move(report); }

    // --- procedure catalogue (issue 4; session/catalog_flow.h) ---
    // Gives the visit the catalogue; its sync starts at the next update(). Without it the
    // catalogue intents do nothing and catalog() is null.
    void attachCatalog(CatalogAccess& access, CatalogSettings settings);
    CatalogFlow* catalog() { return catalog_.get(); }
    const CatalogFlow* catalog() const { return catalog_.get(); }
    void openCatalogTier(Tier tier);
    void openCatalogSearch();
    void chooseCatalogEntry(const catalog::BrowseChoice& choice);
    void openProcedure(const std::string& code);
    void catalogBack();  // one screen back; home after the first
    // --- queue tickets and printing (issue 5) ---
    // From app wiring: the receipt printer (null: none) and the centre's name for receipts.
    // With a printer, every heartbeat first polls its status on the worker.
    void attachPrinter(TicketPrinter* printer, std::string centreName);
    void openQueue();  // "Lấy số thứ tự"
    QueueFlow& queue() { return queue_; }
    const QueueFlow& queue() const { return queue_; }
    // "In biên nhận": prints on a worker; printJobs().receiptState() / receiptErrorKey() follow.
    void printDossierReceipt(DossierReceiptData data);
    bool printingAvailable() const { return printJobs_.available(); }
    PrintJobs& printJobs() { return printJobs_; }
    const PrintJobs& printJobs() const { return printJobs_; }

  private:
    struct Inbox;
    class Worker;
    bool hasVisitState() const;
    void startLookup(const std::string& code);
    void wipe();
    bool applyResults();
    void sendHeartbeat(TimePoint now);
    Background& flowBackground();  // what attached flows run their work on (the Worker)

    SessionSettings settings_;
    PortalClient& portal_;
    TaskRunner& tasks_;
    QrSource* qr_;
    DeviceReport printerReport_;
    std::shared_ptr<Inbox> inbox_;
    std::unique_ptr<Worker> worker_;  // runs the flows' work through tasks_ and inbox_
    IdentityFlow identity_;
    PrintJobs printJobs_;
    QueueFlow queue_;
    std::unique_ptr<AttachedFlow> dossierFlow_;  // a DossierFlow (attachSubmissions)
    Screen dossierReturn_ = Screen::Home;   // where "Quay lại" out of the form goes

    Screen screen_ = Screen::Home;
    LookupPhase phase_ = LookupPhase::Entering;
    Language language_;
    std::string codeInput_;
    std::optional<DossierStatus> dossier_;
    std::string errorKey_;
    std::uint64_t generation_ = 0;  // results of older generations are dropped
    std::shared_ptr<std::atomic<bool>> scanCancel_;
    TimePoint lastActivity_{};
    std::optional<TimePoint> nextHeartbeat_;
    std::optional<TimePoint> startedAt_;
    bool heartbeatInFlight_ = false;
    bool gatewayReachable_ = true;
    std::vector<MaintenanceNotice> maintenance_;
    std::uint64_t lookupsCompleted_ = 0;

    void followCatalog();  // screen_ from the catalogue flow's view
    std::unique_ptr<CatalogFlow> catalog_;
};

}  // namespace dvc
