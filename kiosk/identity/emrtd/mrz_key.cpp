#include "identity/emrtd/mrz_key.h"

#include <algorithm>

namespace dvc::emrtd {

namespace {

bool isDigits(std::string_view text, std::size_t length) {
    return text.size() == length &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<int> mrzCheckDigit(std::string_view field) {
    static constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const char c = field[i];
        int value;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c >= 'A' && c <= 'Z')
            value = c - 'A' + 10;
        else if (c == '<')
            value = 0;
        else
            return std::nullopt;
        sum += value * kWeights[i % 3];
    }
    return sum % 10;
}

std::optional<std::string> bacMrzInformation(std::string_view documentNumber,
                                             std::string_view dateOfBirth,
                                             std::string_view dateOfExpiry) {
    if (documentNumber.empty() || !isDigits(dateOfBirth, 6) || !isDigits(dateOfExpiry, 6))
        return std::nullopt;
    std::string number(documentNumber);
    while (number.size() < 9) number.push_back('<');
    auto numberCd = mrzCheckDigit(number);
    auto birthCd = mrzCheckDigit(dateOfBirth);
    auto expiryCd = mrzCheckDigit(dateOfExpiry);
    if (!numberCd || !birthCd || !expiryCd) return std::nullopt;
    std::string out = number;
    out += static_cast<char>('0' + *numberCd);
    out += dateOfBirth;
    out += static_cast<char>('0' + *birthCd);
    out += dateOfExpiry;
    out += static_cast<char>('0' + *expiryCd);
    return out;
}

std::optional<std::string> cccdDocumentNumber(std::string_view personalNumber) {
    if (!isDigits(personalNumber, 12)) return std::nullopt;
    return std::string(personalNumber.substr(3));
}

std::optional<std::string> cccdCardAccessNumber(std::string_view personalNumber) {
    if (!isDigits(personalNumber, 12)) return std::nullopt;
    return std::string(personalNumber.substr(6));
}

}  // namespace dvc::emrtd
