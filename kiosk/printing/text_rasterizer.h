#pragma once
// Vietnamese text → 1-bit images the width of the paper, with the same Noto Sans the screen
// uses. Most receipt printers have no Vietnamese code page, so receipts print text as raster
// (docs/printing.md). Immutable after load: safe to share between threads.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "printing/mono_bitmap.h"
#include "printing/print_document.h"

namespace dvc {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// assets/fonts (when given) then /usr/share/fonts/truetype/noto, as the screen looks them up.
std::vector<std::filesystem::path> defaultPrintFontDirs(
    const std::filesystem::path& assetsDir = {});
// NotoSans-Regular.ttf and NotoSans-Bold.ttf in the first directory that has them.
Result<FontFiles, std::string> findNotoFonts(const std::vector<std::filesystem::path>& dirs);

class TextRasterizer {
  public:
    static Result<TextRasterizer, std::string> load(const FontFiles& files);
    // Loads the default Noto fonts.
    static Result<TextRasterizer, std::string> loadDefault();

    // Pixel height (ascent to descent) of a size on paper `widthDots` wide (384 or 576).
    static int pixelHeight(TextSize size, int widthDots);

    int measure(std::string_view text, int pixelHeight, bool bold) const;
    // Greedy word wrap; a word longer than the line is split between code points.
    std::vector<std::string> wrap(std::string_view text, int pixelHeight, bool bold,
                                  int maxWidth) const;
    // One line of text, `width` dots wide, aligned; height is the font's line height.
    MonoBitmap renderLine(std::string_view text, int pixelHeight, bool bold, int width,
                          Align align) const;
    // A whole block: wrapped lines stacked.
    MonoBitmap renderBlock(const TextBlock& block, int widthDots) const;

  private:
    struct Impl;
    explicit TextRasterizer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

// Decodes UTF-8; invalid bytes become U+FFFD.
std::u32string decodeUtf8(std::string_view text);

}  // namespace dvc
