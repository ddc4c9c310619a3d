#pragma once
// The core's front door for "Nộp hồ sơ" (no UI here): the review screen's submit goes to
// submit(), which returns once the dossier is durable in the outbox (the citizen may be told
// "submitted" and given the provisional reference); the receipt with the dossier code follows
// when the gateway answers, through onUpdate / awaitOutcome().
//
//   auto ack = flow.submit(dossier);                  // worker thread: one fsync, a few ms
//   auto outcome = flow.awaitOutcome(ack->localRef, 5s);  // receipt, or still stored
//   outcome->phase == SubmissionPhase::Delivered ? show receipt : show provisional receipt
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

#include "outbox/outbox_delivery.h"
#include "outbox/provisional_receipt.h"
#include "outbox/receipt_content.h"

namespace dvc {

enum class SubmissionPhase {
    Stored,     // in the outbox, not yet acknowledged (provisional receipt)
    Delivered,  // the gateway answered with the dossier code (final receipt)
    Rejected,   // the gateway refused it; the citizen is sent to the counter
};

struct SubmissionAck {
    std::string localRef;
    ProvisionalReceipt provisional;
};

struct SubmissionOutcome {
    std::string localRef;
    SubmissionPhase phase = SubmissionPhase::Stored;
    std::optional<DossierReceipt> receipt;  // Delivered
    std::string rejectCode;                 // Rejected
    BilingualText rejectMessage;
    std::vector<FieldError> rejectErrors = {};  // Rejected as validation_failed, by field
};

class SubmissionFlow {
  public:
    // Takes over the delivery's listener; the delivery worker should be running. Destroy the
    // flow after stopping the delivery.
    SubmissionFlow(OutboxStore& store, OutboxDelivery& delivery);
    ~SubmissionFlow();
    SubmissionFlow(const SubmissionFlow&) = delete;
    SubmissionFlow& operator=(const SubmissionFlow&) = delete;

    // Durable when it returns; wakes the delivery worker. Blocks for the commit: call it from
    // a worker thread, never inside a frame.
    Result<SubmissionAck, std::string> submit(const DossierSubmission& dossier);

    // The submission's state now.
    std::optional<SubmissionOutcome> outcome(const std::string& localRef);
    // Waits until the submission is delivered or rejected, at most `timeout`; then its state.
    std::optional<SubmissionOutcome> awaitOutcome(const std::string& localRef,
                                                  std::chrono::milliseconds timeout);

    // Called on the delivery thread when a submission is delivered or rejected (e.g. to post
    // the outcome into the Session's inbox).
    void setOnUpdate(std::function<void(const SubmissionOutcome&)> onUpdate);

  private:
    OutboxStore& store_;
    OutboxDelivery& delivery_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::function<void(const SubmissionOutcome&)> onUpdate_;
};

SubmissionOutcome outcomeOf(const OutboxEntry& entry);

}  // namespace dvc
