#include <catch2/catch.hpp>

#include "support.h"

using namespace dvc;

TEST_CASE("text rasterizer: Vietnamese line to 1-bit at the paper width") {
    const auto& r = test::noto();
    for (int width : {384, 576}) {
        int px = TextRasterizer::pixelHeight(TextSize::Normal, width);
        auto line = r.renderLine("Ẳ Ổ Ự đăng ký", px, false, width, Align::Left);
        CHECK(line.width() == width);
        CHECK(line.height() >= px);
        CHECK(line.blackDots() > 100);
        // Stacked tone marks stay inside the line: the top row is blank, ink starts below it.
        bool topRowBlank = true;
        for (int x = 0; x < width; ++x) topRowBlank &= !line.dot(x, 0);
        CHECK(topRowBlank);
    }
}

TEST_CASE("text rasterizer: bold is darker, alignment moves the ink") {
    const auto& r = test::noto();
    auto regular = r.renderLine("Quầy 3", 27, false, 384, Align::Left);
    auto bold = r.renderLine("Quầy 3", 27, true, 384, Align::Left);
    CHECK(bold.blackDots() > regular.blackDots());
    auto right = r.renderLine("Quầy 3", 27, false, 384, Align::Right);
    auto firstInk = [](const MonoBitmap& b) {
        for (int x = 0; x < b.width(); ++x)
            for (int y = 0; y < b.height(); ++y)
                if (b.dot(x, y)) return x;
        return -1;
    };
    CHECK(firstInk(regular) < 10);
    CHECK(firstInk(right) > 200);
}

TEST_CASE("text rasterizer: wraps long text within the width") {
    const auto& r = test::noto();
    std::string text = "Trung tâm Phục vụ hành chính công tỉnh Hà Giang – Bộ phận một cửa";
    auto lines = r.wrap(text, 27, false, 384);
    REQUIRE(lines.size() >= 2);
    for (const auto& l : lines) CHECK(r.measure(l, 27, false) <= 384);
    std::string joined;
    for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
    CHECK(joined == text);
    auto longWord = r.wrap(std::string(80, 'W'), 27, false, 384);
    CHECK(longWord.size() >= 3);
    auto block = r.renderBlock(TextBlock{text, TextSize::Normal, false, Align::Left}, 384);
    CHECK(block.height() >= static_cast<int>(lines.size()) * 27);
}

TEST_CASE("text rasterizer: missing fonts and bad UTF-8 are errors or replacement, not crashes") {
    auto missing = findNotoFonts({"/nonexistent"});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find("fonts-noto-core") != std::string::npos);
    CHECK_FALSE(TextRasterizer::load({"/nonexistent/a.ttf", "/nonexistent/b.ttf"}).ok());
    CHECK_FALSE(TextRasterizer::load({"/etc/hostname", "/etc/hostname"}).ok());
    auto cps = decodeUtf8("a\xC3\x28\xE1\xBA");
    REQUIRE(cps.size() == 5);  // a, bad lead byte, '(', then the truncated sequence's two bytes
    CHECK(cps[1] == U'\uFFFD');
    CHECK(cps[2] == U'(');
    auto line = test::noto().renderLine("\xFF\xFE", 27, false, 384, Align::Center);
    CHECK(line.width() == 384);
}
