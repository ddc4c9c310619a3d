#pragma once
#include <string>

#include "portal/portal_client.h"

namespace dvc::kioskctl {

// `status lookup CODE`: prints the dossier (masked applicant) and returns the exit code.
int statusLookup(PortalClient& portal, const std::string& code, bool asJson);

}  // namespace dvc::kioskctl
