// DG1 / MRZ: ICAO 9303 worked examples, the CCCD layout, and every check digit failing alone.
#include <catch2/catch.hpp>

#include <algorithm>

#include "identity/emrtd/mrz.h"
#include "identity/emrtd/mrz_key.h"

using namespace dvc::emrtd;

namespace {

const std::string kIcaoTd1 =
    "I<UTOD231458907<<<<<<<<<<<<<<<"
    "7408122F1204159UTO<<<<<<<<<<<6"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
const std::string kIcaoTd3 =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

bool failed(const dvc::Result<Mrz, MrzError>& r, MrzCheckedField field) {
    if (r.ok() || r.error().kind != MrzError::Kind::CheckDigit) return false;
    const auto& f = r.error().failedChecks;
    return std::find(f.begin(), f.end(), field) != f.end();
}

}  // namespace

TEST_CASE("check digits follow ICAO 9303-3 (7-3-1)", "[mrz]") {
    CHECK(mrzCheckDigit("D23145890") == 7);
    CHECK(mrzCheckDigit("740812") == 2);
    CHECK(mrzCheckDigit("120415") == 9);
    CHECK(mrzCheckDigit("L898902C3") == 6);
    CHECK(mrzCheckDigit("<<<<<<") == 0);
    CHECK_FALSE(mrzCheckDigit("ab").has_value());
}

TEST_CASE("the ICAO TD1 example parses with all its fields", "[mrz]") {
    auto mrz = parseMrz(kIcaoTd1, 2026);
    REQUIRE(mrz.ok());
    CHECK(mrz->format == MrzFormat::Td1);
    CHECK(mrz->documentCode == "I");
    CHECK(mrz->issuingState == "UTO");
    CHECK(mrz->documentNumber == "D23145890");
    CHECK(mrz->dateOfBirth.year == 1974);
    CHECK(mrz->dateOfBirth.month == 8);
    CHECK(mrz->dateOfBirth.day == 12);
    CHECK(mrz->sex == 'F');
    CHECK(mrz->dateOfExpiry.year == 2012);
    CHECK(mrz->nationality == "UTO");
    CHECK(mrz->primaryIdentifier == "ERIKSSON");
    CHECK(mrz->secondaryIdentifier == "ANNA MARIA");
    CHECK_FALSE(mrz->cccdPersonalNumber().has_value());
}

TEST_CASE("the ICAO TD3 example parses, with lines separated by a newline", "[mrz]") {
    auto mrz = parseMrz(kIcaoTd3.substr(0, 44) + "\n" + kIcaoTd3.substr(44), 2026);
    REQUIRE(mrz.ok());
    CHECK(mrz->format == MrzFormat::Td3);
    CHECK(mrz->documentNumber == "L898902C3");
    CHECK(mrz->optionalData1 == "ZE184226B<<<<<");
    CHECK(mrz->primaryIdentifier == "ERIKSSON");
}

TEST_CASE("each check digit failure is reported by name", "[mrz]") {
    auto spoil = [](std::string s, std::size_t at) {
        s[at] = s[at] == '0' ? '1' : '0';
        return s;
    };
    CHECK(failed(parseMrz(spoil(kIcaoTd1, 14), 2026), MrzCheckedField::DocumentNumber));
    CHECK(failed(parseMrz(spoil(kIcaoTd1, 30 + 6), 2026), MrzCheckedField::DateOfBirth));
    CHECK(failed(parseMrz(spoil(kIcaoTd1, 30 + 14), 2026), MrzCheckedField::DateOfExpiry));
    CHECK(failed(parseMrz(spoil(kIcaoTd1, 30 + 29), 2026), MrzCheckedField::Composite));
    CHECK(failed(parseMrz(spoil(kIcaoTd3, 44 + 42), 2026), MrzCheckedField::OptionalData));
    // A changed data digit breaks its own check digit and the composite, both reported.
    auto both = parseMrz(spoil(kIcaoTd1, 30 + 0), 2026);
    CHECK(failed(both, MrzCheckedField::DateOfBirth));
    CHECK(failed(both, MrzCheckedField::Composite));
    CHECK_FALSE(failed(both, MrzCheckedField::DocumentNumber));
}

TEST_CASE("malformed MRZ text gives an error value", "[mrz]") {
    CHECK(parseMrz("", 2026).error().kind == MrzError::Kind::BadLength);
    CHECK(parseMrz(kIcaoTd1.substr(0, 89), 2026).error().kind == MrzError::Kind::BadLength);
    std::string lower = kIcaoTd1;
    lower[60] = 'e';
    CHECK(parseMrz(lower, 2026).error().kind == MrzError::Kind::BadCharacter);
    std::string badDate = kIcaoTd1;
    badDate.replace(30, 6, "741312");
    CHECK(parseMrz(badDate, 2026).error().kind == MrzError::Kind::BadDate);
    std::string badSex = kIcaoTd1;
    badSex[30 + 7] = 'Q';
    CHECK(parseMrz(badSex, 2026).error().kind == MrzError::Kind::BadSex);
    CHECK(parseDg1(Bytes{0x61, 0x05, 0x5F, 0x1F, 0x10}, 2026).error().kind == MrzError::Kind::Tlv);
    CHECK(parseDg1(Bytes{0x62, 0x00}, 2026).error().kind == MrzError::Kind::Tlv);
}

TEST_CASE("a CCCD TD1 MRZ carries the 12-digit number in the optional data", "[mrz][cccd]") {
    CccdMrzInput in;
    in.personalNumber = "001190012345";
    in.dateOfBirth = "900314";
    in.sex = 'F';
    in.dateOfExpiry = "300314";
    in.primaryIdentifier = mrzLetters("Nguyễn");
    in.secondaryIdentifier = mrzLetters("Thị Lan");
    auto lines = formatCccdTd1(in);
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) CHECK(line.size() == 30);
    CHECK(lines[0].substr(0, 15) == "IDVNM190012345" + std::to_string(*mrzCheckDigit("190012345")));
    CHECK(lines[0].substr(15, 14) == "001190012345<<");

    auto mrz = parseDg1(encodeDg1(lines), 2026);
    REQUIRE(mrz.ok());
    CHECK(mrz->documentCode == "ID");
    CHECK(mrz->issuingState == "VNM");
    CHECK(mrz->documentNumber == "190012345");
    CHECK(mrz->cccdPersonalNumber() == "001190012345");
    CHECK(mrz->cccdPersonalNumberCheckDigitOk() == true);
    CHECK(mrz->dateOfBirth.year == 1990);
    CHECK(mrz->dateOfExpiry.year == 2030);
    CHECK(mrz->primaryIdentifier == "NGUYEN");
    CHECK(mrz->secondaryIdentifier == "THI LAN");
}

TEST_CASE("Vietnamese names become MRZ letters (Đ → D, tones removed)", "[mrz][cccd]") {
    CHECK(mrzLetters("Phạm Đình Hùng") == "PHAM<DINH<HUNG");
    CHECK(mrzLetters("Trần Thị Ngọc Ánh") == "TRAN<THI<NGOC<ANH");
    CHECK(mrzLetters("đặng ưng") == "DANG<UNG");
    // Decomposed (NFD) input: the combining marks are dropped.
    CHECK(mrzLetters("Hu\xCC\x80ng") == "HUNG");
}
