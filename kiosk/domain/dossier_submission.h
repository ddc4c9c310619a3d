#pragma once
// A dossier as the kiosk submits it (DossierCreateRequest of docs/api/openapi.yaml) and the
// receipt the back end answers with (DossierReceipt).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/dossier.h"

namespace dvc {

struct Applicant {
    std::string fullName;
    std::string idNumber;     // CCCD, 12 digits
    std::string dateOfBirth;  // YYYY-MM-DD
    std::string gender;       // nam | nu | "" (not given)
    std::string phone;        // optional
    std::string email;        // optional
    std::string address;      // optional
};

struct DossierSubmission {
    std::string procedureCode;
    std::string kioskId;
    Applicant applicant;
    nlohmann::json form = nlohmann::json::object();  // values keyed by FormField.id
    std::vector<std::string> attachments;            // ids of uploaded attachments
    std::string submittedAt;                         // ISO 8601, kiosk clock
};

struct DossierReceipt {
    std::string code;  // dossier code, e.g. 000.00.19.H42-261123-0001
    std::string procedureCode;
    std::string receivedAt;
    std::string dueAt;  // ngày hẹn trả kết quả
    DossierState state = DossierState::Received;
    long long feeVnd = 0;
    bool paymentRequired = false;
};

// Overwrites the personal fields before releasing them (Decree 13/2023).
void wipe(DossierSubmission& submission);

}  // namespace dvc
