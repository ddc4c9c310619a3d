#include <catch2/catch.hpp>

#include "identity/emrtd/card_access.h"
#include "identity/emrtd/tlv.h"
#include "test_hex.h"

using namespace dvc::emrtd;
using dvc::emrtd::test::hex;

TEST_CASE("EF.CardAccess: a PACEInfo for ECDH-GM-AES-128 on brainpoolP256r1") {
    // SET { SEQUENCE { OID 0.4.0.127.0.7.2.2.4.2.2, INTEGER 2, INTEGER 13 } }
    auto infos = parseCardAccess(hex("3114 3012 060A04007F00070202040202 020102 02010D"));
    REQUIRE(infos);
    REQUIRE(infos->size() == 1);
    const PaceInfo& info = infos->front();
    CHECK(info.algorithm.name() == "id-PACE-ECDH-GM-AES-CBC-CMAC-128");
    CHECK(info.algorithm.supported());
    CHECK(info.version == 2);
    CHECK(info.parameterId == 13);
    auto chosen = choosePaceInfo(*infos);
    REQUIRE(chosen);
    CHECK(chosen->parameterId == 13);
}

TEST_CASE("EF.CardAccess: encode and parse back; other SecurityInfos are skipped") {
    std::vector<PaceInfo> infos{
        {paceAlgorithm(PaceKeyAgreement::Dh, PaceMapping::Generic, crypto::Cipher::Aes128), 2, 0},
        {paceAlgorithm(PaceKeyAgreement::Ecdh, PaceMapping::Generic, crypto::Cipher::Aes256), 2,
         kParamSecp256r1},
        {paceAlgorithm(PaceKeyAgreement::Ecdh, PaceMapping::Integrated, crypto::Cipher::Aes128), 2,
         kParamBrainpoolP256r1},
    };
    Bytes file = encodeCardAccess(infos);
    // Append a ChipAuthenticationInfo (id-CA-ECDH-AES-CBC-CMAC-128, version 1) inside the SET.
    Bytes chipAuth = hex("300F060A04007F00070202030202020101");
    Bytes content(file.begin() + 2, file.end());
    content.insert(content.end(), chipAuth.begin(), chipAuth.end());
    file = encodeTlv(0x31, content);
    auto parsed = parseCardAccess(file);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 3);
    CHECK_FALSE((*parsed)[0].algorithm.supported());
    CHECK((*parsed)[2].algorithm.name() == "id-PACE-ECDH-IM-AES-CBC-CMAC-128");
    auto chosen = choosePaceInfo(*parsed);
    REQUIRE(chosen);
    CHECK(chosen->algorithm.cipher == crypto::Cipher::Aes256);
    CHECK(chosen->parameterId == kParamSecp256r1);
}

TEST_CASE("EF.CardAccess: malformed input is an error value") {
    CHECK(parseCardAccess(hex("")).error().kind == CardAccessError::Kind::Malformed);
    CHECK(parseCardAccess(hex("3003 020102")).error().kind == CardAccessError::Kind::NotASet);
    CHECK(parseCardAccess(hex("3114 3012 060A04007F00070202040202 020102 02")).error().kind ==
          CardAccessError::Kind::Malformed);
    CHECK(parseCardAccess(hex("31FF 30")).error().kind == CardAccessError::Kind::Malformed);
    // No parameterId: parsed, but nothing this reader can use.
    auto noParameter = parseCardAccess(hex("3111 300F 060A04007F00070202040202 020102"));
    REQUIRE(noParameter);
    CHECK_FALSE(choosePaceInfo(*noParameter));
}
