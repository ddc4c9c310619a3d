#include <catch2/catch.hpp>

#include "domain/queue.h"
#include "printing/printer_status.h"
#include "printing/receipt_layouts.h"
#include "support.h"

using namespace dvc;

namespace {
std::string allText(const PrintDocument& doc) {
    std::string out;
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<TextBlock>(&b)) out += t->text + "\n";
    return out;
}
template <class T>
int count(const PrintDocument& doc) {
    int n = 0;
    for (const auto& b : doc.blocks) n += std::holds_alternative<T>(b) ? 1 : 0;
    return n;
}
}  // namespace

TEST_CASE(
    "queue ticket layout: centre, service, number, counter, time, people ahead, wait, QR, "
    "bilingual line") {
    auto data = test::sampleTicket();
    auto doc = layoutQueueTicket(data);
    auto text = allText(doc);
    CHECK(text.find(data.centreName) != std::string::npos);
    CHECK(text.find("Hộ tịch") != std::string::npos);
    CHECK(text.find("Quầy 3") != std::string::npos);
    CHECK(text.find("08:20 23/11/2026") != std::string::npos);
    CHECK(text.find(": 7") != std::string::npos);
    CHECK(text.find("~25") != std::string::npos);
    CHECK(text.find("Xin cảm ơn") != std::string::npos);
    CHECK(text.find("Thank you") != std::string::npos);
    bool hugeNumber = false;
    for (const auto& b : doc.blocks)
        if (auto* t = std::get_if<TextBlock>(&b))
            hugeNumber |= t->text == "A015" && t->size == TextSize::Huge && t->bold;
    CHECK(hugeNumber);
    REQUIRE(count<QrBlock>(doc) == 1);
    for (const auto& b : doc.blocks)
        if (auto* q = std::get_if<QrBlock>(&b)) CHECK(q->text == data.ticket.followUrl);
    CHECK(std::holds_alternative<CutBlock>(doc.blocks.back()));
}

TEST_CASE("dossier and payment receipts use the same document model") {
    DossierReceiptData d;
    d.centreName = "Trung tâm";
    d.dossier.code = "000.00.19.H42-261123-0001";
    d.dossier.procedureName = "Đăng ký khai sinh";
    d.dossier.applicantName = "Nguyễn V*** A**";
    d.dossier.receivedAt = "2026-11-23T08:15:00+07:00";
    d.dossier.dueAt = "2026-11-26";
    d.lookupUrl = "https://gw/tra-cuu?ma=000.00.19.H42-261123-0001";
    auto receipt = layoutDossierReceipt(d);
    CHECK(allText(receipt).find("26/11/2026") != std::string::npos);
    CHECK(count<QrBlock>(receipt) == 1);

    PaymentReceiptData p{"Trung tâm",
                         "000.00.19.H42-261123-0002",
                         {{"Phí chứng thực", 4000}, {"Lệ phí", 1230000}},
                         "2026-11-23T09:00:00+07:00",
                         "VQR123"};
    auto text = allText(layoutPaymentReceipt(p));
    CHECK(text.find("1.234.000 ₫") != std::string::npos);
    CHECK(formatVnd(0) == "0 ₫");
    CHECK(formatVnd(999) == "999 ₫");
    CHECK(formatVnd(1000) == "1.000 ₫");
}

TEST_CASE("priority by age from the card's date of birth") {
    CHECK(priorityForAge("1966-11-23", "2026-11-23") == PriorityCategory::Elderly);
    CHECK(priorityForAge("1966-11-24", "2026-11-23") == PriorityCategory::None);
    CHECK(priorityForAge("1990-01-01", "2026-11-23") == PriorityCategory::None);
    CHECK(priorityForAge("not a date", "2026-11-23") == PriorityCategory::None);
    CHECK(priorityFromApi("child_under_6") == PriorityCategory::ChildUnder6);
    CHECK_FALSE(priorityFromApi("vip").has_value());
    CHECK(std::string(priorityApiName(PriorityCategory::Pregnant)) == "pregnant");
}

TEST_CASE("printer status: citizen message and heartbeat report") {
    PrinterStatus s;
    CHECK(printerDeviceReport(s).health == DeviceHealth::Ok);
    s.paperNearEnd = true;
    CHECK(printerDeviceReport(s).health == DeviceHealth::Warning);
    CHECK(s.canPrint());
    s.paperOut = true;
    CHECK_FALSE(s.canPrint());
    CHECK(printerStatusMessage(s).vi == "Máy in hết giấy, vui lòng đến quầy");
    CHECK(printerDeviceReport(s).health == DeviceHealth::Error);
    CHECK(printerStatusFlags(s) == "paper_out,paper_near_end");
    PrinterStatus cover;
    cover.coverOpen = true;
    CHECK(printerStatusMessage(cover).en.find("cover") != std::string::npos);
}
