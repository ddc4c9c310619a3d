// Home: the procedure catalogue (search field and the three tiers, home_catalog.cpp), then
// the other services as large tiles; those not live yet are shown (so visitors learn what is
// coming) but disabled, marked "Sắp có".
#include <imgui.h>
#include <algorithm>
#include <iterator>
#include <string>

#include "privacy/mask.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

struct Tile {
    const char* id;
    const char* titleKey;
    const char* descriptionKey;
    Icon icon;
    bool live;
};

constexpr Tile kTiles[] = {
    {"home:status", "home.status.title", "home.status.description", Icon::Search, true},
    {"home:queue", "home.queue.title", "home.queue.description", Icon::Ticket, false},
    {"home:rating", "home.rating.title", "home.rating.description", Icon::Star, false},
};

// A service tile: a big touch target with an icon, a title and one line of explanation.
bool drawTile(UiContext& ui, const Tile& tile, Rect r) {
    const std::string& title = ui.t(tile.titleKey);
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    if (!tile.live) ImGui::BeginDisabled();
    bool clicked = ImGui::InvisibleButton(tile.id, ImVec2(r.w, r.h));
    bool pressed = ImGui::IsItemActive();
    if (!tile.live) ImGui::EndDisabled();
    ui.record.addWidget(tile.id, title, r, tile.live);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    Colour fill =
        tile.live ? (pressed ? palette::primaryPressed : palette::primary) : palette::surface;
    Colour textColour = tile.live ? palette::onPrimary : palette::textMuted;
    Colour iconColour = tile.live ? palette::primary : palette::textMuted;
    if (tile.live && !pressed)
        dl->AddRectFilled(ImVec2(r.x, r.y + ui.px(6)), ImVec2(r.right(), r.bottom() + ui.px(6)),
                          IM_COL32(10, 30, 60, 50), ui.metrics.radius);
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), fill.packed(),
                      ui.metrics.radius);
    if (!tile.live)
        dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette::border.packed(),
                    ui.metrics.radius, 0, ui.px(2));

    const float pad = ui.px(36);
    const float iconR = std::min(ui.px(58), r.h * 0.2f);
    float y = r.y + pad;
    dl->AddCircleFilled(ImVec2(r.x + pad + iconR, y + iconR), iconR,
                        (tile.live ? palette::surface : palette::surfaceMuted).packed(), 48);
    drawIcon(dl, tile.icon, r.x + pad + iconR, y + iconR, iconR * 1.15f, iconColour);
    if (!tile.live) {
        const std::string& soon = ui.t("home.coming_soon");
        float pillW = textWidth(ui, FontRole::Small, soon) + ui.px(44);
        drawPill(ui, soon, r.right() - pad - pillW, y, FontRole::Small, palette::surfaceMuted,
                 palette::textSecondary);
    }
    y += 2 * iconR + ui.px(28);
    const float wrap = r.w - 2 * pad;
    y += drawText(ui, FontRole::Button, title, r.x + pad, y, tile.live ? textColour : palette::text,
                  wrap);
    y += ui.px(10);
    drawText(ui, FontRole::Body, ui.t(tile.descriptionKey), r.x + pad, y,
             tile.live ? Colour::rgb(0xDCE8F7) : textColour, wrap);
    if (tile.live) {
        // "Touch here" affordance: an arrow in a ring, bottom right.
        const float ar = ui.px(34);
        ImVec2 c(r.right() - pad - ar, r.bottom() - pad - ar);
        dl->AddCircle(c, ar, palette::onPrimary.packed(), 40, ui.px(4));
        dl->AddLine(ImVec2(c.x - ar * 0.45f, c.y), ImVec2(c.x + ar * 0.45f, c.y),
                    palette::onPrimary.packed(), ui.px(5));
        dl->AddLine(ImVec2(c.x + ar * 0.05f, c.y - ar * 0.4f),
                    ImVec2(c.x + ar * 0.47f, c.y + ui.px(1)), palette::onPrimary.packed(),
                    ui.px(5));
        dl->AddLine(ImVec2(c.x + ar * 0.05f, c.y + ar * 0.4f),
                    ImVec2(c.x + ar * 0.47f, c.y - ui.px(1)), palette::onPrimary.packed(),
                    ui.px(5));
    }
    return clicked && tile.live;
}

}  // namespace

void drawHome(UiContext& ui, Rect content) {
    const Metrics& m = ui.metrics;
    // Portrait: the catalogue block, a row of tiles, identify and the help card, stacked.
    // Landscape: the catalogue block, identify and help on the left; the tiles on the right.
    constexpr int kTileCount = static_cast<int>(std::size(kTiles));
    const int cols = ui.portrait ? std::min(kTileCount, 3) : kTileCount;
    const int rows = (kTileCount + cols - 1) / cols;
    const std::string& greeting = ui.t("home.greeting");
    const std::string& prompt = ui.t("home.prompt");
    const float headH = textHeight(ui, FontRole::Title, greeting, content.w) + ui.px(6) +
                        textHeight(ui, FontRole::Body, prompt, content.w);
    const float helpH = ui.px(ui.portrait ? 230 : 170);
    const float identifyH = m.touchMin * 1.2f;
    const float catalogH = homeCatalogHeight(ui, false);
    const float leftW = ui.portrait ? content.w : (content.w - m.gap * 1.5f) * 0.5f;
    const float catalogGap = ui.portrait ? m.gap * 1.5f : m.gap;
    const float leftH = catalogH + catalogGap + identifyH + m.gap + helpH;
    const float fixedH =
        headH + m.gap * 1.4f +
        (ui.portrait ? leftH + m.gap * 1.5f + static_cast<float>(rows - 1) * m.gap : 0);
    const float tileRoom = ui.portrait ? (content.h - fixedH - m.gap * 2) / static_cast<float>(rows)
                                       : content.h - headH - m.gap * 3.4f;
    const float tileH = std::clamp(tileRoom, m.touchMin * 3, ui.px(ui.portrait ? 470 : 640));
    const float blockH = ui.portrait ? fixedH + static_cast<float>(rows) * tileH
                                     : headH + m.gap * 1.4f + std::max(leftH, tileH);
    // What is left is split above and below, a little more below (the eye starts high).
    float y = content.y + std::max(m.gap * (ui.portrait ? 1.4f : 0.5f), (content.h - blockH) * 0.4f);

    y += drawText(ui, FontRole::Title, greeting, content.x, y, palette::text, content.w);
    y += ui.px(6);
    y += drawText(ui, FontRole::Body, prompt, content.x, y, palette::textSecondary, content.w);
    y += m.gap * 1.4f;
    const float columnsTop = y;

    // The procedure catalogue (issue 4): search and the three tiers.
    y += drawHomeCatalog(ui, Rect{content.x, y, leftW, catalogH}, false) + catalogGap;

    // The services' tiles: below in portrait, in the right column in landscape.
    const float tilesX = ui.portrait ? content.x : content.x + leftW + m.gap * 1.5f;
    const float tilesW = ui.portrait ? content.w : content.right() - tilesX;
    float tileY = ui.portrait ? y : columnsTop;
    const float tileW = (tilesW - static_cast<float>(cols - 1) * m.gap) / static_cast<float>(cols);
    for (int i = 0; i < kTileCount; ++i) {
        float tx = tilesX + static_cast<float>(i % cols) * (tileW + m.gap);
        float ty = tileY + static_cast<float>(i / cols) * (tileH + m.gap);
        if (drawTile(ui, kTiles[i], Rect{tx, ty, tileW, tileH})) ui.session.openStatusLookup();
    }
    if (ui.portrait)
        y += static_cast<float>(rows) * tileH + static_cast<float>(rows - 1) * m.gap + m.gap * 1.5f;
    content.w = leftW;  // identify and help: the left column in landscape

    // Identify once with the CCCD (QR or chip); what follows is pre-filled from it.
    if (const CitizenIdentity* who = ui.session.identity().confirmed()) {
        std::string hello =
            fillPlaceholder(ui.t("home.identified"), "name", maskPersonName(who->fullName));
        drawPill(ui, hello, content.x,
                 y + (identifyH - ui.fonts.size(FontRole::BodyBold) * 1.6f) * 0.5f,
                 FontRole::BodyBold, who->verified ? palette::successSoft : palette::warningSoft,
                 who->verified ? palette::success : palette::warningText, "home:identified");
    } else if (bigButton(ui, {"home:identify", ui.t("home.identify"),
                              Rect{content.x, y, content.w, identifyH}, ButtonStyle::Secondary,
                              true, FontRole::Button, Icon::Check})) {
        ui.session.openIdentify();
    }
    y += identifyH + m.gap;

    // Where to find the code: the question every visitor asks first.
    Rect help{content.x, y, content.w, helpH};
    drawCard(ui, help, palette::primarySoft, Colour::rgb(0xBFD3EE));
    const float pad = ui.px(32);
    const float iconSize = ui.px(72);
    const float tx = help.x + pad + iconSize + ui.px(28);
    const float wrap = help.right() - pad - tx;
    const std::string& helpTitle = ui.t("home.help.title");
    const std::string& helpBody = ui.t("home.help.body");
    float textH = textHeight(ui, FontRole::BodyBold, helpTitle, wrap) + ui.px(4) +
                  textHeight(ui, FontRole::Body, helpBody, wrap);
    float hy = help.y + std::max(pad * 0.5f, (help.h - textH) * 0.5f);
    drawIcon(ImGui::GetWindowDrawList(), Icon::Qr, help.x + pad + iconSize * 0.5f, help.centreY(),
             iconSize, palette::primary);
    hy += drawText(ui, FontRole::BodyBold, helpTitle, tx, hy, palette::primary, wrap);
    drawText(ui, FontRole::Body, helpBody, tx, hy + ui.px(4), palette::text, wrap);
}

}  // namespace dvc::ui
