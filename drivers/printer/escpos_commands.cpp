#include "escpos_commands.h"

#include <algorithm>

namespace dvc::escpos {

namespace {
std::uint8_t u8(int v) {
    return static_cast<std::uint8_t>(v & 0xFF);
}
}  // namespace

CommandWriter& CommandWriter::initialize() {
    put({ESC, '@'});
    return *this;
}

CommandWriter& CommandWriter::align(Align a) {
    put({ESC, 'a', u8(a == Align::Left ? 0 : a == Align::Center ? 1 : 2)});
    return *this;
}

CommandWriter& CommandWriter::bold(bool on) {
    put({ESC, 'E', u8(on ? 1 : 0)});
    return *this;
}

CommandWriter& CommandWriter::characterSize(int width, int height) {
    width = std::clamp(width, 1, 8);
    height = std::clamp(height, 1, 8);
    put({GS, '!', u8(((width - 1) << 4) | (height - 1))});
    return *this;
}

CommandWriter& CommandWriter::text(std::string_view ascii) {
    for (char c : ascii) {
        auto b = static_cast<std::uint8_t>(c);
        bytes_.push_back(b >= 0x20 && b < 0x7F ? b : '?');
    }
    return *this;
}

CommandWriter& CommandWriter::lineFeed() {
    bytes_.push_back(LF);
    return *this;
}

CommandWriter& CommandWriter::feedLines(int n) {
    put({ESC, 'd', u8(std::clamp(n, 0, 255))});
    return *this;
}

CommandWriter& CommandWriter::feedDots(int n) {
    put({ESC, 'J', u8(std::clamp(n, 0, 255))});
    return *this;
}

CommandWriter& CommandWriter::cut(bool partial) {
    put({GS, 'V', u8(partial ? 66 : 65), 0});
    return *this;
}

CommandWriter& CommandWriter::raster(const MonoBitmap& image, int bandRows) {
    bandRows = std::clamp(bandRows, 1, 2303);
    int xBytes = image.rowBytes();
    for (int top = 0; top < image.height(); top += bandRows) {
        auto band = image.rows(top, bandRows);
        put({GS, 'v', '0', 0, u8(xBytes), u8(xBytes >> 8), u8(band.height()),
             u8(band.height() >> 8)});
        bytes_.insert(bytes_.end(), band.bytes().begin(), band.bytes().end());
    }
    return *this;
}

CommandWriter& CommandWriter::qrCode(std::string_view data, int moduleDots, QrErrorCorrection ec) {
    put({GS, '(', 'k', 4, 0, '1', 'A', '2', 0});                             // fn 165: model 2
    put({GS, '(', 'k', 3, 0, '1', 'C', u8(std::clamp(moduleDots, 1, 16))});  // fn 167: module
    put({GS, '(', 'k', 3, 0, '1', 'E', static_cast<std::uint8_t>(ec)});      // fn 169: EC level
    auto len = data.size() + 3;
    put({GS, '(', 'k', u8(static_cast<int>(len)), u8(static_cast<int>(len >> 8)), '1', 'P',
         '0'});  // fn 180: store
    bytes_.insert(bytes_.end(), data.begin(), data.end());
    put({GS, '(', 'k', 3, 0, '1', 'Q', '0'});  // fn 181: print
    return *this;
}

CommandWriter& CommandWriter::raw(const Bytes& b) {
    bytes_.insert(bytes_.end(), b.begin(), b.end());
    return *this;
}

Bytes statusRequest(int n) {
    return {DLE, EOT, u8(n)};
}
Bytes paperSensorRequest() {
    return {GS, 'r', 1};
}

}  // namespace dvc::escpos
