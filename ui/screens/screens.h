#pragma once
#include "ui_context.h"

namespace dvc::ui {

// One function per screen of the Session; each draws into `content` (between the header and
// the footer) and calls Session intents for what the visitor taps.
void drawHome(UiContext& ui, Rect content);
void drawStatusLookup(UiContext& ui, Rect content);
void drawStatusResult(UiContext& ui, Rect content);
void drawIdentify(UiContext& ui, Rect content);
// "Lấy số thứ tự" (issue 5)
void drawQueue(UiContext& ui, Rect content);
// "Nộp hồ sơ" (Screen::Dossier): dispatches on DossierFlow's phase to the form, the review and
// the receipt (ui/screens/dossier_*.cpp).
void drawDossier(UiContext& ui, Rect content);
void drawDossierReview(UiContext& ui, Rect content);
void drawDossierReceipt(UiContext& ui, Rect content);

// The procedure catalogue (issue 4): browse, search as you type, a procedure's detail, and the
// block on home (the three tiers and the search field) returning the height it used.
void drawCatalogBrowse(UiContext& ui, Rect content);
void drawCatalogSearch(UiContext& ui, Rect content);
void drawProcedureDetail(UiContext& ui, Rect content);
float drawHomeCatalog(UiContext& ui, Rect area, bool tiersStacked);
float homeCatalogHeight(const UiContext& ui, bool tiersStacked);

}  // namespace dvc::ui
