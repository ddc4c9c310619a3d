#include "widgets/language_switch.h"

#include "widgets/big_button.h"

namespace dvc::ui {

float languageSwitchWidth(const UiContext& ui) { return ui.px(250) * 2 + ui.metrics.smallGap; }

std::optional<Language> drawLanguageSwitch(UiContext& ui, Rect area) {
    std::optional<Language> chosen;
    const float w = (area.w - ui.metrics.smallGap) * 0.5f;
    const bool vi = ui.session.language() == Language::Vietnamese;
    // Each label is fixed text in its own language (not translated), so it is not in i18n.
    if (bigButton(ui, {"lang:vi", "Tiếng Việt", Rect{area.x, area.y, w, area.h},
                       vi ? ButtonStyle::Primary : ButtonStyle::Secondary, true, FontRole::BodyBold}))
        chosen = Language::Vietnamese;
    if (bigButton(ui, {"lang:en", "English",
                       Rect{area.x + w + ui.metrics.smallGap, area.y, w, area.h},
                       vi ? ButtonStyle::Secondary : ButtonStyle::Primary, true, FontRole::BodyBold}))
        chosen = Language::English;
    return chosen;
}

}  // namespace dvc::ui
