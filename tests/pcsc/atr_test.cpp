#include <catch2/catch.hpp>

#include "atr.h"
#include "file_card.h"

using dvc::card::extendedLengthFromHistoricalBytes;
using dvc::card::parseAtr;
using dvc::emrtd::fromHex;

TEST_CASE("ATR of a contactless card built by a PC/SC reader", "[atr]") {
    // PC/SC part 3 ATR for an ISO 14443-4 card whose ATS carries no historical bytes.
    auto atr = parseAtr(*fromHex("3B 80 80 01 01"));
    REQUIRE(atr);
    CHECK(atr->offersT0);
    CHECK(atr->offersT1);
    CHECK(atr->historicalBytes.empty());
    CHECK_FALSE(extendedLengthFromHistoricalBytes(atr->historicalBytes).has_value());
}

TEST_CASE("card capabilities in the historical bytes say extended length", "[atr]") {
    dvc::test::FileCard extended(true), shortOnly(false);
    auto yes = parseAtr(extended.atr());
    auto no = parseAtr(shortOnly.atr());
    REQUIRE(yes);
    REQUIRE(no);
    CHECK(extendedLengthFromHistoricalBytes(yes->historicalBytes) == std::optional<bool>(true));
    CHECK(extendedLengthFromHistoricalBytes(no->historicalBytes) == std::optional<bool>(false));
    // Category 00: compact-TLV followed by a 3-byte status indicator.
    CHECK(extendedLengthFromHistoricalBytes(*fromHex("00 73 00 00 C0 00 90 00")) ==
          std::optional<bool>(true));
    // A proprietary category (here 0x4A) says nothing we can read.
    CHECK_FALSE(extendedLengthFromHistoricalBytes(*fromHex("4A 43 4F 50")).has_value());
}

TEST_CASE("ATR interface bytes are skipped to reach the historical bytes", "[atr]") {
    // T0 = D3: TA1, TC1 and TD1 follow, 3 historical bytes. TA1 = 96, TC1 = FF, TD1 = 81 (TD2
    // follows, T=1), TD2 = 31 (TA3 and TB3 follow, T=1), TA3 = FE, TB3 = 45, then the historical
    // bytes 80 31 C0 and TCK.
    auto atr = parseAtr(*fromHex("3B D3 96 FF 81 31 FE 45 80 31 C0 00"));
    REQUIRE(atr);
    CHECK(atr->offersT1);
    CHECK_FALSE(atr->offersT0);
    CHECK(dvc::emrtd::toHex(atr->historicalBytes) == "8031C0");
}

TEST_CASE("malformed ATRs are refused, not read past their end", "[atr]") {
    CHECK_FALSE(parseAtr(dvc::emrtd::Bytes{}));
    CHECK_FALSE(parseAtr(*fromHex("3B")));
    CHECK_FALSE(parseAtr(*fromHex("12 80")));           // TS is neither 3B nor 3F
    CHECK_FALSE(parseAtr(*fromHex("3B 85 80 01 80")));  // 5 historical bytes announced, 1 there
    CHECK_FALSE(parseAtr(*fromHex("3B F0 11 22")));     // TA1 TB1 TC1 TD1 announced, cut short
    CHECK_FALSE(extendedLengthFromHistoricalBytes(*fromHex("80 73 00")).has_value());  // cut TLV
}

TEST_CASE("any byte string is parsed or refused, never read out of bounds", "[atr]") {
    // Deterministic sweep (ASan build catches any overread): every prefix of a real ATR, and
    // pseudo-random strings starting with a valid TS.
    const dvc::emrtd::Bytes real = dvc::test::FileCard(true).atr();
    for (std::size_t n = 0; n <= real.size(); ++n) {
        auto atr = parseAtr(dvc::emrtd::ByteView(real.data(), n));
        if (atr) CHECK(atr->historicalBytes.size() <= n);
    }
    std::uint32_t state = 12345;
    auto next = [&] {
        return static_cast<std::uint8_t>((state = state * 1103515245u + 12345u) >> 16);
    };
    int parsed = 0;
    for (int i = 0; i < 20000; ++i) {
        dvc::emrtd::Bytes bytes(1 + next() % 40);
        for (auto& b : bytes) b = next();
        bytes[0] = (i % 2) ? 0x3B : 0x3F;
        if (auto atr = parseAtr(bytes)) {
            ++parsed;
            REQUIRE(atr->historicalBytes.size() <= bytes.size());
            (void)extendedLengthFromHistoricalBytes(atr->historicalBytes);
        }
        (void)extendedLengthFromHistoricalBytes(bytes);
    }
    CHECK(parsed > 0);  // the sweep reaches the historical-bytes parser, not just the refusals
}
