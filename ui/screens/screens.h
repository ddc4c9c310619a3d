#pragma once
#include "ui_context.h"

namespace dvc::ui {

// One function per screen of the Session; each draws into `content` (between the header and
// the footer) and calls Session intents for what the visitor taps.
void drawHome(UiContext& ui, Rect content);
void drawStatusLookup(UiContext& ui, Rect content);
void drawStatusResult(UiContext& ui, Rect content);
void drawIdentify(UiContext& ui, Rect content);
// "Lấy số thứ tự" (issue 5)
void drawQueue(UiContext& ui, Rect content);

}  // namespace dvc::ui
