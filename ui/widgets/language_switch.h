#pragma once
#include <optional>

#include "common/bilingual.h"
#include "ui_context.h"

namespace dvc::ui {

// Two side-by-side touch targets, "Tiếng Việt" and "English" (ids "lang:vi", "lang:en"), each
// written in its own language so a visitor can find theirs. Returns the language tapped.
std::optional<Language> drawLanguageSwitch(UiContext& ui, Rect area);

// The width the switch wants.
float languageSwitchWidth(const UiContext& ui);

}  // namespace dvc::ui
