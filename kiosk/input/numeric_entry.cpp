#include "input/numeric_entry.h"

namespace dvc {

NumericEntry::NumericEntry(NumericMode mode, std::size_t maxDigits)
    : mode_(mode),
      maxDigits_(mode == NumericMode::Date    ? 8
                 : maxDigits > 0              ? maxDigits
                 : mode == NumericMode::Money ? 15
                                              : 20) {}

bool NumericEntry::press(char key) {
    if (key < '0' || key > '9') return false;
    if (mode_ == NumericMode::Money && digits_ == "0") digits_.clear();  // 0 then 5 is 5 đồng
    if (digits_.size() >= maxDigits_) return false;
    digits_ += key;
    return true;
}

void NumericEntry::backspace() {
    if (!digits_.empty()) digits_.pop_back();
}

std::string NumericEntry::display() const {
    switch (mode_) {
        case NumericMode::Digits:
            return digits_;
        case NumericMode::Date: {
            std::string out;
            for (std::size_t i = 0; i < digits_.size(); ++i) {
                if (i == 2 || i == 4) out += '/';
                out += digits_[i];
            }
            return out;
        }
        case NumericMode::Money: {
            std::string out;
            for (std::size_t i = 0; i < digits_.size(); ++i) {
                if (i > 0 && (digits_.size() - i) % 3 == 0) out += '.';
                out += digits_[i];
            }
            return out;
        }
    }
    return digits_;
}

std::string NumericEntry::value() const {
    if (mode_ != NumericMode::Date) return digits_;
    if (digits_.size() != 8) return {};
    return digits_.substr(4, 4) + "-" + digits_.substr(2, 2) + "-" + digits_.substr(0, 2);
}

void NumericEntry::setValue(std::string_view value) {
    std::string digits;
    for (char c : value)
        if (c >= '0' && c <= '9') digits += c;
    // A stored date is YYYY-MM-DD; the pad types dd mm yyyy.
    if (mode_ == NumericMode::Date && digits.size() == 8 && value.size() == 10 && value[4] == '-')
        digits = digits.substr(6, 2) + digits.substr(4, 2) + digits.substr(0, 4);
    if (mode_ == NumericMode::Money) {
        std::size_t nz = digits.find_first_not_of('0');
        digits = nz == std::string::npos ? (digits.empty() ? "" : "0") : digits.substr(nz);
    }
    if (digits.size() > maxDigits_) digits.resize(maxDigits_);
    digits_ = digits;
}

bool NumericEntry::complete() const {
    if (mode_ == NumericMode::Date) return digits_.size() == 8;
    if (mode_ == NumericMode::Money) return !digits_.empty();
    return digits_.size() == maxDigits_;
}

std::string groupThousands(long long amount) {
    bool negative = amount < 0;
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(amount)
                                            : static_cast<unsigned long long>(amount);
    std::string digits = std::to_string(magnitude), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

}  // namespace dvc
