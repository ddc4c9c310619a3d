#include "printer_transport.h"

#include <charconv>

#include "file_transport.h"
#include "tcp_transport.h"
#include "usb_transport.h"

namespace dvc {

namespace {

bool parseHex16(std::string_view s, std::uint16_t& out) {
    if (s.empty() || s.size() > 4) return false;
    unsigned v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v, 16);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
    out = static_cast<std::uint16_t>(v);
    return true;
}

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
    DeviceSpec spec;
    if (text == "usb") return spec;
    if (text.starts_with("usb:")) {
        std::string_view rest = std::string_view(text).substr(4);
        auto colon = rest.find(':');
        if (colon == std::string_view::npos || !parseHex16(rest.substr(0, colon), spec.vendorId) ||
            !parseHex16(rest.substr(colon + 1), spec.productId))
            return fail(badSpec("expected usb:VID:PID in hexadecimal, e.g. usb:0416:5011"));
        return spec;
    }
    if (text.starts_with("tcp:")) {
        spec.kind = DeviceSpec::Kind::Tcp;
        std::string rest = text.substr(4);
        auto colon = rest.rfind(':');
        if (colon != std::string::npos) {
            unsigned port = 0;
            auto p = std::string_view(rest).substr(colon + 1);
            auto r = std::from_chars(p.data(), p.data() + p.size(), port);
            if (r.ec != std::errc() || r.ptr != p.data() + p.size() || port == 0 || port > 65535)
                return fail(badSpec("bad TCP port in " + text));
            spec.port = static_cast<std::uint16_t>(port);
            rest.resize(colon);
        }
        if (rest.empty()) return fail(badSpec("expected tcp:HOST:PORT"));
        spec.host = rest;
        return spec;
    }
    if (text.starts_with("file:")) {
        spec.kind = DeviceSpec::Kind::File;
        spec.path = text.substr(5);
        if (spec.path.empty()) return fail(badSpec("expected file:PATH"));
        return spec;
    }
    return fail(badSpec("unknown device '" + text + "' (usb:VID:PID, tcp:HOST:PORT or file:PATH)"));
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
