#include "identity/emrtd/tlv.h"

namespace dvc::emrtd {

const char* tlvErrorName(TlvError::Kind kind) {
    switch (kind) {
        case TlvError::Kind::Truncated:
            return "truncated";
        case TlvError::Kind::BadTag:
            return "bad_tag";
        case TlvError::Kind::BadLength:
            return "bad_length";
        case TlvError::Kind::LengthBeyondData:
            return "length_beyond_data";
        case TlvError::Kind::NotFound:
            return "not_found";
        case TlvError::Kind::TrailingData:
            return "trailing_data";
    }
    return "unknown";
}

bool Tlv::constructed() const {
    std::uint32_t first = tag;
    while (first > 0xff) first >>= 8;
    return (first & 0x20) != 0;
}

Result<Tlv, TlvError> readTlv(ByteView data, std::size_t& offset) {
    const std::size_t start = offset;
    std::size_t pos = offset;
    auto error = [&](TlvError::Kind kind) { return fail(TlvError{kind, pos}); };

    if (pos >= data.size()) return error(TlvError::Kind::Truncated);
    std::uint32_t tag = data[pos++];
    if ((tag & 0x1f) == 0x1f) {  // multi-byte tag: continue while bit 8 is set
        int extra = 0;
        for (;;) {
            if (pos >= data.size()) return error(TlvError::Kind::Truncated);
            if (++extra > 2) return error(TlvError::Kind::BadTag);
            std::uint8_t b = data[pos++];
            tag = tag << 8 | b;
            if ((b & 0x80) == 0) break;
        }
    }

    if (pos >= data.size()) return error(TlvError::Kind::Truncated);
    std::size_t length = data[pos++];
    if (length & 0x80) {
        std::size_t count = length & 0x7f;
        if (count == 0 || count > 4) return error(TlvError::Kind::BadLength);
        if (data.size() - pos < count) return error(TlvError::Kind::Truncated);
        length = 0;
        for (std::size_t i = 0; i < count; ++i) length = length << 8 | data[pos++];
    }
    if (data.size() - pos < length) return error(TlvError::Kind::LengthBeyondData);

    Tlv tlv;
    tlv.tag = tag;
    tlv.value = data.subspan(pos, length);
    tlv.size = pos + length - start;
    offset = pos + length;
    return tlv;
}

Result<std::vector<Tlv>, TlvError> parseAll(ByteView data) {
    std::vector<Tlv> out;
    std::size_t offset = 0;
    while (offset < data.size()) {
        auto tlv = readTlv(data, offset);
        if (!tlv) return fail(tlv.error());
        out.push_back(*tlv);
    }
    return out;
}

Result<Tlv, TlvError> findTag(ByteView data, std::uint32_t tag) {
    std::size_t offset = 0;
    while (offset < data.size()) {
        auto tlv = readTlv(data, offset);
        if (!tlv) return fail(tlv.error());
        if (tlv->tag == tag) return *tlv;
    }
    return fail(TlvError{TlvError::Kind::NotFound, data.size()});
}

Bytes encodeLength(std::size_t length) {
    if (length < 0x80) return {static_cast<std::uint8_t>(length)};
    Bytes digits;
    for (std::size_t v = length; v > 0; v >>= 8)
        digits.insert(digits.begin(), static_cast<std::uint8_t>(v));
    digits.insert(digits.begin(), static_cast<std::uint8_t>(0x80 | digits.size()));
    return digits;
}

Bytes encodeTlv(std::uint32_t tag, ByteView value) {
    Bytes out;
    if (tag > 0xffff) out.push_back(static_cast<std::uint8_t>(tag >> 16));
    if (tag > 0xff) out.push_back(static_cast<std::uint8_t>(tag >> 8));
    out.push_back(static_cast<std::uint8_t>(tag));
    auto length = encodeLength(value.size());
    out.insert(out.end(), length.begin(), length.end());
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

}  // namespace dvc::emrtd
