#include "theme.h"

#include <algorithm>
#include <imgui.h>

namespace dvc::ui {

std::uint32_t Colour::packed() const { return IM_COL32(r, g, b, a); }

Colour stateColour(DossierState state) {
    switch (state) {
        case DossierState::Received: return Colour::rgb(0x00695C);         // teal
        case DossierState::Processing: return Colour::rgb(0x1565C0);       // blue
        case DossierState::NeedsSupplement: return Colour::rgb(0xA35200);  // amber, dark
        case DossierState::ResultReady: return Colour::rgb(0x2E7D32);      // green
        case DossierState::Returned: return Colour::rgb(0x37474F);         // slate
        case DossierState::Overdue: return Colour::rgb(0xB71C1C);          // red
        case DossierState::Cancelled: return Colour::rgb(0x5F6368);        // grey
    }
    return Colour::rgb(0x5F6368);
}

Metrics Metrics::forWindow(float width, float height) {
    Metrics m;
    float shortSide = std::min(width, height);
    m.unit = shortSide / 1080.0f;
    bool portrait = height > width;
    m.margin = m.px(portrait ? 48 : 56);
    m.gap = m.px(24);
    m.smallGap = m.px(12);
    m.radius = m.px(18);
    m.smallRadius = m.px(10);
    m.touchMin = m.px(96);
    m.headerHeight = m.px(portrait ? 176 : 132);
    m.footerHeight = m.px(128);
    return m;
}

static ImVec4 vec(Colour c) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

void applyImGuiStyle(const Metrics& m) {
    ImGuiStyle style;  // fresh defaults, then ours: scaling twice would compound
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = ImVec2(m.px(16), m.px(12));
    style.ItemSpacing = ImVec2(m.smallGap, m.smallGap);
    style.ScrollbarSize = m.px(18);
    style.ScrollbarRounding = m.px(9);
    style.GrabMinSize = m.px(48);
    style.FrameRounding = m.smallRadius;
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.Colors[ImGuiCol_WindowBg] = vec(palette::background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = vec(palette::text);
    style.Colors[ImGuiCol_ScrollbarBg] = vec(palette::surfaceMuted);
    style.Colors[ImGuiCol_ScrollbarGrab] = vec(palette::border);
    style.Colors[ImGuiCol_ScrollbarGrabHovered] = vec(palette::textMuted);
    style.Colors[ImGuiCol_ScrollbarGrabActive] = vec(palette::primary);
    ImGui::GetStyle() = style;
}

}  // namespace dvc::ui
