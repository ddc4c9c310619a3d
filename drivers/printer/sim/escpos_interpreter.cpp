#include "escpos_interpreter.h"

#include <algorithm>
#include <cstdio>

#include "../escpos_status.h"
#include "../qr_raster.h"

namespace dvc::sim {

namespace {
constexpr std::uint8_t LF = 0x0A, DLE = 0x10, ESC = 0x1B, GS = 0x1D;
constexpr int kLineSpacing = 30;                   // ESC 2 default: 1/6 inch at 180 dpi
constexpr int kCellWidth = 12, kCellHeight = 24;   // font A
constexpr std::size_t kMaxRasterBytes = 4u << 20;  // larger images are refused, not drawn
constexpr std::size_t kMaxDiagnostics = 100;
}  // namespace

EscPosInterpreter::EscPosInterpreter(int widthDots, std::optional<TextRasterizer> font)
    : width_(std::clamp(widthDots, 8, 4096)), font_(std::move(font)), paper_(width_, 0) {}

void EscPosInterpreter::note(std::string message) {
    if (diagnostics_.size() < kMaxDiagnostics) diagnostics_.push_back(std::move(message));
}

void EscPosInterpreter::resetModes() {
    align_ = 0;
    bold_ = false;
    charWidth_ = charHeight_ = 1;
    line_.clear();
}

void EscPosInterpreter::advance(int dots) {
    cursorY_ += std::max(dots, 0);
    paper_.growTo(cursorY_);
}

void EscPosInterpreter::place(const MonoBitmap& image) {
    int spare = std::max(width_ - image.width(), 0);
    int x = align_ == 0 ? 0 : align_ == 1 ? spare / 2 : spare;
    paper_.growTo(cursorY_ + image.height());
    paper_.blit(image, x, cursorY_);
    cursorY_ += image.height();
}

void EscPosInterpreter::flushLine(bool feedEmpty) {
    if (line_.empty()) {
        if (feedEmpty) advance(kLineSpacing);
        return;
    }
    int cw = kCellWidth * charWidth_, ch = kCellHeight * charHeight_;
    int chars = std::min(static_cast<int>(line_.size()), std::max(width_ / cw, 1));
    MonoBitmap row(chars * cw, ch);
    for (int i = 0; i < chars; ++i) {
        std::string c(1, line_[static_cast<std::size_t>(i)]);
        if (c == " ") continue;
        if (font_) {
            auto glyph = font_->renderLine(c, kCellHeight, bold_, kCellWidth, Align::Center);
            // Magnify the font A cell by the GS ! factors, dot by dot as the printer does.
            for (int y = 0; y < glyph.height() && y < kCellHeight; ++y)
                for (int x = 0; x < glyph.width(); ++x)
                    if (glyph.dot(x, y))
                        row.fillRect(i * cw + x * charWidth_, y * charHeight_, charWidth_,
                                     charHeight_);
        } else {
            row.fillRect(i * cw + 1, 2, cw - 2, ch - 4);
        }
    }
    line_.clear();
    place(row);
    advance(std::max(kLineSpacing - ch, 6));
}

std::vector<std::uint8_t> EscPosInterpreter::feed(const std::uint8_t* data, std::size_t size) {
    buffer_.insert(buffer_.end(), data, data + size);
    std::size_t pos = 0;
    while (pos < buffer_.size()) {
        std::size_t used = step(pos);
        if (used == 0) break;  // incomplete: wait for more bytes
        pos += used;
    }
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos));
    streamOffset_ += pos;
    return std::exchange(replies_, {});
}

std::size_t EscPosInterpreter::step(std::size_t pos) {
    std::uint8_t b = buffer_[pos];
    std::size_t avail = buffer_.size() - pos;
    if (b == DLE) {
        if (avail < 3) return 0;
        if (buffer_[pos + 1] == 0x04) {
            int n = buffer_[pos + 2];
            if (n >= 1 && n <= 4)
                replies_.push_back(escpos::statusReply(status_, n));
            else
                note("DLE EOT with unsupported n=" + std::to_string(n));
            return 3;
        }
        note("unsupported DLE command at " + std::to_string(streamOffset_ + pos));
        return 1;
    }
    if (b == ESC) return avail < 2 ? 0 : escape(pos);
    if (b == GS) return avail < 2 ? 0 : groupSeparator(pos);
    if (!printing()) {
        ++discarded_;
        return 1;
    }
    if (b == LF)
        flushLine(true);
    else if (b >= 0x20 && b < 0x7F)
        line_.push_back(static_cast<char>(b));
    else if (b >= 0x80)
        line_.push_back('?');  // no code page: the reason receipts use raster
    return 1;
}

std::size_t EscPosInterpreter::escape(std::size_t pos) {
    std::uint8_t c = buffer_[pos + 1];
    std::size_t avail = buffer_.size() - pos;
    auto arg = [&]() { return static_cast<int>(buffer_[pos + 2]); };
    switch (c) {
        case '@':
            resetModes();
            return 2;
        case '2':
            return 2;
        case 'a':
        case 'E':
        case '!':
        case 'd':
        case 'J':
        case 't':
        case 'R':
        case '-':
        case 'M':
        case '3':
        case 'G':
        case 'V':
        case 'r':
        case '{':
        case 'U':
        case 'c':
            break;
        case 'p':
            return avail < 5 ? 0 : 5;  // drawer kick
        default:
            note("unknown command ESC 0x" +
                 [&] {
                     char h[4];
                     std::snprintf(h, sizeof h, "%02X", c);
                     return std::string(h);
                 }() +
                 " at " + std::to_string(streamOffset_ + pos));
            return 2;
    }
    if (avail < 3) return 0;
    if (!printing() && (c == 'd' || c == 'J')) {
        discarded_ += 3;
        return 3;
    }
    switch (c) {
        case 'a':
            align_ = std::clamp(arg() % 48, 0, 2);
            break;  // 0..2 or '0'..'2'
        case 'E':
            bold_ = (arg() & 1) != 0;
            break;
        case '!':
            bold_ = (arg() & 0x08) != 0;
            charHeight_ = (arg() & 0x10) ? 2 : 1;
            charWidth_ = (arg() & 0x20) ? 2 : 1;
            break;
        case 'd':
            flushLine(false);
            advance(arg() * kLineSpacing);
            break;
        case 'J':
            flushLine(false);
            advance(arg());
            break;
        default:
            break;  // accepted, no effect on the drawing
    }
    return 3;
}

std::size_t EscPosInterpreter::groupSeparator(std::size_t pos) {
    std::uint8_t c = buffer_[pos + 1];
    std::size_t avail = buffer_.size() - pos;
    switch (c) {
        case '!': {
            if (avail < 3) return 0;
            int n = buffer_[pos + 2];
            charWidth_ = ((n >> 4) & 7) + 1;
            charHeight_ = (n & 7) + 1;
            return 3;
        }
        case 'r': {
            if (avail < 3) return 0;
            int n = buffer_[pos + 2];
            replies_.push_back(n == 1 || n == 49 ? escpos::paperSensorReply(status_) : 0);
            return 3;
        }
        case 'a':
        case 'B':
        case 'H':
        case 'f':
        case 'h':
        case 'w':
            return avail < 3 ? 0 : 3;
        case 'L':
        case 'W':
            return avail < 4 ? 0 : 4;
        case 'V': {
            if (avail < 3) return 0;
            int m = buffer_[pos + 2];
            std::size_t len = (m == 65 || m == 66) ? 4 : 3;
            if (avail < len) return 0;
            if (!printing()) {
                discarded_ += len;
                return len;
            }
            flushLine(false);
            bool partial = m == 1 || m == 49 || m == 66;
            ++cuts_;
            if (partial) ++partialCuts_;
            // The cut page leaves the printer: keep memory flat on a long-running simulator.
            if (cursorY_ > 0) cutPages_.push_back(paper_.rows(0, cursorY_));
            paper_ = MonoBitmap(width_, 0);
            cursorY_ = 0;
            return len;
        }
        case 'v': {
            if (avail < 8) return 0;
            if (buffer_[pos + 2] != '0') {
                note("GS v with unsupported function at " + std::to_string(streamOffset_ + pos));
                return 3;
            }
            std::size_t xBytes = buffer_[pos + 4] | (buffer_[pos + 5] << 8);
            std::size_t rows = buffer_[pos + 6] | (buffer_[pos + 7] << 8);
            std::size_t data = xBytes * rows;
            if (data > kMaxRasterBytes) {
                note("GS v 0 image too large (" + std::to_string(data) +
                     " bytes); rest of the stream dropped");
                discarded_ += avail;
                return avail;
            }
            if (avail < 8 + data) return 0;
            if (!printing()) {
                discarded_ += 8 + data;
                return 8 + data;
            }
            flushLine(false);
            if (static_cast<int>(xBytes * 8) > width_)
                note("GS v 0 image wider than the paper (" + std::to_string(xBytes * 8) +
                     " dots); clipped");
            MonoBitmap image(static_cast<int>(xBytes * 8), static_cast<int>(rows));
            std::copy_n(buffer_.begin() + static_cast<std::ptrdiff_t>(pos + 8), data,
                        image.bytes().begin());
            place(image);
            return 8 + data;
        }
        case '(': {
            if (avail < 5) return 0;
            std::size_t length = buffer_[pos + 3] | (buffer_[pos + 4] << 8);
            if (avail < 5 + length) return 0;
            if (buffer_[pos + 2] == 'k') return qrFunction(pos, length);
            return 5 + length;  // other GS ( functions: accepted, ignored
        }
        default: {
            char h[4];
            std::snprintf(h, sizeof h, "%02X", c);
            note(std::string("unknown command GS 0x") + h + " at " +
                 std::to_string(streamOffset_ + pos));
            return 2;
        }
    }
}

std::size_t EscPosInterpreter::qrFunction(std::size_t pos, std::size_t length) {
    std::size_t total = 5 + length;
    if (length < 2 || buffer_[pos + 5] != '1') return total;  // cn 49 = QR code
    int fn = buffer_[pos + 6];
    const std::uint8_t* params = buffer_.data() + pos + 7;
    std::size_t paramLength = length - 2;
    switch (fn) {
        case 'C':  // module size
            if (paramLength >= 1) qrModule_ = std::clamp(static_cast<int>(params[0]), 1, 16);
            break;
        case 'P':  // store: m = '0', then the data
            if (paramLength >= 1) qrData_.assign(params + 1, params + paramLength);
            break;
        case 'Q': {  // print the stored symbol
            if (!printing()) {
                discarded_ += total;
                break;
            }
            flushLine(false);
            auto image = escpos::qrBitmap(qrData_, qrModule_);
            if (!image) {
                note("GS ( k print: " + image.error());
                break;
            }
            qrPrinted_.push_back(qrData_);
            place(*image);
            break;
        }
        default:
            break;  // model, error correction, size query: nothing to draw
    }
    return total;
}

std::vector<MonoBitmap> EscPosInterpreter::takeCutPages() {
    return std::exchange(cutPages_, {});
}

MonoBitmap EscPosInterpreter::uncutPaper() const {
    return paper_.rows(0, cursorY_);
}

MonoBitmap EscPosInterpreter::takeUncutPaper() {
    auto out = uncutPaper();
    paper_ = MonoBitmap(width_, 0);
    cursorY_ = 0;
    return out;
}

}  // namespace dvc::sim
