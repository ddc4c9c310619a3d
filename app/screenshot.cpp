#include "screenshot.h"

#include <SDL_opengl.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace dvc::app {

bool writeScreenshot(const std::filesystem::path& file, int width, int height) {
    if (width <= 0 || height <= 0) return false;
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(stride * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's rows run bottom-up; PNG's top-down.
    std::vector<std::uint8_t> row(stride);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = pixels.data() + static_cast<std::size_t>(y) * stride;
        std::uint8_t* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * stride;
        std::memcpy(row.data(), a, stride);
        std::memcpy(a, b, stride);
        std::memcpy(b, row.data(), stride);
    }
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    return stbi_write_png(file.c_str(), width, height, 4, pixels.data(),
                          static_cast<int>(stride)) != 0;
}

std::array<std::uint8_t, 4> readPixel(int x, int y, int height) {
    std::array<std::uint8_t, 4> px{};
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, height - 1 - y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    return px;
}

}  // namespace dvc::app
