#include "widgets/idle_countdown.h"

#include <algorithm>
#include <imgui.h>
#include <string>

#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

bool drawIdleCountdown(UiContext& ui, int secondsLeft) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
    ImGui::SetNextWindowFocus();  // stays above the screen and takes every touch
    ImGui::Begin("##idle", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.width, ui.height), palette::scrim.packed());

    const float w = std::min(ui.width - 2 * ui.metrics.margin, ui.px(880));
    const float pad = ui.px(56);
    const float inner = w - 2 * pad;
    const std::string& title = ui.t("idle.title");
    std::string body = fillPlaceholder(ui.t("idle.body"), "n", std::to_string(secondsLeft));
    const float ring = ui.px(96);
    const float h = pad + textHeight(ui, FontRole::Title, title, inner) + ui.px(24) + 2 * ring +
                    ui.px(28) + textHeight(ui, FontRole::Body, body, inner) + ui.px(40) +
                    ui.metrics.touchMin * 1.15f + pad;
    Rect card{(ui.width - w) * 0.5f, (ui.height - h) * 0.5f, w, h};
    drawCard(ui, card);
    float y = card.y + pad;
    y += drawText(ui, FontRole::Title, title, card.centreX(), y, palette::text, inner, Align::Centre);
    y += ui.px(24);
    // The number in a ring: readable from a step away.
    dl->AddCircle(ImVec2(card.centreX(), y + ring), ring, palette::primary.packed(), 64, ui.px(8));
    std::string n = std::to_string(secondsLeft);
    drawTextInBox(ui, FontRole::Display, n, Rect{card.centreX() - ring, y, 2 * ring, 2 * ring},
                  palette::primary);
    y += 2 * ring + ui.px(28);
    y += drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner,
                  Align::Centre);
    y += ui.px(40);
    bool resume = bigButton(ui, {"idle:continue", ui.t("idle.continue"),
                                 Rect{card.x + pad, y, inner, ui.metrics.touchMin * 1.15f},
                                 ButtonStyle::Primary});
    ImGui::End();
    return resume;
}

}  // namespace dvc::ui
