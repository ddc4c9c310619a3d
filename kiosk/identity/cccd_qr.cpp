#include "identity/cccd_qr.h"

#include "common/utf8.h"

#include <utility>

namespace dvc {

namespace {

using namespace std::chrono;

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

bool isAsciiAlnum(std::string_view s) {
    for (char c : s) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!alnum) return false;
    }
    return true;
}

std::vector<std::string_view> splitKeepingEmpty(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

// ddmmyyyy → a real calendar date (29/02 only in leap years), or false.
bool parseDate(std::string_view s, CccdDate& out) {
    if (!isAsciiDigits(s, 8)) return false;
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const int d = num(0, 2), m = num(2, 2), y = num(4, 4);
    if (y < 1900) return false;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                             day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return false;
    // "yyyy-mm-dd" from the digits already checked.
    std::string iso{s.substr(4, 4)};
    iso += '-';
    iso += s.substr(2, 2);
    iso += '-';
    iso += s.substr(0, 2);
    out = CccdDate{y, m, d, std::move(iso)};
    return true;
}

// "Nam" or "Nữ", the latter precomposed (NFC) or decomposed (u + horn + tilde in either order,
// or ư + tilde): all of these are "Nữ" after NFC normalisation.
bool parseGender(std::string_view s, Gender& out) {
    if (s == "Nam") {
        out = Gender::Male;
        return true;
    }
    constexpr std::string_view kFemaleForms[] = {
        "N\u1EEF",         // NFC
        "Nu\u031B\u0303",  // NFD
        "Nu\u0303\u031B",  // non-canonical order, same after NFC
        "N\u01B0\u0303",   // ư + combining tilde
    };
    for (auto form : kFemaleForms) {
        if (s == form) {
            out = Gender::Female;
            return true;
        }
    }
    return false;
}

bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t") == std::string_view::npos;
}

CccdQrError fromPersonalNumberError(PersonalNumberError e) {
    switch (e) {
        case PersonalNumberError::NotTwelveDigits:
            return CccdQrError::PersonalNumberNotTwelveDigits;
        case PersonalNumberError::UnknownProvince:
            return CccdQrError::PersonalNumberUnknownProvince;
        case PersonalNumberError::CenturyMismatch:
            return CccdQrError::PersonalNumberCenturyMismatch;
        case PersonalNumberError::YearMismatch:
            return CccdQrError::PersonalNumberYearMismatch;
        case PersonalNumberError::GenderMismatch:
            return CccdQrError::PersonalNumberGenderMismatch;
    }
    return CccdQrError::PersonalNumberNotTwelveDigits;
}

}  // namespace

std::chrono::year_month_day CccdDate::ymd() const {
    return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
}

const char* errorName(CccdQrError error) {
    switch (error) {
        case CccdQrError::TooLong:
            return "too_long";
        case CccdQrError::Empty:
            return "empty";
        case CccdQrError::InvalidUtf8:
            return "invalid_utf8";
        case CccdQrError::ControlCharacter:
            return "control_character";
        case CccdQrError::Url:
            return "url";
        case CccdQrError::VietQr:
            return "vietqr";
        case CccdQrError::HealthInsuranceCard:
            return "health_insurance_card";
        case CccdQrError::TooFewFields:
            return "too_few_fields";
        case CccdQrError::PersonalNumberNotTwelveDigits:
            return "personal_number_not_twelve_digits";
        case CccdQrError::PersonalNumberUnknownProvince:
            return "personal_number_unknown_province";
        case CccdQrError::PersonalNumberCenturyMismatch:
            return "personal_number_century_mismatch";
        case CccdQrError::PersonalNumberYearMismatch:
            return "personal_number_year_mismatch";
        case CccdQrError::PersonalNumberGenderMismatch:
            return "personal_number_gender_mismatch";
        case CccdQrError::InvalidOldIdNumber:
            return "invalid_old_id_number";
        case CccdQrError::MissingName:
            return "missing_name";
        case CccdQrError::InvalidBirthDate:
            return "invalid_birth_date";
        case CccdQrError::BirthInFuture:
            return "birth_in_future";
        case CccdQrError::InvalidGender:
            return "invalid_gender";
        case CccdQrError::InvalidIssueDate:
            return "invalid_issue_date";
        case CccdQrError::IssueBeforeBirth:
            return "issue_before_birth";
        case CccdQrError::IssueInFuture:
            return "issue_in_future";
    }
    return "unknown";
}

std::string i18nKey(CccdQrError error) {
    return std::string("error.cccd_qr.") + errorName(error);
}

Result<CccdQrData, CccdQrError> parseCccdQr(std::string_view text, year_month_day today) {
    if (text.size() > kMaxCccdQrBytes) return fail(CccdQrError::TooLong);
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) text.remove_suffix(1);
    if (text.empty()) return fail(CccdQrError::Empty);
    if (!isValidUtf8(text)) return fail(CccdQrError::InvalidUtf8);
    if (startsWithNoCase(text, "http://") || startsWithNoCase(text, "https://")) {
        return fail(CccdQrError::Url);
    }
    if (text.substr(0, 6) == "000201") return fail(CccdQrError::VietQr);
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7F) return fail(CccdQrError::ControlCharacter);
    }

    const auto fields = splitKeepingEmpty(text, '|');
    if (fields.size() >= 2 && fields[0].size() == 15 && isAsciiAlnum(fields[0])) {
        return fail(CccdQrError::HealthInsuranceCard);
    }
    if (fields.size() < 7) return fail(CccdQrError::TooFewFields);

    CccdQrData data;
    if (!isAsciiDigits(fields[0], 12)) return fail(CccdQrError::PersonalNumberNotTwelveDigits);
    data.personalNumber = fields[0];

    if (!fields[1].empty() && !isAsciiDigits(fields[1], 9) && !isAsciiDigits(fields[1], 12)) {
        return fail(CccdQrError::InvalidOldIdNumber);
    }
    data.oldIdNumber = fields[1];

    if (isBlank(fields[2])) return fail(CccdQrError::MissingName);
    data.fullName = fields[2];

    if (!parseDate(fields[3], data.dateOfBirth)) return fail(CccdQrError::InvalidBirthDate);
    if (data.dateOfBirth.ymd() > today) return fail(CccdQrError::BirthInFuture);

    if (!parseGender(fields[4], data.gender)) return fail(CccdQrError::InvalidGender);

    if (auto e = checkPersonalNumber(data.personalNumber, data.dateOfBirth.y, data.gender)) {
        return fail(fromPersonalNumberError(*e));
    }

    data.residence = fields[5];

    if (!parseDate(fields[6], data.issueDate)) return fail(CccdQrError::InvalidIssueDate);
    if (data.issueDate.ymd() < data.dateOfBirth.ymd()) return fail(CccdQrError::IssueBeforeBirth);
    if (data.issueDate.ymd() > today) return fail(CccdQrError::IssueInFuture);

    for (std::size_t i = 7; i < fields.size(); ++i) data.extraFields.emplace_back(fields[i]);
    return data;
}

Result<CccdQrData, CccdQrError> parseCccdQr(std::string_view text) {
    const auto vietnamNow = system_clock::now() + hours{7};
    return parseCccdQr(text, year_month_day{floor<days>(vietnamNow)});
}

}  // namespace dvc
