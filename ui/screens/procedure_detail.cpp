// A procedure's detail: every level-1 item of Circular 32 (procedureSheet) in a column the
// finger scrolls (or "Lên"/"Xuống"), under a badge saying whether the kiosk can finish it
// (toàn trình) or the counter is needed (một phần), and "Nộp hồ sơ trực tuyến".
#include <imgui.h>

#include <string>

#include "catalog/procedure_sheet.h"
#include "screens/catalog_parts.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

ScrollColumn gDetailScroll;  // UI state only

struct BadgeLook {
    Colour fill, text;
    Icon icon;
};

BadgeLook badgeLook(OnlineScope scope) {
    switch (scope) {
        case OnlineScope::Full:
            return {palette::successSoft, palette::success, Icon::Check};
        case OnlineScope::Partial:
            return {palette::warningSoft, palette::warningText, Icon::Alert};
        case OnlineScope::None:
            return {palette::surfaceMuted, palette::text, Icon::Alert};
    }
    return {palette::surfaceMuted, palette::text, Icon::Alert};
}

// The badge: a full-width band, icon and one sentence; returns its height.
float drawScopeBadge(UiContext& ui, OnlineScope scope, float x, float y, float w) {
    const BadgeLook look = badgeLook(scope);
    const std::string& text = ui.t("catalog.badge." + onlineScopeKey(scope));
    const float pad = ui.px(24), iconS = ui.px(52);
    const float wrap = w - 3 * pad - iconS;
    const float h =
        std::max(ui.metrics.touchMin, textHeight(ui, FontRole::BodyBold, text, wrap) + 2 * pad);
    Rect r{x, y, w, h};
    drawCard(ui, r, look.fill, look.text);
    drawIcon(ImGui::GetWindowDrawList(), look.icon, x + pad + iconS * 0.5f, r.centreY(), iconS,
             look.text);
    const float th = textHeight(ui, FontRole::BodyBold, text, wrap);
    drawText(ui, FontRole::BodyBold, text, x + 2 * pad + iconS, r.centreY() - th * 0.5f, look.text,
             wrap);
    ui.record.addWidget("catalog:scope-badge", text, r, false);
    return h;
}

// One Circular 32 item: its label, then its lines (documents with their counts).
float drawSection(UiContext& ui, const catalog::SheetSection& s, float x, float y, float w,
                  bool draw) {
    const float start = y;
    const float indent = ui.px(20);
    auto text = [&](FontRole role, const std::string& t, float tx, Colour c) {
        const float wrap = w - (tx - x);
        if (!draw) return textHeight(ui, role, t, wrap);
        return drawText(ui, role, t, tx, y, c, wrap);
    };
    y += text(FontRole::BodyBold, ui.t(s.labelKey), x, palette::primary);
    y += ui.px(6);
    if (!s.valueKey.empty()) y += text(FontRole::Body, ui.t(s.valueKey), x + indent, palette::text);
    for (const auto& line : s.lines) {
        y += text(FontRole::Body, s.lines.size() > 1 ? "• " + line : line, x + indent,
                  palette::text);
        y += ui.px(4);
    }
    for (const auto& d : s.documents) {
        y += text(FontRole::Body, "• " + d.name, x + indent, palette::text);
        std::string counts =
            fillPlaceholder(fillPlaceholder(ui.t("catalog.document.counts"), "originals",
                                            std::to_string(d.originals)),
                            "copies", std::to_string(d.copies));
        y += text(FontRole::Small, counts, x + indent * 2.5f, palette::textSecondary);
        y += ui.px(6);
    }
    return y - start;
}

}  // namespace

void drawProcedureDetail(UiContext& ui, Rect content) {
    CatalogFlow* flow = ui.session.catalog();
    if (!flow) return;
    const Metrics& m = ui.metrics;
    const ProcedureDetailView* view = flow->detail();
    bool back = false;

    if (flow->detailPhase() != DetailPhase::Shown || !view) {
        float y = drawCatalogTopBar(ui, content, flow->detailCode(), {}, back);
        if (flow->detailPhase() == DetailPhase::Loading) {
            drawText(ui, FontRole::Body, ui.t("catalog.detail.loading"), content.x, y + m.gap,
                     palette::textSecondary, content.w);
        } else {
            Rect card{content.x, y + m.gap, content.w, ui.px(220)};
            drawCard(ui, card, palette::errorSoft, palette::accentRed);
            drawText(ui, FontRole::BodyBold, ui.t(flow->errorKey()), card.x + ui.px(28),
                     card.y + ui.px(28), palette::text, card.w - ui.px(56));
            if (bigButton(ui, {"catalog:retry", ui.t("lookup.failed.retry"),
                               Rect{content.x, card.bottom() + m.gap, content.w, m.touchMin},
                               ButtonStyle::Primary, true}))
                flow->retryDetail();
        }
        if (back) ui.session.catalogBack();
        return;
    }

    const ProcedureDetail& d = view->detail;
    const ProcedureSummary& p = d.summary;
    float y = drawCatalogTopBar(ui, content, p.name, tierName(ui, p.tier) + " · " + p.code, back);
    if (view->fromCache) {
        std::string note = fillPlaceholder(
            ui.t("catalog.detail.from_cache"), "time",
            view->cachedEpoch ? localTimeShort(*view->cachedEpoch) : std::string("—"));
        const float wrap = content.w - ui.px(48);
        Rect r{content.x, y, content.w, textHeight(ui, FontRole::BodyBold, note, wrap) + ui.px(28)};
        drawCard(ui, r, palette::warningSoft, palette::warning);
        drawText(ui, FontRole::BodyBold, note, r.x + ui.px(24), r.y + ui.px(14),
                 palette::warningText, wrap);
        ui.record.addWidget("catalog:from-cache", note, r, false);
        y = r.bottom() + m.smallGap;
    }
    y += drawScopeBadge(ui, p.online, content.x, y, content.w) + m.gap;

    // The action bar: scroll buttons and the one action of the screen.
    const float barH = m.touchMin * 1.1f;
    const float barY = content.bottom() - barH;
    const float scrollW = ui.px(ui.portrait ? 200 : 240);
    const bool canSubmit = p.online != OnlineScope::None;
    const std::string& submitLabel =
        canSubmit ? ui.t("catalog.detail.submit") : ui.t("catalog.detail.counter_only");

    // The sheet, in a card the finger scrolls.
    Rect sheet{content.x, y, content.w, barY - m.gap - y};
    drawCard(ui, sheet);
    const float pad = ui.px(28);
    Rect inner{sheet.x + pad, sheet.y + ui.px(12), sheet.w - 2 * pad, sheet.h - ui.px(24)};
    float sy = gDetailScroll.begin(ui, inner, p.code);
    const float top = sy;
    sy += ui.px(12);
    for (const auto& section : catalog::procedureSheet(d)) {
        const float h = drawSection(ui, section, inner.x, sy, inner.w, false);
        // Every heading is drawn (and so readable by scripts) even when scrolled away; the clip
        // rectangle keeps it off screen.
        drawSection(ui, section, inner.x, sy, inner.w, true);
        sy += h + m.gap;
    }
    gDetailScroll.end(sy - top);

    if (bigButton(ui, {"catalog:up", ui.t("catalog.detail.scroll_up"),
                       Rect{content.x, barY, scrollW, barH}, ButtonStyle::Secondary,
                       gDetailScroll.canScrollUp(), FontRole::BodyBold}))
        gDetailScroll.page(-1);
    if (bigButton(ui, {"catalog:down", ui.t("catalog.detail.scroll_down"),
                       Rect{content.x + scrollW + m.smallGap, barY, scrollW, barH},
                       ButtonStyle::Secondary, gDetailScroll.canScrollDown(), FontRole::BodyBold}))
        gDetailScroll.page(1);
    const float sx = content.x + 2 * (scrollW + m.smallGap) + m.smallGap;
    if (bigButton(ui, {"catalog:submit", submitLabel, Rect{sx, barY, content.right() - sx, barH},
                       ButtonStyle::Primary, canSubmit, FontRole::Button, Icon::Document}))
        ui.session.startDossier(p.code);

    if (back) ui.session.catalogBack();
}

}  // namespace dvc::ui
