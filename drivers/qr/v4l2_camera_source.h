#pragma once
// A USB (UVC) or built-in camera through Video4Linux2. The camera streams only while a scan is
// running (its light is off otherwise); frames are decoded on the calling worker thread.
#include <filesystem>

#include "ports/qr_source.h"

namespace dvc {

struct CameraFormat {
    int width = 1280;
    int height = 720;
};

class V4l2CameraSource final : public QrSource {
  public:
    explicit V4l2CameraSource(std::filesystem::path device, CameraFormat wanted = {});
    Result<std::string, QrScanFailure> scan(std::chrono::milliseconds timeout,
                                            const std::atomic<bool>& cancel) override;

  private:
    std::filesystem::path device_;
    CameraFormat wanted_;
};

}  // namespace dvc
