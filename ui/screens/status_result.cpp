// Status result: what the dossier is, where it is, and how it got there. The applicant's name
// is masked again here whatever the gateway sent (privacy/mask.h): a passer-by can read the
// screen.
#include <algorithm>
#include <imgui.h>
#include <string>

#include "domain/time_format.h"
#include "privacy/mask.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

// "Thủ tục" over its value; returns the height used.
float drawField(UiContext& ui, std::string_view label, std::string_view value, float x, float y,
                float w, FontRole valueRole = FontRole::Body) {
    float h = drawText(ui, FontRole::Small, label, x, y, palette::textSecondary, w);
    h += ui.px(2);
    h += drawText(ui, valueRole, value, x, y + h, palette::text, w);
    return h;
}

float summaryHeight(UiContext& ui, const DossierStatus& d, float inner, float pad) {
    float lineS = ui.fonts.size(FontRole::Small) * 1.18f + ui.px(2);
    float gap = ui.px(22);
    float h = pad;
    h += lineS + ui.fonts.size(FontRole::Title) * 1.18f + gap;            // code + badge
    h += lineS + textHeight(ui, FontRole::BodyBold, d.procedureName, inner) + gap;
    h += lineS + textHeight(ui, FontRole::Body, "X", inner) + gap;         // applicant
    h += lineS + textHeight(ui, FontRole::Body, d.agency, inner) + gap;
    h += lineS + textHeight(ui, FontRole::Body, "X", inner);                // dates
    return h + pad;
}

void drawSummary(UiContext& ui, const DossierStatus& d, Rect card) {
    drawCard(ui, card);
    const float pad = ui.px(40);
    const float inner = card.w - 2 * pad;
    const float x = card.x + pad;
    const float gap = ui.px(22);
    float y = card.y + pad;

    // Code on the left, state badge on the right: the two facts the visitor came for.
    const std::string& stateLabel = ui.t(stateLabelKey(d.state));
    float badgeW = textWidth(ui, FontRole::Button, stateLabel) + ui.px(44);
    drawText(ui, FontRole::Small, ui.t("result.code"), x, y, palette::textSecondary, inner);
    float codeY = y + ui.fonts.size(FontRole::Small) * 1.18f + ui.px(2);
    FontRole codeRole = textWidth(ui, FontRole::Title, d.code) + badgeW + ui.px(24) <= inner
                            ? FontRole::Title
                            : FontRole::Button;
    drawText(ui, codeRole, d.code, x, codeY, palette::primary);
    drawPill(ui, stateLabel, card.right() - pad - badgeW, y, FontRole::Button, stateColour(d.state),
             palette::onPrimary, "status-badge");
    y = codeY + ui.fonts.size(FontRole::Title) * 1.18f + gap;

    y += drawField(ui, ui.t("result.procedure"), d.procedureName, x, y, inner, FontRole::BodyBold) + gap;
    y += drawField(ui, ui.t("result.applicant"), maskPersonName(d.applicantName), x, y, inner) + gap;
    y += drawField(ui, ui.t("result.agency"), d.agency, x, y, inner) + gap;
    const float half = (inner - ui.px(24)) * 0.5f;
    drawField(ui, ui.t("result.received"), formatDateTime(d.receivedAt), x, y, half);
    drawField(ui, ui.t("result.due"), formatDate(d.dueAt), x + half + ui.px(24), y, half,
              FontRole::BodyBold);
}

// The history as a vertical timeline, newest first, in a list the finger can drag.
void drawTimeline(UiContext& ui, const DossierStatus& d, Rect card) {
    drawCard(ui, card);
    const float pad = ui.px(40);
    float titleH = drawText(ui, FontRole::Button, ui.t("result.history"), card.x + pad, card.y + pad,
                            palette::text, card.w - 2 * pad);
    Rect list{card.x + pad, card.y + pad + titleH + ui.px(20), card.w - pad * 1.4f,
              card.h - 2 * pad - titleH - ui.px(20)};
    if (list.h < ui.px(60)) return;
    if (d.history.empty()) {
        drawText(ui, FontRole::Body, ui.t("result.history_empty"), list.x, list.y, palette::textSecondary,
                 list.w);
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(list.x, list.y));
    ImGui::BeginChild("##timeline", ImVec2(list.w, list.h), false, ImGuiWindowFlags_NoScrollWithMouse);
    // Touch screens have no wheel: dragging the list scrolls it.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, ui.px(8)))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();  // moves up as the list scrolls
    const float dotR = ui.px(14);
    const float railX = origin.x + dotR + ui.px(12);  // room for the newest entry's halo
    const float textX = railX + dotR + ui.px(28);
    const float wrap = origin.x + list.w - ui.px(30) - textX;
    float y = origin.y + ui.px(10);
    const size_t n = d.history.size();
    for (size_t i = 0; i < n; ++i) {
        const HistoryEntry& e = d.history[n - 1 - i];
        const float top = y;
        const std::string& label = ui.t(stateLabelKey(e.state));
        float h = drawText(ui, FontRole::BodyBold, label, textX, y, palette::text, wrap);
        h += drawText(ui, FontRole::Small, formatDateTime(e.at), textX, y + h, palette::textSecondary, wrap);
        if (!e.actor.empty())
            h += drawText(ui, FontRole::Small, e.actor, textX, y + h, palette::textSecondary, wrap);
        if (!e.note.empty())
            h += ui.px(4) + drawText(ui, FontRole::Body, e.note, textX, y + h + ui.px(4), palette::text, wrap);
        const float next = top + h + ui.px(34);
        if (i + 1 < n)
            dl->AddLine(ImVec2(railX, top + dotR * 2 + ui.px(8)), ImVec2(railX, next + ui.px(4)),
                        palette::border.packed(), ui.px(4));
        Colour dot = stateColour(e.state);
        dl->AddCircleFilled(ImVec2(railX, top + dotR + ui.px(6)), dotR, dot.packed(), 32);
        if (i == 0) dl->AddCircle(ImVec2(railX, top + dotR + ui.px(6)), dotR + ui.px(6),
                                  dot.withAlpha(90).packed(), 32, ui.px(4));
        y = next;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(1, 1));
    // More below: fade the last lines out so the list reads as scrollable.
    if (ImGui::GetScrollY() < ImGui::GetScrollMaxY() - 1.0f) {
        ImVec2 wmin = ImGui::GetWindowPos();
        ImVec2 wmax(wmin.x + ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize, wmin.y + ImGui::GetWindowHeight());
        const ImU32 clear = palette::surface.withAlpha(0).packed(), solid = palette::surface.packed();
        dl->AddRectFilledMultiColor(ImVec2(wmin.x, wmax.y - ui.px(70)), wmax, clear, clear, solid, solid);
    }
    ImGui::EndChild();
}

}  // namespace

void drawStatusResult(UiContext& ui, Rect content) {
    const DossierStatus* d = ui.session.dossier();
    if (!d) return;  // the Session never shows this screen without a dossier
    const Metrics& m = ui.metrics;
    float y = content.y + m.gap * 1.4f;
    y += drawText(ui, FontRole::Title, ui.t("result.title"), content.x, y, palette::text, content.w);
    y += m.gap;

    const float buttonH = m.touchMin * 1.15f;
    Rect buttons{content.x, content.bottom() - m.gap - buttonH, content.w, buttonH};
    Rect summary, timeline;
    if (ui.portrait) {
        float sh = summaryHeight(ui, *d, content.w - ui.px(80), ui.px(40));
        summary = Rect{content.x, y, content.w, sh};
        float ty = summary.bottom() + m.gap;
        timeline = Rect{content.x, ty, content.w, buttons.y - m.gap * 1.2f - ty};
    } else {
        // Landscape: the facts fill the left half; progress and the two actions the right.
        float lw = content.w * 0.5f - m.gap * 0.5f;
        float tx = content.x + lw + m.gap;
        summary = Rect{content.x, y, lw, content.bottom() - m.gap - y};
        buttons = Rect{tx, buttons.y, content.right() - tx, buttonH};
        timeline = Rect{tx, y, buttons.w, buttons.y - m.gap * 1.2f - y};
    }
    drawSummary(ui, *d, summary);
    drawTimeline(ui, *d, timeline);

    const float bw = (buttons.w - m.gap) * 0.5f;
    if (bigButton(ui, {"result:another", ui.t("result.another"), Rect{buttons.x, buttons.y, bw, buttonH},
                       ButtonStyle::Secondary, true, FontRole::Button, Icon::Search})) {
        ui.session.retryLookup();
        ui.session.clearCode();
    }
    if (bigButton(ui, {"result:finish", ui.t("result.finish"),
                       Rect{buttons.x + bw + m.gap, buttons.y, bw, buttonH}, ButtonStyle::Primary,
                       true, FontRole::Button, Icon::Check}))
        ui.session.goHome();
}

}  // namespace dvc::ui
