#include "qr/scanned_text_assembler.h"

#include <algorithm>

#include "identity/cccd_qr.h"

namespace dvc {

namespace {

constexpr std::size_t kMaxBufferedBytes = 4096;  // nothing we scan is longer; drop runaway input

bool isTerminator(char c) {
    return c == '\r' || c == '\n';
}

// The thẻ căn cước (2024) QR: 7 fields plus 4 trailing ones, in practice empty.
bool isWholeElevenFieldCccd(std::string_view text) {
    return std::count(text.begin(), text.end(), '|') == 10 && text.ends_with("||||") &&
           parseCccdQr(text).ok();
}

}  // namespace

std::optional<std::string> ScannedTextAssembler::feed(std::string_view bytes,
                                                      Clock::time_point now) {
    std::optional<std::string> done;
    for (char c : bytes) {
        if (isTerminator(c)) {
            if (!buffer_.empty() && !done) done = take();
            continue;
        }
        if (buffer_.size() >= kMaxBufferedBytes) buffer_.clear();
        buffer_.push_back(c);
    }
    lastByte_ = now;
    if (!done && isWholeElevenFieldCccd(buffer_)) done = take();
    return done;
}

std::optional<std::string> ScannedTextAssembler::poll(Clock::time_point now) {
    if (buffer_.empty() || now - lastByte_ < gapFor(buffer_)) return std::nullopt;
    return take();
}

std::optional<ScannedTextAssembler::Clock::time_point> ScannedTextAssembler::deadline() const {
    if (buffer_.empty()) return std::nullopt;
    return lastByte_ + gapFor(buffer_);
}

void ScannedTextAssembler::clear() {
    buffer_.clear();
}

std::chrono::milliseconds ScannedTextAssembler::gapFor(std::string_view text) const {
    const bool sevenFieldCccd =
        std::count(text.begin(), text.end(), '|') == 6 && parseCccdQr(text).ok();
    return sevenFieldCccd ? timing_.gapAfterCompleteCccd : timing_.gap;
}

std::optional<std::string> ScannedTextAssembler::take() {
    std::string text;
    text.swap(buffer_);
    return text;
}

}  // namespace dvc
