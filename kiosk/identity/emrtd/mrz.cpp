#include "identity/emrtd/mrz.h"
#include "identity/emrtd/mrz_key.h"

#include <chrono>
#include <unordered_map>

#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {
namespace {

bool isMrzChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string withoutFillers(std::string_view s) {
    std::string out(s);
    while (!out.empty() && out.back() == '<') out.pop_back();
    for (auto& c : out)
        if (c == '<') c = ' ';
    return out;
}

std::string trimmed(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t start = s.find_first_not_of(' ');
    return start == std::string::npos ? std::string() : s.substr(start);
}

void splitName(std::string_view field, Mrz& mrz) {
    auto separator = field.find("<<");
    std::string_view primary = field.substr(0, separator);
    std::string_view secondary =
        separator == std::string_view::npos ? std::string_view() : field.substr(separator + 2);
    mrz.primaryIdentifier = trimmed(withoutFillers(primary));
    mrz.secondaryIdentifier = trimmed(withoutFillers(secondary));
}

// Returns false if the text is not a date (all fillers is an absent date, not an error).
bool parseDate(std::string_view yymmdd, bool birth, int currentYear, MrzDate& out) {
    out.yymmdd = std::string(yymmdd);
    if (yymmdd == "<<<<<<") return true;
    for (char c : yymmdd)
        if (!isDigit(c)) return false;
    int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    int year = 2000 + yy;
    if (birth && yy > currentYear % 100) year = 1900 + yy;
    std::chrono::year_month_day ymd{std::chrono::year{year},
                                    std::chrono::month{static_cast<unsigned>(mm)},
                                    std::chrono::day{static_cast<unsigned>(dd)}};
    if (!ymd.ok()) return false;
    out.year = year;
    out.month = mm;
    out.day = dd;
    return true;
}

// A check digit guarding `field`: a digit equal to the computed one; for an all-filler field
// ICAO allows '<' as well as '0'.
bool checkDigitOk(std::string_view field, char digit) {
    auto expected = mrzCheckDigit(field);
    if (!expected) return false;
    if (digit == '<') return field.find_first_not_of('<') == std::string_view::npos;
    return isDigit(digit) && digit - '0' == *expected;
}

struct Checks {
    std::vector<MrzCheckedField> failed;
    void require(bool ok, MrzCheckedField field) {
        if (!ok) failed.push_back(field);
    }
};

Result<Mrz, MrzError> parseTd1(std::string_view all, int currentYear) {
    Mrz mrz;
    mrz.format = MrzFormat::Td1;
    std::string_view l1 = all.substr(0, 30), l2 = all.substr(30, 30), l3 = all.substr(60, 30);
    mrz.lines = {std::string(l1), std::string(l2), std::string(l3)};
    mrz.documentCode = withoutFillers(l1.substr(0, 2));
    mrz.issuingState = withoutFillers(l1.substr(2, 3));

    Checks checks;
    if (l1[14] == '<' && l1[5 + 8] != '<' && l1[15] != '<') {
        // Long document number (9303-5 §4.2.4): it continues in the optional data and the
        // check digit is the last character before the first filler there.
        std::string_view rest = l1.substr(15);
        auto end = rest.find('<');
        if (end == std::string_view::npos || end == 0) end = rest.size();
        std::string number = std::string(l1.substr(5, 9)) + std::string(rest.substr(0, end - 1));
        checks.require(checkDigitOk(number, rest[end - 1]), MrzCheckedField::DocumentNumber);
        mrz.documentNumber = number;
        mrz.optionalData1 = std::string(rest.substr(end));
    } else {
        mrz.documentNumber = withoutFillers(l1.substr(5, 9));
        checks.require(checkDigitOk(l1.substr(5, 9), l1[14]), MrzCheckedField::DocumentNumber);
        mrz.optionalData1 = std::string(l1.substr(15, 15));
    }

    if (!parseDate(l2.substr(0, 6), true, currentYear, mrz.dateOfBirth) ||
        !parseDate(l2.substr(8, 6), false, currentYear, mrz.dateOfExpiry))
        return fail(MrzError{MrzError::Kind::BadDate, {}});
    checks.require(checkDigitOk(l2.substr(0, 6), l2[6]), MrzCheckedField::DateOfBirth);
    mrz.sex = l2[7];
    checks.require(checkDigitOk(l2.substr(8, 6), l2[14]), MrzCheckedField::DateOfExpiry);
    mrz.nationality = withoutFillers(l2.substr(15, 3));
    mrz.optionalData2 = std::string(l2.substr(18, 11));
    std::string composite = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) +
                            std::string(l2.substr(8, 7)) + std::string(l2.substr(18, 11));
    checks.require(checkDigitOk(composite, l2[29]), MrzCheckedField::Composite);

    splitName(l3, mrz);
    if (!checks.failed.empty()) return fail(MrzError{MrzError::Kind::CheckDigit, checks.failed});
    return mrz;
}

Result<Mrz, MrzError> parseTd3(std::string_view all, int currentYear) {
    Mrz mrz;
    mrz.format = MrzFormat::Td3;
    std::string_view l1 = all.substr(0, 44), l2 = all.substr(44, 44);
    mrz.lines = {std::string(l1), std::string(l2)};
    mrz.documentCode = withoutFillers(l1.substr(0, 2));
    mrz.issuingState = withoutFillers(l1.substr(2, 3));
    splitName(l1.substr(5), mrz);

    Checks checks;
    mrz.documentNumber = withoutFillers(l2.substr(0, 9));
    checks.require(checkDigitOk(l2.substr(0, 9), l2[9]), MrzCheckedField::DocumentNumber);
    mrz.nationality = withoutFillers(l2.substr(10, 3));
    if (!parseDate(l2.substr(13, 6), true, currentYear, mrz.dateOfBirth) ||
        !parseDate(l2.substr(21, 6), false, currentYear, mrz.dateOfExpiry))
        return fail(MrzError{MrzError::Kind::BadDate, {}});
    checks.require(checkDigitOk(l2.substr(13, 6), l2[19]), MrzCheckedField::DateOfBirth);
    mrz.sex = l2[20];
    checks.require(checkDigitOk(l2.substr(21, 6), l2[27]), MrzCheckedField::DateOfExpiry);
    mrz.optionalData1 = std::string(l2.substr(28, 14));
    checks.require(checkDigitOk(l2.substr(28, 14), l2[42]), MrzCheckedField::OptionalData);
    std::string composite = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) +
                            std::string(l2.substr(21, 22));
    checks.require(checkDigitOk(composite, l2[43]), MrzCheckedField::Composite);
    if (!checks.failed.empty()) return fail(MrzError{MrzError::Kind::CheckDigit, checks.failed});
    return mrz;
}

}  // namespace


const char* mrzErrorName(MrzError::Kind kind) {
    switch (kind) {
        case MrzError::Kind::Tlv:
            return "tlv";
        case MrzError::Kind::BadLength:
            return "bad_length";
        case MrzError::Kind::BadCharacter:
            return "bad_character";
        case MrzError::Kind::BadDate:
            return "bad_date";
        case MrzError::Kind::BadSex:
            return "bad_sex";
        case MrzError::Kind::CheckDigit:
            return "check_digit";
    }
    return "unknown";
}

const char* mrzFieldName(MrzCheckedField field) {
    switch (field) {
        case MrzCheckedField::DocumentNumber:
            return "document_number";
        case MrzCheckedField::DateOfBirth:
            return "date_of_birth";
        case MrzCheckedField::DateOfExpiry:
            return "date_of_expiry";
        case MrzCheckedField::OptionalData:
            return "optional_data";
        case MrzCheckedField::Composite:
            return "composite";
    }
    return "unknown";
}

Result<Mrz, MrzError> parseMrz(std::string_view text, int currentYear) {
    std::string all;
    for (char c : text)
        if (c != '\n' && c != '\r') all += c;
    if (all.size() != 90 && all.size() != 88) return fail(MrzError{MrzError::Kind::BadLength, {}});
    for (char c : all)
        if (!isMrzChar(c)) return fail(MrzError{MrzError::Kind::BadCharacter, {}});
    auto result = all.size() == 90 ? parseTd1(all, currentYear) : parseTd3(all, currentYear);
    if (result) {
        char sex = result->sex;
        if (sex != 'M' && sex != 'F' && sex != 'X' && sex != '<')
            return fail(MrzError{MrzError::Kind::BadSex, {}});
    }
    return result;
}

Result<Mrz, MrzError> parseDg1(ByteView file, int currentYear) {
    std::size_t offset = 0;
    auto outer = readTlv(file, offset);
    if (!outer || outer->tag != 0x61) return fail(MrzError{MrzError::Kind::Tlv, {}});
    auto mrz = findTag(outer->value, 0x5F1F);
    if (!mrz) return fail(MrzError{MrzError::Kind::Tlv, {}});
    std::string text(mrz->value.begin(), mrz->value.end());
    return parseMrz(text, currentYear);
}

std::optional<std::string> Mrz::cccdPersonalNumber() const {
    if (optionalData1.size() < 12) return std::nullopt;
    std::string candidate = optionalData1.substr(0, 12);
    for (char c : candidate)
        if (!isDigit(c)) return std::nullopt;
    if (candidate.substr(3) != documentNumber) return std::nullopt;
    return candidate;
}

std::optional<bool> Mrz::cccdPersonalNumberCheckDigitOk() const {
    auto number = cccdPersonalNumber();
    if (!number || optionalData1.size() < 15 || optionalData1.compare(12, 2, "<<") != 0 ||
        !isDigit(optionalData1[14]))
        return std::nullopt;
    return mrzCheckDigit(*number) == optionalData1[14] - '0';
}

namespace {

char checkDigitChar(std::string_view field) {
    auto digit = mrzCheckDigit(field);
    return digit ? static_cast<char>('0' + *digit) : '<';
}

std::string padded(std::string s, std::size_t width) {
    s.resize(width, '<');
    return s;
}

}  // namespace

std::vector<std::string> formatCccdTd1(const CccdMrzInput& in) {
    std::string number =
        in.personalNumber.size() == 12 ? in.personalNumber.substr(3) : padded(in.personalNumber, 9);
    std::string l1 = "IDVNM" + number + checkDigitChar(number) + in.personalNumber + "<<" +
                     checkDigitChar(in.personalNumber);
    l1 = padded(l1, 30);
    std::string expiry = in.dateOfExpiry.empty() ? "<<<<<<" : in.dateOfExpiry;
    std::string l2 = in.dateOfBirth + checkDigitChar(in.dateOfBirth) + in.sex + expiry +
                     checkDigitChar(expiry) + "VNM" + std::string(11, '<');
    std::string composite =
        l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
    l2 += checkDigitChar(composite);
    std::string l3 = padded(in.primaryIdentifier + "<<" + in.secondaryIdentifier, 30);
    return {l1, l2, l3};
}

Bytes encodeDg1(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& line : lines) all += line;
    return encodeTlv(0x61, encodeTlv(0x5F1F, Bytes(all.begin(), all.end())));
}

namespace {

// Vietnamese letters (NFC) and their base letter.
const std::unordered_map<char32_t, char>& vietnameseFold() {
    static const auto table = [] {
        std::unordered_map<char32_t, char> map;
        struct Group {
            const char* letters;
            char base;
        };
        const Group groups[] = {
            {"àáảãạăằắẳẵặâầấẩẫậ", 'A'},
            {"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'A'},
            {"èéẻẽẹêềếểễệ", 'E'},
            {"ÈÉẺẼẸÊỀẾỂỄỆ", 'E'},
            {"ìíỉĩị", 'I'},
            {"ÌÍỈĨỊ", 'I'},
            {"òóỏõọôồốổỗộơờớởỡợ", 'O'},
            {"ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'O'},
            {"ùúủũụưừứửữự", 'U'},
            {"ÙÚỦŨỤƯỪỨỬỮỰ", 'U'},
            {"ỳýỷỹỵ", 'Y'},
            {"ỲÝỶỸỴ", 'Y'},
            {"đĐ", 'D'},
        };
        for (const auto& group : groups) {
            std::string_view s = group.letters;
            std::size_t i = 0;
            while (i < s.size()) {
                auto b = static_cast<unsigned char>(s[i]);
                int n = b < 0xE0 ? 2 : 3;
                char32_t cp = b < 0xE0 ? (b & 0x1Fu) : (b & 0x0Fu);
                for (int k = 1; k < n; ++k)
                    cp = cp << 6 |
                         (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
                map[cp] = group.base;
                i += static_cast<std::size_t>(n);
            }
        }
        return map;
    }();
    return table;
}

}  // namespace

std::string mrzLetters(std::string_view utf8) {
    std::string out;
    std::size_t i = 0;
    while (i < utf8.size()) {
        auto b = static_cast<unsigned char>(utf8[i]);
        std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (i + n > utf8.size()) break;
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
        for (std::size_t k = 1; k < n; ++k)
            cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += n;
        if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks of NFD text
        if (cp >= 'a' && cp <= 'z') {
            out += static_cast<char>(cp - 'a' + 'A');
        } else if ((cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
            out += static_cast<char>(cp);
        } else if (auto it = vietnameseFold().find(cp); it != vietnameseFold().end()) {
            out += it->second;
        } else {
            out += '<';
        }
    }
    return out;
}

}  // namespace dvc::emrtd
