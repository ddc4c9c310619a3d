#include "screens/catalog_parts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "widgets/big_button.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

float drawCatalogTopBar(UiContext& ui, Rect content, std::string_view title,
                        std::string_view subtitle, bool& backTapped) {
    const Metrics& m = ui.metrics;
    const float backW = ui.px(250);
    const float barH = m.touchMin;
    backTapped = bigButton(
        ui, {"catalog:back", ui.t("catalog.back"), Rect{content.x, content.y + m.gap, backW, barH},
             ButtonStyle::Secondary, true, FontRole::BodyBold});
    const float tx = content.x + backW + m.gap;
    const float wrap = content.right() - tx;
    const float titleH = textHeight(ui, FontRole::Title, title, wrap);
    const float subH = subtitle.empty() ? 0 : textHeight(ui, FontRole::Body, subtitle, wrap);
    const float blockH = titleH + subH;
    float y = content.y + m.gap + std::max(0.0f, (barH - blockH) * 0.5f);
    y += drawText(ui, FontRole::Title, title, tx, y, palette::text, wrap);
    if (!subtitle.empty())
        y += drawText(ui, FontRole::Body, subtitle, tx, y, palette::textSecondary, wrap);
    return std::max(y, content.y + m.gap + barH) + m.gap;
}

float drawCatalogCacheLine(UiContext& ui, float x, float y, float width) {
    const CatalogFlow* flow = ui.session.catalog();
    if (!flow) return 0;
    if (!flow->offline() && ui.session.gatewayReachable()) return 0;
    std::string line = flow->cache().confirmedEpoch
                           ? fillPlaceholder(ui.t("catalog.cache.offline_at"), "time",
                                             localTimeShort(*flow->cache().confirmedEpoch))
                           : ui.t("catalog.cache.never");
    Rect r = drawPill(ui, line, x, y, FontRole::BodyBold, palette::warningSoft,
                      palette::warningText, "catalog:cache-age");
    (void)width;
    return r.h + ui.metrics.smallGap;
}

const std::string& tierName(const UiContext& ui, Tier tier) {
    switch (tier) {
        case Tier::Commune:
            return ui.t("catalog.tier.xa");
        case Tier::District:
            return ui.t("catalog.tier.huyen");
        case Tier::Province:
            return ui.t("catalog.tier.tinh");
    }
    return ui.t("catalog.tier.xa");
}

std::string onlineScopeKey(OnlineScope scope) {
    switch (scope) {
        case OnlineScope::Full:
            return "toan_trinh";
        case OnlineScope::Partial:
            return "mot_phan";
        case OnlineScope::None:
            return "khong";
    }
    return "khong";
}

std::string localTimeShort(long long epochSeconds) {
    std::time_t t = static_cast<std::time_t>(epochSeconds);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%H:%M %d/%m", &local);
    return buf;
}

namespace {
constexpr float kRowPad = 22;
}

float catalogRowHeight(const UiContext& ui, std::string_view title, std::string_view meta,
                       float width) {
    const float wrap = width - 2 * ui.px(kRowPad) - ui.px(60);
    float h = 2 * ui.px(kRowPad) + textHeight(ui, FontRole::BodyBold, title, wrap);
    if (!meta.empty()) h += ui.px(6) + textHeight(ui, FontRole::Small, meta, wrap);
    return std::max(h, ui.metrics.touchMin);
}

float drawCatalogRow(UiContext& ui, const std::string& id, std::string_view title,
                     std::string_view meta, Rect row, bool& tapped) {
    const float pad = ui.px(kRowPad);
    const float wrap = row.w - 2 * pad - ui.px(60);
    row.h = std::max(row.h, catalogRowHeight(ui, title, meta, row.w));
    ImGui::SetCursorScreenPos(ImVec2(row.x, row.y));
    tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(row.w, row.h));
    const bool pressed = ImGui::IsItemActive();
    ui.record.addWidget(id, std::string(title), row, true);
    drawCard(ui, row, pressed ? palette::primarySoft : palette::surface);
    float y = row.y + pad;
    y += drawText(ui, FontRole::BodyBold, title, row.x + pad, y, palette::text, wrap);
    if (!meta.empty())
        drawText(ui, FontRole::Small, meta, row.x + pad, y + ui.px(6), palette::textSecondary,
                 wrap);
    // A chevron: this row leads somewhere.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cx = row.right() - pad - ui.px(16), cy = row.centreY(), s = ui.px(14);
    dl->AddLine(ImVec2(cx - s * 0.5f, cy - s), ImVec2(cx + s * 0.5f, cy), palette::primary.packed(),
                ui.px(4));
    dl->AddLine(ImVec2(cx + s * 0.5f, cy), ImVec2(cx - s * 0.5f, cy + s), palette::primary.packed(),
                ui.px(4));
    return row.h;
}

float ScrollColumn::begin(UiContext& ui, Rect area, const std::string& key) {
    if (key != contentKey) {
        contentKey = key;
        offset = 0;
    }
    area_ = area;
    viewHeight = area.h;
    ImGuiIO& io = ImGui::GetIO();
    const bool inside = area.contains(io.MouseClickedPos[0].x, io.MouseClickedPos[0].y);
    if (ImGui::IsMouseClicked(0)) dragged = false;
    if (ImGui::IsMouseDown(0) && inside) {
        const ImVec2 drag = ImGui::GetMouseDragDelta(0, 0.0f);
        if (std::fabs(drag.y) > ui.px(24)) dragged = true;
        if (dragged) offset -= io.MouseDelta.y;
    }
    offset = std::clamp(offset, 0.0f, std::max(0.0f, contentHeight - viewHeight));
    ImGui::PushClipRect(ImVec2(area.x - ui.px(8), area.y),
                        ImVec2(area.right() + ui.px(8), area.bottom()), true);
    return area.y - offset;
}

void ScrollColumn::end(float height) {
    contentHeight = height;
    ImGui::PopClipRect();
    offset = std::clamp(offset, 0.0f, std::max(0.0f, contentHeight - viewHeight));
}

void ScrollColumn::page(float direction) {
    offset = std::clamp(offset + direction * viewHeight * 0.8f, 0.0f,
                        std::max(0.0f, contentHeight - viewHeight));
}

bool ScrollColumn::visible(float top, float bottom) const {
    return bottom > area_.y && top < area_.bottom();
}

}  // namespace dvc::ui
