#include <catch2/catch.hpp>

#include "identity/emrtd/apdu.h"
#include "identity/emrtd/crypto.h"
#include "identity/emrtd/link_model.h"
#include "identity/emrtd/mrz_key.h"
#include "test_hex.h"

using namespace dvc::emrtd;
using dvc::emrtd::test::hex;

TEST_CASE("APDU: the four cases in short form encode and parse back") {
    CommandApdu case1{0x00, 0xA4, 0x00, 0x0C, {}, 0};
    CommandApdu case2{0x00, 0x84, 0x00, 0x00, {}, 8};
    CommandApdu case3{0x00, 0xA4, 0x02, 0x0C, {0x01, 0x1C}, 0};
    CommandApdu case4{0x00, 0xB1, 0x00, 0x00, {0x54, 0x01, 0x00}, 256};
    CHECK(toHex(*case1.encode()) == "00A4000C");
    CHECK(toHex(*case2.encode()) == "0084000008");
    CHECK(toHex(*case3.encode()) == "00A4020C02011C");
    CHECK(toHex(*case4.encode()) ==
          "00B1000003540100"
          "00");
    for (const auto& c : {case1, case2, case3, case4}) {
        auto parsed = CommandApdu::parse(*c.encode());
        REQUIRE(parsed);
        CHECK(parsed->ins == c.ins);
        CHECK(parsed->data == c.data);
        CHECK(parsed->ne == c.ne);
    }
}

TEST_CASE("APDU: extended length when Ne exceeds 256 or data exceeds 255") {
    CommandApdu read{0x00, 0xB0, 0x00, 0x00, {}, 4096};
    CHECK(toHex(*read.encode()) == "00B00000001000");
    CommandApdu max{0x00, 0xB0, 0x00, 0x00, {}, kMaxExtendedNe};
    CHECK(toHex(*max.encode()) == "00B00000000000");
    CommandApdu big{0x00, 0xD6, 0x00, 0x00, Bytes(300, 0xAB), 300};
    auto encoded = *big.encode();
    CHECK(encoded.size() == 4 + 3 + 300 + 2);
    auto parsed = CommandApdu::parse(encoded);
    REQUIRE(parsed);
    CHECK(parsed->data.size() == 300);
    CHECK(parsed->ne == 300);
    CHECK(CommandApdu::parse(*max.encode())->ne == kMaxExtendedNe);
}

TEST_CASE("APDU: inconsistent lengths and short inputs are errors") {
    CHECK(CommandApdu::parse(hex("00A402")).error().kind == ApduError::Kind::TooShort);
    CHECK(CommandApdu::parse(hex("00A4020C05011C")).error().kind ==
          ApduError::Kind::LengthMismatch);
    CHECK(CommandApdu::parse(hex("00B0000000")).value().ne == 256);
    CHECK(CommandApdu::parse(hex("00B000000001")).error().kind == ApduError::Kind::LengthMismatch);
    CHECK_FALSE(ResponseApdu::parse(hex("90")));
    auto r = ResponseApdu::parse(hex("60145F016282"));
    REQUIRE(r);
    CHECK(toHex(r->data) == "60145F01");
    CHECK(r->sw == 0x6282);
}

TEST_CASE("Status words have names") {
    CHECK(statusWordName(0x6982) == "6982 security status not satisfied");
    CHECK(statusWordName(0x6D00) == "6D00 instruction not supported");
    CHECK(statusWordName(0x63C2) == "63C2 verification failed, retries left");
    CHECK(statusWordName(0x1234) == "1234 unknown status");
}

TEST_CASE("MRZ check digits and the BAC MRZ information (Doc 9303 Part 11 Appendix D.2)") {
    CHECK(mrzCheckDigit("L898902C<") == 3);
    CHECK(mrzCheckDigit("690806") == 1);
    CHECK(mrzCheckDigit("940623") == 6);
    CHECK_FALSE(mrzCheckDigit("L89-"));
    CHECK(bacMrzInformation("L898902C", "690806", "940623") == "L898902C<369080619406236");
    CHECK_FALSE(bacMrzInformation("L898902C", "69086", "940623"));
    CHECK_FALSE(bacMrzInformation("", "690806", "940623"));
}

TEST_CASE("CCCD: document number and CAN come from the personal number") {
    CHECK(cccdDocumentNumber("001099012345") == "099012345");
    CHECK(cccdCardAccessNumber("001099012345") == "012345");
    CHECK_FALSE(cccdCardAccessNumber("00109901234"));
    CHECK_FALSE(cccdCardAccessNumber("00109901234A"));
}

TEST_CASE("Crypto: ISO 9797-1 padding method 2 and parity") {
    CHECK(toHex(crypto::pad(hex("011E"), 8)) == "011E800000000000");
    CHECK(toHex(crypto::pad(hex("0CA4020C"), 16)) == "0CA4020C800000000000000000000000");
    CHECK(crypto::pad(hex("1122334455667788"), 8).size() == 16);
    CHECK(crypto::unpaddedLength(hex("011E800000000000")) == 2u);
    CHECK_FALSE(crypto::unpaddedLength(hex("011E000000000000")));
    Bytes key = hex("0000000000000000");
    crypto::adjustDesParity(key);
    CHECK(toHex(key) == "0101010101010101");
}

TEST_CASE("Crypto: wrong key sizes give empty results, not crashes") {
    CHECK(crypto::encryptCbc(crypto::Cipher::Tdes, Bytes(15, 0), Bytes(8, 0), Bytes(8, 0)).empty());
    CHECK(crypto::encryptCbc(crypto::Cipher::Aes128, Bytes(16, 0), Bytes(16, 0), Bytes(15, 0))
              .empty());
    CHECK(crypto::retailMac(Bytes(8, 0), Bytes(8, 0)).empty());
    CHECK(crypto::aesCmac(Bytes(5, 0), Bytes(8, 0)).empty());
}

TEST_CASE("Crypto: AES-CMAC matches NIST SP 800-38B example 2") {
    // Key 2B7E1516…, message 6BC1BEE2 2E409F96 E93D7E11 7393172A.
    CHECK(toHex(crypto::aesCmac(hex("2B7E151628AED2A6ABF7158809CF4F3C"),
                                hex("6BC1BEE22E409F96E93D7E117393172A"))) ==
          "070A16B46B4D4144F79BDD9DD04A287C");
}

TEST_CASE("Link model: chained frames cost block headers and acknowledgements") {
    LinkModel model;
    CHECK(model.airBytes(10) == 13);
    CHECK(model.airBytes(253) == 256);
    CHECK(model.airBytes(254) == 254 + 2 * 3 + 3);
    LinkCounters counters;
    counters.add(10, 20);
    CHECK(model.seconds(counters) == Approx((13 + 23) * 8.0 / 424000.0));
    CHECK(model.payloadSeconds(53) == Approx(0.001));
}
