#include "printing/printer_status.h"

namespace dvc {

BilingualText printerStatusMessage(const PrinterStatus& s) {
    if (s.paperOut)
        return {"Máy in hết giấy, vui lòng đến quầy",
                "The printer is out of paper, please go to the counter"};
    if (s.coverOpen)
        return {"Nắp máy in đang mở, vui lòng đến quầy",
                "The printer cover is open, please go to the counter"};
    if (s.cutterError || s.unrecoverableError)
        return {"Máy in bị lỗi, vui lòng đến quầy",
                "The printer has a fault, please go to the counter"};
    if (!s.online)
        return {"Máy in không sẵn sàng, vui lòng đến quầy",
                "The printer is not ready, please go to the counter"};
    if (s.paperNearEnd) return {"Máy in sắp hết giấy", "The printer is running low on paper"};
    return {"Máy in sẵn sàng", "The printer is ready"};
}

const char* printerStatusMessageKey(const PrinterStatus& s) {
    if (s.paperOut) return "printer.paper_out";
    if (s.coverOpen) return "printer.cover_open";
    if (s.cutterError || s.unrecoverableError) return "printer.fault";
    if (!s.online) return "printer.offline";
    if (s.paperNearEnd) return "printer.paper_near_end";
    return "printer.ready";
}

DeviceReport printerDeviceReport(const PrinterStatus& s) {
    DeviceReport r;
    if (!s.canPrint()) {
        r.health = DeviceHealth::Error;
        if (s.paperOut)
            r.detail = "Hết giấy in";
        else if (s.coverOpen)
            r.detail = "Nắp máy in mở";
        else if (s.cutterError)
            r.detail = "Lỗi dao cắt";
        else if (s.unrecoverableError)
            r.detail = "Lỗi máy in không tự phục hồi";
        else
            r.detail = "Máy in ngoại tuyến";
    } else if (s.paperNearEnd) {
        r.health = DeviceHealth::Warning;
        r.detail = "Sắp hết giấy in";
    } else if (!s.known) {
        r.health = DeviceHealth::Warning;
        r.detail = "Không đọc được trạng thái máy in";
    } else {
        r.health = DeviceHealth::Ok;
    }
    return r;
}

std::string printerStatusFlags(const PrinterStatus& s) {
    std::string out;
    auto add = [&](bool on, const char* name) {
        if (!on) return;
        if (!out.empty()) out += ',';
        out += name;
    };
    add(!s.known, "unknown");
    add(!s.online, "offline");
    add(s.paperOut, "paper_out");
    add(s.paperNearEnd, "paper_near_end");
    add(s.coverOpen, "cover_open");
    add(s.cutterError, "cutter_error");
    add(s.unrecoverableError, "unrecoverable_error");
    return out.empty() ? "ok" : out;
}

}  // namespace dvc
