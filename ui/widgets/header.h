#pragma once
#include "ui_context.h"

namespace dvc::ui {

// The top bar: emblem, centre name, clock and date; below it, when needed, the maintenance
// notice and the "connection lost" banner. Returns the y where the screen content may start.
float drawHeader(UiContext& ui, Rect bar);

// The bottom bar: "Trang chủ" on every screen but Home, a privacy line on Home, and the
// language switch. Returns true if "Trang chủ" was tapped.
bool drawFooter(UiContext& ui, Rect bar, bool showHome);

}  // namespace dvc::ui
