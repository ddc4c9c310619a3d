#include <catch2/catch.hpp>

#include "identity/emrtd/tlv.h"

using namespace dvc::emrtd;

static Bytes hex(const char* text) {
    return *fromHex(text);
}

TEST_CASE("TLV: one- and two-byte tags, short and long lengths") {
    auto data = hex("5F1F 03 414243 61 81 02 0102 7F61 82 0001 FF");
    std::size_t offset = 0;
    auto first = readTlv(data, offset);
    REQUIRE(first);
    CHECK(first->tag == 0x5F1F);
    CHECK(toHex(first->value) == "414243");
    CHECK_FALSE(first->constructed());
    auto second = readTlv(data, offset);
    REQUIRE(second);
    CHECK(second->tag == 0x61);
    CHECK(second->constructed());
    CHECK(toHex(second->value) == "0102");
    CHECK(second->size == 5);
    auto third = readTlv(data, offset);
    REQUIRE(third);
    CHECK(third->tag == 0x7F61);
    CHECK(toHex(third->value) == "FF");
    CHECK(offset == data.size());
}

TEST_CASE("TLV: every malformed input is an error value that says where") {
    struct Case {
        const char* hex;
        TlvError::Kind kind;
    };
    const Case cases[] = {
        {"", TlvError::Kind::Truncated},
        {"5F", TlvError::Kind::Truncated},
        {"5F1F", TlvError::Kind::Truncated},
        {"5F 9F 9F 01 00", TlvError::Kind::BadTag},
        {"04 80", TlvError::Kind::BadLength},
        {"04 85 0000000001", TlvError::Kind::BadLength},
        {"04 82 00", TlvError::Kind::Truncated},
        {"04 05 0102", TlvError::Kind::LengthBeyondData},
        {"04 84 FFFFFFFF 00", TlvError::Kind::LengthBeyondData},  // a length that lies
    };
    for (const auto& c : cases) {
        INFO(c.hex);
        auto data = hex(c.hex);
        std::size_t offset = 0;
        auto tlv = readTlv(data, offset);
        REQUIRE_FALSE(tlv);
        CHECK(tlv.error().kind == c.kind);
        CHECK(offset == 0);  // a failed read does not move
    }
}

TEST_CASE("TLV: encode and parse round-trip at the length boundaries") {
    for (std::size_t n : {0u, 1u, 127u, 128u, 255u, 256u, 65535u, 65536u}) {
        Bytes value(n, 0xAB);
        auto encoded = encodeTlv(0x5F2E, value);
        auto all = parseAll(encoded);
        REQUIRE(all);
        REQUIRE(all->size() == 1);
        CHECK((*all)[0].tag == 0x5F2E);
        CHECK((*all)[0].value.size() == n);
    }
    CHECK(toHex(encodeLength(0x7F)) == "7F");
    CHECK(toHex(encodeLength(0x80)) == "8180");
    CHECK(toHex(encodeLength(0x1234)) == "821234");
}

TEST_CASE("TLV: findTag looks among siblings only") {
    auto data = hex("60 05 5C 03 616D75  77 01 00");
    auto found = findTag(data, 0x77);
    REQUIRE(found);
    CHECK(found->value.size() == 1);
    auto nested = findTag(data, 0x5C);
    REQUIRE_FALSE(nested);
    CHECK(nested.error().kind == TlvError::Kind::NotFound);
}
