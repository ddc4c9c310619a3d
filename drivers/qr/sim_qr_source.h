#pragma once
#include <filesystem>

#include "ports/qr_source.h"

namespace dvc {

// The simulated camera: an image (PNG/JPEG) dropped into the inbox folder is what the camera
// sees; a .txt file is what a keyboard-wedge scanner types. Each file is consumed once.
// Writers should create files under a dot-name or with a .part suffix and rename them.
class SimQrSource final : public QrSource {
  public:
    explicit SimQrSource(std::filesystem::path inboxDir);
    Result<std::string, QrScanFailure> scan(std::chrono::milliseconds timeout,
                                            const std::atomic<bool>& cancel) override;

  private:
    std::filesystem::path inbox_;
};

}  // namespace dvc
