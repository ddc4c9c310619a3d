#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ui_context.h"

namespace dvc::ui {

enum class Align { Left, Centre, Right };

// Every text on screen goes through these helpers, which also record it for the script runner
// (wait_text / expect_text see exactly what the citizen sees).

// Size of `text` in `role`, wrapped at `wrapWidth` if > 0.
float textWidth(const UiContext& ui, FontRole role, std::string_view text);
float textHeight(const UiContext& ui, FontRole role, std::string_view text, float wrapWidth);
// Splits text into lines no wider than wrapWidth (at spaces; explicit '\n' kept).
std::vector<std::string_view> wrapLines(const UiContext& ui, FontRole role, std::string_view text,
                                        float wrapWidth);

// Draws text with its top-left (Left), top-centre (Centre) or top-right (Right) at (x, y),
// wrapped at wrapWidth if > 0 (each line aligned). Returns the height used.
float drawText(UiContext& ui, FontRole role, std::string_view text, float x, float y, Colour colour,
               float wrapWidth = 0, Align align = Align::Left);
// One block of (possibly wrapped) text centred in `box` both ways.
void drawTextInBox(UiContext& ui, FontRole role, std::string_view text, Rect box, Colour colour);

// "Còn {n} giây" with {n} → "7".
std::string fillPlaceholder(std::string_view pattern, std::string_view name, std::string_view value);

}  // namespace dvc::ui
