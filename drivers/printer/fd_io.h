#pragma once
// Blocking-with-deadline write and read on a file descriptor (poll), shared by the TCP and
// device-file transports.
#include <chrono>
#include <cstdint>
#include <vector>

#include "printer_transport.h"

namespace dvc::fdio {

Result<std::size_t, TransportError> writeAll(int fd, const std::vector<std::uint8_t>& bytes,
                                             std::chrono::milliseconds timeout);
Result<std::vector<std::uint8_t>, TransportError> readSome(int fd, std::size_t max,
                                                           std::chrono::milliseconds timeout);
TransportError errnoError(const char* what, int err);

}  // namespace dvc::fdio
