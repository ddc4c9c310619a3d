#pragma once
// The contactless reader through PC/SC (pcsc-lite's pcscd): ACS ACR1252U, Identiv uTrust and
// any other CCID reader with libccid, or vsmartcard's virtual reader in tests.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "ports/card_reader.h"

namespace dvc::card {

struct PcscOptions {
    // Substring of the reader's name (ASCII, case-insensitive), as in `--reader NAME`; empty =
    // any reader. waitForCard's `reader` argument, when not empty, takes its place.
    std::string readerFilter;
    // Extended-length APDUs: Auto believes the card capabilities in the ATR's historical bytes
    // and says no when they are silent; Yes/No override that for a known reader and card.
    enum class ExtendedLength { Auto, Yes, No } extendedLength = ExtendedLength::Auto;
    // Exclusive: no other application can slip APDUs into our secure-messaging session.
    bool exclusive = true;
    // Reset the card when the channel closes, so the next session starts from a cold chip.
    bool resetOnDisconnect = true;
    // How often a waiting call looks at the cancel flag.
    std::chrono::milliseconds cancelPollInterval{100};
};

// Case-insensitive substring filter over reader names, keeping their order.
std::vector<std::string> filterReaderNames(const std::vector<std::string>& names,
                                           const std::string& filter);

class PcscCardReader : public CardReader {
  public:
    explicit PcscCardReader(PcscOptions options = {});

    // Readers matching the configured filter; empty when there are none or pcscd is not
    // running (listReaders() tells which).
    std::vector<std::string> readerNames() override;
    Result<std::vector<std::string>, CardError> listReaders();

    // Waits on every reader matching the filter (the first in pcscd's order wins when two hold
    // a card) and follows readers being plugged in or out while waiting. NoReader when no
    // matching reader appeared before the timeout or pcscd is not running; NoCard when a
    // reader was there but no card came.
    Result<std::unique_ptr<CardChannel>, CardError> waitForCard(
        const std::string& reader, std::chrono::milliseconds timeout,
        const std::atomic<bool>& cancel) override;

  private:
    PcscOptions options_;
};

}  // namespace dvc::card
