#include <catch2/catch.hpp>

#include "qr/scanned_text_assembler.h"

using namespace dvc;
using namespace std::chrono_literals;
using Clock = ScannedTextAssembler::Clock;

namespace {
const std::string kCccd2021 =
    "042090001234|123456789|Nguyễn Văn An|12051990|Nam|Xóm 1, Thạch Hạ, Thành phố Hà Tĩnh, Hà "
    "Tĩnh|01012021";
const std::string kCanCuoc2024 =
    "079304012345||Trần Thị Bích Ngọc|29022004|Nữ|123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ "
    "Chí Minh|15082024||||";
}  // namespace

TEST_CASE("Scanner text: a CR or LF ends the text; CRLF gives one text") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    CHECK_FALSE(a.feed("HS-000", t0));
    auto done = a.feed("123\r\n", t0 + 1ms);
    REQUIRE(done);
    CHECK(*done == "HS-000123");
    CHECK_FALSE(a.poll(t0 + 10s));  // the LF after CR did not start an empty text
    CHECK_FALSE(a.deadline());
}

TEST_CASE("Scanner text: a 2024 card's QR is complete at its last '|', without a terminator") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    // Sent in pieces that split a multi-byte character.
    const auto half = kCanCuoc2024.size() / 2 + 1;
    CHECK_FALSE(a.feed(kCanCuoc2024.substr(0, half), t0));
    auto done = a.feed(kCanCuoc2024.substr(half), t0 + 2ms);
    REQUIRE(done);
    CHECK(*done == kCanCuoc2024);
}

TEST_CASE("Scanner text: a whole 2021 QR waits only the short pause for more fields") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    CHECK_FALSE(a.feed(kCccd2021, t0));
    CHECK_FALSE(a.poll(t0 + 39ms));
    REQUIRE(a.deadline());
    CHECK(*a.deadline() == t0 + 40ms);
    auto done = a.poll(t0 + 40ms);
    REQUIRE(done);
    CHECK(*done == kCccd2021);
}

TEST_CASE("Scanner text: a 2024 QR arriving after its 7th field is not cut there") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    const auto seven = kCanCuoc2024.substr(0, kCanCuoc2024.size() - 4);
    CHECK_FALSE(a.feed(seven, t0));
    CHECK_FALSE(a.poll(t0 + 5ms));
    auto done = a.feed("||||", t0 + 6ms);
    REQUIRE(done);
    CHECK(*done == kCanCuoc2024);
}

TEST_CASE(
    "Scanner text: anything else ends after the long pause; texts after a terminator start fresh") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    auto first = a.feed("first\rsecond", t0);
    REQUIRE(first);
    CHECK(*first == "first");
    CHECK_FALSE(a.poll(t0 + 149ms));
    auto second = a.poll(t0 + 150ms);
    REQUIRE(second);
    CHECK(*second == "second");
}

TEST_CASE("Scanner text: clear() forgets a partial text") {
    ScannedTextAssembler a;
    const auto t0 = Clock::time_point{} + 1h;
    a.feed("04209000", t0);
    a.clear();
    CHECK_FALSE(a.poll(t0 + 1s));
}
