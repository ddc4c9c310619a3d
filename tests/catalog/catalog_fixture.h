#pragma once
// A catalogue store in a fresh temp folder, filled from the gateway's seed file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "catalog/catalog_store.h"
#include "catalog/generator/synthetic_catalog.h"

namespace dvc::catalog::test {

inline std::filesystem::path freshDir(const std::string& name) {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() /
               ("dvc-catalog-" + name + "-" + std::to_string(rd()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::vector<ProcedureDetail> seedDetails() {
    auto seed = loadProcedureFile(std::filesystem::path(DVC_SOURCE_SEED) / "procedures.json");
    REQUIRE(seed.ok());
    return seed.value();
}

inline CatalogPage seedPage(int version = 7) {
    CatalogPage page;
    page.version = version;
    page.etag = "\"catalog-v" + std::to_string(version) + "\"";
    page.full = true;
    for (const auto& d : seedDetails()) page.procedures.push_back(d.summary);
    return page;
}

inline std::unique_ptr<CatalogStore> openStore(const std::filesystem::path& file) {
    auto store = CatalogStore::open(file);
    REQUIRE(store.ok());
    return std::move(store).value();
}

}  // namespace dvc::catalog::test
