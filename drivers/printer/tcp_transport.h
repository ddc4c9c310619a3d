#pragma once
#include <memory>
#include <string>

#include "printer_transport.h"

namespace dvc {

// A network printer's raw port (9100, "JetDirect"): bytes in, status replies out.
class TcpTransport final : public PrinterTransport {
  public:
    static Result<std::unique_ptr<TcpTransport>, TransportError> connect(
        const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);
    ~TcpTransport() override;

    Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                              std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) override;
    bool canReadBack() const override { return true; }
    std::string describe() const override { return name_; }

  private:
    TcpTransport(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    int fd_;
    std::string name_;
};

}  // namespace dvc
