#pragma once
// Pieces the catalogue screens share: the top bar with "Quay lại", the cache's age line when
// the gateway is unreachable, names of tiers and online scopes, and a touch-scrolled column.
#include <string>
#include <string_view>

#include "ui_context.h"

namespace dvc::ui {

// "Quay lại" at the left and the title (wrapped) beside it; returns the y below the bar.
// True in `backTapped` when the back button was tapped.
float drawCatalogTopBar(UiContext& ui, Rect content, std::string_view title,
                        std::string_view subtitle, bool& backTapped);

// "Danh mục cập nhật lúc 14:05 23/11 — đang ngoại tuyến" when the catalogue flow or the
// heartbeat found the gateway unreachable; nothing otherwise. Returns the height used.
float drawCatalogCacheLine(UiContext& ui, float x, float y, float width);

const std::string& tierName(const UiContext& ui, Tier tier);  // "Cấp xã"
std::string onlineScopeKey(OnlineScope scope);                // "toan_trinh" | "mot_phan" | "khong"
// Epoch seconds as local "HH:MM dd/MM".
std::string localTimeShort(long long epochSeconds);

// A list row: a white card with a bold title (wrapped) and a smaller line under it, the whole
// row a touch target (at least Metrics::touchMin tall). Returns the row's height; `tapped` is
// set on the frame the finger lifts on it (never at the end of a drag).
float catalogRowHeight(const UiContext& ui, std::string_view title, std::string_view meta,
                       float width);
float drawCatalogRow(UiContext& ui, const std::string& id, std::string_view title,
                     std::string_view meta, Rect row, bool& tapped);

// A vertically scrolled column: drag with a finger, or the up/down buttons the caller draws.
// The caller keeps one per screen; reset() when the content changes.
struct ScrollColumn {
    float offset = 0;
    float contentHeight = 0;
    float viewHeight = 0;
    bool dragged = false;  // this touch scrolled: taps on rows under it are ignored
    std::string contentKey;

    // Starts a column in `area`: clips drawing to it, applies the drag; returns the y at which
    // the content starts (area.y - offset). Call end() with the content's height after drawing.
    float begin(UiContext& ui, Rect area, const std::string& key);
    void end(float height);
    bool canScrollUp() const { return offset > 0.5f; }
    bool canScrollDown() const { return offset + viewHeight < contentHeight - 0.5f; }
    void page(float direction);                   // ±1: most of a screenful
    bool visible(float top, float bottom) const;  // a row between these y (screen) is in view
  private:
    Rect area_;
};

}  // namespace dvc::ui
