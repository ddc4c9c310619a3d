#pragma once
#include <string>

namespace dvc::kioskctl {

// `dvc-kioskctl qr decode IMAGE [--json]`: what the kiosk's camera path would read from a photo
// of a QR code, and what the kiosk would make of it (docs/kioskctl.md).
int qrDecode(const std::string& imagePath, bool asJson);

}  // namespace dvc::kioskctl
