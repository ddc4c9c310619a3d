#include "session/identity_flow.h"

#include "identity/cccd_qr.h"
#include "identity/personal_number.h"
#include "identity/province_codes.h"
#include "log/log.h"
#include "privacy/wipe.h"
#include "session/user_message.h"

namespace dvc {

// Written by the worker reading the chip, read by the UI thread drawing the bar.
struct IdentityFlow::Progress {
    mutable std::mutex mutex;
    ChipReadProgress value;
};

IdentityFlow::IdentityFlow(Background& background, QrSource* qr, ChipIdentityReader* chip,
                           IdentitySettings settings)
    : background_(background),
      qr_(qr),
      chip_(chip),
      settings_(settings),
      progress_(std::make_shared<Progress>()) {}

IdentityFlow::~IdentityFlow() {
    wipe();
}

void IdentityFlow::begin() {
    stopWork();
    phase_ = IdentifyPhase::Choose;
    errorKey_.clear();
}

void IdentityFlow::stopWork() {
    if (cancel_) *cancel_ = true;
    cancel_.reset();
    ++generation_;  // results still on their way are dropped
}

void IdentityFlow::fail(std::string key, LastStep step) {
    phase_ = IdentifyPhase::Failed;
    errorKey_ = std::move(key);
    lastStep_ = step;
}

void IdentityFlow::scanQr() {
    if (phase_ == IdentifyPhase::ScanningQr || phase_ == IdentifyPhase::ReadingChip) return;
    if (!qr_) return fail(messageKeyFor(QrScanFailure::DeviceError), LastStep::Qr);
    stopWork();
    phase_ = IdentifyPhase::ScanningQr;
    errorKey_.clear();
    const auto gen = generation_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    background_.run([this, gen, qr = qr_, timeout = settings_.qrScanTimeout, cancel = cancel_] {
        auto scanned = qr->scan(timeout, *cancel);
        return std::function<void()>([this, gen, scanned = std::move(scanned)]() mutable {
            if (gen != generation_) return;
            cancel_.reset();
            if (!scanned) {
                if (scanned.error() == QrScanFailure::Cancelled) return begin();
                log::warn("identify",
                          std::string("QR scan failed: ") + qrScanFailureName(scanned.error()));
                return fail(messageKeyFor(scanned.error()), LastStep::Qr);
            }
            auto card = parseCccdQr(scanned.value());
            wipeString(scanned.value());
            if (!card) {
                log::warn("identify", std::string("not a CCCD QR: ") + errorName(card.error()));
                return fail(i18nKey(card.error()), LastStep::Qr);
            }
            pending_ = identityFromQr(card.value());
            access_ = ChipAccess{pending_->personalNumber, pending_->dateOfBirth,
                                 pending_->issueDate, std::nullopt};
            phase_ = IdentifyPhase::Confirming;
            log::info("identify", "card QR read");
        });
    });
}

void IdentityFlow::chooseChip() {
    if (!chip_) return fail("error.chip.no_reader", LastStep::Chip);
    if (access_) return readChip();
    stopWork();
    wipeString(numberInput_);
    phase_ = IdentifyPhase::EnteringNumber;
    errorKey_.clear();
}

void IdentityFlow::appendDigits(std::string_view digits) {
    if (phase_ != IdentifyPhase::EnteringNumber) return;
    errorKey_.clear();
    for (char c : digits)
        if (c >= '0' && c <= '9' && numberInput_.size() < 12) numberInput_.push_back(c);
}

void IdentityFlow::backspace() {
    if (phase_ == IdentifyPhase::EnteringNumber && !numberInput_.empty()) numberInput_.pop_back();
    errorKey_.clear();
}

void IdentityFlow::submitNumber() {
    if (phase_ != IdentifyPhase::EnteringNumber) return;
    if (!isAsciiDigits(numberInput_, 12)) {
        errorKey_ = "error.personal_number.not_twelve_digits";
        return;
    }
    if (!provinceName(std::string_view(numberInput_).substr(0, 3))) {
        errorKey_ = "error.personal_number.unknown_province";
        return;
    }
    access_ = ChipAccess{numberInput_, std::nullopt, std::nullopt, std::nullopt};
    wipeString(numberInput_);
    readChip();
}

void IdentityFlow::readChip() {
    if (!chip_) return fail("error.chip.no_reader", LastStep::Chip);
    if (!access_) return chooseChip();
    stopWork();
    phase_ = IdentifyPhase::ReadingChip;
    errorKey_.clear();
    {
        std::lock_guard lock(progress_->mutex);
        progress_->value = ChipReadProgress{0, "identity.step.waiting_card"};
    }
    const auto gen = generation_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    background_.run([this, gen, chip = chip_, access = *access_, wait = settings_.cardWait,
                     cancel = cancel_, progress = progress_, wake = background_.uiWaker()] {
        auto report = [progress, wake](const ChipReadProgress& p) {
            {
                std::lock_guard lock(progress->mutex);
                progress->value = p;
            }
            wake();
        };
        auto result = chip->read(access, wait, report, *cancel);
        return std::function<void()>([this, gen, result = std::move(result)]() mutable {
            if (gen != generation_) return;
            cancel_.reset();
            if (!result) {
                const auto kind = result.error().kind;
                if (kind == ChipReadFailure::Kind::Cancelled) return begin();
                log::warn("identify", std::string("chip read failed: ") +
                                          chipReadFailureName(kind) + " " + result.error().detail);
                return fail(std::string("error.chip.") + chipReadFailureName(kind), LastStep::Chip);
            }
            if (pending_) dvc::wipe(*pending_);
            pending_ = std::move(result).value();
            phase_ = IdentifyPhase::Confirming;
            log::info("identify",
                      pending_->verified ? "chip read and verified" : "chip read, NOT verified");
        });
    });
}

void IdentityFlow::cancel() {
    if (phase_ != IdentifyPhase::ScanningQr && phase_ != IdentifyPhase::ReadingChip &&
        phase_ != IdentifyPhase::EnteringNumber)
        return;
    wipeString(numberInput_);
    begin();
}

void IdentityFlow::retry() {
    if (phase_ != IdentifyPhase::Failed) return;
    if (lastStep_ == LastStep::Chip && access_) return readChip();
    if (lastStep_ == LastStep::Chip) return chooseChip();
    scanQr();
}

bool IdentityFlow::confirm() {
    if (phase_ != IdentifyPhase::Confirming || !pending_) return false;
    if (confirmed_) dvc::wipe(*confirmed_);
    confirmed_ = std::move(pending_);
    pending_.reset();
    phase_ = IdentifyPhase::Choose;
    log::info("identify", "identity confirmed by the citizen");
    return true;
}

void IdentityFlow::reject() {
    if (pending_) dvc::wipe(*pending_);
    pending_.reset();
    access_.reset();
    begin();
}

void IdentityFlow::wipe() {
    stopWork();
    if (pending_) dvc::wipe(*pending_);
    if (confirmed_) dvc::wipe(*confirmed_);
    pending_.reset();
    confirmed_.reset();
    if (access_) wipeString(access_->personalNumber);
    access_.reset();
    wipeString(numberInput_);
    errorKey_.clear();
    phase_ = IdentifyPhase::Choose;
}

ChipReadProgress IdentityFlow::progress() const {
    std::lock_guard lock(progress_->mutex);
    return progress_->value;
}

}  // namespace dvc
