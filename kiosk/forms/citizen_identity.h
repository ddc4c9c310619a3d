#pragma once
// Who is at the kiosk, as read from the CCCD card: the input of form pre-filling. A plain
// struct; the identity layer fills it from the QR code or the chip (DG13) and says whether the
// data is verified (chip read and passive authentication passed).
#include <optional>
#include <string>

#include "identity/personal_number.h"

namespace dvc {

enum class IdentitySource { QrCode, Chip };

struct CitizenIdentity {
    IdentitySource source = IdentitySource::QrCode;
    // True only for chip data whose signature chain (passive authentication) checked out. The
    // QR code is unsigned: its data pre-fills but never locks a field.
    bool verified = false;

    std::string idNumber;     // 12 digits
    std::string fullName;     // NFC, as printed
    std::string dateOfBirth;  // YYYY-MM-DD
    std::optional<Gender> gender;
    std::string nationality;  // "Việt Nam"
    std::string ethnicity;    // "Kinh"
    std::string religion;     // "Không"
    std::string hometown;     // quê quán, free text as on the card
    std::string residence;    // nơi thường trú, free text as on the card
    std::string issueDate;    // YYYY-MM-DD
    std::string expiryDate;   // YYYY-MM-DD, empty for "Không thời hạn"
    std::string fatherName;
    std::string motherName;
    std::string spouseName;
    std::string oldIdNumber;  // 9-digit CMND or 12-digit old number, if any
};

}  // namespace dvc
