#pragma once
// Wires the Kiosk API v1 onto an httplib server: the implemented operations, 501 for the
// operations of the contract the reference gateway does not implement yet, and problem+json
// for every error (unknown path 404, wrong method 405, too large 413, exceptions 500).
#include <httplib.h>

#include <cstddef>

#include "server/store.h"

namespace dvc::gateway {

inline constexpr std::size_t kDefaultPayloadLimit = 1024 * 1024;

// The store must outlive the server.
void installRoutes(httplib::Server& server, GatewayStore& store,
                   std::size_t payloadLimit = kDefaultPayloadLimit);

}  // namespace dvc::gateway
