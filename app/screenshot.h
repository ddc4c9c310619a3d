#pragma once
#include <array>
#include <cstdint>
#include <filesystem>

namespace dvc::app {

// Reads the GL back buffer (call after drawing, before the swap) and writes it as a PNG.
bool writeScreenshot(const std::filesystem::path& file, int width, int height);
// One pixel of the back buffer, RGBA; (x, y) from the top-left like window coordinates.
std::array<std::uint8_t, 4> readPixel(int x, int y, int height);

}  // namespace dvc::app
