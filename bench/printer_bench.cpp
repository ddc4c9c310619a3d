#include "printer_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include "escpos_printer.h"
#include "printing/receipt_layouts.h"
#include "sim/escpos_interpreter.h"
#include "sim/sim_transport.h"

namespace dvc::bench {

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Remembers when the first byte of a print job (not a status request) left for the printer.
class TimingTransport final : public PrinterTransport {
  public:
    explicit TimingTransport(std::unique_ptr<PrinterTransport> inner) : inner_(std::move(inner)) {}
    Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                              std::chrono::milliseconds timeout) override {
        if (bytes.size() > 3 && !firstJobByte) firstJobByte = Clock::now();
        return inner_->write(bytes, timeout);
    }
    Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) override {
        return inner_->read(max, timeout);
    }
    bool canReadBack() const override { return inner_->canReadBack(); }
    std::string describe() const override { return inner_->describe(); }
    std::optional<Clock::time_point> firstJobByte;

  private:
    std::unique_ptr<PrinterTransport> inner_;
};

}  // namespace

bool printTicketFigures(PortalClient& portal, int samples) {
    auto fonts = TextRasterizer::loadDefault();
    if (!fonts) {
        std::fprintf(stderr, "printer bench: %s\n", fonts.error().c_str());
        return false;
    }
    constexpr double kDotsPerMm = 8.0, kPrinterMmPerS = 250.0;
    for (int width : {384, 576}) {
        std::vector<double> tapToByte, render;
        std::size_t bytes = 0, rasterBytes = 0;
        int paperDots = 0;
        for (int i = 0; i < samples; ++i) {
            auto sim = std::make_shared<sim::EscPosInterpreter>(width, std::nullopt);
            auto timing =
                std::make_unique<TimingTransport>(std::make_unique<sim::SimTransport>(sim));
            auto* probe = timing.get();
            EscPosPrinter printer(std::move(timing), *fonts, {width, escpos::QrMode::Printer});

            auto tap = Clock::now();
            auto ticket = portal.issueTicket({"chung_thuc", PriorityCategory::None, std::nullopt});
            if (!ticket) {
                std::fprintf(stderr, "printer bench: ticket: %s\n", ticket.error().detail.c_str());
                return false;
            }
            TicketPrintData data{"Trung tâm Phục vụ hành chính công tỉnh Hà Giang",
                                 {"Chứng thực bản sao, chữ ký", "Certified copies"},
                                 *ticket};
            auto report = printer.print(layoutQueueTicket(data));
            if (!report || !probe->firstJobByte) {
                std::fprintf(stderr, "printer bench: print failed\n");
                return false;
            }
            tapToByte.push_back(ms(*probe->firstJobByte - tap));

            auto t0 = Clock::now();
            auto encoded = escpos::encodeDocument(layoutQueueTicket(data), *fonts,
                                                  {width, escpos::QrMode::Printer});
            render.push_back(ms(Clock::now() - t0));
            bytes = report->bytesSent;
            auto raster = escpos::encodeDocument(layoutQueueTicket(data), *fonts,
                                                 {width, escpos::QrMode::Raster});
            rasterBytes = raster ? raster->size() : 0;
            auto pages = sim->takeCutPages();
            paperDots = pages.empty() ? 0 : pages[0].height();
        }
        auto w = std::to_string(width);
        std::printf("ticket_tap_to_first_byte_%s: %.2f ms\n", w.c_str(), median(tapToByte));
        std::printf("ticket_render_%s: %.2f ms\n", w.c_str(), median(render));
        std::printf("ticket_bytes_%s: %zu bytes\n", w.c_str(), bytes);
        std::printf("ticket_bytes_raster_qr_%s: %zu bytes\n", w.c_str(), rasterBytes);
        std::printf("ticket_paper_length_%s: %.1f mm\n", w.c_str(), paperDots / kDotsPerMm);
        std::printf("ticket_print_time_250mm_s_%s: %.0f ms\n", w.c_str(),
                    1000.0 * paperDots / kDotsPerMm / kPrinterMmPerS);
    }
    std::printf("ticket_samples: %d count\n", samples);
    return true;
}

}  // namespace dvc::bench
