#pragma once
// "Lấy số thứ tự": the citizen picks a service group, the gateway issues a number, the kiosk
// prints it and shows it big whatever the printer does. Priority (Luật Người cao tuổi 2009:
// 60 and over) comes from the identified card's date of birth; disability and pregnancy are
// declared by the citizen and checked by staff at the counter (docs/printing.md).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/queue.h"
#include "portal/portal_client.h"
#include "session/background.h"
#include "session/identity_flow.h"
#include "session/print_jobs.h"

namespace dvc {

enum class QueuePhase {
    LoadingServices,
    ChooseService,
    Issuing,  // the gateway is giving a number
    Failed,   // errorKey() says why; retry() does the failed step again
    Ticket,   // ticket() shown; printState() says what the printer did
};

// Today's date where the kiosk stands, "YYYY-MM-DD" (the kiosk's local time zone).
std::string localDateToday();

class QueueFlow {
  public:
    QueueFlow(Background& background, PortalClient& portal, PrintJobs& printing,
              const IdentityFlow& identity, std::function<std::string()> today = localDateToday);
    QueueFlow(const QueueFlow&) = delete;
    QueueFlow& operator=(const QueueFlow&) = delete;

    // --- intents ---
    void begin();  // loads the service groups and asks the printer's status
    // Issues a ticket for the service (priority as priority() says), then prints it.
    void selectService(const std::string& serviceId);
    // "Người khuyết tật" / "Phụ nữ mang thai": tapping the chosen one again clears it.
    void toggleDeclaredPriority(PriorityCategory category);
    void retry();
    // Prints the SAME ticket again (never a new number); only after a failed print.
    void reprint();
    void wipe();

    // --- state ---
    QueuePhase phase() const { return phase_; }
    const std::string& errorKey() const { return errorKey_; }
    const std::vector<QueueService>& services() const { return services_; }
    PriorityCategory declaredPriority() const { return declared_; }
    // True when the identified citizen is 60 or older today: priority without asking.
    bool elderlyByAge() const;
    // What a ticket would be issued with now, before the service's own rule.
    PriorityCategory priority() const;
    const QueueService* service() const;  // the one chosen, once chosen
    const QueueTicket* ticket() const { return ticket_ ? &*ticket_ : nullptr; }
    PriorityCategory ticketPriority() const { return ticketPriority_; }
    PrintState printState() const { return printState_; }
    const std::string& printErrorKey() const { return printErrorKey_; }
    int printAttempts() const { return printAttempts_; }

  private:
    void loadServices();
    void issue();
    void startPrint();

    Background& background_;
    PortalClient& portal_;
    PrintJobs& printing_;
    const IdentityFlow& identity_;
    std::function<std::string()> today_;

    QueuePhase phase_ = QueuePhase::LoadingServices;
    std::string errorKey_;
    std::vector<QueueService> services_;
    PriorityCategory declared_ = PriorityCategory::None;
    std::string serviceId_;
    std::optional<QueueTicket> ticket_;
    PriorityCategory ticketPriority_ = PriorityCategory::None;
    PrintState printState_ = PrintState::Idle;
    std::string printErrorKey_;
    int printAttempts_ = 0;
    std::uint64_t generation_ = 0;  // results of older generations are dropped
};

}  // namespace dvc
