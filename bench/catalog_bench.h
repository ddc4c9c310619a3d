#pragma once
#include "gateway_process.h"

namespace dvc::bench {

// Prints catalog_search_keystroke_median/p99 (10,000 procedures, queries typed one character
// at a time) and catalog_delta_sync (against the bench gateway). Returns false on failure.
bool catalogFigures(const test::GatewayProcess& gw);

}  // namespace dvc::bench
