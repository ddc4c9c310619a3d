#include "widgets/icons.h"

#include <algorithm>
#include <cmath>
#include <imgui.h>

namespace dvc::ui {

namespace {

constexpr float kPi = 3.14159265f;

ImVec2 at(float cx, float cy, float s, float fx, float fy) {
    // (fx, fy) in [-0.5, 0.5] of the icon square
    return ImVec2(cx + fx * s, cy + fy * s);
}

void starPath(ImDrawList* dl, float cx, float cy, float outer, float inner) {
    for (int i = 0; i < 10; ++i) {
        float r = (i % 2 == 0) ? outer : inner;
        float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
        dl->PathLineTo(ImVec2(cx + r * std::cos(a), cy + r * std::sin(a)));
    }
}

// ImGui fills only convex polygons well: a star is five triangles around a pentagon.
void fillStar(ImDrawList* dl, float cx, float cy, float outer, ImU32 col) {
    float inner = outer * 0.382f;
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        float r = (i % 2 == 0) ? outer : inner;
        float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
        pts[i] = ImVec2(cx + r * std::cos(a), cy + r * std::sin(a));
    }
    ImVec2 pentagon[5] = {pts[1], pts[3], pts[5], pts[7], pts[9]};
    dl->AddConvexPolyFilled(pentagon, 5, col);
    for (int i = 0; i < 10; i += 2)
        dl->AddTriangleFilled(pts[(i + 9) % 10], pts[i], pts[(i + 1) % 10], col);
}

void qrFinder(ImDrawList* dl, ImVec2 tl, float s, float stroke, ImU32 col) {
    dl->AddRect(ImVec2(tl.x + stroke / 2, tl.y + stroke / 2),
                ImVec2(tl.x + s - stroke / 2, tl.y + s - stroke / 2), col, 0, 0, stroke);
    float inset = s * 0.32f;
    dl->AddRectFilled(ImVec2(tl.x + inset, tl.y + inset), ImVec2(tl.x + s - inset, tl.y + s - inset),
                      col);
}

}  // namespace

void drawStarEmblem(ImDrawList* dl, float cx, float cy, float radius) {
    dl->AddCircleFilled(ImVec2(cx, cy), radius, palette::accentRed.packed(), 64);
    dl->AddCircle(ImVec2(cx, cy), radius - radius * 0.06f, palette::star.packed(), 64,
                  radius * 0.05f);
    fillStar(dl, cx, cy + radius * 0.04f, radius * 0.62f, palette::star.packed());
}

void drawIcon(ImDrawList* dl, Icon icon, float cx, float cy, float s, Colour colour) {
    const ImU32 col = colour.packed();
    const float w = std::max(2.0f, s * 0.085f);  // stroke
    switch (icon) {
        case Icon::None: return;
        case Icon::Search: {
            ImVec2 c = at(cx, cy, s, -0.09f, -0.09f);
            float r = s * 0.27f;
            dl->AddCircle(c, r, col, 48, w);
            dl->AddLine(at(cx, cy, s, 0.12f, 0.12f), at(cx, cy, s, 0.38f, 0.38f), col, w * 1.4f);
            return;
        }
        case Icon::Document: {
            ImVec2 tl = at(cx, cy, s, -0.3f, -0.4f), br = at(cx, cy, s, 0.3f, 0.4f);
            dl->AddRect(tl, br, col, s * 0.05f, 0, w);
            for (int i = 0; i < 3; ++i) {
                float y = -0.17f + 0.17f * static_cast<float>(i);
                dl->AddLine(at(cx, cy, s, -0.16f, y), at(cx, cy, s, i == 2 ? 0.04f : 0.16f, y), col,
                            w * 0.8f);
            }
            return;
        }
        case Icon::Ticket: {
            ImVec2 tl = at(cx, cy, s, -0.42f, -0.26f), br = at(cx, cy, s, 0.42f, 0.26f);
            dl->AddRect(tl, br, col, s * 0.06f, 0, w);
            for (int i = 0; i < 4; ++i) {
                float y = -0.18f + 0.12f * static_cast<float>(i);
                dl->AddLine(at(cx, cy, s, 0.12f, y), at(cx, cy, s, 0.12f, y + 0.06f), col, w * 0.7f);
            }
            dl->AddLine(at(cx, cy, s, -0.28f, -0.06f), at(cx, cy, s, -0.02f, -0.06f), col, w * 0.8f);
            dl->AddLine(at(cx, cy, s, -0.28f, 0.08f), at(cx, cy, s, -0.1f, 0.08f), col, w * 0.8f);
            return;
        }
        case Icon::Star: {
            starPath(dl, cx, cy + s * 0.03f, s * 0.44f, s * 0.44f * 0.42f);
            dl->PathStroke(col, ImDrawFlags_Closed, w);
            return;
        }
        case Icon::Qr: {
            float q = s * 0.36f;
            ImVec2 tl = at(cx, cy, s, -0.45f, -0.45f);
            qrFinder(dl, tl, q, w * 0.8f, col);
            qrFinder(dl, ImVec2(tl.x + s * 0.9f - q, tl.y), q, w * 0.8f, col);
            qrFinder(dl, ImVec2(tl.x, tl.y + s * 0.9f - q), q, w * 0.8f, col);
            float m = s * 0.12f;
            const float cells[][2] = {{0.1f, 0.1f}, {0.26f, 0.1f}, {0.1f, 0.26f}, {0.3f, 0.3f}, {0.0f, 0.32f}};
            for (auto& c : cells)
                dl->AddRectFilled(at(cx, cy, s, c[0], c[1]), at(cx, cy, s, c[0] + m / s, c[1] + m / s), col);
            return;
        }
        case Icon::Backspace: {
            ImVec2 p[5] = {at(cx, cy, s, -0.46f, 0.0f), at(cx, cy, s, -0.2f, -0.3f),
                           at(cx, cy, s, 0.44f, -0.3f), at(cx, cy, s, 0.44f, 0.3f),
                           at(cx, cy, s, -0.2f, 0.3f)};
            dl->AddPolyline(p, 5, col, ImDrawFlags_Closed, w);
            dl->AddLine(at(cx, cy, s, -0.02f, -0.13f), at(cx, cy, s, 0.24f, 0.13f), col, w);
            dl->AddLine(at(cx, cy, s, -0.02f, 0.13f), at(cx, cy, s, 0.24f, -0.13f), col, w);
            return;
        }
        case Icon::Home: {
            ImVec2 roof[3] = {at(cx, cy, s, -0.42f, -0.02f), at(cx, cy, s, 0.0f, -0.4f),
                              at(cx, cy, s, 0.42f, -0.02f)};
            dl->AddPolyline(roof, 3, col, 0, w);
            ImVec2 body[4] = {at(cx, cy, s, -0.3f, -0.12f), at(cx, cy, s, -0.3f, 0.38f),
                              at(cx, cy, s, 0.3f, 0.38f), at(cx, cy, s, 0.3f, -0.12f)};
            dl->AddPolyline(body, 4, col, 0, w);
            return;
        }
        case Icon::Alert: {
            dl->AddCircle(ImVec2(cx, cy), s * 0.44f, col, 48, w);
            dl->AddLine(at(cx, cy, s, 0, -0.24f), at(cx, cy, s, 0, 0.08f), col, w * 1.3f);
            dl->AddCircleFilled(at(cx, cy, s, 0, 0.22f), w * 0.85f, col);
            return;
        }
        case Icon::Check: {
            dl->AddCircle(ImVec2(cx, cy), s * 0.44f, col, 48, w);
            ImVec2 p[3] = {at(cx, cy, s, -0.2f, 0.0f), at(cx, cy, s, -0.05f, 0.16f),
                           at(cx, cy, s, 0.22f, -0.14f)};
            dl->AddPolyline(p, 3, col, 0, w * 1.2f);
            return;
        }
        case Icon::Clock: {
            dl->AddCircle(ImVec2(cx, cy), s * 0.42f, col, 48, w);
            dl->AddLine(ImVec2(cx, cy), at(cx, cy, s, 0, -0.26f), col, w);
            dl->AddLine(ImVec2(cx, cy), at(cx, cy, s, 0.18f, 0.08f), col, w);
            return;
        }
        case Icon::Offline: {
            for (int i = 0; i < 3; ++i) {
                float r = s * (0.16f + 0.14f * static_cast<float>(i));
                dl->PathArcTo(at(cx, cy, s, 0, 0.3f), r, -kPi * 0.78f, -kPi * 0.22f, 24);
                dl->PathStroke(col, 0, w);
            }
            dl->AddLine(at(cx, cy, s, -0.42f, -0.42f), at(cx, cy, s, 0.42f, 0.42f), col, w * 1.1f);
            return;
        }
    }
}

}  // namespace dvc::ui
