#include <PCSC/pcsclite.h>
#include <PCSC/winscard.h>

#include <catch2/catch.hpp>

#include "pcsc_card_reader.h"
#include "pcsc_error.h"

using dvc::CardError;
using dvc::card::PcscPhase;
using Kind = CardError::Kind;

namespace {
Kind kindOf(long code, PcscPhase phase) {
    return dvc::card::pcscCardError(code, phase, "SCardTest", "").kind;
}
}  // namespace

TEST_CASE("PC/SC codes map to the core's card error kinds", "[pcsc-error]") {
    CHECK(kindOf(SCARD_W_REMOVED_CARD, PcscPhase::Exchange) == Kind::CardRemoved);
    CHECK(kindOf(SCARD_E_NO_SMARTCARD, PcscPhase::Exchange) == Kind::CardRemoved);
    CHECK(kindOf(SCARD_E_READER_UNAVAILABLE, PcscPhase::Exchange) == Kind::ReaderUnplugged);
    CHECK(kindOf(SCARD_E_READER_UNAVAILABLE, PcscPhase::Waiting) == Kind::NoReader);
    CHECK(kindOf(SCARD_E_UNKNOWN_READER, PcscPhase::Waiting) == Kind::NoReader);
    CHECK(kindOf(SCARD_E_NO_READERS_AVAILABLE, PcscPhase::Waiting) == Kind::NoReader);
    CHECK(kindOf(SCARD_E_NO_SERVICE, PcscPhase::Waiting) == Kind::NoReader);
    CHECK(kindOf(SCARD_E_NO_SERVICE, PcscPhase::Exchange) == Kind::ReaderUnplugged);
    CHECK(kindOf(SCARD_F_COMM_ERROR, PcscPhase::Exchange) == Kind::ReaderUnplugged);
    CHECK(kindOf(SCARD_E_TIMEOUT, PcscPhase::Waiting) == Kind::NoCard);
    CHECK(kindOf(SCARD_E_CANCELLED, PcscPhase::Waiting) == Kind::Cancelled);
    CHECK(kindOf(SCARD_E_SHARING_VIOLATION, PcscPhase::Waiting) == Kind::Transport);
    CHECK(kindOf(SCARD_W_RESET_CARD, PcscPhase::Exchange) == Kind::Transport);
    CHECK(kindOf(SCARD_E_NOT_TRANSACTED, PcscPhase::Exchange) == Kind::Transport);
    CHECK(kindOf(SCARD_E_INSUFFICIENT_BUFFER, PcscPhase::Exchange) == Kind::Transport);
    CHECK(kindOf(0x12345678L, PcscPhase::Exchange) == Kind::Transport);  // unknown code
}

TEST_CASE("the detail names the call, the code and pcsc-lite's text", "[pcsc-error]") {
    auto e = dvc::card::pcscCardError(SCARD_E_NO_SERVICE, PcscPhase::Waiting,
                                      "SCardEstablishContext", "");
    CHECK(e.detail.find("PC/SC service not running") == 0);
    CHECK(e.detail.find("SCardEstablishContext") != std::string::npos);
    CHECK(e.detail.find("0x8010001D") != std::string::npos);
    CHECK(e.detail.find(pcsc_stringify_error(SCARD_E_NO_SERVICE)) != std::string::npos);
    CHECK(dvc::card::pcscCardError(SCARD_E_NO_SERVICE, PcscPhase::Exchange, "SCardTransmit", "")
              .detail.find("PC/SC service stopped") == 0);
    auto r = dvc::card::pcscCardError(SCARD_W_REMOVED_CARD, PcscPhase::Exchange, "SCardTransmit",
                                      "ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00");
    CHECK(r.detail.find("ACR1252") != std::string::npos);
}

TEST_CASE("only transmission failures that do not say why are ambiguous", "[pcsc-error]") {
    CHECK(dvc::card::pcscErrorIsAmbiguous(SCARD_E_NOT_TRANSACTED));
    CHECK(dvc::card::pcscErrorIsAmbiguous(SCARD_W_UNRESPONSIVE_CARD));
    CHECK_FALSE(dvc::card::pcscErrorIsAmbiguous(SCARD_W_REMOVED_CARD));
    CHECK_FALSE(dvc::card::pcscErrorIsAmbiguous(SCARD_E_NO_SERVICE));
}

TEST_CASE("reader filter is a case-insensitive substring, order kept", "[reader-filter]") {
    const std::vector<std::string> names = {
        "ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00",
        "ACS ACR1252 Dual Reader [ACR1252 Dual Reader SAM] 00 01", "Virtual PCD 00 00",
        "Identiv uTrust 3700 F CL Reader 01 00"};
    using dvc::card::filterReaderNames;
    CHECK(filterReaderNames(names, "") == names);
    CHECK(filterReaderNames(names, "picc") == std::vector<std::string>{names[0]});
    CHECK(filterReaderNames(names, "ACR1252").size() == 2);
    CHECK(filterReaderNames(names, "utrust") == std::vector<std::string>{names[3]});
    CHECK(filterReaderNames(names, "Omnikey").empty());
}
