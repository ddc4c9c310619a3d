#pragma once
// The chip's access passwords: the MRZ information used by BAC (and PACE with MRZ) and the CAN.
// Doc 9303 Part 3 §4.9 check digits; Part 11 §4.3.2 MRZ information = document number + cd,
// date of birth + cd, date of expiry + cd.
#include <optional>
#include <string>
#include <string_view>

namespace dvc::emrtd {

// The 7-3-1 weighted check digit over MRZ characters (0-9, A-Z, '<'); nullopt for any other
// character.
std::optional<int> mrzCheckDigit(std::string_view field);

// "L898902C<369080619406236" from ("L898902C", "690806", "940623"). The document number is padded
// with '<' to at least 9 characters; dates are YYMMDD. nullopt when a field is malformed.
std::optional<std::string> bacMrzInformation(std::string_view documentNumber,
                                             std::string_view dateOfBirth,
                                             std::string_view dateOfExpiry);

// CCCD: the MRZ document number is the last 9 digits of the 12-digit personal number, and the
// PACE CAN used by public readers is its last 6 digits (no CAN is printed on the card).
std::optional<std::string> cccdDocumentNumber(std::string_view personalNumber);
std::optional<std::string> cccdCardAccessNumber(std::string_view personalNumber);

}  // namespace dvc::emrtd
