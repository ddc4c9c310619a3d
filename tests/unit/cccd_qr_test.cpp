#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "identity/cccd_qr.h"
#include "identity/personal_number.h"
#include "identity/province_codes.h"

using namespace dvc;
using namespace std::chrono;

namespace {

const year_month_day kToday{year{2025}, month{6}, day{1}};

// Synthetic samples (no real person): the 2021 CCCD has 7 fields, the 2024 thẻ căn cước 11.
const std::string kCccd2021 =
    "042090001234|123456789|Nguyễn Văn An|12051990|Nam|Xóm 1, Thạch Hạ, Thành phố Hà Tĩnh, "
    "Hà Tĩnh|01012021";
const std::string kCanCuoc2024 =
    "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, "
    "TP. Hồ Chí Minh|15082024||||";

std::string qr(std::string number, std::string oldId, std::string name, std::string dob,
               std::string gender, std::string issue) {
    return number + "|" + oldId + "|" + name + "|" + dob + "|" + gender + "|Hà Nội|" + issue;
}

const char* errorOf(std::string_view text) {
    auto r = parseCccdQr(text, kToday);
    return r ? "ok" : errorName(r.error());
}

}  // namespace

TEST_CASE("province codes: the 63 codes of Circular 07/2016", "[cccd]") {
    auto codes = provinceCodes();
    CHECK(codes.size() == 63);
    CHECK(std::is_sorted(codes.begin(), codes.end(),
                         [](const ProvinceCode& a, const ProvinceCode& b) { return a.code < b.code; }));
    CHECK(provinceName("001") == std::optional<std::string_view>("Hà Nội"));
    CHECK(provinceName("046") == std::optional<std::string_view>("Thừa Thiên Huế"));
    CHECK(provinceName("079") == std::optional<std::string_view>("TP. Hồ Chí Minh"));
    CHECK(provinceName("096") == std::optional<std::string_view>("Cà Mau"));
    CHECK_FALSE(provinceName("003"));
    CHECK_FALSE(provinceName("097"));
    CHECK_FALSE(provinceName("000"));
    CHECK_FALSE(provinceName("01"));
    CHECK_FALSE(provinceName(""));
}

TEST_CASE("personal number: the 12-digit rules", "[cccd]") {
    CHECK_FALSE(checkPersonalNumber("042090001234", 1990, Gender::Male));
    CHECK_FALSE(checkPersonalNumber("042190001234", 1990, Gender::Female));
    CHECK_FALSE(checkPersonalNumber("001200000001", 2000, Gender::Male));
    CHECK_FALSE(checkPersonalNumber("001399000001", 2099, Gender::Female));
    CHECK_FALSE(checkPersonalNumber("001400000001", 2100, Gender::Male));
    CHECK_FALSE(checkPersonalNumber("001501000001", 2101, Gender::Female));
    CHECK_FALSE(checkPersonalNumber("001000000001", 1900, Gender::Male));

    CHECK(checkPersonalNumber("04209000123", 1990, Gender::Male) == PersonalNumberError::NotTwelveDigits);
    CHECK(checkPersonalNumber("0420900012345", 1990, Gender::Male) == PersonalNumberError::NotTwelveDigits);
    CHECK(checkPersonalNumber("04209000123a", 1990, Gender::Male) == PersonalNumberError::NotTwelveDigits);
    CHECK(checkPersonalNumber("04209000123\xD9\xA4", 1990, Gender::Male) ==
          PersonalNumberError::NotTwelveDigits);  // Arabic-Indic digit
    CHECK(checkPersonalNumber("003090001234", 1990, Gender::Male) == PersonalNumberError::UnknownProvince);
    CHECK(checkPersonalNumber("042290001234", 1990, Gender::Male) == PersonalNumberError::CenturyMismatch);
    CHECK(checkPersonalNumber("042090001234", 2090, Gender::Male) == PersonalNumberError::CenturyMismatch);
    CHECK(checkPersonalNumber("042690001234", 1990, Gender::Male) == PersonalNumberError::CenturyMismatch);
    CHECK(checkPersonalNumber("042091001234", 1990, Gender::Male) == PersonalNumberError::YearMismatch);
    CHECK(checkPersonalNumber("042090001234", 1990, Gender::Female) == PersonalNumberError::GenderMismatch);
    CHECK(checkPersonalNumber("042190001234", 1990, Gender::Male) == PersonalNumberError::GenderMismatch);
    CHECK(std::string(errorName(PersonalNumberError::UnknownProvince)) == "unknown_province");
}

TEST_CASE("CCCD 2021 QR: 7 fields", "[cccd]") {
    auto r = parseCccdQr(kCccd2021 + "\r\n", kToday);
    REQUIRE(r);
    CHECK(r->personalNumber == "042090001234");
    CHECK(r->oldIdNumber == "123456789");
    CHECK(r->fullName == "Nguyễn Văn An");
    CHECK(r->dateOfBirth.y == 1990);
    CHECK(r->dateOfBirth.m == 5);
    CHECK(r->dateOfBirth.d == 12);
    CHECK(r->dateOfBirth.iso == "1990-05-12");
    CHECK(r->gender == Gender::Male);
    CHECK(r->residence == "Xóm 1, Thạch Hạ, Thành phố Hà Tĩnh, Hà Tĩnh");
    CHECK(r->issueDate.iso == "2021-01-01");
    CHECK(r->extraFields.empty());
}

TEST_CASE("thẻ căn cước 2024 QR: 11 fields ending in ||||", "[cccd]") {
    auto r = parseCccdQr(kCanCuoc2024, kToday);
    REQUIRE(r);
    CHECK(r->personalNumber == "079304012345");
    CHECK(r->oldIdNumber.empty());
    CHECK(r->fullName == "Trần Thị Bích Ngọc");  // the empty old ID shifts nothing
    CHECK(r->dateOfBirth.iso == "2004-02-29");
    CHECK(r->gender == Gender::Female);
    CHECK(r->residence == "123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh");
    CHECK(r->issueDate.iso == "2024-08-15");
    CHECK(r->extraFields == std::vector<std::string>(4));

    // Trailing fields that carry something are kept, not rejected.
    auto withParents = parseCccdQr(
        qr("001215000001", "", "Lê Minh Khôi", "01012015", "Nam", "01082024") +
            "|||Lê Văn Hùng|Phạm Thị Mai",
        kToday);
    REQUIRE(withParents);
    CHECK(withParents->extraFields ==
          std::vector<std::string>{"", "", "Lê Văn Hùng", "Phạm Thị Mai"});
}

TEST_CASE("an empty old ID shifts nothing; a 12-digit old ID is accepted", "[cccd]") {
    auto r = parseCccdQr(qr("042090001234", "", "Nguyễn Văn An", "12051990", "Nam", "01012021"), kToday);
    REQUIRE(r);
    CHECK(r->oldIdNumber.empty());
    CHECK(r->fullName == "Nguyễn Văn An");
    CHECK(r->dateOfBirth.iso == "1990-05-12");
    CHECK(parseCccdQr(qr("042090001234", "042090001234", "Nguyễn Văn An", "12051990", "Nam",
                         "01012021"),
                      kToday));
}

TEST_CASE("a name with every tone comes back byte for byte", "[cccd]") {
    const std::string name = "Đỗ Thị Hải Yến Huỳnh Lan Ưng Ơn";  // ngã nặng hỏi sắc huyền ngang
    auto r = parseCccdQr(qr("001190000001", "", name, "01011990", "Nữ", "01012022"), kToday);
    REQUIRE(r);
    CHECK(r->fullName == name);
}

TEST_CASE("gender Nữ precomposed or decomposed", "[cccd]") {
    for (const char* female : {"N\u1EEF", "Nu\u031B\u0303", "N\u01B0\u0303"}) {
        auto r = parseCccdQr(qr("001190000001", "", "Lê Thị Hoa", "01011990", female, "01012022"), kToday);
        REQUIRE(r);
        CHECK(r->gender == Gender::Female);
    }
    CHECK(std::string(errorOf(qr("001090000001", "", "Lê Văn Hoa", "01011990", "nam", "01012022"))) ==
          "invalid_gender");
    CHECK(std::string(errorOf(qr("001090000001", "", "Lê Văn Hoa", "01011990", "Nu", "01012022"))) ==
          "invalid_gender");
}

TEST_CASE("leap days: 29/02 only in leap years", "[cccd]") {
    CHECK(parseCccdQr(qr("001200000001", "", "Lê Văn Hoa", "29022000", "Nam", "01012021"), kToday));
    CHECK(std::string(errorOf(qr("001100000001", "", "Lê Văn Hoa", "29021900", "Nam", "01012021"))) ==
          "invalid_birth_date");  // 1900 is not a leap year
    CHECK(std::string(errorOf(qr("001201000001", "", "Lê Văn Hoa", "29022001", "Nam", "01012021"))) ==
          "invalid_birth_date");
    CHECK(parseCccdQr(qr("001200000001", "", "Lê Văn Hoa", "01012000", "Nam", "29022024"), kToday));
    CHECK(std::string(errorOf(qr("001200000001", "", "Lê Văn Hoa", "01012000", "Nam", "29022023"))) ==
          "invalid_issue_date");
}

TEST_CASE("issue date: not before birth, not after today", "[cccd]") {
    CHECK(parseCccdQr(qr("001200000001", "", "Lê Văn Hoa", "01012000", "Nam", "01012000"), kToday));
    CHECK(parseCccdQr(qr("001200000001", "", "Lê Văn Hoa", "01012000", "Nam", "01062025"), kToday));
    CHECK(std::string(errorOf(qr("001200000001", "", "Lê Văn Hoa", "02012000", "Nam", "01012000"))) ==
          "issue_before_birth");
    CHECK(std::string(errorOf(qr("001200000001", "", "Lê Văn Hoa", "01012000", "Nam", "02062025"))) ==
          "issue_in_future");
    CHECK(std::string(errorOf(qr("001225000001", "", "Lê Văn Hoa", "02062025", "Nam", "02062025"))) ==
          "birth_in_future");
    // The overload on the system clock accepts a card issued in 2021.
    CHECK(parseCccdQr(kCccd2021));
}

TEST_CASE("every error has a stable name and an i18n key", "[cccd]") {
    CHECK(i18nKey(CccdQrError::HealthInsuranceCard) == "error.cccd_qr.health_insurance_card");
    CHECK(i18nKey(CccdQrError::VietQr) == "error.cccd_qr.vietqr");
    for (int i = 0; i <= static_cast<int>(CccdQrError::IssueInFuture); ++i) {
        CHECK(std::string(errorName(static_cast<CccdQrError>(i))) != "unknown");
    }
}

TEST_CASE("malformed and foreign inputs fail cleanly with their own error", "[cccd]") {
    struct Case {
        std::string input;
        const char* error;
    };
    const std::string ok7 = qr("042090001234", "123456789", "Nguyễn Văn An", "12051990", "Nam", "01012021");
    const std::vector<Case> cases{
        {"", "empty"},
        {"\r\n", "empty"},
        {std::string(2001, '1'), "too_long"},
        {ok7 + std::string(2001 - ok7.size(), '|'), "too_long"},
        {"042090001234|123456789|Nguy\xEAn V\xE3n An|12051990|Nam|H\xE0 N\xF4i|01012021",
         "invalid_utf8"},  // Latin-1 mojibake
        {"042090001234|123456789|\xC3\x28|12051990|Nam|x|01012021", "invalid_utf8"},
        {"042090001234|123456789|\xC0\xAF|12051990|Nam|x|01012021", "invalid_utf8"},  // overlong
        {"042090001234|123456789|\xED\xA0\x80|12051990|Nam|x|01012021", "invalid_utf8"},  // surrogate
        {"042090001234|123456789|An\xE1\xBB|12051990|Nam|x|01012021", "invalid_utf8"},  // truncated
        {std::string("042090001234|123456789|An\0|12051990|Nam|x|01012021", 50), "control_character"},
        {"042090001234|123456789|An\t|12051990|Nam|x|01012021", "control_character"},
        {"https://vneid.gov.vn/?id=042090001234", "url"},
        {"HTTP://example.com", "url"},
        {"00020101021238570010A000000727012700069704", "vietqr"},
        {"DN4797915011234|Nguyễn Văn An|12/05/1990|1|Hà Tĩnh|42-017|01/01/2025", "health_insurance_card"},
        {"042090001234", "too_few_fields"},
        {"042090001234|123456789|Nguyễn Văn An|12051990|Nam|Hà Tĩnh", "too_few_fields"},
        {"||||||", "personal_number_not_twelve_digits"},
        {"042 090 001 234|123456789|Nguyễn Văn An|12051990|Nam|x|01012021",
         "personal_number_not_twelve_digits"},
        {"04209000123|123456789|Nguyễn Văn An|12051990|Nam|x|01012021",
         "personal_number_not_twelve_digits"},
        {qr("003090001234", "", "An", "12051990", "Nam", "01012021"), "personal_number_unknown_province"},
        {qr("042290001234", "", "An", "12051990", "Nam", "01012021"), "personal_number_century_mismatch"},
        {qr("042091001234", "", "An", "12051990", "Nam", "01012021"), "personal_number_year_mismatch"},
        {qr("042090001234", "", "An", "12051990", "Nữ", "01012021"), "personal_number_gender_mismatch"},
        {qr("042090001234", "12345678", "An", "12051990", "Nam", "01012021"), "invalid_old_id_number"},
        {qr("042090001234", "12345678A", "An", "12051990", "Nam", "01012021"), "invalid_old_id_number"},
        {qr("042090001234", "", "", "12051990", "Nam", "01012021"), "missing_name"},
        {qr("042090001234", "", "   ", "12051990", "Nam", "01012021"), "missing_name"},
        {qr("042090001234", "", "An", "12/05/1990", "Nam", "01012021"), "invalid_birth_date"},
        {qr("042090001234", "", "An", "31041990", "Nam", "01012021"), "invalid_birth_date"},
        {qr("042090001234", "", "An", "00051990", "Nam", "01012021"), "invalid_birth_date"},
        {qr("042090001234", "", "An", "12131990", "Nam", "01012021"), "invalid_birth_date"},
        {qr("042090001234", "", "An", "", "Nam", "01012021"), "invalid_birth_date"},
        {qr("042090001234", "", "An", "12051990", "", "01012021"), "invalid_gender"},
        {qr("042090001234", "", "An", "12051990", "Male", "01012021"), "invalid_gender"},
        {qr("042090001234", "", "An", "12051990", "Nam", "2021-01-01"), "invalid_issue_date"},
        {qr("042090001234", "", "An", "12051990", "Nam", ""), "invalid_issue_date"},
    };
    REQUIRE(cases.size() >= 15);
    for (const auto& c : cases) {
        INFO("input: " << c.input);
        CHECK(std::string(errorOf(c.input)) == c.error);
    }
}

TEST_CASE("every truncation and many mutations of a good QR are handled without a crash", "[cccd]") {
    for (std::size_t n = 0; n < kCccd2021.size(); ++n) {
        INFO("prefix length " << n);
        CHECK_FALSE(parseCccdQr(std::string_view(kCccd2021).substr(0, n), kToday));
    }
    // Deterministic byte mutations: any outcome is fine as long as it is a value or a named error.
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
    for (int i = 0; i < 5000; ++i) {
        std::string s = kCanCuoc2024;
        for (int k = 0; k < 3; ++k) s[next() % s.size()] = static_cast<char>(next() >> 24);
        auto r = parseCccdQr(s, kToday);
        if (!r) CHECK(std::string(errorName(r.error())) != "unknown");
    }
}

TEST_CASE("sample files under tests/data/cccd_qr give their expected output", "[cccd]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(DVC_SOURCE_ASSETS).parent_path() / "tests" / "data" / "cccd_qr";
    REQUIRE(fs::is_directory(dir));
    int samples = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        ++samples;
        INFO("sample " << entry.path().filename().string());
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        auto expectedPath = entry.path();
        expectedPath.replace_extension(".expected");
        std::ifstream exp(expectedPath);
        REQUIRE(exp);
        std::map<std::string, std::string> expected;
        for (std::string line; std::getline(exp, line);) {
            const auto eq = line.find('=');
            if (eq != std::string::npos) expected[line.substr(0, eq)] = line.substr(eq + 1);
        }
        auto r = parseCccdQr(text, kToday);
        if (expected.count("error")) {
            REQUIRE_FALSE(r);
            CHECK(errorName(r.error()) == expected["error"]);
            continue;
        }
        REQUIRE(r);
        CHECK(r->personalNumber == expected["personal_number"]);
        CHECK(r->oldIdNumber == expected["old_id_number"]);
        CHECK(r->fullName == expected["full_name"]);
        CHECK(r->dateOfBirth.iso == expected["date_of_birth"]);
        CHECK((r->gender == Gender::Male ? "male" : "female") == expected["gender"]);
        CHECK(r->issueDate.iso == expected["issue_date"]);
        CHECK(std::to_string(r->extraFields.size()) == expected["extra_fields"]);
    }
    CHECK(samples >= 5);
}
