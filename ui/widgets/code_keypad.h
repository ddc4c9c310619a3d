#pragma once
#include <string_view>

#include "ui_context.h"

namespace dvc::ui {

// What the citizen pressed on the keypad this frame.
struct KeypadEvent {
    enum class Kind { None, Char, Backspace, Clear, Submit } kind = Kind::None;
    char ch = 0;
};

enum class KeypadLayout {
    WithSubmitRow,    // 7 rows: digits ×2, letters ×4, then [Xóa][⌫][Tra cứu] (portrait)
    SubmitElsewhere,  // 6 rows, ⌫ and Xóa at the ends of the digit rows (landscape, where the
                      // screen's height is short and "Tra cứu" sits under the code field)
};

// The keypad for dossier codes (000.00.19.H42-261123-0001): digits, A–Z, '.', '-', ⌫, Xóa and,
// with WithSubmitRow, the submit key, filling `area`. Keys are at least Metrics::touchMin tall
// and wide; widget ids are "key:0".."key:9", "key:A".."key:Z", "key:.", "key:-",
// "key:backspace", "key:clear", "key:submit".
KeypadEvent drawCodeKeypad(UiContext& ui, Rect area, KeypadLayout layout,
                           std::string_view submitLabel = {}, bool submitEnabled = true);

// The height the keypad wants with rows of `rowHeight`.
float codeKeypadHeight(const UiContext& ui, KeypadLayout layout, float rowHeight);

}  // namespace dvc::ui
