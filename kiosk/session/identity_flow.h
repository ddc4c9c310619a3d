#pragma once
// "Xác thực bằng CCCD": the citizen identifies by the card's QR code or by its chip, sees who
// the kiosk thinks they are (name and number masked, photo from the chip), and confirms.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "identity/chip_identity_reader.h"
#include "identity/citizen_identity.h"
#include "ports/qr_source.h"
#include "session/background.h"

namespace dvc {

enum class IdentifyPhase {
    Choose,          // QR code or chip?
    EnteringNumber,  // chip without a QR read first: the 12-digit number opens it (CAN)
    ScanningQr,
    ReadingChip,  // progress in percent
    Failed,       // errorKey() says why; retry or go back
    Confirming,   // pending() shown for the citizen to confirm
};

struct IdentitySettings {
    std::chrono::milliseconds qrScanTimeout{30000};
    std::chrono::milliseconds cardWait{30000};
};

class IdentityFlow {
  public:
    IdentityFlow(Background& background, QrSource* qr, ChipIdentityReader* chip,
                 IdentitySettings settings = {});
    ~IdentityFlow();
    IdentityFlow(const IdentityFlow&) = delete;
    IdentityFlow& operator=(const IdentityFlow&) = delete;

    // --- intents ---
    void begin();
    void scanQr();
    void chooseChip();  // straight to reading when a QR already gave the number
    void appendDigits(std::string_view digits);
    void backspace();
    void submitNumber();
    void readChip();  // (again) with the number known
    void cancel();    // stop a scan or a read; back to Choose
    void retry();     // from Failed: the step that failed, again
    bool confirm();   // Confirming → the visit's identity; true if one was confirmed
    void reject();    // "this is not me": forget what was read
    void wipe();      // everything, including a confirmed identity

    // --- state ---
    IdentifyPhase phase() const { return phase_; }
    const std::string& errorKey() const { return errorKey_; }
    const std::string& numberInput() const { return numberInput_; }
    const CitizenIdentity* pending() const { return pending_ ? &*pending_ : nullptr; }
    const CitizenIdentity* confirmed() const { return confirmed_ ? &*confirmed_ : nullptr; }
    ChipReadProgress progress() const;
    bool chipAvailable() const { return chip_ != nullptr; }
    bool qrAvailable() const { return qr_ != nullptr; }

  private:
    struct Progress;
    enum class LastStep { Qr, Chip };
    void fail(std::string key, LastStep step);
    void stopWork();

    Background& background_;
    QrSource* qr_;
    ChipIdentityReader* chip_;
    IdentitySettings settings_;

    IdentifyPhase phase_ = IdentifyPhase::Choose;
    LastStep lastStep_ = LastStep::Qr;
    std::string errorKey_;
    std::string numberInput_;
    std::optional<ChipAccess> access_;  // from the QR or the typed number
    std::optional<CitizenIdentity> pending_;
    std::optional<CitizenIdentity> confirmed_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<Progress> progress_;
};

}  // namespace dvc
