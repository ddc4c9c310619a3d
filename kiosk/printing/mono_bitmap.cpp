#include "printing/mono_bitmap.h"

#include <algorithm>
#include <bit>

namespace dvc {

MonoBitmap::MonoBitmap(int width, int height)
    : width_(std::max(width, 0)),
      height_(std::max(height, 0)),
      bits_(static_cast<std::size_t>(rowBytes()) * static_cast<std::size_t>(height_), 0) {}

bool MonoBitmap::dot(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    auto byte = bits_[static_cast<std::size_t>(y) * static_cast<std::size_t>(rowBytes()) +
                      static_cast<std::size_t>(x / 8)];
    return (byte & (0x80 >> (x % 8))) != 0;
}

void MonoBitmap::setDot(int x, int y, bool black) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
    auto& byte = bits_[static_cast<std::size_t>(y) * static_cast<std::size_t>(rowBytes()) +
                       static_cast<std::size_t>(x / 8)];
    auto mask = static_cast<std::uint8_t>(0x80 >> (x % 8));
    byte = black ? static_cast<std::uint8_t>(byte | mask) : static_cast<std::uint8_t>(byte & ~mask);
}

void MonoBitmap::fillRect(int x, int y, int w, int h) {
    for (int yy = std::max(y, 0); yy < std::min(y + h, height_); ++yy)
        for (int xx = std::max(x, 0); xx < std::min(x + w, width_); ++xx) setDot(xx, yy);
}

void MonoBitmap::blit(const MonoBitmap& src, int x, int y) {
    for (int sy = 0; sy < src.height(); ++sy) {
        int dy = y + sy;
        if (dy < 0 || dy >= height_) continue;
        for (int sx = 0; sx < src.width(); ++sx)
            if (src.dot(sx, sy)) setDot(x + sx, dy);
    }
}

void MonoBitmap::growTo(int height) {
    if (height <= height_) return;
    height_ = height;
    bits_.resize(static_cast<std::size_t>(rowBytes()) * static_cast<std::size_t>(height_), 0);
}

MonoBitmap MonoBitmap::rows(int top, int count) const {
    top = std::clamp(top, 0, height_);
    count = std::clamp(count, 0, height_ - top);
    MonoBitmap out(width_, count);
    auto rb = static_cast<std::size_t>(rowBytes());
    std::copy_n(bits_.begin() + static_cast<std::ptrdiff_t>(rb * static_cast<std::size_t>(top)),
                rb * static_cast<std::size_t>(count), out.bits_.begin());
    return out;
}

long long MonoBitmap::blackDots() const {
    long long n = 0;
    for (auto b : bits_) n += std::popcount(static_cast<unsigned>(b));
    return n;
}

}  // namespace dvc
