#pragma once
// An in-process CardReader whose card is an ApduResponder (the simulated CCCD). Tests can
// present and remove the card at any moment, including after a given number of APDUs, to see
// CardRemoved in the middle of a read.
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "apdu_responder.h"
#include "ports/card_reader.h"

namespace dvc::card {

class SimCardReader : public CardReader {
  public:
    explicit SimCardReader(std::string name = "DVC simulated contactless reader",
                           bool extendedLength = true);

    void presentCard(std::shared_ptr<ApduResponder> card);
    void removeCard();
    // The card leaves the field when the command after the next `apdus` ones is sent.
    void removeCardAfter(std::size_t apdus);

    std::vector<std::string> readerNames() override;
    Result<std::unique_ptr<CardChannel>, CardError> waitForCard(
        const std::string& reader, std::chrono::milliseconds timeout,
        const std::atomic<bool>& cancel) override;

  private:
    struct Field {
        std::mutex mutex;
        std::condition_variable changed;
        std::shared_ptr<ApduResponder> card;
        std::uint64_t presentation = 0;  // bumps each time a card enters or leaves
        std::optional<std::size_t> removeAfter;
    };
    class Channel;

    std::string name_;
    bool extendedLength_;
    std::shared_ptr<Field> field_;
};

}  // namespace dvc::card
