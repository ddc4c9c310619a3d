#pragma once
// Folding Vietnamese text for search: what a citizen types without tones (or with the wrong
// ones) must meet what the catalogue says with them. SQLite's unicode61 tokenizer removes
// tones but keeps đ, so we fold ourselves, identically for the index and the query.
#include <string>
#include <string_view>
#include <vector>

namespace dvc::catalog {

// Lower-case ASCII: tones and vowel marks removed (ắ → a, ư → u), đ/Đ → d, combining marks
// dropped (so NFD input folds like NFC), every character that is not a letter or digit becomes
// a single space; no leading/trailing space. "Đăng ký khai-sinh!" → "dang ky khai sinh".
// Letters outside Vietnamese's alphabet are kept as UTF-8, lower-cased where ASCII.
std::string foldForSearch(std::string_view text);

// The folded words of text, in order.
std::vector<std::string> foldedWords(std::string_view text);

}  // namespace dvc::catalog
