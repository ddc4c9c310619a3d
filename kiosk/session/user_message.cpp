#include "session/user_message.h"

namespace dvc {

std::string messageKeyFor(PortalErrorKind kind) {
    return std::string("error.") + kindName(kind);
}

const char* qrScanFailureName(QrScanFailure failure) {
    switch (failure) {
        case QrScanFailure::NoCode:
            return "no_code";
        case QrScanFailure::Unreadable:
            return "unreadable";
        case QrScanFailure::DeviceError:
            return "device_error";
        case QrScanFailure::Cancelled:
            return "cancelled";
    }
    return "unknown";
}

std::string messageKeyFor(QrScanFailure failure) {
    return std::string("error.qr_") + qrScanFailureName(failure);
}

}  // namespace dvc
