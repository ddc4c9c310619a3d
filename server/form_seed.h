#pragma once
// The procedures' form schemas: <seed>/forms/<procedure code>.json, read at every start and
// checked with the core's schema parser (strict: an unknown key is an error). A file whose
// version is higher than the stored one replaces it; a broken file stops the gateway, like a
// broken seed. Procedures must exist in the store first.
#include <cstddef>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "server/store.h"

namespace dvc::gateway {

struct FormSeedReport {
    std::size_t read = 0;     // files checked
    std::size_t written = 0;  // new or newer versions stored
};

Result<FormSeedReport, std::string> seedForms(GatewayStore& store,
                                              const std::filesystem::path& seedDir);

}  // namespace dvc::gateway
