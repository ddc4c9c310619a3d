#pragma once
// Fills an empty gateway database from the JSON files of a seed directory, once:
//   procedures.json (required), dossiers.json and maintenance_notices.json (optional).
// A meta row records the seed, so a second start never duplicates rows.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "server/store.h"

namespace dvc::gateway {

struct SeedReport {
    bool seeded = false;  // false: the database had been seeded before; nothing was read
    std::size_t procedures = 0;
    std::size_t dossiers = 0;
    std::size_t notices = 0;
    std::vector<std::string> warnings;  // free of personal data (codes redacted)
};

// Reads and validates the seed files. Errors name the file, the entry index and the field;
// dossier codes in messages are redacted, personal fields never appear.
Result<SeedData, std::string> loadSeedDir(const std::filesystem::path& dir,
                                          std::vector<std::string>* warnings = nullptr);

// Seeds the store from dir unless it was seeded already; everything in one transaction.
Result<SeedReport, std::string> seedOnce(GatewayStore& store, const std::filesystem::path& dir);

}  // namespace dvc::gateway
