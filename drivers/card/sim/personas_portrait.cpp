#include "card/sim/personas_portrait.h"

#include <algorithm>
#include <cmath>

namespace dvc::card::sim {
namespace {

struct Rgb {
    double r, g, b;
};

// xorshift32: small, deterministic, good enough for shading noise.
struct Random {
    std::uint32_t state;
    std::uint32_t next() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    double unit() { return (next() & 0xFFFFFF) / double(0x1000000); }
};

Rgb mix(Rgb a, Rgb b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

// Inside-ness of an ellipse, softened over `edge` pixels: 1 inside, 0 outside.
double ellipse(double x, double y, double cx, double cy, double rx, double ry, double edge = 1.5) {
    double d = std::sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry));
    double distance = (d - 1.0) * std::min(rx, ry);
    return std::clamp(0.5 - distance / edge, 0.0, 1.0);
}

}  // namespace

emrtd::RgbImage drawPortrait(std::uint32_t seed, int width, int height) {
    Random random{seed ? seed : 0x9E3779B9u};
    const Rgb skins[] = {{236, 196, 160}, {222, 176, 136}, {198, 150, 110}, {242, 208, 178}};
    const Rgb hairs[] = {{24, 20, 18}, {40, 30, 24}, {58, 44, 34}, {90, 88, 86}};
    const Rgb shirts[] = {{245, 245, 245}, {40, 60, 110}, {70, 70, 78}, {150, 30, 40}};
    const Rgb skin = skins[random.next() % 4];
    const Rgb hair = hairs[random.next() % 4];
    const Rgb shirt = shirts[random.next() % 4];
    const Rgb backgroundTop{250, 250, 252}, backgroundBottom{214, 226, 240};
    const double w = width, h = height;
    const double faceW = w * (0.20 + 0.03 * random.unit());
    const double faceH = h * (0.22 + 0.02 * random.unit());
    const double cx = w / 2, cy = h * 0.43;
    const double hairLength = 0.2 + 0.8 * random.unit();  // short to shoulder length

    emrtd::RgbImage img;
    img.width = width;
    img.height = height;
    img.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    for (int yi = 0; yi < height; ++yi) {
        for (int xi = 0; xi < width; ++xi) {
            const double x = xi + 0.5, y = yi + 0.5;
            Rgb c = mix(backgroundTop, backgroundBottom, y / h);
            // Hair behind the head (longer hair reaches down past the jaw).
            double back = ellipse(x, y, cx, cy - faceH * 0.1, faceW * 1.22,
                                  faceH * (1.05 + 0.35 * hairLength));
            c = mix(c, hair, back);
            // Shoulders and neck.
            double shoulders = ellipse(x, y, cx, h * 1.02, w * 0.46, h * 0.26);
            c = mix(c, shirt, shoulders);
            double neck = (std::abs(x - cx) < faceW * 0.45 && y > cy + faceH * 0.6 && y < h * 0.8)
                              ? 1.0
                              : 0.0;
            c = mix(c, mix(skin, Rgb{0, 0, 0}, 0.12), neck * (1.0 - shoulders));
            // Face with a soft shade towards the edge.
            double face = ellipse(x, y, cx, cy, faceW, faceH);
            double shade = std::clamp(std::hypot((x - cx) / faceW, (y - cy) / faceH), 0.0, 1.0);
            c = mix(c, mix(skin, Rgb{skin.r * 0.8, skin.g * 0.72, skin.b * 0.68}, shade * shade),
                    face);
            // Fringe over the forehead.
            double fringe = ellipse(x, y, cx, cy - faceH * 0.78, faceW * 1.08, faceH * 0.42);
            c = mix(c, hair, fringe);
            // Eyes, irises, brows.
            for (double side : {-1.0, 1.0}) {
                double ex = cx + side * faceW * 0.42, ey = cy - faceH * 0.08;
                c = mix(c, Rgb{240, 240, 236}, ellipse(x, y, ex, ey, faceW * 0.17, faceH * 0.06));
                c = mix(c, Rgb{45, 32, 26}, ellipse(x, y, ex, ey, faceW * 0.075, faceH * 0.055));
                c = mix(c, hair, ellipse(x, y, ex, ey - faceH * 0.16, faceW * 0.2, faceH * 0.03));
            }
            // Nose shadow and mouth.
            c = mix(c, Rgb{skin.r * 0.78, skin.g * 0.68, skin.b * 0.62},
                    0.6 * ellipse(x, y, cx, cy + faceH * 0.22, faceW * 0.09, faceH * 0.05));
            c = mix(c, Rgb{176, 92, 88},
                    ellipse(x, y, cx, cy + faceH * 0.5, faceW * 0.3, faceH * 0.055));
            // Sensor noise, so the codec has real work to do.
            double noise = (random.unit() - 0.5) * 6.0;
            auto* px = &img.pixels[(static_cast<std::size_t>(yi) * static_cast<std::size_t>(width) +
                                    static_cast<std::size_t>(xi)) *
                                   3];
            px[0] = static_cast<std::uint8_t>(std::clamp(c.r + noise, 0.0, 255.0));
            px[1] = static_cast<std::uint8_t>(std::clamp(c.g + noise, 0.0, 255.0));
            px[2] = static_cast<std::uint8_t>(std::clamp(c.b + noise, 0.0, 255.0));
        }
    }
    return img;
}

}  // namespace dvc::card::sim
