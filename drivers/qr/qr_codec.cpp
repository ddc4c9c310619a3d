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

LumaFrame renderQrLuma(const std::string& text, int size) {
    LumaFrame frame;
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(4);
        auto pixels = ZXing::ToMatrix<std::uint8_t>(writer.encode(text, size, size));
        frame.width = pixels.width();
        frame.height = pixels.height();
        frame.pixels.assign(pixels.data(), pixels.data() + pixels.size());
    } catch (const std::exception&) {
        // too long for a QR code: an empty frame says so
    }
    return frame;
}

bool writeQrPng(const std::string& text, const std::filesystem::path& file, int size) {
    auto frame = renderQrLuma(text, size);
    if (frame.pixels.empty()) return false;
    return stbi_write_png(file.c_str(), frame.width, frame.height, 1, frame.pixels.data(),
                          frame.width) != 0;
}

}  // namespace dvc
