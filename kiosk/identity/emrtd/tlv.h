#pragma once
// BER-TLV as used by ISO 7816-4 and ICAO 9303 (tags of 1–3 bytes, definite lengths of up to
// 4 bytes). Parsing never reads past its input: every length is checked against what is left.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "identity/emrtd/bytes.h"

namespace dvc::emrtd {

struct TlvError {
    enum class Kind {
        Truncated,         // the input ends inside a tag or a length
        BadTag,            // a tag longer than 3 bytes
        BadLength,         // indefinite length (0x80) or a length field longer than 4 bytes
        LengthBeyondData,  // the length says more bytes than there are
        NotFound,          // findTag: no such tag
        TrailingData,      // parseAll: bytes after the last complete element
    };
    Kind kind;
    std::size_t offset = 0;  // where in the input the problem was found
};

const char* tlvErrorName(TlvError::Kind kind);

struct Tlv {
    std::uint32_t tag = 0;  // the tag bytes as a big-endian number: 0x5F1F, 0x7F61, 0x6D…
    ByteView value;         // points into the parsed input
    std::size_t size = 0;   // header + value

    bool constructed() const;  // bit 6 of the first tag byte
};

// Reads one element starting at data[offset]; on success advances offset past it.
Result<Tlv, TlvError> readTlv(ByteView data, std::size_t& offset);
// The whole input as a sequence of sibling elements (no trailing bytes allowed).
Result<std::vector<Tlv>, TlvError> parseAll(ByteView data);
// The first element with `tag` among the siblings in `data` (not recursive).
Result<Tlv, TlvError> findTag(ByteView data, std::uint32_t tag);

Bytes encodeLength(std::size_t length);
Bytes encodeTlv(std::uint32_t tag, ByteView value);

}  // namespace dvc::emrtd
