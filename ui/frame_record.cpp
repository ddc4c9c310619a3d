#include "frame_record.h"

namespace dvc::ui {

void FrameRecord::clear() {
    widgets_.clear();
    texts_.clear();
}

void FrameRecord::addWidget(std::string id, std::string label, Rect rect, bool enabled) {
    widgets_.push_back(WidgetRecord{std::move(id), std::move(label), rect, enabled});
}

void FrameRecord::addText(std::string_view text) {
    if (!text.empty()) texts_.emplace_back(text);
}

const WidgetRecord* FrameRecord::findWidget(std::string_view name) const {
    const WidgetRecord* found = nullptr;
    for (const auto& w : widgets_) {
        if (w.id != name && w.label != name) continue;
        if (!found || w.enabled || !found->enabled) found = &w;
    }
    return found;
}

bool FrameRecord::containsText(std::string_view needle) const {
    for (const auto& t : texts_)
        if (t.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace dvc::ui
