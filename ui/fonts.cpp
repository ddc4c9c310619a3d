#include "fonts.h"

#include <imgui.h>

namespace dvc::ui {

namespace {

constexpr float kDesignSize[6] = {28, 34, 34, 42, 56, 112};

std::filesystem::path findFont(const std::vector<std::filesystem::path>& dirs,
                               const char* fileName) {
    for (const auto& dir : dirs) {
        std::error_code ec;
        auto candidate = dir / fileName;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    }
    return {};
}

}  // namespace

std::vector<std::filesystem::path> defaultFontDirs(const std::filesystem::path& assetsDir) {
    std::vector<std::filesystem::path> dirs;
    if (!assetsDir.empty()) dirs.push_back(assetsDir / "fonts");
    dirs.emplace_back("/usr/share/fonts/truetype/noto");
    return dirs;
}

float Fonts::size(FontRole role) const { return kDesignSize[static_cast<int>(role)] * unit_; }

bool Fonts::build(float unit, const std::vector<std::filesystem::path>& searchDirs,
                  std::string& error) {
    unit_ = unit;
    auto regular = findFont(searchDirs, "NotoSans-Regular.ttf");
    auto bold = findFont(searchDirs, "NotoSans-Bold.ttf");
    if (regular.empty() || bold.empty()) {
        error = "Noto Sans (NotoSans-Regular.ttf, NotoSans-Bold.ttf) not found; install "
                "fonts-noto-core";
        return false;
    }

    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();

    // Latin + Vietnamese, plus General Punctuation (– — “ ” … •) and the đồng sign ₫, which
    // GetGlyphRangesVietnamese() lacks. The builder keeps the ranges alive in a static vector:
    // ImGui reads them again when the atlas is rebuilt.
    static ImVector<ImWchar> textRanges;
    if (textRanges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(atlas->GetGlyphRangesVietnamese());
        for (ImWchar c = 0x2000; c <= 0x206F; ++c) builder.AddChar(c);
        builder.AddChar(0x20AB);
        builder.BuildRanges(&textRanges);
    }
    static const ImWchar asciiRanges[] = {0x0020, 0x007E, 0};

    auto add = [&](const std::filesystem::path& file, FontRole role, const ImWchar* ranges) {
        ImFontConfig cfg;
        // Large sizes need no horizontal oversampling; it only triples atlas time and memory.
        cfg.OversampleH = size(role) > 40 ? 1 : 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), size(role), &cfg, ranges);
        fonts_[static_cast<int>(role)] = font;
        return font != nullptr;
    };
    bool ok = add(regular, FontRole::Body, textRanges.Data)  // first = ImGui's default font
              && add(regular, FontRole::Small, textRanges.Data) &&
              add(bold, FontRole::BodyBold, textRanges.Data) &&
              add(bold, FontRole::Button, textRanges.Data) &&
              add(bold, FontRole::Title, textRanges.Data) &&
              add(bold, FontRole::Display, asciiRanges);
    if (!ok || !atlas->Build()) {
        error = "cannot build the font atlas from " + regular.string();
        return false;
    }
    return true;
}

}  // namespace dvc::ui
