#pragma once
// A small ISO/IEC 7816-4 card for transport tests: transparent files selected by file
// identifier and read with READ BINARY (short Le, or extended Le when the card says it takes
// extended length), 6D00 for any other instruction. A real protocol responder, so what comes
// back through pcscd is what a card would have answered.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "sim/apdu_responder.h"

namespace dvc::test {

class FileCard : public card::ApduResponder {
  public:
    explicit FileCard(bool extendedLength = true);

    void addFile(std::uint16_t fileId, emrtd::Bytes content);
    // Called inside respond() before a READ BINARY is answered (to pull the card mid-APDU).
    void onReadBinary(std::function<void()> hook);
    int powerOns() const;

    emrtd::Bytes atr() const override;
    void powerOn() override;
    void powerOff() override;
    emrtd::Bytes respond(emrtd::ByteView commandApdu) override;

  private:
    emrtd::Bytes readBinary(emrtd::ByteView apdu);

    bool extendedLength_;
    mutable std::mutex mutex_;
    std::map<std::uint16_t, emrtd::Bytes> files_;
    std::optional<std::uint16_t> selected_;
    std::function<void()> readHook_;
    int powerOns_ = 0;
};

// Test data: `size` bytes that differ from offset to offset.
emrtd::Bytes patternBytes(std::size_t size, std::uint8_t seed);

}  // namespace dvc::test
