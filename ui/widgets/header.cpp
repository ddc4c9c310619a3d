#include "widgets/header.h"

#include <imgui.h>
#include <algorithm>
#include <ctime>
#include <string>

#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/language_switch.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

// A full-width notice strip under the header; returns its height.
float drawBanner(UiContext& ui, float y, std::string_view text, Icon icon, Colour fill,
                 Colour textColour, Colour edge) {
    const float padX = ui.metrics.margin, padY = ui.px(18);
    const float iconSize = ui.px(44);
    const float textX = padX + iconSize + ui.px(20);
    const float wrap = ui.width - textX - padX;
    const float h = textHeight(ui, FontRole::BodyBold, text, wrap) + 2 * padY;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, y), ImVec2(ui.width, y + h), fill.packed());
    dl->AddRectFilled(ImVec2(0, y + h - ui.px(3)), ImVec2(ui.width, y + h), edge.packed());
    drawIcon(dl, icon, padX + iconSize * 0.5f, y + h * 0.5f, iconSize, textColour);
    drawText(ui, FontRole::BodyBold, text, textX, y + padY, textColour, wrap);
    return h;
}

}  // namespace

float drawHeader(UiContext& ui, Rect bar) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.bottom()),
                      palette::primaryDark.packed());
    const float stripe = ui.px(6);
    dl->AddRectFilled(ImVec2(bar.x, bar.bottom() - stripe), ImVec2(bar.right(), bar.bottom()),
                      palette::accentRed.packed());

    const float pad = ui.metrics.margin;
    const float emblemR = ui.px(ui.portrait ? 50 : 44);
    const float midY = bar.y + (bar.h - stripe) * 0.5f;
    drawStarEmblem(dl, pad + emblemR, midY, emblemR);

    // Clock and date on the right, from the wall clock (the Session clock may be shifted in
    // tests; what a visitor reads must be the real time).
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char hm[8], dmy[16];
    std::strftime(hm, sizeof hm, "%H:%M", &local);
    std::strftime(dmy, sizeof dmy, "%d/%m/%Y", &local);
    std::string date = ui.t("weekday." + std::to_string(local.tm_wday)) + ", " + dmy;
    const float right = bar.right() - pad;
    const float clockH = ui.fonts.size(FontRole::Title) * 1.05f;
    const float dateH = ui.fonts.size(FontRole::Small) * 1.15f;
    float clockY = midY - (clockH + dateH) * 0.5f;
    drawText(ui, FontRole::Title, hm, right, clockY, palette::onPrimary, 0, Align::Right);
    drawText(ui, FontRole::Small, date, right, clockY + clockH, Colour::rgb(0xCFDDF0), 0,
             Align::Right);
    float clockW =
        std::max(textWidth(ui, FontRole::Title, hm), textWidth(ui, FontRole::Small, date));

    // Centre name (may wrap to two lines in portrait) and the kiosk's purpose.
    const float textX = pad + 2 * emblemR + ui.px(28);
    const float wrap = right - clockW - ui.px(40) - textX;
    const std::string& subtitle = ui.t("header.subtitle");
    float nameH = textHeight(ui, FontRole::BodyBold, ui.centreName, wrap);
    float subH = ui.fonts.size(FontRole::Small) * 1.15f;
    float y = midY - (nameH + subH + ui.px(4)) * 0.5f;
    drawText(ui, FontRole::Small, subtitle, textX, y, Colour::rgb(0xCFDDF0), wrap);
    drawText(ui, FontRole::BodyBold, ui.centreName, textX, y + subH + ui.px(4), palette::onPrimary,
             wrap);

    float bottom = bar.bottom();
    for (const auto& notice : ui.session.maintenance()) {
        const std::string& text = notice.message.in(ui.session.language());
        if (text.empty()) continue;
        bottom += drawBanner(ui, bottom, text, Icon::Alert, palette::warningSoft,
                             palette::warningText, palette::warning);
    }
    if (!ui.session.gatewayReachable()) {
        bottom += drawBanner(ui, bottom, ui.t("header.offline"), Icon::Offline, palette::errorSoft,
                             palette::accentRed, palette::accentRed);
    }
    return bottom;
}

bool drawFooter(UiContext& ui, Rect bar, bool showHome) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.bottom()),
                      palette::surface.packed());
    dl->AddLine(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.y), palette::border.packed(),
                ui.px(2));

    const float pad = ui.metrics.margin;
    const float buttonH = ui.metrics.touchMin;
    const float y = bar.y + (bar.h - buttonH) * 0.5f;
    const float switchW = languageSwitchWidth(ui);
    if (auto lang = drawLanguageSwitch(ui, Rect{bar.right() - pad - switchW, y, switchW, buttonH}))
        ui.session.setLanguage(*lang);

    bool home = false;
    if (showHome) {
        // On home with an identified citizen the same button ends the visit (and wipes it).
        const bool finish = ui.session.screen() == Screen::Home;
        home = bigButton(ui, {"nav:home", ui.t(finish ? "nav.finish" : "nav.home"),
                              Rect{pad, y, ui.px(300), buttonH}, ButtonStyle::Secondary, true,
                              FontRole::BodyBold, Icon::Home});
    } else {
        float wrap = bar.w - 2 * pad - switchW - ui.px(32);
        const std::string& note = ui.t("footer.privacy");
        float h = textHeight(ui, FontRole::Small, note, wrap);
        drawText(ui, FontRole::Small, note, pad, bar.y + (bar.h - h) * 0.5f, palette::textSecondary,
                 wrap);
    }
    return home;
}

}  // namespace dvc::ui
