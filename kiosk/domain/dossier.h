#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dvc {

// Processing states of a dossier (hồ sơ) as the one-stop systems report them.
enum class DossierState {
    Received,         // da_tiep_nhan  — đã tiếp nhận
    Processing,       // dang_xu_ly    — đang xử lý
    NeedsSupplement,  // cho_bo_sung   — chờ bổ sung
    ResultReady,      // da_co_ket_qua — đã có kết quả
    Returned,         // da_tra_ket_qua — đã trả kết quả
    Overdue,          // qua_han       — quá hạn
    Cancelled,        // da_huy        — đã hủy
};

std::string_view apiName(DossierState state);
std::optional<DossierState> dossierStateFromApi(std::string_view name);
// i18n key of the state's label, e.g. "state.dang_xu_ly".
std::string stateLabelKey(DossierState state);

struct HistoryEntry {
    std::string at;  // ISO 8601 with offset
    DossierState state = DossierState::Received;
    std::string actor;
    std::string note;
};

struct DossierStatus {
    std::string code;
    std::string procedureCode;
    std::string procedureName;
    std::string agency;
    std::string applicantName;  // masked by the gateway; the kiosk masks again
    std::string receivedAt;
    std::string dueAt;  // ngày hẹn trả
    std::optional<std::string> finishedAt;
    DossierState state = DossierState::Received;
    std::vector<HistoryEntry> history;
};

// Overwrites the personal fields before releasing them (Decree 13/2023: keep briefly).
void wipe(DossierStatus& status);

}  // namespace dvc
