#pragma once
// Everything Circular 32/2017 (level-1 items) asks a kiosk to show about one procedure.
#include <string>
#include <vector>

#include "domain/procedure.h"

namespace dvc {

struct RequiredDocument {
    std::string name;
    int originals = 0;  // bản chính
    int copies = 0;     // bản sao
};

struct ProcedureDetail {
    ProcedureSummary summary;  // name, code, tier, field, agency, online scope, fee, keywords
    std::string timeLimit;     // as published ("Ngay trong ngày làm việc…")
    std::string feeText;
    std::string applicants;  // who may apply
    std::vector<std::string> steps;
    std::vector<std::string> submitMethods;
    std::vector<RequiredDocument> documents;
    std::vector<std::string> forms;
    std::string conditions;
    std::string result;
    std::vector<std::string> resultDelivery;
    std::vector<std::string> legalBasis;
};

// Whether the kiosk can finish the procedure or the citizen must go to the counter.
inline bool kioskCanFinish(OnlineScope scope) {
    return scope == OnlineScope::Full;
}

}  // namespace dvc
