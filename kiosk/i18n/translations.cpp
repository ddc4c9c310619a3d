#include "i18n/translations.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace dvc {

namespace {
Result<std::map<std::string, std::string>, std::string> loadTable(
    const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return fail("cannot open " + file.string());
    try {
        auto j = nlohmann::json::parse(in);
        return j.get<std::map<std::string, std::string>>();
    } catch (const nlohmann::json::exception& e) {
        return fail(file.string() + ": " + e.what());
    }
}
}  // namespace

Result<Translations, std::string> Translations::load(const std::filesystem::path& i18nDir) {
    auto vi = loadTable(i18nDir / "vi.json");
    if (!vi) return fail(vi.error());
    auto en = loadTable(i18nDir / "en.json");
    if (!en) return fail(en.error());
    Translations t;
    t.vi_ = std::move(vi).value();
    t.en_ = std::move(en).value();
    return t;
}

const std::string& Translations::text(Language lang, const std::string& key) const {
    const auto& table = lang == Language::English ? en_ : vi_;
    auto it = table.find(key);
    return it == table.end() ? key : it->second;
}

const std::map<std::string, std::string>& Translations::table(Language lang) const {
    return lang == Language::English ? en_ : vi_;
}

}  // namespace dvc
