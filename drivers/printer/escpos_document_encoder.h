#pragma once
// PrintDocument → ESC/POS bytes for one paper width. Text goes out as GS v 0 raster rendered
// with Noto Sans (receipt printers have no Vietnamese code page); QR codes either as GS ( k
// (the printer draws them) or as raster (printers without a QR engine).
#include <string>

#include "common/result.h"
#include "escpos_commands.h"
#include "printing/print_document.h"
#include "printing/text_rasterizer.h"

namespace dvc::escpos {

enum class QrMode { Printer, Raster };

struct EncodeOptions {
    int widthDots = 384;  // 58 mm paper: 384; 80 mm paper: 576
    QrMode qrMode = QrMode::Printer;
};

bool isSupportedWidth(int widthDots);

Result<Bytes, std::string> encodeDocument(const PrintDocument& document, const TextRasterizer& text,
                                          const EncodeOptions& options);

}  // namespace dvc::escpos
