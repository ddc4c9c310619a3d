#include "widgets/qr_image.h"

#include <SDL_opengl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "qr_codec.h"

namespace dvc::ui {

namespace {
GLuint texture = 0;
std::string shownText;
constexpr int kPixels = 512;  // rendered once; drawn scaled with nearest filtering
}  // namespace

void releaseQrImage() {
    if (texture) glDeleteTextures(1, &texture);
    texture = 0;
    shownText.clear();
}

void drawQrImage(const UiContext& ui, const std::string& text, Rect r) {
    if (text.empty()) return releaseQrImage();
    if (!texture || text != shownText) {
        releaseQrImage();
        LumaFrame frame = renderQrLuma(text, kPixels);
        if (frame.width <= 0 || frame.pixels.empty()) return;
        std::vector<std::uint8_t> rgb(frame.pixels.size() * 3);
        for (std::size_t i = 0; i < frame.pixels.size(); ++i)
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = frame.pixels[i];
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, frame.width, frame.height, 0, GL_RGB,
                     GL_UNSIGNED_BYTE, rgb.data());
        shownText = text;
    }
    const float side = std::min(r.w, r.h);
    const ImVec2 p0(r.centreX() - side * 0.5f, r.centreY() - side * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), p0,
                 ImVec2(p0.x + side, p0.y + side));
    dl->AddRect(p0, ImVec2(p0.x + side, p0.y + side), palette::border.packed(), 0, 0, ui.px(2));
}

}  // namespace dvc::ui
