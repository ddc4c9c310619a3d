#include "kiosk_ui.h"

#include <imgui.h>

#include "screens/screens.h"
#include "session/dossier_flow.h"
#include "widgets/header.h"
#include "widgets/idle_countdown.h"

namespace dvc::ui {

void drawKioskFrame(UiContext& ui) {
    const Metrics& m = ui.metrics;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ui.width, ui.height));
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);

    float top = drawHeader(ui, Rect{0, 0, ui.width, m.headerHeight});
    Rect footer{0, ui.height - m.footerHeight, ui.width, m.footerHeight};
    Rect content{m.margin, top, ui.width - 2 * m.margin, footer.y - top};
    const Screen screen = ui.session.screen();
    switch (screen) {
        case Screen::Home:
            drawHome(ui, content);
            break;
        case Screen::StatusLookup:
            drawStatusLookup(ui, content);
            break;
        case Screen::StatusResult:
            drawStatusResult(ui, content);
            break;
        case Screen::Identify:
            drawIdentify(ui, content);
            break;
        case Screen::Dossier:
            drawDossier(ui, content);
            break;
        case Screen::CatalogBrowse:
            drawCatalogBrowse(ui, content);
            break;
        case Screen::CatalogSearch:
            drawCatalogSearch(ui, content);
            break;
        case Screen::ProcedureDetail:
            drawProcedureDetail(ui, content);
            break;
        case Screen::Queue:
            drawQueue(ui, content);
            break;
    }
    const bool visit = screen != Screen::Home || ui.session.identity().confirmed() != nullptr;
    if (drawFooter(ui, footer, visit)) {
        // A form being filled in is not thrown away by one touch: the question first.
        const DossierFlow* dossier = ui.session.dossierFlowIfAttached();
        if (screen == Screen::Dossier && dossier && dossier->hasInput() &&
            dossier->phase() != DossierPhase::Receipt)
            ui.session.dossierFlow().requestDiscard();
        else
            ui.session.goHome();
    }
    ImGui::End();

    if (auto left = ui.session.idleSecondsLeft(ui.now)) {
        if (drawIdleCountdown(ui, *left)) ui.session.noteActivity(ui.now);
    }
}

}  // namespace dvc::ui
