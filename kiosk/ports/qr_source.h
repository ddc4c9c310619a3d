#pragma once
#include <atomic>
#include <chrono>
#include <string>

#include "common/result.h"

namespace dvc {

enum class QrScanFailure {
    NoCode,       // nothing presented before the timeout
    Unreadable,   // something was presented but no QR code could be decoded
    DeviceError,  // the camera / scanner is not working
    Cancelled,
};

const char* qrScanFailureName(QrScanFailure failure);

// A source of QR code texts: camera, keyboard-wedge scanner, or the simulator. scan() blocks
// (worker thread only) until a code is read, the timeout passes or `cancel` becomes true.
class QrSource {
public:
    virtual ~QrSource() = default;
    virtual Result<std::string, QrScanFailure> scan(std::chrono::milliseconds timeout,
                                                    const std::atomic<bool>& cancel) = 0;
};

}  // namespace dvc
