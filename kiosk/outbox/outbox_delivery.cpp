#include "outbox/outbox_delivery.h"

#include "domain/dossier_code.h"
#include "log/log.h"
#include "outbox/retry_schedule.h"

namespace dvc {

double DeliveryOptions::randomJitterSource() {
    return randomJitter();
}

bool isTransient(const PortalError& e) {
    switch (e.kind) {
        case PortalErrorKind::Unreachable:
        case PortalErrorKind::Timeout:
        case PortalErrorKind::TlsFailure:   // a certificate being renewed, a clock being set
        case PortalErrorKind::BadResponse:  // a proxy page, a cut answer: the key makes it safe
        case PortalErrorKind::ServerError:  // 5xx, including 501 from an older gateway
            return true;
        case PortalErrorKind::NotFound:
        case PortalErrorKind::InvalidRequest:
            // Throttling and request timeouts are the gateway's load, not the dossier's fault.
            return e.httpStatus == 408 || e.httpStatus == 425 || e.httpStatus == 429;
    }
    return true;
}

OutboxDelivery::OutboxDelivery(OutboxStore& store, PortalClient& portal, DeliveryOptions options)
    : store_(store), portal_(portal), options_(std::move(options)) {
    if (!options_.jitter) options_.jitter = DeliveryOptions::randomJitterSource;
}

OutboxDelivery::~OutboxDelivery() {
    stop();
}

void OutboxDelivery::setListener(Listener listener) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

DeliveryPass OutboxDelivery::deliverDue(OutboxTime now) {
    DeliveryPass pass;
    auto due = store_.due(now, options_.batch);
    if (!due) {
        log::error("outbox", "cannot read the outbox: " + due.error());
        ++pass.storeErrors;
        return pass;
    }
    for (const auto& entry : due.value()) deliverOne(entry, now, pass);
    return pass;
}

void OutboxDelivery::deliverOne(const OutboxEntry& entry, OutboxTime now, DeliveryPass& pass) {
    auto notify = [this](const OutboxEntry& e) {
        Listener l;
        {
            std::lock_guard lock(mutex_);
            l = listener_;
        }
        if (!l) return;
        if (auto fresh = store_.byIdempotencyKey(e.idempotencyKey)) l(*fresh);
    };

    auto request = store_.payload(entry);
    if (!request) {
        // Without its key the payload can never be sent; staff must see it, not a retry loop.
        log::error("outbox", entry.localRef + ": " + request.error());
        if (store_.markRejected(entry.id, "payload_unreadable", {}, request.error(), now)) {
            ++pass.rejected;
            notify(entry);
        } else {
            ++pass.storeErrors;
        }
        return;
    }
    auto answer = portal_.submitDossier(request.value(), entry.idempotencyKey);
    wipe(request.value());

    if (answer) {
        if (auto done = store_.markDelivered(entry.id, answer.value(), now); !done) {
            // The gateway holds the dossier; the next pass replays the key and gets the same
            // receipt, so nothing is duplicated.
            log::error("outbox", entry.localRef + ": delivered but not recorded: " + done.error());
            ++pass.storeErrors;
            return;
        }
        log::info("outbox", entry.localRef + " delivered as " + redactDossierCode(answer->code));
        ++pass.delivered;
        notify(entry);
        return;
    }
    const PortalError& e = answer.error();
    std::string why = std::string(kindName(e.kind)) + (e.detail.empty() ? "" : ": " + e.detail);
    if (isTransient(e)) {
        auto next = now + retryDelay(entry.attempts + 1, options_.jitter());
        if (store_.scheduleRetry(entry.id, next, why, now))
            ++pass.retried;
        else
            ++pass.storeErrors;
        log::warn("outbox", entry.localRef + " will be retried: " + why);
        return;
    }
    if (store_.markRejected(entry.id, e.code.empty() ? kindName(e.kind) : e.code, e.message, why,
                            now, e.fieldErrors)) {
        ++pass.rejected;
        notify(entry);
    } else {
        ++pass.storeErrors;
    }
    log::warn("outbox", entry.localRef + " rejected by the gateway: " + why);
}

void OutboxDelivery::start() {
    std::lock_guard lock(mutex_);
    if (running_) return;
    running_ = true;
    thread_ = std::thread([this] { run(); });
}

void OutboxDelivery::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void OutboxDelivery::stop() {
    {
        std::lock_guard lock(mutex_);
        running_ = false;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void OutboxDelivery::run() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (!running_) return;
            woken_ = false;
        }
        auto pass = deliverDue(OutboxClock::now());
        auto now = OutboxClock::now();
        auto wakeAt = now + options_.idleWake;
        if (auto next = store_.nextAttemptAt(); next && *next < wakeAt) wakeAt = *next;
        // A database that fails must not turn the worker into a busy loop.
        if (pass.storeErrors > 0 && wakeAt < now + std::chrono::seconds(1))
            wakeAt = now + std::chrono::seconds(1);
        std::unique_lock lock(mutex_);
        cv_.wait_until(lock, wakeAt, [this] { return !running_ || woken_; });
    }
}

}  // namespace dvc
