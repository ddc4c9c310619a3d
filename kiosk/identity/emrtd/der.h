#pragma once
// The few DER pieces the LDS needs (INTEGER, OBJECT IDENTIFIER, strings), on top of tlv.h.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "identity/emrtd/bytes.h"

namespace dvc::emrtd::der {

inline constexpr std::uint8_t kInteger = 0x02;
inline constexpr std::uint8_t kOctetString = 0x04;
inline constexpr std::uint8_t kNull = 0x05;
inline constexpr std::uint8_t kOid = 0x06;
inline constexpr std::uint8_t kUtf8String = 0x0C;
inline constexpr std::uint8_t kPrintableString = 0x13;
inline constexpr std::uint8_t kIa5String = 0x16;
inline constexpr std::uint8_t kVisibleString = 0x1A;
inline constexpr std::uint8_t kSequence = 0x30;
inline constexpr std::uint8_t kSet = 0x31;

// A non-negative INTEGER of at most 4 value bytes; nullopt otherwise.
std::optional<std::uint32_t> decodeSmallInteger(ByteView value);
Bytes encodeInteger(std::uint32_t value);
// "1.0.10646.1.0.8" ↔ the value bytes of an OBJECT IDENTIFIER; nullopt on malformed input.
std::optional<std::string> decodeOid(ByteView value);
std::optional<Bytes> encodeOidValue(std::string_view dotted);
Bytes encodeOid(std::string_view dotted);  // whole TLV; empty if `dotted` is malformed
bool isValidUtf8(std::string_view s);

}  // namespace dvc::emrtd::der
