#include "outbox/submission_flow.h"

namespace dvc {

SubmissionOutcome outcomeOf(const OutboxEntry& e) {
    SubmissionOutcome o;
    o.localRef = e.localRef;
    o.phase = e.state == OutboxState::Delivered  ? SubmissionPhase::Delivered
              : e.state == OutboxState::Rejected ? SubmissionPhase::Rejected
                                                 : SubmissionPhase::Stored;
    o.receipt = e.receipt;
    o.rejectCode = e.rejectCode;
    o.rejectMessage = e.rejectMessage;
    o.rejectErrors = e.rejectErrors;
    return o;
}

SubmissionFlow::SubmissionFlow(OutboxStore& store, OutboxDelivery& delivery)
    : store_(store), delivery_(delivery) {
    delivery_.setListener([this](const OutboxEntry& e) {
        std::function<void(const SubmissionOutcome&)> callback;
        {
            std::lock_guard lock(mutex_);
            callback = onUpdate_;
        }
        // The callback first: whoever awaitOutcome() wakes may rely on it having run.
        if (callback) callback(outcomeOf(e));
        changed_.notify_all();
    });
}

SubmissionFlow::~SubmissionFlow() {
    delivery_.setListener(nullptr);
}

Result<SubmissionAck, std::string> SubmissionFlow::submit(const DossierSubmission& dossier) {
    auto entry = store_.enqueue(dossier, OutboxClock::now());
    if (!entry) return fail(entry.error());
    delivery_.wake();
    return SubmissionAck{entry->localRef, provisionalReceiptFor(entry.value())};
}

std::optional<SubmissionOutcome> SubmissionFlow::outcome(const std::string& localRef) {
    auto entry = store_.byLocalRef(localRef);
    if (!entry) return std::nullopt;
    return outcomeOf(*entry);
}

std::optional<SubmissionOutcome> SubmissionFlow::awaitOutcome(const std::string& localRef,
                                                              std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto now = outcome(localRef);
        if (!now || now->phase != SubmissionPhase::Stored) return now;
        std::unique_lock lock(mutex_);
        // Re-read at least every 100 ms: a notification between the read and the wait is
        // not lost for longer than that.
        auto until =
            std::min(deadline, std::chrono::steady_clock::now() + std::chrono::milliseconds(100));
        changed_.wait_until(lock, until);
        if (std::chrono::steady_clock::now() >= deadline) {
            lock.unlock();
            return outcome(localRef);
        }
    }
}

void SubmissionFlow::setOnUpdate(std::function<void(const SubmissionOutcome&)> onUpdate) {
    std::lock_guard lock(mutex_);
    onUpdate_ = std::move(onUpdate);
}

}  // namespace dvc
