#include <catch2/catch.hpp>

#include "domain/dossier_code.h"

using namespace dvc;

TEST_CASE("valid dossier codes are accepted") {
    CHECK(isValidDossierCode("000.00.19.H42-261123-0001"));
    CHECK(isValidDossierCode("G22.39-240229-000123"));  // 2024 is a leap year
    CHECK(isValidDossierCode("H42-261123-0001"));
}

TEST_CASE("malformed dossier codes are refused") {
    CHECK_FALSE(isValidDossierCode(""));
    CHECK_FALSE(isValidDossierCode("000.00.19.H42-261123-001"));    // sequence too short
    CHECK_FALSE(isValidDossierCode("000.00.19.H42-261323-0001"));   // month 13
    CHECK_FALSE(isValidDossierCode("000.00.19.H42-250229-0001"));   // 2025 not leap
    CHECK_FALSE(isValidDossierCode("000.00.19.h42-261123-0001"));   // lower case
    CHECK_FALSE(isValidDossierCode("000..19.H42-261123-0001"));     // empty segment
    CHECK_FALSE(isValidDossierCode(".000.H42-261123-0001"));
    CHECK_FALSE(isValidDossierCode("-261123-0001"));
    CHECK_FALSE(isValidDossierCode("000.00.19.H42-261123-0001; DROP TABLE"));
}

TEST_CASE("codes are found in what a receipt QR or a person gives") {
    CHECK(extractDossierCode("000.00.19.h42-261123-0001") == "000.00.19.H42-261123-0001");
    CHECK(extractDossierCode("  000.00.19.H42-261123-0001\r\n") == "000.00.19.H42-261123-0001");
    CHECK(extractDossierCode("https://dichvucong.gov.vn/tra-cuu?ma=000.00.19.H42-261123-0001") ==
          "000.00.19.H42-261123-0001");
    CHECK(extractDossierCode("MaHoSo:000.00.19.H42-261123-0001|") == "000.00.19.H42-261123-0001");
    CHECK_FALSE(extractDossierCode("042090001234|123456789|Nguyễn Văn An|12051990|Nam|Hà Tĩnh|"
                                   "01012021"));
    CHECK_FALSE(extractDossierCode("00020101021238570010A000000727"));
}

TEST_CASE("logs see codes without their sequence") {
    CHECK(redactDossierCode("000.00.19.H42-261123-0001") == "000.00.19.H42-261123-****");
}
