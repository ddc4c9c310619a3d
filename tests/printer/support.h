#pragma once
#include <catch2/catch.hpp>

#include "printing/receipt_layouts.h"
#include "printing/text_rasterizer.h"

namespace dvc::test {

inline const TextRasterizer& noto() {
    static auto r = TextRasterizer::loadDefault();
    REQUIRE(r.ok());
    return r.value();
}

inline TicketPrintData sampleTicket(
    const std::string& followUrl = "https://gw.local:8443/q/tk_20261123_A015") {
    TicketPrintData d;
    d.centreName = "Trung tâm Phục vụ hành chính công tỉnh Hà Giang";
    d.serviceName = {"Hộ tịch – khai sinh, kết hôn", "Civil status"};
    d.ticket.ticketId = "tk_20261123_A015";
    d.ticket.number = "A015";
    d.ticket.serviceId = "ho_tich";
    d.ticket.counter = "Quầy 3";
    d.ticket.issuedAt = "2026-11-23T08:20:11+07:00";
    d.ticket.peopleAhead = 7;
    d.ticket.estimatedWaitMinutes = 25;
    d.ticket.followUrl = followUrl;
    return d;
}

}  // namespace dvc::test
