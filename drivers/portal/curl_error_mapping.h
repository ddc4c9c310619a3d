#pragma once
#include <curl/curl.h>
#include <string>

#include "portal/portal_error.h"

namespace dvc {

// Transport failures → the kind of message the citizen gets.
PortalErrorKind portalErrorKindFor(CURLcode code);

// An HTTP error answer → PortalError, using the problem JSON's code and message when present.
PortalError portalErrorFromHttp(long status, const std::string& body);

}  // namespace dvc
