// ICAO Doc 9303 Part 11, Appendix G.1 (worked example: PACE generic mapping, ECDH on
// brainpoolP256r1, id-PACE-ECDH-GM-AES-CBC-CMAC-128, MRZ password), byte for byte. Values checked
// against two independent reproductions of the published example (proxmark3's emrtd tests and
// the Verifiable library's PACE tests); the CAN key against Appendix H (CAN 123456).
#include <catch2/catch.hpp>

#include "identity/emrtd/card_access.h"
#include "identity/emrtd/ec_curve.h"
#include "identity/emrtd/mrz_key.h"
#include "identity/emrtd/pace.h"
#include "test_hex.h"

using namespace dvc::emrtd;
using dvc::emrtd::test::hex;

namespace {
const char* kNonce = "3F00C4D39D153F2B2A214A078D899B22";
const char* kMapPrivateIfd = "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
const char* kMapPublicIfd =
    "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
    "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";
const char* kMapPrivateIc = "498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560";
const char* kMapPublicIc =
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
    "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
const char* kMappedGenerator =
    "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
    "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522";
const char* kPrivateIfd = "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595";
const char* kPublicIfd =
    "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
    "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462";
const char* kPrivateIc = "107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A";
const char* kPublicIc =
    "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
    "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";
const char* kSharedSecret = "28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925";
}  // namespace

TEST_CASE("PACE G.1: K_pi from the MRZ and the decrypted nonce") {
    auto mrz = bacMrzInformation("T22000129", "640812", "101031");
    REQUIRE(mrz);
    CHECK(toHex(crypto::sha1(ByteView(reinterpret_cast<const std::uint8_t*>(mrz->data()),
                                      mrz->size()))) == "7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
    const Bytes kPi = pacePasswordKey({PacePasswordType::Mrz, *mrz}, crypto::Cipher::Aes128);
    CHECK(toHex(kPi) == "89DED1B26624EC1E634C1989302849DD");
    CHECK(toHex(crypto::decryptCbc(crypto::Cipher::Aes128, kPi, Bytes(16, 0),
                                   hex("95A3A016522EE98D01E76CB6B98B42C3"))) == kNonce);
}

TEST_CASE("PACE H: K_pi from the CAN 123456") {
    CHECK(toHex(pacePasswordKey({PacePasswordType::Can, "123456"}, crypto::Cipher::Aes128)) ==
          "591468CDA83D65219CCCB8560233600F");
}

TEST_CASE("PACE G.1: mapping keys and the mapped generator, from both sides") {
    auto curve = EcCurve::forParameterId(kParamBrainpoolP256r1);
    REQUIRE(curve);
    CHECK(toHex(*curve->multiply(hex(kMapPrivateIfd), curve->generator())) == kMapPublicIfd);
    CHECK(toHex(*curve->multiply(hex(kMapPrivateIc), curve->generator())) == kMapPublicIc);
    CHECK(toHex(*curve->mapGeneric(hex(kNonce), hex(kMapPrivateIfd), hex(kMapPublicIc))) ==
          kMappedGenerator);
    CHECK(toHex(*curve->mapGeneric(hex(kNonce), hex(kMapPrivateIc), hex(kMapPublicIfd))) ==
          kMappedGenerator);
}

TEST_CASE("PACE G.1: ephemeral keys on the mapped generator, shared secret, session keys") {
    auto curve = EcCurve::forParameterId(kParamBrainpoolP256r1);
    REQUIRE(curve);
    CHECK(toHex(*curve->multiply(hex(kPrivateIfd), hex(kMappedGenerator))) == kPublicIfd);
    CHECK(toHex(*curve->multiply(hex(kPrivateIc), hex(kMappedGenerator))) == kPublicIc);
    CHECK(toHex(*curve->sharedSecretX(hex(kPrivateIfd), hex(kPublicIc))) == kSharedSecret);
    CHECK(toHex(*curve->sharedSecretX(hex(kPrivateIc), hex(kPublicIfd))) == kSharedSecret);
    auto keys = paceSessionKeys(hex(kSharedSecret), crypto::Cipher::Aes128);
    CHECK(toHex(keys.ksEnc) == "F5F0E35C0D7161EE6724EE513A0D9A7F");
    CHECK(toHex(keys.ksMac) == "FE251C7858B356B24514B3BD5F4297D1");
}

TEST_CASE("PACE G.1: authentication tokens") {
    const Bytes oid = hex("04007F00070202040202");
    const Bytes ksMac = hex("FE251C7858B356B24514B3BD5F4297D1");
    CHECK(toHex(paceAuthenticationToken(crypto::Cipher::Aes128, ksMac, oid, hex(kPublicIc))) ==
          "C2B0BD78D94BA866");
    CHECK(toHex(paceAuthenticationToken(crypto::Cipher::Aes128, ksMac, oid, hex(kPublicIfd))) ==
          "3ABB9674BCE93C08");
}

TEST_CASE("PACE: points off the curve or at infinity are refused") {
    auto curve = EcCurve::forParameterId(kParamBrainpoolP256r1);
    REQUIRE(curve);
    Bytes offCurve = hex(kPublicIc);
    offCurve.back() ^= 0x01;
    CHECK_FALSE(curve->isValidPoint(offCurve));
    CHECK_FALSE(curve->sharedSecretX(hex(kPrivateIfd), offCurve));
    CHECK_FALSE(curve->mapGeneric(hex(kNonce), hex(kMapPrivateIfd), hex("00")));
    CHECK_FALSE(curve->multiply(hex(kPrivateIfd), Bytes(65, 0)));
    CHECK_FALSE(EcCurve::forParameterId(99));
    auto p256 = EcCurve::forParameterId(kParamSecp256r1);
    REQUIRE(p256);
    CHECK_FALSE(p256->isValidPoint(hex(kPublicIc)));  // a brainpool point is not on P-256
}

TEST_CASE("PACE: MSE:Set AT data and token input encoding") {
    PaceInfo info{
        paceAlgorithm(PaceKeyAgreement::Ecdh, PaceMapping::Generic, crypto::Cipher::Aes128), 2,
        kParamBrainpoolP256r1};
    CHECK(toHex(paceSetAtData(info, PacePasswordType::Can)) ==
          "800A04007F0007020204020283010284010D");
    CHECK(toHex(paceTokenInput(hex("04007F00070202040202"), hex("0401"))) ==
          "7F4910060A04007F00070202040202860204"
          "01");
}
