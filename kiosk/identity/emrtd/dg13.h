#pragma once
// DG13 of the Vietnamese CCCD: personal data that ICAO leaves to the issuer.
//   6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8 (UTF-8), SET { SEQUENCE { INTEGER n, value }… }
//   } }
// n: 1 personal number, 2 full name, 3 date of birth, 4 gender, 5 nationality, 6 ethnicity,
// 7 religion, 8 place of origin, 9 residence, 10 identifying marks, 11 issue date, 12 expiry,
// 13 SEQUENCE { father, mother }, 14 spouse (SEQUENCE or absent), 15/16 old ID number and a
// 16-character value of unknown meaning (placed by content). See docs/emrtd.md "DG13".
#include <map>
#include <optional>
#include <string>

#include "common/result.h"
#include "identity/cccd_qr.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/lds.h"

namespace dvc::emrtd {

// A missing or empty field is std::nullopt: never an error.
struct Dg13 {
    std::optional<std::string> personalNumber;    // 1
    std::optional<std::string> fullName;          // 2
    std::optional<std::string> dateOfBirth;       // 3, "dd/mm/yyyy" as stored
    std::optional<std::string> gender;            // 4, "Nam" / "Nữ"
    std::optional<std::string> nationality;       // 5
    std::optional<std::string> ethnicity;         // 6
    std::optional<std::string> religion;          // 7
    std::optional<std::string> placeOfOrigin;     // 8 (quê quán)
    std::optional<std::string> placeOfResidence;  // 9 (nơi thường trú)
    std::optional<std::string> identifyingMarks;  // 10
    std::optional<std::string> issueDate;         // 11
    std::optional<std::string> expiryDate;        // 12 ("dd/mm/yyyy" or "Không thời hạn")
    std::optional<std::string> fatherName;        // 13 [0]
    std::optional<std::string> motherName;        // 13 [1]
    std::optional<std::string> spouseName;        // 14
    std::optional<std::string> oldIdNumber;       // 15 or 16, whichever holds 9 or 12 digits
    std::optional<std::string> unknownValue;      // the other of 15/16, kept verbatim
    // Fields present but not readable as text (another encoding, invalid UTF-8): their numbers,
    // so a screen can say "not readable" instead of "absent".
    std::map<int, std::string> unreadable;  // n → ASN.1 tag name

    std::optional<CccdDate> parsedDateOfBirth() const;
    std::optional<CccdDate> parsedIssueDate() const;
    std::optional<CccdDate> parsedExpiryDate() const;  // nullopt for "Không thời hạn" too
    std::optional<Gender> parsedGender() const;
};

inline constexpr const char* kDg13Utf8Oid = "1.0.10646.1.0.8";

// "dd/mm/yyyy" → a real calendar date; nullopt otherwise.
std::optional<CccdDate> parseDdMmYyyy(std::string_view text);

Result<Dg13, LdsError> parseDg13(ByteView file);

// For the simulated card. Absent optional fields are left out; fatherName/motherName go in
// field 13 (an empty string where one is unknown), spouse in 14, oldIdNumber in 15.
Bytes encodeDg13(const Dg13& data);

}  // namespace dvc::emrtd
