#pragma once
#include <catch2/catch.hpp>

#include "identity/emrtd/bytes.h"

namespace dvc::emrtd::test {

// Hex literals in tests are copied from published worked examples; a malformed one fails loudly.
inline Bytes hex(const char* text) {
    auto bytes = fromHex(text);
    REQUIRE(bytes.has_value());
    return *bytes;
}

}  // namespace dvc::emrtd::test
