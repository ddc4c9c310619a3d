#pragma once
// Picks the QR source the config names: devices.qr = "sim" | "real" | "none", and for "real"
// devices.qr_device = "v4l2:/dev/video0" | "serial:/dev/ttyACM0[@BAUD]".
#include <filesystem>
#include <memory>
#include <string>

#include "common/result.h"
#include "config/config.h"
#include "ports/qr_source.h"

namespace dvc {

struct QrDeviceSpec {
    enum class Kind { Camera, Serial } kind = Kind::Camera;
    std::filesystem::path path;
    int baud = 9600;
};

Result<QrDeviceSpec, std::string> parseQrDeviceSpec(const std::string& spec);

// nullptr (and no error) when devices.qr = "none".
Result<std::unique_ptr<QrSource>, std::string> makeQrSource(const DevicesConfig& devices);

}  // namespace dvc
