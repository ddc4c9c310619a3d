// The PC/SC path end to end: PcscCardReader → libpcsclite → a private pcscd → vsmartcard's
// vpcd → VpcdBridge → FileCard. Skipped only when pcscd or vsmartcard-vpcd is not installed.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "file_card.h"
#include "pcsc_card_channel.h"
#include "pcsc_card_reader.h"
#include "pcscd_process.h"
#include "vpcd_bridge.h"

using namespace std::chrono_literals;
using dvc::CardError;
using dvc::emrtd::Bytes;
using dvc::emrtd::fromHex;
using dvc::emrtd::toHex;
using Kind = CardError::Kind;

namespace {

constexpr std::uint16_t kSmallFile = 0x011E, kBigFile = 0x0102;
constexpr auto kNoCardTimeout = 300ms;
constexpr auto kCardTimeout = 10s;  // pcscd polls the virtual reader every 400 ms

#define SKIP_UNLESS_PCSCD_INSTALLED()                             \
    if (auto missing = dvc::test::PcscdProcess::notInstalled()) { \
        WARN("skipped: " << *missing);                            \
        return;                                                   \
    }

struct VirtualReader {
    dvc::test::PcscdProcess pcscd;
    dvc::test::FileCard card;
    dvc::card::VpcdBridge bridge{card, "127.0.0.1", pcscd.vpcdPort()};
    std::atomic<bool> cancel{false};

    explicit VirtualReader(bool extendedLength = true) : card(extendedLength) {
        card.addFile(kSmallFile, dvc::test::patternBytes(300, 1));
        card.addFile(kBigFile, dvc::test::patternBytes(4096, 2));
    }
    std::unique_ptr<dvc::CardChannel> insertAndConnect(dvc::card::PcscCardReader& reader) {
        REQUIRE(bridge.insert().ok());
        auto channel = reader.waitForCard("", kCardTimeout, cancel);
        INFO((channel.ok() ? "" : channel.error().detail) << "\npcscd log:\n" << pcscd.log());
        REQUIRE(channel.ok());
        return std::move(channel).value();
    }
};

Bytes transmitOk(dvc::CardChannel& channel, const std::string& hex) {
    auto r = channel.transmit(*fromHex(hex));
    INFO(hex << ": " << (r.ok() ? "" : r.error().detail));
    REQUIRE(r.ok());
    return r.value();
}

std::string tail(const Bytes& b, std::size_t n) {
    return toHex(Bytes(b.end() - static_cast<std::ptrdiff_t>(n), b.end()));
}

}  // namespace

TEST_CASE("the private pcscd lists vsmartcard's virtual reader", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    dvc::test::PcscdProcess pcscd;
    dvc::card::PcscCardReader reader;
    auto names = reader.readerNames();
    INFO(pcscd.log());
    CHECK(std::find(names.begin(), names.end(), dvc::test::PcscdProcess::kVpcdReaderName) !=
          names.end());
}

TEST_CASE("waiting without a card ends in NoCard after the timeout", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto r = reader.waitForCard("", kNoCardTimeout, v.cancel);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Kind::NoCard);
}

TEST_CASE("waiting for a card can be cancelled", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto waiting =
        std::async(std::launch::async, [&] { return reader.waitForCard("", 30s, v.cancel); });
    std::this_thread::sleep_for(150ms);
    v.cancel = true;
    REQUIRE(waiting.wait_for(5s) == std::future_status::ready);  // never the full 30 s
    auto r = waiting.get();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Kind::Cancelled);
}

TEST_CASE("a card put on the reader while waiting is found", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto waiting = std::async(std::launch::async,
                              [&] { return reader.waitForCard("", kCardTimeout, v.cancel); });
    std::this_thread::sleep_for(300ms);  // the wait is under way, the field is empty
    REQUIRE(v.bridge.insert().ok());
    auto channel = waiting.get();
    INFO((channel.ok() ? "" : channel.error().detail));
    REQUIRE(channel.ok());
    CHECK(toHex(transmitOk(*channel.value(), "00A4020C02011E")) == "9000");
}

TEST_CASE("a card held by another channel is refused, not shared", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto first = v.insertAndConnect(reader);  // exclusive by default
    auto second = reader.waitForCard("", kNoCardTimeout, v.cancel);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == Kind::Transport);
    CHECK(second.error().detail.find("in use by another application") != std::string::npos);
    first.reset();  // released (and reset): the next session may open it
    auto third = reader.waitForCard("", kCardTimeout, v.cancel);
    INFO((third.ok() ? "" : third.error().detail));
    REQUIRE(third.ok());
}

TEST_CASE("a card in the virtual reader gives a channel for SELECT and READ BINARY", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto channel = v.insertAndConnect(reader);
    CHECK(channel->readerName() == dvc::test::PcscdProcess::kVpcdReaderName);
    CHECK(channel->extendedLengthSupported());  // from the card capabilities in the ATR
    CHECK(dynamic_cast<dvc::card::PcscCardChannel&>(*channel).atr() == v.card.atr());

    const Bytes small = dvc::test::patternBytes(300, 1);
    const auto served = v.bridge.apdusServed();
    CHECK(toHex(transmitOk(*channel, "00A4020C02011E")) == "9000");
    CHECK(v.bridge.apdusServed() == served + 1);  // the answer really came through vpcd
    SECTION("short READ BINARY: 256 bytes (Le = 00), then the rest of the file") {
        Bytes first = transmitOk(*channel, "00B0000000");
        REQUIRE(first.size() == 258);
        CHECK(tail(first, 2) == "9000");
        Bytes second = transmitOk(*channel, "00B0010000");  // offset 256, up to 256 more
        REQUIRE(second.size() == 44 + 2);
        CHECK(tail(second, 2) == "6282");  // end of file before Le
        Bytes whole(first.begin(), first.end() - 2);
        whole.insert(whole.end(), second.begin(), second.end() - 2);
        CHECK(whole == small);
    }
    SECTION("extended-length READ BINARY of 4 KB in one APDU") {
        CHECK(toHex(transmitOk(*channel, "00A4020C020102")) == "9000");
        Bytes all = transmitOk(*channel, "00B00000001000");  // Le = 1000 (4096), extended
        REQUIRE(all.size() == 4096 + 2);
        CHECK(tail(all, 2) == "9000");
        CHECK(Bytes(all.begin(), all.end() - 2) == dvc::test::patternBytes(4096, 2));
    }
    SECTION("the card's own errors come back as status words, not transport errors") {
        CHECK(toHex(transmitOk(*channel, "00CA010000")) == "6D00");
        CHECK(toHex(transmitOk(*channel, "00A4020C02FFFF")) == "6A82");
    }
    SECTION("a malformed C-APDU is refused before it reaches pcscd") {
        auto r = channel->transmit(*fromHex("00A4"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == Kind::Transport);
    }
}

TEST_CASE("extended length follows the ATR, or the configuration when set", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v(/*extendedLength=*/false);
    SECTION("auto: the ATR's card capabilities say no") {
        dvc::card::PcscCardReader reader;
        CHECK_FALSE(v.insertAndConnect(reader)->extendedLengthSupported());
    }
    SECTION("configured yes wins over the ATR") {
        dvc::card::PcscOptions options;
        options.extendedLength = dvc::card::PcscOptions::ExtendedLength::Yes;
        dvc::card::PcscCardReader reader(options);
        CHECK(v.insertAndConnect(reader)->extendedLengthSupported());
    }
}

TEST_CASE("a card pulled between or during APDUs gives CardRemoved", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto channel = v.insertAndConnect(reader);
    REQUIRE(toHex(transmitOk(*channel, "00A4020C02011E")) == "9000");
    REQUIRE(transmitOk(*channel, "00B0000010").size() == 16 + 2);

    SECTION("between two READ BINARY") {
        v.bridge.remove();
    }
    SECTION("while the card is answering a READ BINARY") {
        std::atomic<bool> inside{false};
        v.card.onReadBinary([&] {
            inside = true;
            std::this_thread::sleep_for(200ms);  // the card is "in the middle" of its answer
        });
        auto pull = std::async(std::launch::async, [&] {
            while (!inside) std::this_thread::sleep_for(1ms);
            v.bridge.remove();
        });
        auto r = channel->transmit(*fromHex("00B0001010"));
        pull.get();
        REQUIRE_FALSE(r.ok());
        INFO(r.error().detail);
        CHECK(r.error().kind == Kind::CardRemoved);
    }
    auto next = channel->transmit(*fromHex("00B0002010"));
    REQUIRE_FALSE(next.ok());
    INFO(next.error().detail);
    CHECK(next.error().kind == Kind::CardRemoved);
    // Put back while the dead channel still exists: it let go of the reader, so a new wait
    // finds the card and reading works again.
    auto again = v.insertAndConnect(reader);
    CHECK(toHex(transmitOk(*again, "00A4020C02011E")) == "9000");
}

TEST_CASE("reset gives a cold chip: the card powers on again and forgets its selection",
          "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto channel = v.insertAndConnect(reader);
    auto& pcsc = dynamic_cast<dvc::card::PcscCardChannel&>(*channel);
    REQUIRE(toHex(transmitOk(*channel, "00A4020C02011E")) == "9000");
    const int before = v.card.powerOns();
    auto atr = pcsc.reset();
    INFO((atr.ok() ? "" : atr.error().detail));
    REQUIRE(atr.ok());
    CHECK(atr.value() == v.card.atr());
    CHECK(v.card.powerOns() > before);
    CHECK(toHex(transmitOk(*channel, "00B0000004")) == "6986");  // no file selected any more
}

TEST_CASE("pcscd stopped mid-session: ReaderUnplugged, then NoReader, never a hang", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    dvc::card::PcscCardReader reader;
    auto channel = v.insertAndConnect(reader);
    REQUIRE(toHex(transmitOk(*channel, "00A4020C02011E")) == "9000");
    CHECK(v.pcscd.stop() == 0);

    auto r = channel->transmit(*fromHex("00B0000010"));
    REQUIRE_FALSE(r.ok());
    INFO(r.error().detail);
    CHECK(r.error().kind == Kind::ReaderUnplugged);
    CHECK(r.error().detail.find("PC/SC service stopped") == 0);
    channel.reset();  // disconnecting from a dead pcscd must not hang or crash

    auto wait = reader.waitForCard("", kNoCardTimeout, v.cancel);
    REQUIRE_FALSE(wait.ok());
    CHECK(wait.error().kind == Kind::NoReader);
    CHECK(wait.error().detail.find("PC/SC service not running") != std::string::npos);
    CHECK(reader.readerNames().empty());
    auto listed = reader.listReaders();
    REQUIRE_FALSE(listed.ok());
    CHECK(listed.error().kind == Kind::NoReader);
}

TEST_CASE("the reader name filter picks readers by substring", "[pcscd]") {
    SKIP_UNLESS_PCSCD_INSTALLED();
    VirtualReader v;
    REQUIRE(v.bridge.insert().ok());  // the card sits in "Virtual PCD 00 00"

    SECTION("configured filter lists only the matching reader and finds the card there") {
        dvc::card::PcscOptions options;
        options.readerFilter = "virtual pcd 00 00";
        dvc::card::PcscCardReader reader(options);
        CHECK(reader.readerNames() ==
              std::vector<std::string>{dvc::test::PcscdProcess::kVpcdReaderName});
        auto channel = reader.waitForCard("", kCardTimeout, v.cancel);
        REQUIRE(channel.ok());
        CHECK(channel.value()->readerName() == dvc::test::PcscdProcess::kVpcdReaderName);
    }
    SECTION("a filter matching the other slot does not see this card") {
        dvc::card::PcscCardReader reader;
        auto r = reader.waitForCard("PCD 00 01", kNoCardTimeout, v.cancel);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == Kind::NoCard);
    }
    SECTION("a filter matching no reader is NoReader, naming the filter") {
        dvc::card::PcscCardReader reader;
        auto r = reader.waitForCard("ACR1252", kNoCardTimeout, v.cancel);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == Kind::NoReader);
        CHECK(r.error().detail.find("ACR1252") != std::string::npos);
    }
}
