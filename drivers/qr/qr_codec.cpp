#include "qr_codec.h"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <memory>
#include <vector>

namespace dvc {

Result<std::string, QrScanFailure> decodeQrLuma(const std::uint8_t* pixels, int width, int height,
                                                int rowStride) {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    // CCCD and receipt QR codes carry UTF-8 without an ECI header; do not guess Latin-1.
    hints.setCharacterSet("UTF-8");
    auto result = ZXing::ReadBarcode(
        ZXing::ImageView(pixels, width, height, ZXing::ImageFormat::Lum, rowStride), hints);
    if (!result.isValid()) return fail(QrScanFailure::Unreadable);
    return result.text();
}

Result<std::string, QrScanFailure> decodeQrImageFile(const std::filesystem::path& file) {
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> image(stbi_load(file.c_str(), &w, &h, &channels, 1),
                                                    stbi_image_free);
    if (!image) return fail(QrScanFailure::Unreadable);
    return decodeQrLuma(image.get(), w, h, w);
}

bool writeQrPng(const std::string& text, const std::filesystem::path& file, int size) {
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(4);
        auto matrix = writer.encode(text, size, size);
        auto pixels = ZXing::ToMatrix<std::uint8_t>(matrix);
        return stbi_write_png(file.c_str(), pixels.width(), pixels.height(), 1, pixels.data(),
                              pixels.width()) != 0;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace dvc
