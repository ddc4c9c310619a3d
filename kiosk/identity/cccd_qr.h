#pragma once
// The QR code on the back of the CCCD gắn chip (2021) and the thẻ căn cước (2024):
// "number|old CMND|name|ddmmyyyy|Nam/Nữ|residence|ddmmyyyy" plus, on the 2024 card, 4 more
// fields (usually empty). See docs in shared/guide/CCCD.md.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "identity/personal_number.h"

namespace dvc {

struct CccdDate {
    int y = 0;
    int m = 0;
    int d = 0;
    std::string iso;  // "1990-05-12"

    std::chrono::year_month_day ymd() const;
};

struct CccdQrData {
    std::string personalNumber;       // 12 digits
    std::string oldIdNumber;          // 9 or 12 digits, or empty
    std::string fullName;             // as on the card, byte for byte
    CccdDate dateOfBirth;
    Gender gender = Gender::Male;
    std::string residence;
    CccdDate issueDate;
    std::vector<std::string> extraFields;  // fields 8… (the 2024 card's 4, often empty)
};

enum class CccdQrError {
    TooLong,             // more than kMaxCccdQrBytes: not a CCCD QR
    Empty,
    InvalidUtf8,
    ControlCharacter,    // a control byte inside the text (after CR/LF at the end are removed)
    Url,                 // http:// or https://
    VietQr,              // EMVCo bank QR, starts "000201"
    HealthInsuranceCard, // BHYT card: '|'-separated, first field 15 characters
    TooFewFields,
    PersonalNumberNotTwelveDigits,
    PersonalNumberUnknownProvince,
    PersonalNumberCenturyMismatch,
    PersonalNumberYearMismatch,
    PersonalNumberGenderMismatch,
    InvalidOldIdNumber,  // present but not 9 or 12 digits
    MissingName,
    InvalidBirthDate,    // not a real ddmmyyyy date
    BirthInFuture,
    InvalidGender,       // not "Nam"/"Nữ"
    InvalidIssueDate,
    IssueBeforeBirth,
    IssueInFuture,
};

inline constexpr std::size_t kMaxCccdQrBytes = 2000;

// Stable snake_case name, e.g. "health_insurance_card".
const char* errorName(CccdQrError error);
// "error.cccd_qr.<name>", the message key in assets/i18n.
std::string i18nKey(CccdQrError error);

// Parses and checks a scanned text. Never throws; any input gives a value or an error.
// `today` bounds the issue date (and the date of birth).
Result<CccdQrData, CccdQrError> parseCccdQr(std::string_view text, std::chrono::year_month_day today);
// Same, with today's date in Vietnam (UTC+7, no daylight saving) from the system clock.
Result<CccdQrData, CccdQrError> parseCccdQr(std::string_view text);

}  // namespace dvc
