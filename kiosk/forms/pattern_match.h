#pragma once
// The schema's `pattern` (an ECMAScript regular expression over the whole value). Kept in one
// file so std::regex is compiled once in the project.
#include <optional>
#include <string>
#include <string_view>

namespace dvc::forms {

// nullopt if the pattern compiles; else the library's reason.
std::optional<std::string> patternError(const std::string& pattern);

// True if the whole value matches. Values are length-checked by the caller first (std::regex
// recurses per character); an invalid pattern matches nothing.
bool matchesPattern(const std::string& pattern, const std::string& value);

}  // namespace dvc::forms
