#include "forms/pattern_match.h"

#include <regex>

namespace dvc::forms {

std::optional<std::string> patternError(const std::string& pattern) {
    try {
        std::regex re(pattern, std::regex::ECMAScript);
        return std::nullopt;
    } catch (const std::regex_error& e) {
        return std::string(e.what());
    }
}

bool matchesPattern(const std::string& pattern, const std::string& value) {
    try {
        std::regex re(pattern, std::regex::ECMAScript);
        return std::regex_match(value, re);
    } catch (const std::exception&) {
        return false;  // a bad pattern or a stack-hungry match: never a crash, never a pass
    }
}

}  // namespace dvc::forms
