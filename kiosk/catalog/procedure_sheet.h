#pragma once
// The procedure detail screen's content: every level-1 item Circular 32/2017 asks a kiosk to
// show, in a fixed order, each under an i18n label key ("catalog.item.*"). Empty items are
// kept with a "none" line so the citizen sees that nothing is required, not that it is missing.
#include <string>
#include <vector>

#include "domain/procedure_detail.h"

namespace dvc::catalog {

struct SheetSection {
    std::string labelKey;                     // e.g. "catalog.item.documents"
    std::vector<std::string> lines;           // catalogue text (Vietnamese, as published)
    std::vector<RequiredDocument> documents;  // the documents item only, with counts
    std::string valueKey;  // a translated value instead of lines (tier, online scope, "none")
};

std::vector<SheetSection> procedureSheet(const ProcedureDetail& detail);

// The label keys in display order (tests check every one is present and translated).
const std::vector<std::string>& procedureSheetKeys();

}  // namespace dvc::catalog
