#pragma once
#include <string>
#include <vector>

namespace dvc {

// Tier of the authority that handles a procedure.
enum class Tier { Commune, District, Province };  // xa, huyen, tinh
// Decree 42/2022: how much of the procedure can be done online.
enum class OnlineScope { Full, Partial, None };  // toan_trinh, mot_phan, khong

struct ProcedureSummary {
    std::string code;
    std::string name;
    Tier tier = Tier::Commune;
    std::string field;  // lĩnh vực
    std::string agency;
    int serviceLevel = 2;  // Decree 43/2011, 1–4
    OnlineScope online = OnlineScope::None;
    int timeLimitDays = 0;
    long long feeVnd = 0;
    std::vector<std::string> keywords;
    int version = 1;
};

struct CatalogPage {
    int version = 0;
    std::string etag;
    bool full = true;
    std::vector<ProcedureSummary> procedures;
    std::vector<std::string> removed;
};

}  // namespace dvc
