#pragma once
#include "ui_context.h"

namespace dvc::ui {

// Draws one frame of the kiosk for the Session's current state: header, the screen, footer,
// and the idle countdown on top when it runs. Call between ImGui::NewFrame and ImGui::Render.
void drawKioskFrame(UiContext& ui);

}  // namespace dvc::ui
