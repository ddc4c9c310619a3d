#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dvc::ui {

// A screen rectangle in window pixels (top-left origin).
struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float centreX() const { return x + w * 0.5f; }
    float centreY() const { return y + h * 0.5f; }
    bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
};

// A touch target drawn in the last frame: what a script taps by id or by its visible label.
struct WidgetRecord {
    std::string id;     // stable, language-independent ("key:A", "home:status", "lang:en")
    std::string label;  // the text shown on it, in the current language
    Rect rect;
    bool enabled = true;
};

// What the last frame showed: every touch target and every text drawn through the UI's text
// helpers. Rebuilt each frame; the script runner (and nothing in the screens) reads it.
class FrameRecord {
public:
    void clear();
    void addWidget(std::string id, std::string label, Rect rect, bool enabled);
    void addText(std::string_view text);

    // The widget whose id or label is exactly `name`; enabled ones first, then the topmost
    // (drawn last), so an overlay wins over what it covers.
    const WidgetRecord* findWidget(std::string_view name) const;
    // True if any drawn text contains `needle` (byte-wise, so NFC text must be searched in NFC).
    bool containsText(std::string_view needle) const;

    const std::vector<WidgetRecord>& widgets() const { return widgets_; }
    const std::vector<std::string>& texts() const { return texts_; }

private:
    std::vector<WidgetRecord> widgets_;
    std::vector<std::string> texts_;
};

}  // namespace dvc::ui
