#pragma once
#include "theme.h"

struct ImDrawList;

namespace dvc::ui {

// Line icons drawn with ImGui's draw list, so they scale with the screen and need no image
// files or icon font.
enum class Icon {
    None, Search, Document, Ticket, Star, Qr, Backspace, Home, Alert, Check, Clock, Offline,
};

// Draws `icon` fitting a square of side `size` centred at (cx, cy).
void drawIcon(ImDrawList* dl, Icon icon, float cx, float cy, float size, Colour colour);

// The emblem mark of the header: a red disc with the yellow five-pointed star.
void drawStarEmblem(ImDrawList* dl, float cx, float cy, float radius);

}  // namespace dvc::ui
