#pragma once
// Counters and queue services from seed/queue_services.json, loaded once (an optional file:
// without it the gateway lists no queue services).
#include <filesystem>
#include <string>

#include "common/result.h"
#include "server/store.h"

namespace dvc::gateway {

struct QueueSeed {
    std::vector<QueueCounterSeed> counters;
    std::vector<QueueServiceSeed> services;
};

// Errors name the file and the entry; a service naming an unknown counter is an error.
Result<QueueSeed, std::string> loadQueueSeed(const std::filesystem::path& file);
// Seeds when the file exists and the store has no services yet; the number of services added.
Result<std::size_t, std::string> seedQueueOnce(GatewayStore& store,
                                               const std::filesystem::path& dir);

}  // namespace dvc::gateway
