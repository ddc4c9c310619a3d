#include "identity/emrtd/link_model.h"

namespace dvc::emrtd {

std::size_t LinkModel::airBytes(std::size_t apduBytes) const {
    const std::size_t perBlock = frameSize > blockOverhead ? frameSize - blockOverhead : 1;
    const std::size_t blocks = apduBytes == 0 ? 1 : (apduBytes + perBlock - 1) / perBlock;
    return apduBytes + blocks * blockOverhead + (blocks - 1) * acknowledgement;
}

double LinkModel::seconds(const LinkCounters& counters) const {
    std::size_t bytes = 0;
    for (const auto& e : counters.exchanges)
        bytes += airBytes(e.commandBytes) + airBytes(e.responseBytes);
    return static_cast<double>(bytes) * 8.0 / bitsPerSecond +
           static_cast<double>(counters.exchanges.size()) * turnaroundSeconds;
}

double LinkModel::payloadSeconds(std::size_t payloadBytes) const {
    return static_cast<double>(payloadBytes) * 8.0 / bitsPerSecond;
}

}  // namespace dvc::emrtd
