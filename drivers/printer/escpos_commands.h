#pragma once
// ESC/POS command bytes (Epson ESC/POS reference; the subset thermal receipt printers share).
#include <cstdint>
#include <string_view>
#include <vector>

#include "printing/mono_bitmap.h"
#include "printing/print_document.h"

namespace dvc::escpos {

using Bytes = std::vector<std::uint8_t>;

constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, DLE = 0x10, EOT = 0x04, LF = 0x0A;

enum class QrErrorCorrection : std::uint8_t { L = 48, M = 49, Q = 50, H = 51 };

// Appends commands to a byte buffer.
class CommandWriter {
  public:
    CommandWriter& initialize();                          // ESC @
    CommandWriter& align(Align a);                        // ESC a n
    CommandWriter& bold(bool on);                         // ESC E n
    CommandWriter& characterSize(int width, int height);  // GS ! n, each 1..8
    CommandWriter& text(std::string_view ascii);          // bytes outside 0x20..0x7E → '?'
    CommandWriter& lineFeed();                            // LF
    CommandWriter& feedLines(int n);                      // ESC d n
    CommandWriter& feedDots(int n);                       // ESC J n
    CommandWriter& cut(bool partial);                     // GS V 66/65 0 (feed to cutter, cut)
    // GS v 0: raster bit image, in bands of at most bandRows rows (printer buffers are small).
    CommandWriter& raster(const MonoBitmap& image, int bandRows = 256);
    // GS ( k: QR model 2, module size, error correction, store, print.
    CommandWriter& qrCode(std::string_view data, int moduleDots, QrErrorCorrection ec);
    CommandWriter& raw(const Bytes& bytes);

    const Bytes& bytes() const { return bytes_; }
    Bytes take() { return std::move(bytes_); }

  private:
    void put(std::initializer_list<std::uint8_t> b) { bytes_.insert(bytes_.end(), b); }
    Bytes bytes_;
};

// Real-time status requests: DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause,
// 4 roll paper sensor) and GS r 1 (paper sensor, answered after the preceding data).
Bytes statusRequest(int n);
Bytes paperSensorRequest();

}  // namespace dvc::escpos
