#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "frame_luma.h"
#include "ports/qr_source.h"

namespace dvc {

// Decodes the first QR code in an 8-bit greyscale frame (ZXing-cpp), text as UTF-8.
Result<std::string, QrScanFailure> decodeQrLuma(const std::uint8_t* pixels, int width, int height,
                                                int rowStride);
// Loads a PNG/JPEG/BMP file and decodes it.
Result<std::string, QrScanFailure> decodeQrImageFile(const std::filesystem::path& file);

// Text as a QR code (UTF-8, byte mode, quiet zone of 4 modules) in a size × size luma image;
// empty frame if the text does not fit in a QR code.
LumaFrame renderQrLuma(const std::string& text, int size);
// Writes text as a QR code PNG (UTF-8, byte mode) with a quiet zone; for receipts and tests.
bool writeQrPng(const std::string& text, const std::filesystem::path& file, int size = 400);

}  // namespace dvc
