#pragma once
#include <optional>

#include "cli_options.h"

namespace dvc::kioskctl {

// `printer list|test|status` and `queue ticket`; nullopt when the words are none of these.
std::optional<int> runPrinterCommand(const CliOptions& options);

}  // namespace dvc::kioskctl
