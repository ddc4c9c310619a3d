#pragma once
// Test and bench data: a large, realistic catalogue built by combining the shapes of real
// procedure names (action + object + qualifier, as the national database words them), and the
// gateway's seed file read as procedure details.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/procedure_detail.h"

namespace dvc::catalog {

// `count` distinct procedures with codes "9.NNNNNN" (never a real code), deterministic for a
// given seed; versions spread over 1…50.
std::vector<ProcedureSummary> syntheticCatalog(std::size_t count, std::uint32_t seed = 1);

// server/seed/procedures.json (an array of ProcedureDetail objects).
Result<std::vector<ProcedureDetail>, std::string> loadProcedureFile(
    const std::filesystem::path& file);

}  // namespace dvc::catalog
