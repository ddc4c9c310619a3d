#include "paper_png.h"

#include <stb_image_write.h>

#include <vector>

namespace dvc::sim {

bool writePaperPng(const MonoBitmap& paper, const std::filesystem::path& file, int margin) {
    int w = paper.width() + 2 * margin, h = std::max(paper.height(), 1) + 2 * margin;
    std::vector<unsigned char> grey(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 255);
    for (int y = 0; y < paper.height(); ++y)
        for (int x = 0; x < paper.width(); ++x)
            if (paper.dot(x, y))
                grey[static_cast<std::size_t>(y + margin) * static_cast<std::size_t>(w) +
                     static_cast<std::size_t>(x + margin)] = 0;
    auto tmp = file;
    tmp += ".part";
    if (!stbi_write_png(tmp.c_str(), w, h, 1, grey.data(), w)) return false;
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);  // readers never see half a file
    return !ec;
}

}  // namespace dvc::sim
