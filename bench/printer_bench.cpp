#include "printer_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "device_printer.h"
#include "escpos_printer.h"
#include "printing/receipt_layouts.h"
#include "session/queue_flow.h"
#include "sim/escpos_interpreter.h"
#include "sim/printer_simulator.h"
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

// The Session's Background in miniature: work on its own thread, results applied by drain() on
// the calling ("UI") thread.
class ThreadBackground final : public Background {
  public:
    ~ThreadBackground() override {
        for (auto& t : threads_) t.join();
    }
    void run(std::function<std::function<void()>()> work) override {
        {
            std::lock_guard lock(mutex_);
            ++pending_;
        }
        threads_.emplace_back([this, work = std::move(work)] {
            auto apply = work();
            std::lock_guard lock(mutex_);
            results_.push_back(std::move(apply));
            --pending_;
            changed_.notify_all();
        });
    }
    std::function<void()> uiWaker() override {
        return [] {};
    }
    // Applies results until `done` holds (false after 10 s).
    bool drainUntil(const std::function<bool()>& done) {
        auto until = Clock::now() + std::chrono::seconds(10);
        while (!done()) {
            std::vector<std::function<void()>> ready;
            {
                std::unique_lock lock(mutex_);
                if (!changed_.wait_until(lock, until, [this] { return !results_.empty(); }))
                    return false;
                ready.swap(results_);
            }
            for (auto& apply : ready) apply();
        }
        return true;
    }

    // Applies results until no work is left running.
    bool drainAll() {
        return drainUntil([this] {
            std::lock_guard lock(mutex_);
            return pending_ == 0 && results_.empty();
        });
    }

  private:
    int pending_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::function<void()>> results_;
    std::vector<std::thread> threads_;
};

}  // namespace

bool printKioskTicketFigures(PortalClient& portal, int samples) {
    auto fonts = TextRasterizer::loadDefault();
    if (!fonts) return false;
    auto dir = std::filesystem::temp_directory_path() / "dvc-bench-kiosk-printer";
    std::filesystem::create_directories(dir);
    for (int width : {384, 576}) {
        auto sim = sim::PrinterSimulator::start("127.0.0.1", 0, {width, dir, {}});
        if (!sim) {
            std::fprintf(stderr, "printer bench: simulator: %s\n", sim.error().c_str());
            return false;
        }
        DeviceSpec spec;
        spec.kind = DeviceSpec::Kind::Tcp;
        spec.host = "127.0.0.1";
        spec.port = (*sim)->port();
        DeviceTicketPrinter printer(spec, *fonts, {width, escpos::QrMode::Printer});
        std::vector<double> tapToPrinted;
        {
            ThreadBackground background;
            IdentityFlow identity(background, nullptr, nullptr);
            PrintJobs printing(background);
            printing.attach(&printer, "Trung tâm Phục vụ hành chính công tỉnh Hà Giang");
            QueueFlow flow(background, portal, printing, identity);
            for (int i = 0; i < samples; ++i) {
                flow.begin();
                if (!background.drainUntil(
                        [&] { return flow.phase() == QueuePhase::ChooseService; }))
                    return false;
                if (!background.drainAll()) return false;  // the status poll, too
                auto tap = Clock::now();
                flow.selectService("chung_thuc");
                if (!background.drainUntil([&] {
                        return flow.phase() == QueuePhase::Ticket &&
                               flow.printState() != PrintState::Printing;
                    }) ||
                    flow.printState() != PrintState::Printed) {
                    std::fprintf(stderr, "printer bench: kiosk ticket not printed (%s)\n",
                                 flow.printErrorKey().c_str());
                    return false;
                }
                tapToPrinted.push_back(ms(Clock::now() - tap));
            }
        }
        std::printf("ticket_kiosk_tap_to_printed_tcp_%d: %.2f ms\n", width, median(tapToPrinted));
        (*sim)->stop();
    }
    std::filesystem::remove_all(dir);
    return true;
}

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
