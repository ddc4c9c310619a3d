#include "domain/dossier_code.h"

#include <cctype>
#include <chrono>

namespace dvc {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnumUpper(char c) { return isDigit(c) || (c >= 'A' && c <= 'Z'); }

bool validDate(std::string_view yymmdd) {
    int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
    using namespace std::chrono;
    return year_month_day{year{2000 + yy}, month{static_cast<unsigned>(mm)},
                          day{static_cast<unsigned>(dd)}}
        .ok();
}
}  // namespace

bool isValidDossierCode(std::string_view code) {
    if (code.size() > 64) return false;
    auto dash2 = code.rfind('-');
    if (dash2 == std::string_view::npos) return false;
    auto dash1 = code.rfind('-', dash2 == 0 ? 0 : dash2 - 1);
    if (dash1 == std::string_view::npos || dash1 == 0) return false;
    std::string_view agency = code.substr(0, dash1);
    std::string_view date = code.substr(dash1 + 1, dash2 - dash1 - 1);
    std::string_view seq = code.substr(dash2 + 1);
    if (date.size() != 6 || seq.size() < 4 || seq.size() > 6) return false;
    for (char c : date)
        if (!isDigit(c)) return false;
    for (char c : seq)
        if (!isDigit(c)) return false;
    if (!validDate(date)) return false;
    bool segmentHasChar = false;
    for (char c : agency) {
        if (c == '.') {
            if (!segmentHasChar) return false;
            segmentHasChar = false;
        } else if (isAlnumUpper(c)) {
            segmentHasChar = true;
        } else {
            return false;
        }
    }
    return segmentHasChar;
}

std::optional<std::string> extractDossierCode(std::string_view text) {
    std::string upper;
    upper.reserve(text.size());
    for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // Try every maximal run of code characters; receipts may wrap the code in a URL or label.
    auto isCodeChar = [](char c) { return isAlnumUpper(c) || c == '.' || c == '-'; };
    std::size_t i = 0;
    while (i < upper.size()) {
        while (i < upper.size() && !isCodeChar(upper[i])) ++i;
        std::size_t start = i;
        while (i < upper.size() && isCodeChar(upper[i])) ++i;
        std::string_view run(upper.data() + start, i - start);
        while (!run.empty() && (run.back() == '.' || run.back() == '-')) run.remove_suffix(1);
        while (!run.empty() && (run.front() == '.' || run.front() == '-')) run.remove_prefix(1);
        if (isValidDossierCode(run)) return std::string(run);
    }
    return std::nullopt;
}

std::string redactDossierCode(std::string_view code) {
    auto dash = code.rfind('-');
    if (dash == std::string_view::npos) return "****";
    return std::string(code.substr(0, dash + 1)) + "****";
}

}  // namespace dvc
