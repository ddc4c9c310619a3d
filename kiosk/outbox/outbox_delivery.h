#pragma once
// Sends the outbox's pending submissions to the gateway: each with its own idempotency key,
// retried with backoff after transient failures (no connection, timeout, 5xx, 429), rejected
// for good after a permanent one (the gateway refused the content: 4xx). Delivery is
// at-least-once on the wire and exactly-once in effect: a dossier sent twice under the same key
// is created once by the gateway, which answers the replay with the same receipt.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "outbox/outbox_store.h"
#include "portal/portal_client.h"

namespace dvc {

struct DeliveryOptions {
    int batch = 20;                                       // rows per pass
    std::function<double()> jitter = randomJitterSource;  // [0, 1), for the retry delay
    std::chrono::milliseconds idleWake{60000};            // worker re-check with nothing due
    static double randomJitterSource();
};

struct DeliveryPass {
    int delivered = 0;
    int retried = 0;
    int rejected = 0;
    int storeErrors = 0;
};

// A failure worth retrying (the gateway may accept the same request later)?
bool isTransient(const PortalError& error);

class OutboxDelivery {
  public:
    // Called on the delivery thread after a row changes state (delivered or rejected).
    using Listener = std::function<void(const OutboxEntry&)>;

    OutboxDelivery(OutboxStore& store, PortalClient& portal, DeliveryOptions options = {});
    ~OutboxDelivery();  // stops the worker
    OutboxDelivery(const OutboxDelivery&) = delete;
    OutboxDelivery& operator=(const OutboxDelivery&) = delete;

    // One synchronous pass over the rows due at `now`.
    DeliveryPass deliverDue(OutboxTime now);

    void setListener(Listener listener);
    // A background thread running passes when rows are due; wake() after an enqueue.
    void start();
    void wake();
    void stop();

  private:
    void deliverOne(const OutboxEntry& entry, OutboxTime now, DeliveryPass& pass);
    void run();

    OutboxStore& store_;
    PortalClient& portal_;
    DeliveryOptions options_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool running_ = false;
    bool woken_ = false;
    Listener listener_;
    std::thread thread_;
};

}  // namespace dvc
