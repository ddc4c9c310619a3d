// QueueFlow and PrintJobs without a screen: a gateway stand-in that numbers tickets per day, the
// real ESC/POS printer over the in-process simulator (which can run out of paper), and a
// Background that runs work when the test says so.
#include <catch2/catch.hpp>

#include <deque>

#include "escpos_printer.h"
#include "identity/cccd_qr.h"
#include "session/dossier_flow.h"
#include "session/queue_flow.h"
#include "sim/escpos_interpreter.h"
#include "sim/sim_transport.h"
#include "support.h"

using namespace dvc;

namespace {

// Work waits until drain(): each piece runs, then its result is applied, as Session::update
// would on the UI thread.
class SteppedBackground final : public Background {
  public:
    void run(std::function<std::function<void()>()> work) override {
        queue_.push_back(std::move(work));
    }
    std::function<void()> uiWaker() override {
        return [] {};
    }
    void drain() {
        while (!queue_.empty()) {
            auto work = std::move(queue_.front());
            queue_.pop_front();
            work()();
        }
    }
    std::size_t pending() const { return queue_.size(); }

  private:
    std::deque<std::function<std::function<void()>()>> queue_;
};

class QueueDesk final : public PortalClient {
  public:
    std::vector<TicketRequest> requests;
    std::optional<PortalError> failure;

    Result<DossierStatus, PortalError> dossierStatus(const std::string&) override {
        return fail(PortalError{PortalErrorKind::NotFound, 404, "dossier_not_found", {}, ""});
    }
    Result<CatalogPage, PortalError> catalog(std::optional<int>) override { return CatalogPage{}; }
    Result<HeartbeatReply, PortalError> heartbeat(const Heartbeat&) override {
        return HeartbeatReply{};
    }
    Result<DossierReceipt, PortalError> submitDossier(const DossierSubmission&,
                                                      const std::string&) override {
        return fail(PortalError{PortalErrorKind::ServerError, 501, "not_implemented", {}, ""});
    }
    Result<std::vector<QueueService>, PortalError> queueServices() override {
        if (failure) return fail(*failure);
        return std::vector<QueueService>{
            {"ho_tich", {"Hộ tịch", "Civil status"}, {"Quầy 1", "Quầy 2"}, true, 3},
            {"tra_ket_qua", {"Trả kết quả", "Collect results"}, {"Quầy 5"}, false, 0}};
    }
    Result<QueueTicket, PortalError> issueTicket(const TicketRequest& request) override {
        if (failure) return fail(*failure);
        requests.push_back(request);
        QueueTicket t;
        char number[8];
        std::snprintf(number, sizeof number, "A%03zu", requests.size());
        t.number = number;
        t.ticketId = "tk_20261123_" + t.number;
        t.serviceId = request.serviceId;
        t.counter = "Quầy 1";
        t.issuedAt = "2026-11-23T08:20:11+07:00";
        t.peopleAhead = static_cast<int>(requests.size()) - 1;
        t.estimatedWaitMinutes = 6 * t.peopleAhead;
        t.followUrl = "https://gw.local:8443/q/" + t.ticketId;
        return t;
    }
};

// The card's QR as the camera reads it.
class CardQr final : public QrSource {
  public:
    std::string text;
    Result<std::string, QrScanFailure> scan(std::chrono::milliseconds,
                                            const std::atomic<bool>&) override {
        return text;
    }
};

struct Fixture {
    SteppedBackground background;
    QueueDesk desk;
    CardQr card;
    std::shared_ptr<sim::EscPosInterpreter> paper =
        std::make_shared<sim::EscPosInterpreter>(384, std::nullopt);
    EscPosPrinter printer{
        std::make_unique<sim::SimTransport>(paper), test::noto(), {384, escpos::QrMode::Printer}};
    IdentityFlow identity{background, &card, nullptr};
    PrintJobs printing{background};
    std::string today = "2026-11-23";
    QueueFlow flow{background, desk, printing, identity, [this] { return today; }};

    Fixture() { printing.attach(&printer, "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"); }

    // Identifies with a card QR whose date of birth is `ddmmyyyy`.
    void identifyBornOn(const std::string& ddmmyyyy) {
        // The number's 4th digit (0: a man born 1900–1999) and the next two carry the year.
        card.text = "0790" + ddmmyyyy.substr(6, 2) + "012345||Nguyễn Văn Thọ|" + ddmmyyyy +
                    "|Nam|12 Trần Phú, Phường Bắc Hà, TP. Hà Tĩnh|15082021";
        identity.begin();
        identity.scanQr();
        background.drain();
        REQUIRE(identity.phase() == IdentifyPhase::Confirming);
        REQUIRE(identity.confirm());
    }
    void openQueue() {
        flow.begin();
        background.drain();
        REQUIRE(flow.phase() == QueuePhase::ChooseService);
    }
};

}  // namespace

TEST_CASE("queue: a ticket is issued for the chosen service and printed") {
    Fixture f;
    f.openQueue();
    CHECK(f.flow.services().size() == 2);
    f.flow.selectService("ho_tich");
    CHECK(f.flow.phase() == QueuePhase::Issuing);
    f.background.drain();
    REQUIRE(f.flow.phase() == QueuePhase::Ticket);
    REQUIRE(f.flow.ticket() != nullptr);
    CHECK(f.flow.ticket()->number == "A001");
    CHECK(f.flow.printState() == PrintState::Printed);
    CHECK(f.paper->takeCutPages().size() == 1);
    CHECK(f.paper->qrPrinted() == std::vector<std::string>{f.flow.ticket()->followUrl});
    REQUIRE(f.desk.requests.size() == 1);
    CHECK(f.desk.requests[0].serviceId == "ho_tich");
    CHECK(f.desk.requests[0].priority == PriorityCategory::None);
}

TEST_CASE("queue: 60 and over by the card's date of birth get priority, from the birthday on") {
    Fixture f;
    SECTION("the 60th birthday is today") {
        f.identifyBornOn("23111966");
        f.openQueue();
        CHECK(f.flow.elderlyByAge());
        f.flow.selectService("ho_tich");
        f.background.drain();
        REQUIRE(f.desk.requests.size() == 1);
        CHECK(f.desk.requests[0].priority == PriorityCategory::Elderly);
        CHECK(f.flow.ticketPriority() == PriorityCategory::Elderly);
    }
    SECTION("the day before the 60th birthday") {
        f.identifyBornOn("24111966");
        f.openQueue();
        CHECK_FALSE(f.flow.elderlyByAge());
        f.flow.selectService("ho_tich");
        f.background.drain();
        REQUIRE(f.desk.requests.size() == 1);
        CHECK(f.desk.requests[0].priority == PriorityCategory::None);
    }
    SECTION("born on 29 February 1964: 60 on 29 February 2024, not the day before") {
        f.identifyBornOn("29021964");
        f.today = "2024-02-28";
        f.openQueue();
        CHECK_FALSE(f.flow.elderlyByAge());
        f.today = "2024-02-29";
        CHECK(f.flow.elderlyByAge());
        f.today = "2023-03-01";  // 59
        CHECK_FALSE(f.flow.elderlyByAge());
    }
    SECTION("not identified: no priority by age") {
        f.openQueue();
        CHECK_FALSE(f.flow.elderlyByAge());
        CHECK(f.flow.priority() == PriorityCategory::None);
    }
    SECTION("a service without priority turns issues an ordinary ticket") {
        f.identifyBornOn("01011950");
        f.openQueue();
        f.flow.selectService("tra_ket_qua");
        f.background.drain();
        REQUIRE(f.desk.requests.size() == 1);
        CHECK(f.desk.requests[0].priority == PriorityCategory::None);
    }
}

TEST_CASE("queue: a declared priority is a toggle the citizen can clear") {
    Fixture f;
    f.openQueue();
    f.flow.toggleDeclaredPriority(PriorityCategory::Pregnant);
    CHECK(f.flow.priority() == PriorityCategory::Pregnant);
    f.flow.toggleDeclaredPriority(PriorityCategory::Disabled);
    CHECK(f.flow.priority() == PriorityCategory::Disabled);
    f.flow.toggleDeclaredPriority(PriorityCategory::Disabled);
    CHECK(f.flow.priority() == PriorityCategory::None);
    f.flow.toggleDeclaredPriority(PriorityCategory::Elderly);  // only by the card
    CHECK(f.flow.priority() == PriorityCategory::None);
    f.flow.toggleDeclaredPriority(PriorityCategory::Disabled);
    f.flow.selectService("ho_tich");
    f.background.drain();
    REQUIRE(f.desk.requests.size() == 1);
    CHECK(f.desk.requests[0].priority == PriorityCategory::Disabled);
}

TEST_CASE("queue: a failed print keeps the number, and reprint prints the same ticket") {
    Fixture f;
    PrinterStatus empty;
    empty.paperOut = true;
    f.paper->setStatus(empty);
    f.openQueue();
    CHECK(f.printing.faultKey() == "printer.paper_out");  // begin() asked the printer
    f.flow.selectService("ho_tich");
    f.background.drain();
    REQUIRE(f.flow.phase() == QueuePhase::Ticket);
    REQUIRE(f.flow.ticket() != nullptr);
    const QueueTicket issued = *f.flow.ticket();
    CHECK(f.flow.printState() == PrintState::Failed);
    CHECK(f.flow.printErrorKey() == "printer.paper_out");
    CHECK(f.paper->takeCutPages().empty());

    f.paper->setStatus(PrinterStatus{});  // staff put paper in
    f.flow.reprint();
    CHECK(f.flow.printState() == PrintState::Printing);
    f.background.drain();
    CHECK(f.flow.printState() == PrintState::Printed);
    CHECK(f.flow.printAttempts() == 2);
    REQUIRE(f.flow.ticket() != nullptr);
    CHECK(f.flow.ticket()->number == issued.number);
    CHECK(f.desk.requests.size() == 1);  // no second number
    CHECK(f.paper->takeCutPages().size() == 1);
    CHECK(f.paper->qrPrinted() == std::vector<std::string>{issued.followUrl});
    CHECK(f.printing.faultKey().empty());

    f.flow.reprint();  // printed: nothing to reprint
    CHECK(f.flow.printState() == PrintState::Printed);
    CHECK(f.background.pending() == 0);
}

TEST_CASE("queue: without a printer the number is shown and nothing is retried") {
    Fixture f;
    f.printing.attach(nullptr, "");
    f.openQueue();
    f.flow.selectService("ho_tich");
    f.background.drain();
    REQUIRE(f.flow.ticket() != nullptr);
    CHECK(f.flow.printState() == PrintState::Failed);
    CHECK(f.flow.printErrorKey() == "printer.none");
    f.flow.reprint();
    CHECK(f.background.pending() == 0);
}

TEST_CASE("queue: gateway failures say why; retry asks again") {
    Fixture f;
    f.desk.failure = PortalError{PortalErrorKind::Unreachable, 0, "", {}, "refused"};
    f.flow.begin();
    f.background.drain();
    CHECK(f.flow.phase() == QueuePhase::Failed);
    CHECK(f.flow.errorKey() == "error.unreachable");
    f.desk.failure.reset();
    f.flow.retry();
    f.background.drain();
    CHECK(f.flow.phase() == QueuePhase::ChooseService);
}

TEST_CASE("queue: wipe forgets the ticket and drops results still on their way") {
    Fixture f;
    f.openQueue();
    f.flow.toggleDeclaredPriority(PriorityCategory::Pregnant);
    f.flow.selectService("ho_tich");
    f.flow.wipe();  // "Kết thúc" or the idle timeout while the gateway answers
    f.background.drain();
    CHECK(f.flow.ticket() == nullptr);
    CHECK(f.flow.phase() == QueuePhase::LoadingServices);
    CHECK(f.flow.declaredPriority() == PriorityCategory::None);
    CHECK(f.flow.services().empty());
    CHECK(f.paper->takeCutPages().empty());  // the late ticket is not printed either

    f.openQueue();
    f.flow.selectService("ho_tich");
    f.background.drain();
    REQUIRE(f.flow.ticket() != nullptr);
    f.flow.wipe();
    CHECK(f.flow.ticket() == nullptr);
    CHECK(f.flow.printState() == PrintState::Idle);
}

TEST_CASE("print jobs: the dossier receipt prints on a worker and reports faults") {
    Fixture f;
    DossierReceiptData receipt;
    receipt.dossier.code = "000.00.19.H42-261123-0001";
    receipt.dossier.applicantName = "Nguyễn V** A*";
    receipt.lookupUrl = "https://dichvucong.gov.vn/tra-cuu?ma=000.00.19.H42-261123-0001";
    f.printing.printDossierReceipt(receipt);
    CHECK(f.printing.receiptState() == PrintState::Printing);
    f.background.drain();
    CHECK(f.printing.receiptState() == PrintState::Printed);
    CHECK(f.paper->qrPrinted() == std::vector<std::string>{receipt.lookupUrl});

    PrinterStatus open;
    open.coverOpen = true;
    f.paper->setStatus(open);
    f.printing.printDossierReceipt(receipt);
    f.background.drain();
    CHECK(f.printing.receiptState() == PrintState::Failed);
    CHECK(f.printing.receiptErrorKey() == "printer.cover_open");
    f.printing.wipe();
    CHECK(f.printing.receiptState() == PrintState::Idle);
}

TEST_CASE("print jobs: what staff see for each printer state") {
    PrinterStatus near;
    near.paperNearEnd = true;
    CHECK(printerReportFor(PrinterPoll(near)).health == DeviceHealth::Warning);
    CHECK(printerReportFor(PrinterPoll(PrinterStatus{})).health == DeviceHealth::Ok);
    auto gone = printerReportFor(
        PrinterPoll(fail(PrintFailure{PrintFailureKind::NotConnected, {}, "not_found: refused"})));
    CHECK(gone.health == DeviceHealth::Error);
    CHECK(gone.detail.find("not_found") != std::string::npos);
    PrinterStatus out;
    out.paperOut = true;
    auto fault =
        printerReportFor(PrinterPoll(fail(PrintFailure{PrintFailureKind::Fault, out, ""})));
    CHECK(fault.health == DeviceHealth::Error);
    CHECK(fault.detail == "Hết giấy in");
}

TEST_CASE("print jobs: the dossier flow's receipts print with the screen's QR; reprint repeats") {
    Fixture f;
    DossierReceiptView delivered;
    delivered.provisional = false;
    delivered.procedureName = "Đăng ký khai sinh";
    delivered.content.qrText = "000.00.19.H42-261123-0042";
    delivered.acknowledged = DossierReceipt{};
    delivered.acknowledged->code = delivered.content.qrText;
    delivered.acknowledged->receivedAt = "2026-11-23T09:15:00+07:00";
    delivered.acknowledged->dueAt = "2026-11-26";
    f.printing.printReceipt(receiptDocument(delivered, f.printing.centreName()));
    f.background.drain();
    CHECK(f.printing.receiptState() == PrintState::Printed);
    CHECK(f.paper->qrPrinted() == std::vector<std::string>{"000.00.19.H42-261123-0042"});

    // "In lại" sends the same receipt, not a new one.
    f.printing.reprintReceipt();
    f.background.drain();
    CHECK(f.paper->qrPrinted() ==
          std::vector<std::string>{"000.00.19.H42-261123-0042", "000.00.19.H42-261123-0042"});

    DossierReceiptView stored;
    stored.procedureName = "Chứng thực bản sao";
    stored.content.qrText = "DVC-TAM:K1-0007:3fa85f64";
    stored.stored = ProvisionalReceipt{};
    stored.stored->localRef = "K1-0007";
    stored.stored->shortKey = "3fa85f64";
    stored.stored->submittedAt = "2026-11-23T09:20:00+07:00";
    f.printing.printReceipt(receiptDocument(stored, f.printing.centreName()));
    f.background.drain();
    CHECK(f.printing.receiptState() == PrintState::Printed);
    CHECK(f.paper->qrPrinted().back() == "DVC-TAM:K1-0007:3fa85f64");

    // The visit ends: nothing left to reprint.
    f.printing.wipe();
    CHECK_FALSE(f.printing.hasReceipt());
    f.printing.reprintReceipt();
    f.background.drain();
    CHECK(f.paper->qrPrinted().size() == 3);
}
