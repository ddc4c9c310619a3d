#include "frame_luma.h"

#include <stb_image.h>

#include <cstring>
#include <memory>

namespace dvc {

namespace {
bool fits(std::span<const std::uint8_t> data, int width, int height, int bytesPerLine,
          int minLine) {
    return width > 0 && height > 0 && bytesPerLine >= minLine &&
           data.size() >=
               static_cast<std::size_t>(bytesPerLine) * static_cast<std::size_t>(height - 1) +
                   static_cast<std::size_t>(minLine);
}
}  // namespace

LumaFrame lumaFromYuyv(std::span<const std::uint8_t> data, int width, int height,
                       int bytesPerLine) {
    LumaFrame frame;
    if (!fits(data, width, height, bytesPerLine, 2 * width)) return frame;
    frame.width = width;
    frame.height = height;
    frame.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row =
            data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(bytesPerLine);
        std::uint8_t* out =
            frame.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = 0; x < width; ++x) out[x] = row[2 * x];
    }
    return frame;
}

LumaFrame lumaFromGrey(std::span<const std::uint8_t> data, int width, int height,
                       int bytesPerLine) {
    LumaFrame frame;
    if (!fits(data, width, height, bytesPerLine, width)) return frame;
    frame.width = width;
    frame.height = height;
    frame.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y)
        std::memcpy(
            frame.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width),
            data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(bytesPerLine),
            static_cast<std::size_t>(width));
    return frame;
}

LumaFrame lumaFromJpeg(std::span<const std::uint8_t> data) {
    LumaFrame frame;
    if (data.empty() || data.size() > static_cast<std::size_t>(INT32_MAX)) return frame;
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data.data(), static_cast<int>(data.size()), &w, &h, &channels, 1),
        stbi_image_free);
    if (!pixels) return frame;
    frame.width = w;
    frame.height = h;
    frame.pixels.assign(pixels.get(),
                        pixels.get() + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    return frame;
}

}  // namespace dvc
