#pragma once
#include <string>

#include "common/result.h"
#include "printing/mono_bitmap.h"

namespace dvc::escpos {

// A QR code (UTF-8 byte mode, model 2, ZXing's default error correction) as a 1-bit image:
// moduleDots per module and a 4-module quiet zone. Used for printers without GS ( k and by the
// simulator to draw what GS ( k asked for.
Result<MonoBitmap, std::string> qrBitmap(const std::string& text, int moduleDots);

}  // namespace dvc::escpos
