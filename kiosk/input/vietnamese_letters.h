#pragma once
// Vietnamese letters as base + mark + tone, and back to precomposed (NFC) code points.
// The input methods and the form validators share this one table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dvc::vn {

// The six tones, in the order of the quốc ngữ tables: ngang, sắc, huyền, hỏi, ngã, nặng.
enum class Tone : std::uint8_t { None, Acute, Grave, Hook, Tilde, Dot };

// Diacritics that make a new letter: â ê ô (circumflex), ă (breve), ơ ư (horn), đ (stroke).
enum class Mark : std::uint8_t { None, Circumflex, Breve, Horn, Stroke };

struct Letter {
    char32_t base = 0;  // lowercase ASCII letter a–z
    Mark mark = Mark::None;
    Tone tone = Tone::None;
    bool upper = false;
};

// An ASCII letter or a precomposed Vietnamese letter (ă â đ ê ô ơ ư and the toned vowels, both
// cases) as a Letter; nullopt for anything else, including combining marks (not NFC).
std::optional<Letter> decompose(char32_t cp);

// The precomposed code point; nullopt for a combination Vietnamese does not have (e.g. a tone
// on a consonant, a horn on a).
std::optional<char32_t> compose(const Letter& letter);

bool isVowel(char32_t base);

// UTF-8 ⇄ UTF-32. Invalid or truncated sequences decode to U+FFFD, never past the input.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view text);

// True if the code point is a combining diacritical mark (U+0300–U+036F): text holding one is
// not NFC as this project writes Vietnamese.
bool isCombiningMark(char32_t cp);

}  // namespace dvc::vn
