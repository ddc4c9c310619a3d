#pragma once
// The demo's and the UI tests' contactless reader: a file "<persona>.card" dropped into the
// inbox folder is a card of that persona (assets/sim/personas/<persona>.json) laid on the
// reader. The card is the full simulated chip (PACE, BAC, secure messaging, signed data groups),
// signed by a test PKI made at start-up whose CSCA is the kiosk's trust store in sim mode.
// Each file is one presentation: it is consumed when the card is taken.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "card/sim/lds_builder.h"
#include "identity/emrtd/csca_store.h"
#include "sim_card_reader.h"

namespace dvc::card {

class SimCardInbox final : public CardReader {
  public:
    SimCardInbox(std::filesystem::path inbox, std::filesystem::path personasDir, sim::TestPki pki);

    // The trust store that accepts this inbox's cards.
    emrtd::CscaStore trustStore() const;

    std::vector<std::string> readerNames() override;
    Result<std::unique_ptr<CardChannel>, CardError> waitForCard(
        const std::string& reader, std::chrono::milliseconds timeout,
        const std::atomic<bool>& cancel) override;

  private:
    std::shared_ptr<ApduResponder> cardFor(const std::string& personaId, std::string& error);

    std::filesystem::path inbox_;
    std::filesystem::path personas_;
    sim::TestPki pki_;
    SimCardReader reader_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<ApduResponder>> built_;  // persona → card
};

}  // namespace dvc::card
