#include "printing/text_rasterizer.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "common/utf8.h"

namespace dvc {

namespace fs = std::filesystem;

namespace {

// Coverage at or above this (of 255) burns a dot. Below one half, so the thin strokes of
// small text and the tone marks keep at least one dot instead of breaking up.
constexpr int kInkThreshold = 100;

struct Face {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};
    int ascent = 0, descent = 0, lineGap = 0;
};

Result<Face, std::string> loadFace(const fs::path& file) {
    Face face;
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail("cannot read font " + file.string());
    face.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    int offset = stbtt_GetFontOffsetForIndex(face.data.data(), 0);
    if (face.data.empty() || offset < 0 || !stbtt_InitFont(&face.info, face.data.data(), offset))
        return fail("not a TrueType font: " + file.string());
    stbtt_GetFontVMetrics(&face.info, &face.ascent, &face.descent, &face.lineGap);
    return face;
}

}  // namespace

struct TextRasterizer::Impl {
    Face regular, bold;
    const Face& face(bool b) const { return b ? bold : regular; }
};

std::u32string decodeUtf8(std::string_view s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
        for (int k = 1; ok && k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (cc & 0x3F);
        }
        if (!ok || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::vector<fs::path> defaultPrintFontDirs(const fs::path& assetsDir) {
    std::vector<fs::path> dirs;
    if (!assetsDir.empty()) dirs.push_back(assetsDir / "fonts");
    dirs.emplace_back("/usr/share/fonts/truetype/noto");
    return dirs;
}

Result<FontFiles, std::string> findNotoFonts(const std::vector<fs::path>& dirs) {
    std::error_code ec;
    for (const auto& dir : dirs) {
        FontFiles f{dir / "NotoSans-Regular.ttf", dir / "NotoSans-Bold.ttf"};
        if (fs::is_regular_file(f.regular, ec) && fs::is_regular_file(f.bold, ec)) return f;
    }
    return fail(std::string(
        "Noto Sans (NotoSans-Regular.ttf, NotoSans-Bold.ttf) not found; install fonts-noto-core"));
}

Result<TextRasterizer, std::string> TextRasterizer::load(const FontFiles& files) {
    auto regular = loadFace(files.regular);
    if (!regular) return fail(regular.error());
    auto bold = loadFace(files.bold);
    if (!bold) return fail(bold.error());
    auto impl = std::make_shared<Impl>();
    impl->regular = std::move(regular).value();
    impl->bold = std::move(bold).value();
    // stbtt_fontinfo points into data; re-init after the move to be safe.
    for (Face* f : {&impl->regular, &impl->bold})
        stbtt_InitFont(&f->info, f->data.data(), stbtt_GetFontOffsetForIndex(f->data.data(), 0));
    return TextRasterizer(std::move(impl));
}

Result<TextRasterizer, std::string> TextRasterizer::loadDefault() {
    auto files = findNotoFonts(defaultPrintFontDirs());
    if (!files) return fail(files.error());
    return load(*files);
}

int TextRasterizer::pixelHeight(TextSize size, int widthDots) {
    int base = 0;
    switch (size) {
        case TextSize::Small:
            base = 22;
            break;
        case TextSize::Normal:
            base = 27;
            break;
        case TextSize::Large:
            base = 38;
            break;
        case TextSize::Huge:
            base = 120;
            break;
    }
    return std::max(8, base * std::max(widthDots, 128) / 384);
}

int TextRasterizer::measure(std::string_view text, int px, bool bold) const {
    const auto& face = impl_->face(bold);
    float scale = stbtt_ScaleForPixelHeight(&face.info, static_cast<float>(px));
    auto cps = decodeUtf8(text);
    float pen = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        int advance = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&face.info, static_cast<int>(cps[i]), &advance, &lsb);
        pen += static_cast<float>(advance) * scale;
        if (i + 1 < cps.size())
            pen += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(
                               &face.info, static_cast<int>(cps[i]), static_cast<int>(cps[i + 1])));
        pen = std::round(pen);  // whole-dot pen positions, as renderLine places glyphs
    }
    return static_cast<int>(pen);
}

std::vector<std::string> TextRasterizer::wrap(std::string_view text, int px, bool bold,
                                              int maxWidth) const {
    std::vector<std::string> lines;
    std::string line;
    auto flushWordPieces = [&](std::string word) {
        // A word wider than the line is cut between code points.
        while (measure(word, px, bold) > maxWidth) {
            std::string head;
            std::size_t i = 0;
            while (i < word.size()) {
                auto cp = firstCodepoint(std::string_view(word).substr(i));
                if (!head.empty() && measure(head + std::string(cp), px, bold) > maxWidth) break;
                head += cp;
                i += cp.size();
            }
            lines.push_back(head);
            word.erase(0, head.size());
        }
        return word;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string word(text.substr(pos, end - pos));
        pos = end + 1;
        if (word.empty()) {
            if (!line.empty()) line += ' ';  // keep deliberate double spaces inside a line
            continue;
        }
        std::string candidate = line.empty() ? word : line + ' ' + word;
        if (measure(candidate, px, bold) <= maxWidth) {
            line = std::move(candidate);
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line = flushWordPieces(std::move(word));
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

MonoBitmap TextRasterizer::renderLine(std::string_view text, int px, bool bold, int width,
                                      Align align) const {
    const auto& face = impl_->face(bold);
    float scale = stbtt_ScaleForPixelHeight(&face.info, static_cast<float>(px));
    // Vietnamese capitals with stacked marks (Ẳ, Ổ) rise above the font's ascent: the line
    // reserves room for the tallest of them so no tone mark is cut.
    int stackTop = 0, unused = 0;
    stbtt_GetCodepointBitmapBox(&face.info, 0x1EB2, scale, scale, &unused, &stackTop, &unused,
                                &unused);
    int baseline = std::max(static_cast<int>(std::lround(static_cast<float>(face.ascent) * scale)),
                            -stackTop) +
                   1;
    int height = baseline + static_cast<int>(
                                std::ceil(static_cast<float>(face.lineGap - face.descent) * scale));
    MonoBitmap out(width, height);
    int textWidth = measure(text, px, bold);
    int x0 = align == Align::Left     ? 0
             : align == Align::Center ? (width - textWidth) / 2
                                      : width - textWidth;
    x0 = std::max(x0, 0);

    // Coverage of the whole line, then one threshold: overlapping glyph edges (tone marks over
    // vowels) add up instead of each being cut separately.
    std::vector<std::uint8_t> coverage(
        static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
    auto cps = decodeUtf8(text);
    float pen = 0;
    std::vector<unsigned char> glyph;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        int cp = static_cast<int>(cps[i]);
        int ix0 = 0, iy0 = 0, ix1 = 0, iy1 = 0;
        stbtt_GetCodepointBitmapBox(&face.info, cp, scale, scale, &ix0, &iy0, &ix1, &iy1);
        int gw = ix1 - ix0, gh = iy1 - iy0;
        int gx = x0 + static_cast<int>(pen) + ix0, gy = baseline + iy0;
        if (gw > 0 && gh > 0) {
            glyph.assign(static_cast<std::size_t>(gw) * static_cast<std::size_t>(gh), 0);
            stbtt_MakeCodepointBitmap(&face.info, glyph.data(), gw, gh, gw, scale, scale, cp);
            for (int y = 0; y < gh; ++y) {
                int dy = gy + y;
                if (dy < 0 || dy >= height) continue;
                for (int x = 0; x < gw; ++x) {
                    int dx = gx + x;
                    if (dx < 0 || dx >= width) continue;
                    auto& c =
                        coverage[static_cast<std::size_t>(dy) * static_cast<std::size_t>(width) +
                                 static_cast<std::size_t>(dx)];
                    c = static_cast<std::uint8_t>(std::min(
                        255, c + glyph[static_cast<std::size_t>(y) * static_cast<std::size_t>(gw) +
                                       static_cast<std::size_t>(x)]));
                }
            }
        }
        int advance = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&face.info, cp, &advance, &lsb);
        pen += static_cast<float>(advance) * scale;
        if (i + 1 < cps.size())
            pen += scale * static_cast<float>(stbtt_GetCodepointKernAdvance(
                               &face.info, cp, static_cast<int>(cps[i + 1])));
        pen = std::round(pen);  // stems start on whole dots: crisper than fractional positions
    }
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                         static_cast<std::size_t>(x)] >= kInkThreshold)
                out.setDot(x, y);
    return out;
}

MonoBitmap TextRasterizer::renderBlock(const TextBlock& block, int widthDots) const {
    int px = pixelHeight(block.size, widthDots);
    std::vector<MonoBitmap> lines;
    int total = 0;
    for (const auto& line : wrap(block.text, px, block.bold, widthDots)) {
        lines.push_back(renderLine(line, px, block.bold, widthDots, block.align));
        total += lines.back().height();
    }
    MonoBitmap out(widthDots, total);
    int y = 0;
    for (const auto& l : lines) {
        out.blit(l, 0, y);
        y += l.height();
    }
    return out;
}

}  // namespace dvc
