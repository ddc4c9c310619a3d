#pragma once
// DG1: the MRZ as stored on the chip (61 → 5F1F), TD1 (ID cards, 3 × 30) and TD3 (passports,
// 2 × 44), with the ICAO 9303 part 3 check digits (weights 7-3-1). On the Vietnamese CCCD the
// document number is the last 9 digits of the personal number and the optional data holds all 12.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/personal_number.h"

namespace dvc::emrtd {

enum class MrzFormat { Td1, Td3 };

// Fields guarded by a check digit; each failure is reported by name.
enum class MrzCheckedField { DocumentNumber, DateOfBirth, DateOfExpiry, OptionalData, Composite };

struct MrzError {
    enum class Kind {
        Tlv,           // DG1 is not 61 → 5F1F
        BadLength,     // neither 90 (TD1) nor 88 (TD3) characters
        BadCharacter,  // a character outside A–Z, 0–9 and '<'
        BadDate,       // YYMMDD that is not a calendar date
        BadSex,        // not M, F, X or '<'
        CheckDigit,    // see failedChecks (every failing field, not only the first)
    };
    Kind kind;
    std::vector<MrzCheckedField> failedChecks;
};

struct MrzDate {
    std::string yymmdd;  // as printed; "<<<<<<" when absent
    int year = 0;        // resolved century (see below); 0 when absent
    int month = 0;
    int day = 0;
    bool present() const { return year != 0; }
};

struct Mrz {
    MrzFormat format = MrzFormat::Td1;
    std::string documentCode;    // "ID", "I", "P"… ('<' removed)
    std::string issuingState;    // "VNM"
    std::string documentNumber;  // fillers removed (long TD1 numbers joined)
    std::string optionalData1;   // TD1 line 1 / TD3 personal number field, fillers kept
    std::string optionalData2;   // TD1 line 2 (empty on TD3)
    MrzDate dateOfBirth;         // century: 20YY if not after today's YY, else 19YY
    char sex = '<';              // 'M', 'F', 'X' or '<'
    MrzDate dateOfExpiry;        // always 20YY
    std::string nationality;
    std::string primaryIdentifier;    // family name, '<' → ' '
    std::string secondaryIdentifier;  // given names, '<' → ' '
    std::vector<std::string> lines;

    // CCCD: the 12-digit personal number from the optional data, if it is there and its last 9
    // digits are the document number.
    std::optional<std::string> cccdPersonalNumber() const;
    // CCCD: the digit after "<<" that public readings show to be the check digit of the 12
    // digits. nullopt when there is no such digit; a hint only, not part of the verdict.
    std::optional<bool> cccdPersonalNumberCheckDigitOk() const;
};

// The check digits themselves: mrzCheckDigit in identity/emrtd/mrz_key.h.

const char* mrzErrorName(MrzError::Kind kind);
const char* mrzFieldName(MrzCheckedField field);

// `currentYear` resolves the century of the date of birth (the MRZ has two-digit years).
Result<Mrz, MrzError> parseMrz(std::string_view text, int currentYear);
Result<Mrz, MrzError> parseDg1(ByteView file, int currentYear);

// For the simulated card: a TD1 MRZ of a CCCD.
struct CccdMrzInput {
    std::string personalNumber;  // 12 digits
    std::string dateOfBirth;     // YYMMDD
    char sex = 'M';
    std::string dateOfExpiry;       // YYMMDD, or "" for none ("<<<<<<")
    std::string primaryIdentifier;  // already in MRZ letters (see mrzName)
    std::string secondaryIdentifier;
};
std::vector<std::string> formatCccdTd1(const CccdMrzInput& input);
Bytes encodeDg1(const std::vector<std::string>& lines);

// A Vietnamese name in MRZ letters: diacritics removed, Đ → D, upper case, spaces → '<'.
// Characters with no Latin equivalent become '<'.
std::string mrzLetters(std::string_view utf8);

}  // namespace dvc::emrtd
