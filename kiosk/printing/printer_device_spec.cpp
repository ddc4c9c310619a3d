#include "printing/printer_device_spec.h"

#include <charconv>
#include <string_view>

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

// "HOST[:PORT]" into spec.host / spec.port.
Result<DeviceSpec, std::string> tcpSpec(std::string rest, const std::string& whole) {
    DeviceSpec spec;
    spec.kind = DeviceSpec::Kind::Tcp;
    auto colon = rest.rfind(':');
    if (colon != std::string::npos) {
        unsigned port = 0;
        auto p = std::string_view(rest).substr(colon + 1);
        auto r = std::from_chars(p.data(), p.data() + p.size(), port);
        if (r.ec != std::errc() || r.ptr != p.data() + p.size() || port == 0 || port > 65535)
            return fail("bad TCP port in " + whole);
        spec.port = static_cast<std::uint16_t>(port);
        rest.resize(colon);
    }
    if (rest.empty()) return fail(std::string("expected tcp:HOST:PORT"));
    spec.host = rest;
    return spec;
}

}  // namespace

Result<DeviceSpec, std::string> parsePrinterDevice(const std::string& text) {
    DeviceSpec spec;
    if (text == "usb") return spec;
    if (text.starts_with("usb:")) {
        std::string_view rest = std::string_view(text).substr(4);
        auto colon = rest.find(':');
        if (colon == std::string_view::npos || !parseHex16(rest.substr(0, colon), spec.vendorId) ||
            !parseHex16(rest.substr(colon + 1), spec.productId))
            return fail(std::string("expected usb:VID:PID in hexadecimal, e.g. usb:0416:5011"));
        return spec;
    }
    if (text.starts_with("tcp:")) return tcpSpec(text.substr(4), text);
    if (text.starts_with("file:")) {
        spec.kind = DeviceSpec::Kind::File;
        spec.path = text.substr(5);
        if (spec.path.empty()) return fail(std::string("expected file:PATH"));
        return spec;
    }
    return fail("unknown device '" + text + "' (usb:VID:PID, tcp:HOST:PORT or file:PATH)");
}

Result<DeviceSpec, std::string> parseHostPort(const std::string& text) {
    if (text.find(':') == std::string::npos)
        return fail("expected HOST:PORT, e.g. 127.0.0.1:9100, got '" + text + "'");
    return tcpSpec(text, text);
}

}  // namespace dvc
