#pragma once
// ISO 7816-4 command and response APDUs: the four cases in short and extended length.
#include <cstddef>
#include <cstdint>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::emrtd {

inline constexpr std::size_t kMaxShortNe = 256;       // Le byte 00 means 256
inline constexpr std::size_t kMaxExtendedNe = 65536;  // Le bytes 0000 mean 65536

struct ApduError {
    enum class Kind {
        TooShort,        // fewer than 4 header bytes (or 2 status bytes)
        LengthMismatch,  // Lc/Le do not describe the bytes present
        TooLong,         // data over 65535 bytes or Ne over 65536
    };
    Kind kind;
};

const char* apduErrorName(ApduError::Kind kind);

struct CommandApdu {
    std::uint8_t cla = 0;
    std::uint8_t ins = 0;
    std::uint8_t p1 = 0;
    std::uint8_t p2 = 0;
    Bytes data;
    std::size_t ne = 0;  // expected response length; 0 = no Le field

    // Extended length is needed when the data or Ne do not fit the one-byte fields.
    bool needsExtendedLength() const { return data.size() > 255 || ne > kMaxShortNe; }
    Result<Bytes, ApduError> encode() const;
    // The card side: the case (1–4, short or extended) is read from the lengths.
    static Result<CommandApdu, ApduError> parse(ByteView apdu);
};

// Encodes forcing the extended form even when short would do (used by the secure-messaging
// wrapper, whose outer APDU must be extended whenever the inner one is).
Result<Bytes, ApduError> encodeCommand(const CommandApdu& command, bool extended);

struct ResponseApdu {
    Bytes data;
    std::uint16_t sw = 0;

    bool ok() const { return sw == 0x9000; }
    Bytes encode() const;
    static Result<ResponseApdu, ApduError> parse(ByteView apdu);
};

namespace sw {
inline constexpr std::uint16_t kOk = 0x9000;
inline constexpr std::uint16_t kEndOfFileReached = 0x6282;
inline constexpr std::uint16_t kAuthenticationFailed = 0x6300;
inline constexpr std::uint16_t kWrongLength = 0x6700;
inline constexpr std::uint16_t kSecurityStatusNotSatisfied = 0x6982;
inline constexpr std::uint16_t kConditionsNotSatisfied = 0x6985;
inline constexpr std::uint16_t kCommandNotAllowedNoEf = 0x6986;
inline constexpr std::uint16_t kSmDataObjectsMissing = 0x6987;
inline constexpr std::uint16_t kSmDataObjectsIncorrect = 0x6988;
inline constexpr std::uint16_t kWrongData = 0x6A80;
inline constexpr std::uint16_t kFileNotFound = 0x6A82;
inline constexpr std::uint16_t kIncorrectP1P2 = 0x6A86;
inline constexpr std::uint16_t kReferencedDataNotFound = 0x6A88;
inline constexpr std::uint16_t kWrongOffset = 0x6B00;
inline constexpr std::uint16_t kInsNotSupported = 0x6D00;
inline constexpr std::uint16_t kClaNotSupported = 0x6E00;
}  // namespace sw

// "6982 security status not satisfied": for logs and error details (no personal data in SWs).
std::string statusWordName(std::uint16_t sw);

}  // namespace dvc::emrtd
