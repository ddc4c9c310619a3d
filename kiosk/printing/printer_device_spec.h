#pragma once
// Which receipt printer a device string names. One parser for the kiosk's config
// ([devices] printer) and dvc-kioskctl's --device, so both accept exactly the same strings.
#include <cstdint>
#include <string>

#include "common/result.h"

namespace dvc {

// "usb:0416:5011", "usb" (first USB printer, class 7), "tcp:192.168.1.50:9100",
// "tcp:192.168.1.50" (port 9100), "file:/dev/usb/lp0".
struct DeviceSpec {
    enum class Kind { Usb, Tcp, File } kind = Kind::Usb;
    std::uint16_t vendorId = 0, productId = 0;  // 0/0: any printer-class device
    std::string host;
    std::uint16_t port = 9100;
    std::string path;
};

// The error says what was expected ("expected usb:VID:PID in hexadecimal, e.g. usb:0416:5011").
Result<DeviceSpec, std::string> parsePrinterDevice(const std::string& text);
// "HOST:PORT" (dvc-printer-sim's address, [devices] printer_sim) as a TCP spec.
Result<DeviceSpec, std::string> parseHostPort(const std::string& text);

}  // namespace dvc
