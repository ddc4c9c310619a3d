// The receipt: the dossier code and the appointment date when the gateway answered, else the
// provisional receipt ("Hồ sơ đã được lưu, sẽ được gửi khi có kết nối") with its local
// reference; the QR code of either, how to follow up, and the way home.
#include <imgui.h>
#include <algorithm>
#include <string>

#include "screens/dossier_view.h"
#include "screens/screens.h"
#include "widgets/big_button.h"
#include "widgets/icons.h"
#include "widgets/panels.h"
#include "widgets/qr_image.h"
#include "widgets/text.h"

namespace dvc::ui {

// PRINTING HOOK (wired by the lead after merge; the queue-ui branch provides the print
// intent): return true when the Session can print this receipt, and call the print intent
// where marked below. Until then the button is not shown.
static bool receiptPrintingOffered(const UiContext& ui) {
    return ui.session.printingAvailable() && ui.session.printJobs().hasReceipt();
}

// What the printer did with the receipt (printed as soon as it showed), in the citizen's words.
static std::string printStatusText(UiContext& ui) {
    const PrintJobs& jobs = ui.session.printJobs();
    switch (jobs.receiptState()) {
        case PrintState::Printing:
            return ui.t("dossier.receipt.printing");
        case PrintState::Printed:
            return ui.t("dossier.receipt.printed");
        case PrintState::Failed:
            return ui.t(jobs.receiptErrorKey());
        case PrintState::Idle:
            break;
    }
    return {};
}

void drawDossierReceipt(UiContext& ui, Rect content) {
    DossierFlow& flow = ui.session.dossierFlow();
    const DossierReceiptView* receipt = flow.receipt();
    if (!receipt) return;
    const Metrics& m = ui.metrics;
    const ReceiptContent& c = receipt->content;
    const Colour accent = receipt->provisional ? palette::warningText : palette::success;
    const float pad = ui.px(40);

    float y = content.y + m.gap;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float iconS = ui.px(72);
    drawIcon(dl, receipt->provisional ? Icon::Clock : Icon::Check, content.x + iconS * 0.5f,
             y + iconS * 0.5f, iconS, accent);
    const std::string& heading = receipt->rejected      ? ui.t("outbox.rejected")
                                 : receipt->provisional ? ui.t("dossier.receipt.stored")
                                                        : ui.t("dossier.receipt.received");
    float hh = drawText(ui, FontRole::Title, heading, content.x + iconS + m.gap, y, palette::text,
                        content.w - iconS - m.gap);
    y += std::max(iconS, hh) + m.gap;

    // The card: title, lines, QR beside (landscape) or below (portrait), note.
    const float bh = m.touchMin * 1.15f;
    const bool printing = receiptPrintingOffered(ui);
    const std::string printStatus = printing ? printStatusText(ui) : std::string();
    const float statusH = printStatus.empty()
                              ? 0.0f
                              : textHeight(ui, FontRole::BodyBold, printStatus, content.w) + m.gap;
    Rect card{content.x, y, content.w, content.bottom() - y - bh - m.gap - statusH};
    drawCard(ui, card, palette::surface, receipt->provisional ? palette::warning : palette::border);
    float cy = card.y + pad;
    const float inner = card.w - 2 * pad;
    const float qrSide = std::min(ui.px(ui.portrait ? 360 : 320), card.h * 0.4f);
    const float textW = ui.portrait ? inner : inner - qrSide - m.gap;
    cy += drawText(ui, FontRole::Button, ui.t(c.titleKey), card.x + pad, cy, palette::text, textW) +
          m.gap;
    for (const auto& line : c.lines) {
        cy += drawText(ui, FontRole::Small, ui.t(line.labelKey), card.x + pad, cy,
                       palette::textSecondary, textW);
        const bool code =
            line.labelKey == "receipt.dossier_code" || line.labelKey == "receipt.provisional_ref";
        cy += drawText(ui, code ? FontRole::Button : FontRole::BodyBold, line.value, card.x + pad,
                       cy, code ? palette::primary : palette::text, textW) +
              ui.px(14);
    }
    Rect qr = ui.portrait ? Rect{card.centreX() - qrSide * 0.5f, cy + ui.px(8), qrSide, qrSide}
                          : Rect{card.right() - pad - qrSide, card.y + pad, qrSide, qrSide};
    drawQrImage(ui, c.qrText, qr);
    ui.record.addWidget("receipt:qr", c.qrText, qr, false);
    if (ui.portrait) cy = qr.bottom() + m.gap;
    drawText(ui, FontRole::Body, ui.t(c.noteKey), card.x + pad, cy, palette::textSecondary, inner);

    const float by = content.bottom() - bh;
    const float bw = printing ? (content.w - m.gap) * 0.5f : content.w;
    if (printing) {
        const PrintState state = ui.session.printJobs().receiptState();
        if (!printStatus.empty()) {
            drawText(ui, FontRole::BodyBold, printStatus, content.x, by - statusH,
                     state == PrintState::Failed ? palette::warningText : palette::textSecondary,
                     content.w);
        }
        const bool again = state == PrintState::Printed || state == PrintState::Failed;
        if (bigButton(ui, {"receipt:print",
                           ui.t(again ? "dossier.receipt.reprint" : "dossier.receipt.print"),
                           Rect{content.x, by, bw, bh}, ButtonStyle::Secondary,
                           state != PrintState::Printing, FontRole::Button, Icon::Ticket})) {
            ui.session.printJobs().reprintReceipt();
        }
    }
    if (bigButton(ui, {"receipt:done", ui.t("dossier.receipt.done"),
                       Rect{content.right() - bw, by, bw, bh}, ButtonStyle::Primary, true,
                       FontRole::Button, Icon::Home})) {
        releaseQrImage();
        ui.session.finishDossier();
    }
}

}  // namespace dvc::ui
