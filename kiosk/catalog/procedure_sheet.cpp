#include "catalog/procedure_sheet.h"

#include "api/json_mapping.h"

namespace dvc::catalog {

namespace {

SheetSection lines(const char* key, std::vector<std::string> text) {
    SheetSection s;
    s.labelKey = key;
    std::erase_if(text, [](const std::string& t) { return t.empty(); });
    s.lines = std::move(text);
    if (s.lines.empty()) s.valueKey = "catalog.value.none";
    return s;
}

SheetSection line(const char* key, const std::string& text) {
    return lines(key, {text});
}

}  // namespace

const std::vector<std::string>& procedureSheetKeys() {
    static const std::vector<std::string> keys{
        "catalog.item.name",       "catalog.item.code",       "catalog.item.online",
        "catalog.item.steps",      "catalog.item.submit",     "catalog.item.documents",
        "catalog.item.time_limit", "catalog.item.applicants", "catalog.item.agency",
        "catalog.item.result",     "catalog.item.forms",      "catalog.item.conditions",
        "catalog.item.fees",       "catalog.item.delivery",   "catalog.item.legal_basis",
    };
    return keys;
}

std::vector<SheetSection> procedureSheet(const ProcedureDetail& d) {
    const auto& p = d.summary;
    std::vector<SheetSection> out;
    out.push_back(line("catalog.item.name", p.name));
    out.push_back(line("catalog.item.code", p.code));
    SheetSection online;
    online.labelKey = "catalog.item.online";
    // Said before the citizen starts: can the kiosk finish it, or is the counter needed?
    online.valueKey = "catalog.online." + std::string(apiName(p.online));
    out.push_back(std::move(online));
    out.push_back(lines("catalog.item.steps", d.steps));
    out.push_back(lines("catalog.item.submit", d.submitMethods));
    SheetSection docs;
    docs.labelKey = "catalog.item.documents";
    docs.documents = d.documents;
    if (docs.documents.empty()) docs.valueKey = "catalog.value.none";
    out.push_back(std::move(docs));
    out.push_back(line("catalog.item.time_limit", d.timeLimit));
    out.push_back(line("catalog.item.applicants", d.applicants));
    out.push_back(line("catalog.item.agency", p.agency));
    out.push_back(line("catalog.item.result", d.result));
    out.push_back(lines("catalog.item.forms", d.forms));
    out.push_back(line("catalog.item.conditions", d.conditions));
    out.push_back(line("catalog.item.fees", d.feeText));
    out.push_back(lines("catalog.item.delivery", d.resultDelivery));
    out.push_back(lines("catalog.item.legal_basis", d.legalBasis));
    return out;
}

}  // namespace dvc::catalog
