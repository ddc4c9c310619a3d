#pragma once
// The on-screen Vietnamese keyboard: large keys, Telex or VNI through the VietnameseComposer
// (kiosk/input), shift and caps, space, backspace, a "123" symbols layout, and a numeric-pad
// mode (digits, '/', backspace) for numbers and dates. Keys typed on a physical keyboard (SDL
// text input) reach the same text through the same composer.
//
// Usage: the caller owns a KeyboardState per text field being edited (or one it re-targets)
// and the text; each frame
//
//     KeyboardResult r = drawOnscreenKeyboard(ui, area, state, text);
//     if (r.changed) session.setQuery(text);
//
// `text` is read first: when the caller changed it (wiped, pre-filled), the composer starts
// from it, its last word open to modifiers. Only one keyboard may be drawn per frame (it also
// consumes the physical keyboard's text of that frame).
//
// Widget ids (what scripts tap; `type "abc"` taps key:A, key:B, key:C): "key:A".."key:Z"
// whatever the case shown, "key:0".."key:9", "key: " (space), "key:/" and the other symbols
// as "key:<char>", "key:backspace", "key:shift", "key:layout" ("123"/"ABC"), "key:method"
// (Telex/VNI), "key:submit" (only with a submit label).
#include <string>
#include <string_view>

#include "input/vietnamese_composer.h"
#include "ui_context.h"

namespace dvc::ui {

enum class KeyboardLayout { Letters, Symbols };
enum class KeyboardMode {
    Full,        // letters, digits, symbols, Telex/VNI
    NumericPad,  // 0–9, '/', backspace: numbers and dates; other typed characters are ignored
};
enum class ShiftState { Off, Once, Locked };  // Once: the next letter only

struct KeyboardState {
    VietnameseComposer composer{InputMethod::Telex};
    KeyboardMode mode = KeyboardMode::Full;
    KeyboardLayout layout = KeyboardLayout::Letters;
    ShiftState shift = ShiftState::Off;
    std::size_t maxCodePoints = 200;  // longer input is refused key by key
};

struct KeyboardResult {
    bool changed = false;    // `text` differs from what the caller passed in
    bool submitted = false;  // the submit key or Enter
};

// One key of the keyboard, as pressed (the drawing-free part, unit-tested).
struct KeyboardKey {
    enum class Kind { Char, Space, Backspace, Shift, Layout, Method, Submit } kind = Kind::Char;
    char32_t ch = 0;  // Kind::Char: the character on the key (lower-case letter, digit, symbol)
};

// Applies a key to the state and the text (see the header comment on how `text` is synced).
KeyboardResult applyKey(KeyboardState& state, const KeyboardKey& key, std::string& text);
// Text from a physical keyboard (UTF-8), one code point at a time through the composer, so
// Telex works there too; precomposed letters from the OS's own input method pass unchanged.
KeyboardResult applyTypedText(KeyboardState& state, std::string_view utf8, std::string& text);
// The label of the method key: "Telex" or "VNI".
std::string_view methodLabel(const KeyboardState& state);

// Draws the keyboard filling `area` and applies this frame's taps and physical keys.
// With a non-empty submitLabel a wide submit key ends the bottom row.
KeyboardResult drawOnscreenKeyboard(UiContext& ui, Rect area, KeyboardState& state,
                                    std::string& text, std::string_view submitLabel = {});

// The height the keyboard wants for keys of `keyHeight` (rows × key + gaps).
float onscreenKeyboardHeight(const UiContext& ui, KeyboardMode mode, float keyHeight);

}  // namespace dvc::ui
