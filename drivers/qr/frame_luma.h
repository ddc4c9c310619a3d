#pragma once
// Camera frames to the 8-bit greyscale ZXing decodes. QR decoding needs only luminance, so
// YUYV keeps every other byte and MJPEG is decoded straight to one channel.
#include <cstdint>
#include <span>
#include <vector>

namespace dvc {

struct LumaFrame {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width × height, no padding
};

// YUYV 4:2:2 (Y0 U Y1 V): bytesPerLine ≥ 2 × width. Empty frame if the buffer is too short.
LumaFrame lumaFromYuyv(std::span<const std::uint8_t> data, int width, int height, int bytesPerLine);
// 8-bit grey (V4L2_PIX_FMT_GREY) with row padding removed.
LumaFrame lumaFromGrey(std::span<const std::uint8_t> data, int width, int height, int bytesPerLine);
// A Motion-JPEG frame; empty on a corrupt frame (cameras do send those).
LumaFrame lumaFromJpeg(std::span<const std::uint8_t> data);

}  // namespace dvc
