#include "identity/emrtd/der.h"

#include <charconv>
#include <vector>

#include "identity/emrtd/tlv.h"

namespace dvc::emrtd::der {

std::optional<std::uint32_t> decodeSmallInteger(ByteView value) {
    if (value.empty() || (value[0] & 0x80)) return std::nullopt;
    while (value.size() > 1 && value[0] == 0) value = value.subspan(1);
    if (value.size() > 4) return std::nullopt;
    std::uint32_t out = 0;
    for (auto b : value) out = out << 8 | b;
    return out;
}

Bytes encodeInteger(std::uint32_t value) {
    Bytes digits;
    do {
        digits.insert(digits.begin(), static_cast<std::uint8_t>(value));
        value >>= 8;
    } while (value != 0);
    if (digits[0] & 0x80) digits.insert(digits.begin(), 0);
    return encodeTlv(kInteger, digits);
}

std::optional<std::string> decodeOid(ByteView value) {
    if (value.empty()) return std::nullopt;
    std::vector<std::uint64_t> arcs;
    std::uint64_t current = 0;
    bool inArc = false;
    for (auto b : value) {
        if (current > (std::uint64_t{1} << 56)) return std::nullopt;
        current = current << 7 | (b & 0x7Fu);
        inArc = (b & 0x80) != 0;
        if (!inArc) {
            arcs.push_back(current);
            current = 0;
        }
    }
    if (inArc) return std::nullopt;
    std::uint64_t first = arcs[0] < 40 ? 0 : arcs[0] < 80 ? 1 : 2;
    std::string out = std::to_string(first) + "." + std::to_string(arcs[0] - first * 40);
    for (std::size_t i = 1; i < arcs.size(); ++i) out += "." + std::to_string(arcs[i]);
    return out;
}

std::optional<Bytes> encodeOidValue(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    std::size_t pos = 0;
    while (pos <= dotted.size()) {
        auto end = dotted.find('.', pos);
        if (end == std::string_view::npos) end = dotted.size();
        std::uint64_t arc = 0;
        auto [ptr, ec] = std::from_chars(dotted.data() + pos, dotted.data() + end, arc);
        if (ec != std::errc() || ptr != dotted.data() + end) return std::nullopt;
        arcs.push_back(arc);
        pos = end + 1;
    }
    if (arcs.size() < 2 || arcs[0] > 2) return std::nullopt;
    Bytes out;
    auto append = [&](std::uint64_t arc) {
        Bytes groups;
        do {
            groups.insert(groups.begin(), static_cast<std::uint8_t>(arc & 0x7F));
            arc >>= 7;
        } while (arc != 0);
        for (std::size_t i = 0; i + 1 < groups.size(); ++i) groups[i] |= 0x80;
        out.insert(out.end(), groups.begin(), groups.end());
    };
    append(arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i) append(arcs[i]);
    return out;
}

Bytes encodeOid(std::string_view dotted) {
    auto value = encodeOidValue(dotted);
    return value ? encodeTlv(kOid, *value) : Bytes{};
}

bool isValidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80           ? 1
                        : (b >> 5) == 0x6  ? 2
                        : (b >> 4) == 0xE  ? 3
                        : (b >> 3) == 0x1E ? 4
                                           : 0;
        if (n == 0 || i + n > s.size()) return false;
        if (n == 2 && b < 0xC2) return false;  // overlong
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace dvc::emrtd::der
