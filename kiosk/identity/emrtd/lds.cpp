#include "identity/emrtd/lds.h"

#include <array>

namespace dvc::emrtd {
namespace {

constexpr std::array<std::uint8_t, 16> kDataGroupTags = {
    0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

LdsError tlvError(const TlvError& e, const char* what) {
    return LdsError{LdsError::Kind::Tlv, what, e.kind};
}

}  // namespace

std::optional<std::uint16_t> dataGroupFid(int dataGroup) {
    if (dataGroup < 1 || dataGroup > 16) return std::nullopt;
    return static_cast<std::uint16_t>(0x0100 + dataGroup);
}

std::optional<std::uint8_t> dataGroupTag(int dataGroup) {
    if (dataGroup < 1 || dataGroup > 16) return std::nullopt;
    return kDataGroupTags[static_cast<std::size_t>(dataGroup - 1)];
}

std::optional<int> dataGroupFromTag(std::uint32_t tag) {
    for (std::size_t i = 0; i < kDataGroupTags.size(); ++i)
        if (kDataGroupTags[i] == tag) return static_cast<int>(i + 1);
    return std::nullopt;
}

std::optional<int> dataGroupFromFid(std::uint16_t fileId) {
    if (fileId < 0x0101 || fileId > 0x0110) return std::nullopt;
    return fileId - 0x0100;
}

const char* ldsErrorName(LdsError::Kind kind) {
    switch (kind) {
        case LdsError::Kind::Tlv:
            return "tlv";
        case LdsError::Kind::UnexpectedTag:
            return "unexpected_tag";
        case LdsError::Kind::MissingField:
            return "missing_field";
        case LdsError::Kind::BadValue:
            return "bad_value";
        case LdsError::Kind::Unsupported:
            return "unsupported";
    }
    return "unknown";
}

std::string describe(const LdsError& error) {
    std::string out = ldsErrorName(error.kind);
    if (error.kind == LdsError::Kind::Tlv) out += std::string("(") + tlvErrorName(error.tlv) + ")";
    if (!error.what.empty()) out += " at " + error.what;
    return out;
}

Result<ByteView, LdsError> unwrapFile(ByteView file, std::uint32_t expectedTag, const char* name) {
    std::size_t offset = 0;
    auto outer = readTlv(file, offset);
    if (!outer) return fail(tlvError(outer.error(), name));
    if (outer->tag != expectedTag) return fail(LdsError{LdsError::Kind::UnexpectedTag, name});
    // Files are read in whole blocks; some cards pad after the element with 00 or FF. Padding
    // is tolerated, anything else after the element is not.
    for (std::size_t i = offset; i < file.size(); ++i)
        if (file[i] != 0x00 && file[i] != 0xFF)
            return fail(LdsError{LdsError::Kind::Tlv, name, TlvError::Kind::TrailingData});
    return outer->value;
}

namespace {

std::string dotted(ByteView digits, std::size_t groupSize) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); i += groupSize) {
        if (!out.empty()) out += '.';
        std::string group(digits.begin() + static_cast<std::ptrdiff_t>(i),
                          digits.begin() + static_cast<std::ptrdiff_t>(i + groupSize));
        while (group.size() > 1 && group.front() == '0') group.erase(group.begin());
        out += group;
    }
    return out;
}

bool allDigits(ByteView v) {
    for (auto c : v)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

Result<EfCom, LdsError> parseEfCom(ByteView file) {
    auto body = unwrapFile(file, kEfComTag, "EF.COM");
    if (!body) return fail(body.error());
    auto elements = parseAll(*body);
    if (!elements) return fail(tlvError(elements.error(), "EF.COM"));

    EfCom com;
    bool haveTagList = false;
    for (const auto& e : *elements) {
        if (e.tag == 0x5F01) {
            if (e.value.size() != 4 || !allDigits(e.value))
                return fail(LdsError{LdsError::Kind::BadValue, "EF.COM 5F01"});
            com.ldsVersion = dotted(e.value, 2);
        } else if (e.tag == 0x5F36) {
            if (e.value.size() != 6 || !allDigits(e.value))
                return fail(LdsError{LdsError::Kind::BadValue, "EF.COM 5F36"});
            com.unicodeVersion = dotted(e.value, 2);
        } else if (e.tag == 0x5C) {
            haveTagList = true;
            for (auto tag : e.value) {
                auto dg = dataGroupFromTag(tag);
                if (!dg) return fail(LdsError{LdsError::Kind::BadValue, "EF.COM 5C"});
                com.dataGroups.push_back(*dg);
            }
        }
    }
    if (com.ldsVersion.empty()) return fail(LdsError{LdsError::Kind::MissingField, "EF.COM 5F01"});
    if (!haveTagList) return fail(LdsError{LdsError::Kind::MissingField, "EF.COM 5C"});
    return com;
}

Bytes encodeEfCom(const std::vector<int>& dataGroups) {
    const std::string lds = "0107";
    const std::string unicode = "040000";
    Bytes tags;
    for (int dg : dataGroups)
        if (auto tag = dataGroupTag(dg)) tags.push_back(*tag);
    Bytes body =
        concat({encodeTlv(0x5F01, Bytes(lds.begin(), lds.end())),
                encodeTlv(0x5F36, Bytes(unicode.begin(), unicode.end())), encodeTlv(0x5C, tags)});
    return encodeTlv(kEfComTag, body);
}

}  // namespace dvc::emrtd
