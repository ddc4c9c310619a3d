#pragma once
#include <string_view>

#include "ui_context.h"
#include "widgets/icons.h"

namespace dvc::ui {

enum class ButtonStyle {
    Primary,    // the one action the screen is for: blue fill, white text
    Secondary,  // white with a blue outline
    Key,        // keypad key: white, grey outline
    Danger,     // red outline (cancel a scan)
};

struct ButtonSpec {
    std::string_view id;     // stable widget id (script: `tap <id>`)
    std::string_view label;  // visible text (script: `tap <label>`)
    Rect rect;
    ButtonStyle style = ButtonStyle::Secondary;
    bool enabled = true;
    FontRole font = FontRole::Button;
    Icon icon = Icon::None;  // drawn left of the label
    bool iconOnly = false;   // draw only the icon; the label still names the widget
};

// A touch target of at least Metrics::touchMin in both directions (grown around its centre if
// a layout asks for less). Returns true on the frame the finger is lifted over it.
bool bigButton(UiContext& ui, const ButtonSpec& spec);

}  // namespace dvc::ui
