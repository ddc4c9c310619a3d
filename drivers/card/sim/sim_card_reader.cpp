#include "sim_card_reader.h"

namespace dvc::card {

class SimCardReader::Channel : public CardChannel {
  public:
    Channel(std::shared_ptr<Field> field, std::uint64_t presentation, std::string reader,
            bool extendedLength)
        : field_(std::move(field)),
          presentation_(presentation),
          reader_(std::move(reader)),
          extendedLength_(extendedLength) {}

    Result<emrtd::Bytes, CardError> transmit(emrtd::ByteView commandApdu) override {
        std::unique_lock lock(field_->mutex);
        if (!field_->card || field_->presentation != presentation_)
            return fail(CardError{CardError::Kind::CardRemoved, "simulated card left the field"});
        if (field_->removeAfter) {
            if (*field_->removeAfter == 0) {
                field_->removeAfter.reset();
                field_->card->powerOff();
                field_->card.reset();
                ++field_->presentation;
                field_->changed.notify_all();
                return fail(
                    CardError{CardError::Kind::CardRemoved, "simulated card left the field"});
            }
            --*field_->removeAfter;
        }
        return field_->card->respond(commandApdu);
    }
    bool extendedLengthSupported() const override { return extendedLength_; }
    std::string readerName() const override { return reader_; }

  private:
    std::shared_ptr<Field> field_;
    std::uint64_t presentation_;
    std::string reader_;
    bool extendedLength_;
};

SimCardReader::SimCardReader(std::string name, bool extendedLength)
    : name_(std::move(name)), extendedLength_(extendedLength), field_(std::make_shared<Field>()) {}

void SimCardReader::presentCard(std::shared_ptr<ApduResponder> card) {
    std::lock_guard lock(field_->mutex);
    field_->card = std::move(card);
    field_->removeAfter.reset();
    ++field_->presentation;
    field_->changed.notify_all();
}

void SimCardReader::removeCard() {
    std::lock_guard lock(field_->mutex);
    if (field_->card) field_->card->powerOff();
    field_->card.reset();
    field_->removeAfter.reset();
    ++field_->presentation;
    field_->changed.notify_all();
}

void SimCardReader::removeCardAfter(std::size_t apdus) {
    std::lock_guard lock(field_->mutex);
    field_->removeAfter = apdus;
}

std::vector<std::string> SimCardReader::readerNames() {
    return {name_};
}

Result<std::unique_ptr<CardChannel>, CardError> SimCardReader::waitForCard(
    const std::string& reader, std::chrono::milliseconds timeout, const std::atomic<bool>& cancel) {
    if (!reader.empty() && reader != name_)
        return fail(CardError{CardError::Kind::NoReader, "no reader named " + reader});
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(field_->mutex);
    // Short waits so that `cancel` (an atomic nobody notifies us about) is seen promptly.
    while (!field_->card) {
        if (cancel.load()) return fail(CardError{CardError::Kind::Cancelled, {}});
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return fail(CardError{CardError::Kind::NoCard, {}});
        field_->changed.wait_for(lock, std::min<std::chrono::steady_clock::duration>(
                                           deadline - now, std::chrono::milliseconds(20)));
    }
    field_->card->powerOn();
    return std::unique_ptr<CardChannel>(
        std::make_unique<Channel>(field_, field_->presentation, name_, extendedLength_));
}

}  // namespace dvc::card
