#include "privacy/mask.h"

#include <vector>

#include "common/utf8.h"

namespace dvc {

std::string maskPersonName(std::string_view fullName) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < fullName.size()) {
        while (i < fullName.size() && fullName[i] == ' ') ++i;
        std::size_t start = i;
        while (i < fullName.size() && fullName[i] != ' ') ++i;
        if (i > start) words.push_back(fullName.substr(start, i - start));
    }
    if (words.empty()) return {};
    std::string out(words.front());
    for (std::size_t w = 1; w < words.size(); ++w) {
        out += ' ';
        out += firstCodepoint(words[w]);
        out += (w + 1 == words.size()) ? "**" : "***";
    }
    return out;
}

std::string maskIdNumber(std::string_view idNumber) {
    constexpr std::size_t kVisible = 4;
    if (idNumber.size() <= kVisible) return std::string(idNumber.size(), '*');
    return std::string(idNumber.size() - kVisible, '*') +
           std::string(idNumber.substr(idNumber.size() - kVisible));
}

}  // namespace dvc
