// The reader against the simulated chip: PACE and BAC, short and extended APDUs, whole files,
// and every way a read can go wrong (wrong key, tampered MAC, card removed, lying headers).
#include <catch2/catch.hpp>

#include "identity/emrtd/emrtd_reader.h"
#include "sim_card_reader.h"
#include "sim_persona.h"
#include "simulated_emrtd.h"
#include "test_hex.h"

using namespace dvc;
using namespace dvc::emrtd;
using dvc::card::SimCardReader;
using dvc::card::SimulatedEmrtd;
using dvc::emrtd::test::hex;

namespace {

struct Rig {
    explicit Rig(card::SimulatedEmrtdConfig config, bool readerExtended = true)
        : files(config.files),
          card(std::make_shared<SimulatedEmrtd>(std::move(config))),
          reader("sim", readerExtended) {
        reader.presentCard(card);
        auto ch = reader.waitForCard("", std::chrono::milliseconds(100), cancel);
        REQUIRE(ch);
        channel = std::move(ch).value();
    }
    std::map<std::uint16_t, Bytes> files;
    std::shared_ptr<SimulatedEmrtd> card;
    SimCardReader reader;
    std::atomic<bool> cancel{false};
    std::unique_ptr<CardChannel> channel;
};

AccessKeys cccdKeys() {
    return AccessKeys{cccdCardAccessNumber(test::kPersonalNumber), test::personaMrz()};
}

void readAllAndCompare(Rig& rig, EmrtdReader& reader) {
    for (auto fidValue : {fid::kCom, fid::kSod, fid::kDg1, fid::kDg2, fid::kDg13}) {
        std::size_t lastDone = 0, lastTotal = 0;
        auto file = reader.readFile(fidValue, [&](std::size_t done, std::size_t total) {
            CHECK(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        });
        INFO("FID " << fidValue);
        REQUIRE(file);
        CHECK(*file == rig.files.at(fidValue));
        CHECK(lastDone == lastTotal);
        CHECK(lastTotal == file->size());
    }
}

}  // namespace

TEST_CASE("Reader: PACE with the CAN, short APDUs, whole files match") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    auto method = reader.open(cccdKeys());
    REQUIRE(method);
    CHECK(*method == AccessMethod::Pace);
    CHECK_FALSE(reader.extendedLengthInUse());
    readAllAndCompare(rig, reader);
}

TEST_CASE("Reader: PACE with extended length uses fewer APDUs than short") {
    Rig shortRig(test::personaCard(true, false));
    EmrtdReader shortReader(*shortRig.channel);
    REQUIRE(shortReader.open(cccdKeys()));
    readAllAndCompare(shortRig, shortReader);

    Rig rig(test::personaCard(true, true));
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    CHECK(reader.extendedLengthInUse());
    readAllAndCompare(rig, reader);
    CHECK(reader.counters().apdus < shortReader.counters().apdus);
}

TEST_CASE("Reader: extended length stays off when the reader cannot carry it") {
    Rig rig(test::personaCard(true, true), false);
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    CHECK_FALSE(reader.extendedLengthInUse());
    readAllAndCompare(rig, reader);
}

TEST_CASE("Reader: BAC when the card offers no PACE, short and extended") {
    for (bool extended : {false, true}) {
        Rig rig(test::personaCard(false, extended));
        EmrtdReader reader(*rig.channel);
        auto method = reader.open(cccdKeys());
        REQUIRE(method);
        CHECK(*method == AccessMethod::Bac);
        CHECK(reader.extendedLengthInUse() == extended);
        REQUIRE(reader.paceFailure());
        CHECK(reader.paceFailure()->kind == ChipError::Kind::Unsupported);
        readAllAndCompare(rig, reader);
    }
}

TEST_CASE("Reader: PACE with the MRZ when no CAN is known, on P-256 and AES-256") {
    auto config = test::personaCard(true, false);
    config.paceParameterId = kParamSecp256r1;
    config.paceCipher = crypto::Cipher::Aes256;
    Rig rig(config);
    EmrtdReader reader(*rig.channel);
    auto method = reader.open(AccessKeys{std::nullopt, test::personaMrz()});
    REQUIRE(method);
    CHECK(*method == AccessMethod::Pace);
    REQUIRE(reader.paceInfo());
    CHECK(reader.paceInfo()->algorithm.cipher == crypto::Cipher::Aes256);
    auto dg1 = reader.readFile(fid::kDg1);
    REQUIRE(dg1);
    CHECK(*dg1 == rig.files.at(fid::kDg1));
}

TEST_CASE("Reader: a wrong CAN is access denied; with the MRZ it falls back to BAC") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    auto denied = reader.open(AccessKeys{std::string("000000"), std::nullopt});
    REQUIRE_FALSE(denied);
    CHECK(denied.error().kind == ChipError::Kind::AccessDenied);
    CHECK_THROWS_AS(throw std::runtime_error(describe(denied.error())), std::runtime_error);

    auto method = reader.open(AccessKeys{std::string("000000"), test::personaMrz()});
    REQUIRE(method);
    CHECK(*method == AccessMethod::Bac);
    REQUIRE(reader.paceFailure());
    CHECK(reader.paceFailure()->kind == ChipError::Kind::AccessDenied);
    auto com = reader.readFile(fid::kCom);
    REQUIRE(com);
    CHECK(*com == rig.files.at(fid::kCom));
}

TEST_CASE("Reader: a wrong MRZ key is access denied, and nothing can be read") {
    Rig rig(test::personaCard(false, false));
    EmrtdReader reader(*rig.channel);
    auto wrongExpiry =
        *bacMrzInformation(*cccdDocumentNumber(test::kPersonalNumber), "990101", "390102");
    auto result = reader.open(AccessKeys{std::nullopt, wrongExpiry});
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ChipError::Kind::AccessDenied);
    CHECK(result.error().detail.find("6300") != std::string::npos);
    auto file = reader.readFile(fid::kDg1);
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ChipError::Kind::AccessDenied);
}

TEST_CASE("Reader: no key at all is reported, not attempted") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    auto result = reader.open(AccessKeys{});
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ChipError::Kind::Unsupported);
}

TEST_CASE("Reader: a flipped response MAC is a secure-messaging error and yields no data") {
    for (bool pace : {true, false}) {
        Rig rig(test::personaCard(pace, false));
        EmrtdReader reader(*rig.channel);
        REQUIRE(reader.open(cccdKeys()));
        int flips = 0;
        rig.card->setResponseTamper([&](Bytes& response) {
            if (response.size() > 12 && flips++ == 2) response[response.size() - 3] ^= 0x80;
        });
        auto file = reader.readFile(fid::kDg2);
        REQUIRE_FALSE(file);
        CHECK(file.error().kind == ChipError::Kind::SecureMessaging);
        // The session is gone on the reader's side: the next read cannot reuse it.
        rig.card->setResponseTamper({});
        auto next = reader.readFile(fid::kDg1);
        REQUIRE_FALSE(next);
    }
}

TEST_CASE("Reader: a truncated protected response is refused") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    rig.card->setResponseTamper([](Bytes& response) {
        if (response.size() > 40) response.erase(response.begin() + 20, response.end() - 2);
    });
    auto file = reader.readFile(fid::kSod);
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ChipError::Kind::SecureMessaging);
}

TEST_CASE("Reader: the card removed in the middle of READ BINARY") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    rig.reader.removeCardAfter(10);
    std::size_t lastDone = 0;
    auto file = reader.readFile(fid::kDg2, [&](std::size_t done, std::size_t) { lastDone = done; });
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ChipError::Kind::CardRemoved);
    CHECK(lastDone > 0);
    CHECK(lastDone < rig.files.at(fid::kDg2).size());
    auto again = reader.readFile(fid::kDg1);
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == ChipError::Kind::CardRemoved);
}

TEST_CASE("Reader: cancelling from the progress callback stops the read") {
    Rig rig(test::personaCard(true, false));
    std::atomic<bool> cancel{false};
    EmrtdReader reader(*rig.channel, {}, &cancel);
    REQUIRE(reader.open(cccdKeys()));
    auto file = reader.readFile(fid::kDg2, [&](std::size_t done, std::size_t) {
        if (done > 2000) cancel = true;
    });
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ChipError::Kind::Cancelled);
}

TEST_CASE("Reader: a header that lies about the length is a protocol error") {
    auto config = test::personaCard(true, false);
    Bytes lying = hex("75 82 7530");  // announces 30000 bytes
    lying.resize(1000, 0x5A);
    config.files[fid::kDg2] = lying;
    config.files[fid::kDg15] = hex("6F 84 7FFFFFFF 00");  // announces 2 GB
    config.files[fid::kDg14] = hex("FF");                 // not a TLV at all
    Rig rig(config);
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    auto dg2 = reader.readFile(fid::kDg2);
    REQUIRE_FALSE(dg2);
    CHECK(dg2.error().kind == ChipError::Kind::Protocol);
    auto dg15 = reader.readFile(fid::kDg15);
    REQUIRE_FALSE(dg15);
    CHECK(dg15.error().kind == ChipError::Kind::Protocol);
    auto dg14 = reader.readFile(fid::kDg14);
    REQUIRE_FALSE(dg14);
    CHECK(dg14.error().kind == ChipError::Kind::Protocol);
    // The session survives: these were well-protected answers with bad contents.
    auto dg1 = reader.readFile(fid::kDg1);
    REQUIRE(dg1);
    CHECK(*dg1 == rig.files.at(fid::kDg1));
}

TEST_CASE("Reader: a missing file is FileNotFound") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    auto dg3 = reader.readFile(0x0103);
    REQUIRE_FALSE(dg3);
    CHECK(dg3.error().kind == ChipError::Kind::FileNotFound);
    CHECK(reader.readFile(fid::kCom));
}

TEST_CASE("Reader: files over 32 KB are read with READ BINARY B1 offsets") {
    for (bool extended : {false, true}) {
        auto config = test::personaCard(true, extended);
        config.files[fid::kDg2] = test::lds1File(0x75, 40000);
        Rig rig(config);
        EmrtdReader reader(*rig.channel);
        REQUIRE(reader.open(cccdKeys()));
        auto dg2 = reader.readFile(fid::kDg2);
        REQUIRE(dg2);
        CHECK(*dg2 == rig.files.at(fid::kDg2));
    }
}

TEST_CASE("Reader: the card's power-on forgets the session") {
    Rig rig(test::personaCard(true, false));
    EmrtdReader reader(*rig.channel);
    REQUIRE(reader.open(cccdKeys()));
    rig.card->powerOn();
    auto file = reader.readFile(fid::kCom);
    REQUIRE_FALSE(file);
    CHECK(file.error().kind == ChipError::Kind::SecureMessaging);
    auto reopened = reader.open(cccdKeys());
    REQUIRE(reopened);
    CHECK(reader.readFile(fid::kCom));
}

TEST_CASE("Simulated card: CCCD quirks and access rules, APDU by APDU") {
    SimulatedEmrtd card(test::personaCard(true, false));
    card.powerOn();
    CHECK(toHex(card.respond(hex("00A4000C023F00"))) == "6D00");
    CHECK(toHex(card.respond(hex("00A4020C02011C"))) == "9000");
    Bytes cardAccess = card.respond(hex("00B0000000"));
    CHECK(toHex(ByteView(cardAccess).last(2)) == "6282");
    CHECK(parseCardAccess(ByteView(cardAccess).first(cardAccess.size() - 2)));
    CHECK(toHex(card.respond(hex("00A4020C020101"))) == "6A82");  // DG1 is inside the application
    CHECK(toHex(card.respond(hex("00A4040C07A0000002471001"))) == "9000");
    CHECK(toHex(card.respond(hex("00A4020C020101"))) == "9000");
    CHECK(toHex(card.respond(hex("00B0000004"))) == "6982");
    CHECK(toHex(card.respond(hex("00B0000000000004"))) == "6700");  // no extended length
    CHECK(toHex(card.respond(hex("0CB000000D9701048E08ED6705417E96BA5500"))) == "6988");
    CHECK(card.respond(hex("0084000008")).size() == 10);
    Bytes wrongCryptogram = hex("0082000028");
    wrongCryptogram.resize(5 + 40, 0x00);
    wrongCryptogram.push_back(0x28);
    CHECK(toHex(card.respond(wrongCryptogram)) == "6300");
    card.powerOff();
    CHECK(toHex(card.respond(hex("00A4020C02011C"))) == "6F00");
}

TEST_CASE("Sim reader: no card times out, cancel is honoured, a wrong reader name is refused") {
    SimCardReader reader("sim");
    std::atomic<bool> cancel{false};
    auto none = reader.waitForCard("", std::chrono::milliseconds(30), cancel);
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == CardError::Kind::NoCard);
    cancel = true;
    auto cancelled = reader.waitForCard("", std::chrono::milliseconds(5000), cancel);
    REQUIRE_FALSE(cancelled);
    CHECK(cancelled.error().kind == CardError::Kind::Cancelled);
    auto wrong = reader.waitForCard("other", std::chrono::milliseconds(10), cancel);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().kind == CardError::Kind::NoReader);
    CHECK(reader.readerNames() == std::vector<std::string>{"sim"});
}

TEST_CASE("Sim reader: a removed card fails its channel even after a new card arrives") {
    SimCardReader reader("sim");
    std::atomic<bool> cancel{false};
    auto card = std::make_shared<SimulatedEmrtd>(test::personaCard(true, false));
    reader.presentCard(card);
    auto channel = reader.waitForCard("", std::chrono::milliseconds(100), cancel);
    REQUIRE(channel);
    CHECK((*channel)->transmit(hex("00A4020C02011C")).value() == hex("9000"));
    reader.removeCard();
    auto removed = (*channel)->transmit(hex("00A4020C02011C"));
    REQUIRE_FALSE(removed);
    CHECK(removed.error().kind == CardError::Kind::CardRemoved);
    reader.presentCard(card);
    CHECK_FALSE((*channel)->transmit(hex("00A4020C02011C")));
}
