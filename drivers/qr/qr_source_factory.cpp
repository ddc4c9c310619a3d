#include "qr_source_factory.h"

#include <charconv>

#include "serial_qr_source.h"
#include "sim_qr_source.h"
#include "v4l2_camera_source.h"

namespace dvc {

Result<QrDeviceSpec, std::string> parseQrDeviceSpec(const std::string& spec) {
    QrDeviceSpec out;
    std::string rest;
    if (spec.starts_with("v4l2:")) {
        out.kind = QrDeviceSpec::Kind::Camera;
        rest = spec.substr(5);
    } else if (spec.starts_with("serial:")) {
        out.kind = QrDeviceSpec::Kind::Serial;
        rest = spec.substr(7);
        if (auto at = rest.rfind('@'); at != std::string::npos) {
            const auto digits = rest.substr(at + 1);
            auto [end, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), out.baud);
            if (ec != std::errc() || end != digits.data() + digits.size() || out.baud <= 0)
                return fail("bad baud rate in \"" + spec + "\"");
            rest.resize(at);
        }
    } else {
        return fail("\"" + spec + "\": expected v4l2:/dev/videoN or serial:/dev/ttyXXX[@BAUD]");
    }
    if (rest.empty() || rest.front() != '/')
        return fail("\"" + spec + "\": the device must be an absolute path");
    out.path = rest;
    return out;
}

Result<std::unique_ptr<QrSource>, std::string> makeQrSource(const DevicesConfig& devices) {
    switch (devices.qr) {
        case DeviceBackend::None:
            return std::unique_ptr<QrSource>();
        case DeviceBackend::Sim:
            return std::unique_ptr<QrSource>(std::make_unique<SimQrSource>(devices.qrSimInbox));
        case DeviceBackend::Real:
            break;
    }
    auto spec = parseQrDeviceSpec(devices.qrDevice);
    if (!spec) return fail(spec.error());
    if (spec->kind == QrDeviceSpec::Kind::Serial)
        return std::unique_ptr<QrSource>(std::make_unique<SerialQrSource>(spec->path, spec->baud));
    return std::unique_ptr<QrSource>(std::make_unique<V4l2CameraSource>(spec->path));
}

}  // namespace dvc
