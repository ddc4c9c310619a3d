#pragma once
// The date a CCCD / thẻ căn cước expires, derived from the date of birth and the issue date
// (needed for the BAC key when only the QR code was read; see shared/guide/CCCD.md):
// the card expires on the holder's birthday at the next renewal age — 25, 40, 60 under the
// Law on Citizen Identification 2014 (cards issued before 1 Jul 2024), 14, 25, 40, 60 under the
// Law on Identification 2023 (from 1 Jul 2024) — skipping an age the card was issued less than
// 2 years before; a card issued within 2 years of 60 or later never expires.
#include <chrono>
#include <string>
#include <vector>

namespace dvc {

struct CardExpiry {
    bool neverExpires = false;
    // Usually one date; two for a 29 February birthday in a non-leap year (28/02 and 01/03),
    // most likely first.
    std::vector<std::chrono::year_month_day> candidates;
};

CardExpiry deriveCardExpiry(std::chrono::year_month_day dateOfBirth,
                            std::chrono::year_month_day issueDate);

// "YYMMDD" as in the MRZ.
std::string mrzDate(std::chrono::year_month_day date);

}  // namespace dvc
