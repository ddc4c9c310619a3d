#include "widgets/code_keypad.h"

#include <algorithm>
#include <string>

#include "widgets/big_button.h"

namespace dvc::ui {

namespace {

// Digits first (codes are mostly digits), in two rows of five so each key stays wide; then the
// alphabet in order, seven to a row, ending with the two separators the codes use.
// '<' is ⌫ and '!' is Xóa where the layout puts them on the digit rows.
constexpr std::string_view kRows[] = {"12345", "67890", "ABCDEFG", "HIJKLMN", "OPQRSTU", "VWXYZ.-"};
constexpr std::string_view kSideRows[] = {"12345<", "67890!", "ABCDEFG", "HIJKLMN", "OPQRSTU", "VWXYZ.-"};

int rowCount(KeypadLayout layout) { return layout == KeypadLayout::WithSubmitRow ? 7 : 6; }

}  // namespace

float codeKeypadHeight(const UiContext& ui, KeypadLayout layout, float rowHeight) {
    int n = rowCount(layout);
    return static_cast<float>(n) * rowHeight + static_cast<float>(n - 1) * ui.metrics.smallGap;
}

KeypadEvent drawCodeKeypad(UiContext& ui, Rect area, KeypadLayout layout,
                           std::string_view submitLabel, bool submitEnabled) {
    KeypadEvent event;
    const float gap = ui.metrics.smallGap;
    const float rows = static_cast<float>(rowCount(layout));
    const float rowH = std::max(ui.metrics.touchMin, (area.h - (rows - 1) * gap) / rows);
    const float smallW = std::max(ui.metrics.touchMin * 1.6f, area.w * 0.2f);
    float y = area.y;

    auto backspaceKey = [&](Rect r) {
        if (bigButton(ui, {"key:backspace", "⌫", r, ButtonStyle::Key, true, FontRole::Button,
                           Icon::Backspace, true}))
            event.kind = KeypadEvent::Kind::Backspace;
    };
    auto clearKey = [&](Rect r) {
        if (bigButton(ui, {"key:clear", ui.t("keypad.clear"), r, ButtonStyle::Key, true,
                           FontRole::BodyBold}))
            event.kind = KeypadEvent::Kind::Clear;
    };

    const auto* table = layout == KeypadLayout::WithSubmitRow ? kRows : kSideRows;
    for (int i = 0; i < 6; ++i) {
        std::string_view row = table[i];
        const float n = static_cast<float>(row.size());
        const float keyW = (area.w - (n - 1) * gap) / n;
        float x = area.x;
        for (char c : row) {
            Rect r{x, y, keyW, rowH};
            x += keyW + gap;
            if (c == '<') {
                backspaceKey(r);
                continue;
            }
            if (c == '!') {
                clearKey(r);
                continue;
            }
            std::string id = std::string("key:") + c;
            std::string label(1, c);
            if (bigButton(ui, {id, label, r, ButtonStyle::Key, true, FontRole::Title})) {
                event.kind = KeypadEvent::Kind::Char;
                event.ch = c;
            }
        }
        y += rowH + gap;
    }
    if (layout == KeypadLayout::WithSubmitRow) {
        // Clear all, delete one, then the submit key taking the rest.
        clearKey(Rect{area.x, y, smallW, rowH});
        backspaceKey(Rect{area.x + smallW + gap, y, smallW, rowH});
        float submitX = area.x + 2 * (smallW + gap);
        if (bigButton(ui, {"key:submit", submitLabel, Rect{submitX, y, area.right() - submitX, rowH},
                           ButtonStyle::Primary, submitEnabled, FontRole::Button, Icon::Search}))
            event.kind = KeypadEvent::Kind::Submit;
    }
    return event;
}

}  // namespace dvc::ui
