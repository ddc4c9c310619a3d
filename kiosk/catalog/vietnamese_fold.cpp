#include "catalog/vietnamese_fold.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "common/utf8.h"

namespace dvc::catalog {

namespace {

// Every precomposed Vietnamese letter with its base letter (lower and upper case).
constexpr std::array<std::pair<char, std::string_view>, 7> kLetters{{
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
    {'d', "đĐ"},
}};

// Decodes one code point at s[i], advancing i; invalid bytes decode as U+FFFD, one byte each.
char32_t decode(std::string_view s, std::size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    std::size_t extra = (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 0;
    if (extra == 0 || i + extra >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = b & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
        auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += extra + 1;
    return cp;
}

struct FoldTable {
    std::vector<std::pair<char32_t, char>> entries;  // sorted by code point
    FoldTable() {
        for (const auto& [base, variants] : kLetters) {
            std::size_t i = 0;
            while (i < variants.size()) entries.emplace_back(decode(variants, i), base);
        }
        std::sort(entries.begin(), entries.end());
    }
    char find(char32_t cp) const {
        auto it = std::lower_bound(entries.begin(), entries.end(), std::make_pair(cp, '\0'));
        return (it != entries.end() && it->first == cp) ? it->second : '\0';
    }
};

const FoldTable& foldTable() {
    static const FoldTable table;
    return table;
}

bool isCombiningMark(char32_t cp) {
    return cp >= 0x0300 && cp <= 0x036F;
}

}  // namespace

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    auto emit = [&](auto&& append) {
        if (pendingSpace && !out.empty()) out.push_back(' ');
        pendingSpace = false;
        append();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = decode(text, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z')
                emit([&] { out.push_back(static_cast<char>(c - 'A' + 'a')); });
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                emit([&] { out.push_back(c); });
            else
                pendingSpace = true;
        } else if (isCombiningMark(cp)) {
            continue;  // a tone written as a separate mark (NFD)
        } else if (char base = foldTable().find(cp)) {
            emit([&] { out.push_back(base); });
        } else if (cp == 0xFFFD || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x00A0 ||
                   (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7) {
            pendingSpace = true;  // punctuation, spaces, invalid bytes
        } else {
            emit([&] { appendUtf8(out, cp); });
        }
    }
    return out;
}

std::vector<std::string> foldedWords(std::string_view text) {
    std::vector<std::string> words;
    std::string folded = foldForSearch(text);
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace dvc::catalog
