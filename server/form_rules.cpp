#include "server/form_rules.h"

#include <cstdlib>
#include <system_error>

namespace dvc::gateway {

namespace fs = std::filesystem;

Result<FormAssets, std::string> loadFormAssets(const fs::path& assetsDir) {
    auto translations = Translations::load(assetsDir / "i18n");
    if (!translations)
        return fail("explanations in " + (assetsDir / "i18n").string() + ": " +
                    translations.error());
    FormAssets assets{std::move(translations).value(), std::nullopt};
    fs::path units = assetsDir / "data" / "admin_units.json";
    std::error_code ec;
    if (fs::exists(units, ec)) {
        auto loaded = forms::AdminUnits::load(units);
        // A broken file is an error, not a silent fallback to province codes only: addresses
        // the kiosk's pickers accept would be judged differently.
        if (!loaded) return fail(units.string() + ": " + loaded.error());
        assets.adminUnits = std::move(loaded).value();
    }
    return assets;
}

fs::path defaultAssetsDir() {
    if (const char* env = std::getenv("DVC_ASSETS_DIR"); env && *env) return env;
    return DVC_SOURCE_ASSETS;
}

const Result<FormAssets, std::string>& formAssets() {
    static const Result<FormAssets, std::string> assets = loadFormAssets(defaultAssetsDir());
    return assets;
}

}  // namespace dvc::gateway
