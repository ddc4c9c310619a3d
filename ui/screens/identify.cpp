// "Xác thực bằng thẻ CCCD": choose the QR code or the chip; scan or read with progress; then
// the citizen sees who the card says they are (photo from the chip, name and number masked for
// passers-by, a plain statement of whether the data was verified) and confirms.
#include <imgui.h>
#include <algorithm>
#include <string>

#include "privacy/mask.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/face_photo.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/text.h"

namespace dvc::ui {

namespace {

struct Card {
    Rect rect;
    float pad;
    float inner;
};

Card openCard(UiContext& ui, Rect area, float wantH, Colour outline = palette::border) {
    const float pad = ui.px(48);
    Card c{Rect{area.x, area.y, area.w, std::min(area.h, wantH)}, pad, area.w - 2 * pad};
    drawCard(ui, c.rect, palette::surface, outline);
    return c;
}

void drawChoose(UiContext& ui, Rect area) {
    IdentityFlow& flow = ui.session.identity();
    const float h = ui.metrics.touchMin * 2.2f;
    float y = area.y;
    if (bigButton(ui, {"identify:qr", ui.t("identify.choose.qr"), Rect{area.x, y, area.w, h},
                       ButtonStyle::Primary, flow.qrAvailable(), FontRole::Button, Icon::Qr}))
        flow.scanQr();
    y += h + ui.px(12);
    y += drawText(ui, FontRole::Body, ui.t("identify.choose.qr_note"), area.x, y,
                  palette::textSecondary, area.w);
    y += ui.metrics.gap * 1.5f;
    if (bigButton(ui,
                  {"identify:chip", ui.t("identify.choose.chip"), Rect{area.x, y, area.w, h},
                   ButtonStyle::Secondary, flow.chipAvailable(), FontRole::Button, Icon::Check}))
        flow.chooseChip();
    y += h + ui.px(12);
    drawText(ui, FontRole::Body, ui.t("identify.choose.chip_note"), area.x, y,
             palette::textSecondary, area.w);
}

// The number typed so far: all but the last 4 digits as dots, grouped like the card prints it.
std::string maskedTyping(const std::string& digits) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i == 3 || i == 6 || i == 9) out += ' ';
        out += (i + 4 < digits.size()) ? std::string("•") : std::string(1, digits[i]);
    }
    return out;
}

void drawNumberEntry(UiContext& ui, Rect area) {
    IdentityFlow& flow = ui.session.identity();
    ImGuiIO& io = ImGui::GetIO();
    std::string typed;
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= '0' && c <= '9') typed.push_back(static_cast<char>(c));
    if (!typed.empty()) flow.appendDigits(typed);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) flow.backspace();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) flow.submitNumber();

    float y = area.y;
    y += drawText(ui, FontRole::Body, ui.t("identify.number.instructions"), area.x, y,
                  palette::textSecondary, area.w);
    y += ui.px(20);
    const float fieldH = ui.px(120);
    Rect field{area.x, y, area.w, fieldH};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(field.x, field.y), ImVec2(field.right(), field.bottom()),
                      palette::surface.packed(), ui.metrics.smallRadius * 1.4f);
    dl->AddRect(ImVec2(field.x, field.y), ImVec2(field.right(), field.bottom()),
                palette::primary.packed(), ui.metrics.smallRadius * 1.4f, 0, ui.px(4));
    const std::string shown = maskedTyping(flow.numberInput());
    const float th = ui.fonts.size(FontRole::Title) * 1.18f;
    drawText(ui, FontRole::Title, shown.empty() ? std::string("_ _ _ _ _ _ _ _ _ _ _ _") : shown,
             field.x + ui.px(28), field.centreY() - th * 0.5f,
             shown.empty() ? palette::textMuted : palette::text);
    y += fieldH + ui.px(12);
    if (!flow.errorKey().empty())
        y += drawText(ui, FontRole::BodyBold, ui.t(flow.errorKey()), area.x, y, palette::accentRed,
                      area.w) +
             ui.px(8);
    y += ui.px(12);

    // A 4×3 numeric pad: big keys, nothing but digits.
    const float gap = ui.metrics.gap * 0.6f;
    const float keyH =
        std::max(ui.metrics.touchMin, std::min(ui.px(120), (area.bottom() - y - 3 * gap) / 4));
    const float keyW = (area.w - 2 * gap) / 3;
    static const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
    for (int i = 0; i < 12; ++i) {
        Rect k{area.x + static_cast<float>(i % 3) * (keyW + gap),
               y + static_cast<float>(i / 3) * (keyH + gap), keyW, keyH};
        const std::string id = i == 9    ? "key:backspace"
                               : i == 11 ? "key:submit"
                                         : std::string("key:") + kKeys[i];
        const bool submit = i == 11;
        std::string label = submit ? ui.t("identify.number.read") : std::string(kKeys[i]);
        if (bigButton(ui, {id, label, k, submit ? ButtonStyle::Primary : ButtonStyle::Key,
                           !submit || flow.numberInput().size() == 12,
                           submit ? FontRole::Button : FontRole::Title,
                           i == 9 ? Icon::Backspace : Icon::None, i == 9})) {
            if (i == 9)
                flow.backspace();
            else if (submit)
                flow.submitNumber();
            else
                flow.appendDigits(kKeys[i]);
        }
    }
}

void drawScanning(UiContext& ui, Rect area) {
    const float finder = std::min(ui.px(ui.portrait ? 420 : 340), area.w - ui.px(96));
    const std::string& title = ui.t("identify.scanning.title");
    const std::string& body = ui.t("identify.scanning.body");
    Card c = openCard(ui, area, ui.px(48) * 2 + finder + ui.px(300));
    float y = c.rect.y + c.pad;
    drawViewfinder(ui, Rect{c.rect.centreX() - finder * 0.5f, y, finder, finder}, ImGui::GetTime());
    y += finder + ui.px(32);
    y += drawText(ui, FontRole::Button, title, c.rect.centreX(), y, palette::text, c.inner,
                  Align::Centre);
    y += ui.px(10);
    y += drawText(ui, FontRole::Body, body, c.rect.centreX(), y, palette::textSecondary, c.inner,
                  Align::Centre);
    y += ui.px(32);
    const float bw = std::min(c.inner, ui.px(520));
    if (bigButton(ui, {"identify:cancel", ui.t("identify.cancel"),
                       Rect{c.rect.centreX() - bw * 0.5f, y, bw, ui.metrics.touchMin * 1.1f},
                       ButtonStyle::Danger}))
        ui.session.identity().cancel();
}

void drawReading(UiContext& ui, Rect area) {
    const ChipReadProgress p = ui.session.identity().progress();
    Card c = openCard(ui, area, ui.px(560));
    float y = c.rect.y + c.pad;
    drawIcon(ImGui::GetWindowDrawList(), Icon::Document, c.rect.centreX(), y + ui.px(60),
             ui.px(120), palette::primary);
    y += ui.px(150);
    y += drawText(ui, FontRole::Button, ui.t("identify.reading.title"), c.rect.centreX(), y,
                  palette::text, c.inner, Align::Centre);
    y += ui.px(10);
    y += drawText(ui, FontRole::Body, ui.t("identify.reading.body"), c.rect.centreX(), y,
                  palette::textSecondary, c.inner, Align::Centre);
    y += ui.px(28);
    // Circular 32: anything that may take over 10 s shows its progress in percent.
    const float barH = ui.px(36);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = c.rect.x + c.pad, x1 = c.rect.right() - c.pad;
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + barH), palette::surfaceMuted.packed(),
                      barH * 0.5f);
    const float fill = x0 + (x1 - x0) * static_cast<float>(std::clamp(p.percent, 0, 100)) / 100.0f;
    if (fill > x0 + barH * 0.5f)
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(fill, y + barH), palette::primary.packed(),
                          barH * 0.5f);
    ui.record.addWidget("identify:progress", std::to_string(p.percent) + "%",
                        Rect{x0, y, x1 - x0, barH}, false);
    y += barH + ui.px(14);
    std::string line = std::to_string(p.percent) + "%";
    if (!p.stepKey.empty()) line += " — " + ui.t(p.stepKey);
    y += drawText(ui, FontRole::BodyBold, line, c.rect.centreX(), y, palette::text, c.inner,
                  Align::Centre);
    y += ui.px(28);
    const float bw = std::min(c.inner, ui.px(520));
    if (bigButton(ui, {"identify:cancel", ui.t("identify.cancel"),
                       Rect{c.rect.centreX() - bw * 0.5f, y, bw, ui.metrics.touchMin * 1.1f},
                       ButtonStyle::Danger}))
        ui.session.identity().cancel();
}

void drawFailed(UiContext& ui, Rect area) {
    IdentityFlow& flow = ui.session.identity();
    const std::string& message = ui.t(flow.errorKey());
    Card c = openCard(ui, area, ui.px(620), Colour::rgb(0xE7A3AD));
    float y = c.rect.y + c.pad;
    drawIcon(ImGui::GetWindowDrawList(), Icon::Alert, c.rect.centreX(), y + ui.px(56), ui.px(112),
             palette::accentRed);
    y += ui.px(140);
    y += drawText(ui, FontRole::Button, ui.t("identify.failed.title"), c.rect.centreX(), y,
                  palette::text, c.inner, Align::Centre);
    y += ui.px(14);
    y += drawText(ui, FontRole::Body, message, c.rect.centreX(), y, palette::text, c.inner,
                  Align::Centre);
    y += ui.px(40);
    const float bh = ui.metrics.touchMin * 1.15f;
    Rect retry{c.rect.x + c.pad, y, (c.inner - ui.metrics.gap) * 0.5f, bh};
    Rect back{retry.right() + ui.metrics.gap, y, retry.w, bh};
    if (bigButton(ui, {"identify:retry", ui.t("identify.retry"), retry, ButtonStyle::Primary}))
        flow.retry();
    if (bigButton(ui, {"identify:back", ui.t("identify.other_way"), back, ButtonStyle::Secondary}))
        flow.begin();
}

void drawConfirm(UiContext& ui, Rect area) {
    IdentityFlow& flow = ui.session.identity();
    const CitizenIdentity* id = flow.pending();
    if (!id) return;
    Card c = openCard(ui, area, area.h);
    float y = c.rect.y + c.pad;
    // The verdict first, in plain words and colour: verified / from the QR only / not verified.
    const bool fromQr = id->source == IdentitySource::QrCode;
    const Colour fill = id->verified ? palette::successSoft
                        : fromQr     ? palette::warningSoft
                                     : palette::errorSoft;
    const Colour ink = id->verified ? palette::success
                       : fromQr     ? palette::warningText
                                    : palette::accentRed;
    const std::string verdict =
        fillPlaceholder(ui.t(id->verificationKey), "dg", id->verificationArg);
    const float vh = textHeight(ui, FontRole::BodyBold, verdict, c.inner - ui.px(40)) + ui.px(36);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.rect.x + c.pad, y),
                                              ImVec2(c.rect.right() - c.pad, y + vh), fill.packed(),
                                              ui.metrics.smallRadius);
    drawText(ui, FontRole::BodyBold, verdict, c.rect.x + c.pad + ui.px(20), y + ui.px(18), ink,
             c.inner - ui.px(40));
    ui.record.addWidget("identify:verdict",
                        id->verified ? "verified"
                        : fromQr     ? "qr_unverified"
                                     : "not_verified",
                        Rect{c.rect.x + c.pad, y, c.inner, vh}, false);
    y += vh + ui.px(28);

    const float photoW = id->photo ? std::min(ui.px(300), c.inner * 0.35f) : 0.0f;
    if (id->photo)
        drawFacePhoto(ui, &*id->photo, Rect{c.rect.x + c.pad, y, photoW, photoW * 4 / 3});
    else
        releaseFacePhoto();
    const float tx = c.rect.x + c.pad + (photoW > 0 ? photoW + ui.px(32) : 0);
    const float tw = c.rect.right() - c.pad - tx;
    float ty = y;
    auto field = [&](const std::string& labelKey, const std::string& value) {
        ty += drawText(ui, FontRole::Small, ui.t(labelKey), tx, ty, palette::textSecondary, tw);
        ty +=
            drawText(ui, FontRole::Button, value, tx, ty + ui.px(2), palette::text, tw) + ui.px(18);
    };
    field("identify.confirm.name", maskPersonName(id->fullName));
    field("identify.confirm.number", maskIdNumber(id->personalNumber));
    if (id->dateOfBirth)
        field("identify.confirm.birth_year",
              std::to_string(static_cast<int>(id->dateOfBirth->year())));
    y = std::max(ty, y + photoW * 4 / 3) + ui.px(20);
    y += drawText(ui, FontRole::Body, ui.t("identify.confirm.question"), c.rect.x + c.pad, y,
                  palette::text, c.inner);
    y += ui.px(28);
    const float bh = ui.metrics.touchMin * 1.15f;
    Rect yes{c.rect.x + c.pad, y, (c.inner - ui.metrics.gap) * 0.5f, bh};
    Rect no{yes.right() + ui.metrics.gap, y, yes.w, bh};
    if (bigButton(ui, {"identify:confirm", ui.t("identify.confirm.yes"), yes, ButtonStyle::Primary,
                       true, FontRole::Button, Icon::Check}))
        ui.session.confirmIdentity();
    if (bigButton(ui, {"identify:reject", ui.t("identify.confirm.no"), no, ButtonStyle::Secondary}))
        flow.reject();
    y += bh + ui.metrics.gap;
    if (fromQr && flow.chipAvailable() &&
        bigButton(ui, {"identify:verify_chip", ui.t("identify.confirm.verify_chip"),
                       Rect{c.rect.x + c.pad, y, c.inner, bh}, ButtonStyle::Secondary}))
        flow.readChip();
}

}  // namespace

void drawIdentify(UiContext& ui, Rect content) {
    const Metrics& m = ui.metrics;
    float y = content.y + m.gap * 1.4f;
    y += drawText(ui, FontRole::Title, ui.t("identify.title"), content.x, y, palette::text,
                  content.w);
    y += m.gap * 1.2f;
    Rect area{content.x, y, content.w, content.bottom() - y - m.gap};
    switch (ui.session.identity().phase()) {
        case IdentifyPhase::Choose:
            drawChoose(ui, area);
            break;
        case IdentifyPhase::EnteringNumber:
            drawNumberEntry(ui, area);
            break;
        case IdentifyPhase::ScanningQr:
            drawScanning(ui, area);
            break;
        case IdentifyPhase::ReadingChip:
            drawReading(ui, area);
            break;
        case IdentifyPhase::Failed:
            drawFailed(ui, area);
            break;
        case IdentifyPhase::Confirming:
            drawConfirm(ui, area);
            break;
    }
    if (ui.session.identity().phase() != IdentifyPhase::Confirming) releaseFacePhoto();
}

}  // namespace dvc::ui
