#pragma once
// The on-screen numeric pad's model: digits for ID and phone numbers, a date typed as
// dd mm yyyy (the slashes come by themselves), and money in đồng grouped by dots as Vietnamese
// writes it ("1.500.000"). Pure state, no UI.
#include <cstddef>
#include <string>
#include <string_view>

namespace dvc {

enum class NumericMode { Digits, Date, Money };

class NumericEntry {
  public:
    // maxDigits: 12 for a CCCD number, 10 for a phone; a date always takes 8; money defaults
    // to 15 digits (under a quadrillion đồng, well inside int64).
    explicit NumericEntry(NumericMode mode, std::size_t maxDigits = 0);

    // A key of the pad; false when refused (not a digit, full, a leading zero on money).
    bool press(char key);
    void backspace();
    void clear() { digits_.clear(); }

    // What the field shows: "0912345678", "14/05/1990" (partial: "14/0"), "1.500.000".
    std::string display() const;
    // What the form stores: the digits; a date as YYYY-MM-DD once all 8 digits are in (else
    // empty); money as its digits ("1500000").
    std::string value() const;
    const std::string& digits() const { return digits_; }
    // Starts from a stored value (digits, YYYY-MM-DD or money digits); other characters are
    // dropped.
    void setValue(std::string_view value);

    NumericMode mode() const { return mode_; }
    bool complete() const;

  private:
    NumericMode mode_;
    std::size_t maxDigits_;
    std::string digits_;
};

// 1500000 → "1.500.000" (negative values keep their sign).
std::string groupThousands(long long amount);

}  // namespace dvc
