#include "printing/receipt_layouts.h"

#include "domain/time_format.h"

namespace dvc {

namespace {

void header(PrintDocument& doc, const std::string& centreName) {
    doc.text(centreName, TextSize::Normal, true, Align::Center);
    doc.rule();
}

void footer(PrintDocument& doc, const char* vi, const char* en) {
    doc.rule(true);
    doc.text(vi, TextSize::Small, false, Align::Center);
    doc.text(en, TextSize::Small, false, Align::Center);
    doc.feed(3);
    doc.cut(true);
}

MonoBitmap ruler(int widthDots) {
    // A tick every 8 dots (1 mm at 203 dpi), longer every 40 and 80 dots.
    MonoBitmap r(widthDots, 24);
    r.fillRect(0, 0, widthDots, 2);
    for (int x = 0; x < widthDots; x += 8) {
        int h = x % 80 == 0 ? 22 : x % 40 == 0 ? 14 : 7;
        r.fillRect(x, 2, 2, h);
    }
    r.fillRect(widthDots - 2, 0, 2, 24);
    return r;
}

}  // namespace

std::string formatVnd(long long amount) {
    bool negative = amount < 0;
    auto digits = std::to_string(negative ? -amount : amount);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return (negative ? "-" : "") + out + " ₫";
}

PrintDocument layoutQueueTicket(const TicketPrintData& d) {
    const auto& t = d.ticket;
    PrintDocument doc;
    header(doc, d.centreName);
    doc.text(d.serviceName.vi, TextSize::Normal, false, Align::Center);
    doc.text("SỐ THỨ TỰ / YOUR NUMBER", TextSize::Small, false, Align::Center);
    doc.text(t.number, TextSize::Huge, true, Align::Center);
    doc.text("Mời đến " + t.counter, TextSize::Large, true, Align::Center);
    doc.text("Please go to " + t.counter, TextSize::Small, false, Align::Center);
    doc.rule(true);
    doc.text("Thời gian / Time: " + formatDateTime(t.issuedAt));
    doc.text("Số người chờ trước / People ahead: " + std::to_string(t.peopleAhead));
    doc.text("Chờ dự kiến / Estimated wait: ~" + std::to_string(t.estimatedWaitMinutes) +
             " phút/min");
    doc.qr(t.followUrl, 5);
    doc.text("Quét mã để theo dõi lượt của bạn", TextSize::Small, false, Align::Center);
    doc.text("Scan to follow your turn", TextSize::Small, false, Align::Center);
    footer(doc, "Vui lòng chờ đến lượt. Xin cảm ơn!", "Please wait for your number. Thank you!");
    return doc;
}

PrintDocument layoutDossierReceipt(const DossierReceiptData& d) {
    const auto& s = d.dossier;
    PrintDocument doc;
    header(doc, d.centreName);
    doc.text("GIẤY TIẾP NHẬN HỒ SƠ", TextSize::Large, true, Align::Center);
    doc.text("Dossier receipt", TextSize::Small, false, Align::Center);
    doc.text("Mã hồ sơ / Dossier code:", TextSize::Small);
    doc.text(s.code, TextSize::Normal, true);
    doc.text("Thủ tục / Procedure: " + s.procedureName);
    if (!s.agency.empty()) doc.text("Cơ quan / Agency: " + s.agency);
    if (!s.applicantName.empty()) doc.text("Người nộp / Applicant: " + s.applicantName);
    doc.text("Ngày nhận / Received: " + formatDateTime(s.receivedAt));
    doc.text("Hẹn trả / Due: " + formatDate(s.dueAt), TextSize::Normal, true);
    if (!d.lookupUrl.empty()) doc.qr(d.lookupUrl, 5);
    footer(doc, "Quét mã để tra cứu tình trạng hồ sơ", "Scan to follow your dossier");
    return doc;
}

PrintDocument layoutProvisionalReceipt(const ProvisionalReceiptPrintData& d) {
    PrintDocument doc;
    header(doc, d.centreName);
    doc.text("GIẤY BIÊN NHẬN TẠM", TextSize::Large, true, Align::Center);
    doc.text("Provisional receipt", TextSize::Small, false, Align::Center);
    doc.text("Số tham chiếu / Reference:", TextSize::Small);
    doc.text(d.localRef + " (" + d.shortKey + ")", TextSize::Normal, true);
    doc.text("Thủ tục / Procedure: " + d.procedureName);
    doc.text("Nộp lúc / Submitted: " + formatDateTime(d.submittedAt));
    doc.text("Hồ sơ đã được lưu tại máy và sẽ tự động gửi khi có kết nối.");
    doc.text("Stored on this kiosk; it is sent automatically when the connection returns.",
             TextSize::Small);
    if (!d.qrText.empty()) doc.qr(d.qrText, 5);
    footer(doc, "Xuất trình phiếu này tại quầy nếu cần", "Show this slip at the counter if needed");
    return doc;
}

PrintDocument layoutPaymentReceipt(const PaymentReceiptData& d) {
    PrintDocument doc;
    header(doc, d.centreName);
    doc.text("BIÊN LAI THANH TOÁN", TextSize::Large, true, Align::Center);
    doc.text("Payment receipt", TextSize::Small, false, Align::Center);
    doc.text("Mã hồ sơ / Dossier: " + d.dossierCode);
    long long total = 0;
    for (const auto& line : d.lines) {
        doc.text(line.name);
        doc.text(formatVnd(line.amountVnd), TextSize::Normal, false, Align::Right);
        total += line.amountVnd;
    }
    doc.rule();
    doc.text("Tổng cộng / Total: " + formatVnd(total), TextSize::Normal, true, Align::Right);
    doc.text("Thời gian / Time: " + formatDateTime(d.paidAt));
    doc.text("Mã giao dịch / Ref: " + d.transactionRef, TextSize::Small);
    footer(doc, "Xin cảm ơn!", "Thank you!");
    return doc;
}

PrintDocument layoutTestPage(int widthDots) {
    PrintDocument doc;
    doc.text("TRANG IN THỬ / TEST PAGE", TextSize::Normal, true, Align::Center);
    doc.text(std::to_string(widthDots) + " dots", TextSize::Small, false, Align::Center);
    doc.blocks.emplace_back(ImageBlock{ruler(widthDots), Align::Left});
    doc.rule();
    doc.text("Cỡ nhỏ / Small", TextSize::Small);
    doc.text("Cỡ thường / Normal", TextSize::Normal);
    doc.text("Cỡ lớn / Large", TextSize::Large);
    doc.text("A015", TextSize::Huge, true, Align::Center);
    doc.text("Chữ đậm / Bold", TextSize::Normal, true);
    for (int m = 1; m <= 3; ++m)
        doc.blocks.emplace_back(
            NativeTextBlock{"Font A x" + std::to_string(m), m, m, false, Align::Left});
    doc.blocks.emplace_back(NativeTextBlock{"Font A bold", 1, 1, true, Align::Left});
    doc.rule();
    doc.text("aăâbcdđeêghiklmnoôơpqrstuưvxy", TextSize::Normal);
    doc.text("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY", TextSize::Normal);
    doc.text("a à á ả ã ạ  ă ằ ắ ẳ ẵ ặ  â ầ ấ ẩ ẫ ậ", TextSize::Normal);
    doc.text("e è é ẻ ẽ ẹ  ê ề ế ể ễ ệ  i ì í ỉ ĩ ị", TextSize::Normal);
    doc.text("o ò ó ỏ õ ọ  ô ồ ố ổ ỗ ộ  ơ ờ ớ ở ỡ ợ", TextSize::Normal);
    doc.text("u ù ú ủ ũ ụ  ư ừ ứ ử ữ ự  y ỳ ý ỷ ỹ ỵ", TextSize::Normal);
    doc.text("Ẳ Ổ Ự Ễ Ỡ Ữ Ẫ Ặ Ộ Ợ Ệ Ỵ", TextSize::Large);
    doc.qr("https://dichvucong.gov.vn/kiosk/test?chữ=Việt", 5);
    doc.feed(3);
    doc.cut(false);
    return doc;
}

}  // namespace dvc
