#pragma once
#include <filesystem>
#include <map>
#include <string>

#include "common/bilingual.h"
#include "common/result.h"

namespace dvc {

// UI strings from assets/i18n/{vi,en}.json (flat objects key → text). Views never hold text.
class Translations {
public:
    static Result<Translations, std::string> load(const std::filesystem::path& i18nDir);
    // The text for key, or the key itself when missing (visible, so it gets fixed).
    const std::string& text(Language lang, const std::string& key) const;
    const std::map<std::string, std::string>& table(Language lang) const;

private:
    std::map<std::string, std::string> vi_, en_;
};

}  // namespace dvc
