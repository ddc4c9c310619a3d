#include "printer_transport.h"

#include "file_transport.h"
#include "tcp_transport.h"
#include "usb_transport.h"

namespace dvc {

namespace {

TransportError badSpec(std::string detail) {
    return {TransportErrorKind::BadSpec, std::move(detail)};
}

}  // namespace

const char* transportErrorName(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::BadSpec:
            return "bad_device";
        case TransportErrorKind::NotFound:
            return "not_found";
        case TransportErrorKind::AccessDenied:
            return "access_denied";
        case TransportErrorKind::Busy:
            return "busy";
        case TransportErrorKind::Timeout:
            return "timeout";
        case TransportErrorKind::Disconnected:
            return "disconnected";
        case TransportErrorKind::Io:
            return "io_error";
    }
    return "io_error";
}

Result<DeviceSpec, TransportError> parseDeviceSpec(const std::string& text) {
    auto spec = parsePrinterDevice(text);
    if (!spec) return fail(badSpec(spec.error()));
    return spec.value();
}

Result<std::unique_ptr<PrinterTransport>, TransportError> openTransport(
    const DeviceSpec& spec, std::chrono::milliseconds timeout) {
    switch (spec.kind) {
        case DeviceSpec::Kind::Tcp: {
            auto t = TcpTransport::connect(spec.host, spec.port, timeout);
            if (!t) return fail(t.error());
            return std::unique_ptr<PrinterTransport>(std::move(t).value());
        }
        case DeviceSpec::Kind::File: {
            auto t = FileTransport::open(spec.path);
            if (!t) return fail(t.error());
            return std::unique_ptr<PrinterTransport>(std::move(t).value());
        }
        case DeviceSpec::Kind::Usb: {
            auto t = UsbTransport::open(spec.vendorId, spec.productId);
            if (!t) return fail(t.error());
            return std::unique_ptr<PrinterTransport>(std::move(t).value());
        }
    }
    return fail(badSpec("unknown device kind"));
}

}  // namespace dvc
