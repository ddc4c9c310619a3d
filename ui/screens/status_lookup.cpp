// Status lookup: the visitor types the dossier code on the keypad (or a keyboard-wedge
// scanner types it), or scans the QR code printed on the appointment slip. While the
// request runs a spinner shows; a failure shows the plain message with "Thử lại" and
// "Về trang chủ".
#include <algorithm>
#include <imgui.h>
#include <string>

#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/code_keypad.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

// The code being typed, in a box that looks like a form field. Long input keeps its end
// visible (that is where the finger is typing).
void drawCodeField(UiContext& ui, Rect r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette::surface.packed(),
                      ui.metrics.smallRadius * 1.4f);
    dl->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), palette::primary.packed(),
                ui.metrics.smallRadius * 1.4f, 0, ui.px(4));
    const std::string& code = ui.session.codeInput();
    const float pad = ui.px(28);
    const float inner = r.w - 2 * pad;
    if (code.empty()) {
        const std::string& hint = ui.t("lookup.placeholder");
        float h = ui.fonts.size(FontRole::Body) * 1.18f;
        drawText(ui, FontRole::Body, hint, r.x + pad, r.centreY() - h * 0.5f, palette::textMuted, inner);
        dl->AddRectFilled(ImVec2(r.x + pad - ui.px(10), r.y + r.h * 0.24f),
                          ImVec2(r.x + pad - ui.px(6), r.bottom() - r.h * 0.24f),
                          palette::primary.packed());
        return;
    }
    FontRole role = FontRole::Title;
    float w = textWidth(ui, role, code);
    if (w > inner - ui.px(12)) role = FontRole::Button;  // a long code: one step smaller
    w = textWidth(ui, role, code);
    float h = ui.fonts.size(role) * 1.18f;
    float x = r.x + pad + std::min(0.0f, inner - ui.px(12) - w);
    ImGui::PushClipRect(ImVec2(r.x + ui.px(6), r.y), ImVec2(r.right() - ui.px(6), r.bottom()), true);
    drawText(ui, role, code, x, r.centreY() - h * 0.5f, palette::text);
    ImGui::PopClipRect();
    float caretX = std::min(x + w + ui.px(6), r.right() - pad);
    dl->AddRectFilled(ImVec2(caretX, r.y + r.h * 0.22f), ImVec2(caretX + ui.px(4), r.bottom() - r.h * 0.22f),
                      palette::primary.packed());
}

// Keys from a physical keyboard or a keyboard-wedge QR scanner, while entering.
void handleKeyboard(UiContext& ui) {
    ImGuiIO& io = ImGui::GetIO();
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters)
        if (c < 0x80) typed.push_back(static_cast<char>(c));
    if (!typed.empty()) ui.session.appendToCode(typed);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) ui.session.backspaceCode();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        ui.session.submitCode();
}

void applyKeypad(UiContext& ui, const KeypadEvent& e) {
    switch (e.kind) {
        case KeypadEvent::Kind::None: return;
        case KeypadEvent::Kind::Char: ui.session.appendToCode(std::string(1, e.ch)); return;
        case KeypadEvent::Kind::Backspace: ui.session.backspaceCode(); return;
        case KeypadEvent::Kind::Clear: ui.session.clearCode(); return;
        case KeypadEvent::Kind::Submit: ui.session.submitCode(); return;
    }
}

// A centred card for the states that replace the keypad (scanning, loading, failed).
Rect statusCard(Rect area, float wantH) {
    float h = std::min(area.h, wantH);
    return Rect{area.x, area.y, area.w, h};
}

void drawScanning(UiContext& ui, Rect area) {
    const float pad = ui.px(48);
    const float finder = std::min(ui.px(ui.portrait ? 420 : 340), area.w - 2 * pad);
    const float inner = area.w - 2 * pad;
    const std::string& title = ui.t("lookup.scanning.title");
    const std::string& body = ui.t("lookup.scanning.body");
    float wantH = pad + finder + ui.px(40) + textHeight(ui, FontRole::Button, title, inner) + ui.px(12) +
                  textHeight(ui, FontRole::Body, body, inner) + ui.px(40) + ui.metrics.touchMin * 1.1f + pad;
    Rect card = statusCard(area, wantH);
    drawCard(ui, card);
    float y = card.y + pad;
    drawViewfinder(ui, Rect{card.centreX() - finder * 0.5f, y, finder, finder}, ImGui::GetTime());
    drawIcon(ImGui::GetWindowDrawList(), Icon::Qr, card.centreX(), y + finder * 0.5f, finder * 0.36f,
             palette::primary.withAlpha(90));
    y += finder + ui.px(40);
    y += drawText(ui, FontRole::Button, title, card.centreX(), y, palette::text, inner, Align::Centre);
    y += ui.px(12);
    y += drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner, Align::Centre);
    y += ui.px(40);
    float bw = std::min(inner, ui.px(520));
    if (bigButton(ui, {"qr:cancel", ui.t("lookup.scanning.cancel"),
                       Rect{card.centreX() - bw * 0.5f, y, bw, ui.metrics.touchMin * 1.1f},
                       ButtonStyle::Danger}))
        ui.session.cancelQrScan();
}

void drawLoading(UiContext& ui, Rect area) {
    const float pad = ui.px(56);
    const float inner = area.w - 2 * pad;
    const float r = ui.px(64);
    const std::string& title = ui.t("lookup.loading.title");
    const std::string& body = ui.t("lookup.loading.body");
    float wantH = pad + 2 * r + ui.px(44) + textHeight(ui, FontRole::Button, title, inner) + ui.px(12) +
                  textHeight(ui, FontRole::Body, body, inner) + ui.px(16) +
                  ui.fonts.size(FontRole::Title) * 1.2f + pad;
    Rect card = statusCard(area, wantH);
    drawCard(ui, card);
    float y = card.y + pad;
    drawSpinner(ui, card.centreX(), y + r, r, ImGui::GetTime());
    y += 2 * r + ui.px(44);
    y += drawText(ui, FontRole::Button, title, card.centreX(), y, palette::text, inner, Align::Centre);
    y += ui.px(12);
    y += drawText(ui, FontRole::Body, body, card.centreX(), y, palette::textSecondary, inner, Align::Centre);
    y += ui.px(16);
    drawText(ui, FontRole::Title, ui.session.codeInput(), card.centreX(), y, palette::primary, inner,
             Align::Centre);
}

void drawFailure(UiContext& ui, Rect area) {
    const float pad = ui.px(56);
    const float inner = area.w - 2 * pad;
    const float iconSize = ui.px(120);
    const std::string& title = ui.t("lookup.failed.title");
    const std::string& message = ui.t(ui.session.errorKey());
    const float buttonH = ui.metrics.touchMin * 1.15f;
    const bool stacked = inner < ui.px(760);
    const std::string& code = ui.session.codeInput();
    std::string tried = code.empty() ? std::string() : fillPlaceholder(ui.t("lookup.failed.code"), "code", code);
    float triedH = tried.empty() ? 0.0f : ui.px(20) + textHeight(ui, FontRole::BodyBold, tried, inner);
    float wantH = pad + iconSize + ui.px(32) + textHeight(ui, FontRole::Button, title, inner) + ui.px(16) +
                  textHeight(ui, FontRole::Body, message, inner) + triedH + ui.px(48) +
                  (stacked ? 2 * buttonH + ui.metrics.gap : buttonH) + pad;
    Rect card = statusCard(area, wantH);
    drawCard(ui, card, palette::surface, Colour::rgb(0xE7A3AD));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(card.x, card.y), ImVec2(card.right(), card.y + ui.px(10)),
                      palette::accentRed.packed(), ui.metrics.radius, ImDrawFlags_RoundCornersTop);
    float y = card.y + pad;
    drawIcon(dl, Icon::Alert, card.centreX(), y + iconSize * 0.5f, iconSize, palette::accentRed);
    y += iconSize + ui.px(32);
    y += drawText(ui, FontRole::Button, title, card.centreX(), y, palette::text, inner, Align::Centre);
    y += ui.px(16);
    y += drawText(ui, FontRole::Body, message, card.centreX(), y, palette::text, inner, Align::Centre);
    if (!tried.empty())
        y += ui.px(20) + drawText(ui, FontRole::BodyBold, tried, card.centreX(), y + ui.px(20),
                                  palette::textSecondary, inner, Align::Centre);
    y += ui.px(48);
    Rect retry{card.x + pad, y, stacked ? inner : (inner - ui.metrics.gap) * 0.5f, buttonH};
    Rect home = stacked ? Rect{retry.x, y + buttonH + ui.metrics.gap, inner, buttonH}
                        : Rect{retry.right() + ui.metrics.gap, y, retry.w, buttonH};
    if (bigButton(ui, {"lookup:retry", ui.t("lookup.failed.retry"), retry, ButtonStyle::Primary}))
        ui.session.retryLookup();
    if (bigButton(ui, {"lookup:home", ui.t("lookup.failed.home"), home, ButtonStyle::Secondary,
                       true, FontRole::Button, Icon::Home}))
        ui.session.goHome();
}

}  // namespace

void drawStatusLookup(UiContext& ui, Rect content) {
    const Metrics& m = ui.metrics;
    const LookupPhase phase = ui.session.lookupPhase();
    if (phase == LookupPhase::Entering) handleKeyboard(ui);

    // Portrait: everything in one column. Landscape: title, field and QR on the left, the
    // keypad (or the state card) on the right.
    Rect left = content, right = content;
    if (!ui.portrait) {
        left.w = content.w * 0.42f;
        right.x = left.right() + m.gap * 2;
        right.w = content.right() - right.x;
    }
    float y = content.y + m.gap * 1.4f;
    y += drawText(ui, FontRole::Title, ui.t("lookup.title"), left.x, y, palette::text, left.w);
    y += ui.px(8);
    y += drawText(ui, FontRole::Body, ui.t("lookup.instructions"), left.x, y, palette::textSecondary,
                  left.w);
    y += m.gap * 1.3f;

    const bool entering = phase == LookupPhase::Entering;
    if (entering || !ui.portrait) {
        const float fieldH = ui.px(132);
        drawCodeField(ui, Rect{left.x, y, left.w, fieldH});
        y += fieldH + m.gap;
        const float qrH = m.touchMin * 1.15f;
        if (bigButton(ui, {"lookup:scan", ui.t("lookup.scan"), Rect{left.x, y, left.w, qrH},
                           ButtonStyle::Secondary, entering, FontRole::Button, Icon::Qr}))
            ui.session.startQrScan();
        y += qrH + m.gap * 1.4f;
    }
    if (!ui.portrait) {
        // Landscape is short: "Tra cứu" sits under the field, the keypad has six rows, and the
        // hint about where the code is printed fills what is left of the column.
        const float submitH = m.touchMin * 1.15f;
        if (entering) {
            if (bigButton(ui, {"key:submit", ui.t("lookup.submit"), Rect{left.x, y, left.w, submitH},
                               ButtonStyle::Primary, !ui.session.codeInput().empty(),
                               FontRole::Button, Icon::Search}))
                ui.session.submitCode();
            y += submitH + m.gap * 1.4f;
        }
        const std::string& where = ui.t("lookup.where_is_code");
        if (y + textHeight(ui, FontRole::Body, where, left.w) < content.bottom() - m.gap)
            drawText(ui, FontRole::Body, where, left.x, y, palette::textSecondary, left.w);
        y = content.y + m.gap * 1.4f;
    }

    Rect area{right.x, y, right.w, content.bottom() - y - m.gap};
    switch (phase) {
        case LookupPhase::Entering: {
            const KeypadLayout layout =
                ui.portrait ? KeypadLayout::WithSubmitRow : KeypadLayout::SubmitElsewhere;
            float h = std::min(area.h, codeKeypadHeight(ui, layout, ui.px(112)));
            // Portrait leaves room between the QR button and the keypad: say where the code is.
            const std::string& where = ui.t("lookup.where_is_code");
            float spare = area.h - h - m.gap;
            float whereH = textHeight(ui, FontRole::Body, where, area.w);
            if (ui.portrait && spare > whereH + m.gap)
                drawText(ui, FontRole::Body, where, area.x, area.y + (spare - whereH) * 0.5f,
                         palette::textSecondary, area.w);
            applyKeypad(ui, drawCodeKeypad(ui, Rect{area.x, area.bottom() - h, area.w, h}, layout,
                                           ui.t("lookup.submit"), !ui.session.codeInput().empty()));
            break;
        }
        case LookupPhase::Scanning: drawScanning(ui, area); break;
        case LookupPhase::Loading: drawLoading(ui, area); break;
        case LookupPhase::Failed: drawFailure(ui, area); break;
    }
}

}  // namespace dvc::ui
