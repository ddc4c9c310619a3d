#pragma once
// The printer side of ESC/POS: parses the bytes a receipt printer receives, draws the paper,
// and answers real-time status requests (DLE EOT n, GS r). Incremental: commands split across
// feed() calls are completed by later calls, as a printer's receive buffer does.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "printing/mono_bitmap.h"
#include "printing/printer_status.h"
#include "printing/text_rasterizer.h"

namespace dvc::sim {

class EscPosInterpreter {
  public:
    // font: draws the printer's own font (ASCII text); without it, text shows as boxes.
    EscPosInterpreter(int widthDots, std::optional<TextRasterizer> font);

    // Consumes bytes; returns what the printer sends back.
    std::vector<std::uint8_t> feed(const std::uint8_t* data, std::size_t size);
    std::vector<std::uint8_t> feed(const std::vector<std::uint8_t>& bytes) {
        return feed(bytes.data(), bytes.size());
    }

    void setStatus(const PrinterStatus& status) { status_ = status; }
    const PrinterStatus& status() const { return status_; }

    // Pages ended by a cut since the last call (each one ticket).
    std::vector<MonoBitmap> takeCutPages();
    // Paper printed since the last cut (not cut yet).
    MonoBitmap uncutPaper() const;
    // The same, removed from the printer (a job ended without a cut).
    MonoBitmap takeUncutPaper();

    int widthDots() const { return width_; }
    int cuts() const { return cuts_; }
    int partialCuts() const { return partialCuts_; }
    std::size_t bytesDiscarded() const { return discarded_; }  // received while faulted
    const std::vector<std::string>& qrPrinted() const { return qrPrinted_; }  // GS ( k texts
    // Unknown or malformed commands, with their offset in the stream.
    const std::vector<std::string>& diagnostics() const { return diagnostics_; }

  private:
    // Bytes used by the command at buffer_[pos], 0 if it is not complete yet.
    std::size_t step(std::size_t pos);
    std::size_t escape(std::size_t pos);
    std::size_t groupSeparator(std::size_t pos);
    std::size_t qrFunction(std::size_t pos, std::size_t length);
    void resetModes();
    void flushLine(bool feedEmpty);
    void advance(int dots);
    void place(const MonoBitmap& image);
    void note(std::string message);
    bool printing() const { return status_.canPrint(); }

    int width_;
    std::optional<TextRasterizer> font_;
    PrinterStatus status_;
    std::vector<std::uint8_t> buffer_;
    std::size_t streamOffset_ = 0;  // offset of buffer_[0] in the whole stream
    std::vector<std::uint8_t> replies_;

    MonoBitmap paper_;
    int cursorY_ = 0;
    std::vector<MonoBitmap> cutPages_;

    int align_ = 0;
    bool bold_ = false;
    int charWidth_ = 1, charHeight_ = 1;
    std::string line_;
    std::string qrData_;
    int qrModule_ = 3;

    int cuts_ = 0, partialCuts_ = 0;
    std::size_t discarded_ = 0;
    std::vector<std::string> qrPrinted_;
    std::vector<std::string> diagnostics_;
};

}  // namespace dvc::sim
