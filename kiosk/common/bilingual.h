#pragma once
#include <string>

namespace dvc {

enum class Language { Vietnamese, English };

// A message shown to people: always both languages, chosen at display time.
struct BilingualText {
    std::string vi;
    std::string en;
    const std::string& in(Language lang) const { return lang == Language::English ? en : vi; }
};

inline const char* languageCode(Language lang) { return lang == Language::English ? "en" : "vi"; }

}  // namespace dvc
