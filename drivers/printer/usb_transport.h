#pragma once
#include <memory>
#include <string>
#include <vector>

#include "printer_transport.h"

namespace dvc {

struct UsbPrinterInfo {
    std::uint16_t vendorId = 0;
    std::uint16_t productId = 0;
    int bus = 0;
    int address = 0;
    int interfaceNumber = -1;
    bool printerClass = false;  // interface class 7; many receipt printers say 0xFF (vendor)
    std::string product;        // iProduct when readable, else empty
};

// USB devices that look like printers: an interface of class 7, or (matching vid/pid when
// given) any device with a bulk OUT endpoint. An empty list is not an error.
Result<std::vector<UsbPrinterInfo>, TransportError> listUsbPrinters();

// A libusb error code (LIBUSB_ERROR_*) as a transport error with a hint for the technician.
TransportError usbError(int libusbError, const std::string& what);

// Bulk OUT (and bulk IN for status when the interface has one) through libusb; the kernel's
// usblp driver is detached while the interface is claimed.
class UsbTransport final : public PrinterTransport {
  public:
    // vendorId/productId 0: the first printer-class device.
    static Result<std::unique_ptr<UsbTransport>, TransportError> open(std::uint16_t vendorId,
                                                                      std::uint16_t productId);
    ~UsbTransport() override;

    Result<std::size_t, TransportError> write(const std::vector<std::uint8_t>& bytes,
                                              std::chrono::milliseconds timeout) override;
    Result<std::vector<std::uint8_t>, TransportError> read(
        std::size_t max, std::chrono::milliseconds timeout) override;
    bool canReadBack() const override;
    std::string describe() const override;

  private:
    struct Device;
    explicit UsbTransport(std::unique_ptr<Device> device);
    std::unique_ptr<Device> device_;
};

}  // namespace dvc
