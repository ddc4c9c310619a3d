#pragma once
#include <cstdint>
#include <vector>

namespace dvc {

// A 1-bit image as ESC/POS raster commands carry it: rows of (width + 7) / 8 bytes, the most
// significant bit is the leftmost dot, 1 = black (burnt) dot.
class MonoBitmap {
  public:
    MonoBitmap() = default;
    MonoBitmap(int width, int height);

    int width() const { return width_; }
    int height() const { return height_; }
    int rowBytes() const { return (width_ + 7) / 8; }
    bool empty() const { return width_ == 0 || height_ == 0; }
    const std::vector<std::uint8_t>& bytes() const { return bits_; }
    std::vector<std::uint8_t>& bytes() { return bits_; }

    bool dot(int x, int y) const;
    void setDot(int x, int y, bool black = true);  // out of range: ignored
    void fillRect(int x, int y, int w, int h);
    // ORs src into this bitmap with its top-left corner at (x, y), clipped.
    void blit(const MonoBitmap& src, int x, int y);
    // Grows the height (new rows white).
    void growTo(int height);
    // Rows [top, top + rows) as a new bitmap (clipped).
    MonoBitmap rows(int top, int rows) const;
    // Number of black dots (tests, statistics).
    long long blackDots() const;

  private:
    int width_ = 0;
    int height_ = 0;
    std::vector<std::uint8_t> bits_;
};

}  // namespace dvc
