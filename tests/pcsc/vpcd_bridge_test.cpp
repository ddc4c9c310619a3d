// The bridge against an in-process stand-in for vpcd's server side (a listening socket that
// sends what vpcd sends), so the framing is checked without pcscd.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "file_card.h"
#include "vpcd_bridge.h"

using dvc::emrtd::Bytes;
using dvc::emrtd::fromHex;
using dvc::emrtd::toHex;

namespace {

class FakeVpcd {
  public:
    FakeVpcd() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        REQUIRE(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        REQUIRE(::listen(listener_, 1) == 0);
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
    }
    ~FakeVpcd() {
        dropCard();
        ::close(listener_);
    }
    std::uint16_t port() const { return port_; }
    void acceptCard() { client_ = ::accept(listener_, nullptr, nullptr); }
    void dropCard() {
        if (client_ >= 0) ::close(client_);
        client_ = -1;
    }
    void send(const Bytes& payload) {
        Bytes frame = {static_cast<std::uint8_t>(payload.size() >> 8),
                       static_cast<std::uint8_t>(payload.size())};
        frame.insert(frame.end(), payload.begin(), payload.end());
        REQUIRE(::send(client_, frame.data(), frame.size(), 0) ==
                static_cast<ssize_t>(frame.size()));
    }
    // The next frame's payload; nullopt at end of stream (the card was pulled).
    std::optional<Bytes> receive() {
        std::uint8_t header[2];
        if (!readAll(header, 2)) return std::nullopt;
        Bytes payload(static_cast<std::size_t>(header[0] << 8 | header[1]));
        if (!readAll(payload.data(), payload.size())) return std::nullopt;
        return payload;
    }

  private:
    bool readAll(std::uint8_t* p, std::size_t n) {
        while (n > 0) {
            ssize_t got = ::recv(client_, p, n, 0);
            if (got <= 0) return false;
            p += got;
            n -= static_cast<std::size_t>(got);
        }
        return true;
    }
    int listener_ = -1, client_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST_CASE("bridge answers vpcd's control codes and APDUs in its framing", "[vpcd]") {
    FakeVpcd vpcd;
    dvc::test::FileCard card;
    card.addFile(0x011E, dvc::test::patternBytes(40, 7));
    dvc::card::VpcdBridge bridge(card, "127.0.0.1", vpcd.port());
    REQUIRE(bridge.insert().ok());
    vpcd.acceptCard();
    CHECK(bridge.inserted());

    vpcd.send({0x04});  // ATR please
    CHECK(vpcd.receive() == std::optional<Bytes>(card.atr()));
    vpcd.send({0x01});  // power on: no answer, the card counts a cold start
    vpcd.send({0x02});  // reset: the same for the card
    vpcd.send(*fromHex("00A4020C02011E"));
    CHECK(toHex(*vpcd.receive()) == "9000");
    CHECK(card.powerOns() == 2);
    vpcd.send(*fromHex("00B0000004"));
    auto read = vpcd.receive();
    REQUIRE(read);
    const Bytes file = dvc::test::patternBytes(40, 7);
    CHECK(toHex(*read) == toHex(Bytes(file.begin(), file.begin() + 4)) + "9000");
    vpcd.send(*fromHex("00CA010000"));
    CHECK(toHex(*vpcd.receive()) == "6D00");
    vpcd.send({0x00});  // power off, then the session is gone
    vpcd.send(*fromHex("00B0000004"));
    CHECK(toHex(*vpcd.receive()) == "6986");
    CHECK(bridge.apdusServed() == 4);
}

TEST_CASE("removing the card closes the connection and it can be inserted again", "[vpcd]") {
    FakeVpcd vpcd;
    dvc::test::FileCard card;
    dvc::card::VpcdBridge bridge(card, "127.0.0.1", vpcd.port());
    REQUIRE(bridge.insert().ok());
    vpcd.acceptCard();
    REQUIRE(bridge.insert().ok());  // already in: nothing happens
    bridge.remove();
    CHECK_FALSE(bridge.inserted());
    CHECK_FALSE(vpcd.receive().has_value());  // vpcd sees end of stream: card gone
    vpcd.dropCard();
    bridge.remove();  // twice is harmless

    REQUIRE(bridge.insert().ok());
    vpcd.acceptCard();
    vpcd.send({0x04});
    CHECK(vpcd.receive() == std::optional<Bytes>(card.atr()));
}

TEST_CASE("the bridge notices vpcd going away and can reconnect", "[vpcd]") {
    FakeVpcd vpcd;
    dvc::test::FileCard card;
    dvc::card::VpcdBridge bridge(card, "127.0.0.1", vpcd.port());
    REQUIRE(bridge.insert().ok());
    vpcd.acceptCard();
    vpcd.dropCard();  // pcscd stopped: vpcd's socket closes
    for (int i = 0; i < 200 && bridge.inserted(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK_FALSE(bridge.inserted());
    REQUIRE(bridge.insert().ok());
    vpcd.acceptCard();
    CHECK(bridge.inserted());
}

TEST_CASE("no vpcd listening is an error value naming the address", "[vpcd]") {
    std::uint16_t port;
    {
        FakeVpcd closed;  // a port that was free a moment ago and is closed now
        port = closed.port();
    }
    dvc::test::FileCard card;
    dvc::card::VpcdBridge bridge(card, "127.0.0.1", port);
    auto r = bridge.insert();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().detail.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK_FALSE(bridge.inserted());
}
