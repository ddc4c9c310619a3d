#pragma once
#include <deque>
#include <memory>

#include "../printer_transport.h"
#include "escpos_interpreter.h"

namespace dvc::sim {

// The simulator in the same process: bytes go straight into an interpreter, its replies come
// back through read(). For tests and the bench; the kiosk reaches the simulator over TCP.
class SimTransport final : public PrinterTransport {
  public:
    explicit SimTransport(std::shared_ptr<EscPosInterpreter> printer)
        : printer_(std::move(printer)) {}

    Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                              std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) override;
    bool canReadBack() const override { return true; }
    std::string describe() const override { return "sim"; }

    std::size_t bytesWritten() const { return written_; }

  private:
    std::shared_ptr<EscPosInterpreter> printer_;
    std::deque<std::uint8_t> pending_;
    std::size_t written_ = 0;
};

}  // namespace dvc::sim
