#pragma once
#include <filesystem>
#include <string>
#include <vector>

struct ImFont;

namespace dvc::ui {

// The kiosk's type scale (design px at a 1080 px short side): everything is Noto Sans, which
// has every precomposed Vietnamese letter; text must be NFC because ImGui does no shaping.
enum class FontRole {
    Small,      // 28 regular: footers, timeline details
    Body,       // 34 regular: instructions, values
    BodyBold,   // 34 bold: labels
    Button,     // 42 bold: buttons, tile titles, keypad
    Title,      // 56 bold: screen titles, the dossier code being typed
    Display,    // 112 bold, ASCII only: the countdown number
};

class Fonts {
public:
    // Builds the atlas for a window whose short side is 1080 * unit px. Looks for
    // NotoSans-Regular.ttf and NotoSans-Bold.ttf in each folder of `searchDirs` in turn.
    // Must be called with an ImGui context current and before the renderer builds its texture.
    bool build(float unit, const std::vector<std::filesystem::path>& searchDirs, std::string& error);
    ImFont* get(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    float size(FontRole role) const;
    float unit() const { return unit_; }

private:
    ImFont* fonts_[6] = {};
    float unit_ = 1.0f;
};

// The folders fonts are looked up in: the assets' fonts folder, then Debian's fonts-noto-core.
std::vector<std::filesystem::path> defaultFontDirs(const std::filesystem::path& assetsDir);

}  // namespace dvc::ui
