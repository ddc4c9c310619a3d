#include "qr_raster.h"

#define ZX_USE_UTF8 1
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>

namespace dvc::escpos {

Result<MonoBitmap, std::string> qrBitmap(const std::string& text, int moduleDots) {
    if (text.empty()) return fail(std::string("QR text is empty"));
    moduleDots = std::clamp(moduleDots, 1, 16);
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(0);
        // Size 0: one pixel per module, so the modules scale to whole dots below.
        auto matrix = writer.encode(text, 0, 0);
        int modules = matrix.width();
        constexpr int quiet = 4;
        MonoBitmap out((modules + 2 * quiet) * moduleDots, (modules + 2 * quiet) * moduleDots);
        for (int y = 0; y < modules; ++y)
            for (int x = 0; x < modules; ++x)
                if (matrix.get(x, y))
                    out.fillRect((x + quiet) * moduleDots, (y + quiet) * moduleDots, moduleDots,
                                 moduleDots);
        return out;
    } catch (const std::exception& e) {
        return fail(std::string("cannot encode QR: ") + e.what());
    }
}

}  // namespace dvc::escpos
