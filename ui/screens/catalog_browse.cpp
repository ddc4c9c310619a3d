// Browse the catalogue: a tier's fields, a field's procedures (or agencies, when too many),
// an agency's procedures. One tap per level; "Quay lại" goes one level up, home after the tier.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "screens/catalog_parts.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

std::string placeKey(const catalog::BrowsePlace& p) {
    return std::to_string(static_cast<int>(p.level)) + "/" +
           std::to_string(static_cast<int>(p.tier)) + "/" + p.field + "/" + p.agency;
}

ScrollColumn gBrowseScroll;  // UI state only: where the list is scrolled

}  // namespace

void drawCatalogBrowse(UiContext& ui, Rect content) {
    CatalogFlow* flow = ui.session.catalog();
    if (!flow) return;
    const Metrics& m = ui.metrics;
    const catalog::BrowsePlace& place = flow->place();

    std::string title;
    std::string subtitle;
    switch (place.level) {
        case catalog::BrowseLevel::Home:
        case catalog::BrowseLevel::Tier:
            title = tierName(ui, place.tier);
            subtitle = ui.t("catalog.browse.choose_field");
            break;
        case catalog::BrowseLevel::Field:
            title = place.field;
            subtitle = tierName(ui, place.tier) + " · " + ui.t("catalog.browse.choose_procedure");
            break;
        case catalog::BrowseLevel::Agency:
            title = place.agency;
            subtitle = place.field + " · " + ui.t("catalog.browse.choose_procedure");
            break;
    }
    const auto& choices = flow->choices();
    if (place.level == catalog::BrowseLevel::Field && !choices.empty() &&
        choices.front().kind == catalog::BrowseChoice::Kind::Place)
        subtitle = tierName(ui, place.tier) + " · " + ui.t("catalog.browse.choose_agency");

    bool back = false;
    float y = drawCatalogTopBar(ui, content, title, subtitle, back);
    y += drawCatalogCacheLine(ui, content.x, y, content.w);

    // The search is one tap away on every list.
    const float searchH = m.touchMin;
    if (bigButton(ui, {"catalog:search", ui.t("home.catalog.search"),
                       Rect{content.x, y, content.w, searchH}, ButtonStyle::Secondary, true,
                       FontRole::BodyBold, Icon::Search}))
        ui.session.openCatalogSearch();
    y += searchH + m.gap;

    if (!flow->loaded() || choices.empty()) {
        const std::string& msg =
            flow->loaded() ? ui.t("catalog.browse.empty") : ui.t("catalog.browse.loading");
        drawText(ui, FontRole::Body, msg, content.x, y + m.gap, palette::textSecondary, content.w);
        if (back) ui.session.catalogBack();
        return;
    }

    const bool overflow = gBrowseScroll.contentHeight > content.bottom() - y + 0.5f;
    const float pagerH = overflow ? m.touchMin + m.gap : 0;
    Rect list{content.x, y, content.w, content.bottom() - y - pagerH};
    float ry = gBrowseScroll.begin(ui, list, placeKey(place));
    const float top = ry;
    const catalog::BrowseChoice* chosen = nullptr;
    // Portrait: one column of rows; landscape: two, so a tier's fields fit without scrolling.
    const std::size_t cols = ui.portrait ? 1 : 2;
    const float colW = (list.w - static_cast<float>(cols - 1) * m.gap) / static_cast<float>(cols);
    auto metaOf = [&](const catalog::BrowseChoice& c) {
        return c.kind == catalog::BrowseChoice::Kind::Place
                   ? fillPlaceholder(ui.t("catalog.browse.count"), "n", std::to_string(c.count))
                   : c.procedureCode;
    };
    for (std::size_t i = 0; i < choices.size(); i += cols) {
        float h = 0;
        for (std::size_t j = i; j < std::min(i + cols, choices.size()); ++j)
            h = std::max(h, catalogRowHeight(ui, choices[j].label, metaOf(choices[j]), colW));
        for (std::size_t j = i; j < std::min(i + cols, choices.size()); ++j) {
            const auto& c = choices[j];
            // Only rows whose middle is in view take taps (a script taps the middle).
            if (!gBrowseScroll.visible(ry + h * 0.5f, ry + h * 0.5f + 1)) continue;
            bool tapped = false;
            const float x = list.x + static_cast<float>(j - i) * (colW + m.gap);
            drawCatalogRow(ui, "catalog:choice:" + std::to_string(j), c.label, metaOf(c),
                           Rect{x, ry, colW, h}, tapped);
            if (tapped && !gBrowseScroll.dragged) chosen = &c;
        }
        ry += h + m.smallGap;
    }
    gBrowseScroll.end(ry - top);

    if (overflow) {
        const float bw = (content.w - m.gap) * 0.5f;
        const float by = content.bottom() - m.touchMin;
        if (bigButton(ui, {"catalog:up", ui.t("catalog.detail.scroll_up"),
                           Rect{content.x, by, bw, m.touchMin}, ButtonStyle::Secondary,
                           gBrowseScroll.canScrollUp(), FontRole::BodyBold}))
            gBrowseScroll.page(-1);
        if (bigButton(ui, {"catalog:down", ui.t("catalog.detail.scroll_down"),
                           Rect{content.x + bw + m.gap, by, bw, m.touchMin}, ButtonStyle::Secondary,
                           gBrowseScroll.canScrollDown(), FontRole::BodyBold}))
            gBrowseScroll.page(1);
    }

    // Intents last: they change the list this frame drew from.
    if (chosen) {
        catalog::BrowseChoice copy = *chosen;
        ui.session.chooseCatalogEntry(copy);
    } else if (back) {
        ui.session.catalogBack();
    }
}

}  // namespace dvc::ui
