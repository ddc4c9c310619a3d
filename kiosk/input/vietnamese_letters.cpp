#include "input/vietnamese_letters.h"

#include <array>
#include <map>

#include "common/utf8.h"

namespace dvc::vn {

namespace {

struct VowelRow {
    char32_t base;
    Mark mark;
    std::string_view lower;  // six code points: the tones in Tone order
    std::string_view upper;
};

constexpr std::array<VowelRow, 12> kVowelRows{{
    {U'a', Mark::None, "aáàảãạ", "AÁÀẢÃẠ"},
    {U'a', Mark::Breve, "ăắằẳẵặ", "ĂẮẰẲẴẶ"},
    {U'a', Mark::Circumflex, "âấầẩẫậ", "ÂẤẦẨẪẬ"},
    {U'e', Mark::None, "eéèẻẽẹ", "EÉÈẺẼẸ"},
    {U'e', Mark::Circumflex, "êếềểễệ", "ÊẾỀỂỄỆ"},
    {U'i', Mark::None, "iíìỉĩị", "IÍÌỈĨỊ"},
    {U'o', Mark::None, "oóòỏõọ", "OÓÒỎÕỌ"},
    {U'o', Mark::Circumflex, "ôốồổỗộ", "ÔỐỒỔỖỘ"},
    {U'o', Mark::Horn, "ơớờởỡợ", "ƠỚỜỞỠỢ"},
    {U'u', Mark::None, "uúùủũụ", "UÚÙỦŨỤ"},
    {U'u', Mark::Horn, "ưứừửữự", "ƯỨỪỬỮỰ"},
    {U'y', Mark::None, "yýỳỷỹỵ", "YÝỲỶỸỴ"},
}};

using Key = std::uint32_t;  // base, mark, tone, upper packed
Key keyOf(const Letter& l) {
    return (static_cast<Key>(l.base) << 16) | (static_cast<Key>(l.mark) << 8) |
           (static_cast<Key>(l.tone) << 1) | (l.upper ? 1u : 0u);
}

struct Tables {
    std::map<char32_t, Letter> toLetter;
    std::map<Key, char32_t> toCodepoint;

    void add(char32_t cp, Letter l) {
        toLetter[cp] = l;
        toCodepoint[keyOf(l)] = cp;
    }

    Tables() {
        for (char32_t c = U'a'; c <= U'z'; ++c) {
            add(c, {c, Mark::None, Tone::None, false});
            add(c - 32, {c, Mark::None, Tone::None, true});
        }
        add(U'đ', {U'd', Mark::Stroke, Tone::None, false});
        add(U'Đ', {U'd', Mark::Stroke, Tone::None, true});
        for (const auto& row : kVowelRows) {
            for (bool upper : {false, true}) {
                auto cps = decodeUtf8(upper ? row.upper : row.lower);
                for (std::size_t t = 0; t < cps.size(); ++t)
                    add(cps[t], {row.base, row.mark, static_cast<Tone>(t), upper});
            }
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

std::optional<Letter> decompose(char32_t cp) {
    const auto& m = tables().toLetter;
    auto it = m.find(cp);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

std::optional<char32_t> compose(const Letter& letter) {
    const auto& m = tables().toCodepoint;
    auto it = m.find(keyOf(letter));
    if (it == m.end()) return std::nullopt;
    return it->second;
}

bool isVowel(char32_t base) {
    switch (base) {
        case U'a':
        case U'e':
        case U'i':
        case U'o':
        case U'u':
        case U'y':
            return true;
        default:
            return false;
    }
}

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xE  ? 3
                          : (lead >> 3) == 0x1E ? 4
                                                : 0;
        if (len == 0 || i + len > text.size()) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
        bool valid = true;
        for (std::size_t k = 1; k < len; ++k) {
            auto c = static_cast<unsigned char>(text[i + k]);
            if ((c & 0xC0) != 0x80) {
                valid = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not text.
        static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
        if (!valid || cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        out += cp;
        i += len;
    }
    return out;
}

std::string encodeUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) appendUtf8(out, cp);
    return out;
}

bool isCombiningMark(char32_t cp) {
    return cp >= 0x300 && cp <= 0x36F;
}

}  // namespace dvc::vn
