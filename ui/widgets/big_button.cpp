#include "widgets/big_button.h"

#include <algorithm>
#include <imgui.h>
#include <string>

#include "widgets/text.h"

namespace dvc::ui {

namespace {

struct Look {
    Colour fill, fillPressed, outline, text;
};

Look lookFor(ButtonStyle style) {
    switch (style) {
        case ButtonStyle::Primary:
            return {palette::primary, palette::primaryPressed, palette::primary, palette::onPrimary};
        case ButtonStyle::Secondary:
            return {palette::surface, palette::primarySoft, palette::primary, palette::primary};
        case ButtonStyle::Key:
            return {palette::surface, palette::primarySoft, palette::border, palette::text};
        case ButtonStyle::Danger:
            return {palette::surface, palette::errorSoft, palette::accentRed, palette::accentRed};
    }
    return {palette::surface, palette::primarySoft, palette::border, palette::text};
}

}  // namespace

bool bigButton(UiContext& ui, const ButtonSpec& spec) {
    Rect r = spec.rect;
    const float minSide = ui.metrics.touchMin;
    if (r.h < minSide) {
        r.y -= (minSide - r.h) * 0.5f;
        r.h = minSide;
    }
    if (r.w < minSide) {
        r.x -= (minSide - r.w) * 0.5f;
        r.w = minSide;
    }

    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    std::string imguiId(spec.id);
    if (!spec.enabled) ImGui::BeginDisabled();
    bool clicked = ImGui::InvisibleButton(imguiId.c_str(), ImVec2(r.w, r.h));
    bool pressed = ImGui::IsItemActive();
    if (!spec.enabled) ImGui::EndDisabled();
    ui.record.addWidget(std::string(spec.id), std::string(spec.label), r, spec.enabled);

    Look look = lookFor(spec.style);
    if (!spec.enabled) {
        look = {palette::surfaceMuted, palette::surfaceMuted, palette::border, palette::textMuted};
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = ui.metrics.smallRadius * 1.4f;
    // A soft drop shadow lifts raised buttons off the page; pressed buttons sink (no shadow).
    if (!pressed && spec.enabled && spec.style != ButtonStyle::Key)
        dl->AddRectFilled(ImVec2(r.x, r.y + ui.px(4)), ImVec2(r.right(), r.bottom() + ui.px(4)),
                          IM_COL32(10, 30, 60, 40), radius);
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                      (pressed ? look.fillPressed : look.fill).packed(), radius);
    float stroke = spec.style == ButtonStyle::Key ? ui.px(2) : ui.px(3);
    dl->AddRect(ImVec2(r.x + stroke * 0.5f, r.y + stroke * 0.5f),
                ImVec2(r.right() - stroke * 0.5f, r.bottom() - stroke * 0.5f), look.outline.packed(),
                radius, 0, stroke);

    if (spec.icon != Icon::None && (spec.iconOnly || spec.label.empty())) {
        drawIcon(dl, spec.icon, r.centreX(), r.centreY(), std::min(r.h, r.w) * 0.5f, look.text);
        return clicked && spec.enabled;
    }
    const float iconSize = spec.icon == Icon::None ? 0.0f : std::min(r.h * 0.5f, ui.px(56));
    const float iconGap = spec.icon == Icon::None ? 0.0f : ui.px(18);
    const float room = r.w - ui.px(40) - iconSize - iconGap;
    // A label that does not fit on one line first gets the next smaller type, then wraps.
    FontRole font = spec.font;
    if (font == FontRole::Button && textWidth(ui, font, spec.label) > room) font = FontRole::BodyBold;
    const float textW = std::min(textWidth(ui, font, spec.label), room);
    const float x0 = r.centreX() - (iconSize + iconGap + textW) * 0.5f;
    if (spec.icon != Icon::None)
        drawIcon(dl, spec.icon, x0 + iconSize * 0.5f, r.centreY(), iconSize, look.text);
    drawTextInBox(ui, font, spec.label, Rect{x0 + iconSize + iconGap, r.y, textW + ui.px(2), r.h},
                  look.text);
    return clicked && spec.enabled;
}

}  // namespace dvc::ui
