// The on-screen keyboard's keys → text edits, without a window: shift and caps, the method
// toggle, the numeric pad's filter, the length limit, and the caller changing the text.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <string>

#include "widgets/onscreen_keyboard.h"

using namespace dvc;
using namespace dvc::ui;

namespace {

KeyboardKey ch(char32_t c) {
    return {KeyboardKey::Kind::Char, c};
}
const KeyboardKey kShift{KeyboardKey::Kind::Shift, 0};
const KeyboardKey kSpace{KeyboardKey::Kind::Space, 0};
const KeyboardKey kBackspace{KeyboardKey::Kind::Backspace, 0};
const KeyboardKey kMethod{KeyboardKey::Kind::Method, 0};

// Taps each ASCII character's key as the citizen would (space bar for ' ').
void tapAll(KeyboardState& state, std::string& text, std::string_view keys) {
    for (char c : keys) applyKey(state, c == ' ' ? kSpace : ch(static_cast<char32_t>(c)), text);
}

}  // namespace

TEST_CASE("keyboard: tapped Telex keys compose Vietnamese, shift capitalises one letter") {
    KeyboardState state;
    std::string text;
    applyKey(state, kShift, text);
    tapAll(state, text, "nguyeenx");
    applyKey(state, kSpace, text);
    applyKey(state, kShift, text);
    tapAll(state, text, "vawn");
    CHECK(text == "Nguyễn Văn");
    CHECK(state.shift == ShiftState::Off);
}

TEST_CASE("keyboard: shift pressed twice locks capitals until pressed again") {
    KeyboardState state;
    std::string text;
    applyKey(state, kShift, text);
    applyKey(state, kShift, text);
    REQUIRE(state.shift == ShiftState::Locked);
    tapAll(state, text, "ubnd");
    applyKey(state, kShift, text);
    tapAll(state, text, " xa");
    CHECK(text == "UBND xa");
}

TEST_CASE("keyboard: the method key switches Telex and VNI") {
    KeyboardState state;
    std::string text;
    auto r = applyKey(state, kMethod, text);
    CHECK_FALSE(r.changed);
    CHECK(methodLabel(state) == "VNI");
    tapAll(state, text, "Vie65t");
    CHECK(text == "Việt");
    applyKey(state, kMethod, text);
    CHECK(methodLabel(state) == "Telex");
}

TEST_CASE("keyboard: backspace removes the last shown character and reports a change") {
    KeyboardState state;
    std::string text;
    tapAll(state, text, "khai sinh");
    auto r = applyKey(state, kBackspace, text);
    CHECK(r.changed);
    CHECK(text == "khai sin");
    std::string empty;
    KeyboardState fresh;
    CHECK_FALSE(applyKey(fresh, kBackspace, empty).changed);
}

TEST_CASE("keyboard: the numeric pad takes digits and '/' only, no space") {
    KeyboardState state;
    state.mode = KeyboardMode::NumericPad;
    std::string text;
    tapAll(state, text, "14/05/1990 ab");
    CHECK(text == "14/05/1990");
    applyTypedText(state, "x2", text);
    CHECK(text == "14/05/19902");
}

TEST_CASE("keyboard: the caller's text is the starting point when it changed") {
    KeyboardState state;
    std::string text;
    tapAll(state, text, "abc");
    text.clear();  // the screen was wiped
    tapAll(state, text, "d");
    CHECK(text == "d");
    text = "Nguyên";  // pre-filled: its last word still takes Telex marks
    tapAll(state, text, "x");
    CHECK(text == "Nguyễn");
}

TEST_CASE("keyboard: physical keyboard text goes through the composer") {
    KeyboardState state;
    std::string text;
    auto r = applyTypedText(state, "dang ky khai sinh", text);
    CHECK(r.changed);
    CHECK(text == "dang ky khai sinh");
    text.clear();
    applyTypedText(state, "Tieengs Vieetj", text);
    CHECK(text == "Tiếng Việt");
    // Precomposed text from the OS's own input method is kept as typed; control bytes are not.
    text.clear();
    applyTypedText(state, "Đà Nẵng\t\x01", text);
    CHECK(text == "Đà Nẵng");
}

TEST_CASE("keyboard: input stops at the length limit") {
    KeyboardState state;
    state.maxCodePoints = 5;
    std::string text;
    tapAll(state, text, "abcdefgh");
    CHECK(text == "abcde");
    CHECK_FALSE(applyKey(state, kSpace, text).changed);
}

TEST_CASE("keyboard: the submit key reports submitted without changing the text") {
    KeyboardState state;
    std::string text = "sao y";
    auto r = applyKey(state, {KeyboardKey::Kind::Submit, 0}, text);
    CHECK(r.submitted);
    CHECK_FALSE(r.changed);
    CHECK(text == "sao y");
}
