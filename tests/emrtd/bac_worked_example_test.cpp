// ICAO Doc 9303 Part 11, Appendix D (worked example: Basic Access Control), byte for byte.
// Values checked against the published example as reproduced in several open-source eMRTD
// libraries' tests (gmrtd, nl.zienit icao_examples, proxmark3).
#include <catch2/catch.hpp>

#include "identity/emrtd/bac.h"
#include "identity/emrtd/mrz_key.h"
#include "identity/emrtd/secure_messaging.h"
#include "test_hex.h"

using namespace dvc::emrtd;
using dvc::emrtd::test::hex;

namespace {
const char* kRndIc = "4608F91988702212";
const char* kRndIfd = "781723860C06C226";
const char* kKIfd = "0B795240CB7049B01C19B33E32804F0B";
const char* kKIc = "0B4F80323EB3191CB04970CB4052790B";
const char* kTerminalCryptogram =
    "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7";
const char* kChipCryptogram =
    "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449";

SecureMessaging terminalSession() {
    auto keys = deriveBacKeys("L898902C<369080619406236");
    auto sm = bacTerminalFinish(keys, hex(kChipCryptogram), hex(kRndIc), hex(kRndIfd), hex(kKIfd));
    REQUIRE(sm.has_value());
    return std::move(*sm);
}
}  // namespace

TEST_CASE("BAC D.2: K_seed, K_enc and K_mac from the MRZ information") {
    auto mrz = bacMrzInformation("L898902C", "690806", "940623");
    REQUIRE(mrz);
    auto keys = deriveBacKeys(*mrz);
    CHECK(toHex(keys.seed) == "239AB9CB282DAF66231DC5A4DF6BFBAE");
    CHECK(toHex(keys.kEnc) == "AB94FDECF2674FDFB9B391F85D7F76F2");
    CHECK(toHex(keys.kMac) == "7962D9ECE03D1ACD4C76089DCE131543");
}

TEST_CASE("BAC D.3: the terminal's and the chip's cryptograms") {
    auto keys = deriveBacKeys("L898902C<369080619406236");
    CHECK(toHex(bacTerminalCryptogram(keys, hex(kRndIc), hex(kRndIfd), hex(kKIfd))) ==
          kTerminalCryptogram);
    auto answer = bacChipAnswer(keys, hex(kTerminalCryptogram), hex(kRndIc), hex(kKIc));
    REQUIRE(answer);
    CHECK(toHex(answer->response) == kChipCryptogram);
    CHECK(toHex(answer->session.ssc()) == "887022120C06C226");
}

TEST_CASE("BAC D.3: session keys from K_IFD xor K_IC, and the SSC") {
    const Bytes seed = hex("0036D272F5C350ACAC50C3F572D23600");
    CHECK(toHex(crypto::kdf(seed, 1, crypto::Cipher::Tdes)) == "979EC13B1CBFE9DCD01AB0FED307EAE5");
    CHECK(toHex(crypto::kdf(seed, 2, crypto::Cipher::Tdes)) == "F1CB1F1FB5ADF208806B89DC579DC1F8");
    CHECK(toHex(terminalSession().ssc()) == "887022120C06C226");
}

TEST_CASE("BAC D.3: a wrong chip cryptogram or a wrong key is refused") {
    auto keys = deriveBacKeys("L898902C<369080619406236");
    Bytes tampered = hex(kChipCryptogram);
    tampered[3] ^= 0x01;
    CHECK_FALSE(bacTerminalFinish(keys, tampered, hex(kRndIc), hex(kRndIfd), hex(kKIfd)));
    CHECK_FALSE(bacTerminalFinish(keys, hex(kChipCryptogram), hex(kRndIc), hex("781723860C06C227"),
                                  hex(kKIfd)));
    auto wrong = deriveBacKeys("L898902C<369080619406237");
    CHECK_FALSE(bacChipAnswer(wrong, hex(kTerminalCryptogram), hex(kRndIc), hex(kKIc)));
    CHECK_FALSE(bacChipAnswer(keys, Bytes(39, 0), hex(kRndIc), hex(kKIc)));
}

TEST_CASE("BAC D.4: secure messaging of SELECT EF.COM and two READ BINARY") {
    SecureMessaging sm = terminalSession();

    auto select = sm.protectCommand(CommandApdu{0x00, 0xA4, 0x02, 0x0C, hex("011E"), 0});
    REQUIRE(select);
    CHECK(toHex(*select) == "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
    auto selected = sm.unprotectResponse(hex("990290008E08FA855A5D4C50A8ED9000"));
    REQUIRE(selected);
    CHECK(selected->sw == 0x9000);
    CHECK(selected->data.empty());

    auto read4 = sm.protectCommand(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4});
    REQUIRE(read4);
    CHECK(toHex(*read4) == "0CB000000D9701048E08ED6705417E96BA5500");
    auto head = sm.unprotectResponse(hex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"));
    REQUIRE(head);
    CHECK(toHex(head->data) == "60145F01");

    auto read18 = sm.protectCommand(CommandApdu{0x00, 0xB0, 0x00, 0x04, {}, 0x12});
    REQUIRE(read18);
    CHECK(toHex(*read18) == "0CB000040D9701128E082EA28A70F3C7B53500");
    auto rest = sm.unprotectResponse(hex(
        "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
    REQUIRE(rest);
    CHECK(toHex(rest->data) == "04303130365F36063034303030305C026175");
    CHECK(toHex(sm.ssc()) == "887022120C06C22C");
}

TEST_CASE("BAC D.4 from the chip's side: the card unwraps the command and wraps its answer") {
    auto keys = deriveBacKeys("L898902C<369080619406236");
    auto answer = bacChipAnswer(keys, hex(kTerminalCryptogram), hex(kRndIc), hex(kKIc));
    REQUIRE(answer);
    SecureMessaging& card = answer->session;
    auto command =
        card.unprotectCommand(hex("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800"));
    REQUIRE(command);
    CHECK(command->cla == 0x00);
    CHECK(command->ins == 0xA4);
    CHECK(toHex(command->data) == "011E");
    CHECK(command->ne == 0);
    CHECK(toHex(card.protectResponse(ResponseApdu{{}, 0x9000})) ==
          "990290008E08FA855A5D4C50A8ED9000");
    auto read = card.unprotectCommand(hex("0CB000000D9701048E08ED6705417E96BA5500"));
    REQUIRE(read);
    CHECK(read->ne == 4);
    CHECK(toHex(card.protectResponse(ResponseApdu{hex("60145F01"), 0x9000})) ==
          "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
}

TEST_CASE("Secure messaging: a flipped MAC, status or cryptogram byte is refused") {
    const Bytes good = hex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
    for (std::size_t i = 0; i + 2 < good.size(); ++i) {
        SecureMessaging sm = terminalSession();
        (void)sm.protectCommand(CommandApdu{0x00, 0xA4, 0x02, 0x0C, hex("011E"), 0});
        REQUIRE(sm.unprotectResponse(hex("990290008E08FA855A5D4C50A8ED9000")));
        (void)sm.protectCommand(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4});
        Bytes tampered = good;
        tampered[i] ^= 0x01;
        auto result = sm.unprotectResponse(tampered);
        INFO("byte " << i);
        CHECK_FALSE(result);
    }
}

TEST_CASE("Secure messaging: bare status words and missing MACs never pass as data") {
    SecureMessaging sm = terminalSession();
    auto plain = sm.unprotectResponse(hex("6988"));
    REQUIRE_FALSE(plain);
    CHECK(plain.error().kind == SmError::Kind::PlainStatus);
    CHECK(plain.error().sw == 0x6988);
    auto bare = sm.unprotectResponse(hex("9000"));
    REQUIRE_FALSE(bare);
    CHECK(bare.error().kind == SmError::Kind::MissingMac);
    auto noMac = sm.unprotectResponse(hex("9902900090 00"));
    REQUIRE_FALSE(noMac);
    CHECK(noMac.error().kind == SmError::Kind::MissingMac);
    auto truncated = sm.unprotectResponse(hex("871901FB9235F49000"));
    REQUIRE_FALSE(truncated);
    CHECK(truncated.error().kind == SmError::Kind::Malformed);
}
