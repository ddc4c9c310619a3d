#include "identity/emrtd/apdu.h"

#include <cstdio>

namespace dvc::emrtd {

const char* apduErrorName(ApduError::Kind kind) {
    switch (kind) {
        case ApduError::Kind::TooShort:
            return "too_short";
        case ApduError::Kind::LengthMismatch:
            return "length_mismatch";
        case ApduError::Kind::TooLong:
            return "too_long";
    }
    return "unknown";
}

Result<Bytes, ApduError> encodeCommand(const CommandApdu& c, bool extended) {
    if (c.data.size() > 65535 || c.ne > kMaxExtendedNe)
        return fail(ApduError{ApduError::Kind::TooLong});
    extended = extended || c.needsExtendedLength();
    Bytes out{c.cla, c.ins, c.p1, c.p2};
    auto put16 = [&out](std::size_t v) {
        out.push_back(static_cast<std::uint8_t>(v >> 8 & 0xff));
        out.push_back(static_cast<std::uint8_t>(v & 0xff));
    };
    if (!c.data.empty()) {
        if (extended) {
            out.push_back(0x00);
            put16(c.data.size());
        } else {
            out.push_back(static_cast<std::uint8_t>(c.data.size()));
        }
        out.insert(out.end(), c.data.begin(), c.data.end());
    }
    if (c.ne > 0) {
        if (extended) {
            if (c.data.empty()) out.push_back(0x00);
            put16(c.ne == kMaxExtendedNe ? 0 : c.ne);
        } else {
            out.push_back(static_cast<std::uint8_t>(c.ne == kMaxShortNe ? 0 : c.ne));
        }
    }
    return out;
}

Result<Bytes, ApduError> CommandApdu::encode() const {
    return encodeCommand(*this, false);
}

Result<CommandApdu, ApduError> CommandApdu::parse(ByteView apdu) {
    if (apdu.size() < 4) return fail(ApduError{ApduError::Kind::TooShort});
    CommandApdu c;
    c.cla = apdu[0];
    c.ins = apdu[1];
    c.p1 = apdu[2];
    c.p2 = apdu[3];
    const std::size_t n = apdu.size();
    auto mismatch = [] { return fail(ApduError{ApduError::Kind::LengthMismatch}); };
    if (n == 4) return c;
    if (n == 5) {  // case 2 short
        c.ne = apdu[4] == 0 ? kMaxShortNe : apdu[4];
        return c;
    }
    if (apdu[4] != 0) {  // case 3 or 4 short
        const std::size_t lc = apdu[4];
        if (n == 5 + lc) {
            c.data.assign(apdu.begin() + 5, apdu.end());
            return c;
        }
        if (n == 6 + lc) {
            c.data.assign(apdu.begin() + 5, apdu.begin() + 5 + static_cast<std::ptrdiff_t>(lc));
            c.ne = apdu[n - 1] == 0 ? kMaxShortNe : apdu[n - 1];
            return c;
        }
        return mismatch();
    }
    // Extended: 00 followed by two length bytes.
    if (n < 7) return mismatch();
    const std::size_t first = static_cast<std::size_t>(apdu[5]) << 8 | apdu[6];
    if (n == 7) {  // case 2 extended
        c.ne = first == 0 ? kMaxExtendedNe : first;
        return c;
    }
    const std::size_t lc = first;
    if (lc == 0) return mismatch();
    if (n == 7 + lc) {
        c.data.assign(apdu.begin() + 7, apdu.end());
        return c;
    }
    if (n == 9 + lc) {
        c.data.assign(apdu.begin() + 7, apdu.begin() + 7 + static_cast<std::ptrdiff_t>(lc));
        const std::size_t le = static_cast<std::size_t>(apdu[n - 2]) << 8 | apdu[n - 1];
        c.ne = le == 0 ? kMaxExtendedNe : le;
        return c;
    }
    return mismatch();
}

Bytes ResponseApdu::encode() const {
    Bytes out = data;
    out.push_back(static_cast<std::uint8_t>(sw >> 8));
    out.push_back(static_cast<std::uint8_t>(sw & 0xff));
    return out;
}

Result<ResponseApdu, ApduError> ResponseApdu::parse(ByteView apdu) {
    if (apdu.size() < 2) return fail(ApduError{ApduError::Kind::TooShort});
    ResponseApdu r;
    r.data.assign(apdu.begin(), apdu.end() - 2);
    r.sw = static_cast<std::uint16_t>(apdu[apdu.size() - 2] << 8 | apdu[apdu.size() - 1]);
    return r;
}

std::string statusWordName(std::uint16_t sw) {
    const char* text = nullptr;
    switch (sw) {
        case 0x9000:
            text = "ok";
            break;
        case 0x6282:
            text = "end of file reached before Le bytes";
            break;
        case 0x6300:
            text = "authentication failed";
            break;
        case 0x6700:
            text = "wrong length";
            break;
        case 0x6982:
            text = "security status not satisfied";
            break;
        case 0x6983:
            text = "authentication method blocked";
            break;
        case 0x6985:
            text = "conditions of use not satisfied";
            break;
        case 0x6986:
            text = "command not allowed (no current EF)";
            break;
        case 0x6987:
            text = "expected secure messaging data objects missing";
            break;
        case 0x6988:
            text = "incorrect secure messaging data objects";
            break;
        case 0x6A80:
            text = "incorrect data";
            break;
        case 0x6A82:
            text = "file or application not found";
            break;
        case 0x6A86:
            text = "incorrect P1 P2";
            break;
        case 0x6A88:
            text = "referenced data not found";
            break;
        case 0x6B00:
            text = "wrong parameters (offset outside the EF)";
            break;
        case 0x6D00:
            text = "instruction not supported";
            break;
        case 0x6E00:
            text = "class not supported";
            break;
        case 0x6F00:
            text = "no precise diagnosis";
            break;
        default:
            break;
    }
    char code[8];
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(sw));
    if (text) return std::string(code) + " " + text;
    if ((sw & 0xff00) == 0x6100) return std::string(code) + " more response bytes available";
    if ((sw & 0xff00) == 0x6C00) return std::string(code) + " wrong Le";
    if ((sw & 0xfff0) == 0x63C0) return std::string(code) + " verification failed, retries left";
    return std::string(code) + " unknown status";
}

}  // namespace dvc::emrtd
