#pragma once
#include <string>
#include <vector>

#include "api/problem.h"
#include "common/bilingual.h"

namespace dvc {

// Why a call to the back end failed; each kind has its own message for the citizen.
enum class PortalErrorKind {
    NotFound,        // the thing asked for does not exist (404)
    InvalidRequest,  // the back end refused the request (other 4xx)
    Unreachable,     // no connection (refused, DNS, network down)
    Timeout,         // connected or connecting, but no answer in time
    TlsFailure,      // certificate not trusted, name mismatch, handshake failed
    BadResponse,     // answered, but not with what the API promises (malformed JSON…)
    ServerError,     // 5xx
};

struct PortalError {
    PortalErrorKind kind = PortalErrorKind::Unreachable;
    int httpStatus = 0;
    std::string code;       // the problem's stable code when the gateway sent one
    BilingualText message;  // the gateway's message, if any
    std::string detail;     // for the technician's log; never personal data
    // 422 validation_failed: what to fix, field by field. A default member initializer, so
    // aggregate initialisations written before it stay warning-free.
    std::vector<FieldError> fieldErrors = {};
};

const char* kindName(PortalErrorKind kind);

}  // namespace dvc
