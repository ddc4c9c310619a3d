#include "widgets/text.h"

#include <algorithm>
#include <imgui.h>

namespace dvc::ui {

namespace {
ImFont* fontOf(const UiContext& ui, FontRole role) { return ui.fonts.get(role); }
}  // namespace

float textWidth(const UiContext& ui, FontRole role, std::string_view text) {
    ImFont* f = fontOf(ui, role);
    return f->CalcTextSizeA(f->FontSize, 1e9f, 0.0f, text.data(), text.data() + text.size()).x;
}

std::vector<std::string_view> wrapLines(const UiContext& ui, FontRole role, std::string_view text,
                                        float wrapWidth) {
    // Breaks only at spaces: ImGui's own wrapping also breaks after '.', which would split a
    // dossier code such as 000.00.19.H42-261123-0001 across lines.
    std::vector<std::string_view> lines;
    auto fits = [&](std::string_view s) { return wrapWidth <= 0 || textWidth(ui, role, s) <= wrapWidth; };
    std::size_t paraStart = 0;
    while (paraStart <= text.size()) {
        std::size_t paraEnd = text.find('\n', paraStart);
        if (paraEnd == std::string_view::npos) paraEnd = text.size();
        std::string_view para = text.substr(paraStart, paraEnd - paraStart);
        std::size_t start = 0;
        if (para.empty()) lines.push_back(para);  // keeps a non-null pointer for ImGui
        while (start < para.size()) {
            std::size_t lastFit = std::string_view::npos;
            std::size_t wordStart = start;
            while (true) {
                std::size_t space = para.find(' ', wordStart);
                std::size_t wordEnd = space == std::string_view::npos ? para.size() : space;
                if (!fits(para.substr(start, wordEnd - start))) break;
                lastFit = wordEnd;
                if (wordEnd == para.size()) break;
                wordStart = wordEnd + 1;
            }
            if (lastFit == std::string_view::npos) {
                // One word wider than the box: cut it between code points.
                std::size_t cut = start;
                while (cut < para.size()) {
                    std::size_t next = cut + 1;
                    while (next < para.size() && (static_cast<unsigned char>(para[next]) & 0xC0) == 0x80) ++next;
                    if (cut > start && !fits(para.substr(start, next - start))) break;
                    cut = next;
                }
                lastFit = cut;
            }
            lines.push_back(para.substr(start, lastFit - start));
            start = lastFit;
            while (start < para.size() && para[start] == ' ') ++start;
        }
        if (paraEnd == text.size()) break;
        paraStart = paraEnd + 1;
    }
    return lines;
}

float textHeight(const UiContext& ui, FontRole role, std::string_view text, float wrapWidth) {
    auto n = wrapLines(ui, role, text, wrapWidth).size();
    return static_cast<float>(std::max<size_t>(n, 1)) * fontOf(ui, role)->FontSize * 1.18f;
}

float drawText(UiContext& ui, FontRole role, std::string_view text, float x, float y, Colour colour,
               float wrapWidth, Align align) {
    ImFont* f = fontOf(ui, role);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lineHeight = f->FontSize * 1.18f;
    float cy = y;
    for (auto line : wrapLines(ui, role, text, wrapWidth)) {
        float w = textWidth(ui, role, line);
        float lx = align == Align::Left ? x : align == Align::Centre ? x - w * 0.5f : x - w;
        dl->AddText(f, f->FontSize, ImVec2(lx, cy), colour.packed(), line.data(),
                    line.data() + line.size());
        cy += lineHeight;
    }
    // Only what can be seen counts as shown (text scrolled out of a list is not on screen).
    if (cy > dl->GetClipRectMin().y && y < dl->GetClipRectMax().y) ui.record.addText(text);
    return std::max(cy - y, lineHeight);
}

void drawTextInBox(UiContext& ui, FontRole role, std::string_view text, Rect box, Colour colour) {
    float h = textHeight(ui, role, text, box.w);
    // Glyph boxes carry the line gap below; nudge up slightly so text looks optically centred.
    float y = box.y + (box.h - h) * 0.5f + fontOf(ui, role)->FontSize * 0.04f;
    drawText(ui, role, text, box.centreX(), y, colour, box.w, Align::Centre);
}

std::string fillPlaceholder(std::string_view pattern, std::string_view name, std::string_view value) {
    std::string out(pattern);
    std::string key = "{" + std::string(name) + "}";
    for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size()))
        out.replace(pos, key.size(), value);
    return out;
}

}  // namespace dvc::ui
