#pragma once
// Serial and keyboard-wedge QR scanners send the code's text as a byte stream. Many are set up
// without a CR/LF suffix, so a code is complete when a terminator arrives, when the text is
// structurally whole (a 2024 card's QR ends in its 4 empty fields), or when the stream pauses.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dvc {

class ScannedTextAssembler {
  public:
    using Clock = std::chrono::steady_clock;

    struct Timing {
        // A scanner sends a whole code in one burst; a pause this long ends an unknown text.
        std::chrono::milliseconds gap{150};
        // A text that already parses as a whole 7-field CCCD QR only waits to see whether the
        // 4 extra fields of the 2024 card follow (their '|' comes at once if it comes at all).
        std::chrono::milliseconds gapAfterCompleteCccd{40};
    };

    ScannedTextAssembler() = default;
    explicit ScannedTextAssembler(Timing timing) : timing_(timing) {}

    // Adds bytes received at `now`. Returns a completed text if a terminator or the structure
    // ended one (bytes after a terminator start the next text).
    std::optional<std::string> feed(std::string_view bytes, Clock::time_point now);
    // A completed text if the stream has paused long enough after the last byte.
    std::optional<std::string> poll(Clock::time_point now);
    // When poll() could next complete a text (nullopt when nothing is buffered).
    std::optional<Clock::time_point> deadline() const;
    void clear();

  private:
    std::chrono::milliseconds gapFor(std::string_view text) const;
    std::optional<std::string> take();

    Timing timing_;
    std::string buffer_;
    Clock::time_point lastByte_{};
};

}  // namespace dvc
