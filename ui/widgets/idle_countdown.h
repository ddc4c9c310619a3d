#pragma once
#include "ui_context.h"

namespace dvc::ui {

// "Bạn còn ở đây không?" over everything, with the seconds left before the visit is wiped and
// a "Tiếp tục" button (id "idle:continue"). Drawn in its own top-most window so nothing under
// it can be tapped. Returns true if the visitor tapped "Tiếp tục".
bool drawIdleCountdown(UiContext& ui, int secondsLeft);

}  // namespace dvc::ui
