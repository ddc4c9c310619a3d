// "Kiểm tra lại hồ sơ": the problems first (each one a button to its field), then everything
// entered, section by section, in a scrollable list; "Nộp hồ sơ" once nothing is wrong.
#include <imgui.h>
#include <algorithm>
#include <string>

#include "forms/validation.h"
#include "screens/dossier_view.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

using dossier::in;
using forms::FieldType;

namespace {

// "Label: value" lines of one section (group entries indented).
float drawSectionSummary(UiContext& ui, const DossierFlow& flow, const forms::FormSection& section,
                         float x, float y, float w) {
    const auto& values = flow.draft()->values();
    float used = 0;
    auto line = [&](const std::string& label, const std::string& value, float indent) {
        const float labelW = (w - indent) * 0.42f;
        float h1 = drawText(ui, FontRole::Small, label, x + indent, y + used,
                            palette::textSecondary, labelW - ui.px(12));
        float h2 = drawText(ui, FontRole::BodyBold, value.empty() ? std::string("—") : value,
                            x + indent + labelW, y + used, palette::text, w - indent - labelW);
        used += std::max(h1, h2) + ui.px(10);
    };
    for (const auto& f : section.fields) {
        if (!forms::isVisible(f, values, nullptr)) continue;
        FieldRef ref{f.id, std::nullopt, {}, {}};
        if (f.type != FieldType::Group) {
            line(in(ui, f.label), dossier::formatValue(ui, flow, f, flow.valueAt(ref)), 0);
            continue;
        }
        line(in(ui, f.label), dossier::formatValue(ui, flow, f, flow.valueAt(ref)), 0);
        for (std::size_t i = 0; i < flow.draft()->groupSize(f.id); ++i) {
            const auto* item = flow.groupItem(f.id, i);
            used +=
                drawText(ui, FontRole::BodyBold,
                         fillPlaceholder(ui.t("dossier.group.entry"), "n", std::to_string(i + 1)),
                         x + ui.px(32), y + used, palette::primary, w - ui.px(32)) +
                ui.px(6);
            for (const auto& sub : f.fields) {
                if (!forms::isVisible(sub, values, item)) continue;
                FieldRef subRef{f.id, i, sub.id, {}};
                line(in(ui, sub.label), dossier::formatValue(ui, flow, sub, flow.valueAt(subRef)),
                     ui.px(32));
            }
        }
    }
    return used;
}

}  // namespace

void drawDossierReview(UiContext& ui, Rect content) {
    DossierFlow& flow = ui.session.dossierFlow();
    if (!flow.draft()) return;
    const Metrics& m = ui.metrics;
    float y = content.y + m.gap;
    y += drawText(ui, FontRole::BodyBold, flow.procedureName(), content.x, y,
                  palette::textSecondary, content.w);
    y += drawText(ui, FontRole::Title, ui.t("dossier.review.title"), content.x, y, palette::text,
                  content.w) +
         m.gap;

    const auto& problems = flow.reviewProblems();
    const float navH = m.touchMin * 1.15f;
    if (!problems.empty()) {
        // At most a few problems as buttons; the rest are reached after fixing these.
        const std::size_t shown = std::min<std::size_t>(problems.size(), ui.portrait ? 5 : 2);
        std::string heading =
            fillPlaceholder(ui.t("dossier.review.problems"), "n", std::to_string(problems.size()));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        drawIcon(dl, Icon::Alert, content.x + ui.px(22), y + ui.px(22), ui.px(40),
                 palette::accentRed);
        y += drawText(ui, FontRole::BodyBold, heading, content.x + ui.px(56), y, palette::accentRed,
                      content.w - ui.px(56)) +
             ui.px(10);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& p = problems[i];
            std::string label = in(ui, p.label);
            std::string text = dossier::explainProblem(ui, p);
            if (!label.empty() && text.find(label) == std::string::npos) text = label + ": " + text;
            float h =
                std::max(m.touchMin,
                         textHeight(ui, FontRole::Body, text, content.w - ui.px(60)) + ui.px(24));
            if (bigButton(ui, {"problem:" + p.field + ":" + p.code, text,
                               Rect{content.x, y, content.w, h}, ButtonStyle::Danger, true,
                               FontRole::Body}))
                flow.goToProblem(p);
            y += h + m.smallGap;
        }
        y += m.smallGap;
    } else {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        drawIcon(dl, Icon::Check, content.x + ui.px(22), y + ui.px(22), ui.px(40),
                 palette::success);
        y += drawText(ui, FontRole::BodyBold, ui.t("dossier.review.ok"), content.x + ui.px(56), y,
                      palette::success, content.w - ui.px(56)) +
             m.gap;
    }
    if (!flow.errorKey().empty())
        y += drawText(ui, FontRole::BodyBold, ui.t(flow.errorKey()), content.x, y,
                      palette::accentRed, content.w) +
             m.gap;

    // Everything entered, scrollable (drag the wide scrollbar or the list).
    const float listBottom = content.bottom() - navH - m.gap;
    if (listBottom - y > ui.px(120)) {
        Rect list{content.x, y, content.w, listBottom - y};
        drawCard(ui, list);
        ImGui::SetCursorScreenPos(ImVec2(list.x + ui.px(8), list.y + ui.px(8)));
        ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.px(36));
        ImGui::BeginChild("##review-list", ImVec2(list.w - ui.px(16), list.h - ui.px(16)), false,
                          ImGuiWindowFlags_NoBackground);
        const float pad = ui.px(24);
        const float w = list.w - ui.px(16) - 2 * pad - ui.px(40);
        float cy = ImGui::GetCursorScreenPos().y + pad;
        const float x0 = ImGui::GetCursorScreenPos().x + pad;
        const float startY = cy;
        for (const auto& section : flow.draft()->schema().sections) {
            bool any = false;
            for (const auto& f : section.fields)
                any = any || forms::isVisible(f, flow.draft()->values(), nullptr);
            if (!any) continue;
            cy +=
                drawText(ui, FontRole::Button, in(ui, section.title), x0, cy, palette::primary, w) +
                ui.px(10);
            cy += drawSectionSummary(ui, flow, section, x0, cy, w) + m.gap;
        }
        ImGui::Dummy(ImVec2(w, cy - startY + pad));
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }

    const float navY = content.bottom() - navH;
    const float bw = (content.w - m.gap) * 0.5f;
    if (bigButton(ui, {"dossier:back", ui.t("dossier.review.edit"), Rect{content.x, navY, bw, navH},
                       ButtonStyle::Secondary}))
        ui.session.dossierBack();
    if (bigButton(ui, {"dossier:submit", ui.t("dossier.review.submit"),
                       Rect{content.x + bw + m.gap, navY, bw, navH}, ButtonStyle::Primary,
                       problems.empty(), FontRole::Button, Icon::Check}))
        flow.submit();
}

}  // namespace dvc::ui
