#include "widgets/form_fields.h"

#include <imgui.h>
#include <algorithm>
#include <string>

#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

constexpr float kBoxHeight = 96;

bool invisibleButton(UiContext& ui, std::string_view id, std::string_view label, Rect r,
                     bool enabled, bool* pressed) {
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    std::string imguiId(id);
    if (!enabled) ImGui::BeginDisabled();
    bool clicked =
        ImGui::InvisibleButton(imguiId.c_str(), ImVec2(std::max(r.w, 1.0f), std::max(r.h, 1.0f)));
    if (pressed) *pressed = ImGui::IsItemActive();
    if (!enabled) ImGui::EndDisabled();
    ui.record.addWidget(std::string(id), std::string(label), r, enabled);
    return clicked && enabled;
}

}  // namespace

float fieldLabelHeight(const UiContext& ui, std::string_view label, float width) {
    return textHeight(ui, FontRole::BodyBold, std::string(label) + " *", width);
}

float drawFieldLabel(UiContext& ui, std::string_view label, bool required, float x, float y,
                     float width) {
    float h = drawText(ui, FontRole::BodyBold, label, x, y, palette::text, width - ui.px(30));
    if (required) {
        // The star after the label's last line.
        auto lines = wrapLines(ui, FontRole::BodyBold, label, width - ui.px(30));
        float lastW = lines.empty() ? 0 : textWidth(ui, FontRole::BodyBold, lines.back());
        float lineH = ui.fonts.size(FontRole::BodyBold) * 1.18f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(ui.fonts.get(FontRole::BodyBold), ui.fonts.size(FontRole::BodyBold),
                    ImVec2(x + lastW + ui.px(8), y + h - lineH), palette::accentRed.packed(), "*");
    }
    return h;
}

float fieldBoxHeight(const UiContext& ui, std::string_view label, float width) {
    return fieldLabelHeight(ui, label, width) + ui.px(8) + ui.px(kBoxHeight);
}

bool drawFieldBox(UiContext& ui, const FieldBoxSpec& spec, Rect area) {
    float y = area.y + drawFieldLabel(ui, spec.label, spec.required, area.x, area.y, area.w);
    y += ui.px(8);
    Rect box{area.x, y, area.w, ui.px(kBoxHeight)};
    bool pressed = false;
    bool tapped = invisibleButton(ui, spec.id, spec.label, box, true, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = ui.metrics.smallRadius * 1.2f;
    Colour fill = spec.locked ? palette::surfaceMuted
                  : pressed   ? palette::primarySoft
                              : palette::surface;
    Colour outline = spec.hasProblem ? palette::accentRed
                     : spec.focused  ? palette::primary
                                     : palette::border;
    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), fill.packed(),
                      radius);
    dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), outline.packed(), radius,
                0, spec.focused || spec.hasProblem ? ui.px(4) : ui.px(2));
    const float pad = ui.px(24);
    const float lockW = spec.locked ? ui.px(56) : 0.0f;
    Rect inner{box.x + pad, box.y, box.w - 2 * pad - lockW, box.h};
    float lineH = ui.fonts.size(FontRole::Body) * 1.18f;
    ImGui::PushClipRect(ImVec2(inner.x, inner.y), ImVec2(inner.right(), inner.bottom()), true);
    if (spec.value.empty()) {
        drawText(ui, FontRole::Body, spec.hint, inner.x, inner.centreY() - lineH * 0.5f,
                 palette::textMuted);
    } else {
        // A long value keeps its end in view (that is where the citizen types).
        float w = textWidth(ui, FontRole::Body, spec.value);
        float x = inner.x + std::min(0.0f, inner.w - w - ui.px(10));
        drawText(ui, FontRole::Body, spec.value, x, inner.centreY() - lineH * 0.5f,
                 spec.locked ? palette::textSecondary : palette::text);
        if (spec.focused) {
            float cx = std::min(x + w + ui.px(4), inner.right() - ui.px(4));
            dl->AddRectFilled(ImVec2(cx, box.y + box.h * 0.24f),
                              ImVec2(cx + ui.px(4), box.bottom() - box.h * 0.24f),
                              palette::primary.packed());
        }
    }
    if (spec.focused && spec.value.empty())
        dl->AddRectFilled(ImVec2(inner.x - ui.px(8), box.y + box.h * 0.24f),
                          ImVec2(inner.x - ui.px(4), box.bottom() - box.h * 0.24f),
                          palette::primary.packed());
    ImGui::PopClipRect();
    if (spec.locked) {
        // A padlock: body and shackle.
        float cx = box.right() - pad - ui.px(20), cy = box.centreY();
        float s = ui.px(18);
        dl->AddRectFilled(ImVec2(cx - s, cy - s * 0.2f), ImVec2(cx + s, cy + s * 1.2f),
                          palette::textSecondary.packed(), ui.px(4));
        dl->PathArcTo(ImVec2(cx, cy - s * 0.2f), s * 0.65f, 3.14159f, 2 * 3.14159f, 16);
        dl->PathStroke(palette::textSecondary.packed(), 0, ui.px(5));
    }
    return tapped;
}

float prefillBadgeHeight(const UiContext& ui, bool locked, float width) {
    const std::string text =
        std::string(locked ? ui.t("dossier.badge.locked") : ui.t("dossier.badge.from_card"));
    return textHeight(ui, FontRole::Small, text, width - ui.px(40)) + ui.px(12);
}

float drawPrefillBadge(UiContext& ui, bool locked, float x, float y, float width) {
    const std::string& text =
        locked ? ui.t("dossier.badge.locked") : ui.t("dossier.badge.from_card");
    Colour colour = locked ? palette::textSecondary : palette::primary;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float h = textHeight(ui, FontRole::Small, text, width - ui.px(40));
    dl->AddRectFilled(ImVec2(x, y + ui.px(4)), ImVec2(x + ui.px(8), y + h), colour.packed(),
                      ui.px(3));
    drawText(ui, FontRole::Small, text, x + ui.px(20), y + ui.px(2), colour, width - ui.px(40));
    return h + ui.px(12);
}

float problemsHeight(const UiContext& ui, const std::vector<std::string>& messages, float width) {
    float h = 0;
    for (const auto& m : messages)
        h += textHeight(ui, FontRole::Small, m, width - ui.px(44)) + ui.px(6);
    return h;
}

float drawProblems(UiContext& ui, const std::vector<std::string>& messages, float x, float y,
                   float width) {
    float used = 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& m : messages) {
        float iconS = ui.px(28);
        drawIcon(dl, Icon::Alert, x + iconS * 0.5f, y + used + ui.px(18), iconS,
                 palette::accentRed);
        used += drawText(ui, FontRole::Small, m, x + ui.px(44), y + used, palette::accentRed,
                         width - ui.px(44)) +
                ui.px(6);
    }
    return used;
}

bool drawOption(UiContext& ui, std::string_view id, std::string_view label, bool selected,
                bool enabled, Rect r) {
    bool pressed = false;
    bool tapped = invisibleButton(ui, id, label, r, enabled, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = ui.metrics.smallRadius * 1.2f;
    Colour fill = selected  ? palette::primarySoft
                  : pressed ? palette::surfaceMuted
                            : palette::surface;
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), fill.packed(), radius);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                (selected ? palette::primary : palette::border).packed(), radius, 0,
                selected ? ui.px(4) : ui.px(2));
    float cr = ui.px(18);
    ImVec2 c(r.x + ui.px(24) + cr, r.centreY());
    dl->AddCircle(c, cr, (enabled ? palette::primary : palette::textMuted).packed(), 32, ui.px(3));
    if (selected) dl->AddCircleFilled(c, cr * 0.55f, palette::primary.packed(), 32);
    float tx = c.x + cr + ui.px(18);
    drawTextInBox(ui, FontRole::Body, label, Rect{tx, r.y, r.right() - tx - ui.px(12), r.h},
                  enabled ? palette::text : palette::textMuted);
    return tapped;
}

float checkboxHeight(const UiContext& ui, std::string_view label, float width) {
    float textW = width - ui.px(110);
    return std::max(ui.metrics.touchMin,
                    textHeight(ui, FontRole::Body, std::string(label) + " *", textW) + ui.px(36));
}

bool drawCheckbox(UiContext& ui, std::string_view id, std::string_view label, bool checked,
                  bool required, bool enabled, Rect r) {
    bool pressed = false;
    bool tapped = invisibleButton(ui, id, label, r, enabled, &pressed);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float radius = ui.metrics.smallRadius * 1.2f;
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                      (pressed ? palette::surfaceMuted : palette::surface).packed(), radius);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()),
                (checked ? palette::primary : palette::border).packed(), radius, 0, ui.px(2));
    float s = ui.px(52);
    ImVec2 b0(r.x + ui.px(24), r.y + ui.px(20));
    dl->AddRectFilled(b0, ImVec2(b0.x + s, b0.y + s),
                      (checked ? palette::primary : palette::surface).packed(), ui.px(8));
    dl->AddRect(b0, ImVec2(b0.x + s, b0.y + s), palette::primary.packed(), ui.px(8), 0, ui.px(4));
    if (checked)
        drawIcon(dl, Icon::Check, b0.x + s * 0.5f, b0.y + s * 0.5f, s * 0.8f, palette::onPrimary);
    float tx = b0.x + s + ui.px(28);
    drawFieldLabel(ui, label, required, tx, r.y + ui.px(18), r.right() - tx - ui.px(8));
    return tapped;
}

}  // namespace dvc::ui
