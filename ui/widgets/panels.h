#pragma once
#include <string_view>

#include "ui_context.h"

namespace dvc::ui {

// A white card with a hairline border and a soft shadow.
void drawCard(const UiContext& ui, Rect r, Colour fill = palette::surface,
              Colour outline = palette::border);
// A rounded label ("Đang xử lý", "Sắp có"): returns the rectangle it took. With `id`
// non-empty it is also recorded as a (non-tappable) widget, so a script can find its pixels.
Rect drawPill(UiContext& ui, std::string_view text, float x, float y, FontRole role, Colour fill,
              Colour textColour, std::string_view id = {});
// An indeterminate progress ring: `time` in seconds drives the rotation.
void drawSpinner(const UiContext& ui, float cx, float cy, float radius, double time);
// A camera viewfinder with a sweeping scan line, for "hold the QR code in front of the camera".
void drawViewfinder(const UiContext& ui, Rect r, double time);

}  // namespace dvc::ui
