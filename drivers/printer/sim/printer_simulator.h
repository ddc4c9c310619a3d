#pragma once
// A network receipt printer on a loopback port: it parses the ESC/POS it receives, answers
// status requests, and writes each cut ticket as a PNG (ticket-0001.png, …) in a folder.
// Faults (paper out, cover open, …) are set with setStatus() or the tool's flags.
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "escpos_interpreter.h"

namespace dvc::sim {

struct SimulatorOptions {
    int widthDots = 576;
    std::filesystem::path outDir;  // where pages go; must exist
    PrinterStatus status;
};

class PrinterSimulator {
  public:
    // host must be a numeric loopback address; port 0 picks a free port.
    static Result<std::unique_ptr<PrinterSimulator>, std::string> start(const std::string& host,
                                                                        std::uint16_t port,
                                                                        SimulatorOptions options);
    ~PrinterSimulator();
    PrinterSimulator(const PrinterSimulator&) = delete;
    PrinterSimulator& operator=(const PrinterSimulator&) = delete;

    std::uint16_t port() const { return port_; }
    void setStatus(const PrinterStatus& status);
    PrinterStatus status() const;
    std::vector<std::filesystem::path> pages() const;
    std::vector<std::string> diagnostics() const;
    std::size_t bytesReceived() const { return received_; }
    void stop();

  private:
    PrinterSimulator(int listenFd, std::uint16_t port, SimulatorOptions options);
    void run();
    void serve(int fd);
    void savePages(bool includeUncut);

    int listenFd_;
    std::uint16_t port_;
    SimulatorOptions options_;
    mutable std::mutex mutex_;
    EscPosInterpreter printer_;
    std::vector<std::filesystem::path> pages_;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> received_{0};
    std::thread thread_;
};

}  // namespace dvc::sim
