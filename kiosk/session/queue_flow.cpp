#include "session/queue_flow.h"

#include <cstdio>
#include <ctime>

#include "log/log.h"
#include "printing/receipt_layouts.h"
#include "session/user_message.h"

namespace dvc {

namespace {

std::string isoDate(const std::chrono::year_month_day& d) {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return out;
}

}  // namespace

std::string localDateToday() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &local);
    return out;
}

QueueFlow::QueueFlow(Background& background, PortalClient& portal, PrintJobs& printing,
                     const IdentityFlow& identity, std::function<std::string()> today)
    : background_(background),
      portal_(portal),
      printing_(printing),
      identity_(identity),
      today_(std::move(today)) {}

void QueueFlow::begin() {
    wipe();
    printing_.refreshStatus();
    loadServices();
}

void QueueFlow::loadServices() {
    phase_ = QueuePhase::LoadingServices;
    errorKey_.clear();
    const auto gen = ++generation_;
    background_.run([this, gen, portal = &portal_] {
        auto result = portal->queueServices();
        return std::function<void()>([this, gen, result = std::move(result)]() mutable {
            if (gen != generation_) return;
            if (!result) {
                log::warn("queue", std::string("services failed: ") +
                                       kindName(result.error().kind) + " " + result.error().detail);
                phase_ = QueuePhase::Failed;
                errorKey_ = messageKeyFor(result.error().kind);
                return;
            }
            services_ = std::move(result).value();
            phase_ = QueuePhase::ChooseService;
        });
    });
}

bool QueueFlow::elderlyByAge() const {
    const CitizenIdentity* who = identity_.confirmed();
    if (!who || !who->dateOfBirth || !who->dateOfBirth->ok()) return false;
    return priorityForAge(isoDate(*who->dateOfBirth), today_()) == PriorityCategory::Elderly;
}

PriorityCategory QueueFlow::priority() const {
    if (elderlyByAge()) return PriorityCategory::Elderly;
    return declared_;
}

void QueueFlow::toggleDeclaredPriority(PriorityCategory category) {
    if (phase_ != QueuePhase::ChooseService) return;
    if (category != PriorityCategory::Disabled && category != PriorityCategory::Pregnant) return;
    declared_ = declared_ == category ? PriorityCategory::None : category;
}

const QueueService* QueueFlow::service() const {
    for (const auto& s : services_)
        if (s.id == serviceId_) return &s;
    return nullptr;
}

void QueueFlow::selectService(const std::string& serviceId) {
    if (phase_ != QueuePhase::ChooseService) return;
    serviceId_ = serviceId;
    const QueueService* chosen = service();
    if (!chosen) return;
    // A service without priority counters takes everyone in order (the gateway refuses a
    // priority ticket there); the screen says so next to it.
    ticketPriority_ = chosen->priorityAllowed ? priority() : PriorityCategory::None;
    issue();
}

void QueueFlow::issue() {
    phase_ = QueuePhase::Issuing;
    errorKey_.clear();
    const auto gen = ++generation_;
    TicketRequest request{serviceId_, ticketPriority_, std::nullopt};
    background_.run([this, gen, portal = &portal_, request] {
        auto result = portal->issueTicket(request);
        return std::function<void()>([this, gen, result = std::move(result)]() mutable {
            if (gen != generation_) return;
            if (!result) {
                log::warn("queue", std::string("ticket failed: ") + kindName(result.error().kind) +
                                       " " + result.error().detail);
                phase_ = QueuePhase::Failed;
                errorKey_ = messageKeyFor(result.error().kind);
                return;
            }
            ticket_ = std::move(result).value();
            phase_ = QueuePhase::Ticket;
            log::info("queue", "ticket " + ticket_->number + " issued for " + serviceId_ +
                                   " priority=" + priorityApiName(ticketPriority_));
            startPrint();
        });
    });
}

void QueueFlow::startPrint() {
    if (!ticket_) return;
    if (!printing_.available()) {
        printState_ = PrintState::Failed;
        printErrorKey_ = "printer.none";
        return;
    }
    printState_ = PrintState::Printing;
    printErrorKey_.clear();
    ++printAttempts_;
    const QueueService* s = service();
    TicketPrintData data{printing_.centreName(), s ? s->name : BilingualText{}, *ticket_};
    const auto gen = generation_;
    printing_.print(layoutQueueTicket(data), [this, gen](const PrintResult& result) {
        if (gen != generation_) return;
        if (result) {
            printState_ = PrintState::Printed;
            return;
        }
        // The number stays: the screen shows it with the reason and "In lại".
        printState_ = PrintState::Failed;
        printErrorKey_ = printFailureMessageKey(result.error());
    });
}

void QueueFlow::reprint() {
    if (phase_ != QueuePhase::Ticket || printState_ != PrintState::Failed) return;
    if (!printing_.available()) return;
    startPrint();
}

void QueueFlow::retry() {
    if (phase_ != QueuePhase::Failed) return;
    if (services_.empty() || serviceId_.empty())
        loadServices();
    else
        issue();
}

void QueueFlow::wipe() {
    ++generation_;
    phase_ = QueuePhase::LoadingServices;
    errorKey_.clear();
    services_.clear();
    declared_ = PriorityCategory::None;
    serviceId_.clear();
    ticket_.reset();
    ticketPriority_ = PriorityCategory::None;
    printState_ = PrintState::Idle;
    printErrorKey_.clear();
    printAttempts_ = 0;
}

}  // namespace dvc
