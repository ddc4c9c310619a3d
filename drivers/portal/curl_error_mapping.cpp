#include "curl_error_mapping.h"

#include "api/json_mapping.h"

namespace dvc {

PortalErrorKind portalErrorKindFor(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: return PortalErrorKind::Timeout;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_USE_SSL_FAILED: return PortalErrorKind::TlsFailure;
        case CURLE_WEIRD_SERVER_REPLY:
        case CURLE_BAD_CONTENT_ENCODING:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_FILESIZE_EXCEEDED: return PortalErrorKind::BadResponse;
        default: return PortalErrorKind::Unreachable;
    }
}

PortalError portalErrorFromHttp(long status, const std::string& body) {
    PortalError e;
    e.httpStatus = static_cast<int>(status);
    if (status == 404) e.kind = PortalErrorKind::NotFound;
    else if (status >= 500) e.kind = PortalErrorKind::ServerError;
    else if (status >= 400) e.kind = PortalErrorKind::InvalidRequest;
    else e.kind = PortalErrorKind::BadResponse;  // 1xx/3xx where JSON was promised
    auto problem = parseJson<Problem>(body);
    if (problem) {
        e.code = problem->code;
        e.message = problem->message;
        e.fieldErrors = problem->errors;
        e.detail = "HTTP " + std::to_string(status) + " " + problem->code;
    } else {
        e.detail = "HTTP " + std::to_string(status) + " without a problem body";
        // A 404 that is not the API's own problem answer means the URL is wrong, not that the
        // dossier is missing: the technician must fix the configuration.
        if (status == 404) e.kind = PortalErrorKind::BadResponse;
    }
    return e;
}

}  // namespace dvc
