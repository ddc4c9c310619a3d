#pragma once
// A QR scanner in serial mode: USB CDC-ACM (/dev/ttyACM0), a USB-serial adapter or a real
// RS-232 port. Serial mode passes the code's UTF-8 bytes through untouched, which a scanner in
// keyboard (HID) mode cannot do for Vietnamese text, so it is the mode we recommend.
#include <filesystem>

#include "ports/qr_source.h"
#include "qr/scanned_text_assembler.h"

namespace dvc {

class SerialQrSource final : public QrSource {
  public:
    SerialQrSource(std::filesystem::path device, int baud = 9600,
                   ScannedTextAssembler::Timing timing = {});
    ~SerialQrSource() override;
    SerialQrSource(const SerialQrSource&) = delete;
    SerialQrSource& operator=(const SerialQrSource&) = delete;

    Result<std::string, QrScanFailure> scan(std::chrono::milliseconds timeout,
                                            const std::atomic<bool>& cancel) override;

  private:
    bool ensureOpen();
    void closeDevice();

    std::filesystem::path device_;
    int baud_;
    int fd_ = -1;
    ScannedTextAssembler assembler_;
};

}  // namespace dvc
