#include "widgets/face_photo.h"

#include <SDL_opengl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>

namespace dvc::ui {

namespace {
GLuint texture = 0;
const FacePhoto* shown = nullptr;  // identity of the uploaded photo (the Session owns it)
std::size_t shownSize = 0;
}  // namespace

void releaseFacePhoto() {
    if (texture) glDeleteTextures(1, &texture);
    texture = 0;
    shown = nullptr;
    shownSize = 0;
}

void drawFacePhoto(const UiContext& ui, const FacePhoto* photo, Rect r) {
    if (!photo || photo->width <= 0 || photo->height <= 0 ||
        photo->rgb.size() !=
            static_cast<std::size_t>(photo->width) * static_cast<std::size_t>(photo->height) * 3) {
        releaseFacePhoto();
        return;
    }
    if (photo != shown || photo->rgb.size() != shownSize) {
        releaseFacePhoto();
        glGenTextures(1, &texture);
        glBindTexture(GL_TEXTURE_2D, texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, photo->width, photo->height, 0, GL_RGB,
                     GL_UNSIGNED_BYTE, photo->rgb.data());
        shown = photo;
        shownSize = photo->rgb.size();
    }
    const float scale =
        std::min(r.w / static_cast<float>(photo->width), r.h / static_cast<float>(photo->height));
    const float w = static_cast<float>(photo->width) * scale,
                h = static_cast<float>(photo->height) * scale;
    const ImVec2 p0(r.centreX() - w * 0.5f, r.centreY() - h * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)), p0,
                 ImVec2(p0.x + w, p0.y + h));
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), palette::border.packed(), 0, 0, ui.px(2));
}

}  // namespace dvc::ui
