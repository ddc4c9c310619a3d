#pragma once
// The pieces the dossier screens build any e-form from: a field's value box, its badges
// (from the card, locked), its problems, option buttons and a tick box (the keys are
// the on-screen keyboard's, ui/widgets/onscreen_keyboard.h). Each returns what was tapped; the
// screens turn that into DossierFlow intents.
#include <string>
#include <string_view>
#include <vector>

#include "ui_context.h"

namespace dvc::ui {

// What a field row shows under its label.
struct FieldBoxSpec {
    std::string_view id;     // widget id ("field:tre[0].ho_ten")
    std::string_view label;  // the field's label (also the widget's label for scripts)
    std::string_view value;  // formatted value, empty if none
    std::string_view hint;   // shown muted when the value is empty
    bool required = false;
    bool focused = false;
    bool locked = false;
    bool hasProblem = false;
};

// Label with the required star, then the value box. Returns true when tapped.
// `height` is what the caller reserved: fieldBoxHeight().
bool drawFieldBox(UiContext& ui, const FieldBoxSpec& spec, Rect area);
float fieldBoxHeight(const UiContext& ui, std::string_view label, float width);

// "Từ thẻ CCCD" (blue) or "🔒 Từ thẻ CCCD đã xác thực" with the reason (grey); returns height.
float drawPrefillBadge(UiContext& ui, bool locked, float x, float y, float width);
float prefillBadgeHeight(const UiContext& ui, bool locked, float width);

// Problems in red, one per line, each with the alert icon; returns the height used.
float drawProblems(UiContext& ui, const std::vector<std::string>& messages, float x, float y,
                   float width);
float problemsHeight(const UiContext& ui, const std::vector<std::string>& messages, float width);

// A field label with a red star when required; returns the height used.
float drawFieldLabel(UiContext& ui, std::string_view label, bool required, float x, float y,
                     float width);
float fieldLabelHeight(const UiContext& ui, std::string_view label, float width);

// One option of a select, drawn as a radio row. Returns true when tapped.
bool drawOption(UiContext& ui, std::string_view id, std::string_view label, bool selected,
                bool enabled, Rect r);
// A tick box with its (possibly long) label wrapped beside it. Returns true when tapped.
bool drawCheckbox(UiContext& ui, std::string_view id, std::string_view label, bool checked,
                  bool required, bool enabled, Rect r);
float checkboxHeight(const UiContext& ui, std::string_view label, float width);

}  // namespace dvc::ui
