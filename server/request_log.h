#pragma once
// One log line per request: method, path with personal bits redacted, status, milliseconds.
// Never bodies, query strings or headers.
#include <httplib.h>

#include <string>
#include <string_view>

namespace dvc::gateway {

// "/api/v1/dossiers/000.00.19.H42-261123-0001" → "/api/v1/dossiers/000.00.19.H42-261123-****".
// A segment there that is not a valid code becomes "****", as does a malformed kiosk id or any
// segment holding a long run of digits (an ID number typed into a URL). Control characters
// become '?', and the result is cut at 160 bytes.
std::string redactPathForLog(std::string_view path);

// Installs the pre-routing timer and the logger on server.
void installRequestLog(httplib::Server& server);

}  // namespace dvc::gateway
