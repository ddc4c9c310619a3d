#pragma once
#include <string>

#include "ui_context.h"

namespace dvc::ui {

// Draws `text` as a QR code filling the square `r` (ZXing-cpp's writer, uploaded once to a GL
// texture and redrawn from it until the text changes). Nothing is drawn if it does not fit.
void drawQrImage(const UiContext& ui, const std::string& text, Rect r);
// Drops the texture (the receipt is gone).
void releaseQrImage();

}  // namespace dvc::ui
