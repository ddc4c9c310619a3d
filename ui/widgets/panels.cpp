#include "widgets/panels.h"

#include <cmath>
#include <imgui.h>
#include <string>

#include "widgets/text.h"

namespace dvc::ui {

void drawCard(const UiContext& ui, Rect r, Colour fill, Colour outline) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float radius = ui.metrics.radius;
    dl->AddRectFilled(ImVec2(r.x, r.y + ui.px(3)), ImVec2(r.right(), r.bottom() + ui.px(5)),
                      IM_COL32(10, 30, 60, 22), radius);
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), fill.packed(), radius);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), outline.packed(), radius, 0,
                ui.px(1.5f));
}

Rect drawPill(UiContext& ui, std::string_view text, float x, float y, FontRole role, Colour fill,
              Colour textColour, std::string_view id) {
    float padX = ui.px(22), padY = ui.px(8);
    float h = ui.fonts.size(role) * 1.12f + 2 * padY;
    float w = textWidth(ui, role, text) + 2 * padX;
    Rect r{x, y, w, h};
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                                              fill.packed(), h * 0.5f);
    drawTextInBox(ui, role, text, r, textColour);
    if (!id.empty()) ui.record.addWidget(std::string(id), std::string(text), r, false);
    return r;
}

void drawSpinner(const UiContext& ui, float cx, float cy, float radius, double time) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float thickness = radius * 0.16f;
    dl->AddCircle(ImVec2(cx, cy), radius, palette::primarySoft.packed(), 64, thickness);
    const float pi = 3.14159265f;
    float start = static_cast<float>(std::fmod(time * 4.2, 2.0 * pi));
    float sweep = pi * (0.55f + 0.35f * static_cast<float>(std::sin(time * 2.1)));
    dl->PathArcTo(ImVec2(cx, cy), radius, start, start + sweep, 40);
    dl->PathStroke(palette::primary.packed(), 0, thickness);
    (void)ui;
}

void drawViewfinder(const UiContext& ui, Rect r, double time) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette::primarySoft.packed(),
                      ui.metrics.radius);
    const ImU32 col = palette::primary.packed();
    float len = r.w * 0.22f, w = ui.px(10);
    auto corner = [&](float x, float y, float dx, float dy) {
        dl->AddLine(ImVec2(x, y), ImVec2(x + dx * len, y), col, w);
        dl->AddLine(ImVec2(x, y), ImVec2(x, y + dy * len), col, w);
    };
    float in = w * 0.5f;
    corner(r.x + in, r.y + in, 1, 1);
    corner(r.right() - in, r.y + in, -1, 1);
    corner(r.x + in, r.bottom() - in, 1, -1);
    corner(r.right() - in, r.bottom() - in, -1, -1);
    float phase = static_cast<float>(0.5 + 0.5 * std::sin(time * 2.4));
    float y = r.y + r.h * (0.15f + 0.7f * phase);
    dl->AddRectFilled(ImVec2(r.x + r.w * 0.1f, y - ui.px(3)), ImVec2(r.right() - r.w * 0.1f, y + ui.px(3)),
                      palette::accentRed.withAlpha(200).packed(), ui.px(3));
}

}  // namespace dvc::ui
