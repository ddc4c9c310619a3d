#include "domain/dossier.h"

#include <array>
#include <utility>

#include "privacy/wipe.h"

namespace dvc {

namespace {
constexpr std::array<std::pair<DossierState, std::string_view>, 7> kNames{{
    {DossierState::Received, "da_tiep_nhan"},
    {DossierState::Processing, "dang_xu_ly"},
    {DossierState::NeedsSupplement, "cho_bo_sung"},
    {DossierState::ResultReady, "da_co_ket_qua"},
    {DossierState::Returned, "da_tra_ket_qua"},
    {DossierState::Overdue, "qua_han"},
    {DossierState::Cancelled, "da_huy"},
}};
}  // namespace

std::string_view apiName(DossierState state) {
    for (const auto& [s, name] : kNames)
        if (s == state) return name;
    return "da_tiep_nhan";
}

std::optional<DossierState> dossierStateFromApi(std::string_view name) {
    for (const auto& [s, n] : kNames)
        if (n == name) return s;
    return std::nullopt;
}

std::string stateLabelKey(DossierState state) { return "state." + std::string(apiName(state)); }

void wipe(DossierStatus& status) {
    wipeString(status.applicantName);
    wipeString(status.code);
    for (auto& h : status.history) wipeString(h.note);
    status = DossierStatus{};
}

}  // namespace dvc
