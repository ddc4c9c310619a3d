#pragma once
// The byte pipe to a receipt printer: USB (libusb bulk endpoints), TCP port 9100, a device file
// (/dev/usb/lp0), or the in-process simulator. The ESC/POS layer above never knows which.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "printing/printer_device_spec.h"

namespace dvc {

enum class TransportErrorKind {
    BadSpec,       // the device string could not be understood
    NotFound,      // no such device / host refused / no printer on the bus
    AccessDenied,  // permissions (udev rule missing?)
    Busy,          // another process holds the interface
    Timeout,       // the printer stopped taking bytes or did not answer
    Disconnected,  // unplugged or connection closed
    Io,            // anything else
};

const char* transportErrorName(TransportErrorKind kind);

struct TransportError {
    TransportErrorKind kind = TransportErrorKind::Io;
    std::string detail;
};

class PrinterTransport {
  public:
    virtual ~PrinterTransport() = default;
    // Writes all bytes or fails; the timeout covers the whole write.
    virtual Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                                      std::chrono::milliseconds timeout) = 0;
    // Reads what the printer sends back (status replies): at least one byte, at most max.
    virtual Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) = 0;
    // False for transports that cannot carry replies (a plain file).
    virtual bool canReadBack() const = 0;
    virtual std::string describe() const = 0;
};

// parsePrinterDevice (kiosk/printing/printer_device_spec.h) with a BadSpec error.
Result<DeviceSpec, TransportError> parseDeviceSpec(const std::string& text);

// Opens the transport a spec names.
Result<std::unique_ptr<PrinterTransport>, TransportError> openTransport(
    const DeviceSpec& spec, std::chrono::milliseconds timeout);

}  // namespace dvc
