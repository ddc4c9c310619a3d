#pragma once
#include <cstdint>

#include "domain/dossier.h"

namespace dvc::ui {

// RGBA colour, 0xRRGGBBAA written as in a design spec; converted for ImGui where drawn.
struct Colour {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    static constexpr Colour rgb(std::uint32_t hex) {
        return Colour{static_cast<std::uint8_t>(hex >> 16), static_cast<std::uint8_t>(hex >> 8),
                      static_cast<std::uint8_t>(hex), 255};
    }
    constexpr Colour withAlpha(std::uint8_t alpha) const { return Colour{r, g, b, alpha}; }
    std::uint32_t packed() const;  // ImU32 (ABGR)
};

// The one theme of the kiosk: calm light background, government blue for structure and the
// one action that matters on each screen, red only for the emblem and for errors. Text on
// every fill meets WCAG AA (4.5:1) for its size; measured values in docs/ui.md.
namespace palette {
inline constexpr Colour background = Colour::rgb(0xF3F5F9);
inline constexpr Colour surface = Colour::rgb(0xFFFFFF);
inline constexpr Colour surfaceMuted = Colour::rgb(0xE8ECF2);
inline constexpr Colour border = Colour::rgb(0xC9D1DD);
inline constexpr Colour text = Colour::rgb(0x141A26);
inline constexpr Colour textSecondary = Colour::rgb(0x46505F);
inline constexpr Colour textMuted = Colour::rgb(0x5A6473);
inline constexpr Colour onPrimary = Colour::rgb(0xFFFFFF);
inline constexpr Colour primary = Colour::rgb(0x0B4F9C);         // government blue
inline constexpr Colour primaryPressed = Colour::rgb(0x083B75);
inline constexpr Colour primaryDark = Colour::rgb(0x0A3D78);     // header
inline constexpr Colour primarySoft = Colour::rgb(0xE3EDF9);
inline constexpr Colour accentRed = Colour::rgb(0xC8102E);
inline constexpr Colour star = Colour::rgb(0xFFCD00);
inline constexpr Colour errorSoft = Colour::rgb(0xFDECEE);
inline constexpr Colour success = Colour::rgb(0x1E7B34);
inline constexpr Colour successSoft = Colour::rgb(0xE6F4EA);
inline constexpr Colour warning = Colour::rgb(0xF6C343);
inline constexpr Colour warningSoft = Colour::rgb(0xFFF4D6);
inline constexpr Colour warningText = Colour::rgb(0x5C3B00);
inline constexpr Colour scrim = Colour{10, 20, 40, 170};
}  // namespace palette

// The status badge fill of each dossier state (white text on all of them).
Colour stateColour(DossierState state);

// Sizes in pixels for the current window. The design reference is a 1080 px short side; every
// size scales with it. touchMin is the 15 mm rule (docs/ui.md): nothing tappable is smaller.
struct Metrics {
    float unit = 1.0f;  // window short side / 1080
    float margin = 48, gap = 24, smallGap = 12;
    float radius = 18, smallRadius = 10;
    float touchMin = 96;
    float headerHeight = 170, footerHeight = 124;
    static Metrics forWindow(float width, float height);
    float px(float designPx) const { return designPx * unit; }
};

// Applies the kiosk style to ImGui (rounding, colours, no window chrome).
void applyImGuiStyle(const Metrics& m);

}  // namespace dvc::ui
