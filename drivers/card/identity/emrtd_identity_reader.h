#pragma once
// The kiosk's ChipIdentityReader over any CardReader (PC/SC or the simulated card): the CAN from
// the personal number opens the chip by PACE, the MRZ key (date of birth + date of expiry, typed
// or derived from the issue date) by BAC; the data groups become a CitizenIdentity with the
// portrait decoded and the passive-authentication verdict.
#include <optional>
#include <string>

#include "identity/chip_identity_reader.h"
#include "identity/emrtd/card_readout.h"
#include "identity/emrtd/csca_store.h"
#include "ports/card_reader.h"

namespace dvc::card {

class EmrtdIdentityReader final : public ChipIdentityReader {
  public:
    // `csca` empty: every card reads as "not verified: no trust store".
    EmrtdIdentityReader(CardReader& reader, std::optional<emrtd::CscaStore> csca,
                        std::string readerName = {});

    Result<CitizenIdentity, ChipReadFailure> read(
        const ChipAccess& access, std::chrono::milliseconds cardWait,
        const std::function<void(const ChipReadProgress&)>& progress,
        const std::atomic<bool>& cancel) override;

  private:
    CardReader& reader_;
    std::optional<emrtd::CscaStore> csca_;
    std::string readerName_;
};

// The keys a ChipAccess gives: CAN always, the MRZ information when a date of expiry is known
// or can be derived from the date of birth and the issue date.
emrtd::AccessKeys accessKeysFor(const ChipAccess& access);
// What the chip says, as the identity the kiosk holds (fields from DG13, else DG1).
CitizenIdentity identityFromReadout(const emrtd::CardReadout& readout,
                                    const std::string& expectedNumber);
ChipReadFailure::Kind failureKindFor(emrtd::ChipError::Kind kind);

}  // namespace dvc::card
