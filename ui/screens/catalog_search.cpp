// Search as you type: the on-screen keyboard (or a physical one) edits the query; every
// keystroke asks the catalogue flow, which searches on a worker; the best ~8 show with their
// tier and agency. Portrait: results above the keyboard; landscape: side by side.
#include <imgui.h>

#include <string>

#include "screens/catalog_parts.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/onscreen_keyboard.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

// UI state only: the keyboard's composer and layout, and the results' scroll. The query
// itself lives in the flow (wiped with the visit); the keyboard re-reads it every frame.
KeyboardState gKeyboard;
ScrollColumn gResultsScroll;

void drawQueryField(UiContext& ui, Rect r, const std::string& query) {
    drawCard(ui, r, palette::surface, palette::primary);
    const float pad = ui.px(24);
    const float iconS = ui.px(44);
    drawIcon(ImGui::GetWindowDrawList(), Icon::Search, r.x + pad + iconS * 0.5f, r.centreY(), iconS,
             palette::primary);
    const float tx = r.x + pad * 2 + iconS;
    const float fieldH = ui.fonts.size(FontRole::Title) * 1.2f;
    const float ty = r.centreY() - fieldH * 0.5f;
    if (query.empty()) {
        drawText(ui, FontRole::Body, ui.t("catalog.search.placeholder"), tx,
                 r.centreY() - ui.fonts.size(FontRole::Body) * 0.6f, palette::textMuted);
        return;
    }
    // The end of a long query stays visible: clip on the left.
    const float room = r.right() - tx - pad;
    const float w = textWidth(ui, FontRole::Title, query);
    const float x = w > room ? tx + room - w : tx;
    ImGui::PushClipRect(ImVec2(tx, r.y), ImVec2(r.right() - pad, r.bottom()), true);
    drawText(ui, FontRole::Title, query, x, ty, palette::text);
    ImGui::PopClipRect();
    const float caretX = std::min(x + w, tx + room) + ui.px(4);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(caretX, r.y + r.h * 0.22f),
                                              ImVec2(caretX + ui.px(4), r.bottom() - r.h * 0.22f),
                                              palette::primary.packed());
}

void drawResults(UiContext& ui, CatalogFlow& flow, Rect area) {
    const Metrics& m = ui.metrics;
    const auto& results = flow.results();
    float y = area.y;
    if (flow.query().empty()) {
        drawText(ui, FontRole::Body, ui.t("catalog.search.hint"), area.x, y, palette::textSecondary,
                 area.w);
        return;
    }
    if (results.empty()) {
        if (flow.searching()) {
            drawText(ui, FontRole::Body, ui.t("catalog.search.searching"), area.x, y,
                     palette::textSecondary, area.w);
            return;
        }
        y +=
            drawText(ui, FontRole::BodyBold,
                     fillPlaceholder(ui.t("catalog.search.no_match"), "query", flow.resultsQuery()),
                     area.x, y, palette::text, area.w);
        y += ui.px(8);
        y += drawText(ui, FontRole::Body, ui.t("catalog.search.none"), area.x, y,
                      palette::textSecondary, area.w);
        y += ui.px(8);
        drawText(ui, FontRole::Body, ui.t("catalog.search.hint"), area.x, y, palette::textSecondary,
                 area.w);
        return;
    }
    float ry = gResultsScroll.begin(ui, area, flow.resultsQuery());
    const float top = ry;
    std::string open;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const ProcedureSummary& p = results[i];
        std::string meta = tierName(ui, p.tier) + " · " + p.agency;
        const float h = catalogRowHeight(ui, p.name, meta, area.w);
        if (gResultsScroll.visible(ry, ry + h)) {
            bool tapped = false;
            drawCatalogRow(ui, "catalog:result:" + std::to_string(i), p.name, meta,
                           Rect{area.x, ry, area.w, h}, tapped);
            if (tapped && !gResultsScroll.dragged) open = p.code;
        }
        ry += h + m.smallGap;
    }
    gResultsScroll.end(ry - top);
    if (!open.empty()) ui.session.openProcedure(open);
}

}  // namespace

void drawCatalogSearch(UiContext& ui, Rect content) {
    CatalogFlow* flow = ui.session.catalog();
    if (!flow) return;
    const Metrics& m = ui.metrics;
    bool back = false;
    float y = drawCatalogTopBar(ui, content, ui.t("catalog.search.title"), {}, back);
    y += drawCatalogCacheLine(ui, content.x, y, content.w);

    std::string query = flow->query();
    const float fieldH = ui.px(120);
    const float clearW = ui.px(170);
    drawQueryField(ui, Rect{content.x, y, content.w - clearW - m.smallGap, fieldH}, query);
    bool cleared = bigButton(ui, {"catalog:clear", ui.t("keypad.clear"),
                                  Rect{content.right() - clearW, y, clearW, fieldH},
                                  ButtonStyle::Secondary, !query.empty(), FontRole::BodyBold});
    y += fieldH + m.gap;

    Rect keyboard, results;
    if (ui.portrait) {
        const float kbH = onscreenKeyboardHeight(ui, KeyboardMode::Full, ui.px(104));
        keyboard = Rect{content.x, content.bottom() - kbH, content.w, kbH};
        results = Rect{content.x, y, content.w, keyboard.y - m.gap - y};
    } else {
        const float kbW = content.w * 0.55f;
        const float kbH = std::min(content.bottom() - y,
                                   onscreenKeyboardHeight(ui, KeyboardMode::Full, ui.px(110)));
        keyboard = Rect{content.right() - kbW, content.bottom() - kbH, kbW, kbH};
        results = Rect{content.x, y, content.w - kbW - m.gap, content.bottom() - y};
    }
    drawResults(ui, *flow, results);
    KeyboardResult typed = drawOnscreenKeyboard(ui, keyboard, gKeyboard, query);

    if (back) {
        ui.session.catalogBack();
        return;
    }
    if (cleared) query.clear();
    if (typed.changed || cleared) flow->setQuery(query);
    if (typed.submitted && !flow->results().empty() && flow->resultsQuery() == flow->query())
        ui.session.openProcedure(flow->results().front().code);
}

}  // namespace dvc::ui
