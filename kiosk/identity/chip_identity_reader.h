#pragma once
// Reads the citizen's identity from the CCCD chip: waits for the card, opens it (PACE with the
// CAN, else BAC with the MRZ key), reads the data groups, verifies them (passive
// authentication). Blocking: worker threads only.
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "common/result.h"
#include "identity/citizen_identity.h"

namespace dvc {

// What opens the chip. The CAN (last 6 digits of the personal number) suffices for PACE; BAC
// needs the date of birth and a date of expiry (typed, or derived from the issue date).
struct ChipAccess {
    std::string personalNumber;  // 12 digits
    std::optional<std::chrono::year_month_day> dateOfBirth;
    std::optional<std::chrono::year_month_day> issueDate;
    std::optional<std::chrono::year_month_day> expiryDate;  // as printed on the card, if typed
};

struct ChipReadFailure {
    enum class Kind {
        NoReader,      // no reader, or the PC/SC service is down
        NoCard,        // no card presented in time
        CardRemoved,   // the card left the reader during the read
        AccessDenied,  // the chip refused the key (wrong number, date of birth or expiry)
        Unreadable,    // the chip answered, but not as an ID card should
        Cancelled,
    };
    Kind kind = Kind::Unreadable;
    std::string detail;  // for the technician's log; never personal data
};

const char* chipReadFailureName(ChipReadFailure::Kind kind);

struct ChipReadProgress {
    int percent = 0;      // 0…100 over the whole read, weighted by bytes
    std::string stepKey;  // i18n key: identity.step.waiting_card, opening, reading_photo…
};

class ChipIdentityReader {
  public:
    virtual ~ChipIdentityReader() = default;
    // A failed verification is not a failure: the identity comes back with verified = false and
    // the reason in verificationKey.
    virtual Result<CitizenIdentity, ChipReadFailure> read(
        const ChipAccess& access, std::chrono::milliseconds cardWait,
        const std::function<void(const ChipReadProgress&)>& progress,
        const std::atomic<bool>& cancel) = 0;
};

}  // namespace dvc
