#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace dvc {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view s);
// The first UTF-8 encoded code point of s (empty if s is empty).
std::string_view firstCodepoint(std::string_view s);
// Number of code points (invalid bytes count as one each).
std::size_t codepointCount(std::string_view s);
// Appends the UTF-8 encoding of a code point.
void appendUtf8(std::string& out, char32_t cp);
// Removes the last code point; returns false if s was empty.
bool popCodepoint(std::string& s);

}  // namespace dvc
