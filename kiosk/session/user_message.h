#pragma once
#include <string>

#include "portal/portal_error.h"
#include "ports/qr_source.h"

namespace dvc {

// The i18n key of the plain message a citizen sees for each failure ("error.*").
std::string messageKeyFor(PortalErrorKind kind);
std::string messageKeyFor(QrScanFailure failure);

}  // namespace dvc
