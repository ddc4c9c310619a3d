#pragma once
// Synthetic citizens for the simulated CCCD (tests/data/personas/*.json, copied to
// assets/sim/personas/ for the demo). Every name and number is invented; the numbers obey the
// rules of shared/guide/CCCD.md so the whole reading path can be exercised.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/cccd_qr.h"
#include "identity/personal_number.h"

namespace dvc::card::sim {

struct Persona {
    std::string id;              // file stem, e.g. "nguyen-thi-lan"
    std::string personalNumber;  // 12 digits
    std::string fullName;        // NFC, with diacritics
    CccdDate dateOfBirth;
    Gender gender = Gender::Male;
    std::string nationality;  // "Việt Nam"
    std::string ethnicity;
    std::string religion;
    std::string placeOfOrigin;     // quê quán
    std::string placeOfResidence;  // nơi thường trú
    std::string identifyingMarks;
    CccdDate issueDate;
    std::optional<CccdDate> expiryDate;  // none: "Không thời hạn"
    std::string fatherName;
    std::string motherName;
    std::optional<std::string> spouseName;
    std::optional<std::string> oldIdNumber;  // 9-digit CMND (or 12)

    std::string genderText() const { return gender == Gender::Male ? "Nam" : "Nữ"; }
    // MRZ and access data derived as a real card would have them.
    std::string can() const;             // last 6 digits of the personal number
    std::string documentNumber() const;  // last 9 digits
    static std::string yymmdd(const CccdDate& date);
    static std::string ddmmyyyy(const CccdDate& date);
};

// Reads and checks one persona: fields present, real dates, and the personal number consistent
// with the date of birth and gender (checkPersonalNumber).
Result<Persona, std::string> loadPersona(const std::filesystem::path& file);
// Every *.json in dir, sorted by file name.
Result<std::vector<Persona>, std::string> loadPersonas(const std::filesystem::path& dir);

}  // namespace dvc::card::sim
