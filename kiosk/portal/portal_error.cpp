#include "portal/portal_error.h"

namespace dvc {

const char* kindName(PortalErrorKind kind) {
    switch (kind) {
        case PortalErrorKind::NotFound: return "not_found";
        case PortalErrorKind::InvalidRequest: return "invalid_request";
        case PortalErrorKind::Unreachable: return "unreachable";
        case PortalErrorKind::Timeout: return "timeout";
        case PortalErrorKind::TlsFailure: return "tls_failure";
        case PortalErrorKind::BadResponse: return "bad_response";
        case PortalErrorKind::ServerError: return "server_error";
    }
    return "unknown";
}

}  // namespace dvc
