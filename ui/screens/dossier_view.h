#pragma once
// Shared by the dossier screens (form, review, receipt): formatting a field's value for
// display and the texts of its problems. Internal to ui/screens.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "session/dossier_flow.h"
#include "ui_context.h"

namespace dvc::ui::dossier {

const std::string& in(const UiContext& ui, const BilingualText& text);
// "14/05/1990", "1.500.000 ₫", the option's label, "Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội".
std::string formatValue(const UiContext& ui, const DossierFlow& flow, const forms::FormField& field,
                        const nlohmann::json* value);
// The explanations of the problems at a field, in the visit's language.
std::vector<std::string> problemTexts(const UiContext& ui, const DossierFlow& flow,
                                      const FieldRef& ref);
std::string explainProblem(const UiContext& ui, const forms::FieldProblem& problem);

// Full-screen states: the spinner while loading/submitting, the failure with its ways on.
void drawBusy(UiContext& ui, Rect content, const std::string& title, const std::string& body);
// The "discard what you typed?" question over everything.
void drawDiscardDialog(UiContext& ui);

}  // namespace dvc::ui::dossier
