#pragma once
// dvc-kioskctl catalog sync | catalog search QUERY [--limit N] [--json] (docs/kioskctl.md):
// the same store, sync and search as the kiosk screen.
#include <filesystem>
#include <string>

#include "portal/portal_client.h"

namespace dvc::kioskctl {

int catalogSync(PortalClient& portal, const std::filesystem::path& db, bool asJson);
int catalogSearch(const std::filesystem::path& db, const std::string& query, int limit,
                  bool asJson);

}  // namespace dvc::kioskctl
