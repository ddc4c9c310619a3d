#include "widgets/onscreen_keyboard.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "input/vietnamese_letters.h"
#include "widgets/big_button.h"

namespace dvc::ui {

namespace {

// Starts the composer from the caller's text when the caller changed it since the last key.
void syncFromCaller(KeyboardState& state, const std::string& text) {
    if (state.composer.text() != text) state.composer.setText(text);
}

bool isAsciiLower(char32_t c) {
    return c >= U'a' && c <= U'z';
}

bool acceptedOnPad(char32_t c) {
    return (c >= U'0' && c <= U'9') || c == U'/';
}

bool full(const KeyboardState& state) {
    return vn::decodeUtf8(state.composer.text()).size() >= state.maxCodePoints;
}

KeyboardResult finish(const KeyboardState& state, std::string& text, KeyboardResult result) {
    std::string now = state.composer.text();
    if (now != text) {
        text = std::move(now);
        result.changed = true;
    }
    return result;
}

}  // namespace

KeyboardResult applyKey(KeyboardState& state, const KeyboardKey& key, std::string& text) {
    syncFromCaller(state, text);
    KeyboardResult result;
    switch (key.kind) {
        case KeyboardKey::Kind::Char: {
            char32_t c = key.ch;
            if (state.mode == KeyboardMode::NumericPad && !acceptedOnPad(c)) break;
            if (full(state)) break;
            if (isAsciiLower(c) && state.shift != ShiftState::Off) c = c - U'a' + U'A';
            state.composer.type(c);
            if (state.shift == ShiftState::Once && isAsciiLower(key.ch))
                state.shift = ShiftState::Off;
            break;
        }
        case KeyboardKey::Kind::Space:
            if (state.mode == KeyboardMode::NumericPad || full(state)) break;
            state.composer.type(U' ');
            break;
        case KeyboardKey::Kind::Backspace:
            state.composer.backspace();
            break;
        case KeyboardKey::Kind::Shift:
            state.shift = state.shift == ShiftState::Off    ? ShiftState::Once
                          : state.shift == ShiftState::Once ? ShiftState::Locked
                                                            : ShiftState::Off;
            break;
        case KeyboardKey::Kind::Layout:
            state.layout = state.layout == KeyboardLayout::Letters ? KeyboardLayout::Symbols
                                                                   : KeyboardLayout::Letters;
            break;
        case KeyboardKey::Kind::Method:
            state.composer.setMethod(state.composer.method() == InputMethod::Telex
                                         ? InputMethod::Vni
                                         : InputMethod::Telex);
            break;
        case KeyboardKey::Kind::Submit:
            result.submitted = true;
            break;
    }
    return finish(state, text, result);
}

KeyboardResult applyTypedText(KeyboardState& state, std::string_view utf8, std::string& text) {
    syncFromCaller(state, text);
    for (char32_t c : vn::decodeUtf8(utf8)) {
        if (c < 0x20 || c == 0x7F) continue;  // control characters come as keys, not text
        if (state.mode == KeyboardMode::NumericPad && !acceptedOnPad(c)) continue;
        if (full(state)) break;
        state.composer.type(c);
    }
    return finish(state, text, {});
}

std::string_view methodLabel(const KeyboardState& state) {
    return state.composer.method() == InputMethod::Vni ? "VNI" : "Telex";
}

namespace {

// A key in a row, `span` key units wide.
struct KeyCell {
    KeyboardKey key;
    float span = 1.0f;
};

// Rows of the Full layouts: the digits on top (addresses, and VNI's marks), then QWERTY as
// Vietnamese keyboards have it (Telex and VNI are typed on QWERTY).
constexpr std::u32string_view kLetterRows[] = {U"1234567890", U"qwertyuiop", U"asdfghjkl",
                                               U"zxcvbnm"};
constexpr std::u32string_view kSymbolRows[] = {U"1234567890", U"-/:;()&@\"'", U".,?!+%#*_",
                                               U"=<>[]$~"};
constexpr std::u32string_view kPadRows[] = {U"123", U"456", U"789"};

std::vector<std::vector<KeyCell>> fullRows(const KeyboardState& state, bool withSubmit) {
    const auto* table = state.layout == KeyboardLayout::Letters ? kLetterRows : kSymbolRows;
    std::vector<std::vector<KeyCell>> rows;
    for (int i = 0; i < 4; ++i) {
        std::vector<KeyCell> row;
        if (i == 3) row.push_back({{KeyboardKey::Kind::Shift, 0}, 1.5f});
        for (char32_t c : table[i]) row.push_back({{KeyboardKey::Kind::Char, c}, 1.0f});
        if (i == 3) row.push_back({{KeyboardKey::Kind::Backspace, 0}, 1.5f});
        rows.push_back(std::move(row));
    }
    std::vector<KeyCell> bottom{{{KeyboardKey::Kind::Layout, 0}, 1.5f},
                                {{KeyboardKey::Kind::Method, 0}, 1.5f},
                                {{KeyboardKey::Kind::Space, 0}, withSubmit ? 4.5f : 7.0f}};
    if (withSubmit) bottom.push_back({{KeyboardKey::Kind::Submit, 0}, 2.5f});
    rows.push_back(std::move(bottom));
    return rows;
}

std::vector<std::vector<KeyCell>> padRows(bool withSubmit) {
    std::vector<std::vector<KeyCell>> rows;
    for (auto chars : kPadRows) {
        std::vector<KeyCell> row;
        for (char32_t c : chars) row.push_back({{KeyboardKey::Kind::Char, c}, 1.0f});
        rows.push_back(std::move(row));
    }
    rows.push_back({{{KeyboardKey::Kind::Char, U'/'}, 1.0f},
                    {{KeyboardKey::Kind::Char, U'0'}, 1.0f},
                    {{KeyboardKey::Kind::Backspace, 0}, 1.0f}});
    if (withSubmit) rows.push_back({{{KeyboardKey::Kind::Submit, 0}, 3.0f}});
    return rows;
}

int rowCount(KeyboardMode mode, bool withSubmit) {
    return mode == KeyboardMode::Full ? 5 : (withSubmit ? 5 : 4);
}

std::string keyId(const KeyboardKey& key) {
    switch (key.kind) {
        case KeyboardKey::Kind::Char: {
            char32_t c = isAsciiLower(key.ch) ? key.ch - U'a' + U'A' : key.ch;
            return "key:" + vn::encodeUtf8(std::u32string(1, c));
        }
        case KeyboardKey::Kind::Space:
            return "key: ";
        case KeyboardKey::Kind::Backspace:
            return "key:backspace";
        case KeyboardKey::Kind::Shift:
            return "key:shift";
        case KeyboardKey::Kind::Layout:
            return "key:layout";
        case KeyboardKey::Kind::Method:
            return "key:method";
        case KeyboardKey::Kind::Submit:
            return "key:submit";
    }
    return "key:?";
}

}  // namespace

float onscreenKeyboardHeight(const UiContext& ui, KeyboardMode mode, float keyHeight) {
    const int n = rowCount(mode, false);
    return static_cast<float>(n) * keyHeight + static_cast<float>(n - 1) * ui.metrics.smallGap;
}

KeyboardResult drawOnscreenKeyboard(UiContext& ui, Rect area, KeyboardState& state,
                                    std::string& text, std::string_view submitLabel) {
    const bool withSubmit = !submitLabel.empty();
    const auto rows =
        state.mode == KeyboardMode::Full ? fullRows(state, withSubmit) : padRows(withSubmit);
    const float gap = ui.metrics.smallGap;
    const float n = static_cast<float>(rows.size());
    const float keyH = std::max(ui.metrics.touchMin, (area.h - (n - 1) * gap) / n);
    // Every Full row is ten units wide (the letter rows are centred); the pad is three.
    const float units = state.mode == KeyboardMode::Full ? 10.0f : 3.0f;
    const float unitW = (area.w - (units - 1) * gap) / units;
    const bool upper = state.shift != ShiftState::Off;

    std::vector<KeyboardKey> pressed;
    float y = area.y;
    for (const auto& row : rows) {
        float rowUnits = 0;
        for (const auto& cell : row) rowUnits += cell.span;
        const float rowW = rowUnits * unitW + (rowUnits - 1) * gap;
        float x = area.x + (area.w - rowW) * 0.5f;
        for (const auto& cell : row) {
            const float w = cell.span * unitW + (cell.span - 1) * gap;
            Rect r{x, y, w, keyH};
            x += w + gap;
            const KeyboardKey& key = cell.key;
            std::string label;
            ButtonStyle style = ButtonStyle::Key;
            FontRole font = FontRole::Title;
            Icon icon = Icon::None;
            bool iconOnly = false;
            switch (key.kind) {
                case KeyboardKey::Kind::Char: {
                    char32_t c = key.ch;
                    if (upper && isAsciiLower(c)) c = c - U'a' + U'A';
                    label = vn::encodeUtf8(std::u32string(1, c));
                    break;
                }
                case KeyboardKey::Kind::Space:
                    label = ui.t("keyboard.space");
                    font = FontRole::Body;
                    break;
                case KeyboardKey::Kind::Backspace:
                    label = "⌫";
                    icon = Icon::Backspace;
                    iconOnly = true;
                    break;
                case KeyboardKey::Kind::Shift:
                    // The font has no ⇧: a word, outlined when on, filled when locked.
                    label = ui.t("keyboard.shift");
                    if (state.shift == ShiftState::Once) style = ButtonStyle::Secondary;
                    if (state.shift == ShiftState::Locked) style = ButtonStyle::Primary;
                    font = FontRole::BodyBold;
                    break;
                case KeyboardKey::Kind::Layout:
                    label = state.layout == KeyboardLayout::Letters ? "123" : "ABC";
                    font = FontRole::Button;
                    break;
                case KeyboardKey::Kind::Method:
                    label = std::string(methodLabel(state));
                    font = FontRole::Button;
                    break;
                case KeyboardKey::Kind::Submit:
                    label = std::string(submitLabel);
                    style = ButtonStyle::Primary;
                    font = FontRole::Button;
                    break;
            }
            if (bigButton(ui, {keyId(key), label, r, style, true, font, icon, iconOnly}))
                pressed.push_back(key);
        }
        y += keyH + gap;
    }

    KeyboardResult result;
    auto merge = [&](const KeyboardResult& r) {
        result.changed = result.changed || r.changed;
        result.submitted = result.submitted || r.submitted;
    };
    for (const auto& key : pressed) merge(applyKey(state, key, text));

    // The physical keyboard: its text, backspace and Enter.
    ImGuiIO& io = ImGui::GetIO();
    if (!io.InputQueueCharacters.empty()) {
        std::u32string typed;
        for (ImWchar c : io.InputQueueCharacters) typed.push_back(static_cast<char32_t>(c));
        merge(applyTypedText(state, vn::encodeUtf8(typed), text));
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)))
        merge(applyKey(state, {KeyboardKey::Kind::Backspace, 0}, text));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        result.submitted = true;
    return result;
}

}  // namespace dvc::ui
