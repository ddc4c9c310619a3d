#pragma once
// What the dossier endpoint needs, besides a procedure's form schema, to judge a submitted form
// with the kiosk's own rules (kiosk/forms): the explanations of assets/i18n (FieldError
// messages in Vietnamese and English) and the administrative units of
// assets/data/admin_units.json (address codes are checked against the same lists the kiosk's
// pickers show).
#include <filesystem>
#include <optional>

#include "common/result.h"
#include "forms/admin_units.h"
#include "i18n/translations.h"

namespace dvc::gateway {

struct FormAssets {
    Translations translations;
    std::optional<forms::AdminUnits> adminUnits;  // absent: province codes only
};

// i18n/{vi,en}.json are required; data/admin_units.json is used when present.
Result<FormAssets, std::string> loadFormAssets(const std::filesystem::path& assetsDir);

// $DVC_ASSETS_DIR, else the source tree's assets/ (a development build).
std::filesystem::path defaultAssetsDir();

// The process's assets, loaded from defaultAssetsDir() on first use and kept (read-only, so
// the request threads share them). main() calls it at start and refuses to run without them.
const Result<FormAssets, std::string>& formAssets();

}  // namespace dvc::gateway
