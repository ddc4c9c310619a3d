#pragma once
// Byte strings for the chip protocols (APDUs, TLV, keys) and their hex form for logs and tests.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dvc::emrtd {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// "0A 1b2c" → {0x0a, 0x1b, 0x2c}; spaces and colons are ignored; nullopt on anything else.
std::optional<Bytes> fromHex(std::string_view hex);
// Upper-case hex without separators ("0A1B2C").
std::string toHex(ByteView bytes);

inline Bytes concat(std::initializer_list<ByteView> parts) {
    Bytes out;
    for (auto part : parts) out.insert(out.end(), part.begin(), part.end());
    return out;
}

}  // namespace dvc::emrtd
