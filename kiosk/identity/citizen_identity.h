#pragma once
// Who the citizen at the kiosk is, as far as their card tells: from the QR code (unverified:
// anyone can print a QR) or from the chip (verified when passive authentication passed).
// Held only for the visit; wiped on finish and on idle timeout.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/personal_number.h"

namespace dvc {

struct CccdQrData;

enum class IdentitySource { QrCode, Chip };

struct FacePhoto {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;  // width × height × 3
};

struct CitizenIdentity {
    IdentitySource source = IdentitySource::QrCode;
    bool verified = false;        // the chip's data passed passive authentication
    std::string verificationKey;  // i18n key saying so, or why not
    std::string verificationArg;  // fills "{dg}" in that message ("DG2"), if any

    std::string personalNumber;  // 12 digits
    std::string oldIdNumber;     // 9 or 12 digits, or empty
    std::string fullName;
    std::optional<std::chrono::year_month_day> dateOfBirth;
    std::optional<Gender> gender;
    std::string nationality;
    std::string ethnicity;
    std::string religion;
    std::string placeOfOrigin;  // quê quán
    std::string residence;      // nơi thường trú
    std::string identifyingMarks;
    std::optional<std::chrono::year_month_day> issueDate;
    std::optional<std::chrono::year_month_day> expiryDate;  // nullopt: none known or never
    std::string fatherName;
    std::string motherName;
    std::string spouseName;
    std::optional<FacePhoto> photo;
};

CitizenIdentity identityFromQr(const CccdQrData& qr);
// Zeroises every field (strings and photo pixels) and resets the struct.
void wipe(CitizenIdentity& identity);

}  // namespace dvc
