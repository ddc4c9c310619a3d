#pragma once
// The Logical Data Structure of ICAO Doc 9303 part 10 (LDS1): file identifiers, data-group
// tags and EF.COM. Shared by the reader (what to select) and the simulated card (what to serve).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"
#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

namespace fid {
inline constexpr std::uint16_t kCardAccess = 0x011C;  // written by the access-protocol side
inline constexpr std::uint16_t kSod = 0x011D;
inline constexpr std::uint16_t kCom = 0x011E;
inline constexpr std::uint16_t kDg1 = 0x0101;
inline constexpr std::uint16_t kDg2 = 0x0102;
inline constexpr std::uint16_t kDg13 = 0x010D;
inline constexpr std::uint16_t kDg14 = 0x010E;
inline constexpr std::uint16_t kDg15 = 0x010F;
}  // namespace fid

inline constexpr std::uint8_t kEfComTag = 0x60;
inline constexpr std::uint8_t kSodTag = 0x77;

// DG1…DG16 ↔ their file ids 0101…0110 and their outer tags (61, 75, 63, 76, 65 … 6D, 6E, 6F, 70).
std::optional<std::uint16_t> dataGroupFid(int dataGroup);
std::optional<std::uint8_t> dataGroupTag(int dataGroup);
std::optional<int> dataGroupFromTag(std::uint32_t tag);
std::optional<int> dataGroupFromFid(std::uint16_t fileId);

// Parse errors shared by the LDS files (EF.COM, DG2, DG13, EF.SOD).
struct LdsError {
    enum class Kind {
        Tlv,            // malformed BER-TLV (see tlv)
        UnexpectedTag,  // the file or an element has another tag than the format requires
        MissingField,   // a mandatory element is absent
        BadValue,       // an element is there but its content is not acceptable
        Unsupported,    // well-formed but a variant this reader does not handle
    };
    Kind kind;
    std::string what;  // which element, e.g. "EF.COM 5C"; never personal data
    TlvError::Kind tlv = TlvError::Kind::Truncated;  // for Kind::Tlv
};

const char* ldsErrorName(LdsError::Kind kind);
// "tlv(truncated) at DG2 7F61" style text for technician logs.
std::string describe(const LdsError& error);

struct EfCom {
    std::string ldsVersion;       // "0107" → "1.7"
    std::string unicodeVersion;   // "040000" → "4.0.0"
    std::vector<int> dataGroups;  // from the tag list 5C, in order
};

Result<EfCom, LdsError> parseEfCom(ByteView file);
// The inverse, for the simulated card: LDS 1.7, Unicode 4.0.0.
Bytes encodeEfCom(const std::vector<int>& dataGroups);

// Unwraps the file's outer element: checks its tag and that nothing follows it.
Result<ByteView, LdsError> unwrapFile(ByteView file, std::uint32_t expectedTag, const char* name);

}  // namespace dvc::emrtd
