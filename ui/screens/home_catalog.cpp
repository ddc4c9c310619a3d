// Home's catalogue block: the search field "Tìm thủ tục…" and the three tiers, each one tap
// from home (Circular 32: any procedure within three taps; docs/catalog.md "Tap model").
#include <imgui.h>

#include <iterator>
#include <string>

#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

struct TierButton {
    const char* id;
    const char* labelKey;
    Tier tier;
};

constexpr TierButton kTiers[] = {
    {"home:tier:xa", "home.catalog.tier.xa", Tier::Commune},
    {"home:tier:huyen", "home.catalog.tier.huyen", Tier::District},
    {"home:tier:tinh", "home.catalog.tier.tinh", Tier::Province},
};

float titleHeight(const UiContext& ui) {
    return ui.fonts.size(FontRole::Button) * 1.25f;
}
float searchHeight(const UiContext& ui) {
    return ui.px(116);
}
float tierHeight(const UiContext& ui) {
    return ui.px(118);
}

}  // namespace

float homeCatalogHeight(const UiContext& ui, bool tiersStacked) {
    const float gap = ui.metrics.smallGap;
    const float tiers = tiersStacked ? 3 * tierHeight(ui) + 2 * gap : tierHeight(ui);
    return titleHeight(ui) + gap + searchHeight(ui) + ui.metrics.gap * 0.75f + tiers;
}

float drawHomeCatalog(UiContext& ui, Rect area, bool tiersStacked) {
    const Metrics& m = ui.metrics;
    const bool live = ui.session.catalog() != nullptr;
    float y = area.y;
    drawText(ui, FontRole::Button, ui.t("home.procedures.title"), area.x, y, palette::text, area.w);
    y += titleHeight(ui) + m.smallGap;

    // Looks like a text field: tapping it opens the search with the keyboard.
    Rect field{area.x, y, area.w, searchHeight(ui)};
    ImGui::SetCursorScreenPos(ImVec2(field.x, field.y));
    if (!live) ImGui::BeginDisabled();
    const bool searchTapped = ImGui::InvisibleButton("home:search", ImVec2(field.w, field.h));
    const bool pressed = ImGui::IsItemActive();
    if (!live) ImGui::EndDisabled();
    const std::string& prompt = ui.t("home.catalog.search");
    ui.record.addWidget("home:search", prompt, field, live);
    drawCard(ui, field, pressed ? palette::primarySoft : palette::surface, palette::primary);
    const float iconS = ui.px(48);
    drawIcon(ImGui::GetWindowDrawList(), Icon::Search, field.x + ui.px(28) + iconS * 0.5f,
             field.centreY(), iconS, palette::primary);
    drawText(ui, FontRole::Button, prompt, field.x + ui.px(56) + iconS,
             field.centreY() - ui.fonts.size(FontRole::Button) * 0.62f, palette::textSecondary);
    y += field.h + m.gap * 0.75f;

    Tier opened = Tier::Commune;
    bool tierTapped = false;
    const float n = static_cast<float>(std::size(kTiers));
    const float w = tiersStacked ? area.w : (area.w - (n - 1) * m.smallGap) / n;
    for (std::size_t i = 0; i < std::size(kTiers); ++i) {
        const float fi = static_cast<float>(i);
        Rect r = tiersStacked
                     ? Rect{area.x, y + fi * (tierHeight(ui) + m.smallGap), w, tierHeight(ui)}
                     : Rect{area.x + fi * (w + m.smallGap), y, w, tierHeight(ui)};
        if (bigButton(ui, {kTiers[i].id, ui.t(kTiers[i].labelKey), r, ButtonStyle::Primary, live,
                           FontRole::BodyBold})) {
            opened = kTiers[i].tier;
            tierTapped = true;
        }
    }
    if (searchTapped && live) ui.session.openCatalogSearch();
    if (tierTapped) ui.session.openCatalogTier(opened);
    return homeCatalogHeight(ui, tiersStacked);
}

}  // namespace dvc::ui
